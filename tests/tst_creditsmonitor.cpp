// CreditsMonitor against the fake KIE server: per-key answers, timers, low-credit warnings.
// Time is on a manual clock: the periodic and debounced checks are stepped, not waited for.
#include "creditsmonitor.h"
#include "fakekieserver.h"
#include "keyring.h"
#include "kieclient.h"
#include "manualclock.h"
#include "memorytokenstore.h"
#include "requestscheduler.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace veo;

namespace {
const QString Valid = QStringLiteral("key-valid-1111");
const QString Empty = QStringLiteral("key-empty-2222");
const QString Wrong = QStringLiteral("key-wrong-3333");
const QString Low = QStringLiteral("key-lowcr-4444");
// Waits on loopback HTTP: generous, the machine may be loaded.
constexpr int Timeout = 15000;
} // namespace

class TestCreditsMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void eachKeyIsCheckedWithItsOwnToken();
    void rateLimitedAndUnreachable();
    void periodicAndAfterTaskFinished();
    void lowCreditWarnsOncePerCrossing();
    void probeChecksAnUnstoredSecret();
    void checksGoOutWhilePollingIsPaused();
    void recordsIntoTheKeyRing();

private:
    std::unique_ptr<FakeKieServer> m_server;
    std::unique_ptr<KieClient> m_client;
    std::unique_ptr<test::ManualClock> m_clock;
    std::unique_ptr<RequestScheduler> m_requests;
    QHash<QString, QString> m_tokens; // key id -> secret
    std::unique_ptr<CreditsMonitor> makeMonitor();
    int creditRequests(const QString &secret) const;
};

void TestCreditsMonitor::init()
{
    m_server = std::make_unique<FakeKieServer>();
    QVERIFY(m_server->listen());
    m_server->setValidKeys({Valid, Empty, Low});
    m_server->setCredits(Valid, 1500);
    m_server->setCredits(Empty, 0);
    m_server->setCredits(Low, 40);
    m_client = std::make_unique<KieClient>(m_server->baseUrl());
    m_tokens = {{QStringLiteral("valid"), Valid},
                {QStringLiteral("empty"), Empty},
                {QStringLiteral("wrong"), Wrong}};
    m_clock = std::make_unique<test::ManualClock>();
    m_requests = std::make_unique<RequestScheduler>(
        m_client.get(), [this](const QString &id) { return m_tokens.value(id); }, m_clock.get());
    m_requests->setFollowSystemNetwork(false);
}

void TestCreditsMonitor::cleanup()
{
    m_requests.reset();
    m_clock.reset();
    m_client.reset();
    m_server.reset();
}

std::unique_ptr<CreditsMonitor> TestCreditsMonitor::makeMonitor()
{
    return std::make_unique<CreditsMonitor>(m_requests.get(), [this] { return m_tokens.keys(); });
}

int TestCreditsMonitor::creditRequests(const QString &secret) const
{
    int n = 0;
    for (const FakeKieServer::Request &r : m_server->requests()) {
        n += r.path == "/api/v1/chat/credit" &&
             r.headers.value("authorization") == "Bearer " + secret.toLatin1();
    }
    return n;
}

void TestCreditsMonitor::eachKeyIsCheckedWithItsOwnToken()
{
    auto monitor = makeMonitor();
    QSignalSpy checked(monitor.get(), &CreditsMonitor::checked);
    monitor->start();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 3, Timeout);
    QHash<QString, QPair<ApiError::Kind, qint64>> results;
    for (const QList<QVariant> &args : checked) {
        results.insert(args.at(0).toString(),
                       {args.at(1).value<ApiError>().kind, args.at(2).toLongLong()});
    }
    QCOMPARE(results.value(QStringLiteral("valid")),
             (QPair<ApiError::Kind, qint64>(ApiError::Kind::None, 1500)));
    QCOMPARE(results.value(QStringLiteral("empty")),
             (QPair<ApiError::Kind, qint64>(ApiError::Kind::None, 0)));
    QCOMPARE(results.value(QStringLiteral("wrong")).first, ApiError::Kind::Unauthorized);
    QCOMPARE(keyHealthFor({}, 0), KeyHealth::NoCredits);
    QCOMPARE(monitor->lastCredits(QStringLiteral("valid")), std::optional<qint64>(1500));
    QCOMPARE(creditRequests(Valid), 1);
    QCOMPARE(creditRequests(Wrong), 1);
}

void TestCreditsMonitor::rateLimitedAndUnreachable()
{
    m_server->setRouteScript("/api/v1/chat/credit",
                             {FakeKieServer::kieError(429, QStringLiteral("Rate Limited"), 429)});
    auto monitor = makeMonitor();
    QSignalSpy checked(monitor.get(), &CreditsMonitor::checked);
    monitor->checkKey(QStringLiteral("valid"));
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, Timeout);
    QCOMPARE(keyHealthFor(checked.at(0).at(1).value<ApiError>(), 0), KeyHealth::RateLimited);

    m_server.reset();       // nothing listens any more
    m_clock->advance(1000); // the 429 blocked the key for a rate window
    monitor->checkKey(QStringLiteral("valid"));
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, Timeout);
    QCOMPARE(keyHealthFor(checked.at(1).at(1).value<ApiError>(), 0), KeyHealth::Unreachable);
}

