// RefreshScheduler against the fake KIE server on loopback: real HTTP, time on a manual clock.
// The rig answers what was sent, then steps the clock (tests/support/clockrunner.h), so
// intervals, backoff, grace and Retry-After are checked exactly on the clock's times and
// nothing waits on the wall clock. The assertions use the server's own request log.
#include "clockrunner.h"
#include "fakekieserver.h"
#include "kieclient.h"
#include "refreshscheduler.h"
#include "requestscheduler.h"

#include <QTest>
#include <algorithm>
#include <cstdlib>
#include <limits>
#include <memory>

using namespace veo;
using namespace std::chrono_literals;

namespace {

using Response = FakeKieServer::Response;

Response record(const QString &id, int successFlag)
{
    FakeKieServer::Record r;
    r.taskId = id;
    r.successFlag = successFlag;
    if (successFlag == 1) {
        r.resultUrls = {QStringLiteral("https://example.invalid/%1.mp4").arg(id)};
    }
    return FakeKieServer::ok(r);
}

TaskRecord task(const QString &id, const QString &keyId = {},
                TaskStatus status = TaskStatus::Pending, QDateTime lastChecked = {})
{
    TaskRecord t;
    t.taskId = id;
    t.keyId = keyId;
    t.status = status;
    t.addedAt = QDateTime::currentDateTimeUtc();
    t.lastChecked = lastChecked;
    return t;
}

// The schedule counts a task's age from its wall-clock times (when it was added, KIE's
// createTime) while the test runs on a manual clock: the real time the test takes to get from
// building a task to tracking it or to its first answer (up to tenths of a second under a
// sanitizer on a busy machine) ages it by as much. Checks are compared within a second.
bool near(const QList<qint64> &actual, const QList<qint64> &expected, qint64 slackMs = 1000)
{
    if (actual.size() != expected.size()) {
        return false;
    }
    for (qsizetype i = 0; i < actual.size(); ++i) {
        if (std::abs(actual.at(i) - expected.at(i)) > slackMs) {
            return false;
        }
    }
    return true;
}

QByteArray listText(const QList<qint64> &values)
{
    QByteArrayList parts;
    for (const qint64 v : values) {
        parts << QByteArray::number(v);
    }
    return parts.join(' ');
}

QList<qint64> arrivals(const QList<FakeKieServer::Request> &requests)
{
    QList<qint64> at;
    for (const auto &r : requests) {
        at.append(r.atMs);
    }
    return at;
}

// The largest number of arrivals inside any window of windowMs (half-open).
int maxInWindow(QList<qint64> at, qint64 windowMs)
{
    std::sort(at.begin(), at.end());
    int best = 0;
    qsizetype first = 0;
    for (qsizetype i = 0; i < at.size(); ++i) {
        while (at[i] - at[first] >= windowMs) {
            ++first;
        }
        best = std::max(best, int(i - first + 1));
    }
    return best;
}

// Server, client, request machine and scheduler wired together; answers are collected in
// order, with the clock time they were handled at.
struct Rig
{
    struct Answer
    {
        QString taskId;
        RecordInfoResult result;
        qint64 atMs;
    };

    FakeKieServer server;
    std::unique_ptr<KieClient> client;
    std::shared_ptr<QHash<QString, QString>> tokens = std::make_shared<QHash<QString, QString>>();
    test::ManualClock clock;
    test::ClockRunner runner{clock, server};
    std::unique_ptr<RequestScheduler> requests;
    std::unique_ptr<RefreshScheduler> scheduler;
    QList<Answer> answers;

    explicit Rig(const RefreshScheduler::Policy &policy = {.jitter = 0})
    {
        if (!server.listen()) {
            qFatal("fake server did not start");
        }
        client = std::make_unique<KieClient>(server.baseUrl());
        tokens->insert(QString(), QStringLiteral("token-default"));
        auto map = tokens;
        requests = std::make_unique<RequestScheduler>(
            client.get(), [map](const QString &keyId) { return map->value(keyId); }, &clock);
        requests->setFollowSystemNetwork(false); // loopback works without any network
        scheduler = std::make_unique<RefreshScheduler>(requests.get(), policy);
        // The machinery (backoff, grace, limits) is checked at a fixed pace; the adaptive
        // schedule has tests of its own, which turn this off.
        scheduler->setFixedInterval(true);
        runner.follow(requests.get());
        QObject::connect(scheduler.get(), &RefreshScheduler::taskAnswered, scheduler.get(),
                         [this](const QString &id, const RecordInfoResult &result) {
                             answers.append({id, result, clock.nowMs()});
                         });
    }
    ~Rig()
    {
        scheduler.reset(); // before the machine and the client it uses
        requests.reset();
        client.reset();
    }
    bool runUntil(const std::function<bool()> &condition) { return runner.runUntil(condition); }
    void runFor(qint64 ms) { runner.runFor(ms); }
    // Clock times of the requests sent with this bearer token.
    QList<qint64> sentWith(const QByteArray &token) const
    {
        QList<qint64> at;
        for (const test::ClockRunner::Sent &s : runner.sent()) {
            if (s.request.headers.value("authorization") == "Bearer " + token) {
                at.append(s.atMs);
            }
        }
        return at;
    }
    int requestCount(const QString &id) const { return int(server.requestsFor(id).size()); }
    QList<Answer> answersFor(const QString &id) const
    {
        QList<Answer> out;
        for (const Answer &a : answers) {
            if (a.taskId == id) {
                out.append(a);
            }
        }
        return out;
    }
    bool lastAnswerHasStatus(const QString &id, TaskStatus status) const
    {
        const QList<Answer> a = answersFor(id);
        return !a.isEmpty() && !a.last().result.error.isError() &&
               a.last().result.record.status == status;
    }
};

// The scheduler's next wake, read right after a call that should make a poll due at once:
// between the wall-clock readings taken around that call (with 50 ms to spare).
bool dueNow(const QDateTime &next, const QDateTime &before, const QDateTime &after)
{
    if (!next.isValid()) {
        qWarning("nothing scheduled");
        return false;
    }
    if (next < before.addMSecs(-50) || next > after.addMSecs(50)) {
        qWarning("next poll %lld ms after the call", qlonglong(before.msecsTo(next)));
        return false;
    }
    return true;
}

} // namespace

class TestRefreshScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pollsUntilSuccessThenStops();
    void finalFailuresStop_data();
    void finalFailuresStop();
    void newTaskPolledAtOnceOthersAfterInterval();
    void finishedTasksOnlyByRefreshNow();
    void rateLimitPerKey();
    void twoKeysAreIndependent();
    void retryAfterBlocksOnlyThatKey();
    void backoffGrowsAndIsCapped();
    void recordNullBecomesNotFoundAfterGrace();
    void noKeyAnswersWithoutRequest();
    void pauseAndResume();
    void offlineAndBackOnline();
    void inFlightBound();
    void untrackStopsPolling();
    void cancelledRequestsAreRetried();
    void nextPollChanged();
    void nextCheckAfterFailureAndRefreshNowAtOnce();
    void adaptiveNoticesFinishedRendersWithinBounds();
    void adaptiveAgeCountsFromCreation();
    void fixedIntervalIgnoresAge();
    void thousandDueTasksWithinRateLimitKeysInParallel();
    void noTaskStarves();
    void restartInterleavesCheckedAndNeverChecked();
};

void TestRefreshScheduler::pollsUntilSuccessThenStops()
{
    Rig rig;
    const QString id = QStringLiteral("veo_a");
    rig.server.setScript(id, {record(id, 0), record(id, 0), record(id, 1)});
    rig.scheduler->setInterval(100ms);
    rig.scheduler->track({task(id)});
    QCOMPARE(rig.scheduler->pendingCount(), 1);

    QVERIFY(rig.runUntil([&] { return rig.lastAnswerHasStatus(id, TaskStatus::Succeeded); }));
    const QList<Rig::Answer> answers = rig.answersFor(id);
    QCOMPARE(answers.size(), 3);
    QCOMPARE(answers.at(0).result.record.status, TaskStatus::Generating);
    QCOMPARE(answers.last().result.record.resultUrls.size(), 1);
    QCOMPARE(answers.at(1).atMs - answers.at(0).atMs, 100); // one interval, exactly
    QCOMPARE(answers.at(2).atMs - answers.at(1).atMs, 100);
    QCOMPARE(rig.scheduler->pendingCount(), 0);

    rig.runFor(600); // six intervals
    QCOMPARE(rig.requestCount(id), 3);
    QVERIFY(!rig.scheduler->nextPollAt().isValid());
}

void TestRefreshScheduler::finalFailuresStop_data()
{
    QTest::addColumn<int>("flag");
    QTest::addColumn<TaskStatus>("status");
    QTest::newRow("failed (2)") << 2 << TaskStatus::Failed;
    QTest::newRow("generation failed (3)") << 3 << TaskStatus::GenerationFailed;
}

void TestRefreshScheduler::finalFailuresStop()
{
    QFETCH(int, flag);
    QFETCH(TaskStatus, status);
    Rig rig;
    const QString id = QStringLiteral("veo_f");
    rig.server.setScript(id, {record(id, 0), record(id, flag)});
    rig.scheduler->setInterval(100ms);
    rig.scheduler->track({task(id)});

    QVERIFY(rig.runUntil([&] { return rig.lastAnswerHasStatus(id, status); }));
    rig.runFor(600);
    QCOMPARE(rig.requestCount(id), 2);
}

