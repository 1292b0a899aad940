// 1080P, 4K and extensions as child tasks (FollowUps in the Engine), against real parts: the
// fake KIE server over loopback, the SQLite store in a temporary folder (restarts reopen it),
// and a manual clock that the test moves, so KIE's 20-30 s paces and 15-20 minute limits take
// no wall time. The money rule is checked on the server's own request log: a request that
// creates or charges goes out once, whatever happens to its answer.
#include "clockrunner.h"
#include "enginerig.h"
#include "fakekieserver.h"
#include "followups.h"
#include "keyring.h"
#include "manualclock.h"
#include "refreshscheduler.h"
#include "requestscheduler.h"
#include "taskrepository.h"
#include "veofollowups.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace veo;

namespace {
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
const QString Token = QStringLiteral("sk-followups-0001");
const QString Parent = QStringLiteral("veo_parent_fox_01");
const QByteArray Path1080p = QByteArrayLiteral("/api/v1/veo/get-1080p-video");
const QByteArray Path4k = QByteArrayLiteral("/api/v1/veo/get-4k-video");
const QByteArray PathExtend = QByteArrayLiteral("/api/v1/veo/extend");

FakeKieServer::Record finished(const QString &id)
{
    FakeKieServer::Record r;
    r.taskId = id;
    r.successFlag = 1;
    r.prompt = QStringLiteral("A red fox in the snow");
    r.resultUrls = {QStringLiteral("https://media.invalid/%1.mp4").arg(id)};
    return r;
}

FakeKieServer::Response dropped()
{
    FakeKieServer::Response r;
    r.fault = FakeKieServer::Response::Fault::DropConnection;
    return r;
}

FakeKieServer::Response processing4k()
{
    return FakeKieServer::upgrade4kAnswer(
        422, QStringLiteral("4k is processing. It should be ready in 5-10 minutes."), Parent);
}
} // namespace

class tst_FollowUps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void a1080pChildIsAskedForUntilReadyAndSurvivesARestart();
    void a1080pNeverReadyIsGivenUpAfter15MinutesAndCanBeRetried();
    void a4kWhoseAnswerIsLostIsChargedOnceAndSettledByItsNextPoll();
    void askingTwiceForTheSameUpgradeSendsNothingMore();
    void anAcceptedExtensionBecomesAChildReadOnRecordInfo();
    void anExtensionWhoseAnswerIsLostIsNeverSentAgain();
    void aRefusedExtensionSaysWhyAndCanBeSentAgain();
    void whatKieDoesNotAllowIsNotOffered();
    void requestsCutOffByQuittingLostTheirAnswer();
    void anIdFoundForALostExtensionThatIsAlreadyListedBecomesTheChild();

private:
    // Starts the app on the test's folder and waits until the parent has been read.
    bool start();
    void stop();
    int count(const QByteArray &path) const;
    const TaskRecord *task(const QString &id) const { return m_app->task(id); }
    FollowUps *followUps() const { return m_app->engine->followUps(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeKieServer> m_server;
    std::unique_ptr<test::ManualClock> m_clock;
    std::unique_ptr<test::ClockRunner> m_run;
    std::unique_ptr<test::EngineRig> m_app;
};

void tst_FollowUps::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FakeKieServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost));
    m_server->setValidKeys({Token});
    m_server->setCredits(QString(), 5000);
    m_server->setScript(Parent, {FakeKieServer::ok(finished(Parent))});
    m_clock = std::make_unique<test::ManualClock>();
    m_run = std::make_unique<test::ClockRunner>(*m_clock, *m_server);
    QVERIFY(start());
    QVERIFY(m_app->engine->addTasks({Parent}).added == 1);
    QVERIFY(m_run->runUntil([this] { return m_app->status(Parent) == TaskStatus::Succeeded; }));
}

void tst_FollowUps::cleanup()
{
    stop();
    m_run.reset();
    m_clock.reset();
    m_server.reset();
    m_dir.reset();
}

