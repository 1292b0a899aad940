// CreditsMonitor against the fake KIE server: per-key answers, timers, low-credit warnings.
#include "creditsmonitor.h"
#include "fakekieserver.h"
#include "keyring.h"
#include "kieclient.h"
#include "memorytokenstore.h"

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
    void recordsIntoTheKeyRing();

private:
    std::unique_ptr<FakeKieServer> m_server;
    std::unique_ptr<KieClient> m_client;
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
}

void TestCreditsMonitor::cleanup()
{
    m_client.reset();
    m_server.reset();
}

std::unique_ptr<CreditsMonitor> TestCreditsMonitor::makeMonitor()
{
    return std::make_unique<CreditsMonitor>(
        m_client.get(), [this](const QString &id) { return m_tokens.value(id); },
        [this] { return m_tokens.keys(); });
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

    m_server.reset(); // nothing listens any more
    monitor->checkKey(QStringLiteral("valid"));
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, Timeout);
    QCOMPARE(keyHealthFor(checked.at(1).at(1).value<ApiError>(), 0), KeyHealth::Unreachable);
}

void TestCreditsMonitor::periodicAndAfterTaskFinished()
{
    m_tokens = {{QStringLiteral("valid"), Valid}};
    auto monitor = makeMonitor();
    QCOMPARE(monitor->interval(), std::chrono::milliseconds(std::chrono::minutes(10)));
    monitor->setInterval(std::chrono::milliseconds(150));
    monitor->setFinishedDelay(std::chrono::milliseconds(20));
    QSignalSpy checked(monitor.get(), &CreditsMonitor::checked);
    monitor->start();
    QTRY_VERIFY_WITH_TIMEOUT(checked.size() >= 3, Timeout); // at start, then every interval
    monitor->stop();
    // A periodic check may still be on its way: let it land first.
    QTRY_COMPARE_WITH_TIMEOUT(m_client->inFlight(), 0, Timeout);
    const qsizetype before = checked.size();
    // Several tasks of one key finishing together cost one request.
    monitor->taskFinished(QStringLiteral("valid"));
    monitor->taskFinished(QStringLiteral("valid"));
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), before + 1, Timeout);
    QTest::qWait(300);
    QCOMPARE(checked.size(), before + 1); // stopped: no periodic checks
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
    // A destroyed context drops the answer.
    bool called = false;
    {
        QObject context;
        monitor->probe(Wrong, &context, [&](const ApiError &, qint64) { called = true; });
    }
    QTest::qWait(200);
    QVERIFY(!called);
}

void TestCreditsMonitor::recordsIntoTheKeyRing()
{
    MemoryTokenStore store;
    KeyRing keys(&store);
    keys.setSessionKey(Valid);
    CreditsMonitor monitor(m_client.get(), &keys);
    monitor.start();
    QTRY_COMPARE_WITH_TIMEOUT(keys.profile({})->credits, std::optional<qint64>(1500), Timeout);
    QCOMPARE(keys.profile({})->health, KeyHealth::Ok);
}

QTEST_GUILESS_MAIN(TestCreditsMonitor)
#include "tst_creditsmonitor.moc"