void TestRefreshScheduler::newTaskPolledAtOnceOthersAfterInterval()
{
    Rig rig;
    const QString fresh = QStringLiteral("veo_new");
    const QString recent = QStringLiteral("veo_recent");
    const QString overdue = QStringLiteral("veo_overdue");
    // Checked 10 s before the scheduler's clock started (in the previous run of the app):
    // its time on that clock is negative, which once read as "never checked".
    const QString beforeRestart = QStringLiteral("veo_before_restart");
    for (const QString &id : {fresh, recent, overdue, beforeRestart}) {
        rig.server.setScript(id, {record(id, 0)});
    }
    rig.scheduler->setInterval(60s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    rig.scheduler->track({task(fresh), task(recent, {}, TaskStatus::Generating, now),
                          task(overdue, {}, TaskStatus::Generating, now.addSecs(-61)),
                          task(beforeRestart, {}, TaskStatus::Generating, now.addSecs(-10))});

    // Without the clock moving: both the new and the overdue one go at once.
    rig.runner.settle();
    QCOMPARE(rig.requestCount(fresh), 1);
    QCOMPARE(rig.requestCount(overdue), 1);
    rig.runFor(300);
    QCOMPARE(rig.requestCount(recent), 0);
    QCOMPARE(rig.requestCount(beforeRestart), 0);
    QCOMPARE(rig.requestCount(fresh), 1);
    QCOMPARE(rig.scheduler->pendingCount(), 4);
    // The next wake is the earliest regular poll: the one checked before the restart, 50 s
    // after it was tracked (measured from then, so a slow test run does not move it).
    const qint64 wakeIn = now.msecsTo(rig.scheduler->nextPollAt());
    QVERIFY2(wakeIn > 49000 && wakeIn < 51000, qPrintable(QString::number(wakeIn)));
}

void TestRefreshScheduler::finishedTasksOnlyByRefreshNow()
{
    Rig rig;
    const QString done = QStringLiteral("veo_done");
    const QString failed = QStringLiteral("veo_failed");
    rig.server.setScript(done, {record(done, 1)});
    rig.server.setScript(failed, {record(failed, 2)});
    rig.scheduler->setInterval(50ms);
    const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-1);
    const TaskRecord doneTask = task(done, {}, TaskStatus::Succeeded, old);
    const TaskRecord failedTask = task(failed, {}, TaskStatus::Failed, old);
    rig.scheduler->track({doneTask, failedTask});
    QCOMPARE(rig.scheduler->pendingCount(), 0);
    QCOMPARE(rig.scheduler->trackedCount(), 0); // a long history costs nothing here

    rig.runFor(400);
    QCOMPARE(rig.server.requests().size(), 0);

    rig.scheduler->refreshNow({doneTask});
    QCOMPARE(rig.scheduler->pendingCount(), 0); // still finished, only asked again
    QCOMPARE(rig.scheduler->trackedCount(), 1);
    rig.scheduler->track({doneTask}); // its state committed meanwhile: still asked, once
    rig.runner.settle();
    QCOMPARE(rig.requestCount(done), 1);
    QCOMPARE(rig.answersFor(done).size(), 1);
    rig.runFor(400); // a forced poll is one poll, not a return to the schedule
    QCOMPARE(rig.requestCount(done), 1);
    QCOMPARE(rig.requestCount(failed), 0);
    QVERIFY(!rig.scheduler->nextCheckAt(done).isValid());
    QCOMPARE(rig.scheduler->trackedCount(), 0); // answered: forgotten again
    rig.scheduler->track({doneTask});           // its committed answer: still nothing to schedule
    rig.runFor(400);
    QCOMPARE(rig.requestCount(done), 1);
    QCOMPARE(rig.scheduler->trackedCount(), 0);

    rig.scheduler->refreshNow({doneTask, failedTask}); // both, as Refresh All does
    rig.runner.settle();
    QCOMPARE(rig.requestCount(failed), 1);
    QCOMPARE(rig.requestCount(done), 2);
    rig.runFor(400);
    QCOMPARE(rig.server.requests().size(), 3);
}

void TestRefreshScheduler::rateLimitPerKey()
{
    Rig rig;
    rig.scheduler->setInterval(60s); // each task exactly once
    rig.scheduler->setMaxInFlight(100);
    QList<TaskRecord> tasks;
    for (int i = 0; i < 50; ++i) {
        const QString id = QStringLiteral("veo_r%1").arg(i);
        rig.server.setScript(id, {record(id, 0)});
        tasks.append(task(id));
    }
    int maxBeforeFirstAnswer = 0;
    connect(rig.client.get(), &KieClient::inFlightChanged, rig.client.get(), [&](int n) {
        if (rig.answers.isEmpty()) {
            maxBeforeFirstAnswer = std::max(maxBeforeFirstAnswer, n);
        }
    });
    rig.scheduler->track(tasks);

    // Ten per window (1050 ms) on the clock, exactly. The limit is a budget, not a slow drip:
    // the first ten go out together, in one round, before any answer can be read.
    rig.runner.settle();
    QCOMPARE(rig.server.requests().size(), 10);
    QVERIFY2(maxBeforeFirstAnswer >= 10, qPrintable(QString::number(maxBeforeFirstAnswer)));
    rig.clock.advance(RateLimiter::WindowMs - 1);
    rig.runner.settle();
    QCOMPARE(rig.server.requests().size(), 10);
    rig.clock.advance(1);
    rig.runner.settle();
    QCOMPARE(rig.server.requests().size(), 20);
    QVERIFY(rig.runUntil([&] { return rig.answers.size() == 50; }));
    const QList<qint64> at = rig.sentWith("token-default");
    QCOMPARE(at.size(), 50);
    QCOMPARE(at.constLast() - at.constFirst(), 4 * RateLimiter::WindowMs);
}

void TestRefreshScheduler::twoKeysAreIndependent()
{
    Rig rig;
    rig.tokens->insert(QStringLiteral("a"), QStringLiteral("token-A"));
    rig.tokens->insert(QStringLiteral("b"), QStringLiteral("token-B"));
    rig.scheduler->setInterval(60s);
    rig.scheduler->setMaxInFlight(100);
    QList<TaskRecord> tasks;
    for (int i = 0; i < 25; ++i) {
        for (const QString &key : {QStringLiteral("a"), QStringLiteral("b")}) {
            const QString id = QStringLiteral("veo_%1%2").arg(key).arg(i);
            rig.server.setScript(id, {record(id, 0)});
            tasks.append(task(id, key));
        }
    }
    rig.scheduler->track(tasks);

    // Independent budgets: both keys' first ten go out together.
    rig.runner.settle();
    QCOMPARE(rig.sentWith("token-A").size(), 10);
    QCOMPARE(rig.sentWith("token-B").size(), 10);
    QVERIFY(rig.runUntil([&] { return rig.answers.size() == 50; }));
    for (const auto &r : rig.server.requests()) {
        const QString id = r.query.queryItemValue(QStringLiteral("taskId"));
        const QByteArray expected =
            id.startsWith(QLatin1String("veo_a")) ? "Bearer token-A" : "Bearer token-B";
        QCOMPARE(r.headers.value("authorization"), expected);
    }
    for (const QByteArray &token : {QByteArray("token-A"), QByteArray("token-B")}) {
        const QList<qint64> at = rig.sentWith(token);
        QCOMPARE(at.size(), 25);
        for (qsizetype i = 10; i < at.size(); ++i) { // each key: ten per window
            QVERIFY2(at[i] - at[i - 10] >= RateLimiter::WindowMs, qPrintable(QString::number(i)));
        }
    }
}