bool tst_FollowUps::start()
{
    m_app = std::make_unique<test::EngineRig>(m_dir->path(), m_server->baseUrl(), Token, false,
                                              QStringList(), false, m_clock.get());
    if (m_app->opened == TaskStore::OpenResult::Failed) {
        return false;
    }
    m_app->engine->start();
    Engine *engine = m_app->engine.get();
    // Every round ends with the answers committed, as the repository's timer would.
    m_run->follow(engine->scheduler()->requests(), [engine] { engine->flush(); });
    return QTest::qWaitFor([engine] { return !engine->keys()->isLoading(); }, 15000);
}

void tst_FollowUps::stop()
{
    if (m_app) {
        m_app->engine->flush();
    }
    m_app.reset();
}

int tst_FollowUps::count(const QByteArray &path) const
{
    int n = 0;
    for (const FakeKieServer::Request &r : m_server->requests()) {
        n += r.path == path ? 1 : 0;
    }
    return n;
}

void tst_FollowUps::a1080pChildIsAskedForUntilReadyAndSurvivesARestart()
{
    const QString url = QStringLiteral("https://tempfile.invalid/p/fox-1080p.mp4");
    const FakeKieServer::Response notReady = FakeKieServer::kieError(
        422, QStringLiteral("1080P is processing. It should be ready in 1-2 minutes."));
    m_server->setUpgradeScript(FakeKieServer::Upgrade::Hd1080p, Parent, 0,
                               {notReady, notReady, FakeKieServer::upgrade1080pReady(url)});

    const FollowUps::Outcome started = followUps()->requestUpgrade(Parent, TaskKind::Veo1080p, 0);
    QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
    QCOMPARE(started.taskId, upgradeTaskId(Parent, TaskKind::Veo1080p, 0));
    const TaskRecord *child = task(started.taskId);
    QVERIFY(child);
    QCOMPARE(child->kind, TaskKind::Veo1080p);
    QCOMPARE(child->parentTaskId, Parent);

    QVERIFY(m_run->runUntil([&] { return m_app->status(started.taskId) == TaskStatus::Succeeded; },
                            Second));
    QCOMPARE(count(Path1080p), 3);
    // KIE asks for 20-30 s between polls (the app's own interval here is 30 s).
    qint64 last = -1;
    for (const test::ClockRunner::Sent &sent : m_run->sent()) {
        if (sent.request.path == Path1080p) {
            QVERIFY2(last < 0 || sent.atMs - last >= 20 * Second,
                     qPrintable(QString::number(sent.atMs - last)));
            last = sent.atMs;
        }
    }
    QCOMPARE(task(started.taskId)->resultUrls, QStringList{url});
    QVERIFY(task(started.taskId)->completeTime.isValid()); // its 14 days start about now

    stop();
    QVERIFY(start());
    child = task(started.taskId);
    QVERIFY(child);
    QCOMPARE(child->status, TaskStatus::Succeeded);
    QCOMPARE(child->kind, TaskKind::Veo1080p);
    QCOMPARE(child->parentTaskId, Parent);
    QCOMPARE(child->resultUrls, QStringList{url});
    m_run->runFor(2 * Minute, Second);
    QCOMPARE(count(Path1080p), 3); // finished: not asked again
}

void tst_FollowUps::a1080pNeverReadyIsGivenUpAfter15MinutesAndCanBeRetried()
{
    m_server->setUpgradeScript(
        FakeKieServer::Upgrade::Hd1080p, Parent, 0,
        {FakeKieServer::kieError(422, QStringLiteral("1080P is processing."))});
    const QString id = followUps()->requestUpgrade(Parent, TaskKind::Veo1080p, 0).taskId;
    QVERIFY(!id.isEmpty());
    // The limit runs from the request's wall-clock time; the manual clock carries the rest.
    m_run->runFor(14 * Minute, 5 * Second);
    QCOMPARE(m_app->status(id), TaskStatus::Generating);
    const int asked = count(Path1080p);
    QVERIFY2(asked >= 28 && asked <= 43, qPrintable(QString::number(asked))); // every 20-30 s
    QVERIFY(m_run->runUntil([&] { return m_app->status(id) == TaskStatus::Failed; }, 5 * Second));
    QCOMPARE(task(id)->lastError.kind, ApiError::Kind::GaveUp);
    QVERIFY(task(id)->lastError.text().contains(QLatin1String("15")));
    const int atGiveUp = count(Path1080p);
    m_run->runFor(5 * Minute, 5 * Second);
    QCOMPARE(count(Path1080p), atGiveUp); // given up: no more polls

    m_server->setUpgradeScript(
        FakeKieServer::Upgrade::Hd1080p, Parent, 0,
        {FakeKieServer::upgrade1080pReady(QStringLiteral("https://tempfile.invalid/late.mp4"))});
    const FollowUps::Outcome retried = followUps()->retry(id);
    QVERIFY2(retried.error.isEmpty(), qPrintable(retried.error));
    QVERIFY(!task(id)->lastError.isError());
    QVERIFY(m_run->runUntil([&] { return m_app->status(id) == TaskStatus::Succeeded; }, Second));
    QCOMPARE(count(Path1080p), atGiveUp + 1);
}

