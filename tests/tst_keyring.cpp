// KeyRing (key profiles) against the in-memory token store and a real SQLite KeyProfileStore.
#include "keyprofilestore.h"
#include "keyring.h"
#include "memorytokenstore.h"
#include "taskstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>

using namespace veo;

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

// Everything asked of the store so far has been answered: a MemoryTokenStore answers in the
// order it was asked (queued), so a read asked now answers last.
bool answeredSoFar(MemoryTokenStore &store)
{
    bool answered = false;
    store.read(QStringLiteral("no-such-key"), nullptr,
               [&answered](const TokenResult &) { answered = true; });
    return QTest::qWaitFor([&answered] { return answered; }, 5000);
}

// Adds a key and waits for the answer; returns its id (empty on failure).
QString addKey(KeyRing &keys, const QString &label, const QString &secret,
               TokenResult *result = nullptr)
{
    bool done = false;
    QString id;
    QObject context;
    keys.addKey(label, secret, KeyHealth::Ok, qint64(100), &context,
                [&](const TokenResult &r, const QString &keyId) {
                    done = true;
                    id = keyId;
                    if (result) {
                        *result = r;
                    }
                });
    if (done) {
        qWarning("addKey answered inside the call");
        return {};
    }
    if (!QTest::qWaitFor([&] { return done; }, 5000)) {
        return {};
    }
    return id;
}

TokenResult removeKey(KeyRing &keys, const QString &id)
{
    std::optional<TokenResult> result;
    keys.removeKey(id, nullptr, [&](const TokenResult &r) { result = r; });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 5000);
    return result.value_or(TokenResult{TokenResult::Status::OtherError, {}, {}});
}

TokenResult readEntry(TokenStore &store, const QString &id)
{
    std::optional<TokenResult> result;
    store.read(id, nullptr, [&](const TokenResult &r) { result = r; });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 5000);
    return result.value_or(TokenResult{TokenResult::Status::OtherError, {}, {}});
}

} // namespace

class TestKeyRing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void noKeyStored();
    void severalKeysAndLookup();
    void restartReadsBackEveryKey();
    void renameAndSetDefault();
    void removeDeletesTheEntryAndKeepsTasks();
    void removingTheDefaultPromotesAnother();
    void missingEntryIsReported();
    void legacyDefaultKeyIsAdopted();
    void storeDefaultReplacesTheDefaultSecret();
    void sessionKeyWinsAndIsNeverStored();
    void unavailableKeychainKeepsProfiles();
    void cancelWhileLoading();
    void cancelWhileAddingLeavesNothing();
    void recordCheckMapsErrors();
    void keyStoreCountsTasks();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TaskStore> m_tasks;
    std::unique_ptr<KeyProfileStore> m_meta;
    void reopen();
};

void TestKeyRing::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    reopen();
}

void TestKeyRing::cleanup()
{
    m_meta.reset();
    m_tasks.reset();
    m_dir.reset();
}

void TestKeyRing::reopen()
{
    m_meta.reset();
    m_tasks = std::make_unique<TaskStore>();
    QCOMPARE(m_tasks->open(m_dir->filePath(QStringLiteral("tasks.sqlite"))),
             TaskStore::OpenResult::Opened);
    m_meta = std::make_unique<KeyProfileStore>();
    QVERIFY2(m_meta->open(m_tasks->path()), qPrintable(m_meta->errorString()));
}

void TestKeyRing::noKeyStored()
{
    MemoryTokenStore store;
    KeyRing keys(&store, m_meta.get());
    keys.load();
    QCOMPARE(keys.state(), KeyRing::State::Loading);
    QCOMPARE(waitForState(keys), KeyRing::State::NoKey);
    QVERIFY(!keys.hasKey());
    QVERIFY(keys.profiles().isEmpty());
    QCOMPARE(keys.token({}), QString());
}

