// RequestScheduler against the fake KIE server (real HTTP on loopback), with time on a manual
// clock: rate windows, Retry-After and pauses are stepped, never waited for.
#include "fakekieserver.h"
#include "kieclient.h"
#include "manualclock.h"
#include "requestscheduler.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace veo;
using Pace = RequestScheduler::Pace;

namespace {
const QString TokenA = QStringLiteral("token-a");
const QString TokenB = QStringLiteral("token-b");
// Waits on loopback HTTP: generous, the machine may be loaded.
constexpr int Timeout = 15000;

ApiRequest recordInfo(const QString &taskId)
{
    ApiRequest r;
    r.path = QStringLiteral("/api/v1/veo/record-info");
    r.query.addQueryItem(QStringLiteral("taskId"), taskId);
    return r;
}
} // namespace

class TestRequestScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rateLimitPerKeyFollowsTheClock();
    void keysAreLimitedSeparately();
    void inFlightBound();
    void retryAfterBlocksOnlyThatToken();
    void keyWithoutTokenIsAnsweredNoKey();
    void lostRequestsAreAnsweredOnce();
    void pauseAndOfflineHoldOnlyPolls();
    void onDemandGoesAheadOfPolls();
    void cancelledAndOrphanedRequestsAreNotSent();

private:
    // Submits n record-info requests for keyId; each answer is counted in m_answers.
    void submit(const QString &keyId, int n, Pace pace = Pace::Poll);
    int sentWith(const QString &token) const;
    // Every request sent so far has been answered (the event loop ran their callbacks).
    bool settled() const { return m_scheduler->inFlight() == 0; }

    std::unique_ptr<FakeKieServer> m_server;
    std::unique_ptr<KieClient> m_client;
    std::unique_ptr<test::ManualClock> m_clock;
    std::unique_ptr<RequestScheduler> m_scheduler;
    QHash<QString, QString> m_tokens;
    QList<HttpAnswer> m_answers;
    QStringList m_answeredIds;
    int m_nextId = 0;
};

void TestRequestScheduler::init()
{
    m_server = std::make_unique<FakeKieServer>();
    QVERIFY(m_server->listen());
    m_client = std::make_unique<KieClient>(m_server->baseUrl());
    m_clock = std::make_unique<test::ManualClock>();
    m_tokens = {{QStringLiteral("a"), TokenA}, {QStringLiteral("b"), TokenB}};
    m_scheduler = std::make_unique<RequestScheduler>(
        m_client.get(), [this](const QString &id) { return m_tokens.value(id); }, m_clock.get());
    m_scheduler->setFollowSystemNetwork(false); // loopback works without any network
    m_scheduler->setMaxInFlight(100);
    m_answers.clear();
    m_answeredIds.clear();
    m_nextId = 0;
}

void TestRequestScheduler::cleanup()
{
    m_scheduler.reset();
    m_client.reset();
    m_server.reset();
}

void TestRequestScheduler::submit(const QString &keyId, int n, Pace pace)
{
    for (int i = 0; i < n; ++i) {
        const QString id = QStringLiteral("veo_%1").arg(++m_nextId);
        m_scheduler->submit(keyId, recordInfo(id), pace, this, [this, id](const HttpAnswer &a) {
            m_answers.append(a);
            m_answeredIds.append(id);
        });
    }
}

int TestRequestScheduler::sentWith(const QString &token) const
{
    int n = 0;
    for (const FakeKieServer::Request &r : m_server->requests()) {
        n += r.headers.value("authorization") == "Bearer " + token.toLatin1() ? 1 : 0;
    }
    return n;
}

void TestRequestScheduler::rateLimitPerKeyFollowsTheClock()
{
    submit(QStringLiteral("a"), 25);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 10, Timeout);
    QVERIFY(settled());
    // The clock stands still: the other 15 wait for the window, however long the wall says.
    QCoreApplication::processEvents();
    QCOMPARE(m_scheduler->queued(Pace::Poll), 15);
    m_clock->advance(RateLimiter::WindowMs - 1);
    QCoreApplication::processEvents();
    QCOMPARE(m_scheduler->queued(Pace::Poll), 15);
    m_clock->advance(1);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 20, Timeout);
    QCOMPARE(m_scheduler->queued(Pace::Poll), 5);
    m_clock->advance(RateLimiter::WindowMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 25, Timeout);
    QCOMPARE(m_server->requests().size(), 25);
}

void TestRequestScheduler::keysAreLimitedSeparately()
{
    m_scheduler->setMaxPerSecondPerKey(3);
    submit(QStringLiteral("a"), 5);
    submit(QStringLiteral("b"), 5);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 6, Timeout);
    QCoreApplication::processEvents();
    QCOMPARE(sentWith(TokenA), 3);
    QCOMPARE(sentWith(TokenB), 3);
    m_clock->advance(RateLimiter::WindowMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 10, Timeout);
    QCOMPARE(sentWith(TokenA), 5);
    QCOMPARE(sentWith(TokenB), 5);
}

void TestRequestScheduler::inFlightBound()
{
    m_scheduler->setMaxInFlight(2);
    FakeKieServer::Response slow = FakeKieServer::kieError(422, QStringLiteral("record is null"));
    slow.delayMs = 50; // long enough for the others to pile up behind the bound
    for (int i = 1; i <= 6; ++i) {
        m_server->setScript(QStringLiteral("veo_%1").arg(i), {slow});
    }
    int most = 0;
    connect(m_client.get(), &KieClient::inFlightChanged, this,
            [&most](int n) { most = std::max(most, n); });
    submit(QStringLiteral("a"), 3);
    submit(QStringLiteral("b"), 3);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 6, Timeout);
    QCOMPARE(most, 2);
    QCOMPARE(sentWith(TokenA), 3);
    QCOMPARE(sentWith(TokenB), 3);
}