void TestRefreshScheduler::retryAfterBlocksOnlyThatKey()
{
    Rig rig;
    rig.tokens->insert(QStringLiteral("a"), QStringLiteral("token-A"));
    rig.tokens->insert(QStringLiteral("b"), QStringLiteral("token-B"));
    rig.scheduler->setInterval(100ms);
    rig.scheduler->setMaxInFlight(10);
    const QString a1 = QStringLiteral("veo_a1");
    const QString a2 = QStringLiteral("veo_a2");
    const QString b1 = QStringLiteral("veo_b1");
    Response limited = FakeKieServer::kieError(429, QStringLiteral("Rate limited"), 429);
    limited.headers = {{"Retry-After", "3"}};
    rig.server.setScript(a1, {limited, record(a1, 0)});
    rig.server.setScript(a2, {record(a2, 0)});
    rig.server.setScript(b1, {record(b1, 0)});
    rig.scheduler->track({task(a1, QStringLiteral("a")), task(a2, QStringLiteral("a")),
                          task(b1, QStringLiteral("b"))});

    rig.runner.settle();
    const qint64 limitedAt = rig.clock.nowMs();
    const RecordInfoResult first = rig.answersFor(a1).first().result;
    QCOMPARE(first.error.kind, ApiError::Kind::RateLimited);
    QCOMPARE(first.error.retryAfterSeconds, 3);
    QVERIFY(rig.runUntil([&] { return rig.requestCount(a1) >= 2 && rig.requestCount(a2) >= 2; }));

    // The whole key waits, veo_a2 too, until exactly 3 s after the 429 was read.
    const QList<qint64> keyA = rig.sentWith("token-A");
    QCOMPARE(keyA.size(), 4);
    QCOMPARE(keyA.at(1), limitedAt); // veo_a2, sent with veo_a1 before the 429
    QCOMPARE(keyA.at(2), limitedAt + 3000);
    QCOMPARE(keyA.at(3), limitedAt + 3000);
    const QList<qint64> keyB = rig.sentWith("token-B");
    const auto duringBlock = std::count_if(keyB.cbegin(), keyB.cend(), [&](qint64 t) {
        return t > limitedAt && t < limitedAt + 3000;
    });
    // Key B goes on meanwhile: polled every interval during the block (one held back by its
    // own rate limit now and then: eleven polls 100 ms apart do not fit in one window).
    QVERIFY2(duringBlock >= 25, qPrintable(QString::number(duringBlock)));
}

void TestRefreshScheduler::backoffGrowsAndIsCapped()
{
    Rig rig({.backoffCap = 400ms, .jitter = 0});
    const QString id = QStringLiteral("veo_500");
    rig.server.setScript(id, {FakeKieServer::kieError(500, QStringLiteral("Internal Error"))});
    rig.scheduler->setInterval(50ms);
    rig.scheduler->track({task(id)});

    // Gaps 50, 100, 200, 400, 400, 400... on the clock, exactly.
    QVERIFY(rig.runUntil([&] { return rig.requestCount(id) >= 10; }));
    const QList<qint64> at = rig.sentWith("token-default");
    QList<qint64> gaps;
    for (qsizetype i = 1; i < at.size(); ++i) {
        gaps.append(at[i] - at[i - 1]);
    }
    QCOMPARE(gaps.mid(0, 6), (QList<qint64>{50, 100, 200, 400, 400, 400}));
    for (const auto &a : rig.answersFor(id)) {
        QCOMPARE(a.result.error.kind, ApiError::Kind::Server);
    }
    QCOMPARE(rig.scheduler->pendingCount(), 1); // still watched
}

void TestRefreshScheduler::recordNullBecomesNotFoundAfterGrace()
{
    Rig rig({.backoffCap = 100ms, .notFoundGrace = 500ms, .jitter = 0});
    const QString id = QStringLiteral("veo_unknown"); // no script: "record is null."
    rig.scheduler->setInterval(50ms);
    rig.scheduler->track({task(id)});

    QVERIFY(rig.runUntil([&] {
        return !rig.answersFor(id).isEmpty() &&
               rig.answersFor(id).last().result.error.kind == ApiError::Kind::NotFound;
    }));
    const QList<Rig::Answer> answers = rig.answersFor(id);
    for (qsizetype i = 0; i + 1 < answers.size(); ++i) {
        QCOMPARE(answers[i].result.error.kind, ApiError::Kind::NotFoundYet);
    }
    QVERIFY(answers.last().result.error.isFinal());
    // 50, 100, 100, 100, 100, 100 ms apart: the first answer 500 ms or more after the first.
    QCOMPARE(answers.last().atMs - answers.first().atMs, 550);
    const int requests = rig.requestCount(id);
    QCOMPARE(requests, int(answers.size()));
    rig.runFor(500);
    QCOMPARE(rig.requestCount(id), requests);
    QCOMPARE(rig.scheduler->pendingCount(), 0);
}