void TestKeyRing::severalKeysAndLookup()
{
    MemoryTokenStore store;
    KeyRing keys(&store, m_meta.get());
    keys.load();
    QCOMPARE(waitForState(keys), KeyRing::State::NoKey);
    const QString a =
        addKey(keys, QStringLiteral("Personal"), QStringLiteral(" sk-personal-1111 "));
    const QString b = addKey(keys, QStringLiteral("Client A"), QStringLiteral("sk-client-a-2222"));
    QVERIFY(!a.isEmpty() && !b.isEmpty() && a != b);
    QVERIFY(!QUuid::fromString(a).isNull()); // stable uuid ids
    QCOMPARE(keys.state(), KeyRing::State::Ready);
    QCOMPARE(keys.defaultKeyId(), a); // the first stored key is the default
    QCOMPARE(keys.token({}), QStringLiteral("sk-personal-1111"));
    QCOMPARE(keys.token(a), QStringLiteral("sk-personal-1111"));
    QCOMPARE(keys.token(b), QStringLiteral("sk-client-a-2222"));
    QCOMPARE(keys.token(QStringLiteral("unknown")), QString());
    QCOMPARE(keys.profile(b)->hint, QStringLiteral("2222"));
    QCOMPARE(keys.profile(b)->displayHint(), QStringLiteral("…2222"));
    QCOMPARE(keys.profile(b)->credits, std::optional<qint64>(100));
    QVERIFY(keys.labelInUse(QStringLiteral("client a")));
    QCOMPARE(keys.usableKeyIds(), (QStringList{a, b}));
    // Secrets are only in the token store, keyed by id.
    QCOMPARE(readEntry(store, b).secret, QStringLiteral("sk-client-a-2222"));
}

void TestKeyRing::restartReadsBackEveryKey()
{
    MemoryTokenStore store;
    QString a, b;
    {
        KeyRing keys(&store, m_meta.get());
        keys.load();
        waitForState(keys);
        a = addKey(keys, QStringLiteral("One"), QStringLiteral("first-secret-aaaa"));
        b = addKey(keys, QStringLiteral("Two"), QStringLiteral("second-secret-bbbb"));
        QVERIFY(keys.setDefaultKey(b));
    }
    reopen(); // a restart: new connections, new ring
    KeyRing keys(&store, m_meta.get());
    keys.load();
    QCOMPARE(keys.profiles().size(), 2); // metadata is there at once
    QCOMPARE(waitForState(keys), KeyRing::State::Ready);
    QCOMPARE(keys.defaultKeyId(), b);
    QCOMPARE(keys.token({}), QStringLiteral("second-secret-bbbb"));
    QCOMPARE(keys.token(a), QStringLiteral("first-secret-aaaa"));
    QCOMPARE(keys.profiles().at(0).label, QStringLiteral("One"));
    QCOMPARE(keys.profiles().at(0).credits, std::optional<qint64>(100));
    QVERIFY(!keys.isBusy());
}

void TestKeyRing::renameAndSetDefault()
{
    MemoryTokenStore store;
    KeyRing keys(&store, m_meta.get());
    keys.load();
    waitForState(keys);
    const QString a = addKey(keys, QStringLiteral("A"), QStringLiteral("secret-a-0001"));
    const QString b = addKey(keys, QStringLiteral("B"), QStringLiteral("secret-b-0002"));
    QSignalSpy changed(&keys, &KeyRing::profilesChanged);
    QVERIFY(keys.renameKey(a, QStringLiteral("  Renamed  ")));
    QCOMPARE(changed.size(), 1);
    QVERIFY(!keys.renameKey(a, QStringLiteral("   ")));
    QVERIFY(keys.setDefaultKey(b));
    QCOMPARE(keys.token({}), QStringLiteral("secret-b-0002"));
    const QList<KeyProfile> stored = m_meta->loadAll();
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).label, QStringLiteral("Renamed"));
    QVERIFY(!stored.at(0).isDefault);
    QVERIFY(stored.at(1).isDefault);
}

