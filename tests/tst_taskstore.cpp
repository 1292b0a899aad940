#include "sqlfixture.h"
#include "taskstore.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace veo;
using veo::test::execOn;
using veo::test::makeTask;

namespace {

const char *const ChildEnv = "VEO_TST_TASKSTORE_CHILD_DB";

QString dateText(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("<invalid>");
}

QString nullable(const QString &s)
{
    return s.isNull() ? QStringLiteral("<null>") : QLatin1Char('"') + s + QLatin1Char('"');
}

// Every field as text, so that a failed comparison shows which field differs.
QString describe(const TaskRecord &t)
{
    QStringList f;
    f << t.taskId << nullable(t.keyId) << dateText(t.addedAt) << dateText(t.lastChecked)
      << QString::number(static_cast<int>(t.lastError.kind)) << QString::number(t.lastError.code)
      << QString::number(t.lastError.httpStatus) << nullable(t.lastError.serverMessage)
      << QString::number(t.lastError.retryAfterSeconds) << statusKey(t.status)
      << QString::number(t.successFlag) << nullable(t.paramJson) << nullable(t.prompt)
      << nullable(t.model) << nullable(t.aspectRatio) << nullable(t.requestedResolution)
      << nullable(t.generationType)
      << (t.errorCode ? QString::number(*t.errorCode) : QStringLiteral("<none>"))
      << nullable(t.errorMessage) << dateText(t.createTime) << dateText(t.completeTime)
      << (t.fallbackFlag ? QString::number(*t.fallbackFlag) : QStringLiteral("<none>"))
      << nullable(t.resolution) << t.resultUrls.join(QLatin1Char('|'))
      << QString::number(t.resultUrls.size()) << t.originUrls.join(QLatin1Char('|'))
      << QString::number(t.originUrls.size()) << t.fullResultUrls.join(QLatin1Char('|'))
      << QString::number(t.fullResultUrls.size()) << QString::fromLatin1(t.extraJson.toHex())
      << QString::number(t.findingOwner) << taskKindKey(t.kind) << nullable(t.parentTaskId)
      << QString::number(t.videoIndex) << taskSubmissionKey(t.submission)
      << t.imageUrls.join(QLatin1Char('|')) << QString::number(t.imageUrls.size()) << t.sourceTaskId
      << (t.cost ? QString::number(*t.cost) : QStringLiteral("<unknown>"));
    return f.join(QStringLiteral("\n"));
}

// The statements that take a current file back to version 8 (the credit readings go).
QStringList withoutVersion9()
{
    return {QStringLiteral("DROP TRIGGER keys_forget_readings"),
            QStringLiteral("DROP TABLE credit_readings"),
            QStringLiteral("PRAGMA user_version = 8")};
}

// The statements that take a current file back to version 7 (the cost column goes too).
QStringList withoutVersion8()
{
    return withoutVersion9() + QStringList{QStringLiteral("ALTER TABLE tasks DROP COLUMN cost"),
                                           QStringLiteral("PRAGMA user_version = 7")};
}

// The statements that take a current file back to version 5 (the columns and index of
// versions 6 to 8 go), followed by the given ones.
QStringList withoutVersion6(const QStringList &more)
{
    return withoutVersion8() +
           QStringList{QStringLiteral("ALTER TABLE tasks DROP COLUMN source_id"),
                       QStringLiteral("DROP INDEX tasks_parent"),
                       QStringLiteral("ALTER TABLE tasks DROP COLUMN video_index"),
                       QStringLiteral("ALTER TABLE tasks DROP COLUMN submission"),
                       QStringLiteral("ALTER TABLE tasks DROP COLUMN image_urls"),
                       QStringLiteral("PRAGMA user_version = 5")} +
           more;
}

QList<QString> describeAll(const QList<TaskRecord> &tasks)
{
    QList<QString> out;
    for (const TaskRecord &t : tasks) {
        out << describe(t);
    }
    return out;
}

// A record with every field set, non-default values where a default would hide a bug.
TaskRecord fullRecord()
{
    TaskRecord t = makeTask(QStringLiteral("veo_full_1"), TaskStatus::Succeeded, 3);
    t.keyId = QStringLiteral("key-2");
    t.addedAt = QDateTime(QDate(2026, 11, 2), QTime(9, 15, 30, 123), Qt::UTC);
    t.lastChecked = QDateTime(QDate(2026, 11, 2), QTime(9, 20, 1, 7), Qt::UTC);
    t.lastError.kind = ApiError::Kind::RateLimited;
    t.lastError.code = 429;
    t.lastError.httpStatus = 429;
    t.lastError.serverMessage = QStringLiteral("Too many requests — 请稍后再试");
    t.lastError.retryAfterSeconds = 30;
    t.prompt =
        QStringLiteral("黄昏时分的灯塔，海浪拍岸，电影感 🎬 \"quoted\", 'single'\nsecond line");
    t.paramJson =
        QStringLiteral(R"({"prompt":"%1","model":"veo3","aspectRatio":"9:16"})").arg(t.prompt);
    t.model = QStringLiteral("veo3");
    t.aspectRatio = QStringLiteral("9:16");
    t.requestedResolution = QStringLiteral("1080p");
    t.generationType = QStringLiteral("REFERENCE_2_VIDEO");
    t.errorCode = 0; // present but zero: must not come back as "absent"
    t.errorMessage = QStringLiteral("");
    t.createTime = QDateTime(QDate(2026, 11, 2), QTime(9, 15, 31, 999), Qt::UTC);
    t.completeTime = QDateTime(QDate(2026, 11, 2), QTime(9, 18, 2, 1), Qt::UTC);
    t.fallbackFlag = false; // present but false
    t.resolution = QStringLiteral("1080p");
    t.resultUrls = {QStringLiteral("https://media.example/视频 1.mp4"),
                    QStringLiteral("https://media.example/a,b\"c.mp4")};
    t.originUrls = {QString()}; // one empty entry is not an empty list
    t.fullResultUrls = {QStringLiteral("https://media.example/full.mp4")};
    t.extraJson = QByteArray(R"({"data":{"foo":"bär"},"response":{"x":[1,2]}})") + '\0' + '\xff';
    t.findingOwner = true;
    t.kind = TaskKind::VeoExtension;
    t.parentTaskId = QStringLiteral("veo_original_1");
    t.videoIndex = 1;
    t.submission = TaskSubmission::AnswerLost;
    t.imageUrls = {QStringLiteral("https://tempfile.example/4k.jpg")};
    t.sourceTaskId = QStringLiteral("veo_rerun_of_this");
    t.cost = 0; // known and zero (a failure KIE did not charge): must not come back unknown
    return t;
}

// As little as possible: null strings, absent optionals, invalid dates, empty lists.
TaskRecord sparseRecord()
{
    TaskRecord t;
    t.taskId = QStringLiteral("veo_sparse");
    return t;
}

// Empty (not null) strings everywhere a string can be null.
TaskRecord emptyStringsRecord()
{
    TaskRecord t;
    t.taskId = QStringLiteral("veo_empty");
    const QString empty = QStringLiteral("");
    t.keyId = t.lastError.serverMessage = t.paramJson = t.prompt = t.model = t.aspectRatio = empty;
    t.requestedResolution = t.generationType = t.errorMessage = t.resolution = empty;
    t.fallbackFlag = true;
    t.errorCode = -5;
    t.extraJson = QByteArray("");
    return t;
}

// What the killed child writes; the parent expects exactly this afterwards.
QList<TaskRecord> childExpectedTasks()
{
    QList<TaskRecord> tasks;
    for (int i = 0; i < 3; ++i) {
        tasks << makeTask(QStringLiteral("veo_child_%1").arg(i), TaskStatus::Generating, i);
    }
    tasks[1].status = TaskStatus::Succeeded;
    tasks[1].successFlag = 1;
    tasks[1].resultUrls = {QStringLiteral("https://media.example/child1.mp4")};
    tasks[1].lastChecked = QDateTime(QDate(2026, 11, 3), QTime(1, 2, 3, 456), Qt::UTC);
    tasks.removeAt(2);
    return tasks;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

int userVersion(const QString &path)
{
    const QString name = QStringLiteral("probe");
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next()) {
                version = q.value(0).toInt();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

QStringList corruptSiblings(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.corrupt-*")}, QDir::Files, QDir::Name);
}

} // namespace

class TestTaskStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void defaultPath();
    void roundTripEveryField();
    void roundTripEveryErrorKindAndStatus();
    void insertDuplicateIsNoOp();
    void repeatedValuesAreReadAsOneCopy();
    void readingInBatchesGivesTheWholeList();
    void aListIsReadWithoutRequestsThatStayStored();
    void update();
    void updateUnknownTaskInsertsNothing();
    void remove();
    void reopenKeepsDataAndSchema();
    void upgradesAnOlderSchema();
    void upgradeKeepsEveryTaskAVeoGeneration();
    void upgradeFromVersion5KeepsChildrenAsNothingSent();
    void upgradeFromVersion7LeavesEveryCostUnknown();
    void replaceGivesAPlaceholderItsTaskIdAtomically();
    void roundTripEveryKind();
    void emptyFileIsANewDatabase();
    void twoStoresSideBySide();
    void notOpenIsHarmless();
    void readingAListThatIsNotOpenFails_data();
    void readingAListThatIsNotOpenFails();
    void killedProcessKeepsCommittedData();
    void onlyAFileLeftCleanSkipsTheCheck();
    void unusableFileIsMovedAside_data();
    void unusableFileIsMovedAside();
    void futureSchemaIsRefusedUntouched();
    void unwritableLocationFails_data();
    void unwritableLocationFails();
    void tenThousandTasks();

private:
    QString freshPath() const { return m_dir.filePath(QStringLiteral("tasks.sqlite")); }
    QTemporaryDir m_dir;
};

void TestTaskStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestTaskStore::init()
{
    // Connections must be dropped correctly and never collide between instances.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("still in use|duplicate connection")));
    for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden)) {
        QFile::remove(m_dir.filePath(name));
    }
}