void TestRefreshScheduler::noKeyAnswersWithoutRequest()
{
    Rig rig;
    rig.tokens->clear(); // no default key either
    rig.scheduler->setInterval(100ms);
    const QString id = QStringLiteral("veo_nokey");
    rig.server.setScript(id, {record(id, 0)});
    rig.scheduler->track({task(id, QStringLiteral("missing"))});

    QVERIFY(rig.runUntil([&] { return rig.answersFor(id).size() >= 3; })); // after the interval
    for (const auto &a : rig.answersFor(id)) {
        QCOMPARE(a.result.error.kind, ApiError::Kind::NoKey);
        QCOMPARE(a.result.record.taskId, id);
    }
    QCOMPARE(rig.server.requests().size(), 0);
    const QList<Rig::Answer> a = rig.answersFor(id);
    QCOMPARE(a[1].atMs - a[0].atMs, 100);

    // The key turns up: the next retry sends a real request with it.
    rig.tokens->insert(QStringLiteral("missing"), QStringLiteral("token-late"));
    QVERIFY(rig.runUntil([&] { return rig.requestCount(id) >= 1; }));
    QCOMPARE(rig.server.requestsFor(id).at(0).headers.value("authorization"),
             QByteArray("Bearer token-late"));
    QVERIFY(rig.lastAnswerHasStatus(id, TaskStatus::Generating));
}

void TestRefreshScheduler::pauseAndResume()
{
    Rig rig;
    const QString id = QStringLiteral("veo_p");
    rig.server.setScript(id, {record(id, 0)});
    rig.scheduler->setInterval(1000ms);
    rig.scheduler->track({task(id)});
    rig.runner.settle();
    QCOMPARE(rig.answersFor(id).size(), 1);

    rig.scheduler->setPaused(true);
    QVERIFY(rig.scheduler->isPaused());
    QVERIFY(!rig.scheduler->nextPollAt().isValid());
    rig.runFor(1500); // the task is overdue by now
    QCOMPARE(rig.requestCount(id), 1);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    rig.scheduler->setPaused(false);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    // At once, not a whole interval after resuming: the wake is set for now, before any event
    // is processed (how soon the request then arrives is up to the machine).
    QVERIFY(dueNow(rig.scheduler->nextPollAt(), before, after));
    rig.runner.settle();
    QCOMPARE(rig.requestCount(id), 2);
}

void TestRefreshScheduler::offlineAndBackOnline()
{
    Rig rig;
    QList<bool> onlineChanges;
    connect(rig.scheduler.get(), &RefreshScheduler::onlineChanged, rig.scheduler.get(),
            [&onlineChanges](bool online) { onlineChanges.append(online); });
    const QString id = QStringLiteral("veo_o");
    const QString added = QStringLiteral("veo_o2");
    rig.server.setScript(id, {record(id, 0)});
    rig.server.setScript(added, {record(added, 0)});
    rig.scheduler->setInterval(1000ms);
    rig.scheduler->track({task(id)});
    rig.runner.settle();
    QCOMPARE(rig.answersFor(id).size(), 1);

    rig.scheduler->setOnline(false);
    QVERIFY(!rig.scheduler->isOnline());
    rig.scheduler->track({task(added)}); // new, but offline: waits
    rig.runFor(1500);
    QCOMPARE(rig.server.requests().size(), 1);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    rig.scheduler->setOnline(true);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY(dueNow(rig.scheduler->nextPollAt(), before, after)); // at once, as after a pause
    rig.runner.settle();
    QCOMPARE(rig.requestCount(id), 2);
    QCOMPARE(rig.requestCount(added), 1);
    QCOMPARE(onlineChanges, (QList<bool>{false, true}));
}

void TestRefreshScheduler::inFlightBound()
{
    Rig rig;
    int maxClientInFlight = 0;
    connect(rig.client.get(), &KieClient::inFlightChanged, rig.client.get(),
            [&maxClientInFlight](int n) { maxClientInFlight = std::max(maxClientInFlight, n); });
    rig.scheduler->setInterval(60s);
    rig.scheduler->setMaxInFlight(3);
    QList<TaskRecord> tasks;
    for (int i = 0; i < 12; ++i) {
        const QString id = QStringLiteral("veo_slow%1").arg(i);
        Response slow = record(id, 0);
        slow.delayMs = 300;
        rig.server.setScript(id, {slow});
        tasks.append(task(id));
    }
    int maxSchedulerInFlight = 0;
    connect(rig.client.get(), &KieClient::inFlightChanged, rig.client.get(), [&] {
        maxSchedulerInFlight = std::max(maxSchedulerInFlight, rig.scheduler->inFlight());
    });
    rig.scheduler->track(tasks);
    QVERIFY(rig.runUntil([&] { return rig.answers.size() == 12; }));
    // Every answer takes >= 300 ms, so requests arriving within 250 ms of each other were
    // open at the same time on the server. (A stall can spread arrivals, so that the bound
    // is used, not undershot, is checked on the sending side: maxClientInFlight.)
    const int concurrent = maxInWindow(arrivals(rig.server.requests()), 250);
    QVERIFY2(concurrent <= 3, qPrintable(QString::number(concurrent)));
    QCOMPARE(maxClientInFlight, 3);
    QVERIFY(maxSchedulerInFlight <= 3);
    QCOMPARE(rig.scheduler->inFlight(), 0);
}