void TestKeyRing::removeDeletesTheEntryAndKeepsTasks()
{
    MemoryTokenStore store;
    KeyRing keys(&store, m_meta.get());
    keys.load();
    waitForState(keys);
    const QString a = addKey(keys, QStringLiteral("A"), QStringLiteral("secret-a-0001"));
    const QString b = addKey(keys, QStringLiteral("B"), QStringLiteral("secret-b-0002"));
    TaskRecord task;
    task.taskId = QStringLiteral("veo_task_1");
    task.keyId = b;
    QCOMPARE(m_tasks->insertNew({task}).size(), 1);

    QVERIFY(removeKey(keys, b).ok());
    QCOMPARE(readEntry(store, b).status, TokenResult::Status::NotFound);
    QVERIFY(!keys.contains(b));
    QCOMPARE(keys.token(b), QString());
    QCOMPARE(m_meta->loadAll().size(), 1);
    QCOMPARE(m_tasks->loadAll().tasks.at(0).keyId, b); // history kept, shown as needing a key
    QCOMPARE(keys.token(a), QStringLiteral("secret-a-0001"));
}

void TestKeyRing::removingTheDefaultPromotesAnother()
{
    MemoryTokenStore store;
    KeyRing keys(&store, m_meta.get());
    keys.load();
    waitForState(keys);
    const QString a = addKey(keys, QStringLiteral("A"), QStringLiteral("secret-a-0001"));
    const QString b = addKey(keys, QStringLiteral("B"), QStringLiteral("secret-b-0002"));
    QVERIFY(removeKey(keys, a).ok());
    QCOMPARE(keys.defaultKeyId(), b);
    QVERIFY(m_meta->loadAll().at(0).isDefault);
    QVERIFY(removeKey(keys, b).ok());
    QCOMPARE(keys.state(), KeyRing::State::NoKey);
}

void TestKeyRing::missingEntryIsReported()
{
    MemoryTokenStore store;
    QString a;
    {
        KeyRing keys(&store, m_meta.get());
        keys.load();
        waitForState(keys);
        a = addKey(keys, QStringLiteral("A"), QStringLiteral("secret-a-0001"));
    }
    bool removed = false;
    store.remove(a, nullptr, [&](const TokenResult &) { removed = true; }); // deleted outside
    QTRY_VERIFY(removed);
    KeyRing keys(&store, m_meta.get());
    keys.load();
    QCOMPARE(waitForState(keys), KeyRing::State::NoKey);
    QCOMPARE(keys.profile(a)->health, KeyHealth::MissingEntry);
    QVERIFY(!keyHealthText(KeyHealth::MissingEntry).isEmpty());
}

void TestKeyRing::legacyDefaultKeyIsAdopted()
{
    MemoryTokenStore store;
    bool written = false;
    store.write(KeyRing::DefaultKeyId, QStringLiteral("legacy-secret-9876"), nullptr,
                [&](const TokenResult &) { written = true; });
    QTRY_VERIFY(written);
    KeyRing keys(&store, m_meta.get());
    keys.load();
    QCOMPARE(waitForState(keys), KeyRing::State::Ready);
    QCOMPARE(keys.defaultKeyId(), KeyRing::DefaultKeyId);
    QCOMPARE(keys.token({}), QStringLiteral("legacy-secret-9876"));
    QCOMPARE(keys.hint(), QStringLiteral("…9876"));
    QCOMPARE(m_meta->loadAll().size(), 1); // now a profile like any other
}