void TestTaskStore::defaultPath()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QCOMPARE(TaskStore::defaultPath(false), base + QStringLiteral("/tasks.sqlite"));
    QCOMPARE(TaskStore::defaultPath(true), base + QStringLiteral("/demo.sqlite"));
}

void TestTaskStore::roundTripEveryField()
{
    const QList<TaskRecord> tasks = {fullRecord(), sparseRecord(), emptyStringsRecord(),
                                     makeTask(QStringLiteral("veo_failed"), TaskStatus::Failed, 4)};
    {
        TaskStore store;
        QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
        QVERIFY(store.message().isEmpty());
        QCOMPARE(store.insertNew(tasks).size(), tasks.size());
        // Same connection, before any reopen:
        QCOMPARE(describeAll(store.loadAll().tasks), describeAll(tasks));
    }
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    const QList<TaskRecord> loaded = store.loadAll().tasks;
    QCOMPARE(describeAll(loaded), describeAll(tasks));
    QVERIFY(loaded == tasks);

    // operator== does not tell null from empty strings; storage keeps the difference anyway.
    QVERIFY(loaded.at(1).prompt.isNull());
    QVERIFY(loaded.at(1).keyId.isNull());
    QVERIFY(!loaded.at(2).prompt.isNull());
    QVERIFY(!loaded.at(2).keyId.isNull());
    QCOMPARE(loaded.at(0).addedAt.timeSpec(), Qt::UTC);
    QCOMPARE(loaded.at(0).addedAt.time().msec(), 123);
    QVERIFY(!loaded.at(1).addedAt.isValid());
    QCOMPARE(loaded.at(0).errorCode, std::optional<int>(0));
    QCOMPARE(loaded.at(1).errorCode, std::nullopt);
    QCOMPARE(loaded.at(0).fallbackFlag, std::optional<bool>(false));
    QCOMPARE(loaded.at(1).fallbackFlag, std::nullopt);
    QCOMPARE(loaded.at(0).originUrls, QStringList{QString()});
    QCOMPARE(loaded.at(1).originUrls, QStringList());
    QCOMPARE(loaded.at(0).extraJson.size(), fullRecord().extraJson.size());
}

