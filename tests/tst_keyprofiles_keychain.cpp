// Key profiles against the real Secret Service (run inside tests/run-in-session.sh): store,
// read back, rename, remove, several keys, restart; no Secret Service at all (a child
// process); and a security sweep after a whole session: no secret in any file under HOME,
// in any log line, in any URL, and Authorization only ever sent to the API origin.
// Secrets are random and never printed: comparisons use QVERIFY2 with fixed messages.
#include "appsettings.h"
#include "creditsmonitor.h"
#include "downloadcoordinator.h"
#include "downloadmanager.h"
#include "downloadstore.h"
#include "fakekieserver.h"
#include "keychaintokenstore.h"
#include "keyprofilestore.h"
#include "keyring.h"
#include "kieclient.h"
#include "kieresponses.h"
#include "linkrenewer.h"
#include "refreshscheduler.h"
#include "requestscheduler.h"
#include "taskrepository.h"
#include "taskstore.h"

#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace veo;

namespace {

constexpr auto ChildVar = "VEO_TST_KEYPROFILES_CHILD";
constexpr int Timeout = 25000;

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw) {
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    }
    return QString::fromLatin1(raw.toHex());
}

QStringList g_log; // every message while a test runs
void collect(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_log.append(message);
}

bool waitLoaded(KeyRing &keys)
{
    return QTest::qWaitFor(
        [&] { return keys.state() != KeyRing::State::Loading && !keys.isBusy(); }, Timeout);
}

// The app's key storage as one run has it: the task list and the key metadata in one SQLite
// file, the secrets in the Secret Service under the test's own service name.
struct KeySession
{
    explicit KeySession(const QString &service) : store(service) {}

    // Opens the key metadata beside the task list (open it first) and loads the keys.
    [[nodiscard]] bool loadKeys()
    {
        if (!meta.open(tasks.path())) {
            return false;
        }
        keys.load();
        return waitLoaded(keys);
    }

    TaskStore tasks;
    KeyProfileStore meta;
    KeychainTokenStore store;
    KeyRing keys{&store, &meta};
};

QString addKey(KeyRing &keys, const QString &label, const QString &secret)
{
    std::optional<QString> id;
    QObject context;
    keys.addKey(
        label, secret, KeyHealth::Unchecked, std::nullopt, &context,
        [&](const TokenResult &r, const QString &keyId) { id = r.ok() ? keyId : QString(); });
    return QTest::qWaitFor([&] { return id.has_value(); }, Timeout) ? *id : QString();
}

// Number of keyring items of this service for one key id (secret-tool, attributes only).
int keyringItems(const QString &service, const QString &keyId)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), service,
             QStringLiteral("user"), keyId});
    if (!p.waitForFinished(Timeout)) {
        return -1;
    }
    const QByteArray out = p.readAllStandardOutput() + p.readAllStandardError();
    return int(out.count("\nlabel = ") + (out.startsWith("label = ") ? 1 : 0));
}

} // namespace

class TestKeyProfilesKeychain : public QObject
{
    Q_OBJECT

private:
    const QString m_service = QStringLiteral(VEO_APP_ID ".test.") + randomHex(6);
    QTemporaryDir m_home;
    QStringList m_ids;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void storeReadBackRenameRemoveRestart();
    void noSecretService();
    void securityAfterASession();
};

void TestKeyProfilesKeychain::initTestCase()
{
    if (!qEnvironmentVariableIsEmpty(ChildVar)) {
        return;
    }
    // A private HOME for everything the app writes (task list, settings, caches).
    QVERIFY(m_home.isValid());
    const QString home = m_home.path();
    qputenv("HOME", home.toUtf8());
    qputenv("XDG_DATA_HOME", (home + QStringLiteral("/.local/share")).toUtf8());
    qputenv("XDG_CONFIG_HOME", (home + QStringLiteral("/.config")).toUtf8());
    qputenv("XDG_CACHE_HOME", (home + QStringLiteral("/.cache")).toUtf8());
    KeychainTokenStore store(m_service);
    std::optional<TokenResult> probe;
    store.write(QStringLiteral("probe"), randomHex(8), this,
                [&](const TokenResult &r) { probe = r; });
    QVERIFY(QTest::qWaitFor([&] { return probe.has_value(); }, Timeout));
    if (!probe->ok()) {
        QFAIL("No usable Secret Service: run via tests/run-in-session.sh");
    }
    probe.reset();
    store.remove(QStringLiteral("probe"), this, [&](const TokenResult &r) { probe = r; });
    QVERIFY(QTest::qWaitFor([&] { return probe.has_value(); }, Timeout));
}

