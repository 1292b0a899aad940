// Fault matrix, keys: the real Engine and KeyRing on the real KeychainTokenStore (QtKeychain,
// libsecret, gnome-keyring-daemon) when the keyring daemon is killed while the app runs and is
// started again, and when the D-Bus session itself goes away. The test runs its own bus and
// daemon (ctest runs other keychain tests beside it on the shared session of
// run-in-session.sh, which must not see these faults).
#include "appsettings.h"
#include "engine.h"
#include "fakekieserver.h"
#include "keychaintokenstore.h"
#include "keyring.h"
#include "kieresponses.h"
#include "refreshscheduler.h"
#include "taskrepository.h"
#include "taskstore.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <memory>
#include <optional>

using namespace veo;
using namespace veo::test;
using namespace std::chrono_literals;

namespace {

const QString Token = QStringLiteral("sk-faults-keyring-work-0001");
const QString SecondToken = QStringLiteral("sk-faults-keyring-home-0002");
const QString TaskId = QStringLiteral("veo_keyring_task");
const char *const ChildVar = "VEO_FAULTS_NEXT_LAUNCH";

// One app as main.cpp builds it, with its keys in the real keychain.
struct KeychainApp
{
    explicit KeychainApp(const QString &dir, const QUrl &base)
        : settings(dir + QStringLiteral("/settings.ini")),
          tokens(QStringLiteral("veo-tracker-faults-keyring"))
    {
        opened = store.open(dir + QStringLiteral("/tasks.sqlite"));
        settings.setDownloadFolder(dir + QStringLiteral("/videos"));
        Engine::Options options;
        options.apiBase = base;
        options.storePath = store.path();
        options.followSystemNetwork = false;
        settings.setFlag(AppSettings::Flag::FixedPollInterval, true);
        engine = std::make_unique<Engine>(options, &store, &tokens, &settings);
        engine->scheduler()->setInterval(150ms);
    }
    ~KeychainApp() { engine->flush(); }
    const TaskRecord *task() const { return engine->tasks()->task(TaskId); }

    TaskStore::OpenResult opened = TaskStore::OpenResult::Failed;
    AppSettings settings;
    TaskStore store;
    KeychainTokenStore tokens;
    std::unique_ptr<Engine> engine;
};

} // namespace

class tst_FaultsKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void keyringDaemonKilledAndStartedAgain();
    void dbusSessionGone();

private:
    bool startBus();
    bool startKeyring();
    bool secretServiceUp();
    std::unique_ptr<KeychainApp> startApp();
    // Adds a key through the app's key ring; the result once it arrives (nullopt: a hang).
    std::optional<TokenResult> addKey(KeychainApp &app, const QString &label,
                                      const QString &secret);

    QTemporaryDir m_home; // the keyring's files and the bus socket
    QTemporaryDir m_data; // the app's folder
    QString m_address;
    QProcess m_bus;
    QProcess m_keyring;
    std::unique_ptr<FakeKieServer> m_server;
};

void tst_FaultsKeyring::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty()) {
        QSKIP("needs dbus-daemon and gnome-keyring-daemon (packaging/install-deps.sh)");
    }
    QVERIFY(m_home.isValid() && m_data.isValid());
    QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral("data/keyrings"))));
    QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral("run"))));
    QFile::setPermissions(m_home.filePath(QStringLiteral("run")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_address = QStringLiteral("unix:path=") + m_home.filePath(QStringLiteral("bus"));
    // Before anything in this process talks to D-Bus: QtDBus and GDBus read it once.
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toLocal8Bit());
    QVERIFY(startBus());
    QVERIFY(startKeyring());
    m_server = std::make_unique<FakeKieServer>();
    QVERIFY(m_server->listen());
    m_server->setValidKeys({Token, SecondToken});
    m_server->setCredits(QString(), 5000);
}

void tst_FaultsKeyring::cleanupTestCase()
{
    for (QProcess *p : {&m_keyring, &m_bus}) {
        if (p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished(5000);
        }
    }
}

bool tst_FaultsKeyring::startBus()
{
    QFile::remove(m_home.filePath(QStringLiteral("bus")));
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--config-file=/usr/share/dbus-1/session.conf"),
                 QStringLiteral("--nofork"), QStringLiteral("--address=") + m_address,
                 QStringLiteral("--print-address=1")});
    return m_bus.waitForStarted() && m_bus.waitForReadyRead(15000);
}