void TestTaskStore::roundTripEveryErrorKindAndStatus()
{
    QList<TaskRecord> tasks;
    const int lastKind = static_cast<int>(ApiError::Kind::InsecureBase);
    for (int k = 0; k <= lastKind; ++k) {
        TaskRecord t = makeTask(QStringLiteral("veo_kind_%1").arg(k), TaskStatus::Pending, k);
        t.lastError.kind = static_cast<ApiError::Kind>(k);
        t.lastError.code = 1000 + k;
        tasks << t;
    }
    for (int s = 0; s < TaskStatusCount; ++s) {
        tasks << makeTask(QStringLiteral("veo_status_%1").arg(s), static_cast<TaskStatus>(s), s);
    }
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QCOMPARE(store.insertNew(tasks).size(), tasks.size());
    store.close();
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QCOMPARE(describeAll(store.loadAll().tasks), describeAll(tasks));
}

// 100,000 tasks name a handful of models, ratios and moderation messages: held once each.
void TestTaskStore::repeatedValuesAreReadAsOneCopy()
{
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QList<TaskRecord> tasks;
    for (int i = 0; i < 3; ++i) {
        tasks << makeTask(QStringLiteral("veo_repeat_%1").arg(i), TaskStatus::Failed, 2 * i);
    }
    QCOMPARE(store.insertNew(tasks).size(), tasks.size());
    const QList<TaskRecord> read = store.loadAll().tasks;
    QCOMPARE(describeAll(read), describeAll(tasks));
    for (const TaskRecord &t : read.mid(1)) {
        QCOMPARE(t.model.constData(), read.constFirst().model.constData());
        QCOMPARE(t.aspectRatio.constData(), read.constFirst().aspectRatio.constData());
        QCOMPARE(t.errorMessage.constData(), read.constFirst().errorMessage.constData());
        QVERIFY(t.prompt.constData() != read.constFirst().prompt.constData()); // its own
    }
}

// What a load in steps reads: batches that follow each other add up to loadAll().tasks.
void TestTaskStore::readingInBatchesGivesTheWholeList()
{
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QList<TaskRecord> tasks;
    for (int i = 0; i < 10; ++i) {
        tasks << makeTask(QStringLiteral("veo_batch_%1").arg(i), TaskStatus::Succeeded, i);
    }
    QCOMPARE(store.insertNew(tasks).size(), tasks.size());
    QVERIFY(store.remove({QStringLiteral("veo_batch_4")})); // a gap in the row numbers
    QCOMPARE(store.count(), 9);                             // the tasks, not the highest row number
    QCOMPARE(TaskStore().count(), 0); // a store not open has none to make room for
    QList<TaskRecord> read;
    TaskStore::Read batch;
    int batches = 0;
    do {
        batch = store.loadBatch(batch.last, 3);
        QVERIFY(!batch.failed());
        read += batch.tasks;
        ++batches;
    } while (batch.tasks.size() == 3);
    QCOMPARE(batches, 4); // 3 + 3 + 3, then an empty one: the end
    QCOMPARE(describeAll(read), describeAll(store.loadAll().tasks));
    QCOMPARE(read.size(), 9);
    QVERIFY(store.loadBatch(batch.last, 3).tasks.isEmpty());
}

// The list is read without each task's paramJson (the heaviest field): it is read when needed,
// and writing back a task read without it keeps the stored one.
void TestTaskStore::aListIsReadWithoutRequestsThatStayStored()
{
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    const TaskRecord full = fullRecord();
    const TaskRecord other = makeTask(QStringLiteral("veo_other"), TaskStatus::Generating, 2);
    QVERIFY(!full.paramJson.isEmpty());
    QCOMPARE(store.insertNew({full, other}).size(), 2);

    const QList<TaskRecord> lean = store.loadAll(TaskStore::Request::Left).tasks;
    QCOMPARE(lean.size(), 2);
    QVERIFY(lean.at(0).paramJson.isNull());
    QVERIFY(lean.at(1).paramJson.isNull());
    TaskRecord withoutRequest = full;
    withoutRequest.paramJson = QString();
    QCOMPARE(describe(lean.at(0)), describe(withoutRequest)); // everything else is read
    QVERIFY(store.loadBatch(0, 1, TaskStore::Request::Left).tasks.at(0).paramJson.isNull());
    QCOMPARE(store.loadBatch(0, 1).tasks.at(0).paramJson, full.paramJson);
    QCOMPARE(store.paramJson(full.taskId), full.paramJson);
    QCOMPARE(store.paramJson(other.taskId), other.paramJson);
    QVERIFY(store.paramJson(QStringLiteral("veo_ghost")).isNull());
    const QHash<QString, QString> all = store.paramJsons();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.value(full.taskId), full.paramJson);
    QCOMPARE(all.value(other.taskId), other.paramJson);

    // A task read without it, changed and written back (a new key): the request stays.
    TaskRecord rekeyed = lean.at(0);
    rekeyed.keyId = QStringLiteral("key-3");
    QVERIFY(store.update({rekeyed}));
    QCOMPARE(store.paramJson(full.taskId), full.paramJson);
    QCOMPARE(store.loadAll().tasks.at(0).keyId, rekeyed.keyId);
    // The same through replace() (a placeholder's task ID arrives).
    rekeyed.taskId = QStringLiteral("veo_full_renamed");
    QVERIFY(store.replace(full.taskId, rekeyed));
    QCOMPARE(store.paramJson(rekeyed.taskId), full.paramJson);
    // A new request replaces it.
    rekeyed.paramJson = QStringLiteral(R"({"prompt":"again"})");
    QVERIFY(store.update({rekeyed}));
    QCOMPARE(store.paramJson(rekeyed.taskId), rekeyed.paramJson);

    store.close();
    QVERIFY(store.paramJson(rekeyed.taskId).isNull()); // not open: nothing, no crash
    QVERIFY(store.paramJsons().isEmpty());
}

