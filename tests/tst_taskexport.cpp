#include "csv.h"
#include "taskexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace veo;

namespace {

TaskRecord finished()
{
    TaskRecord t;
    t.taskId = QStringLiteral("veo_task_export_0001");
    t.status = TaskStatus::Succeeded;
    t.successFlag = 1;
    // Commas, quotes, a line break and Chinese: what a CSV writer gets wrong.
    t.prompt = QStringLiteral("赛博朋克城市, \"night\" shot\nsecond line");
    t.model = QStringLiteral("veo3_fast");
    t.aspectRatio = QStringLiteral("16:9");
    t.resolution = QStringLiteral("1080p");
    t.paramJson = QStringLiteral(R"({"prompt":"x","model":"veo3_fast","seeds":23456})");
    t.createTime = QDateTime(QDate(2026, 12, 1), QTime(8, 30), Qt::UTC);
    t.completeTime = QDateTime(QDate(2026, 12, 1), QTime(8, 33, 12), Qt::UTC);
    t.addedAt = QDateTime(QDate(2026, 12, 1), QTime(8, 30, 5), Qt::UTC);
    t.resultUrls = {QStringLiteral("https://media.example/a.mp4"),
                    QStringLiteral("https://media.example/b.mp4")};
    t.keyId = QStringLiteral("key-studio");
    return t;
}

TaskRecord refused()
{
    TaskRecord t;
    t.taskId = QStringLiteral("veo_task_export_0002");
    t.kind = TaskKind::VeoExtension;
    t.parentTaskId = QStringLiteral("veo_task_export_0001");
    t.status = TaskStatus::Failed;
    t.prompt = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")");
    t.errorCode = 400;
    t.errorMessage = QStringLiteral("Only English prompts are supported at this time.");
    t.addedAt = QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
    return t; // keyId "": the default key
}

QList<KeyProfile> profiles()
{
    KeyProfile studio;
    studio.id = QStringLiteral("key-studio");
    studio.label = QStringLiteral("Studio");
    KeyProfile personal;
    personal.id = QStringLiteral("key-personal");
    personal.label = QStringLiteral("个人");
    personal.isDefault = true;
    KeyProfile session;
    session.id = QStringLiteral("session");
    session.label = QStringLiteral("Session key");
    session.sessionOnly = true;
    session.isDefault = true;
    return {studio, personal, session};
}

QList<LocalCopy> copies()
{
    return {{QStringLiteral("veo_task_export_0001"), MediaKind::Result, 0,
             QStringLiteral("/home/me/Videos/Veo/a, first.mp4")},
            {QStringLiteral("veo_task_export_0001"), MediaKind::Result, 1,
             QStringLiteral("/home/me/Videos/Veo/b.mp4")}};
}

} // namespace

class TestTaskExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Labels by key ("" is the default stored key, never the session one), files by task.
    void labelsAndFiles()
    {
        const QList<ExportedTask> rows =
            exportedTasks({finished(), refused()}, profiles(), copies());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).keyLabel, QStringLiteral("Studio"));
        QCOMPARE(rows.at(1).keyLabel, QStringLiteral("个人"));
        QCOMPARE(rows.at(0).files.size(), 2);
        QVERIFY(rows.at(1).files.isEmpty());
    }

    void json()
    {
        const QByteArray out = exportTasks(
            exportedTasks({finished(), refused()}, profiles(), copies()), ExportFormat::Json);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray tasks = doc.object().value(QLatin1String("tasks")).toArray();
        QCOMPARE(tasks.size(), 2);
        const QJsonObject a = tasks.at(0).toObject();
        QCOMPARE(a.keys().size(), exportFields().size());
        QCOMPARE(a.value(QLatin1String("taskId")).toString(), finished().taskId);
        QCOMPARE(a.value(QLatin1String("kind")).toString(), QStringLiteral("veo"));
        QCOMPARE(a.value(QLatin1String("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(a.value(QLatin1String("prompt")).toString(), finished().prompt);
        QCOMPARE(a.value(QLatin1String("seeds")).toInt(), 23456);
        QCOMPARE(a.value(QLatin1String("resolution")).toString(), QStringLiteral("1080p"));
        QCOMPARE(a.value(QLatin1String("createTime")).toString(),
                 QStringLiteral("2026-12-01T08:30:00.000Z"));
        QCOMPARE(a.value(QLatin1String("resultUrls")).toArray().size(), 2);
        QCOMPARE(a.value(QLatin1String("keyLabel")).toString(), QStringLiteral("Studio"));
        QCOMPARE(a.value(QLatin1String("files")).toArray().at(0).toString(),
                 QStringLiteral("/home/me/Videos/Veo/a, first.mp4"));
        QVERIFY(a.value(QLatin1String("errorCode")).isNull());
        const QJsonObject b = tasks.at(1).toObject();
        QCOMPARE(b.value(QLatin1String("kind")).toString(), taskKindKey(TaskKind::VeoExtension));
        QCOMPARE(b.value(QLatin1String("parentTaskId")).toString(), finished().taskId);
        QCOMPARE(b.value(QLatin1String("errorCode")).toInt(), 400);
        QVERIFY(b.value(QLatin1String("completeTime")).isNull());
        // JSON keeps text as it is: no formula guard there.
        QCOMPARE(b.value(QLatin1String("prompt")).toString(), refused().prompt);
    }

    // Read back by a CSV reader: every cell as written, lists one item per line, the formula
    // guarded, a byte order mark for spreadsheets.
    void csv()
    {
        const QByteArray out = exportTasks(
            exportedTasks({finished(), refused()}, profiles(), copies()), ExportFormat::Csv);
        QVERIFY(out.startsWith("\xEF\xBB\xBF"));
        const QList<CsvRow> rows = readCsv(QString::fromUtf8(out));
        QCOMPARE(rows.size(), 3);
        const QStringList header = rows.at(0).cells;
        QCOMPARE(header, exportFields());
        const auto cell = [&](int row, const char *field) {
            return rows.at(row).cells.value(header.indexOf(QLatin1String(field)));
        };
        for (const CsvRow &row : rows) {
            QCOMPARE(row.cells.size(), header.size());
        }
        QCOMPARE(cell(1, "prompt"), finished().prompt);
        QCOMPARE(cell(1, "resultUrls"), finished().resultUrls.join(QLatin1Char('\n')));
        QCOMPARE(cell(1, "files"),
                 QStringLiteral("/home/me/Videos/Veo/a, first.mp4\n/home/me/Videos/Veo/b.mp4"));
        QCOMPARE(cell(1, "seeds"), QStringLiteral("23456"));
        QCOMPARE(cell(1, "keyLabel"), QStringLiteral("Studio"));
        QCOMPARE(cell(2, "prompt"), QLatin1Char('\'') + refused().prompt);
        QCOMPARE(cell(2, "errorCode"), QStringLiteral("400"));
        QCOMPARE(cell(2, "completeTime"), QString());
        QCOMPARE(rows.at(2).line, 6); // the first task spans four lines (prompt, URLs, files)
    }

    void formatByName()
    {
        QCOMPARE(exportFormatForPath(QStringLiteral("/tmp/tasks.JSON")), ExportFormat::Json);
        QCOMPARE(exportFormatForPath(QStringLiteral("/tmp/tasks.csv")), ExportFormat::Csv);
        QCOMPARE(exportFormatForPath(QStringLiteral("/tmp/tasks")), ExportFormat::Csv);
    }

    void filters()
    {
        const QDateTime dec1 = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(exportKeeps(finished(), {}, {}));
        QVERIFY(exportKeeps(finished(), QStringLiteral("succeeded"), {}));
        QVERIFY(!exportKeeps(finished(), QStringLiteral("failed"), {}));
        QVERIFY(exportKeeps(finished(), {}, dec1));
        // No KIE time: the time it was added counts (November 20).
        QVERIFY(!exportKeeps(refused(), {}, dec1));
        QVERIFY(exportKeeps(refused(), QStringLiteral("failed"), dec1.addDays(-12)));
    }
};

QTEST_GUILESS_MAIN(TestTaskExport)
#include "tst_taskexport.moc"
