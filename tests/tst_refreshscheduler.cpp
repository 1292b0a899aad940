// RefreshScheduler against the fake KIE server on loopback: real HTTP, real timers. The
// assertions use the server's own request log (arrival times, headers), not the scheduler's
// view of itself. Timeouts are generous because the machine is shared; arrival times are only
// bounded from below (a stalled machine delays and bunches arrivals, it never makes them
// early). Upper bounds on the rate are checked where they are exact: tst_ratelimiter.
#include "fakekieserver.h"
#include "kieclient.h"
#include "ratewindows.h"
#include "refreshscheduler.h"

#include <QElapsedTimer>
#include <QTest>
#include <algorithm>
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

// Server, client and scheduler wired together; answers are collected in order.
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
    std::unique_ptr<RefreshScheduler> scheduler;
    QList<Answer> answers;
    QElapsedTimer clock;

    Rig()
    {
        clock.start();
        if (!server.listen()) {
            qFatal("fake server did not start");
        }
        client = std::make_unique<KieClient>(server.baseUrl());
        tokens->insert(QString(), QStringLiteral("token-default"));
        auto map = tokens;
        scheduler = std::make_unique<RefreshScheduler>(
            client.get(), [map](const QString &keyId) { return map->value(keyId); });
        scheduler->setFollowSystemNetwork(false); // loopback works without any network
        scheduler->setJitter(0);
        QObject::connect(scheduler.get(), &RefreshScheduler::taskAnswered, scheduler.get(),
                         [this](const QString &id, const RecordInfoResult &result) {
                             answers.append({id, result, clock.elapsed()});
                         });
    }
    ~Rig()
    {
        scheduler.reset(); // before the client it uses
        client.reset();
    }
    qint64 referenceArrival() { return veo::test::referenceArrival(*client, server); }
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
};

void TestRefreshScheduler::pollsUntilSuccessThenStops()
{
    Rig rig;
    const QString id = QStringLiteral("veo_a");
    rig.server.setScript(id, {record(id, 0), record(id, 0), record(id, 1)});
    rig.scheduler->setInterval(100ms);
    rig.scheduler->track({task(id)});
    QCOMPARE(rig.scheduler->pendingCount(), 1);

    QTRY_VERIFY_WITH_TIMEOUT(rig.lastAnswerHasStatus(id, TaskStatus::Succeeded), 10000);
    QCOMPARE(rig.answersFor(id).size(), 3);
    QCOMPARE(rig.answersFor(id).at(0).result.record.status, TaskStatus::Generating);
    QCOMPARE(rig.answersFor(id).last().result.record.resultUrls.size(), 1);
    QCOMPARE(rig.scheduler->pendingCount(), 0);

    QTest::qWait(600); // six intervals
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

    QTRY_VERIFY_WITH_TIMEOUT(rig.lastAnswerHasStatus(id, status), 10000);
    QTest::qWait(600);
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

    // Far less than the 60 s interval: both the new and the overdue one go at once.
    QTRY_COMPARE_WITH_TIMEOUT(rig.requestCount(fresh), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.requestCount(overdue), 1, 15000);
    QTest::qWait(300);
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
    rig.scheduler->track(
        {task(done, {}, TaskStatus::Succeeded, old), task(failed, {}, TaskStatus::Failed, old)});
    QCOMPARE(rig.scheduler->pendingCount(), 0);

    QTest::qWait(400);
    QCOMPARE(rig.server.requests().size(), 0);

    rig.scheduler->refreshNow({done});
    QTRY_COMPARE_WITH_TIMEOUT(rig.requestCount(done), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.answersFor(done).size(), 1, 15000);
    QTest::qWait(400); // a forced poll is one poll, not a return to the schedule
    QCOMPARE(rig.requestCount(done), 1);
    QCOMPARE(rig.requestCount(failed), 0);

    rig.scheduler->refreshNow(); // every task
    QTRY_COMPARE_WITH_TIMEOUT(rig.requestCount(failed), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.requestCount(done), 2, 15000);
    QTest::qWait(400);
    QCOMPARE(rig.server.requests().size(), 3);
}