void TestTaskStore::insertDuplicateIsNoOp()
{
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    const TaskRecord a = makeTask(QStringLiteral("veo_a"), TaskStatus::Pending, 1);
    const TaskRecord b = makeTask(QStringLiteral("veo_b"), TaskStatus::Generating, 2);
    const TaskRecord c = makeTask(QStringLiteral("veo_c"), TaskStatus::Pending, 3);
    QCOMPARE(store.insertNew({a, b}), (QList<TaskRecord>{a, b}));

    TaskRecord changedA = a;
    changedA.prompt = QStringLiteral("must not overwrite the stored one");
    // Known ids are skipped, a repeat within the batch too, an empty id is not a task.
    const QList<TaskRecord> added = store.insertNew({changedA, c, c, TaskRecord()});
    QCOMPARE(added, QList<TaskRecord>{c});
    QCOMPARE(store.insertNew({a, b}), QList<TaskRecord>());
    QCOMPARE(describeAll(store.loadAll().tasks), describeAll({a, b, c}));
    QVERIFY(store.contains(QStringLiteral("veo_b")));
    QVERIFY(!store.contains(QStringLiteral("veo_zzz")));
}

void TestTaskStore::update()
{
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QList<TaskRecord> tasks = {makeTask(QStringLiteral("veo_1"), TaskStatus::Generating, 1),
                               makeTask(QStringLiteral("veo_2"), TaskStatus::Generating, 2),
                               makeTask(QStringLiteral("veo_3"), TaskStatus::Generating, 3)};
    QCOMPARE(store.insertNew(tasks).size(), 3);

    TaskRecord done = fullRecord();
    done.taskId = tasks[0].taskId;
    tasks[0] = done;
    tasks[2].errorCode = 500;
    tasks[2].status = TaskStatus::Failed;
    tasks[2].lastError.kind = ApiError::Kind::Server;
    QVERIFY(store.update({tasks[0], tasks[2]}));
    QCOMPARE(describeAll(store.loadAll().tasks), describeAll(tasks));

    // Back to sparse values: optionals and dates must be cleared, not kept.
    TaskRecord cleared = sparseRecord();
    cleared.taskId = tasks[0].taskId;
    tasks[0] = cleared;
    tasks[0].paramJson = done.paramJson; // but not the request: a null one keeps the stored one
    QVERIFY(store.update({cleared}));
    store.close();
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QCOMPARE(describeAll(store.loadAll().tasks), describeAll(tasks));
}

void TestTaskStore::updateUnknownTaskInsertsNothing()
{
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QVERIFY(store.update({makeTask(QStringLiteral("veo_ghost"), TaskStatus::Succeeded)}));
    QVERIFY(store.loadAll().tasks.isEmpty());
    QVERIFY(store.update({}));
}

void TestTaskStore::remove()
{
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    const QList<TaskRecord> tasks = {makeTask(QStringLiteral("veo_1"), TaskStatus::Pending, 1),
                                     makeTask(QStringLiteral("veo_2"), TaskStatus::Pending, 2),
                                     makeTask(QStringLiteral("veo_3"), TaskStatus::Pending, 3)};
    QCOMPARE(store.insertNew(tasks).size(), 3);
    QVERIFY(store.remove(
        {QStringLiteral("veo_1"), QStringLiteral("veo_3"), QStringLiteral("veo_unknown")}));
    QVERIFY(!store.contains(QStringLiteral("veo_1")));
    QCOMPARE(describeAll(store.loadAll().tasks), describeAll({tasks[1]}));
    store.close();
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QCOMPARE(describeAll(store.loadAll().tasks), describeAll({tasks[1]}));
    // A removed task can be added again.
    QCOMPARE(store.insertNew({tasks[0]}).size(), 1);
}

void TestTaskStore::reopenKeepsDataAndSchema()
{
    const QList<TaskRecord> tasks = {fullRecord()};
    {
        TaskStore store;
        QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
        QVERIFY(store.isOpen());
        QCOMPARE(store.path(), freshPath());
        QCOMPARE(store.insertNew(tasks).size(), 1);
    }
    QVERIFY(TaskStore::schemaVersion() >= 1);
    QCOMPARE(userVersion(freshPath()), TaskStore::schemaVersion());
    const QByteArray before = readAll(freshPath());

    // A restart: migrations do not run again (migration 1 would fail on the existing table
    // and the file would be treated as unusable), the data is still there.
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QVERIFY(store.message().isEmpty());
    QCOMPARE(describeAll(store.loadAll().tasks), describeAll(tasks));
    QVERIFY(corruptSiblings(m_dir.path()).isEmpty());
    store.close();
    QVERIFY(!store.isOpen());
    QCOMPARE(userVersion(freshPath()), TaskStore::schemaVersion());
    QCOMPARE(readAll(freshPath()), before);
}

void TestTaskStore::upgradesAnOlderSchema()
{
    // A database as version 3 left it: no finding_owner, kind or parent columns, one task.
    {
        TaskStore store;
        QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
        QCOMPARE(
            store.insertNew({makeTask(QStringLiteral("veo_old"), TaskStatus::Generating)}).size(),
            1);
    }
    QVERIFY(execOn(freshPath(),
                   withoutVersion6({QStringLiteral("ALTER TABLE tasks DROP COLUMN finding_owner"),
                                    QStringLiteral("ALTER TABLE tasks DROP COLUMN kind"),
                                    QStringLiteral("ALTER TABLE tasks DROP COLUMN parent_id"),
                                    QStringLiteral("PRAGMA user_version = 3")})));

    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QVERIFY(store.message().isEmpty());
    QCOMPARE(userVersion(freshPath()), TaskStore::schemaVersion());
    const QList<TaskRecord> loaded = store.loadAll().tasks;
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().taskId, QStringLiteral("veo_old"));
    QCOMPARE(loaded.first().status, TaskStatus::Generating);
    QVERIFY(!loaded.first().findingOwner);
    QVERIFY(corruptSiblings(m_dir.path()).isEmpty());
}

