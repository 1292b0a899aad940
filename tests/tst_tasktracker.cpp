// TaskTracker with the real pieces: a TaskStore on SQLite in a temporary folder, the real
// TaskTableModel and a RefreshScheduler polling the fake KIE server over loopback.
#include "fakekieserver.h"
#include "kieclient.h"
#include "recordinfoparser.h"
#include "refreshscheduler.h"
#include "taskrepository.h"
#include "taskstore.h"
#include "tasktablemodel.h"
#include "tasktracker.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace veo;
using namespace std::chrono_literals;

namespace {

using Response = FakeKieServer::Response;

Response record(const QString &id, int successFlag, const QString &prompt = {})
{
    FakeKieServer::Record r;
    r.taskId = id;
    r.successFlag = successFlag;
    if (!prompt.isEmpty()) {
        r.prompt = prompt;
    }
    if (successFlag == 1) {
        r.resultUrls = {QStringLiteral("https://example.invalid/%1.mp4").arg(id)};
    }
    if (successFlag >= 2) {
        r.errorCode = 501;
        r.errorMessage = QStringLiteral("video generation task failed");
    }
    return FakeKieServer::ok(r);
}

struct Rig
{
    QTemporaryDir dir;
    FakeKieServer server;
    std::unique_ptr<TaskStore> store;
    std::unique_ptr<TaskTableModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    std::unique_ptr<KieClient> client;
    std::unique_ptr<RefreshScheduler> scheduler;
    std::unique_ptr<TaskRepository> repository;
    std::unique_ptr<TaskTracker> tracker;
    std::chrono::milliseconds flushDelay;
    QList<std::pair<QString, TaskStatus>> finished;
    QStringList storeErrors;

    // flushDelay: how long answers wait for their batch's commit.
    explicit Rig(std::chrono::milliseconds delay = TaskRepository::DefaultFlushDelay)
        : flushDelay(delay)
    {
        if (!dir.isValid() || !server.listen()) {
            qFatal("test rig could not start");
        }
        store = std::make_unique<TaskStore>();
        if (store->open(dbPath()) == TaskStore::OpenResult::Failed) {
            qFatal("store did not open");
        }
        model = std::make_unique<TaskTableModel>();
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        client = std::make_unique<KieClient>(server.baseUrl());
        scheduler = std::make_unique<RefreshScheduler>(
            client.get(), [](const QString &) { return QStringLiteral("token-test"); },
            RefreshScheduler::Policy{.jitter = 0});
        scheduler->setFollowSystemNetwork(false);
        scheduler->setFixedInterval(true); // the tracker's work, not the adaptive schedule
        scheduler->setInterval(100ms);
        makeTracker();
    }
    void makeTracker()
    {
        tracker.reset();
        repository = std::make_unique<TaskRepository>(store.get(), flushDelay);
        model->follow(repository.get());
        tracker = std::make_unique<TaskTracker>(repository.get(), scheduler.get());
        QObject::connect(repository.get(), &TaskRepository::taskFinished, repository.get(),
                         [this](const QString &id, TaskStatus s) {
                             finished.append({id, s});
                         });
        QObject::connect(repository.get(), &TaskRepository::storeError, repository.get(),
                         [this](const QString &message) { storeErrors.append(message); });
    }
    ~Rig()
    {
        tracker.reset();
        repository.reset();
        scheduler.reset();
        client.reset();
    }
    QString dbPath() const { return dir.filePath(QStringLiteral("tasks.sqlite")); }
    // Nothing more will be asked: no poll is scheduled or in flight. (That the scheduler sends
    // only what is due is tst_refreshscheduler's rule, on its clock; no wall time passes here.)
    bool settled() const
    {
        return scheduler->inFlight() == 0 && !scheduler->nextPollAt().isValid();
    }
    TaskStatus status(const QString &id) const
    {
        const TaskRecord *t = model->task(id);
        return t ? t->status : TaskStatus::Pending;
    }
    // What a fresh process would read from the same file (by default as its list does,
    // without the requests).
    QHash<QString, TaskRecord> reopened(TaskStore::Request request = TaskStore::Request::Left) const
    {
        TaskStore other;
        if (other.open(dbPath()) == TaskStore::OpenResult::Failed) {
            return {};
        }
        QHash<QString, TaskRecord> byId;
        for (const TaskRecord &t : other.loadAll(request).tasks) {
            byId.insert(t.taskId, t);
        }
        return byId;
    }
};

} // namespace

class TestTaskTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tasksReachFinalStatusesAndAreStored();
    void addingKnownIdsIsANoOp();
    void loadRestoresAndPollsOnlyUnfinished();
    void aTaskReadFromTheStoreGetsItsRequestWhenNeeded();
    void aPlaceholderGivenItsIdMovesToTheEndOfTheList();
    void aLongListIsReadInSteps();
    void aChangeWhileReadingInStepsReadsTheRestFirst();
    void aLongListIsWatchedInSlices();
    void errorKeepsLastGoodState();
    void finalErrorMakesPendingUnavailable();
    void expiredSucceededTaskStaysSucceeded();
    void answersAreBatched();
    void destructionFlushes();
    void storeFailureLeavesModelAlone();
    void removeTasksStopsEverything();
    void setTaskKey();
    void unpolledTasksWaitForStartPolling();
};

void TestTaskTracker::tasksReachFinalStatusesAndAreStored()
{
    Rig rig;
    const QString a = QStringLiteral("veo_ok");
    const QString b = QStringLiteral("veo_fail");
    const QString c = QStringLiteral("veo_genfail");
    rig.server.setScript(a, {record(a, 0), record(a, 0), record(a, 1)});
    rig.server.setScript(b, {record(b, 0), record(b, 2)});
    rig.server.setScript(c, {record(c, 3)});
    QSignalSpy resets(rig.model.get(), &QAbstractItemModel::modelReset);

    QCOMPARE(rig.tracker->addTasks({a, b, c}, QStringLiteral("key1")), 3);
    QCOMPARE(rig.model->rowCount(), 3);
    QCOMPARE(rig.model->task(a)->keyId, QStringLiteral("key1"));
    QVERIFY(rig.model->task(a)->addedAt.isValid());
    QCOMPARE(rig.model->task(a)->addedAt.timeSpec(), Qt::UTC);

    QTRY_COMPARE_WITH_TIMEOUT(rig.status(a), TaskStatus::Succeeded, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.status(b), TaskStatus::Failed, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.status(c), TaskStatus::GenerationFailed, 10000);
    QCOMPARE(rig.model->task(a)->resultUrls,
             QStringList{QStringLiteral("https://example.invalid/veo_ok.mp4")});
    QCOMPARE(rig.model->task(b)->errorCode, std::optional<int>(501));
    QVERIFY(rig.model->task(a)->lastChecked.isValid());
    QVERIFY(!rig.model->task(a)->lastError.isError());

    QCOMPARE(rig.finished.size(), 3);
    QVERIFY(rig.finished.contains(std::pair(a, TaskStatus::Succeeded)));
    QVERIFY(rig.finished.contains(std::pair(b, TaskStatus::Failed)));
    QVERIFY(rig.finished.contains(std::pair(c, TaskStatus::GenerationFailed)));
    QCOMPARE(resets.size(), 0);

    // The store was committed before the model changed: a new connection sees the same.
    const QHash<QString, TaskRecord> stored = rig.reopened();
    QCOMPARE(stored.size(), 3);
    for (const QString &id : {a, b, c}) {
        QCOMPARE(stored.value(id), *rig.model->task(id));
    }

    QTRY_VERIFY_WITH_TIMEOUT(rig.settled(), 10000); // final: nothing more is asked
    QCOMPARE(rig.server.requestsFor(a).size(), 3);
    QCOMPARE(rig.server.requestsFor(b).size(), 2);
    QCOMPARE(rig.server.requestsFor(c).size(), 1);
    QCOMPARE(rig.finished.size(), 3);
    QVERIFY(rig.storeErrors.isEmpty());
}

