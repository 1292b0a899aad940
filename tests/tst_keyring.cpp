#include "keyring.h"
#include "memorytokenstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace veo;

class TestKeyRing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noKeyStored();
    void storeThenReload();
    void sessionKeyWinsAndIsNeverStored();
    void unavailableKeychain();
    void cancelWhileLoading();
};

namespace {
KeyRing::State waitForState(KeyRing &keys)
{
    QSignalSpy spy(&keys, &KeyRing::stateChanged);
    while (keys.state() == KeyRing::State::Loading) {
        if (!spy.wait(5000)) {
            break;
        }
    }
    return keys.state();
}
} // namespace

void TestKeyRing::noKeyStored()
{
    MemoryTokenStore store;
    KeyRing keys(&store);
    keys.load();
    QCOMPARE(keys.state(), KeyRing::State::Loading);
    QCOMPARE(waitForState(keys), KeyRing::State::NoKey);
    QVERIFY(!keys.hasKey());
    QCOMPARE(keys.token({}), QString());
}

void TestKeyRing::storeThenReload()
{
    MemoryTokenStore store;
    {
        KeyRing keys(&store);
        bool done = false;
        keys.storeDefault(QStringLiteral("  sk-secret-1234  "), [&](const TokenResult &r) {
            QVERIFY(r.ok());
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(keys.token({}), QStringLiteral("sk-secret-1234")); // trimmed
        QCOMPARE(keys.hint(), QStringLiteral("…1234"));
    }
    KeyRing again(&store); // a restart reads the stored key back
    again.load();
    QCOMPARE(waitForState(again), KeyRing::State::Ready);
    QCOMPARE(again.token(QString()), QStringLiteral("sk-secret-1234"));
    QCOMPARE(again.token(KeyRing::DefaultKeyId), QStringLiteral("sk-secret-1234"));
    QVERIFY(!again.isSessionOnly());
}

void TestKeyRing::sessionKeyWinsAndIsNeverStored()
{
    MemoryTokenStore store;
    KeyRing keys(&store);
    keys.setSessionKey(QStringLiteral("env-key-abcdef"));
    keys.load();
    QCOMPARE(keys.state(), KeyRing::State::Ready);
    QVERIFY(keys.isSessionOnly());
    QCOMPARE(keys.token({}), QStringLiteral("env-key-abcdef"));
    bool read = false;
    store.read(KeyRing::DefaultKeyId, this, [&](const TokenResult &r) {
        QCOMPARE(r.status, TokenResult::Status::NotFound);
        read = true;
    });
    QTRY_VERIFY(read);
}

void TestKeyRing::unavailableKeychain()
{
    MemoryTokenStore store;
    store.setFailure(TokenResult::Status::NoBackend);
    KeyRing keys(&store);
    keys.load();
    QCOMPARE(waitForState(keys), KeyRing::State::Unavailable);
    QCOMPARE(keys.lastResult().status, TokenResult::Status::NoBackend);
    QVERIFY(!keys.lastResult().userMessage().isEmpty());
    // The app stays usable with a session-only key.
    keys.setSessionKey(QStringLiteral("typed-in-key-42"));
    QCOMPARE(keys.state(), KeyRing::State::Ready);
    QCOMPARE(keys.token({}), QStringLiteral("typed-in-key-42"));
}

void TestKeyRing::cancelWhileLoading()
{
    MemoryTokenStore store;
    KeyRing keys(&store);
    keys.load();
    keys.cancel();
    QCOMPARE(keys.state(), KeyRing::State::Unavailable);
    QCOMPARE(keys.lastResult().status, TokenResult::Status::Cancelled);
    QTest::qWait(50); // the dropped read must not flip the state afterwards
    QCOMPARE(keys.state(), KeyRing::State::Unavailable);
}

QTEST_GUILESS_MAIN(TestKeyRing)
#include "tst_keyring.moc"