void TestCreditsMonitor::periodicAndAfterTaskFinished()
{
    using std::chrono::milliseconds;
    m_tokens = {{QStringLiteral("valid"), Valid}};
    auto monitor = makeMonitor();
    const qint64 interval = milliseconds(CreditsMonitor::DefaultInterval).count();
    QCOMPARE(monitor->interval(), milliseconds(CreditsMonitor::DefaultInterval));
    QSignalSpy checked(monitor.get(), &CreditsMonitor::checked);
    monitor->start();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, Timeout); // at start
    m_clock->advance(interval - 1);
    QCoreApplication::processEvents();
    QCOMPARE(m_requests->queued(RequestScheduler::Pace::OnDemand) + m_requests->inFlight(), 0);
    m_clock->advance(1);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, Timeout); // then every interval
    m_clock->advance(interval);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 3, Timeout);
    monitor->stop();
    m_clock->advance(interval);
    QCoreApplication::processEvents();
    QCOMPARE(m_requests->queued(RequestScheduler::Pace::OnDemand) + m_requests->inFlight(), 0);

    // Several tasks of one key finishing together cost one request, after a short delay.
    monitor->taskFinished(QStringLiteral("valid"));
    m_clock->advance(1000);
    monitor->taskFinished(QStringLiteral("valid"));
    m_clock->advance(milliseconds(CreditsMonitor::FinishedDelay).count() - 1001);
    QCoreApplication::processEvents();
    QCOMPARE(m_requests->queued(RequestScheduler::Pace::OnDemand) + m_requests->inFlight(), 0);
    m_clock->advance(1);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 4, Timeout);
    QCOMPARE(creditRequests(Valid), 4);
    m_clock->advance(interval);
    QCoreApplication::processEvents();
    QCOMPARE(m_requests->queued(RequestScheduler::Pace::OnDemand) + m_requests->inFlight(), 0);
    QCOMPARE(checked.size(), 4); // stopped: no periodic checks
}

void TestCreditsMonitor::lowCreditWarnsOncePerCrossing()
{
    m_tokens = {{QStringLiteral("low"), Low}};
    auto monitor = makeMonitor();
    monitor->setLowThreshold(100);
    QSignalSpy low(monitor.get(), &CreditsMonitor::lowCredits);
    QSignalSpy checked(monitor.get(), &CreditsMonitor::checked);
    monitor->checkAll();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, Timeout);
    QCOMPARE(low.size(), 1);
    QCOMPARE(low.at(0).at(1).toLongLong(), 40);
    monitor->checkAll(); // still low: no second warning
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, Timeout);
    QCOMPARE(low.size(), 1);
    m_server->setCredits(Low, 500); // topped up
    monitor->checkAll();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 3, Timeout);
    m_server->setCredits(Low, 10); // and down again: a new crossing
    monitor->checkAll();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 4, Timeout);
    QCOMPARE(low.size(), 2);
}

void TestCreditsMonitor::probeChecksAnUnstoredSecret()
{
    auto monitor = makeMonitor();
    std::optional<ApiError> result;
    qint64 credits = -1;
    monitor->probe(QStringLiteral("  ") + Valid, this, [&](const ApiError &e, qint64 c) {
        result = e;
        credits = c;
    });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), Timeout);
    QVERIFY(!result->isError());
    QCOMPARE(credits, 1500);
    // A destroyed context drops the request; one asked after it is answered, so the dropped
    // one would have been by then.
    bool called = false;
    {
        QObject context;
        monitor->probe(Wrong, &context, [&](const ApiError &, qint64) { called = true; });
    }
    result.reset();
    monitor->probe(Valid, this, [&](const ApiError &e, qint64) { result = e; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), Timeout);
    QVERIFY(!called);
    QCOMPARE(creditRequests(Wrong), 0);
}

void TestCreditsMonitor::checksGoOutWhilePollingIsPaused()
{
    // Someone is waiting for a credits check: the user's pause is about task polls.
    m_requests->setPaused(true);
    auto monitor = makeMonitor();
    QSignalSpy checked(monitor.get(), &CreditsMonitor::checked);
    monitor->checkKey(QStringLiteral("valid"));
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, Timeout);
    QCOMPARE(checked.at(0).at(2).toLongLong(), 1500);
}

void TestCreditsMonitor::recordsIntoTheKeyRing()
{
    MemoryTokenStore store;
    KeyRing keys(&store);
    keys.setSessionKey(Valid);
    RequestScheduler requests(
        m_client.get(), [&keys](const QString &id) { return keys.token(id); }, m_clock.get());
    requests.setFollowSystemNetwork(false);
    CreditsMonitor monitor(&requests, &keys);
    monitor.start();
    QTRY_COMPARE_WITH_TIMEOUT(keys.profile({})->credits, std::optional<qint64>(1500), Timeout);
    QCOMPARE(keys.profile({})->health, KeyHealth::Ok);
}

QTEST_GUILESS_MAIN(TestCreditsMonitor)
#include "tst_creditsmonitor.moc"