void TestKeyRing::storeDefaultReplacesTheDefaultSecret()
{
    MemoryTokenStore store;
    KeyRing keys(&store, m_meta.get());
    keys.load();
    waitForState(keys);
    bool done = false;
    keys.storeDefault(QStringLiteral("  sk-secret-1234  "), [&](const TokenResult &r) {
        QVERIFY(r.ok());
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(keys.token({}), QStringLiteral("sk-secret-1234"));
    const QString id = keys.defaultKeyId();
    done = false;
    keys.storeDefault(QStringLiteral("sk-secret-5678"), [&](const TokenResult &r) {
        QVERIFY(r.ok());
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(keys.profiles().size(), 1);
    QCOMPARE(keys.defaultKeyId(), id);
    QCOMPARE(keys.hint(), QStringLiteral("…5678"));
    QCOMPARE(readEntry(store, id).secret, QStringLiteral("sk-secret-5678"));
}

void TestKeyRing::sessionKeyWinsAndIsNeverStored()
{
    MemoryTokenStore store;
    KeyRing keys(&store, m_meta.get());
    const QString stored = [&] {
        keys.load();
        waitForState(keys);
        return addKey(keys, QStringLiteral("Stored"), QStringLiteral("stored-key-0000"));
    }();
    keys.setSessionKey(QStringLiteral("env-key-abcdef"));
    QCOMPARE(keys.state(), KeyRing::State::Ready);
    QVERIFY(keys.isSessionOnly());
    QCOMPARE(keys.token({}), QStringLiteral("env-key-abcdef"));
    QCOMPARE(keys.token(KeyRing::SessionKeyId), QStringLiteral("env-key-abcdef"));
    QCOMPARE(keys.token(stored), QStringLiteral("stored-key-0000"));
    QCOMPARE(keys.profiles().size(), 2);
    QVERIFY(keys.profiles().at(0).sessionOnly);
    QCOMPARE(readEntry(store, KeyRing::SessionKeyId).status, TokenResult::Status::NotFound);
    QCOMPARE(m_meta->loadAll().size(), 1); // never in the database either
    // A reload keeps the session key: Ready at once, while the stored secrets are read in
    // the background (isLoading() until then; profilesChanged() says when it is over).
    QSignalSpy profiles(&keys, &KeyRing::profilesChanged);
    keys.load();
    QCOMPARE(keys.token({}), QStringLiteral("env-key-abcdef"));
    QCOMPARE(keys.state(), KeyRing::State::Ready);
    QVERIFY(keys.isLoading());
    QCOMPARE(keys.token(stored), QString()); // not read yet
    QTRY_VERIFY_WITH_TIMEOUT(!keys.isLoading(), 15000);
    QCOMPARE(keys.token(stored), QStringLiteral("stored-key-0000"));
    QCOMPARE(profiles.size(), 2); // the profiles at once, then the secrets read
    QVERIFY(!keys.isBusy());
    QVERIFY(keys.setDefaultKey(stored));
    QVERIFY(!keys.isSessionOnly());
    QCOMPARE(keys.token({}), QStringLiteral("stored-key-0000"));
}

void TestKeyRing::unavailableKeychainKeepsProfiles()
{
    MemoryTokenStore store;
    {
        KeyRing keys(&store, m_meta.get());
        keys.load();
        waitForState(keys);
        addKey(keys, QStringLiteral("A"), QStringLiteral("secret-a-0001"));
    }
    store.setFailure(TokenResult::Status::NoBackend);
    KeyRing keys(&store, m_meta.get());
    keys.load();
    QCOMPARE(waitForState(keys), KeyRing::State::Unavailable);
    QCOMPARE(keys.lastResult().status, TokenResult::Status::NoBackend);
    QVERIFY(!keys.lastResult().userMessage().isEmpty());
    QCOMPARE(keys.profiles().size(), 1); // still listed
    TokenResult result;
    QVERIFY(addKey(keys, QStringLiteral("B"), QStringLiteral("secret-b-0002"), &result).isEmpty());
    QCOMPARE(result.status, TokenResult::Status::NoBackend);
    QCOMPARE(m_meta->loadAll().size(), 1); // a failed write saves no metadata
    // The app stays usable with a session-only key.
    keys.setSessionKey(QStringLiteral("typed-in-key-42"));
    QCOMPARE(keys.state(), KeyRing::State::Ready);
    QCOMPARE(keys.token({}), QStringLiteral("typed-in-key-42"));
}

void TestKeyRing::cancelWhileLoading()
{
    MemoryTokenStore store;
    KeyRing keys(&store, m_meta.get());
    keys.load();
    QVERIFY(keys.isBusy());
    keys.cancel();
    QVERIFY(!keys.isBusy());
    QCOMPARE(keys.state(), KeyRing::State::Unavailable);
    QCOMPARE(keys.lastResult().status, TokenResult::Status::Cancelled);
    QVERIFY(answeredSoFar(store)); // the dropped read too: it must not flip the state
    QCOMPARE(keys.state(), KeyRing::State::Unavailable);
}

void TestKeyRing::cancelWhileAddingLeavesNothing()
{
    MemoryTokenStore store;
    KeyRing keys(&store, m_meta.get());
    keys.load();
    waitForState(keys);
    std::optional<TokenResult> result;
    QObject context;
    keys.addKey(QStringLiteral("A"), QStringLiteral("secret-a-0001"), KeyHealth::Ok, {}, &context,
                [&](const TokenResult &r, const QString &) { result = r; });
    keys.cancel();
    QVERIFY(!result); // told later, never inside cancel()
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->status, TokenResult::Status::Cancelled);
    QVERIFY(answeredSoFar(store)); // the write landed, and was deleted again
    QVERIFY(keys.profiles().isEmpty());
    QVERIFY(m_meta->loadAll().isEmpty());
}

void TestKeyRing::recordCheckMapsErrors()
{
    MemoryTokenStore store;
    KeyRing keys(&store, m_meta.get());
    keys.load();
    waitForState(keys);
    const QString a = addKey(keys, QStringLiteral("A"), QStringLiteral("secret-a-0001"));
    keys.recordCheck(a, ApiError{}, 42);
    QCOMPARE(keys.profile(a)->credits, std::optional<qint64>(42));
    QCOMPARE(keys.profile(a)->health, KeyHealth::Ok);
    QVERIFY(keys.profile(a)->creditsCheckedAt.isValid());
    keys.recordCheck({}, ApiError{}, 0); // "" = the default key
    QCOMPARE(keys.profile(a)->health, KeyHealth::NoCredits);

    const auto row = [&](ApiError::Kind kind, KeyHealth expected) {
        ApiError e;
        e.kind = kind;
        e.serverMessage = QStringLiteral("server said secret-a-0001"); // never kept
        keys.recordCheck(a, e, 0);
        QCOMPARE(keys.profile(a)->health, expected);
        QVERIFY(!keys.profile(a)->healthDetail.contains(QStringLiteral("secret-a-0001")));
        QCOMPARE(keys.profile(a)->credits, std::optional<qint64>(0)); // last known kept
    };
    row(ApiError::Kind::Unauthorized, KeyHealth::InvalidKey);
    row(ApiError::Kind::InsufficientCredits, KeyHealth::NoCredits);
    row(ApiError::Kind::RateLimited, KeyHealth::RateLimited);
    row(ApiError::Kind::Network, KeyHealth::Unreachable);
    row(ApiError::Kind::Timeout, KeyHealth::Unreachable);
    row(ApiError::Kind::Server, KeyHealth::OtherError);
    QCOMPARE(m_meta->loadAll().at(0).health, KeyHealth::OtherError); // persisted
}

void TestKeyRing::keyStoreCountsTasks()
{
    QList<TaskRecord> tasks;
    for (int i = 0; i < 5; ++i) {
        TaskRecord t;
        t.taskId = QStringLiteral("veo_task_%1").arg(i);
        t.keyId = i < 2 ? QString() : QStringLiteral("k%1").arg(i % 2);
        tasks.append(t);
    }
    QCOMPARE(m_tasks->insertNew(tasks).size(), 5);
    const QHash<QString, int> counts = m_meta->taskCounts();
    QCOMPARE(counts.value(QString()), 2);
    QCOMPARE(counts.value(QStringLiteral("k0")), 2);
    QCOMPARE(counts.value(QStringLiteral("k1")), 1);
    KeyProfile session;
    session.id = KeyRing::SessionKeyId;
    session.label = QStringLiteral("S");
    session.sessionOnly = true;
    QVERIFY(!m_meta->save(session));
}

QTEST_GUILESS_MAIN(TestKeyRing)
#include "tst_keyring.moc"
