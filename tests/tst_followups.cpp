// 1080P, 4K and extensions as child tasks (FollowUps in the Engine), against real parts: the
// fake KIE server over loopback, the SQLite store in a temporary folder (restarts reopen it),
// and a manual clock that the test moves, so KIE's 20-30 s paces and 15-20 minute limits take
// no wall time. The money rule is checked on the server's own request log: a request that
// creates or charges goes out once, whatever happens to its answer.
#include "clockedengine.h"
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
    bool start() { return m_t.start(); }
    void stop() { m_t.stop(); }
    int count(const QByteArray &path) const { return m_t.count(path); }
    const TaskRecord *task(const QString &id) const { return m_t.app->task(id); }
    FollowUps *followUps() const { return m_t.app->engine->followUps(); }

    test::ClockedEngine m_t;
};

void tst_FollowUps::init()
{
    QVERIFY(m_t.setUp(Token));
    m_t.server->setScript(Parent, {FakeKieServer::ok(finished(Parent))});
    QVERIFY(start());
    QVERIFY(m_t.app->engine->addTasks({Parent}).added == 1);
    QVERIFY(m_t.run->runUntil([this] { return m_t.app->status(Parent) == TaskStatus::Succeeded; }));
}

void tst_FollowUps::cleanup()
{
    m_t.tearDown();
}