void TestRefreshScheduler::rateLimitPerKey()
{
    int maxBeforeFirstAnswer = 0;
    Rig rig;
    rig.scheduler->setInterval(60s); // each task exactly once
    rig.scheduler->setMaxInFlight(100);
    QList<TaskRecord> tasks;
    for (int i = 0; i < 50; ++i) {
        const QString id = QStringLiteral("veo_r%1").arg(i);
        rig.server.setScript(id, {record(id, 0)});
        tasks.append(task(id));
    }
    const qint64 reference = rig.referenceArrival();
    QVERIFY(reference >= 0);
    connect(rig.client.get(), &KieClient::inFlightChanged, rig.client.get(), [&](int n) {
        if (rig.answers.isEmpty()) {
            maxBeforeFirstAnswer = std::max(maxBeforeFirstAnswer, n);
        }
    });
    rig.scheduler->track(tasks);

    QTRY_COMPARE_WITH_TIMEOUT(rig.server.requests().size(), 50, 20000);
    // Ten per window (1050 ms), counted from the reference: arrivals 10, 20, 30 and 40 come
    // at least 1, 2, 3 and 4 windows after it. The exact upper bound is tst_ratelimiter's.
    const QString windows = veo::test::windowsKept(arrivals(rig.server.requests()), reference, 10);
    QVERIFY2(windows.isEmpty(), qPrintable(windows));
    // The limit is a budget, not a slow drip: the first ten go out together, in one round,
    // before any answer can be read.
    QVERIFY2(maxBeforeFirstAnswer >= 10, qPrintable(QString::number(maxBeforeFirstAnswer)));
    QTRY_COMPARE_WITH_TIMEOUT(rig.answers.size(), 50, 15000);
}

void TestRefreshScheduler::twoKeysAreIndependent()
{
    int maxBeforeFirstAnswer = 0;
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
    const qint64 reference = rig.referenceArrival();
    QVERIFY(reference >= 0);
    connect(rig.client.get(), &KieClient::inFlightChanged, rig.client.get(), [&](int n) {
        if (rig.answers.isEmpty()) {
            maxBeforeFirstAnswer = std::max(maxBeforeFirstAnswer, n);
        }
    });
    rig.scheduler->track(tasks);

    QTRY_COMPARE_WITH_TIMEOUT(rig.server.requests().size(), 50, 20000);
    QHash<QByteArray, QList<qint64>> byAuth;
    for (const auto &r : rig.server.requests()) {
        const QString id = r.query.queryItemValue(QStringLiteral("taskId"));
        const QByteArray expected =
            id.startsWith(QLatin1String("veo_a")) ? "Bearer token-A" : "Bearer token-B";
        QCOMPARE(r.headers.value("authorization"), expected);
        byAuth[expected].append(r.atMs);
    }
    QCOMPARE(byAuth.size(), 2);
    for (const QList<qint64> &at : std::as_const(byAuth)) {
        QCOMPARE(at.size(), 25);
        const QString windows =
            veo::test::windowsKept(at, reference, 10); // each key: ten per window
        QVERIFY2(windows.isEmpty(), qPrintable(windows));
    }
    // Independent budgets: both keys' first ten go out together, before any answer.
    QVERIFY2(maxBeforeFirstAnswer >= 20, qPrintable(QString::number(maxBeforeFirstAnswer)));
    QTRY_COMPARE_WITH_TIMEOUT(rig.answers.size(), 50, 15000);
}

void TestRefreshScheduler::retryAfterBlocksOnlyThatKey()
{
    qsizetype recordedAtBlock = -1; // requests the server had logged when the 429 was read
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
    connect(rig.scheduler.get(), &RefreshScheduler::taskAnswered, rig.scheduler.get(),
            [&](const QString &id, const RecordInfoResult &result) {
                if (id == a1 && result.error.kind == ApiError::Kind::RateLimited &&
                    recordedAtBlock < 0) {
                    recordedAtBlock = rig.server.requests().size();
                }
            });
    rig.scheduler->track({task(a1, QStringLiteral("a")), task(a2, QStringLiteral("a")),
                          task(b1, QStringLiteral("b"))});

    QTRY_VERIFY_WITH_TIMEOUT(recordedAtBlock >= 0, 15000);
    const RecordInfoResult first = rig.answersFor(a1).first().result;
    QCOMPARE(first.error.kind, ApiError::Kind::RateLimited);
    QCOMPARE(first.error.retryAfterSeconds, 3);
    // The block starts when the 429 is read, after it arrived: whatever key A sends after
    // that arrives 3 s after limitedAt or later (less the clocks' ms truncation).
    const qint64 limitedAt = rig.server.requestsFor(a1).at(0).atMs;
    const qint64 blockOver = limitedAt + 3000 - 2;
    const auto keyA = [](const FakeKieServer::Request &r) {
        return r.headers.value("authorization") == "Bearer token-A";
    };
    // Key A polls again once the block is over (the 15 s wait is the loose upper bound).
    QTRY_VERIFY_WITH_TIMEOUT(rig.requestCount(a1) >= 2, 15000);
    QVERIFY2(rig.server.requestsFor(a1).at(1).atMs >= blockOver,
             qPrintable(QString::number(rig.server.requestsFor(a1).at(1).atMs - limitedAt)));
    QTRY_VERIFY_WITH_TIMEOUT(rig.requestCount(a2) >= 2 &&
                                 rig.server.requestsFor(a2).constLast().atMs >= blockOver,
                             15000);

    const QList<FakeKieServer::Request> all = rig.server.requests();
    QList<qint64> keyAAfter;
    int keyBDuringBlock = 0;
    for (qsizetype i = recordedAtBlock; i < all.size(); ++i) {
        if (keyA(all[i])) {
            keyAAfter.append(all[i].atMs - limitedAt);
        } else if (all[i].atMs < blockOver) {
            ++keyBDuringBlock;
        }
    }
    // The whole key waits, veo_a2 too. One poll of veo_a2 sent before the 429 was read may
    // still arrive after it (a task is never in flight twice); nothing else comes early.
    for (qsizetype i = 1; i < keyAAfter.size(); ++i) {
        QVERIFY2(keyAAfter[i] >= blockOver - limitedAt,
                 qPrintable(QStringLiteral("key A request at +%1 ms").arg(keyAAfter[i])));
    }
    // Key B goes on meanwhile: polled during the block (two, as one may have been sent before).
    QVERIFY2(keyBDuringBlock >= 2, qPrintable(QString::number(keyBDuringBlock)));
}