void TestTaskStore::upgradeFromVersion5KeepsChildrenAsNothingSent()
{
    // A version 5 file with an extension child: it has no video index, submission or images.
    {
        TaskStore store;
        QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
        QCOMPARE(store.insertNew({fullRecord()}).size(), 1);
    }
    QVERIFY(execOn(freshPath(), withoutVersion6({})));
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QCOMPARE(userVersion(freshPath()), TaskStore::schemaVersion());
    const QList<TaskRecord> loaded = store.loadAll().tasks;
    QCOMPARE(loaded.size(), 1);
    TaskRecord expected = fullRecord();
    expected.videoIndex = 0;
    expected.submission = TaskSubmission::None; // nothing was sent from a version 5 app
    expected.imageUrls.clear();
    expected.sourceTaskId.clear();
    expected.cost.reset();
    QCOMPARE(describe(loaded.at(0)), describe(expected));
}

void TestTaskStore::upgradeFromVersion7LeavesEveryCostUnknown()
{
    // A version 7 file (no cost column) with two tasks; the next costs are kept.
    {
        TaskStore store;
        QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
        QCOMPARE(store.insertNew({fullRecord(), sparseRecord()}).size(), 2);
    }
    QVERIFY(execOn(freshPath(), withoutVersion8()));
    QCOMPARE(userVersion(freshPath()), 7);
    {
        TaskStore store;
        QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
        QCOMPARE(userVersion(freshPath()), TaskStore::schemaVersion());
        const QList<TaskRecord> loaded = store.loadAll().tasks;
        QCOMPARE(loaded.size(), 2);
        TaskRecord expected = fullRecord();
        expected.cost.reset(); // unknown, not 0
        QCOMPARE(describe(loaded.at(0)), describe(expected));
        QCOMPARE(describe(loaded.at(1)), describe(sparseRecord()));
        TaskRecord costly = loaded.at(1);
        costly.cost = 60;
        QVERIFY(store.update({costly}));
    }
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QCOMPARE(store.loadAll().tasks.value(1).cost, std::optional<qint64>(60));
    QVERIFY(corruptSiblings(m_dir.path()).isEmpty());
}

void TestTaskStore::replaceGivesAPlaceholderItsTaskIdAtomically()
{
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    TaskRecord placeholder = fullRecord();
    placeholder.taskId = QStringLiteral("veo_parent:extend:0a1b2c");
    const TaskRecord other = makeTask(QStringLiteral("veo_other_1"), TaskStatus::Generating);
    QCOMPARE(store.insertNew({other, placeholder}).size(), 2);

    TaskRecord accepted = placeholder;
    accepted.taskId = QStringLiteral("veo_extend_new_1");
    accepted.submission = TaskSubmission::None;
    QVERIFY(!store.replace(QStringLiteral("veo_not_there"), accepted));
    QVERIFY(!store.replace(placeholder.taskId, other)); // the new ID is taken
    QVERIFY(store.replace(placeholder.taskId, accepted));
    const QList<TaskRecord> loaded = store.loadAll().tasks;
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(describe(loaded.at(0)), describe(other));
    QCOMPARE(describe(loaded.at(1)), describe(accepted)); // in the placeholder's place
    QVERIFY(!store.contains(placeholder.taskId));
}

void TestTaskStore::upgradeKeepsEveryTaskAVeoGeneration()
{
    // A database as version 4 left it: no kind or parent columns, two tasks in it.
    {
        TaskStore store;
        QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
        QCOMPARE(store.insertNew({fullRecord(), sparseRecord()}).size(), 2);
    }
    QVERIFY(execOn(freshPath(),
                   withoutVersion6({QStringLiteral("ALTER TABLE tasks DROP COLUMN kind"),
                                    QStringLiteral("ALTER TABLE tasks DROP COLUMN parent_id"),
                                    QStringLiteral("PRAGMA user_version = 4")})));

    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QCOMPARE(userVersion(freshPath()), TaskStore::schemaVersion());
    const QList<TaskRecord> loaded = store.loadAll().tasks;
    QCOMPARE(loaded.size(), 2);
    for (const TaskRecord &t : loaded) {
        QCOMPARE(t.kind, TaskKind::VeoGeneration);
        QVERIFY(t.parentTaskId.isEmpty());
    }
    // Everything else came through the upgrade untouched.
    TaskRecord expected = fullRecord();
    expected.kind = TaskKind::VeoGeneration;
    expected.parentTaskId.clear();
    expected.videoIndex = 0;
    expected.submission = TaskSubmission::None;
    expected.imageUrls.clear();
    expected.sourceTaskId.clear();
    expected.cost.reset();
    QCOMPARE(describe(loaded.at(0)), describe(expected));
    QVERIFY(loaded.at(0) == expected);
}

void TestTaskStore::roundTripEveryKind()
{
    QList<TaskRecord> tasks;
    for (int k = 0; k < TaskKindCount; ++k) {
        TaskRecord t = makeTask(QStringLiteral("veo_kind_%1").arg(k), TaskStatus::Generating);
        t.kind = TaskKind(k);
        t.parentTaskId = k == 0 ? QString() : QStringLiteral("veo_parent");
        tasks << t;
    }
    {
        TaskStore store;
        QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
        QCOMPARE(store.insertNew(tasks).size(), tasks.size());
    }
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QVERIFY(store.loadAll().tasks == tasks);
}

void TestTaskStore::emptyFileIsANewDatabase()
{
    QVERIFY(writeFile(freshPath(), {}));
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QCOMPARE(userVersion(freshPath()), TaskStore::schemaVersion());
    QVERIFY(corruptSiblings(m_dir.path()).isEmpty());
}

