#include "commandline.h"

#include <QTest>

using namespace veo;

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modes_data();
    void exportFilters();
    void modes();
    void apiBasePrecedence();
    void helpNamesEveryOption();
    void relaunchKeepsLanguageAndBase_data();
    void relaunchKeepsLanguageAndBase();
    void generateTakesEveryFlag();
    void generateModelWords_data();
    void generateModelWords();
    void generateRefusals_data();
    void generateRefusals();
    void batchFlagsAreDefaults();
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
    QTest::newRow("export") << QStringList{QStringLiteral("--export"), QStringLiteral("t.csv")}
                            << int(CommandLine::Mode::Export) << QStringList{} << false;
    QTest::newRow("export takes no ids")
        << QStringList{QStringLiteral("--export"), QStringLiteral("t.csv"), a}
        << int(CommandLine::Mode::Error) << QStringList{} << false;
    QTest::newRow("status without export")
        << QStringList{QStringLiteral("--status"), QStringLiteral("failed")}
        << int(CommandLine::Mode::Error) << QStringList{} << false;
    QTest::newRow("unknown status")
        << QStringList{QStringLiteral("--export"), QStringLiteral("t.csv"),
                       QStringLiteral("--status"), QStringLiteral("done")}
        << int(CommandLine::Mode::Error) << QStringList{} << false;
    QTest::newRow("since not a date")
        << QStringList{QStringLiteral("--export"), QStringLiteral("t.csv"),
                       QStringLiteral("--since"), QStringLiteral("yesterday")}
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

void TestCommandLine::exportFilters()
{
    const CommandLine cl = parseCommandLine(
        {QStringLiteral("veo-tracker"), QStringLiteral("--export"), QStringLiteral("t.json"),
         QStringLiteral("--status"), QStringLiteral("Succeeded"), QStringLiteral("--since"),
         QStringLiteral("2026-12-01")},
        {});
    QCOMPARE(cl.mode, CommandLine::Mode::Export);
    QCOMPARE(cl.exportFile, QStringLiteral("t.json"));
    QCOMPARE(cl.exportStatus, QStringLiteral("succeeded"));
    QCOMPARE(cl.exportSince, QDate(2026, 12, 1).startOfDay()); // local midnight
    const CommandLine timed = parseCommandLine(
        {QStringLiteral("veo-tracker"), QStringLiteral("--export"), QStringLiteral("t.csv"),
         QStringLiteral("--since"), QStringLiteral("2026-12-01T08:00:00Z")},
        {});
    QCOMPARE(timed.exportSince, QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC));
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
    for (const char *option :
         {"--add", "--check", "--demo", "--api-base", "--version", "--generate", "--batch", "--key",
          "--prompt", "--model", "--aspect", "--resolution", "--seeds", "--watermark",
          "--no-translation", "--type", "--image", "--export", "--status", "--since"}) {
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

namespace {
CommandLine parse(QStringList args)
{
    args.prepend(QStringLiteral("veo-tracker"));
    return parseCommandLine(args, {});
}
} // namespace

void TestCommandLine::generateTakesEveryFlag()
{
    const CommandLine cl =
        parse({QStringLiteral("--generate"), QStringLiteral("--prompt"),
               QStringLiteral(" A fox "),    QStringLiteral("--model"),
               QStringLiteral("veo3"),       QStringLiteral("--aspect"),
               QStringLiteral("9:16"),       QStringLiteral("--resolution"),
               QStringLiteral("1080p"),      QStringLiteral("--seeds"),
               QStringLiteral("12345"),      QStringLiteral("--watermark"),
               QStringLiteral("Studio"),     QStringLiteral("--no-translation"),
               QStringLiteral("--type"),     QStringLiteral("FIRST_AND_LAST_FRAMES_2_VIDEO"),
               QStringLiteral("--image"),    QStringLiteral("https://img.example/a.png"),
               QStringLiteral("--image"),    QStringLiteral("https://img.example/b.png"),
               QStringLiteral("--key"),      QStringLiteral("Client A")});
    QCOMPARE(cl.mode, CommandLine::Mode::Generate);
    GenerateOptions expected;
    expected.prompt = QStringLiteral("A fox");
    expected.model = QStringLiteral("veo3");
    expected.aspectRatio = QStringLiteral("9:16");
    expected.resolution = QStringLiteral("1080p");
    expected.seeds = 12345;
    expected.watermark = QStringLiteral("Studio");
    expected.enableTranslation = false;
    expected.generationType = QStringLiteral("FIRST_AND_LAST_FRAMES_2_VIDEO");
    expected.imageUrls = {QStringLiteral("https://img.example/a.png"),
                          QStringLiteral("https://img.example/b.png")};
    QCOMPARE(cl.generate, expected);
    QCOMPARE(cl.keyLabel, QStringLiteral("Client A"));

    // The defaults are the request's (the dialog's first choices).
    const CommandLine plain =
        parse({QStringLiteral("--generate"), QStringLiteral("--prompt"), QStringLiteral("x")});
    QCOMPARE(plain.mode, CommandLine::Mode::Generate);
    GenerateOptions defaults;
    defaults.prompt = QStringLiteral("x");
    QCOMPARE(plain.generate, defaults);
    QVERIFY(plain.keyLabel.isEmpty());
}

void TestCommandLine::generateModelWords_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("model");
    QTest::newRow("quality") << QStringLiteral("quality") << QStringLiteral("veo3");
    QTest::newRow("fast") << QStringLiteral("fast") << QStringLiteral("veo3_fast");
    QTest::newRow("lite") << QStringLiteral("Lite") << QStringLiteral("veo3_lite");
    QTest::newRow("veo3_lite") << QStringLiteral("veo3_lite") << QStringLiteral("veo3_lite");
    QTest::newRow("veo3_fast") << QStringLiteral("veo3_fast") << QStringLiteral("veo3_fast");
}

