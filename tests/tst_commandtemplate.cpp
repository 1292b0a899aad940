// The command run after each download: how the line is split and checked, and that the
// placeholders are replaced inside each argument, once, after the split.
#include "commandtemplate.h"

#include <QTest>

using namespace veo;

class tst_CommandTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate();
    void arguments_data();
    void arguments();
    void usesJson();
};

void tst_CommandTemplate::validate_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("problem"); // a part of the message; empty: fine
    QTest::newRow("simple") << QStringLiteral("notify-send Done {file}") << QString();
    QTest::newRow("quoted words") << QStringLiteral("notify-send \"Video ready\" \"{prompt}\"")
                                  << QString();
    QTest::newRow("every placeholder")
        << QStringLiteral("/usr/bin/x --in={file} {taskId} {prompt} {json}") << QString();
    QTest::newRow("literal quote") << QStringLiteral("echo \"\"\"") << QString();
    QTest::newRow("apostrophe inside a word") << QStringLiteral("echo it's {file}") << QString();
    QTest::newRow("shell-looking braces") << QStringLiteral("sh -c \"exit ${X:-0}\"") << QString();
    QTest::newRow("empty") << QString() << QStringLiteral("Enter the program");
    QTest::newRow("only spaces") << QStringLiteral("   ") << QStringLiteral("Enter the program");
    QTest::newRow("unclosed quote")
        << QStringLiteral("notify-send \"Done {file}") << QStringLiteral("not closed");
    QTest::newRow("unclosed at the end")
        << QStringLiteral("notify-send Done\"") << QStringLiteral("not closed");
    QTest::newRow("single quotes")
        << QStringLiteral("notify-send 'Video ready' {file}") << QStringLiteral("Single quotes");
    QTest::newRow("unknown placeholder")
        << QStringLiteral("notify-send {name}")
        << QStringLiteral("Unknown placeholder {name}. Use {file}, {taskId}, {prompt}, {json}.");
    QTest::newRow("wrong case") << QStringLiteral("notify-send {taskid}")
                                << QStringLiteral("Unknown placeholder {taskid}");
    QTest::newRow("placeholder as program")
        << QStringLiteral("{file} --play") << QStringLiteral("not a placeholder");
    QTest::newRow("placeholder in program")
        << QStringLiteral("/opt/{taskId}/run") << QStringLiteral("not a placeholder");
}

void tst_CommandTemplate::validate()
{
    QFETCH(QString, line);
    QFETCH(QString, problem);
    const QString message = CommandTemplate::validate(line);
    if (problem.isEmpty()) {
        QCOMPARE(message, QString());
    } else {
        QVERIFY2(message.contains(problem), qPrintable(message));
        QVERIFY(CommandTemplate::arguments(line, {}).isEmpty());
    }
}

void tst_CommandTemplate::arguments_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("expected");
    const QString nasty = QStringLiteral("a \"b\" 'c'; $(touch x) {file}");
    QTest::newRow("values stay whole")
        << QStringLiteral("run {file} {prompt} {taskId} {json}")
        << QStringList{QStringLiteral("run"), QStringLiteral("/v/my file.mp4"), nasty,
                       QStringLiteral("veo_1"), QStringLiteral("/v/my file.mp4.json")};
    QTest::newRow("inside a word")
        << QStringLiteral("run --title=\"[{taskId}] {prompt}\"")
        << QStringList{QStringLiteral("run"), QStringLiteral("--title=[veo_1] ") + nasty};
    QTest::newRow("quotes group, triple quote is literal")
        << QStringLiteral("run \"two words\" \"\"\"quoted\"\"\"")
        << QStringList{QStringLiteral("run"), QStringLiteral("two words"),
                       QStringLiteral("\"quoted\"")};
    QTest::newRow("an empty value is an empty argument")
        << QStringLiteral("run {json} end")
        << QStringList{QStringLiteral("run"), QString(), QStringLiteral("end")};
}

void tst_CommandTemplate::arguments()
{
    QFETCH(QString, line);
    QFETCH(QStringList, expected);
    CommandTemplate::Fields fields;
    fields.file = QStringLiteral("/v/my file.mp4");
    fields.taskId = QStringLiteral("veo_1");
    fields.prompt = QStringLiteral("a \"b\" 'c'; $(touch x) {file}"); // {file} stays as it is
    fields.json = line.contains(QLatin1String("{json} end"))
                      ? QString()
                      : fields.file + QStringLiteral(".json");
    QCOMPARE(CommandTemplate::arguments(line, fields), expected);
}

void tst_CommandTemplate::usesJson()
{
    QVERIFY(CommandTemplate::usesJson(QStringLiteral("run {json}")));
    QVERIFY(!CommandTemplate::usesJson(QStringLiteral("run {file}")));
}

QTEST_MAIN(tst_CommandTemplate)
#include "tst_commandtemplate.moc"