void tst_FollowUps::a1080pChildIsAskedForUntilReadyAndSurvivesARestart()
{
    const QString url = QStringLiteral("https://tempfile.invalid/p/fox-1080p.mp4");
    const FakeKieServer::Response notReady = FakeKieServer::kieError(
        422, QStringLiteral("1080P is processing. It should be ready in 1-2 minutes."));
    m_t.server->setUpgradeScript(FakeKieServer::Upgrade::Hd1080p, Parent, 0,
                                 {notReady, notReady, FakeKieServer::upgrade1080pReady(url)});

    const FollowUps::Outcome started = followUps()->requestUpgrade(Parent, TaskKind::Veo1080p, 0);
    QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
    QCOMPARE(started.taskId, upgradeTaskId(Parent, TaskKind::Veo1080p, 0));
    const TaskRecord *child = task(started.taskId);
    QVERIFY(child);
    QCOMPARE(child->kind, TaskKind::Veo1080p);
    QCOMPARE(child->parentTaskId, Parent);

    QVERIFY(m_t.run->runUntil(
        [&] { return m_t.app->status(started.taskId) == TaskStatus::Succeeded; }, Second));
    QCOMPARE(count(Path1080p), 3);
    // KIE asks for 20-30 s between polls (the app's own interval here is 30 s).
    qint64 last = -1;
    for (const test::ClockRunner::Sent &sent : m_t.run->sent()) {
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
    m_t.run->runFor(2 * Minute, Second);
    QCOMPARE(count(Path1080p), 3); // finished: not asked again
}

void tst_FollowUps::a1080pNeverReadyIsGivenUpAfter15MinutesAndCanBeRetried()
{
    m_t.server->setUpgradeScript(
        FakeKieServer::Upgrade::Hd1080p, Parent, 0,
        {FakeKieServer::kieError(422, QStringLiteral("1080P is processing."))});
    const QString id = followUps()->requestUpgrade(Parent, TaskKind::Veo1080p, 0).taskId;
    QVERIFY(!id.isEmpty());
    // The limit runs from the request's wall-clock time; the manual clock carries the rest.
    m_t.run->runFor(14 * Minute, 5 * Second);
    QCOMPARE(m_t.app->status(id), TaskStatus::Generating);
    const int asked = count(Path1080p);
    QVERIFY2(asked >= 28 && asked <= 43, qPrintable(QString::number(asked))); // every 20-30 s
    QVERIFY(
        m_t.run->runUntil([&] { return m_t.app->status(id) == TaskStatus::Failed; }, 5 * Second));
    QCOMPARE(task(id)->lastError.kind, ApiError::Kind::GaveUp);
    QVERIFY(task(id)->lastError.text().contains(QLatin1String("15")));
    const int atGiveUp = count(Path1080p);
    m_t.run->runFor(5 * Minute, 5 * Second);
    QCOMPARE(count(Path1080p), atGiveUp); // given up: no more polls

    m_t.server->setUpgradeScript(
        FakeKieServer::Upgrade::Hd1080p, Parent, 0,
        {FakeKieServer::upgrade1080pReady(QStringLiteral("https://tempfile.invalid/late.mp4"))});
    const FollowUps::Outcome retried = followUps()->retry(id);
    QVERIFY2(retried.error.isEmpty(), qPrintable(retried.error));
    QVERIFY(!task(id)->lastError.isError());
    QVERIFY(
        m_t.run->runUntil([&] { return m_t.app->status(id) == TaskStatus::Succeeded; }, Second));
    QCOMPARE(count(Path1080p), atGiveUp + 1);
}

void tst_FollowUps::a4kWhoseAnswerIsLostIsChargedOnceAndSettledByItsNextPoll()
{
    const QStringList urls{QStringLiteral("https://tempfile.invalid/p/fox-4k.mp4")};
    m_t.server->setUpgradeScript(
        FakeKieServer::Upgrade::Uhd4k, Parent, 0,
        {dropped(), processing4k(),
         FakeKieServer::upgrade4kAnswer(
             422, QStringLiteral("The video has been generated successfully"), Parent, urls,
             {QStringLiteral("https://tempfile.invalid/p/fox-4k.jpg")})});
    const QString id = followUps()->requestUpgrade(Parent, TaskKind::Veo4k, 0).taskId;
    QVERIFY(!id.isEmpty());
    QCOMPARE(task(id)->submission, TaskSubmission::Sending);

    // The charging request goes out once; its answer is lost.
    QVERIFY(m_t.run->runUntil([&] { return count(Path4k) == 1; }, Second));
    m_t.run->settle();
    QCOMPARE(task(id)->submission, TaskSubmission::AnswerLost);
    QCOMPARE(task(id)->lastError.kind, ApiError::Kind::Network);
    // Not sent again at once, nor within the 30 s KIE asks for between 4K requests.
    m_t.run->runFor(29 * Second, Second);
    QCOMPARE(count(Path4k), 1);

    // The next poll repeats it, which KIE answers without charging: it settles the request.
    QVERIFY(m_t.run->runUntil([&] { return count(Path4k) == 2; }, Second));
    m_t.run->settle();
    QCOMPARE(task(id)->submission, TaskSubmission::None);
    QCOMPARE(task(id)->status, TaskStatus::Generating);
    QVERIFY(
        m_t.run->runUntil([&] { return m_t.app->status(id) == TaskStatus::Succeeded; }, Second));
    QCOMPARE(task(id)->resultUrls, urls);
    QCOMPARE(task(id)->imageUrls.size(), 1); // kept for the gallery
    QCOMPARE(count(Path4k), 3);
    qint64 last = -1;
    for (const test::ClockRunner::Sent &sent : m_t.run->sent()) {
        if (sent.request.path == Path4k) {
            QVERIFY(last < 0 || sent.atMs - last >= 30 * Second);
            last = sent.atMs;
        }
    }
}

void tst_FollowUps::askingTwiceForTheSameUpgradeSendsNothingMore()
{
    m_t.server->setUpgradeScript(FakeKieServer::Upgrade::Uhd4k, Parent, 0, {processing4k()});
    const QString id = followUps()->requestUpgrade(Parent, TaskKind::Veo4k, 0).taskId;
    QVERIFY(m_t.run->runUntil([&] { return count(Path4k) == 1; }, Second));
    const FollowUps::Outcome again = followUps()->requestUpgrade(Parent, TaskKind::Veo4k, 0);
    QCOMPARE(again.taskId, id); // the same child, still running
    QVERIFY(again.error.isEmpty());
    QCOMPARE(followUps()->retry(id).taskId, id); // running: nothing to ask again
    m_t.run->runFor(10 * Second, Second);
    QCOMPARE(count(Path4k), 1);
    int children = 0;
    for (const TaskRecord &t : m_t.app->engine->tasks()->tasks()) {
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
    m_t.server->setExtendScript({FakeKieServer::ok(generating), FakeKieServer::ok(done)});
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

    QVERIFY(m_t.run->runUntil([&] { return settled.size() == 1; }, Second));
    QCOMPARE(m_t.server->extendedTaskIds().size(), 1);
    const QString newId = m_t.server->extendedTaskIds().constFirst();
    QCOMPARE(settled.first().at(1).toString(), newId);
    QVERIFY(settled.first().at(2).toString().isEmpty());
    QVERIFY(!task(sent.taskId)); // the placeholder became the child
    QVERIFY(task(newId));
    QCOMPARE(task(newId)->kind, TaskKind::VeoExtension);
    QCOMPARE(task(newId)->parentTaskId, Parent);
    QCOMPARE(task(newId)->submission, TaskSubmission::None);
    QVERIFY(m_t.run->runUntil([&] { return m_t.app->status(newId) == TaskStatus::Succeeded; }));
    QVERIFY(!m_t.server->requestsFor(newId).isEmpty()); // read on record-info like any Veo task
    QCOMPARE(task(newId)->prompt, options.prompt);      // as KIE echoes it in paramJson
    QCOMPARE(count(PathExtend), 1);
    for (const FakeKieServer::Request &r : m_t.server->requests()) {
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
    m_t.server->setRouteScript(PathExtend, {dropped()});
    ExtendOptions options;
    options.parentTaskId = Parent;
    options.prompt = QStringLiteral("The fox turns around");
    QSignalSpy settled(followUps(), &FollowUps::extensionSettled);
    const QString placeholderId = followUps()->extend(options).taskId;
    QVERIFY(!placeholderId.isEmpty());
    QVERIFY(m_t.run->runUntil([&] { return settled.size() == 1; }, Second));
    QVERIFY(settled.first().at(1).toString().isEmpty());
    QVERIFY(settled.first().at(2).toString().contains(QLatin1String("lost")));
    QCOMPARE(task(placeholderId)->submission, TaskSubmission::AnswerLost);
    m_t.run->runFor(10 * Minute, 5 * Second);
    QCOMPARE(count(PathExtend), 1);

    // A retry refuses (it may exist), and so does a restart.
    const FollowUps::Outcome retried = followUps()->retry(placeholderId);
    QVERIFY(!retried.error.isEmpty());
    stop();
    QVERIFY(start());
    QCOMPARE(task(placeholderId)->submission, TaskSubmission::AnswerLost);
    m_t.run->runFor(2 * Minute, 5 * Second);
    QCOMPARE(count(PathExtend), 1);

    // The user found its ID in the kie.ai logs.
    FakeKieServer::Record found = finished(QStringLiteral("veo_extend_found_1"));
    m_t.server->setScript(found.taskId, {FakeKieServer::ok(found)});
    QVERIFY(!followUps()->adoptTaskId(placeholderId, QStringLiteral("not an id")).error.isEmpty());
    const FollowUps::Outcome adopted = followUps()->adoptTaskId(placeholderId, found.taskId);
    QVERIFY2(adopted.error.isEmpty(), qPrintable(adopted.error));
    QVERIFY(!task(placeholderId));
    QCOMPARE(task(found.taskId)->parentTaskId, Parent);
    QCOMPARE(task(found.taskId)->kind, TaskKind::VeoExtension);
    QVERIFY(m_t.run->runUntil(
        [&] { return m_t.app->status(found.taskId) == TaskStatus::Succeeded; }, Second));
    QCOMPARE(count(PathExtend), 1);
}

void tst_FollowUps::aRefusedExtensionSaysWhyAndCanBeSentAgain()
{
    m_t.server->setRouteScript(
        PathExtend, {FakeKieServer::kieError(402, QStringLiteral("Insufficient Credits")),
                     FakeKieServer::okJson(R"({"taskId":"veo_extend_retry_01"})")});
    m_t.server->setScript(QStringLiteral("veo_extend_retry_01"),
                          {FakeKieServer::ok(finished(QStringLiteral("veo_extend_retry_01")))});
    ExtendOptions options;
    options.parentTaskId = Parent;
    options.prompt = QStringLiteral("Night falls");
    QSignalSpy settled(followUps(), &FollowUps::extensionSettled);
    const QString placeholderId = followUps()->extend(options).taskId;
    QVERIFY(m_t.run->runUntil([&] { return settled.size() == 1; }, Second));
    QCOMPARE(task(placeholderId)->submission, TaskSubmission::Refused);
    QCOMPARE(task(placeholderId)->status, TaskStatus::Failed);
    QCOMPARE(task(placeholderId)->lastError.kind, ApiError::Kind::InsufficientCredits);
    QVERIFY(settled.first().at(2).toString().contains(QLatin1String("402")));

    const FollowUps::Outcome retried = followUps()->retry(placeholderId);
    QVERIFY2(retried.error.isEmpty(), qPrintable(retried.error));
    QVERIFY(m_t.run->runUntil([&] { return settled.size() == 2; }, Second));
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
    m_t.server->setUpgradeScript(FakeKieServer::Upgrade::Hd1080p, Parent, 0,
                                 {FakeKieServer::kieError(422, QStringLiteral("processing"))});
    QVERIFY(followUps()->requestUpgrade(Parent, TaskKind::Veo1080p, 0).error.isEmpty());
    QVERIFY(followUps()->blocker(parent, TaskKind::VeoExtension).contains(QLatin1String("1080P")));
    ExtendOptions options;
    options.parentTaskId = Parent;
    options.prompt = QStringLiteral("More");
    QVERIFY(!followUps()->extend(options).error.isEmpty());
    QCOMPARE(count(PathExtend), 0);

    // A key known to have no credits left: nothing that costs is sent.
    m_t.app->engine->keys()->recordCheck(task(Parent)->keyId, ApiError{}, 0);
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
    QVERIFY(m_t.app->engine->tasks()->insert({placeholder}).size() == 1);
    stop();
    QVERIFY(start());
    QCOMPARE(task(placeholder.taskId)->submission, TaskSubmission::AnswerLost);
    m_t.run->runFor(2 * Minute, 5 * Second);
    QCOMPARE(count(PathExtend), 0);
    QVERIFY(!followUps()->retry(placeholder.taskId).error.isEmpty()); // it may exist
}

void tst_FollowUps::anIdFoundForALostExtensionThatIsAlreadyListedBecomesTheChild()
{
    m_t.server->setRouteScript(PathExtend, {dropped()});
    ExtendOptions options;
    options.parentTaskId = Parent;
    options.prompt = QStringLiteral("Lost, then found");
    const QString placeholderId = followUps()->extend(options).taskId;
    QVERIFY(m_t.run->runUntil(
        [&] { return task(placeholderId)->submission == TaskSubmission::AnswerLost; }, Second));
    // Meanwhile the user pasted the new ID as a task of its own.
    const QString found = QStringLiteral("veo_extend_pasted_1");
    m_t.server->setScript(found, {FakeKieServer::ok(finished(found))});
    QCOMPARE(m_t.app->engine->addTasks({found}).added, 1);
    const FollowUps::Outcome adopted = followUps()->adoptTaskId(placeholderId, found);
    QVERIFY2(adopted.error.isEmpty(), qPrintable(adopted.error));
    QVERIFY(!task(placeholderId));
    QCOMPARE(task(found)->kind, TaskKind::VeoExtension);
    QCOMPARE(task(found)->parentTaskId, Parent);
    // Offline, nothing is stored or sent.
    m_t.app->engine->scheduler()->setOnline(false);
    const FollowUps::Outcome offline = followUps()->extend(options);
    QVERIFY(offline.taskId.isEmpty());
    QVERIFY(offline.error.contains(QLatin1String("offline")));
    QCOMPARE(count(PathExtend), 1);
}

QTEST_GUILESS_MAIN(tst_FollowUps)
#include "tst_followups.moc"