void TestRefreshScheduler::untrackStopsPolling()
{
    Rig rig;
    const QString keep = QStringLiteral("veo_keep");
    const QString drop = QStringLiteral("veo_drop");
    rig.server.setScript(keep, {record(keep, 0)});
    rig.server.setScript(drop, {record(drop, 0)});
    rig.scheduler->setInterval(100ms);
    rig.scheduler->track({task(keep), task(drop)});
    QVERIFY(rig.runUntil([&] { return rig.requestCount(drop) >= 2; }));

    // Untracked while its next poll is on its way: the answer is dropped.
    rig.clock.advance(100);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    rig.scheduler->untrack({drop});
    QCOMPARE(rig.scheduler->pendingCount(), 1);
    rig.runner.settle();
    const int dropped = rig.requestCount(drop);
    const qsizetype answered = rig.answersFor(drop).size();
    const int kept = rig.requestCount(keep);
    QVERIFY(rig.runUntil([&] { return rig.requestCount(keep) >= kept + 2; }));
    QCOMPARE(rig.requestCount(drop), dropped);
    QCOMPARE(rig.answersFor(drop).size(), answered);
}

void TestRefreshScheduler::cancelledRequestsAreRetried()
{
    Rig rig;
    const QString id = QStringLiteral("veo_cancel");
    Response never; // stays in flight until cancelled, however slow the machine
    never.fault = Response::Fault::NeverAnswer;
    rig.server.setScript(id, {never, record(id, 1)});
    rig.scheduler->setInterval(60s);
    rig.scheduler->setMaxInFlight(1);
    rig.scheduler->track({task(id)});
    QTRY_COMPARE_WITH_TIMEOUT(rig.requestCount(id), 1, 15000); // real I/O: the request arrives
    QCOMPARE(rig.scheduler->inFlight(), 1);

    // The client drops the callback; the scheduler must not wait for it forever. The clock
    // stands still: the poll is asked again at once, not after a backoff.
    rig.client->cancelAll();
    rig.runner.settle();
    QCOMPARE(rig.requestCount(id), 2);
    QVERIFY(rig.lastAnswerHasStatus(id, TaskStatus::Succeeded));
    QCOMPARE(rig.answers.size(), 1);
    QCOMPARE(rig.scheduler->inFlight(), 0);
}