void TestRequestScheduler::retryAfterBlocksOnlyThatToken()
{
    FakeKieServer::Response limited =
        FakeKieServer::kieError(429, QStringLiteral("slow down"), 429);
    limited.headers = {{"Retry-After", "3"}};
    m_server->setKeyResponses(TokenA, {limited});
    submit(QStringLiteral("a"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 1, Timeout);
    QCOMPARE(m_answers.constFirst().httpStatus, 429);

    submit(QStringLiteral("a"), 2);
    submit(QStringLiteral("b"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 2, Timeout);
    QCOMPARE(sentWith(TokenB), 1);
    m_clock->advance(2999);
    QCoreApplication::processEvents();
    QCOMPARE(sentWith(TokenA), 1);
    QCOMPARE(m_scheduler->queued(Pace::Poll), 2);
    m_clock->advance(1);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 4, Timeout);
    QCOMPARE(sentWith(TokenA), 3);
}

void TestRequestScheduler::keyWithoutTokenIsAnsweredNoKey()
{
    submit(QStringLiteral("gone"), 2);
    submit(QStringLiteral("gone"), 1, Pace::OnDemand);
    QCOMPARE(m_answers.size(), 0); // never inside submit()
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 3, Timeout);
    for (const HttpAnswer &a : std::as_const(m_answers)) {
        QCOMPARE(a.networkError.kind, ApiError::Kind::NoKey);
    }
    QCOMPARE(m_server->requests().size(), 0);
}

void TestRequestScheduler::lostRequestsAreAnsweredOnce()
{
    FakeKieServer::Response never;
    never.fault = FakeKieServer::Response::Fault::NeverAnswer;
    m_server->setScript(QStringLiteral("veo_1"), {never});
    m_server->setScript(QStringLiteral("veo_2"), {never});
    submit(QStringLiteral("a"), 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 2, Timeout);
    QCOMPARE(m_scheduler->inFlight(), 2);
    m_client->cancelAll();
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 2, Timeout);
    QCOMPARE(m_answers.at(0).networkError.kind, ApiError::Kind::Offline);
    QCOMPARE(m_answers.at(1).networkError.kind, ApiError::Kind::Offline);
    QCOMPARE(m_scheduler->inFlight(), 0);
    // The slots are free again: a new request goes out and is answered normally.
    submit(QStringLiteral("a"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 3, Timeout);
    QCOMPARE(m_answers.at(2).networkError.kind, ApiError::Kind::None);
    QCoreApplication::processEvents();
    QCOMPARE(m_answers.size(), 3);
}

void TestRequestScheduler::pauseAndOfflineHoldOnlyPolls()
{
    QSignalSpy paused(m_scheduler.get(), &RequestScheduler::pausedChanged);
    m_scheduler->setPaused(true);
    QCOMPARE(paused.size(), 1);
    submit(QStringLiteral("a"), 2);
    submit(QStringLiteral("a"), 1, Pace::OnDemand);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 1, Timeout);
    QCOMPARE(m_answeredIds, QStringList{QStringLiteral("veo_3")});
    m_clock->advance(60'000);
    QCoreApplication::processEvents();
    QCOMPARE(m_scheduler->queued(Pace::Poll), 2);

    m_scheduler->setOnline(false);
    m_scheduler->setPaused(false);
    m_clock->advance(60'000);
    QCoreApplication::processEvents();
    QCOMPARE(m_scheduler->queued(Pace::Poll), 2);
    m_scheduler->setOnline(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 3, Timeout);
}

void TestRequestScheduler::onDemandGoesAheadOfPolls()
{
    m_scheduler->setMaxPerSecondPerKey(1);
    submit(QStringLiteral("a"), 3);
    submit(QStringLiteral("a"), 1, Pace::OnDemand);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 1, Timeout);
    QCOMPARE(m_answeredIds, QStringList{QStringLiteral("veo_4")});
    m_clock->advance(RateLimiter::WindowMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 2, Timeout);
    QCOMPARE(m_answeredIds.last(), QStringLiteral("veo_1")); // then the polls, in order
}

void TestRequestScheduler::cancelledAndOrphanedRequestsAreNotSent()
{
    auto context = std::make_unique<QObject>();
    int orphanAnswers = 0;
    m_scheduler->submit(QStringLiteral("a"), recordInfo(QStringLiteral("veo_orphan")), Pace::Poll,
                        context.get(), [&orphanAnswers](const HttpAnswer &) { ++orphanAnswers; });
    const RequestScheduler::Ticket cancelled =
        m_scheduler->submit(QStringLiteral("a"), recordInfo(QStringLiteral("veo_cancelled")),
                            Pace::Poll, this, [this](const HttpAnswer &a) { m_answers.append(a); });
    submit(QStringLiteral("a"), 1);
    context.reset();
    m_scheduler->cancel(cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(m_answers.size(), 1, Timeout);
    QCOMPARE(m_answeredIds, QStringList{QStringLiteral("veo_1")});
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(orphanAnswers, 0);
}

QTEST_GUILESS_MAIN(TestRequestScheduler)
#include "tst_requestscheduler.moc"