void TestTaskStore::twoStoresSideBySide()
{
    const QString sub = m_dir.filePath(QStringLiteral("nested/deeper"));
    QVERIFY(QDir(sub).removeRecursively());
    TaskStore first;
    TaskStore second;
    QCOMPARE(first.open(freshPath()), TaskStore::OpenResult::Opened);
    // open() creates missing folders.
    QCOMPARE(second.open(sub + QStringLiteral("/demo.sqlite")), TaskStore::OpenResult::Opened);
    QCOMPARE(first.insertNew({makeTask(QStringLiteral("veo_1"), TaskStatus::Pending)}).size(), 1);
    QCOMPARE(second.loadAll().tasks.size(), 0);
    {
        TaskStore third; // destroyed while the others stay open
        QCOMPARE(third.open(freshPath()), TaskStore::OpenResult::Opened);
        QCOMPARE(third.loadAll().tasks.size(), 1);
    }
    QCOMPARE(first.loadAll().tasks.size(), 1);
    // Re-opening an open store switches files cleanly.
    QCOMPARE(first.open(sub + QStringLiteral("/demo.sqlite")), TaskStore::OpenResult::Opened);
    QCOMPARE(first.loadAll().tasks.size(), 0);
    QVERIFY(QDir(sub).removeRecursively());
}

void TestTaskStore::notOpenIsHarmless()
{
    TaskStore store;
    QVERIFY(!store.isOpen());
    QVERIFY(store.loadAll().tasks.isEmpty());
    QVERIFY(store.insertNew({makeTask(QStringLiteral("veo_1"), TaskStatus::Pending)}).isEmpty());
    QVERIFY(!store.update({makeTask(QStringLiteral("veo_1"), TaskStatus::Pending)}));
    QVERIFY(!store.remove({QStringLiteral("veo_1")}));
    QVERIFY(!store.contains(QStringLiteral("veo_1")));
    store.close();
}

void TestTaskStore::readingAListThatIsNotOpenFails_data()
{
    QTest::addColumn<QString>("state");
    QTest::newRow("never opened") << QStringLiteral("never");
    QTest::newRow("open failed") << QStringLiteral("failed");
    QTest::newRow("closed") << QStringLiteral("closed");
}

// A read of a list that is not open is a failed read that says why: an empty success would be
// taken for an empty list (and exported, or shown, as one).
void TestTaskStore::readingAListThatIsNotOpenFails()
{
    QFETCH(QString, state);
    const QString folder = m_dir.filePath(QStringLiteral("a-folder.sqlite"));
    TaskStore store;
    if (state == QLatin1String("failed")) {
        QVERIFY(QDir().mkpath(folder)); // a folder where the file should be
        QCOMPARE(store.open(folder), TaskStore::OpenResult::Failed);
    } else if (state == QLatin1String("closed")) {
        QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
        QCOMPARE(store.insertNew({makeTask(QStringLiteral("veo_1"), TaskStatus::Pending)}).size(),
                 1);
        store.close();
    }
    QVERIFY(!store.isOpen());

    const TaskStore::Read all = store.loadAll();
    QVERIFY(all.failed());
    QVERIFY(!all.error.isEmpty());
    QVERIFY(all.tasks.isEmpty());
    const TaskStore::Read batch = store.loadBatch(7, 100);
    QVERIFY(batch.failed());
    QVERIFY(!batch.error.isEmpty());
    QVERIFY(batch.tasks.isEmpty());
    QCOMPARE(batch.last, qint64(7)); // nothing read: a reader going on starts where it was
    QDir(folder).removeRecursively();
}

void TestTaskStore::killedProcessKeepsCommittedData()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(ChildEnv), freshPath());
    // The child dies before it can clean its own temporary folder: put that inside ours.
    env.insert(QStringLiteral("TMPDIR"), m_dir.path());
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(60000));
    const QByteArray out = child.readAllStandardOutput();
    QVERIFY2(out.contains("COMMITTED"), out.constData());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QCOMPARE(child.exitCode(), SIGKILL);
    // Killed without a checkpoint: the commits live in the WAL, which the reopen must replay.
    QVERIFY(QFile::exists(freshPath() + QStringLiteral("-wal")));

    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QVERIFY(store.checkedAtOpen()); // a killed session leaves no seal
    QCOMPARE(describeAll(store.loadAll().tasks), describeAll(childExpectedTasks()));
}

