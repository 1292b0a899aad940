// LinkRenewer against real parts: the request machine and KieClient talking to the fake KIE
// server over loopback (the API on 127.0.0.1, media links on 127.0.0.2 as KIE's file hosts
// are), on the test's clock: time moves only when the test says so, so nothing here sleeps.
#include "apierror.h"
#include "fakekieserver.h"
#include "kieclient.h"
#include "linkrenewer.h"
#include "manualclock.h"
#include "ratelimiter.h"
#include "requestscheduler.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <optional>

using namespace veo;

namespace {
const QByteArray DownloadUrlPath = QByteArrayLiteral("/api/v1/common/download-url");
const QString TokenA = QStringLiteral("sk-renew-alpha-0001");
const QString TokenB = QStringLiteral("sk-renew-bravo-0002");
const QString KeyA = QStringLiteral("key-a");
const QString KeyB = QStringLiteral("key-b");
constexpr int Timeout = 15000;

// What one renew() call got back.
struct Answer
{
    bool called = false;
    int calls = 0;
    ApiError error;
    QUrl fresh;
};

FakeKieServer::Response tooFast(const QByteArray &retryAfter)
{
    FakeKieServer::Response r =
        FakeKieServer::kieError(429, QStringLiteral("Rate limit exceeded"), 429);
    r.headers = {{"Retry-After", retryAfter}};
    return r;
}
} // namespace

class tst_LinkRenewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aFreshLinkComesFromDownloadUrl();
    void theTokenGoesOnlyToTheApiHostInTheHeader();
    void requestsWaitForTheirTurnOnTheLimiter();
    void aTooFastAnswerBlocksTheKeyAndTheRequestIsRetried();
    void aWaitingKeyDoesNotHoldUpAnotherKey_data();
    void aWaitingKeyDoesNotHoldUpAnotherKey();
    void aKeyWithoutATokenEndsWithNoKey();
    void aRefusedRenewalReportsTheError();
    void aDestroyedContextIsNeverCalledBack_data();
    void aDestroyedContextIsNeverCalledBack();
    void canRenewFollowsTheTokens();

private:
    // A media link on the file host (127.0.0.2), as KIE's expired links are.
    QUrl mediaUrl(const QString &path) const;
    // Renews url with keyId's token; the answer lands in the returned object.
    std::shared_ptr<Answer> renew(const QString &keyId, const QUrl &url,
                                  QObject *context = nullptr);
    QList<FakeKieServer::Request> renewals() const;
    // Renewals queued, not sent yet.
    int waiting() const { return m_requests->queued(RequestScheduler::Pace::OnDemand); }
    RateLimiter *limiter() const { return m_requests->rateLimiter(); }
    std::unique_ptr<FakeKieServer> m_api;
    std::unique_ptr<FakeKieServer> m_media;
    std::unique_ptr<KieClient> m_client;
    std::unique_ptr<test::ManualClock> m_clock;
    std::unique_ptr<RequestScheduler> m_requests;
    QHash<QString, QString> m_tokens; // key id -> token
    std::unique_ptr<LinkRenewer> m_renewer;
};