void TestRefreshScheduler::backoffGrowsAndIsCapped()
{
    Rig rig;
    const QString id = QStringLiteral("veo_500");
    rig.server.setScript(id, {FakeKieServer::kieError(500, QStringLiteral("Internal Error"))});
    rig.scheduler->setInterval(50ms);
    rig.scheduler->setBackoffCap(400ms);
    rig.scheduler->track({task(id)});

    // Gaps 50, 100, 200, 400, 400, 400... (3.2 s for ten requests). Uncapped they would go
    // on 800, 1600, 3200, 6400, 12800: the tenth request would come after 25 s, too late.
    QTRY_VERIFY_WITH_TIMEOUT(rig.requestCount(id) >= 10, 20000);
    const QList<qint64> at = arrivals(rig.server.requestsFor(id));
    QList<qint64> gaps;
    QByteArray seen;
    for (qsizetype i = 1; i < at.size(); ++i) {
        gaps.append(at[i] - at[i - 1]);
        seen += QByteArray::number(gaps.last()) + ' ';
    }
    // A gap can only grow on a loaded machine, never shrink: lower bounds on each.
    QVERIFY2(gaps[0] >= 40, seen.constData());
    QVERIFY2(gaps[1] >= 90, seen.constData());
    QVERIFY2(gaps[2] >= 180, seen.constData());
    QVERIFY2(gaps[3] >= 360, seen.constData());
    qint64 shortestCapped = std::numeric_limits<qint64>::max();
    for (qsizetype i = 4; i < gaps.size(); ++i) {
        QVERIFY2(gaps[i] >= 360, seen.constData());
        shortestCapped = std::min(shortestCapped, gaps[i]);
    }
    // The cap holds: of the five or more capped gaps, one at least was not stretched.
    QVERIFY2(shortestCapped < 1200, seen.constData());
    for (const auto &a : rig.answersFor(id)) {
        QCOMPARE(a.result.error.kind, ApiError::Kind::Server);
    }
    QCOMPARE(rig.scheduler->pendingCount(), 1); // still watched
}