void TestCommandLine::generateModelWords()
{
    QFETCH(QString, given);
    QFETCH(QString, model);
    const CommandLine cl = parse({QStringLiteral("--generate"), QStringLiteral("--prompt"),
                                  QStringLiteral("x"), QStringLiteral("--model"), given});
    QCOMPARE(cl.mode, CommandLine::Mode::Generate);
    QCOMPARE(cl.generate.model, model);
}

void TestCommandLine::generateRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("names");
    const QString g = QStringLiteral("--generate");
    const QString p = QStringLiteral("--prompt");
    const QString x = QStringLiteral("x");
    QTest::newRow("no prompt") << QStringList{g} << QStringLiteral("--prompt");
    QTest::newRow("unknown model")
        << QStringList{g, p, x, QStringLiteral("--model"), QStringLiteral("veo9")}
        << QStringLiteral("veo9");
    QTest::newRow("unknown aspect")
        << QStringList{g, p, x, QStringLiteral("--aspect"), QStringLiteral("4:3")}
        << QStringLiteral("4:3");
    QTest::newRow("unknown resolution")
        << QStringList{g, p, x, QStringLiteral("--resolution"), QStringLiteral("8k")}
        << QStringLiteral("8k");
    QTest::newRow("unknown type") << QStringList{g, p, x, QStringLiteral("--type"),
                                                 QStringLiteral("IMAGE")}
                                  << QStringLiteral("IMAGE");
    QTest::newRow("seeds out of range")
        << QStringList{g, p, x, QStringLiteral("--seeds"), QStringLiteral("9999")}
        << QStringLiteral("10000");
    QTest::newRow("seeds not a number")
        << QStringList{g, p, x, QStringLiteral("--seeds"), QStringLiteral("many")}
        << QStringLiteral("many");
    QTest::newRow("an image from disk in a batch")
        << QStringList{QStringLiteral("--batch"), QStringLiteral("b.csv"),
                       QStringLiteral("--image"), QStringLiteral("cat.png")}
        << QStringLiteral("cat.png");
    QTest::newRow("text to video with an image")
        << QStringList{g,
                       p,
                       x,
                       QStringLiteral("--type"),
                       QStringLiteral("TEXT_2_VIDEO"),
                       QStringLiteral("--image"),
                       QStringLiteral("https://img.example/a.png")}
        << QStringLiteral("images");
    QTest::newRow("generate and batch")
        << QStringList{g, p, x, QStringLiteral("--batch"), QStringLiteral("b.csv")}
        << QStringLiteral("--batch");
    QTest::newRow("generate and extend")
        << QStringList{g, p, x, QStringLiteral("--extend"), QStringLiteral("veo_task_abcdef12")}
        << QStringLiteral("one command");
    QTest::newRow("generate with task ids")
        << QStringList{g, p, x, QStringLiteral("veo_task_abcdef123456")}
        << QStringLiteral("task IDs");
    QTest::newRow("a generate flag alone")
        << QStringList{QStringLiteral("--aspect"), QStringLiteral("9:16")}
        << QStringLiteral("--aspect");
    QTest::newRow("generate in the demo")
        << QStringList{QStringLiteral("--demo"), g, p, x} << QStringLiteral("demo");
    QTest::newRow("--key alone") << QStringList{QStringLiteral("--key"), QStringLiteral("A")}
                                 << QStringLiteral("--key");
}

void TestCommandLine::generateRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(QString, names);
    const CommandLine cl = parse(args);
    QCOMPARE(cl.mode, CommandLine::Mode::Error);
    QVERIFY2(cl.errorText.contains(names), qPrintable(cl.errorText));
}

void TestCommandLine::batchFlagsAreDefaults()
{
    // A batch's flags are checked one by one; the rows are checked with what they add (a
    // type that needs images the rows give is fine here).
    const CommandLine cl =
        parse({QStringLiteral("--batch"), QStringLiteral("ideas.csv"), QStringLiteral("--model"),
               QStringLiteral("lite"), QStringLiteral("--type"),
               QStringLiteral("REFERENCE_2_VIDEO"), QStringLiteral("--key"), QStringLiteral("B")});
    QCOMPARE(cl.mode, CommandLine::Mode::Batch);
    QCOMPARE(cl.batchFile, QStringLiteral("ideas.csv"));
    QCOMPARE(cl.generate.model, QStringLiteral("veo3_lite"));
    QCOMPARE(cl.generate.generationType, QStringLiteral("REFERENCE_2_VIDEO"));
    QVERIFY(cl.generate.prompt.isEmpty());
    QCOMPARE(cl.keyLabel, QStringLiteral("B"));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