void tst_LinkRenewer::init()
{
    m_api = std::make_unique<FakeKieServer>();
    m_media = std::make_unique<FakeKieServer>();
    QVERIFY(m_api->listen(QHostAddress::LocalHost));
    QVERIFY(m_media->listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    m_api->setValidKeys({TokenA, TokenB});
    m_client = std::make_unique<KieClient>(m_api->baseUrl());
    m_clock = std::make_unique<test::ManualClock>();
    m_tokens = {{KeyA, TokenA}, {KeyB, TokenB}};
    m_requests = std::make_unique<RequestScheduler>(
        m_client.get(), [this](const QString &keyId) { return m_tokens.value(keyId); },
        m_clock.get());
    m_requests->setFollowSystemNetwork(false);
    m_renewer = std::make_unique<LinkRenewer>(m_requests.get());
}

void tst_LinkRenewer::cleanup()
{
    m_renewer.reset();
    m_requests.reset();
    m_clock.reset();
    m_client.reset();
    m_media.reset();
    m_api.reset();
}

QUrl tst_LinkRenewer::mediaUrl(const QString &path) const
{
    QUrl url = m_media->baseUrl();
    url.setPath(path);
    url.setQuery(QStringLiteral("Expires=1700000000&Signature=old"));
    return url;
}

std::shared_ptr<Answer> tst_LinkRenewer::renew(const QString &keyId, const QUrl &url,
                                               QObject *context)
{
    auto answer = std::make_shared<Answer>();
    m_renewer->renew(keyId, url, context ? context : this,
                     [answer](const ApiError &error, const QUrl &fresh) {
                         answer->called = true;
                         ++answer->calls;
                         answer->error = error;
                         answer->fresh = fresh;
                     });
    return answer;
}

QList<FakeKieServer::Request> tst_LinkRenewer::renewals() const
{
    QList<FakeKieServer::Request> result;
    const auto requests = m_api->requests();
    for (const auto &r : requests) {
        if (r.path == DownloadUrlPath) {
            result << r;
        }
    }
    return result;
}

void tst_LinkRenewer::aFreshLinkComesFromDownloadUrl()
{
    const QUrl expired = mediaUrl(QStringLiteral("/clips/fox.mp4"));
    const auto answer = renew(KeyA, expired);
    QVERIFY(!answer->called); // later, never inside renew()
    QTRY_VERIFY_WITH_TIMEOUT(answer->called, Timeout);
    QVERIFY2(!answer->error.isError(), qPrintable(answer->error.text()));
    // The fake answers baseUrl()/dl<path>?expires=1200 for a link it was asked about.
    QUrl expected = m_api->baseUrl();
    expected.setPath(QStringLiteral("/dl/clips/fox.mp4"));
    expected.setQuery(QStringLiteral("expires=1200"));
    QCOMPARE(answer->fresh, expected);
    QCOMPARE(answer->calls, 1);
    QCOMPARE(renewals().size(), 1);
    QCOMPARE(renewals().constFirst().method, QByteArray("POST"));
    QCOMPARE(waiting(), 0);
}

void tst_LinkRenewer::theTokenGoesOnlyToTheApiHostInTheHeader()
{
    const QUrl expired = mediaUrl(QStringLiteral("/clips/owl.mp4"));
    const auto answer = renew(KeyB, expired);
    QTRY_VERIFY_WITH_TIMEOUT(answer->called, Timeout);
    QVERIFY(!answer->error.isError());

    const auto sent = renewals();
    QCOMPARE(sent.size(), 1);
    const FakeKieServer::Request &r = sent.constFirst();
    QCOMPARE(r.headers.value("authorization"), "Bearer " + TokenB.toUtf8());
    QVERIFY(!r.path.contains(TokenB.toUtf8()));
    QVERIFY(!r.query.toString(QUrl::FullyDecoded).contains(TokenB));
    QCOMPARE(r.query.toString(), QString());
    // The body names the expired link, and only that.
    QVERIFY(r.body.contains("/clips/owl.mp4"));
    QVERIFY(!r.body.contains(TokenB.toUtf8()));
    // The renewer never goes to the media host itself, and no other token went anywhere.
    QVERIFY(m_media->requests().isEmpty());
    QVERIFY(!answer->fresh.toString().contains(TokenB));
    for (const auto &any : m_api->requests()) {
        QVERIFY(!any.headers.value("authorization").contains(TokenA.toUtf8()));
    }
}

void tst_LinkRenewer::requestsWaitForTheirTurnOnTheLimiter()
{
    limiter()->setMaxPerSecond(1);
    QList<std::shared_ptr<Answer>> answers;
    for (int i = 0; i < 3; ++i) {
        answers << renew(KeyA, mediaUrl(QStringLiteral("/clips/%1.mp4").arg(i)));
    }
    QCOMPARE(waiting(), 3);
    // Unpaced, all three would go out in the first round, before any answer can come back.
    QTRY_VERIFY_WITH_TIMEOUT(answers.at(0)->called, Timeout);
    QCOMPARE(renewals().size(), 1);
    QCOMPARE(waiting(), 2);
    QVERIFY(!answers.at(1)->called);
    QVERIFY(limiter()->waitMs(TokenA) > 0); // the key's window is full: time has not moved

    m_clock->advance(RateLimiter::WindowMs); // one window later: one more
    QTRY_VERIFY_WITH_TIMEOUT(answers.at(1)->called, Timeout);
    QCOMPARE(renewals().size(), 2);
    QCOMPARE(waiting(), 1);
    QVERIFY(!answers.at(2)->called);

    m_clock->advance(RateLimiter::WindowMs);
    QTRY_VERIFY_WITH_TIMEOUT(answers.at(2)->called, Timeout);
    QCOMPARE(renewals().size(), 3);
    QCOMPARE(waiting(), 0);
    // In the order asked, each with its own fresh link.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!answers.at(i)->error.isError());
        QVERIFY(answers.at(i)->fresh.path().endsWith(QStringLiteral("/clips/%1.mp4").arg(i)));
        QVERIFY(renewals().at(i).body.contains(QStringLiteral("/clips/%1.mp4").arg(i).toUtf8()));
    }
}

