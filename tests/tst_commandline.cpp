#include "commandline.h"

#include <QTest>

using namespace veo;

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modes_data();
    void modes();
    void apiBasePrecedence();
    void helpNamesEveryOption();
    void relaunchKeepsLanguageAndBase_data();
    void relaunchKeepsLanguageAndBase();
};

void TestCommandLine::modes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<bool>("demo");

    const QString a = QStringLiteral("veo_task_abcdef123456");
    const QString b = QStringLiteral("0123456789abcdef0123456789abcdef");
    QTest::newRow("no args") << QStringList{} << int(CommandLine::Mode::Gui) << QStringList{}
                             << false;
    QTest::newRow("positional") << QStringList{a, b} << int(CommandLine::Mode::Gui)
                                << QStringList{a, b} << false;
    QTest::newRow("--add") << QStringList{QStringLiteral("--add"), a} << int(CommandLine::Mode::Gui)
                           << QStringList{a} << false;
    QTest::newRow("comma list") << QStringList{a + QLatin1Char(',') + b}
                                << int(CommandLine::Mode::Gui) << QStringList{a, b} << false;
    QTest::newRow("duplicates folded")
        << QStringList{a, a} << int(CommandLine::Mode::Gui) << QStringList{a} << false;
    QTest::newRow("demo") << QStringList{QStringLiteral("--demo")} << int(CommandLine::Mode::Gui)
                          << QStringList{} << true;
    QTest::newRow("check") << QStringList{QStringLiteral("--check"), a}
                           << int(CommandLine::Mode::Check) << QStringList{a} << false;
    const QString hd = a + QStringLiteral(":1080p:0");
    QTest::newRow("check a 1080P child")
        << QStringList{QStringLiteral("--check"), a, hd} << int(CommandLine::Mode::Check)
        << QStringList{a, hd} << false;
    QTest::newRow("check no 4K child (it would repeat a paid request)")
        << QStringList{QStringLiteral("--check"), a + QStringLiteral(":4k:0")}
        << int(CommandLine::Mode::Error) << QStringList{a} << false;
    QTest::newRow("child ids only for check")
        << QStringList{hd} << int(CommandLine::Mode::Error) << QStringList{} << false;
    QTest::newRow("check needs ids") << QStringList{QStringLiteral("--check")}
                                     << int(CommandLine::Mode::Error) << QStringList{} << false;
    QTest::newRow("invalid id") << QStringList{QStringLiteral("no!")}
                                << int(CommandLine::Mode::Error) << QStringList{} << false;
    QTest::newRow("help") << QStringList{QStringLiteral("--help")} << int(CommandLine::Mode::Help)
                          << QStringList{} << false;
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << int(CommandLine::Mode::Help)
                        << QStringList{} << false;
    QTest::newRow("version") << QStringList{QStringLiteral("--version")}
                             << int(CommandLine::Mode::Version) << QStringList{} << false;
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                    << int(CommandLine::Mode::Error) << QStringList{} << false;
    QTest::newRow("api-base needs value")
        << QStringList{QStringLiteral("--api-base")} << int(CommandLine::Mode::Error)
        << QStringList{} << false;
}

void TestCommandLine::modes()
{
    QFETCH(QStringList, args);
    QFETCH(int, mode);
    QFETCH(QStringList, ids);
    QFETCH(bool, demo);
    args.prepend(QStringLiteral("veo-tracker"));
    const CommandLine cl = parseCommandLine(args, {});
    QCOMPARE(int(cl.mode), mode);
    if (cl.mode == CommandLine::Mode::Error) {
        QVERIFY(!cl.errorText.isEmpty());
        return;
    }
    QCOMPARE(cl.taskIds, ids);
    QCOMPARE(cl.demo, demo);
}

void TestCommandLine::apiBasePrecedence()
{
    const QString env = QStringLiteral("http://127.0.0.1:9");
    const QString arg = QStringLiteral("https://api.example.test");
    QCOMPARE(parseCommandLine({QStringLiteral("veo-tracker")}, env).apiBase, env);
    QCOMPARE(
        parseCommandLine({QStringLiteral("veo-tracker"), QStringLiteral("--api-base"), arg}, env)
            .apiBase,
        arg);
    QCOMPARE(parseCommandLine({QStringLiteral("veo-tracker")}, {}).apiBase, QString());
}

void TestCommandLine::helpNamesEveryOption()
{
    const CommandLine cl =
        parseCommandLine({QStringLiteral("veo-tracker"), QStringLiteral("--help")}, {});
    for (const char *option : {"--add", "--check", "--demo", "--api-base", "--version"}) {
        QVERIFY2(cl.helpText.contains(QLatin1String(option)), option);
    }
}

void TestCommandLine::relaunchKeepsLanguageAndBase_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<QStringList>("relaunch");
    const QString id = QStringLiteral("7f3e0a1b2c3d4e5f60718293a4b5c6d7");
    const QString base = QStringLiteral("http://127.0.0.1:9");
    QTest::newRow("leave the demo")
        << QStringList{QStringLiteral("--demo"), id} << false << QStringList{};
    QTest::newRow("try the demo") << QStringList{id} << true
                                  << QStringList{QStringLiteral("--demo")};
    QTest::newRow("language kept")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--lang"), QStringLiteral("zh_CN")}
        << false << QStringList{QStringLiteral("--lang"), QStringLiteral("zh_CN")};
    QTest::newRow("base kept for real use")
        << QStringList{QStringLiteral("--api-base"), base} << false
        << QStringList{QStringLiteral("--api-base"), base};
    QTest::newRow("the demo has its own base") << QStringList{QStringLiteral("--api-base"), base}
                                               << true << QStringList{QStringLiteral("--demo")};
}

void TestCommandLine::relaunchKeepsLanguageAndBase()
{
    QFETCH(QStringList, args);
    QFETCH(bool, demo);
    QFETCH(QStringList, relaunch);
    args.prepend(QStringLiteral("veo-tracker"));
    QCOMPARE(relaunchArguments(parseCommandLine(args, {}), demo), relaunch);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