void TestRefreshScheduler::nextPollChanged()
{
    Rig rig;
    QList<QDateTime> emitted;
    connect(rig.scheduler.get(), &RefreshScheduler::nextPollChanged, rig.scheduler.get(),
            [&emitted](const QDateTime &at) { emitted.append(at); });
    rig.scheduler->setInterval(60s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    rig.scheduler->track({task(QStringLiteral("veo_n"), {}, TaskStatus::Generating, now)});

    QCOMPARE(emitted.size(), 1);
    QVERIFY(emitted.last().isValid());
    const qint64 inMs = now.msecsTo(emitted.last());
    QVERIFY2(inMs > 59000 && inMs < 61000, qPrintable(QString::number(inMs)));
    QCOMPARE(rig.scheduler->nextPollAt(), emitted.last());

    rig.scheduler->setPaused(true);
    QCOMPARE(emitted.size(), 2);
    QVERIFY(!emitted.last().isValid());
    rig.scheduler->setPaused(false);
    QCOMPARE(emitted.size(), 3);
    QVERIFY(emitted.last().isValid());

    rig.scheduler->setInterval(10s); // the countdown follows a new interval
    QCOMPARE(emitted.size(), 4);
    const qint64 shorter = now.msecsTo(emitted.last());
    QVERIFY2(shorter > 9000 && shorter < 11000, qPrintable(QString::number(shorter)));
    QCOMPARE(rig.server.requests().size(), 0);
}

// Clock times of the requests for one task, from the rig's start.
QList<qint64> checksOf(const Rig &rig, const QString &id, qint64 start)
{
    QList<qint64> at;
    for (const test::ClockRunner::Sent &s : rig.runner.sent()) {
        if (s.request.query.queryItemValue(QStringLiteral("taskId")) == id) {
            at.append(s.atMs - start);
        }
    }
    return at;
}

// What the Status column counts down to after a failed check, and Refresh Now not waiting for it.
void TestRefreshScheduler::nextCheckAfterFailureAndRefreshNowAtOnce()
{
    Rig rig({.backoffCap = 600s, .jitter = 0});
    const QString id = QStringLiteral("veo_flaky");
    const Response serverError = FakeKieServer::kieError(500, QStringLiteral("Internal Error"));
    rig.server.setScript(id, {serverError, serverError, record(id, 1)});
    rig.scheduler->setInterval(10s);
    QVERIFY(!rig.scheduler->nextCheckAt(id).isValid()); // not tracked
    rig.scheduler->track({task(id)});
    QVERIFY(rig.runUntil([&] { return rig.answersFor(id).size() == 1; }));
    QCOMPARE(rig.answersFor(id).constFirst().result.error.kind, ApiError::Kind::Server);
    const qint64 failedAt = rig.clock.nowMs();

    // The first backoff is the interval: 10 s from the answer, on the clock as in wall time.
    const auto inMs = [&] {
        return QDateTime::currentDateTimeUtc().msecsTo(rig.scheduler->nextCheckAt(id));
    };
    QVERIFY2(std::abs(inMs() - 10000) < 1000, QByteArray::number(inMs()).constData());
    rig.runFor(4000);
    QVERIFY2(std::abs(inMs() - 6000) < 1000, QByteArray::number(inMs()).constData());
    QCOMPARE(rig.requestCount(id), 1);

    // Paused: no time to count down to.
    rig.scheduler->setPaused(true);
    QVERIFY(!rig.scheduler->nextCheckAt(id).isValid());
    rig.scheduler->setPaused(false);

    // Refresh Now asks at once, not when the backoff ends...
    const QDateTime before = QDateTime::currentDateTimeUtc();
    rig.scheduler->refreshNow({task(id)});
    QVERIFY(dueNow(rig.scheduler->nextCheckAt(id), before, QDateTime::currentDateTimeUtc()));
    rig.runner.settle();
    QCOMPARE(rig.requestCount(id), 2);
    QCOMPARE(rig.answersFor(id).size(), 2);
    QCOMPARE(rig.answersFor(id).last().atMs, failedAt + 4000);
    // ...and a second failure in a row backs off twice as long.
    QVERIFY2(std::abs(inMs() - 20000) < 1000, QByteArray::number(inMs()).constData());

    QVERIFY(rig.runUntil([&] { return rig.lastAnswerHasStatus(id, TaskStatus::Succeeded); }));
    QCOMPARE(rig.answersFor(id).last().atMs, failedAt + 4000 + 20000);
    QVERIFY(!rig.scheduler->nextCheckAt(id).isValid()); // finished: never checked again
}

void TestRefreshScheduler::adaptiveNoticesFinishedRendersWithinBounds()
{
    Rig rig;
    rig.scheduler->setFixedInterval(false);
    rig.scheduler->setInterval(30s);
    const QString slow = QStringLiteral("veo_slow");
    const QString quick = QStringLiteral("veo_quick");
    for (const QString &id : {slow, quick}) {
        rig.server.setScript(id, {record(id, 0)});
    }
    const qint64 start = rig.clock.nowMs();
    rig.scheduler->track({task(slow), task(quick)}); // created just now
    // veo_quick is done after 2 min 10 s, veo_slow after 4 min 10 s.
    rig.runFor(130000);
    rig.server.setScript(quick, {record(quick, 1)});
    rig.runFor(120000);
    rig.server.setScript(slow, {record(slow, 1)});
    QVERIFY(rig.runUntil([&] { return rig.lastAnswerHasStatus(slow, TaskStatus::Succeeded); }));

    // Nothing in the first 2 minutes (no render is ready), the first look within one maximum
    // after that, then every maximum, then every 5 s where renders finish.
    const QList<qint64> quickChecks = checksOf(rig, quick, start);
    QVERIFY2(near(quickChecks, {0, 150000}), listText(quickChecks).constData());
    QVERIFY(near({rig.answersFor(quick).last().atMs - start - 130000}, {20000}));
    const QList<qint64> slowChecks = checksOf(rig, slow, start);
    QVERIFY2(near(slowChecks.mid(0, 6), {0, 150000, 180000, 210000, 216000, 221000}),
             listText(slowChecks).constData());
    QVERIFY2(near({slowChecks.last()}, {251000}), listText(slowChecks).constData());
    QVERIFY(near({rig.answersFor(slow).last().atMs - start - 250000}, {1000}));
    QCOMPARE(rig.scheduler->pendingCount(), 0);
}

void TestRefreshScheduler::adaptiveAgeCountsFromCreation()
{
    Rig rig;
    rig.scheduler->setFixedInterval(false);
    rig.scheduler->setInterval(30s);
    // Pasted 4 minutes after KIE created it: its age is KIE's. A createTime after the task was
    // added is a zone mix-up (KIE's times carry no zone): its age is from when it was added.
    const QString pasted = QStringLiteral("veo_pasted");
    const QString skewed = QStringLiteral("veo_skewed");
    TaskRecord p = task(pasted);
    p.createTime = p.addedAt.addSecs(-240);
    TaskRecord k = task(skewed);
    k.createTime = k.addedAt.addSecs(8 * 3600);
    for (const QString &id : {pasted, skewed}) {
        FakeKieServer::Record r;
        r.taskId = id;
        r.createTimeMs = (id == pasted ? p : k).createTime.toMSecsSinceEpoch();
        rig.server.setScript(id, {FakeKieServer::ok(r)});
    }
    const qint64 start = rig.clock.nowMs();
    rig.scheduler->track({p, k});
    rig.runFor(160000);
    const QList<qint64> pastedChecks = checksOf(rig, pasted, start);
    QVERIFY2(near(pastedChecks.mid(0, 3), {0, 5000, 10000}), listText(pastedChecks).constData());
    const QList<qint64> skewedChecks = checksOf(rig, skewed, start);
    QVERIFY2(near(skewedChecks, {0, 150000}), listText(skewedChecks).constData());
}

void TestRefreshScheduler::fixedIntervalIgnoresAge()
{
    Rig rig; // fixed
    rig.scheduler->setInterval(10s);
    const QString id = QStringLiteral("veo_fixed");
    rig.server.setScript(id, {record(id, 0)});
    TaskRecord t = task(id);
    t.createTime = t.addedAt.addSecs(-240); // where the adaptive schedule checks every 5 s
    const qint64 start = rig.clock.nowMs();
    rig.scheduler->track({t});
    rig.runFor(35000);
    QCOMPARE(checksOf(rig, id, start), (QList<qint64>{0, 10000, 20000, 30000}));

    rig.scheduler->setFixedInterval(false); // the next check moves to the adaptive pace
    rig.runFor(6000);
    const QList<qint64> checks = checksOf(rig, id, start);
    QVERIFY2(near(checks.mid(4), {35000, 40000}), listText(checks).constData());
}

void TestRefreshScheduler::thousandDueTasksWithinRateLimitKeysInParallel()
{
    Rig rig;
    rig.tokens->insert(QStringLiteral("a"), QStringLiteral("token-A"));
    rig.tokens->insert(QStringLiteral("b"), QStringLiteral("token-B"));
    rig.scheduler->setInterval(600s); // each task once
    rig.scheduler->setMaxInFlight(100);
    QList<TaskRecord> tasks;
    for (int i = 0; i < 1000; ++i) {
        for (const QString &key : {QStringLiteral("a"), QStringLiteral("b")}) {
            const QString id = QStringLiteral("veo_%1%2").arg(key).arg(i);
            rig.server.setScript(id, {record(id, 0)});
            tasks.append(task(id, key, TaskStatus::Generating));
        }
    }
    const qint64 start = rig.clock.nowMs();
    rig.scheduler->track(tasks);
    // Steps of a third of a window: the windows fall on steps, so the pace is exact. 2,000
    // answers over loopback take about 15 s of wall time under ASan on 2 cores.
    QVERIFY(rig.runner.runUntil([&] { return rig.answers.size() == 2000; }, 350, 120000));

    // Each key: ten per window, never more; both at full pace side by side, so 2,000 polls
    // take as long as 1,000 would on one key (100 windows).
    for (const QByteArray &token : {QByteArray("token-A"), QByteArray("token-B")}) {
        const QList<qint64> at = rig.sentWith(token);
        QCOMPARE(at.size(), 1000);
        QCOMPARE(maxInWindow(at, RateLimiter::WindowMs), 10);
        QVERIFY2(at.last() - start <= 100 * RateLimiter::WindowMs,
                 qPrintable(QString::number(at.last() - start)));
    }
}

void TestRefreshScheduler::noTaskStarves()
{
    // More due than the key can send: 100 renders checked every 5 s and 20 old tasks every
    // 30 s ask for 20 a second, the key sends 10. The one due longest goes first, so every
    // task is still checked, each as often as the others of its kind.
    Rig rig;
    rig.scheduler->setFixedInterval(false);
    rig.scheduler->setInterval(30s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<TaskRecord> tasks;
    QStringList renders;
    QStringList old;
    for (int i = 0; i < 100; ++i) {
        const QString id = QStringLiteral("veo_render%1").arg(i);
        TaskRecord t = task(id, {}, TaskStatus::Generating, now);
        t.createTime = now.addSecs(-220); // checked every 5 s
        tasks.append(t);
        renders.append(id);
    }
    for (int i = 0; i < 20; ++i) {
        const QString id = QStringLiteral("veo_old%1").arg(i);
        TaskRecord t = task(id, {}, TaskStatus::Generating, now);
        t.createTime = now.addSecs(-3600); // checked every 30 s
        tasks.append(t);
        old.append(id);
    }
    for (const TaskRecord &t : std::as_const(tasks)) {
        rig.server.setScript(t.taskId, {record(t.taskId, 0)});
    }
    const qint64 start = rig.clock.nowMs();
    rig.scheduler->track(tasks);
    rig.runner.runFor(70000, 100);

    QCOMPARE(maxInWindow(rig.sentWith("token-default"), RateLimiter::WindowMs), 10);
    for (const QStringList &group : {renders, old}) {
        QList<qsizetype> counts;
        for (const QString &id : group) {
            const QList<qint64> at = checksOf(rig, id, start);
            QVERIFY2(!at.isEmpty(), qPrintable(id));
            counts.append(at.size());
            for (qsizetype i = 1; i < at.size(); ++i) {
                QVERIFY2(at[i] - at[i - 1] <= 45000, qPrintable(id));
            }
        }
        const auto [least, most] = std::minmax_element(counts.cbegin(), counts.cend());
        QVERIFY2(*most - *least <= 1, qPrintable(QStringLiteral("%1-%2").arg(*least).arg(*most)));
    }
}

void TestRefreshScheduler::restartInterleavesCheckedAndNeverChecked()
{
    // A restart with 500 tasks never checked (pasted before quitting) and tasks checked in
    // the last run: 10 overdue (their interval passed while the app was closed) and 10 due
    // in 5 s. The overdue ones go first, the others on time; the new ones fill the rest.
    Rig rig;
    rig.scheduler->setInterval(30s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<TaskRecord> tasks;
    QStringList overdue;
    QStringList dueSoon;
    for (int i = 0; i < 500; ++i) {
        tasks.append(task(QStringLiteral("veo_never%1").arg(i)));
    }
    for (int i = 0; i < 10; ++i) {
        overdue.append(QStringLiteral("veo_overdue%1").arg(i));
        tasks.append(task(overdue.last(), {}, TaskStatus::Generating, now.addSecs(-90)));
        dueSoon.append(QStringLiteral("veo_soon%1").arg(i));
        tasks.append(task(dueSoon.last(), {}, TaskStatus::Generating, now.addSecs(-25)));
    }
    for (const TaskRecord &t : std::as_const(tasks)) {
        rig.server.setScript(t.taskId, {record(t.taskId, 0)});
    }
    const qint64 start = rig.clock.nowMs();
    rig.scheduler->track(tasks);
    QVERIFY(rig.runUntil([&] { return rig.answers.size() >= 520; }));

    for (const QString &id : std::as_const(overdue)) {
        QCOMPARE(checksOf(rig, id, start).value(0, -1), 0);
    }
    for (const QString &id : std::as_const(dueSoon)) {
        const qint64 first = checksOf(rig, id, start).value(0, -1);
        // Due at 5 s; at most a window of those handed over before it.
        QVERIFY2(first >= 5000 && first <= 5000 + 2 * RateLimiter::WindowMs,
                 qPrintable(QStringLiteral("%1 at %2").arg(id).arg(first)));
    }
    QCOMPARE(maxInWindow(rig.sentWith("token-default"), RateLimiter::WindowMs), 10);
}

QTEST_GUILESS_MAIN(TestRefreshScheduler)
#include "tst_refreshscheduler.moc"