void tst_LinkRenewer::aTooFastAnswerBlocksTheKeyAndTheRequestIsRetried()
{
    QUrl link = m_api->baseUrl();
    link.setPath(QStringLiteral("/dl/clips/late.mp4"));
    FakeKieServer::Response fresh;
    fresh.body = FakeKieServer::envelope(200, QStringLiteral("success"),
                                         '"' + link.toString().toUtf8() + '"');
    m_api->setRouteScript(DownloadUrlPath, {tooFast("3"), fresh});

    const auto answer = renew(KeyA, mediaUrl(QStringLiteral("/clips/late.mp4")));
    // The 429 is not the caller's business: the request waits its turn again.
    QTRY_COMPARE_WITH_TIMEOUT(renewals().size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(waiting(), 1, Timeout);
    QVERIFY(!answer->called);
    QCOMPARE(limiter()->waitMs(TokenA), 3000); // Retry-After: 3 s on the limiter's clock
    QCOMPARE(limiter()->waitMs(TokenB), 0);    // only that key

    m_clock->advance(3000);
    QTRY_VERIFY_WITH_TIMEOUT(answer->called, Timeout);
    QVERIFY2(!answer->error.isError(), qPrintable(answer->error.text()));
    QCOMPARE(answer->fresh, link);
    QCOMPARE(answer->calls, 1);
    QCOMPARE(renewals().size(), 2);
    QCOMPARE(renewals().at(1).body, renewals().at(0).body); // the same request again
    QCOMPARE(waiting(), 0);
}

void tst_LinkRenewer::aWaitingKeyDoesNotHoldUpAnotherKey_data()
{
    QTest::addColumn<bool>("blockedBy429");
    // Key A was refused as too fast and must wait its Retry-After.
    QTest::newRow("Retry-After") << true;
    // Key A used up its requests of this window.
    QTest::newRow("window full") << false;
}

void tst_LinkRenewer::aWaitingKeyDoesNotHoldUpAnotherKey()
{
    QFETCH(bool, blockedBy429);
    std::shared_ptr<Answer> first;
    if (blockedBy429) {
        m_api->setKeyResponses(TokenA, {tooFast("5")});
        first = renew(KeyA, mediaUrl(QStringLiteral("/clips/a1.mp4")));
        QTRY_COMPARE_WITH_TIMEOUT(renewals().size(), 1, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(limiter()->waitMs(TokenA) > 0, Timeout);
    } else {
        limiter()->setMaxPerSecond(1);
        first = renew(KeyA, mediaUrl(QStringLiteral("/clips/a1.mp4")));
        const auto second = renew(KeyA, mediaUrl(QStringLiteral("/clips/a2.mp4")));
        QTRY_VERIFY_WITH_TIMEOUT(first->called, Timeout);
        QVERIFY(!second->called);
    }
    QCOMPARE(waiting(), 1); // key A's request, first in the queue

    // Key B's limit is its own: its renewal goes out while A waits, without the clock moving.
    const auto other = renew(KeyB, mediaUrl(QStringLiteral("/clips/b.mp4")));
    QTRY_VERIFY_WITH_TIMEOUT(other->called, Timeout);
    QVERIFY2(!other->error.isError(), qPrintable(other->error.text()));
    QCOMPARE(waiting(), 1); // A still waits for its turn
    const auto sent = renewals();
    QCOMPARE(sent.constLast().headers.value("authorization"), "Bearer " + TokenB.toUtf8());

    m_clock->advance(5000); // A's turn (the clock reaches the end of its wait)
    QTRY_COMPARE_WITH_TIMEOUT(waiting(), 0, Timeout);
    if (blockedBy429) {
        QTRY_VERIFY_WITH_TIMEOUT(first->called, Timeout);
        QVERIFY(!first->error.isError());
    }
}

void tst_LinkRenewer::aKeyWithoutATokenEndsWithNoKey()
{
    const auto answer = renew(QStringLiteral("key-removed"), mediaUrl(QStringLiteral("/c.mp4")));
    QVERIFY(!answer->called); // never inside renew()
    QCOMPARE(waiting(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(answer->called, Timeout);
    QCOMPARE(answer->error.kind, ApiError::Kind::NoKey);
    QVERIFY(answer->fresh.isEmpty());
    QCOMPARE(answer->calls, 1);
    QVERIFY(m_api->requests().isEmpty()); // nothing sent without a token
    QCOMPARE(waiting(), 0);

    // A key removed while its request waited for the limiter ends the same way.
    limiter()->setMaxPerSecond(1);
    const auto sent = renew(KeyA, mediaUrl(QStringLiteral("/c1.mp4")));
    const auto waiting = renew(KeyA, mediaUrl(QStringLiteral("/c2.mp4")));
    QTRY_VERIFY_WITH_TIMEOUT(sent->called, Timeout);
    QVERIFY(!waiting->called);
    m_tokens.remove(KeyA);
    m_clock->advance(RateLimiter::WindowMs);
    QTRY_VERIFY_WITH_TIMEOUT(waiting->called, Timeout);
    QCOMPARE(waiting->error.kind, ApiError::Kind::NoKey);
    QCOMPARE(renewals().size(), 1);
}

void tst_LinkRenewer::aRefusedRenewalReportsTheError()
{
    // KIE only renews links it generated (422 otherwise); the answer is handed on as it is.
    m_api->setRouteScript(DownloadUrlPath,
                          {FakeKieServer::kieError(422, QStringLiteral("url is not supported"))});
    const auto answer = renew(KeyA, mediaUrl(QStringLiteral("/elsewhere.mp4")));
    QTRY_VERIFY_WITH_TIMEOUT(answer->called, Timeout);
    QVERIFY(answer->error.isError());
    QVERIFY(answer->error.kind != ApiError::Kind::NoKey);
    QVERIFY(answer->fresh.isEmpty());
    QCOMPARE(renewals().size(), 1); // not retried
}

void tst_LinkRenewer::aDestroyedContextIsNeverCalledBack_data()
{
    QTest::addColumn<bool>("whileSent");
    QTest::newRow("before it is sent") << false;
    QTest::newRow("while its request is out") << true;
}

void tst_LinkRenewer::aDestroyedContextIsNeverCalledBack()
{
    QFETCH(bool, whileSent);
    if (whileSent) {
        FakeKieServer::Response slow; // answered late: the context goes meanwhile
        QUrl link = m_api->baseUrl();
        link.setPath(QStringLiteral("/dl/x.mp4"));
        slow.body = FakeKieServer::envelope(200, QStringLiteral("success"),
                                            '"' + link.toString().toUtf8() + '"');
        slow.delayMs = 300;
        m_api->setRouteScript(DownloadUrlPath, {slow});
    }
    auto context = std::make_unique<QObject>();
    const auto gone = renew(KeyA, mediaUrl(QStringLiteral("/x.mp4")), context.get());
    // Another request of the same kind, whose context stays: when it is answered, the first
    // one had every chance to be.
    const auto kept = renew(KeyB, mediaUrl(QStringLiteral("/y.mp4")));
    if (whileSent) {
        QTRY_VERIFY_WITH_TIMEOUT(m_client->inFlight() > 0, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(renewals().size(), 2, Timeout);
    }
    context.reset();
    QTRY_VERIFY_WITH_TIMEOUT(kept->called, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->inFlight(), 0, Timeout);
    QCoreApplication::processEvents();
    QVERIFY(!gone->called);
    QCOMPARE(waiting(), 0);
    // Not sent at all when nobody waited for it any more.
    QCOMPARE(renewals().size(), whileSent ? 2 : 1);
}

void tst_LinkRenewer::canRenewFollowsTheTokens()
{
    QVERIFY(m_renewer->canRenew(KeyA));
    QVERIFY(m_renewer->canRenew(KeyB));
    QVERIFY(!m_renewer->canRenew(QStringLiteral("key-unknown")));
    QVERIFY(!m_renewer->canRenew(QString()));
    m_tokens.remove(KeyA); // asked at call time, not remembered
    QVERIFY(!m_renewer->canRenew(KeyA));
    m_tokens.insert(QString(), TokenA);
    QVERIFY(m_renewer->canRenew(QString()));
    QVERIFY(m_api->requests().isEmpty()); // asking sends nothing
}

QTEST_GUILESS_MAIN(tst_LinkRenewer)
#include "tst_linkrenewer.moc"
