#include "taskexport.h"
#include "taskimport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace veo;

namespace {

QStringList ids(const TaskImport &file)
{
    QStringList out;
    for (const ImportedTask &t : file.tasks) {
        out << t.taskId;
    }
    return out;
}

QList<int> skippedLines(const TaskImport &file)
{
    QList<int> out;
    for (const ImportSkip &s : file.skipped) {
        out << s.number;
    }
    return out;
}

// Records as the task list holds them: Chinese, commas, quotes, line breaks, a formula, an ID
// that starts with "-" (the formula guard puts an apostrophe before it), keys by label.
QList<ExportedTask> records()
{
    TaskRecord a;
    a.taskId = QStringLiteral("veo_task_import_0001");
    a.status = TaskStatus::Succeeded;
    a.prompt = QStringLiteral("赛博朋克城市, \"night\" shot\nsecond line");
    a.resultUrls = {QStringLiteral("https://media.example/a.mp4"),
                    QStringLiteral("https://media.example/b.mp4")};
    TaskRecord b;
    b.taskId = QStringLiteral("veo_task_import_0002");
    b.kind = TaskKind::VeoExtension;
    b.parentTaskId = a.taskId;
    b.prompt = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")");
    TaskRecord c;
    c.taskId = QStringLiteral("-dash_first_id_0003");
    c.kind = TaskKind::MarketJob;
    c.prompt = QStringLiteral("多行\r\n提示, 带逗号");
    TaskRecord upgrade;
    upgrade.taskId = QStringLiteral("veo_task_import_0001:1080p:0");
    upgrade.kind = TaskKind::Veo1080p;
    upgrade.parentTaskId = a.taskId;
    return {{a, QStringLiteral("Studio, \"A\""), {QStringLiteral("/videos/a, 1.mp4")}},
            {b, {}, {}},
            {c, QStringLiteral("个人"), {}},
            {upgrade, QStringLiteral("Studio, \"A\""), {}}};
}

} // namespace

class TestTaskImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // What Export Tasks writes comes back: the IDs, their key labels, kinds and originals; an
    // upgrade (made from its parent in the app) is left out and said so.
    void exportRoundTrips_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("csv") << int(ExportFormat::Csv);
        QTest::newRow("json") << int(ExportFormat::Json);
    }
    void exportRoundTrips()
    {
        QFETCH(int, format);
        const QByteArray bytes = exportTasks(records(), ExportFormat(format));
        const TaskImport file = readTaskImport(bytes);
        QCOMPARE(file.format, ExportFormat(format) == ExportFormat::Csv ? TaskImport::Format::Csv
                                                                        : TaskImport::Format::Json);
        QCOMPARE(file.tasks.size(), 3);
        const ImportedTask &a = file.tasks.at(0);
        QCOMPARE(a.taskId, QStringLiteral("veo_task_import_0001"));
        QCOMPARE(a.keyLabel, QStringLiteral("Studio, \"A\""));
        QCOMPARE(a.kind, TaskKind::VeoGeneration);
        QVERIFY(a.parentTaskId.isEmpty());
        const ImportedTask &b = file.tasks.at(1);
        QCOMPARE(b.taskId, QStringLiteral("veo_task_import_0002"));
        QVERIFY(b.keyLabel.isEmpty());
        QCOMPARE(b.kind, TaskKind::VeoExtension);
        QCOMPARE(b.parentTaskId, a.taskId);
        const ImportedTask &c = file.tasks.at(2);
        QCOMPARE(c.taskId, QStringLiteral("-dash_first_id_0003"));
        QCOMPARE(c.keyLabel, QStringLiteral("个人"));
        QCOMPARE(c.kind, TaskKind::MarketJob);
        QCOMPARE(file.skipped.size(), 1);
        QCOMPARE(file.skipped.constFirst().reason, ImportSkip::Reason::Upgrade);
        // CSV: the upgrade's row starts on line 8 (header 1; the first row spans lines 2-4,
        // its prompt and its result links breaking a line each; the second 5; the third 6-7);
        // JSON: the fourth item.
        QCOMPARE(file.skipped.constFirst().number,
                 ExportFormat(format) == ExportFormat::Csv ? 8 : 4);
        QCOMPARE(file.duplicates, 0);
    }

    // The content decides, not the file's name: every shape a list of IDs comes in.
    void detectsTheFormat_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("format");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QList<int>>("skipped");
        const QStringList two{QStringLiteral("abc12345678"), QStringLiteral("def12345678")};
        QTest::newRow("one per line") << QByteArray("abc12345678\r\ndef12345678\r\n")
                                      << int(TaskImport::Format::Text) << two << QList<int>{};
        QTest::newRow("several per line, chat text")
            << QByteArray("IDs: abc12345678, 「def12345678」\n\nthanks!\n")
            << int(TaskImport::Format::Text) << two << QList<int>{1, 3};
        QTest::newRow("record-info links")
            << QByteArray("https://api.kie.ai/api/v1/veo/record-info?taskId=abc12345678\n"
                          "def12345678")
            << int(TaskImport::Format::Text) << two << QList<int>{};
        QTest::newRow("csv of ids, no header")
            << QByteArray("abc12345678,def12345678\n") << int(TaskImport::Format::Text) << two
            << QList<int>{};
        QTest::newRow("csv with a header, other columns, semicolons, BOM")
            << QByteArray("\xEF\xBB\xBFnote;Task ID\nfirst;abc12345678\nsecond;not an id\n"
                          "third;def12345678\n")
            << int(TaskImport::Format::Csv) << two << QList<int>{3};
        QTest::newRow("csv with only a taskId header")
            << QByteArray("taskId\nabc12345678\n\ndef12345678\nabc12345678\n")
            << int(TaskImport::Format::Csv) << two << QList<int>{};
        QTest::newRow("json array of strings")
            << QByteArray("[\"abc12345678\", \"def12345678\", \"??\"]")
            << int(TaskImport::Format::Json) << two << QList<int>{3};
        QTest::newRow("json array of objects")
            << QByteArray("[{\"taskId\":\"abc12345678\"},{\"task_id\":\"def12345678\"},"
                          "{\"name\":\"x\"},42]")
            << int(TaskImport::Format::Json) << two << QList<int>{3, 4};
        QTest::newRow("json tasks object, .txt name irrelevant")
            << QByteArray("  {\"tasks\": [{\"taskId\": \"abc12345678\"}, "
                          "{\"taskId\": \"def12345678\", \"keyLabel\": null}]}")
            << int(TaskImport::Format::Json) << two << QList<int>{};
        QTest::newRow("broken json is read as text")
            << QByteArray("[\"abc12345678\", \"def12345678\"") << int(TaskImport::Format::Text)
            << two << QList<int>{};
    }
    void detectsTheFormat()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, format);
        QFETCH(QStringList, ids);
        QFETCH(QList<int>, skipped);
        const TaskImport file = readTaskImport(bytes);
        QCOMPARE(int(file.format), format);
        QCOMPARE(::ids(file), ids);
        QCOMPARE(skippedLines(file), skipped);
        QVERIFY(!file.binary);
    }

    // What is not an ID is reported with its line, shortened; repeats are folded and counted.
    void reportsBadLinesWithTheirNumbers()
    {
        const QByteArray text = "abc12345678\n"
                                "hello world\n"
                                "abc12345678 def12345678 bad!\n" +
                                QByteArray(200, 'x') + "!\n";
        const TaskImport file = readTaskImport(text);
        QCOMPARE(ids(file),
                 (QStringList{QStringLiteral("abc12345678"), QStringLiteral("def12345678")}));
        QCOMPARE(file.duplicates, 1);
        QCOMPARE(skippedLines(file), (QList<int>{2, 3, 4}));
        QCOMPARE(file.skipped.at(0).text, QStringLiteral("hello world"));
        QCOMPARE(file.skipped.at(1).text, QStringLiteral("bad!"));
        QCOMPARE(file.skipped.at(2).text.size(), 80);
        QVERIFY(file.skipped.at(2).text.endsWith(QChar(0x2026)));
        for (const ImportSkip &s : file.skipped) {
            QCOMPARE(s.reason, ImportSkip::Reason::NotAnId);
        }
    }

    // An export row's ID cell with the formula guard reads as the ID; a CSV row with an empty
    // ID cell is reported whole.
    void csvCellsAreUnguarded()
    {
        const TaskImport file = readTaskImport("taskId,keyLabel\r\n'-abc12345678,'=Key\r\n"
                                               ",Studio\r\n");
        QCOMPARE(file.tasks.size(), 1);
        QCOMPARE(file.tasks.constFirst().taskId, QStringLiteral("-abc12345678"));
        QCOMPARE(file.tasks.constFirst().keyLabel, QStringLiteral("=Key"));
        QCOMPARE(skippedLines(file), QList<int>{3});
        QCOMPARE(file.skipped.constFirst().text, QStringLiteral(", Studio"));
    }

    void notTextIsNotRead()
    {
        const TaskImport file = readTaskImport(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        QVERIFY(file.binary);
        QVERIFY(file.tasks.isEmpty());
        QVERIFY(readTaskImport({}).tasks.isEmpty());
        QVERIFY(readTaskImport({}).skipped.isEmpty());
    }

    // 100,000 lines: read well within a test's time (the window reads off its thread).
    void readsALargeFile()
    {
        QByteArray text;
        for (int i = 0; i < 100000; ++i) {
            text += "veo_task_large_" + QByteArray::number(i).rightJustified(6, '0') + '\n';
        }
        QElapsedTimer timer;
        timer.start();
        const TaskImport file = readTaskImport(text);
        qInfo("100000 lines read in %lld ms", timer.elapsed());
        QCOMPARE(file.tasks.size(), 100000);
        QVERIFY(file.skipped.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTaskImport)
#include "tst_taskimport.moc"