void TestTaskTracker::addingKnownIdsIsANoOp()
{
    Rig rig;
    rig.scheduler->setPaused(true);
    const QString a = QStringLiteral("veo_a");
    QCOMPARE(rig.tracker->addTasks({a}), 1);
    const TaskRecord before = *rig.model->task(a);
    QSignalSpy inserted(rig.model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(rig.model.get(), &QAbstractItemModel::dataChanged);

    QCOMPARE(rig.tracker->addTasks({a}, QStringLiteral("other")), 0);
    QCOMPARE(rig.tracker->addTasks({a, QStringLiteral("veo_b"), QStringLiteral("veo_b")}), 1);
    QCOMPARE(rig.tracker->addTasks({}), 0);
    QCOMPARE(rig.model->rowCount(), 2);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(*rig.model->task(a), before); // key, addedAt untouched
    QCOMPARE(rig.reopened().size(), 2);
    QCOMPARE(rig.reopened().value(a).keyId, QString());
}

void TestTaskTracker::loadRestoresAndPollsOnlyUnfinished()
{
    const QString running = QStringLiteral("veo_running");
    const QString done = QStringLiteral("veo_done");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tasks.sqlite"));
    {
        TaskStore seed;
        QVERIFY(seed.open(path) != TaskStore::OpenResult::Failed);
        TaskRecord r;
        r.taskId = running;
        r.status = TaskStatus::Generating;
        r.addedAt = QDateTime::currentDateTimeUtc().addSecs(-600);
        r.lastChecked = QDateTime::currentDateTimeUtc().addSecs(-300);
        TaskRecord d = r;
        d.taskId = done;
        d.status = TaskStatus::Succeeded;
        QCOMPARE(seed.insertNew({r, d}).size(), 2);
    }
    Rig rig;
    rig.store->close();
    QVERIFY(rig.store->open(path) != TaskStore::OpenResult::Failed);
    rig.server.setScript(running, {record(running, 1)});
    rig.server.setScript(done, {record(done, 1)});
    QSignalSpy resets(rig.model.get(), &QAbstractItemModel::modelReset);

    rig.tracker->load();
    QCOMPARE(resets.size(), 1); // the initial fill
    QCOMPARE(rig.model->rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(rig.status(running), TaskStatus::Succeeded, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled(), 10000);
    QCOMPARE(rig.server.requestsFor(running).size(), 1);
    QCOMPARE(rig.server.requestsFor(done).size(), 0);
    QCOMPARE(resets.size(), 1);
}

// The list is read without requests (paramJson): the repository reads one when asked, a
// poll's answer brings KIE's own, and a change of the task never erases the stored one.
void TestTaskTracker::aTaskReadFromTheStoreGetsItsRequestWhenNeeded()
{
    const QString running = QStringLiteral("veo_running");
    const QString done = QStringLiteral("veo_done");
    const QString request = QStringLiteral(R"({"prompt":"stored","model":"veo3_fast"})");
    Rig rig;
    {
        TaskRecord r;
        r.taskId = running;
        r.status = TaskStatus::Generating;
        r.paramJson = request;
        r.addedAt = QDateTime::currentDateTimeUtc();
        TaskRecord d = r;
        d.taskId = done;
        d.status = TaskStatus::Succeeded;
        QList<TaskRecord> seed{r, d};
        for (int i = 0; i < 20; ++i) { // a list long enough for both ways of fillParamJson()
            TaskRecord more = d;
            more.taskId = QStringLiteral("veo_more_%1").arg(i);
            more.paramJson = QStringLiteral(R"({"prompt":"%1"})").arg(i);
            seed << more;
        }
        QCOMPARE(rig.store->insertNew(seed).size(), seed.size());
    }
    rig.server.setScript(running, {record(running, 1, QStringLiteral("echoed"))});

    rig.tracker->load();
    QCOMPARE(rig.model->rowCount(), 22);
    QVERIFY(rig.repository->task(done)->paramJson.isNull());
    QVERIFY(rig.model->task(done)->paramJson.isNull());
    QCOMPARE(rig.repository->paramJson(done), request);
    QVERIFY(rig.repository->paramJson(QStringLiteral("veo_unknown")).isNull());

    // The answer's paramJson (KIE's echo) is the newest, staged and then committed.
    QTRY_COMPARE_WITH_TIMEOUT(rig.status(running), TaskStatus::Succeeded, 10000);
    const QString echoed = rig.repository->paramJson(running);
    QVERIFY2(echoed.contains(QLatin1String("echoed")), qPrintable(echoed));
    QCOMPARE(rig.reopened(TaskStore::Request::Read).value(running).paramJson, echoed);
    // An export fills them in: the newest held one, else the stored one; the whole list in one
    // read of the store, a few tasks one by one.
    QList<TaskRecord> all = rig.repository->tasks();
    rig.repository->fillParamJson(all);
    QList<TaskRecord> few{*rig.repository->task(running), *rig.repository->task(done)};
    rig.repository->fillParamJson(few);
    QCOMPARE(few.at(0).paramJson, echoed);
    QCOMPARE(few.at(1).paramJson, request);
    for (const TaskRecord &t : std::as_const(all)) {
        QCOMPARE(t.paramJson, t.taskId == running ? echoed
                              : t.taskId == done
                                  ? request
                                  : QStringLiteral(R"({"prompt":"%1"})").arg(t.taskId.mid(9)));
    }

    // A local change of a task read without its request (a new key) keeps the stored one.
    QCOMPARE(rig.repository->update(
                 {done},
                 [](TaskRecord &t) {
                     t.keyId = QStringLiteral("other");
                     return true;
                 },
                 QStringLiteral("failed")),
             QStringList{done});
    QCOMPARE(rig.reopened().value(done).keyId, QStringLiteral("other"));
    QCOMPARE(rig.reopened(TaskStore::Request::Read).value(done).paramJson, request);
    QCOMPARE(rig.repository->paramJson(done), request);
}

// replace(): the placeholder's row goes and the task's comes at the end, each announced on
// its own (the model reads the repository's list, so both must match it at every signal).
void TestTaskTracker::aPlaceholderGivenItsIdMovesToTheEndOfTheList()
{
    Rig rig;
    TaskRecord placeholder;
    placeholder.taskId = QStringLiteral("local_placeholder");
    placeholder.status = TaskStatus::Succeeded;
    TaskRecord other = placeholder;
    other.taskId = QStringLiteral("veo_other");
    QCOMPARE(rig.repository->insert({placeholder, other}).size(), 2);
    TaskRecord real = placeholder;
    real.taskId = QStringLiteral("veo_real");
    QVERIFY(rig.repository->replace(placeholder.taskId, real));
    QCOMPARE(rig.model->rowCount(), 2);
    QCOMPARE(rig.model->taskAt(0).taskId, other.taskId);
    QCOMPARE(rig.model->taskAt(1).taskId, real.taskId);
    QCOMPARE(rig.model->rowOf(placeholder.taskId), -1);
    QCOMPARE(rig.model->task(real.taskId), rig.repository->task(real.taskId));
}

namespace {
// A store with `count` finished tasks, oldest first, as a long history is.
QList<TaskRecord> seedHistory(TaskStore &store, int count)
{
    QList<TaskRecord> tasks;
    for (int i = 0; i < count; ++i) {
        TaskRecord t;
        t.taskId = QStringLiteral("veo_history_%1").arg(i, 5, 10, QLatin1Char('0'));
        t.status = i % 7 ? TaskStatus::Succeeded : TaskStatus::Failed;
        t.prompt = QStringLiteral("Prompt %1").arg(i);
        t.addedAt = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC).addSecs(i);
        tasks << t;
    }
    store.insertNew(tasks);
    return store.loadAll().tasks;
}
} // namespace

void TestTaskTracker::aLongListIsReadInSteps()
{
    Rig rig;
    const QList<TaskRecord> stored = seedHistory(*rig.store, 1000);
    QCOMPARE(stored.size(), 1000);
    QSignalSpy more(rig.repository.get(), &TaskFeed::loadedMore);
    QSignalSpy finished(rig.repository.get(), &TaskFeed::loadFinished);
    QSignalSpy counts(rig.model.get(), &TaskTableModel::countsChanged);
    qsizetype countsAtFinish = -1; // connected after the model: what it told by then
    connect(rig.repository.get(), &TaskFeed::loadFinished, this,
            [&] { countsAtFinish = counts.size(); });

    rig.repository->loadInSteps(0ms); // one batch a turn of the event loop
    QVERIFY(rig.repository->isLoading());
    QCOMPARE(more.size(), 1);
    QCOMPARE(rig.model->rowCount(), 256); // shown at once, the rest fills in behind
    QCOMPARE(finished.size(), 0);
    QCOMPARE(counts.size(), 0); // the counts' readers go through every row: told at the end

    QTRY_VERIFY(!rig.repository->isLoading());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(countsAtFinish, 0);    // not inside the call that brought the last part...
    QTRY_COMPARE(counts.size(), 1); // ...but after it
    QCOMPARE(rig.model->countByStatus(TaskStatus::Failed), 143); // every 7th of 1,000
    QCOMPARE(more.size(), 4);                                    // 256 + 256 + 256 + 232
    // The same list, in the same order, as reading it at once gives.
    QCOMPARE(rig.repository->tasks(), stored);
    QCOMPARE(rig.model->tasks(), stored);
}

// 100,000 tasks handed to the scheduler at once held the window for 0.2 s: 5,000 go per turn of
// the event loop, each read as it is when its turn comes.
void TestTaskTracker::aLongListIsWatchedInSlices()
{
    Rig rig;
    QList<TaskRecord> tasks;
    for (int i = 0; i < 11000; ++i) {
        TaskRecord t;
        t.taskId = QStringLiteral("veo_slice_%1").arg(i, 5, 10, QLatin1Char('0'));
        t.status = TaskStatus::Generating;
        tasks << t;
    }
    QCOMPARE(rig.store->insertNew(tasks).size(), tasks.size());
    rig.scheduler->setPaused(true); // watched, not polled
    rig.tracker->load();
    QCOMPARE(rig.repository->count(), 11000);
    QCOMPARE(rig.scheduler->pendingCount(), 0); // from the next turn on
    QCoreApplication::processEvents();          // one turn: one slice
    QCOMPARE(rig.scheduler->pendingCount(), 5000);

    // Before their turn: one task goes, one finishes. Neither is watched when it comes.
    rig.tracker->removeTasks({QStringLiteral("veo_slice_10000")});
    rig.repository->update(
        {QStringLiteral("veo_slice_10001")},
        [](TaskRecord &t) { return std::exchange(t.status, TaskStatus::Succeeded) != t.status; },
        QStringLiteral("failed"));
    QCOMPARE(rig.scheduler->pendingCount(), 5000);
    // One already watched goes too: the tasks after it move forward, and none of them is
    // skipped (veo_slice_05000 is now where the next slice would have started after it).
    rig.tracker->removeTasks({QStringLiteral("veo_slice_00010")});
    QCOMPARE(rig.scheduler->pendingCount(), 4999);
    QTRY_COMPARE(rig.scheduler->pendingCount(), 11000 - 3);
}

void TestTaskTracker::aChangeWhileReadingInStepsReadsTheRestFirst()
{
    Rig rig;
    const QList<TaskRecord> stored = seedHistory(*rig.store, 1000);
    const QString late = stored.at(900).taskId; // not read yet when the change comes
    QSignalSpy finished(rig.repository.get(), &TaskFeed::loadFinished);
    rig.repository->loadInSteps(0ms);
    QVERIFY(rig.repository->isLoading());
    QVERIFY(!rig.repository->contains(late));
    // Followers make room for the whole list from the second step on (the count is not done
    // before the window's first paint).
    QCOMPARE(rig.repository->expectedCount(), 0); // not counted yet
    QCoreApplication::processEvents();            // one turn: the count, before the second step
    QVERIFY(rig.repository->isLoading());
    QVERIFY(!rig.repository->contains(late));
    QCOMPARE(rig.store->count(), 1000);
    QCOMPARE(rig.repository->expectedCount(), 1000);

    // Nothing to change (a queue of generations looked at while the list loads, as happened
    // when the first credits check answered early): the load goes on in steps.
    QVERIFY(rig.repository->update({}, [](TaskRecord &) { return true; }, {}).isEmpty());
    QVERIFY(rig.repository->insert({}).isEmpty());
    QVERIFY(rig.repository->remove({}));
    QVERIFY(rig.repository->isLoading());

    // A change (here a key) to a task not read yet: it is read first, then changed and saved.
    const QStringList changed = rig.repository->update(
        {late},
        [](TaskRecord &t) {
            return std::exchange(t.keyId, QStringLiteral("k2")) != QStringLiteral("k2");
        },
        QStringLiteral("failed"));
    QCOMPARE(changed, QStringList{late});
    QVERIFY(!rig.repository->isLoading());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(rig.repository->count(), 1000);
    QCOMPARE(rig.model->rowCount(), 1000);
    QCOMPARE(rig.model->task(late)->keyId, QStringLiteral("k2"));
    QCOMPARE(rig.reopened().value(late).keyId, QStringLiteral("k2"));

    // Adding an ID that is stored but was not read yet is still a no-op, not a second row.
    Rig again;
    seedHistory(*again.store, 1000);
    again.repository->loadInSteps(0ms);
    TaskRecord known;
    known.taskId = late;
    QVERIFY(again.repository->insert({known}).isEmpty());
    QCOMPARE(again.repository->count(), 1000);
    QCOMPARE(again.model->rowCount(), 1000);
    QCOMPARE(again.repository->task(late)->prompt, QStringLiteral("Prompt 900"));
    QCOMPARE(finished.size(), 1); // each rig once
}

void TestTaskTracker::errorKeepsLastGoodState()
{
    Rig rig;
    rig.scheduler->setInterval(500ms); // the first answer is committed on its own
    const QString id = QStringLiteral("veo_flaky");
    rig.server.setScript(id, {record(id, 0, QStringLiteral("A lighthouse at dusk")),
                              FakeKieServer::kieError(
                                  500, QStringLiteral("Internal Error, Please try again later."))});
    rig.tracker->addTasks({id});

    QTRY_COMPARE_WITH_TIMEOUT(rig.status(id), TaskStatus::Generating, 10000);
    const QDateTime firstChecked = rig.model->task(id)->lastChecked;
    QTRY_VERIFY_WITH_TIMEOUT(rig.model->task(id)->lastError.kind == ApiError::Kind::Server, 10000);
    const TaskRecord now = *rig.model->task(id);
    QCOMPARE(now.status, TaskStatus::Generating);
    QCOMPARE(now.successFlag, 0);
    QCOMPARE(now.prompt, QStringLiteral("A lighthouse at dusk"));
    QCOMPARE(now.lastError.code, 500);
    QVERIFY(now.lastChecked > firstChecked);
    rig.repository->flush();
    QCOMPARE(rig.reopened().value(id), *rig.model->task(id));
    QVERIFY(rig.finished.isEmpty());
}

void TestTaskTracker::finalErrorMakesPendingUnavailable()
{
    Rig rig;
    const QString id = QStringLiteral("veo_expired");
    rig.server.setScript(id,
                         {FakeKieServer::kieError(
                             422, QStringLiteral("Temporarily supports records within 14 days."))});
    rig.tracker->addTasks({id});

    QTRY_COMPARE_WITH_TIMEOUT(rig.status(id), TaskStatus::Unavailable, 10000);
    QCOMPARE(rig.model->task(id)->lastError.kind, ApiError::Kind::Expired);
    QCOMPARE(rig.finished, (QList<std::pair<QString, TaskStatus>>{{id, TaskStatus::Unavailable}}));
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled(), 10000);
    QCOMPARE(rig.server.requestsFor(id).size(), 1);
    QCOMPARE(rig.reopened().value(id).status, TaskStatus::Unavailable);
}