void tst_FollowUps::a4kWhoseAnswerIsLostIsChargedOnceAndSettledByItsNextPoll()
{
    const QStringList urls{QStringLiteral("https://tempfile.invalid/p/fox-4k.mp4")};
    m_server->setUpgradeScript(
        FakeKieServer::Upgrade::Uhd4k, Parent, 0,
        {dropped(), processing4k(),
         FakeKieServer::upgrade4kAnswer(
             422, QStringLiteral("The video has been generated successfully"), Parent, urls,
             {QStringLiteral("https://tempfile.invalid/p/fox-4k.jpg")})});
    const QString id = followUps()->requestUpgrade(Parent, TaskKind::Veo4k, 0).taskId;
    QVERIFY(!id.isEmpty());
    QCOMPARE(task(id)->submission, TaskSubmission::Sending);

    // The charging request goes out once; its answer is lost.
    QVERIFY(m_run->runUntil([&] { return count(Path4k) == 1; }, Second));
    m_run->settle();
    QCOMPARE(task(id)->submission, TaskSubmission::AnswerLost);
    QCOMPARE(task(id)->lastError.kind, ApiError::Kind::Network);
    // Not sent again at once, nor within the 30 s KIE asks for between 4K requests.
    m_run->runFor(29 * Second, Second);
    QCOMPARE(count(Path4k), 1);

    // The next poll repeats it, which KIE answers without charging: it settles the request.
    QVERIFY(m_run->runUntil([&] { return count(Path4k) == 2; }, Second));
    m_run->settle();
    QCOMPARE(task(id)->submission, TaskSubmission::None);
    QCOMPARE(task(id)->status, TaskStatus::Generating);
    QVERIFY(m_run->runUntil([&] { return m_app->status(id) == TaskStatus::Succeeded; }, Second));
    QCOMPARE(task(id)->resultUrls, urls);
    QCOMPARE(task(id)->imageUrls.size(), 1); // kept for the gallery
    QCOMPARE(count(Path4k), 3);
    qint64 last = -1;
    for (const test::ClockRunner::Sent &sent : m_run->sent()) {
        if (sent.request.path == Path4k) {
            QVERIFY(last < 0 || sent.atMs - last >= 30 * Second);
            last = sent.atMs;
        }
    }
}

void tst_FollowUps::askingTwiceForTheSameUpgradeSendsNothingMore()
{
    m_server->setUpgradeScript(FakeKieServer::Upgrade::Uhd4k, Parent, 0, {processing4k()});
    const QString id = followUps()->requestUpgrade(Parent, TaskKind::Veo4k, 0).taskId;
    QVERIFY(m_run->runUntil([&] { return count(Path4k) == 1; }, Second));
    const FollowUps::Outcome again = followUps()->requestUpgrade(Parent, TaskKind::Veo4k, 0);
    QCOMPARE(again.taskId, id); // the same child, still running
    QVERIFY(again.error.isEmpty());
    QCOMPARE(followUps()->retry(id).taskId, id); // running: nothing to ask again
    m_run->runFor(10 * Second, Second);
    QCOMPARE(count(Path4k), 1);
    int children = 0;
    for (const TaskRecord &t : m_app->engine->tasks()->tasks()) {
        children += t.parentTaskId == Parent ? 1 : 0;
    }
    QCOMPARE(children, 1);
}