// SQLite's integrity check reads the whole file at open (0.2 s for 100,000 tasks). It is
// skipped only for a file exactly as a clean close left it: a write after the close, however
// soon and of whatever size, a copy put in its place, a killed session or a damaged read
// each bring it back.
void TestTaskStore::onlyAFileLeftCleanSkipsTheCheck()
{
    const QString path = freshPath();
    const QString seal = path + QStringLiteral(".clean");
    QList<TaskRecord> tasks;
    for (int i = 0; i < 300; ++i) {
        tasks << fullRecord();
        tasks.last().taskId = QStringLiteral("veo_%1").arg(i);
    }
    TaskStore store;
    QCOMPARE(store.open(path), TaskStore::OpenResult::Opened);
    QVERIFY(store.checkedAtOpen()); // new: no seal
    QCOMPARE(store.insertNew(tasks).size(), tasks.size());
    QVERIFY(!QFile::exists(seal));
    store.close();
    QVERIFY(QFile::exists(seal));

    // Left clean: no check, every task there, and the seal used up while the file is open.
    QCOMPARE(store.open(path), TaskStore::OpenResult::Opened);
    QVERIFY(!store.checkedAtOpen());
    QVERIFY(!QFile::exists(seal));
    QCOMPARE(store.loadAll().tasks.size(), tasks.size());
    store.close();
    QCOMPARE(store.open(path), TaskStore::OpenResult::Opened);
    QVERIFY(!store.checkedAtOpen()); // a session of reads only is left clean too
    store.close();

    // A log next to the file (a session that did not end cleanly): checked.
    QVERIFY(store.open(path) == TaskStore::OpenResult::Opened);
    store.close();
    QVERIFY(QFile::exists(seal));
    QVERIFY(writeFile(path + QStringLiteral("-wal"), {}));
    QCOMPARE(store.open(path), TaskStore::OpenResult::Opened);
    QVERIFY(store.checkedAtOpen());
    // Closed while another connection still has the file open: no seal.
    {
        TaskStore other;
        QCOMPARE(other.open(path), TaskStore::OpenResult::Opened);
        store.close();
        QVERIFY(!QFile::exists(seal));
    }
    QVERIFY(QFile::exists(seal)); // the last one to close seals it
    QCOMPARE(store.open(path), TaskStore::OpenResult::Opened);
    QVERIFY(!store.checkedAtOpen());
    store.close();

    // Pages overwritten right after the close, the size unchanged: checked, and moved aside.
    const QByteArray clean = readAll(path);
    QByteArray damaged = clean;
    damaged.replace(4096, 8192, QByteArray(8192, '\x5a'));
    QCOMPARE(damaged.size(), clean.size());
    QVERIFY(writeFile(path, damaged));
    QCOMPARE(store.open(path), TaskStore::OpenResult::RecoveredFromCorruption);
    QVERIFY(store.checkedAtOpen());
    store.close();

    // An earlier copy of the file put back with the sealed file's size and times: its
    // metadata changed after the seal, so it is checked.
    QVERIFY(writeFile(path, clean));
    QVERIFY(store.open(path) == TaskStore::OpenResult::Opened);
    store.close();
    const QFileInfo sealed(path);
    const QDateTime modified = sealed.lastModified();
    QVERIFY(writeFile(path, clean));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
    }
    QCOMPARE(QFileInfo(path).lastModified(), modified);
    QCOMPARE(store.open(path), TaskStore::OpenResult::Opened);
    QVERIFY(store.checkedAtOpen());
    store.close();

    // A seal without its file's stamp (another file's, or edited) is not trusted either.
    QVERIFY(writeFile(seal, readAll(seal).replace('1', '2')));
    QCOMPARE(store.open(path), TaskStore::OpenResult::Opened);
    QVERIFY(store.checkedAtOpen());
    store.close();

    // Damage no stamp shows (the disk's own): unchecked at open, the read that meets it fails
    // and leaves no seal, so the next start checks the file and moves it aside.
    const QByteArray stampedClean = readAll(seal);
    QVERIFY(writeFile(path, damaged));
    const QFileInfo rotten(path);
    QVERIFY(writeFile(
        seal, stampedClean.left(stampedClean.indexOf('\n') + 1) +
                  QByteArray::number(rotten.size()) + ' ' +
                  QByteArray::number(rotten.lastModified().toMSecsSinceEpoch()) + ' ' +
                  QByteArray::number(rotten.metadataChangeTime().toMSecsSinceEpoch()) + '\n'));
    QCOMPARE(store.open(path), TaskStore::OpenResult::Opened);
    QVERIFY(!store.checkedAtOpen());
    QVERIFY(store.loadAll().failed());
    store.close();
    QVERIFY(!QFile::exists(seal));
    QCOMPARE(store.open(path), TaskStore::OpenResult::RecoveredFromCorruption);
}

// Run instead of the tests when the binary is started as the child of
// killedProcessKeepsCommittedData: writes, then dies without any cleanup.
static void childWritesThenKillsItself(const QString &path)
{
    auto *store = new TaskStore; // never destroyed: the process dies with it open
    if (store->open(path) != TaskStore::OpenResult::Opened) {
        std::exit(3);
    }
    QList<TaskRecord> tasks;
    for (int i = 0; i < 3; ++i) {
        tasks << makeTask(QStringLiteral("veo_child_%1").arg(i), TaskStatus::Generating, i);
    }
    const QList<TaskRecord> expected = childExpectedTasks();
    if (store->insertNew(tasks).size() != 3 || !store->update({expected.at(1)}) ||
        !store->remove({tasks.at(2).taskId})) {
        std::exit(4);
    }
    // Say so before dying, so the parent knows the writes returned.
    QTextStream(stdout) << "COMMITTED" << Qt::endl;
    ::kill(::getpid(), SIGKILL);
}

void TestTaskStore::unusableFileIsMovedAside_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("withSiblings");
    QTest::newRow("random bytes") << QStringLiteral("random") << false;
    QTest::newRow("random bytes with -wal/-shm") << QStringLiteral("random") << true;
    QTest::newRow("text file") << QStringLiteral("text") << false;
    QTest::newRow("truncated header") << QStringLiteral("header") << false;
    QTest::newRow("truncated to half") << QStringLiteral("half") << false;
    QTest::newRow("pages overwritten") << QStringLiteral("pages") << false;
    QTest::newRow("another program's database") << QStringLiteral("foreign") << false;
}

void TestTaskStore::unusableFileIsMovedAside()
{
    QFETCH(QString, kind);
    QFETCH(bool, withSiblings);
    const QString path = freshPath();

    // A real store with enough rows to span many pages, as material to damage.
    const auto realDatabase = [&] {
        TaskStore store;
        QList<TaskRecord> tasks;
        for (int i = 0; i < 300; ++i) {
            tasks << fullRecord();
            tasks.last().taskId = QStringLiteral("veo_%1").arg(i);
        }
        return store.open(path) == TaskStore::OpenResult::Opened &&
               store.insertNew(tasks).size() == tasks.size();
    };
    QRandomGenerator random(42);
    QByteArray garbage(8192, '\0');
    random.fillRange(reinterpret_cast<quint32 *>(garbage.data()),
                     garbage.size() / static_cast<int>(sizeof(quint32)));

    if (kind == QLatin1String("random")) {
        QVERIFY(writeFile(path, garbage));
    } else if (kind == QLatin1String("text")) {
        QVERIFY(writeFile(path, "this is not a database\n"));
    } else if (kind == QLatin1String("header")) {
        QVERIFY(realDatabase());
        QVERIFY(QFile::resize(path, 50));
    } else if (kind == QLatin1String("half")) {
        QVERIFY(realDatabase());
        QVERIFY(QFile::resize(path, QFileInfo(path).size() / 2));
    } else if (kind == QLatin1String("pages")) {
        QVERIFY(realDatabase());
        QByteArray bytes = readAll(path);
        QVERIFY(bytes.size() > 4096 + garbage.size());
        bytes.replace(4096, garbage.size(), garbage); // keep page 1, wreck what follows
        QVERIFY(writeFile(path, bytes));
    } else if (kind == QLatin1String("foreign")) {
        QVERIFY(execOn(path, {QStringLiteral("CREATE TABLE tasks (id INTEGER, title TEXT)"),
                              QStringLiteral("PRAGMA user_version = 1")}));
    }
    if (withSiblings) {
        QVERIFY(writeFile(path + QStringLiteral("-wal"), garbage.left(1000)));
        QVERIFY(writeFile(path + QStringLiteral("-shm"), garbage.left(2000)));
    }
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) || withSiblings);
    const QByteArray original = readAll(path);

    TaskStore store;
    QCOMPARE(store.open(path), TaskStore::OpenResult::RecoveredFromCorruption);
    const QStringList moved = corruptSiblings(m_dir.path());
    const QRegularExpression name(QStringLiteral(R"(^tasks\.sqlite\.corrupt-\d{8}-\d{6}$)"));
    QVERIFY2(!moved.isEmpty() && name.match(moved.first()).hasMatch(),
             qPrintable(moved.join(QLatin1Char(' '))));
    const QString movedPath = m_dir.filePath(moved.first());
    QCOMPARE(readAll(movedPath), original);
    QVERIFY(!store.message().isEmpty());
    QVERIFY2(store.message().contains(QDir::toNativeSeparators(movedPath)),
             qPrintable(store.message()));
    if (withSiblings) {
        QCOMPARE(moved.size(), 3);
        QCOMPARE(readAll(movedPath + QStringLiteral("-wal")), garbage.left(1000));
        QCOMPARE(readAll(movedPath + QStringLiteral("-shm")), garbage.left(2000));
    }

    // The fresh store works and stays healthy across a restart.
    QVERIFY(store.loadAll().tasks.isEmpty());
    QCOMPARE(store.insertNew({fullRecord()}).size(), 1);
    store.close();
    QCOMPARE(store.open(path), TaskStore::OpenResult::Opened);
    QCOMPARE(describeAll(store.loadAll().tasks), describeAll({fullRecord()}));
    QCOMPARE(corruptSiblings(m_dir.path()), moved);
}