void TestKeyProfilesKeychain::cleanupTestCase()
{
    if (!qEnvironmentVariableIsEmpty(ChildVar)) {
        return;
    }
    KeychainTokenStore store(m_service);
    for (const QString &id : std::as_const(m_ids)) {
        bool done = false;
        store.remove(id, this, [&](const TokenResult &) { done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, Timeout));
    }
}

void TestKeyProfilesKeychain::storeReadBackRenameRemoveRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tasks.sqlite"));
    QHash<QString, QString> secrets; // id -> secret
    {
        KeySession session(m_service);
        QCOMPARE(session.tasks.open(path), TaskStore::OpenResult::Opened);
        QVERIFY(session.loadKeys());
        KeyRing &keys = session.keys;
        QCOMPARE(keys.state(), KeyRing::State::NoKey);
        for (int i = 0; i < 3; ++i) {
            const QString secret = QStringLiteral("sk-") + randomHex(16);
            const QString id = addKey(keys, QStringLiteral("Key %1").arg(i), secret);
            QVERIFY(!id.isEmpty());
            m_ids.append(id);
            secrets.insert(id, secret);
            QCOMPARE(keyringItems(m_service, id), 1);
        }
        QVERIFY(keys.renameKey(m_ids.at(1), QStringLiteral("Client B")));
    }
    // Restart: everything is read back from the database and the keychain.
    KeySession session(m_service);
    QCOMPARE(session.tasks.open(path), TaskStore::OpenResult::Opened);
    QVERIFY(session.loadKeys());
    KeyRing &keys = session.keys;
    QCOMPARE(keys.state(), KeyRing::State::Ready);
    QCOMPARE(keys.profiles().size(), 3);
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        QVERIFY2(keys.token(it.key()) == it.value(), "a key read back a different secret");
    }
    QVERIFY2(keys.token({}) == secrets.value(m_ids.at(0)), "the default is the first key");
    QCOMPARE(keys.profile(m_ids.at(1))->label, QStringLiteral("Client B"));

    // Removing deletes the keychain entry.
    std::optional<TokenResult> removed;
    keys.removeKey(m_ids.at(1), this, [&](const TokenResult &r) { removed = r; });
    QVERIFY(QTest::qWaitFor([&] { return removed.has_value(); }, Timeout));
    QVERIFY(removed->ok());
    QCOMPARE(keyringItems(m_service, m_ids.at(1)), 0);
    QCOMPARE(keyringItems(m_service, m_ids.at(0)), 1);
    QCOMPARE(session.meta.loadAll().size(), 2);
}