void TestTaskTracker::expiredSucceededTaskStaysSucceeded()
{
    Rig rig;
    const QString id = QStringLiteral("veo_old");
    rig.server.setScript(
        id,
        {record(id, 1), FakeKieServer::kieError(
                            422, QStringLiteral("Temporarily supports records within 14 days."))});
    rig.tracker->addTasks({id});
    QTRY_COMPARE_WITH_TIMEOUT(rig.status(id), TaskStatus::Succeeded, 10000);
    QCOMPARE(rig.finished.size(), 1);

    rig.scheduler->refreshNow({*rig.repository->task(id)});
    QTRY_COMPARE_WITH_TIMEOUT(rig.model->task(id)->lastError.kind, ApiError::Kind::Expired, 10000);
    QCOMPARE(rig.status(id), TaskStatus::Succeeded);
    QCOMPARE(rig.model->task(id)->resultUrls.size(), 1);
    QCOMPARE(rig.finished.size(), 1); // it did not "finish" again
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled(), 10000);
    QCOMPARE(rig.server.requestsFor(id).size(), 2);
}

void TestTaskTracker::answersAreBatched()
{
    Rig rig(60s); // only an explicit flush commits in this test
    rig.scheduler->setMaxPerSecondPerKey(1000);
    rig.scheduler->setMaxInFlight(20);
    rig.scheduler->setPaused(true);
    QStringList ids;
    for (int i = 0; i < 200; ++i) {
        const QString id = QStringLiteral("veo_b%1").arg(i, 3, 10, QLatin1Char('0'));
        rig.server.setScript(id, {record(id, 1)});
        ids.append(id);
    }
    QCOMPARE(rig.tracker->addTasks(ids), 200);
    int answered = 0;
    connect(rig.scheduler.get(), &RefreshScheduler::taskAnswered, rig.scheduler.get(),
            [&answered] { ++answered; });
    QSignalSpy changed(rig.model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy resets(rig.model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(rig.model.get(), &QAbstractItemModel::rowsInserted);

    rig.scheduler->setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(answered, 200, 20000);
    // Everything answered, nothing committed or shown yet.
    QCOMPARE(changed.size(), 0);
    QCOMPARE(rig.model->countByStatus(TaskStatus::Pending), 200);
    QCOMPARE(rig.reopened().value(ids.first()).status, TaskStatus::Pending);

    rig.repository->flush();
    QCOMPARE(rig.model->countByStatus(TaskStatus::Succeeded), 200);
    QCOMPARE(changed.size(), 1); // one full-range signal for the whole round
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(rig.finished.size(), 200);
    QCOMPARE(rig.reopened().value(ids.last()).status, TaskStatus::Succeeded);

    rig.repository->flush(); // nothing left
    QCOMPARE(changed.size(), 1);
}

void TestTaskTracker::destructionFlushes()
{
    Rig rig(60s);
    const QString id = QStringLiteral("veo_d");
    rig.server.setScript(id, {record(id, 1)});
    int answered = 0;
    connect(rig.scheduler.get(), &RefreshScheduler::taskAnswered, rig.scheduler.get(),
            [&answered] { ++answered; });
    rig.tracker->addTasks({id});
    QTRY_COMPARE_WITH_TIMEOUT(answered, 1, 10000);
    QCOMPARE(rig.reopened().value(id).status, TaskStatus::Pending);

    TaskStatus shown = TaskStatus::Pending;
    connect(rig.model.get(), &QAbstractItemModel::dataChanged, this,
            [&] { shown = rig.status(id); });
    rig.tracker.reset();
    rig.repository.reset();
    QCOMPARE(rig.reopened().value(id).status, TaskStatus::Succeeded);
    QCOMPARE(shown, TaskStatus::Succeeded); // the list showed the last commit
    QCOMPARE(rig.model->rowCount(), 0);     // and lets go of the records with the repository
}

void TestTaskTracker::storeFailureLeavesModelAlone()
{
    Rig rig;
    rig.scheduler->setInterval(500ms); // the two answers land in different batches
    const QString id = QStringLiteral("veo_s");
    rig.server.setScript(id, {record(id, 0), record(id, 1)});
    rig.tracker->addTasks({id});
    QTRY_COMPARE_WITH_TIMEOUT(rig.status(id), TaskStatus::Generating, 10000);

    rig.store->close(); // every write fails from now on
    QSignalSpy changed(rig.model.get(), &QAbstractItemModel::dataChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!rig.storeErrors.isEmpty(), 10000);
    QCOMPARE(rig.status(id), TaskStatus::Generating);
    QCOMPARE(changed.size(), 0);
    QVERIFY(rig.finished.isEmpty());
    QVERIFY(!rig.storeErrors.first().isEmpty());
    // Local changes meanwhile ride on the kept answer (it would overwrite them otherwise).
    rig.tracker->setTaskKey({id}, QStringLiteral("k2"));
    rig.tracker->stopPolling({id});

    // Once the store works again the kept answer is committed with the next flush.
    QVERIFY(rig.store->open(rig.dbPath()) != TaskStore::OpenResult::Failed);
    rig.repository->flush();
    QCOMPARE(rig.status(id), TaskStatus::Succeeded);
    const TaskRecord stored = rig.reopened().value(id);
    QCOMPARE(stored.status, TaskStatus::Succeeded);
    QCOMPARE(stored.keyId, QStringLiteral("k2"));
    QVERIFY(stored.findingOwner);
    QCOMPARE(*rig.model->task(id), stored);
    QCOMPARE(rig.finished.size(), 1);

    // With nothing kept, a change that cannot be saved is reported and not shown.
    rig.store->close();
    const qsizetype errors = rig.storeErrors.size();
    rig.tracker->setTaskKey({id}, QStringLiteral("k3"));
    QCOMPARE(rig.storeErrors.size(), errors + 1);
    QVERIFY(rig.storeErrors.constLast().contains(QStringLiteral("API key")));
    QCOMPARE(rig.model->task(id)->keyId, QStringLiteral("k2"));
    rig.tracker->startPolling({id});
    QCOMPARE(rig.storeErrors.size(), errors + 2);
    QVERIFY(rig.model->task(id)->findingOwner);
}

void TestTaskTracker::removeTasksStopsEverything()
{
    Rig rig;
    const QString keep = QStringLiteral("veo_keep");
    const QString drop = QStringLiteral("veo_drop");
    rig.server.setScript(keep, {record(keep, 0)});
    rig.server.setScript(drop, {record(drop, 0)});
    rig.tracker->addTasks({keep, drop});
    QTRY_VERIFY_WITH_TIMEOUT(rig.server.requestsFor(drop).size() >= 2, 10000);

    rig.tracker->removeTasks({drop});
    QCOMPARE(rig.model->rowCount(), 1);
    QVERIFY(!rig.model->task(drop));
    QVERIFY(!rig.reopened().contains(drop));
    QCOMPARE(rig.scheduler->pendingCount(), 1); // only the kept task is watched
    // The kept task's polls mark the time: after two more of them a poll of the removed one
    // that was in flight has been answered, and after three more none has been sent since.
    const qsizetype keepPolls = rig.server.requestsFor(keep).size();
    QTRY_VERIFY_WITH_TIMEOUT(rig.server.requestsFor(keep).size() >= keepPolls + 2, 10000);
    const qsizetype requests = rig.server.requestsFor(drop).size();
    QTRY_VERIFY_WITH_TIMEOUT(rig.server.requestsFor(keep).size() >= keepPolls + 5, 10000);
    rig.repository->flush();
    QCOMPARE(rig.server.requestsFor(drop).size(), requests);
    QVERIFY(!rig.model->task(drop)); // a late answer did not bring it back
    QVERIFY(!rig.reopened().contains(drop));
    QVERIFY(rig.model->task(keep));
}

void TestTaskTracker::setTaskKey()
{
    Rig rig;
    rig.scheduler.reset();
    rig.tracker.reset();
    rig.scheduler = std::make_unique<RefreshScheduler>(rig.client.get(), [](const QString &keyId) {
        return QStringLiteral("token-%1").arg(keyId);
    });
    rig.scheduler->setFollowSystemNetwork(false);
    rig.scheduler->setFixedInterval(true);
    rig.scheduler->setInterval(100ms);
    rig.makeTracker();
    const QString id = QStringLiteral("veo_k");
    rig.server.setScript(id, {record(id, 0)});
    rig.tracker->addTasks({id}, QStringLiteral("one"));
    QTRY_VERIFY_WITH_TIMEOUT(!rig.server.requestsFor(id).isEmpty(), 10000);

    rig.tracker->setTaskKey({id}, QStringLiteral("two"));
    QCOMPARE(rig.model->task(id)->keyId, QStringLiteral("two"));
    QCOMPARE(rig.reopened().value(id).keyId, QStringLiteral("two"));
    const qsizetype before = rig.server.requestsFor(id).size();
    QTRY_VERIFY_WITH_TIMEOUT(rig.server.requestsFor(id).size() >= before + 2, 10000);
    QCOMPARE(rig.server.requestsFor(id).last().headers.value("authorization"),
             QByteArray("Bearer token-two"));
    QCOMPARE(rig.server.requestsFor(id).first().headers.value("authorization"),
             QByteArray("Bearer token-one"));
}

void TestTaskTracker::unpolledTasksWaitForStartPolling()
{
    Rig rig;
    const QString id = QStringLiteral("veo_held");
    const QString other = QStringLiteral("veo_held_known");
    rig.server.setScript(id, {record(id, 1)});
    rig.server.setScript(other, {record(other, 0)});
    QCOMPARE(rig.tracker->addTasks({other}, QStringLiteral("k")), 1);
    QCOMPARE(rig.tracker->addTasksUnpolled({id, other, id}), QStringList{id});
    QVERIFY(rig.tracker->contains(id));
    QCOMPARE(rig.model->task(id)->keyId, QString());
    QVERIFY(rig.model->task(id)->findingOwner);
    QVERIFY(!rig.model->task(other)->findingOwner);
    QCOMPARE(rig.reopened().value(id).taskId, id);
    QVERIFY(rig.reopened().value(id).findingOwner); // a search that survives a restart
    QCOMPARE(rig.tracker->tasksFindingOwner(), QStringList{id});
    // Several intervals: the other task is polled, this one is not.
    QTRY_VERIFY_WITH_TIMEOUT(rig.server.requestsFor(other).size() >= 3, 15000);
    QVERIFY(rig.server.requestsFor(id).isEmpty());

    // An answer obtained elsewhere counts like a poll; polling starts from it.
    RecordInfoResult answer;
    answer.record.taskId = id;
    answer.record.status = TaskStatus::Generating;
    answer.record.successFlag = 0;
    rig.tracker->applyAnswer(id, answer);
    rig.tracker->startPolling({id});
    rig.repository->flush();
    QCOMPARE(rig.status(id), TaskStatus::Generating);
    QVERIFY(!rig.model->task(id)->findingOwner);
    QVERIFY(!rig.reopened().value(id).findingOwner);
    QVERIFY(rig.tracker->tasksFindingOwner().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(rig.status(id), TaskStatus::Succeeded, 10000);
    QVERIFY(rig.model->task(id)->lastChecked.isValid());
    QCOMPARE(rig.server.requestsFor(id).size(), 1);

    // Listed tasks can be held again: their polls stop and the mark is stored.
    rig.tracker->stopPolling({other});
    QVERIFY(rig.model->task(other)->findingOwner);
    QVERIFY(rig.reopened().value(other).findingOwner);
    QTRY_VERIFY_WITH_TIMEOUT(rig.settled(), 15000); // a poll sent before is answered
    const qsizetype polls = rig.server.requestsFor(other).size();
    QCoreApplication::processEvents();
    QVERIFY(rig.settled()); // and nothing will be asked: the other task is done
    QCOMPARE(rig.server.requestsFor(other).size(), polls);
    QVERIFY(!rig.tracker->contains(QStringLiteral("veo_never_added")));
}

QTEST_GUILESS_MAIN(TestTaskTracker)
#include "tst_tasktracker.moc"