void tst_FollowUps::anAcceptedExtensionBecomesAChildReadOnRecordInfo()
{
    FakeKieServer::Record generating = finished(QStringLiteral("@TASK_ID@"));
    generating.prompt = QStringLiteral("@PROMPT@");
    generating.successFlag = 0;
    generating.resultUrls.clear();
    FakeKieServer::Record done = generating;
    done.successFlag = 1;
    done.resultUrls = {QStringLiteral("https://media.invalid/extended.mp4")};
    m_server->setExtendScript({FakeKieServer::ok(generating), FakeKieServer::ok(done)});
    ExtendOptions options;
    options.parentTaskId = Parent;
    options.prompt = QStringLiteral("The fox leaps over a \"frozen\" creek\n继续");
    options.model = QStringLiteral("quality");
    options.seeds = 24680;
    QSignalSpy settled(followUps(), &FollowUps::extensionSettled);
    const FollowUps::Outcome sent = followUps()->extend(options);
    QVERIFY2(sent.error.isEmpty(), qPrintable(sent.error));
    const TaskRecord *placeholder = task(sent.taskId);
    QVERIFY(placeholder);
    QVERIFY(placeholder->awaitsTaskId());
    QCOMPARE(placeholder->submission, TaskSubmission::Sending);
    QCOMPARE(placeholder->prompt, options.prompt);

    QVERIFY(m_run->runUntil([&] { return settled.size() == 1; }, Second));
    QCOMPARE(m_server->extendedTaskIds().size(), 1);
    const QString newId = m_server->extendedTaskIds().constFirst();
    QCOMPARE(settled.first().at(1).toString(), newId);
    QVERIFY(settled.first().at(2).toString().isEmpty());
    QVERIFY(!task(sent.taskId)); // the placeholder became the child
    QVERIFY(task(newId));
    QCOMPARE(task(newId)->kind, TaskKind::VeoExtension);
    QCOMPARE(task(newId)->parentTaskId, Parent);
    QCOMPARE(task(newId)->submission, TaskSubmission::None);
    QVERIFY(m_run->runUntil([&] { return m_app->status(newId) == TaskStatus::Succeeded; }));
    QVERIFY(!m_server->requestsFor(newId).isEmpty()); // read on record-info like any Veo task
    QCOMPARE(task(newId)->prompt, options.prompt);    // as KIE echoes it in paramJson
    QCOMPARE(count(PathExtend), 1);
    for (const FakeKieServer::Request &r : m_server->requests()) {
        if (r.path == PathExtend) {
            const QJsonObject sentBody = QJsonDocument::fromJson(r.body).object();
            QCOMPARE(sentBody.value(QLatin1String("taskId")).toString(), Parent);
            QCOMPARE(sentBody.value(QLatin1String("prompt")).toString(), options.prompt);
            QCOMPARE(sentBody.value(QLatin1String("model")).toString(), options.model);
            QCOMPARE(sentBody.value(QLatin1String("seeds")).toInt(), 24680);
        }
    }
}