void TestTaskStore::futureSchemaIsRefusedUntouched()
{
    const QString path = freshPath();
    const int future = TaskStore::schemaVersion() + 1;
    QVERIFY(execOn(path, {QStringLiteral("CREATE TABLE tasks (task_id TEXT PRIMARY KEY, x TEXT)"),
                          QStringLiteral("INSERT INTO tasks VALUES ('veo_future', 'x')"),
                          QStringLiteral("PRAGMA user_version = %1").arg(future)}));
    const QByteArray before = readAll(path);
    const QStringList filesBefore = QDir(m_dir.path()).entryList(QDir::Files);

    TaskStore store;
    QCOMPARE(store.open(path), TaskStore::OpenResult::Failed);
    QVERIFY(!store.message().isEmpty());
    QVERIFY2(store.message().contains(QString::number(future)), qPrintable(store.message()));
    QVERIFY(!store.isOpen());
    QVERIFY(store.loadAll().tasks.isEmpty());
    QVERIFY(store.insertNew({fullRecord()}).isEmpty());
    store.close();

    QCOMPARE(readAll(path), before);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), filesBefore);
    QCOMPARE(userVersion(path), future);
}

void TestTaskStore::unwritableLocationFails_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("parent is a file") << QStringLiteral("file-parent");
    QTest::newRow("path is a folder") << QStringLiteral("folder");
}

void TestTaskStore::unwritableLocationFails()
{
    QFETCH(QString, kind);
    QString path;
    const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
    if (kind == QLatin1String("file-parent")) {
        QVERIFY(writeFile(blocker, "a file, not a folder"));
        path = blocker + QStringLiteral("/sub/tasks.sqlite");
    } else if (kind == QLatin1String("folder")) {
        path = m_dir.filePath(QStringLiteral("folder.sqlite"));
        QVERIFY(QDir().mkpath(path));
    }

    TaskStore store;
    QCOMPARE(store.open(path), TaskStore::OpenResult::Failed);
    QVERIFY(!store.message().isEmpty());
    QVERIFY(!store.isOpen());
    QVERIFY(corruptSiblings(m_dir.path()).isEmpty());
    if (kind == QLatin1String("file-parent")) {
        QCOMPARE(readAll(blocker), QByteArray("a file, not a folder"));
    }
    QFile::setPermissions(blocker, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile::remove(blocker);
    QDir(blocker).removeRecursively();
    QDir(m_dir.filePath(QStringLiteral("folder.sqlite"))).removeRecursively();
}

void TestTaskStore::tenThousandTasks()
{
    QList<TaskRecord> tasks;
    tasks.reserve(10000);
    for (int i = 0; i < 10000; ++i) {
        tasks << makeTask(QStringLiteral("veo_bulk_%1").arg(i),
                          static_cast<TaskStatus>(i % TaskStatusCount), i);
    }
    TaskStore store;
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(store.insertNew(tasks).size(), tasks.size());
    const qint64 insertMs = timer.restart();

    QList<TaskRecord> changed = tasks.mid(0, 1000);
    for (TaskRecord &t : changed) {
        t.status = TaskStatus::Succeeded;
        t.lastChecked = QDateTime(QDate(2026, 11, 5), QTime(10, 0, 0, 1), Qt::UTC);
    }
    QVERIFY(store.update(changed));
    const qint64 updateMs = timer.restart();
    std::copy(changed.cbegin(), changed.cend(), tasks.begin());

    store.close();
    timer.restart();
    QCOMPARE(store.open(freshPath()), TaskStore::OpenResult::Opened); // includes quick_check
    const qint64 openMs = timer.restart();
    const QList<TaskRecord> loaded = store.loadAll().tasks;
    const qint64 loadMs = timer.elapsed();
    QCOMPARE(loaded.size(), tasks.size());
    QVERIFY(loaded == tasks);
    // Figures for the log only: speed is bench_tasks' job, not a pass/fail test on a shared
    // machine.
    qInfo("insert 10000: %lld ms, update 1000: %lld ms, reopen: %lld ms, load 10000: %lld ms",
          insertMs, updateMs, openMs, loadMs);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (const QString path = qEnvironmentVariable(ChildEnv); !path.isEmpty()) {
        childWritesThenKillsItself(path);
        return 5; // not reached
    }
    TestTaskStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_taskstore.moc"