void TestRefreshScheduler::recordNullBecomesNotFoundAfterGrace()
{
    Rig rig;
    const QString id = QStringLiteral("veo_unknown"); // no script: "record is null."
    rig.scheduler->setInterval(50ms);
    rig.scheduler->setBackoffCap(100ms);
    rig.scheduler->setNotFoundGrace(500ms);
    rig.scheduler->track({task(id)});

    QTRY_VERIFY_WITH_TIMEOUT(!rig.answersFor(id).isEmpty() &&
                                 rig.answersFor(id).last().result.error.kind ==
                                     ApiError::Kind::NotFound,
                             10000);
    const QList<Rig::Answer> answers = rig.answersFor(id);
    QVERIFY(answers.size() >= 2); // a stall can make the second answer already the last
    for (qsizetype i = 0; i + 1 < answers.size(); ++i) {
        QCOMPARE(answers[i].result.error.kind, ApiError::Kind::NotFoundYet);
    }
    QVERIFY(answers.last().result.error.isFinal());
    QVERIFY(answers.last().atMs - answers.first().atMs >= 450);
    const int requests = rig.requestCount(id);
    QCOMPARE(requests, int(answers.size()));
    QTest::qWait(500);
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

    QTRY_VERIFY_WITH_TIMEOUT(rig.answersFor(id).size() >= 3, 15000); // again after the interval
    for (const auto &a : rig.answersFor(id)) {
        QCOMPARE(a.result.error.kind, ApiError::Kind::NoKey);
        QCOMPARE(a.result.record.taskId, id);
    }
    QCOMPARE(rig.server.requests().size(), 0);
    const QList<Rig::Answer> a = rig.answersFor(id);
    QVERIFY(a[1].atMs - a[0].atMs >= 80);

    // The key turns up: the next retry sends a real request with it.
    rig.tokens->insert(QStringLiteral("missing"), QStringLiteral("token-late"));
    QTRY_VERIFY_WITH_TIMEOUT(rig.requestCount(id) >= 1, 15000);
    QCOMPARE(rig.server.requestsFor(id).at(0).headers.value("authorization"),
             QByteArray("Bearer token-late"));
    QTRY_VERIFY_WITH_TIMEOUT(rig.lastAnswerHasStatus(id, TaskStatus::Generating), 15000);
}

void TestRefreshScheduler::pauseAndResume()
{
    Rig rig;
    const QString id = QStringLiteral("veo_p");
    rig.server.setScript(id, {record(id, 0)});
    rig.scheduler->setInterval(1000ms);
    rig.scheduler->track({task(id)});
    QTRY_COMPARE_WITH_TIMEOUT(rig.answersFor(id).size(), 1, 15000);

    rig.scheduler->setPaused(true);
    QVERIFY(rig.scheduler->isPaused());
    QVERIFY(!rig.scheduler->nextPollAt().isValid());
    QTest::qWait(1500); // the task is overdue by now
    QCOMPARE(rig.requestCount(id), 1);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    rig.scheduler->setPaused(false);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    // At once, not a whole interval after resuming: the wake is set for now, before any event
    // is processed (how soon the request then arrives is up to the machine).
    QVERIFY(dueNow(rig.scheduler->nextPollAt(), before, after));
    QTRY_COMPARE_WITH_TIMEOUT(rig.requestCount(id), 2, 15000);
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
    QTRY_COMPARE_WITH_TIMEOUT(rig.answersFor(id).size(), 1, 15000);

    rig.scheduler->setOnline(false);
    QVERIFY(!rig.scheduler->isOnline());
    rig.scheduler->track({task(added)}); // new, but offline: waits
    QTest::qWait(1500);
    QCOMPARE(rig.server.requests().size(), 1);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    rig.scheduler->setOnline(true);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY(dueNow(rig.scheduler->nextPollAt(), before, after)); // at once, as after a pause
    QTRY_COMPARE_WITH_TIMEOUT(rig.requestCount(id), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.requestCount(added), 1, 15000);
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
    rig.scheduler->track(tasks);

    int maxSchedulerInFlight = 0;
    QElapsedTimer t;
    t.start();
    while (rig.answers.size() < 12 && t.elapsed() < 20000) {
        maxSchedulerInFlight = std::max(maxSchedulerInFlight, rig.scheduler->inFlight());
        QTest::qWait(5);
    }
    QCOMPARE(rig.answers.size(), 12);
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
    QTRY_VERIFY_WITH_TIMEOUT(rig.requestCount(drop) >= 2, 15000);

    rig.scheduler->untrack({drop});
    QCOMPARE(rig.scheduler->pendingCount(), 1);
    // A request in flight may still arrive and be answered; the answer is dropped. Once the
    // client has nothing in flight, every request sent so far has reached the server.
    QTRY_COMPARE_WITH_TIMEOUT(rig.client->inFlight(), 0, 15000);
    const int dropped = rig.requestCount(drop);
    const qsizetype answered = rig.answersFor(drop).size();
    const int kept = rig.requestCount(keep);
    QTRY_VERIFY_WITH_TIMEOUT(rig.requestCount(keep) >= kept + 2, 15000);
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
    QTRY_COMPARE_WITH_TIMEOUT(rig.requestCount(id), 1, 15000);
    QCOMPARE(rig.scheduler->inFlight(), 1);

    // The client drops the callback; the scheduler must not wait for it forever.
    rig.client->cancelAll();
    QTRY_COMPARE_WITH_TIMEOUT(rig.requestCount(id), 2, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(rig.lastAnswerHasStatus(id, TaskStatus::Succeeded), 15000);
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

QTEST_GUILESS_MAIN(TestRefreshScheduler)
#include "tst_refreshscheduler.moc"