void tst_FollowUps::anExtensionWhoseAnswerIsLostIsNeverSentAgain()
{
    m_server->setRouteScript(PathExtend, {dropped()});
    ExtendOptions options;
    options.parentTaskId = Parent;
    options.prompt = QStringLiteral("The fox turns around");
    QSignalSpy settled(followUps(), &FollowUps::extensionSettled);
    const QString placeholderId = followUps()->extend(options).taskId;
    QVERIFY(!placeholderId.isEmpty());
    QVERIFY(m_run->runUntil([&] { return settled.size() == 1; }, Second));
    QVERIFY(settled.first().at(1).toString().isEmpty());
    QVERIFY(settled.first().at(2).toString().contains(QLatin1String("lost")));
    QCOMPARE(task(placeholderId)->submission, TaskSubmission::AnswerLost);
    m_run->runFor(10 * Minute, 5 * Second);
    QCOMPARE(count(PathExtend), 1);

    // A retry refuses (it may exist), and so does a restart.
    const FollowUps::Outcome retried = followUps()->retry(placeholderId);
    QVERIFY(!retried.error.isEmpty());
    stop();
    QVERIFY(start());
    QCOMPARE(task(placeholderId)->submission, TaskSubmission::AnswerLost);
    m_run->runFor(2 * Minute, 5 * Second);
    QCOMPARE(count(PathExtend), 1);

    // The user found its ID in the kie.ai logs.
    FakeKieServer::Record found = finished(QStringLiteral("veo_extend_found_1"));
    m_server->setScript(found.taskId, {FakeKieServer::ok(found)});
    QVERIFY(!followUps()->adoptTaskId(placeholderId, QStringLiteral("not an id")).error.isEmpty());
    const FollowUps::Outcome adopted = followUps()->adoptTaskId(placeholderId, found.taskId);
    QVERIFY2(adopted.error.isEmpty(), qPrintable(adopted.error));
    QVERIFY(!task(placeholderId));
    QCOMPARE(task(found.taskId)->parentTaskId, Parent);
    QCOMPARE(task(found.taskId)->kind, TaskKind::VeoExtension);
    QVERIFY(m_run->runUntil([&] { return m_app->status(found.taskId) == TaskStatus::Succeeded; },
                            Second));
    QCOMPARE(count(PathExtend), 1);
}

void tst_FollowUps::aRefusedExtensionSaysWhyAndCanBeSentAgain()
{
    m_server->setRouteScript(PathExtend,
                             {FakeKieServer::kieError(402, QStringLiteral("Insufficient Credits")),
                              FakeKieServer::okJson(R"({"taskId":"veo_extend_retry_01"})")});
    m_server->setScript(QStringLiteral("veo_extend_retry_01"),
                        {FakeKieServer::ok(finished(QStringLiteral("veo_extend_retry_01")))});
    ExtendOptions options;
    options.parentTaskId = Parent;
    options.prompt = QStringLiteral("Night falls");
    QSignalSpy settled(followUps(), &FollowUps::extensionSettled);
    const QString placeholderId = followUps()->extend(options).taskId;
    QVERIFY(m_run->runUntil([&] { return settled.size() == 1; }, Second));
    QCOMPARE(task(placeholderId)->submission, TaskSubmission::Refused);
    QCOMPARE(task(placeholderId)->status, TaskStatus::Failed);
    QCOMPARE(task(placeholderId)->lastError.kind, ApiError::Kind::InsufficientCredits);
    QVERIFY(settled.first().at(2).toString().contains(QLatin1String("402")));

    const FollowUps::Outcome retried = followUps()->retry(placeholderId);
    QVERIFY2(retried.error.isEmpty(), qPrintable(retried.error));
    QVERIFY(m_run->runUntil([&] { return settled.size() == 2; }, Second));
    QCOMPARE(settled.at(1).at(1).toString(), QStringLiteral("veo_extend_retry_01"));
    QCOMPARE(count(PathExtend), 2);
    QCOMPARE(task(QStringLiteral("veo_extend_retry_01"))->prompt, options.prompt);
}