void TestKeyProfilesKeychain::noSecretService()
{
    const QString dbPath = qEnvironmentVariable("VEO_TST_DB");
    if (qEnvironmentVariable(ChildVar) == QLatin1String("nobus")) {
        // In the child: a task list with one key and one task, and no D-Bus at all.
        KeySession session(m_service);
        QCOMPARE(session.tasks.open(dbPath), TaskStore::OpenResult::Opened);
        QVERIFY(session.loadKeys());
        KeyRing &keys = session.keys;
        QCOMPARE(keys.state(), KeyRing::State::Unavailable);
        QCOMPARE(keys.lastResult().status, TokenResult::Status::NoBackend);
        QVERIFY(keys.lastResult().userMessage().contains(QStringLiteral("gnome-keyring")));
        QCOMPARE(keys.profiles().size(), 1);                     // the keys are still listed
        QCOMPARE(session.tasks.loadAll().tasks.size(), 1);       // the whole history is there
        keys.setSessionKey(QStringLiteral("typed-in-key-1234")); // and a session key works
        QCOMPARE(keys.state(), KeyRing::State::Ready);
        QCOMPARE(keys.token({}), QStringLiteral("typed-in-key-1234"));
        return;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tasks.sqlite"));
    {
        TaskStore tasks;
        QCOMPARE(tasks.open(path), TaskStore::OpenResult::Opened);
        TaskRecord t;
        t.taskId = QStringLiteral("veo_task_history");
        QCOMPARE(tasks.insertNew({t}).size(), 1);
        KeyProfileStore meta;
        QVERIFY(meta.open(path));
        KeyProfile p;
        p.id = QStringLiteral("0b8f5a8e-0000-4000-8000-000000000001");
        p.label = QStringLiteral("Old key");
        p.isDefault = true;
        QVERIFY(meta.save(p));
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(ChildVar), QStringLiteral("nobus"));
    env.insert(QStringLiteral("VEO_TST_DB"), path);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent"));
    env.remove(QStringLiteral("DISPLAY"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("noSecretService")});
    QVERIFY(child.waitForFinished(90000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             output.constData());
}

void TestKeyProfilesKeychain::securityAfterASession()
{
    const QString secretA = QStringLiteral("sk-A") + randomHex(16);
    const QString secretB = QStringLiteral("sk-B") + randomHex(16);
    FakeKieServer api;
    QVERIFY(api.listen(QHostAddress::LocalHost));
    FakeKieServer media; // a second loopback host, as the media CDN
    QVERIFY(media.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    media.addFile(QStringLiteral("/a.mp4"), QByteArray(2048, 'v'), "video/mp4");
    // The media link has expired once: the app asks download-url (with the task's key) for a
    // fresh link, which points at the API host's /dl/ path (no key may go there either).
    FakeKieServer::FileOptions expired;
    expired.statuses = {403};
    media.setFileOptions(QStringLiteral("/a.mp4"), expired);
    api.addFile(QStringLiteral("/a.mp4"), QByteArray(2048, 'v'), "video/mp4");
    api.setValidKeys({secretA, secretB});
    api.setCredits(secretA, 700);
    api.setCredits(secretB, 5);
    api.setScript(QStringLiteral("veo_task_a"),
                  {FakeKieServer::ok(test::succeededRecord(QStringLiteral("veo_task_a")))});
    api.setScript(QStringLiteral("veo_task_b"),
                  {FakeKieServer::ok(test::succeededRecord(QStringLiteral("veo_task_b")))});

    g_log.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collect);
    {
        KeySession session(m_service);
        TaskStore &tasks = session.tasks;
        QVERIFY(tasks.open(TaskStore::defaultPath(false)) != TaskStore::OpenResult::Failed);
        QVERIFY(tasks.path().startsWith(m_home.path()));
        QVERIFY(session.loadKeys());
        KeyRing &keys = session.keys;
        const QString a = addKey(keys, QStringLiteral("A"), secretA);
        const QString b = addKey(keys, QStringLiteral("B"), secretB);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        m_ids << a << b;

        KieClient client(api.baseUrl());
        RequestScheduler requests(&client, [&keys](const QString &id) { return keys.token(id); });
        requests.setFollowSystemNetwork(false);
        CreditsMonitor monitor(&requests, &keys);
        monitor.start();
        RefreshScheduler scheduler(&requests);
        QSignalSpy answered(&scheduler, &RefreshScheduler::taskAnswered);
        TaskRecord ta, tb;
        ta.taskId = QStringLiteral("veo_task_a");
        ta.keyId = a;
        tb.taskId = QStringLiteral("veo_task_b");
        tb.keyId = b;
        QCOMPARE(tasks.insertNew({ta, tb}).size(), 2);
        scheduler.track({ta, tb});
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 2, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(keys.profile(b)->credits == std::optional<qint64>(5), Timeout);
        QVERIFY(keys.profile(a)->credits == std::optional<qint64>(700));

        // The app's own download path: settings, the download store in the task list, the
        // JSON sidecar, an expired media link renewed with the task's key.
        AppSettings settings; // under HOME, like the user's
        settings.setFlag(AppSettings::Flag::DownloadSidecar, true);
        settings.setDownloadFolder(m_home.filePath(QStringLiteral("Videos/Veo Tracker")));
        DownloadStore downloadStore;
        QVERIFY(downloadStore.open(tasks.path()));
        TaskRecord done = ta;
        done.keyId = b;
        done.status = TaskStatus::Succeeded;
        done.successFlag = 1;
        done.resultUrls = {media.baseUrl().toString() + QStringLiteral("/a.mp4")};
        QVERIFY(tasks.update({done}));
        TaskRepository repository(&tasks);
        repository.load();
        DownloadManager manager(&client);
        LinkRenewer renewer(&requests);
        DownloadCoordinator downloads(&manager, &repository, &settings, &renewer);
        downloads.setStore(&downloadStore);
        QCOMPARE(downloads.downloadTasks({done.taskId}).queued, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!downloads.localFile(done.taskId, MediaKind::Result, 0).isEmpty(),
                                 Timeout);
        const QString video = downloads.localFile(done.taskId, MediaKind::Result, 0);
        QVERIFY(video.startsWith(m_home.path()));
        QVERIFY(QFile::exists(video + QStringLiteral(".json")));
        settings.sync();
    }
    qInstallMessageHandler(previous);

    const QList<QString> secrets{secretA, secretB};
    // 1. No file under HOME holds a secret (as UTF-8 or UTF-16).
    int files = 0;
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        ++files;
        for (const QString &s : secrets) {
            const QByteArray utf16(reinterpret_cast<const char *>(s.utf16()), s.size() * 2);
            QVERIFY2(!bytes.contains(s.toUtf8()) && !bytes.contains(utf16),
                     qPrintable(QStringLiteral("a secret is in %1").arg(f.fileName())));
        }
    }
    QVERIFY(files > 0); // the task list is there
    // 2. No log line holds a secret.
    for (const QString &line : std::as_const(g_log)) {
        for (const QString &s : secrets) {
            QVERIFY2(!line.contains(s), "a secret was logged");
        }
    }
    // 3. Each request to the API carried exactly its own key, only in the header.
    int recordInfo = 0;
    int renewals = 0;
    for (const FakeKieServer::Request &r : api.requests()) {
        const QByteArray auth = r.headers.value("authorization");
        if (r.path.startsWith("/dl/")) { // the fresh link: a file, not the API
            QVERIFY2(auth.isEmpty(), "Authorization sent with a video download");
            continue;
        }
        if (r.path == "/api/v1/common/download-url") {
            ++renewals;
            QVERIFY2(auth == "Bearer " + secretB.toUtf8(), "a link was renewed with another key");
        }
        QVERIFY2(auth == "Bearer " + secretA.toUtf8() || auth == "Bearer " + secretB.toUtf8(),
                 "an API request without one of the keys");
        for (const QString &s : secrets) {
            QVERIFY2(!r.query.toString().contains(s) && !r.path.contains(s.toUtf8()) &&
                         !r.body.contains(s.toUtf8()),
                     "a secret in a URL or body");
        }
        if (r.path == "/api/v1/veo/record-info") {
            ++recordInfo;
            const QString task = r.query.queryItemValue(QStringLiteral("taskId"));
            const QString expected = task == QLatin1String("veo_task_a") ? secretA : secretB;
            QVERIFY2(auth == "Bearer " + expected.toUtf8(), "a task was polled with another key");
        }
    }
    QCOMPARE(recordInfo, 2);
    QCOMPARE(renewals, 1);
    // 4. The other host never saw an Authorization header.
    QVERIFY(!media.requests().isEmpty());
    for (const FakeKieServer::Request &r : media.requests()) {
        QVERIFY2(!r.headers.contains("authorization"), "Authorization sent to the media host");
    }
}

QTEST_GUILESS_MAIN(TestKeyProfilesKeychain)
#include "tst_keyprofiles_keychain.moc"