bool tst_FaultsKeyring::startKeyring()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("run")));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
    // Not the shared session's daemon: --replace must never find (and replace) that one.
    env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
    m_keyring.setProcessEnvironment(env);
    m_keyring.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // --replace: a daemon the bus started on demand (locked, no password) makes way.
    m_keyring.start(QStringLiteral("gnome-keyring-daemon"),
                    {QStringLiteral("--foreground"), QStringLiteral("--replace"),
                     QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
    if (!m_keyring.waitForStarted()) {
        return false;
    }
    m_keyring.write("veo-test\n");
    m_keyring.closeWriteChannel();
    // The daemon takes its bus name a moment after it starts.
    // Waits out the daemon start-up and its bus name request.
    return QTest::qWaitFor([this] { return secretServiceUp(); }, 15000);
}

bool tst_FaultsKeyring::secretServiceUp()
{
    static int serial = 0;
    const QString name = QStringLiteral("veo-probe-%1").arg(++serial);
    bool up = false;
    {
        QDBusConnection bus = QDBusConnection::connectToBus(m_address, name);
        up =
            bus.isConnected() &&
            bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")).value();
    }
    QDBusConnection::disconnectFromBus(name);
    return up;
}

std::unique_ptr<KeychainApp> tst_FaultsKeyring::startApp()
{
    auto app = std::make_unique<KeychainApp>(m_data.path(), m_server->baseUrl());
    if (app->opened == TaskStore::OpenResult::Failed) {
        return nullptr;
    }
    app->engine->start();
    Engine *engine = app->engine.get();
    // Waits out the keychain reads over D-Bus.
    if (!QTest::qWaitFor([engine] { return !engine->keys()->isLoading(); }, 20000)) {
        return nullptr;
    }
    return app;
}

std::optional<TokenResult> tst_FaultsKeyring::addKey(KeychainApp &app, const QString &label,
                                                     const QString &secret)
{
    std::optional<TokenResult> result;
    app.engine->keys()->addKey(label, secret, KeyHealth::Ok, std::nullopt, this,
                               [&result](const TokenResult &r, const QString &) { result = r; });
    // A keychain job answers over D-Bus; QtKeychain's own timeout is far longer than this.
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, 30000);
    return result;
}

void tst_FaultsKeyring::keyringDaemonKilledAndStartedAgain()
{
    FakeKieServer::Record generating = succeededRecord(TaskId);
    generating.successFlag = 0;
    generating.resultUrls.clear();
    m_server->setScript(TaskId, {FakeKieServer::ok(generating)});
    auto app = startApp();
    QVERIFY(app);
    const std::optional<TokenResult> first = addKey(*app, QStringLiteral("Work"), Token);
    QVERIFY(first);
    QVERIFY2(first->ok(), qPrintable(first->userMessage() + first->details));
    QCOMPARE(app->engine->addTasks({TaskId}).added, 1);
    // Waits out a real poll over loopback (150 ms interval).
    QTRY_COMPARE_WITH_TIMEOUT(app->task()->status, TaskStatus::Generating, 15000);

    m_keyring.kill(); // SIGKILL, as an OOM killer or a crash would
    QVERIFY(m_keyring.waitForFinished(5000));

    // The key already read keeps working: the task is followed to its end.
    m_server->setScript(TaskId, {FakeKieServer::ok(succeededRecord(TaskId))});
    // Waits out a real poll over loopback.
    QTRY_COMPARE_WITH_TIMEOUT(app->task()->status, TaskStatus::Succeeded, 15000);
    QVERIFY(!app->task()->lastError.isError());
    // A key added now cannot be stored: an answer (no hang) with words for the user.
    QElapsedTimer wall;
    wall.start();
    const std::optional<TokenResult> refused = addKey(*app, QStringLiteral("Home"), SecondToken);
    QVERIFY2(refused, "no answer from the keychain within 30 s");
    qInfo() << "keyring gone:" << int(refused->status) << refused->details << wall.elapsed()
            << "ms";
    QVERIFY(!refused->ok());
    QVERIFY(!refused->userMessage().isEmpty());
    QVERIFY(!app->engine->keys()->contains(QStringLiteral("Home")));
    QVERIFY(app->engine->keys()->hasKey()); // the first key is still there

    // The daemon is back: storing works again, and a new launch reads every key.
    QVERIFY(startKeyring());
    const std::optional<TokenResult> again = addKey(*app, QStringLiteral("Home"), SecondToken);
    QVERIFY(again);
    QVERIFY2(again->ok(), qPrintable(again->userMessage() + again->details));
    app.reset();
    app = startApp();
    QVERIFY(app);
    QCOMPARE(app->engine->keys()->state(), KeyRing::State::Ready);
    int secrets = 0;
    for (const KeyProfile &p : app->engine->keys()->profiles()) {
        secrets += app->engine->keys()->hasSecret(p.id) ? 1 : 0;
    }
    QCOMPARE(secrets, 2);
}