void tst_FollowUps::whatKieDoesNotAllowIsNotOffered()
{
    const TaskRecord parent = *task(Parent);
    QVERIFY(followUps()->blocker(parent, TaskKind::Veo1080p, 0).isEmpty());
    QVERIFY(followUps()->blocker(parent, TaskKind::Veo4k, 0).isEmpty());
    QVERIFY(followUps()->blocker(parent, TaskKind::VeoExtension).isEmpty());
    QVERIFY(!followUps()->blocker(parent, TaskKind::Veo1080p, 1).isEmpty()); // one video only

    TaskRecord running = parent;
    running.status = TaskStatus::Generating;
    QVERIFY(!followUps()->blocker(running, TaskKind::Veo4k, 0).isEmpty());
    TaskRecord fallback = parent;
    fallback.fallbackFlag = true;
    QVERIFY(
        followUps()->blocker(fallback, TaskKind::Veo1080p, 0).contains(QLatin1String("fallback")));
    QVERIFY(!followUps()->blocker(fallback, TaskKind::Veo4k, 0).isEmpty());
    QVERIFY(followUps()->blocker(fallback, TaskKind::VeoExtension).isEmpty());
    QVERIFY(!followUps()
                 ->requestUpgrade(QStringLiteral("veo_not_listed"), TaskKind::Veo4k, 0)
                 .error.isEmpty());

    // Once its 1080P version is asked for, a video cannot be extended.
    m_server->setUpgradeScript(FakeKieServer::Upgrade::Hd1080p, Parent, 0,
                               {FakeKieServer::kieError(422, QStringLiteral("processing"))});
    QVERIFY(followUps()->requestUpgrade(Parent, TaskKind::Veo1080p, 0).error.isEmpty());
    QVERIFY(followUps()->blocker(parent, TaskKind::VeoExtension).contains(QLatin1String("1080P")));
    ExtendOptions options;
    options.parentTaskId = Parent;
    options.prompt = QStringLiteral("More");
    QVERIFY(!followUps()->extend(options).error.isEmpty());
    QCOMPARE(count(PathExtend), 0);

    // A key known to have no credits left: nothing that costs is sent.
    m_app->engine->keys()->recordCheck(task(Parent)->keyId, ApiError{}, 0);
    QVERIFY(followUps()->blocker(parent, TaskKind::Veo4k, 0).contains(QLatin1String("credits")));
    QVERIFY(!followUps()->requestUpgrade(Parent, TaskKind::Veo4k, 0).error.isEmpty());
    QCOMPARE(count(Path4k), 0);
}

void tst_FollowUps::requestsCutOffByQuittingLostTheirAnswer()
{
    // The app stopped while an extension was on its way: at the next start it says the answer
    // was lost, and sends nothing.
    TaskRecord placeholder;
    placeholder.taskId = Parent + QStringLiteral(":extend:cut0ff");
    placeholder.kind = TaskKind::VeoExtension;
    placeholder.parentTaskId = Parent;
    placeholder.submission = TaskSubmission::Sending;
    placeholder.paramJson = QStringLiteral(R"({"prompt":"cut off","model":"fast"})");
    QVERIFY(m_app->engine->tasks()->insert({placeholder}).size() == 1);
    stop();
    QVERIFY(start());
    QCOMPARE(task(placeholder.taskId)->submission, TaskSubmission::AnswerLost);
    m_run->runFor(2 * Minute, 5 * Second);
    QCOMPARE(count(PathExtend), 0);
    QVERIFY(!followUps()->retry(placeholder.taskId).error.isEmpty()); // it may exist
}

void tst_FollowUps::anIdFoundForALostExtensionThatIsAlreadyListedBecomesTheChild()
{
    m_server->setRouteScript(PathExtend, {dropped()});
    ExtendOptions options;
    options.parentTaskId = Parent;
    options.prompt = QStringLiteral("Lost, then found");
    const QString placeholderId = followUps()->extend(options).taskId;
    QVERIFY(m_run->runUntil(
        [&] { return task(placeholderId)->submission == TaskSubmission::AnswerLost; }, Second));
    // Meanwhile the user pasted the new ID as a task of its own.
    const QString found = QStringLiteral("veo_extend_pasted_1");
    m_server->setScript(found, {FakeKieServer::ok(finished(found))});
    QCOMPARE(m_app->engine->addTasks({found}).added, 1);
    const FollowUps::Outcome adopted = followUps()->adoptTaskId(placeholderId, found);
    QVERIFY2(adopted.error.isEmpty(), qPrintable(adopted.error));
    QVERIFY(!task(placeholderId));
    QCOMPARE(task(found)->kind, TaskKind::VeoExtension);
    QCOMPARE(task(found)->parentTaskId, Parent);
    // Offline, nothing is stored or sent.
    m_app->engine->scheduler()->setOnline(false);
    const FollowUps::Outcome offline = followUps()->extend(options);
    QVERIFY(offline.taskId.isEmpty());
    QVERIFY(offline.error.contains(QLatin1String("offline")));
    QCOMPARE(count(PathExtend), 1);
}

QTEST_GUILESS_MAIN(tst_FollowUps)
#include "tst_followups.moc"