void tst_FaultsKeyring::dbusSessionGone()
{
    const QString id = QStringLiteral("veo_keyring_bus");
    FakeKieServer::Record generating = succeededRecord(id);
    generating.successFlag = 0;
    generating.resultUrls.clear();
    m_server->setScript(id, {FakeKieServer::ok(generating)});
    auto app = startApp();
    QVERIFY(app);
    if (!app->engine->keys()->hasKey()) { // run on its own
        const std::optional<TokenResult> added = addKey(*app, QStringLiteral("Work"), Token);
        QVERIFY(added && added->ok());
    }
    QVERIFY(app->engine->keys()->hasKey());
    QCOMPARE(app->engine->addTasks({id}).added, 1);
    // Waits out a real poll over loopback.
    QTRY_COMPARE_WITH_TIMEOUT(app->engine->tasks()->task(id)->status, TaskStatus::Generating,
                              15000);

    m_bus.kill();
    QVERIFY(m_bus.waitForFinished(5000));
    m_keyring.kill();
    m_keyring.waitForFinished(5000);

    // The app lives on without a bus: polling goes on, and the keychain says what is wrong.
    m_server->setScript(id, {FakeKieServer::ok(succeededRecord(id))});
    // Waits out a real poll over loopback.
    QTRY_COMPARE_WITH_TIMEOUT(app->engine->tasks()->task(id)->status, TaskStatus::Succeeded, 15000);
    const std::optional<TokenResult> refused = addKey(*app, QStringLiteral("Bus"), SecondToken);
    QVERIFY2(refused, "no answer from the keychain within 30 s");
    qInfo() << "bus gone:" << int(refused->status) << refused->details;
    QVERIFY(!refused->ok());
    QVERIFY(!refused->userMessage().isEmpty());

    QCOMPARE(refused->status, TokenResult::Status::NoBackend);

    // A session again, at the same address. In this process GLib keeps its closed connection
    // to the old bus (libsecret's proxy is dropped, the connection is not): the keychain stays
    // unavailable, and says so, until the app is started again.
    QVERIFY(startBus());
    QVERIFY(startKeyring());
    app.reset();
    app = startApp();
    QVERIFY(app);
    QCOMPARE(app->engine->keys()->state(), KeyRing::State::Unavailable);
    QCOMPARE(app->engine->keys()->lastResult().status, TokenResult::Status::NoBackend);
    QVERIFY(!app->engine->keys()->lastResult().userMessage().isEmpty());
    app.reset();
    // The next launch (a new process) reads the keys.
    QProcess next;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(ChildVar), m_data.path());
    next.setProcessEnvironment(env);
    next.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(next.waitForFinished(30000));
    const QByteArray out = next.readAllStandardOutput().trimmed();
    QVERIFY2(out.startsWith("ready"), out.constData());
    QVERIFY2(out.split(' ').value(1).toInt() >= 1, out.constData());
}

namespace {
// The child side of dbusSessionGone(): a new launch on the folder; prints its keys' state.
int nextLaunch(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    KeychainApp next(qEnvironmentVariable(ChildVar), QUrl(QStringLiteral("http://127.0.0.1:9")));
    next.engine->start();
    KeyRing *keys = next.engine->keys();
    // Waits out the keychain reads over D-Bus.
    if (!QTest::qWaitFor([keys] { return !keys->isLoading(); }, 20000)) {
        std::printf("hang\n");
        return 1;
    }
    int secrets = 0;
    for (const KeyProfile &p : keys->profiles()) {
        secrets += keys->hasSecret(p.id) ? 1 : 0;
    }
    std::printf("%s %d %s\n", keys->state() == KeyRing::State::Ready ? "ready" : "unavailable",
                secrets, qPrintable(keys->lastResult().details));
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(ChildVar)) {
        return nextLaunch(argc, argv);
    }
    QCoreApplication app(argc, argv);
    tst_FaultsKeyring test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_faults_keyring.moc"
