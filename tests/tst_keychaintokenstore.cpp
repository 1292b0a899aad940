// KeychainTokenStore against the real Secret Service. The suite runs inside
// tests/run-in-session.sh (a private D-Bus session with an unlocked gnome-keyring); without
// one, initTestCase fails on purpose. Secrets are random test values and are still never
// printed: comparisons of secrets use QVERIFY2 with a fixed message, not QCOMPARE.
#include "keychaintokenstore.h"

#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

using veo::KeychainTokenStore;
using veo::TokenResult;
using Status = veo::TokenResult::Status;

namespace {

// Set in the child processes this test starts from itself; the value names the scenario.
constexpr auto ChildVar = "VEO_TST_KEYCHAIN_CHILD";
constexpr int JobTimeoutMs = 25000;

QString childMode()
{
    return qEnvironmentVariable(ChildVar);
}

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

// Context object and callback in one: counts calls and signals the result.
class Catcher final : public QObject
{
    Q_OBJECT

public:
    veo::TokenStore::Callback callback()
    {
        return [this](const TokenResult &r) {
            ++calls;
            result = r;
            Q_EMIT done();
        };
    }
    int calls = 0;
    std::optional<TokenResult> result;

Q_SIGNALS:
    void done();
};

// One store call with a fresh context; nullopt if it answered inside the call or not within
// the time limit (a hang is a failure, never a wait forever).
template <typename Call> std::optional<TokenResult> await(Call call)
{
    Catcher catcher;
    QSignalSpy spy(&catcher, &Catcher::done);
    call(&catcher, catcher.callback());
    if (catcher.calls != 0) {
        qWarning("store answered synchronously, inside the call");
        return std::nullopt;
    }
    if (!spy.wait(JobTimeoutMs) || catcher.calls != 1) {
        qWarning("no answer within %d ms", JobTimeoutMs);
        return std::nullopt;
    }
    return catcher.result;
}

std::optional<TokenResult> readKey(KeychainTokenStore &store, const QString &key)
{
    return await([&](QObject *c, auto cb) { store.read(key, c, cb); });
}

std::optional<TokenResult> writeKey(KeychainTokenStore &store, const QString &key,
                                    const QString &secret)
{
    return await([&](QObject *c, auto cb) { store.write(key, secret, c, cb); });
}

std::optional<TokenResult> removeKey(KeychainTokenStore &store, const QString &key)
{
    return await([&](QObject *c, auto cb) { store.remove(key, c, cb); });
}

bool succeeded(const std::optional<TokenResult> &r)
{
    return r && r->ok();
}

QByteArray describe(const std::optional<TokenResult> &r)
{
    if (!r)
        return "no answer (hang or synchronous callback)";
    return "status " + QByteArray::number(int(r->status)) + ", details: " + r->details.toUtf8();
}

struct ProcessRun
{
    bool finished = false;
    int exitCode = -1;
    QByteArray output; // stdout and stderr merged
};

ProcessRun runProcess(const QString &program, const QStringList &args,
                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                      int timeoutMs = 90000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    ProcessRun run;
    if (!process.waitForStarted(10000)) {
        run.output = process.errorString().toUtf8();
        return run;
    }
    run.finished = process.waitForFinished(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = process.readAll();
    return run;
}

// secret-tool prints "secret = ..." lines; keep them out of any failure message.
QByteArray redacted(const QByteArray &secretToolOutput)
{
    QByteArrayList lines = secretToolOutput.split('\n');
    for (QByteArray &line : lines) {
        if (line.startsWith("secret = "))
            line = "secret = <redacted>";
    }
    return lines.join('\n');
}

// Attributes of every item secret-tool finds for `attribute value`, one map per item.
QList<QMap<QString, QString>> secretToolSearch(const QString &attribute, const QString &value,
                                               bool *ok, QByteArray *output)
{
    const ProcessRun run =
        runProcess(QStringLiteral("secret-tool"),
                   {QStringLiteral("search"), QStringLiteral("--all"), attribute, value},
                   QProcessEnvironment::systemEnvironment(), 30000);
    *ok = run.finished && run.exitCode == 0;
    *output = redacted(run.output);
    QList<QMap<QString, QString>> items;
    for (const QByteArray &line : run.output.split('\n')) {
        if (line.startsWith('[')) {
            items.append(QMap<QString, QString>());
            continue;
        }
        const qsizetype eq = line.indexOf(" = ");
        if (items.isEmpty() || eq < 0 || line.startsWith("secret = "))
            continue;
        items.last().insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 3)));
    }
    return items;
}

// A session bus with no service files at all: nothing owns or can activate
// org.freedesktop.secrets (the situation on a desktop without gnome-keyring/KWallet).
// (No raw string literal here: moc 6.4 mis-parses this one and drops the test class.)
constexpr auto BareBusConfig = "<!DOCTYPE busconfig PUBLIC"
                               " \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                               " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                               "<busconfig>\n"
                               "  <type>session</type>\n"
                               "  <listen>unix:dir=%1</listen>\n"
                               "  <policy context=\"default\">\n"
                               "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                               "    <allow eavesdrop=\"true\"/>\n"
                               "    <allow own=\"*\"/>\n"
                               "  </policy>\n"
                               "</busconfig>\n";

} // namespace

class tst_KeychainTokenStore : public QObject
{
    Q_OBJECT

private:
    // Unique per run, so parallel runs and a developer's real keyring never collide.
    const QString m_service = QStringLiteral(VEO_APP_ID ".test.") + randomHex(6);
    QStringList m_usedKeys;
    bool m_keychainUsable = false;
    std::unique_ptr<QTemporaryDir> m_zhLocale; // built on first use, see zhLocalePath()

    // A zh_CN.UTF-8 locale for child processes (LOCPATH), so GLib translates its messages
    // the way it does for a Chinese user; empty if this machine cannot build one.
    QString zhLocalePath()
    {
        if (!m_zhLocale) {
            m_zhLocale = std::make_unique<QTemporaryDir>();
            runProcess(QStringLiteral("localedef"),
                       {QStringLiteral("-i"), QStringLiteral("zh_CN"), QStringLiteral("-f"),
                        QStringLiteral("UTF-8"),
                        m_zhLocale->filePath(QStringLiteral("zh_CN.UTF-8"))});
        }
        return QFileInfo::exists(m_zhLocale->filePath(QStringLiteral("zh_CN.UTF-8/LC_CTYPE")))
                   ? m_zhLocale->path()
                   : QString();
    }

    QString key(const QString &name)
    {
        const QString k = name + QLatin1Char('-') + randomHex(4);
        m_usedKeys.append(k);
        return k;
    }

    // Runs this test binary again for one test function (and data tag) with ChildVar set.
    ProcessRun runChild(const QString &testFunction, const QString &mode,
                        QProcessEnvironment env = QProcessEnvironment::systemEnvironment())
    {
        env.insert(QString::fromLatin1(ChildVar), mode);
        env.insert(QStringLiteral("VEO_TST_SERVICE"), m_service);
        return runProcess(QCoreApplication::applicationFilePath(), {testFunction}, env);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!childMode().isEmpty())
            return;
        // A real write/read/remove of a probe entry: the only honest test of "reachable".
        KeychainTokenStore store(m_service);
        const QString probe = key(QStringLiteral("probe"));
        const auto w = writeKey(store, probe, randomHex(8));
        if (!w || !w->ok()) {
            QFAIL(QByteArray("No usable Secret Service (" + describe(w) +
                             "). These tests need a real, unlocked keyring: run via "
                             "tests/run-in-session.sh, e.g. tests/run-in-session.sh "
                             "ctest --test-dir build -R tst_keychaintokenstore")
                      .constData());
        }
        const auto d = removeKey(store, probe);
        QVERIFY2(d && d->ok(), describe(d).constData());
        m_keychainUsable = true;
    }

    void cleanupTestCase()
    {
        if (!childMode().isEmpty() || !m_keychainUsable)
            return;
        KeychainTokenStore store(m_service);
        for (const QString &k : std::as_const(m_usedKeys)) {
            const auto d = removeKey(store, k);
            QVERIFY2(d && d->ok(), describe(d).constData());
        }
        bool ok = false;
        QByteArray output;
        const auto left = secretToolSearch(QStringLiteral("server"), m_service, &ok, &output);
        QVERIFY2(left.isEmpty(),
                 QByteArray("test entries left in the keyring:\n" + output).constData());
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("text");
        QTest::addColumn<Status>("expected");
        const auto row = [](const char *name, QKeychain::Error e, const char *text, Status s) {
            QTest::newRow(name) << int(e) << QString::fromUtf8(text) << s;
        };
        row("no error", QKeychain::NoError, "", Status::Ok);
        row("entry not found", QKeychain::EntryNotFound, "Entry not found", Status::NotFound);
        row("no backend", QKeychain::NoBackendAvailable, "No keychain service available",
            Status::NoBackend);
        row("not implemented", QKeychain::NotImplemented, "Not implemented", Status::NoBackend);
        row("access denied", QKeychain::AccessDenied, "Access to keychain denied",
            Status::AccessDenied);
        row("denied by user", QKeychain::AccessDeniedByUser, "", Status::AccessDenied);
        row("could not delete", QKeychain::CouldNotDeleteEntry, "Could not delete",
            Status::OtherError);
        row("other, plain", QKeychain::OtherError, "Unknown error", Status::OtherError);
        // GDBus/libsecret texts, as QtKeychain passes them through under OtherError.
        row("service unknown", QKeychain::OtherError,
            "GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name "
            "org.freedesktop.secrets was not provided by any .service files",
            Status::NoBackend);
        row("kwallet not provided", QKeychain::OtherError,
            "Could not open wallet: org.freedesktop.DBus.Error.ServiceUnknown; The name "
            "org.kde.kwalletd5 was not provided by any .service files",
            Status::NoBackend);
        row("no such interface", QKeychain::OtherError,
            "GDBus.Error:org.freedesktop.DBus.Error.UnknownMethod: No such interface "
            "\"org.freedesktop.Secret.Service\" on object at path /org/freedesktop/secrets",
            Status::NoBackend);
        row("bogus bus address", QKeychain::OtherError,
            "Could not connect: No such file or directory", Status::NoBackend);
        row("no bus, no display", QKeychain::OtherError,
            "Cannot autolaunch D-Bus without X11 $DISPLAY", Status::NoBackend);
        row("kwallet no bus", QKeychain::OtherError, "D-Bus is not running", Status::NoBackend);
        row("locked collection", QKeychain::OtherError,
            "Cannot create an item in a locked collection", Status::AccessDenied);
        row("prompt dismissed", QKeychain::OtherError, "Prompt dismissed", Status::AccessDenied);
        row("already unlocked is not locked", QKeychain::OtherError, "Already unlocked",
            Status::OtherError);
        row("no login collection", QKeychain::OtherError,
            "Object does not exist at path \xe2\x80\x9c/org/freedesktop/secrets/collection/"
            "login\xe2\x80\x9d",
            Status::OtherError);
    }

    void errorMapping()
    {
        QFETCH(int, error);
        QFETCH(QString, text);
        QFETCH(Status, expected);
        QCOMPARE(KeychainTokenStore::statusFor(static_cast<QKeychain::Error>(error), text),
                 expected);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::newRow("api key") << QStringLiteral("sk-") + randomHex(16);
        QTest::newRow("unicode") << QString::fromUtf8("密钥-\xf0\x9f\x94\x91-") + randomHex(4);
        QTest::newRow("spaces and symbols") << QStringLiteral(" a b\t\"'%&=;\\ ") + randomHex(4);
        QTest::newRow("long") << QString(4096, QLatin1Char('x')) + randomHex(4);
    }

    void roundTrip()
    {
        QFETCH(QString, secret);
        KeychainTokenStore store(m_service);
        const QString k = key(QStringLiteral("roundtrip"));
        const auto w = writeKey(store, k, secret);
        QVERIFY2(w && w->ok(), describe(w).constData());
        QVERIFY(w->secret.isEmpty());
        QVERIFY(!w->details.contains(secret));

        const auto r = readKey(store, k);
        QVERIFY2(r && r->ok(), describe(r).constData());
        QVERIFY2(r->secret == secret, "read back a different secret");
        QVERIFY(r->userMessage().isEmpty());
    }

    void overwrite()
    {
        KeychainTokenStore store(m_service);
        const QString k = key(QStringLiteral("overwrite"));
        const QString first = randomHex(8), second = randomHex(8);
        QVERIFY(succeeded(writeKey(store, k, first)));
        const auto w = writeKey(store, k, second);
        QVERIFY2(w && w->ok(), describe(w).constData());
        const auto r = readKey(store, k);
        QVERIFY2(r && r->ok(), describe(r).constData());
        QVERIFY2(r->secret == second, "overwrite did not replace the secret");

        // Replaced, not added: one keyring item for this key.
        bool ok = false;
        QByteArray output;
        int items = 0;
        for (const auto &attrs :
             secretToolSearch(QStringLiteral("server"), m_service, &ok, &output)) {
            items += attrs.value(QStringLiteral("attribute.user")) == k ? 1 : 0;
        }
        QVERIFY2(ok, output.constData());
        QCOMPARE(items, 1);
    }

    void severalKeys()
    {
        KeychainTokenStore store(m_service);
        QHash<QString, QString> expected;
        for (int i = 0; i < 5; ++i)
            expected.insert(key(QStringLiteral("several%1").arg(i)), randomHex(12));
        // Started back to back: QtKeychain queues jobs, each still answers exactly once.
        QList<std::shared_ptr<Catcher>> catchers;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            catchers.append(std::make_shared<Catcher>());
            store.write(it.key(), it.value(), catchers.last().get(), catchers.last()->callback());
        }
        for (const auto &c : std::as_const(catchers)) {
            QTRY_COMPARE_WITH_TIMEOUT(c->calls, 1, JobTimeoutMs);
            QVERIFY2(c->result->ok(), describe(c->result).constData());
        }
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const auto r = readKey(store, it.key());
            QVERIFY2(r && r->ok(), describe(r).constData());
            QVERIFY2(r->secret == it.value(), "keys mixed up");
        }
        // Removing one leaves the others.
        const QString gone = expected.cbegin().key();
        QVERIFY(succeeded(removeKey(store, gone)));
        expected.remove(gone);
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const auto r = readKey(store, it.key());
            QVERIFY2(r && r->ok() && r->secret == it.value(), "remove touched another key");
        }
    }

    void removeThenReadIsNotFound()
    {
        KeychainTokenStore store(m_service);
        const QString k = key(QStringLiteral("remove"));
        QVERIFY(succeeded(writeKey(store, k, randomHex(8))));
        const auto d = removeKey(store, k);
        QVERIFY2(d && d->ok(), describe(d).constData());

        const auto r = readKey(store, k);
        QVERIFY(r);
        QCOMPARE(r->status, Status::NotFound);
        QVERIFY(r->secret.isEmpty());
        QVERIFY(!r->userMessage().isEmpty());

        // Removing what is not there is fine (idempotent), as libsecret reports it.
        const auto again = removeKey(store, k);
        QVERIFY(again);
        QCOMPARE(again->status, Status::Ok);
    }

    void readNeverWrittenIsNotFound()
    {
        KeychainTokenStore store(m_service);
        const auto r = readKey(store, key(QStringLiteral("never")));
        QVERIFY(r);
        QCOMPARE(r->status, Status::NotFound);
        QVERIFY(!r->details.isEmpty());
    }

    void secondInstanceReadsWhatFirstWrote()
    {
        const QString k = key(QStringLiteral("restart"));
        const QString secret = randomHex(12);
        {
            KeychainTokenStore first(m_service);
            const auto w = writeKey(first, k, secret);
            QVERIFY2(w && w->ok(), describe(w).constData());
        }
        KeychainTokenStore second(m_service);
        const auto r = readKey(second, k);
        QVERIFY2(r && r->ok(), describe(r).constData());
        QVERIFY2(r->secret == secret, "second instance read a different secret");

        // Another service name is another namespace.
        KeychainTokenStore other(m_service + QStringLiteral(".other"));
        const auto o = readKey(other, k);
        QVERIFY(o);
        QCOMPARE(o->status, Status::NotFound);
    }

    // A real restart: a separate process (fresh libsecret and QtKeychain state) reads it.
    void anotherProcessReadsWhatWeWrote()
    {
        if (childMode() == QLatin1String("readback")) {
            KeychainTokenStore store(qEnvironmentVariable("VEO_TST_SERVICE"));
            const auto r = readKey(store, qEnvironmentVariable("VEO_TST_KEY"));
            QVERIFY2(r && r->ok(), describe(r).constData());
            QVERIFY2(r->secret == qEnvironmentVariable("VEO_TST_EXPECT"),
                     "child read a different secret");
            return;
        }
        KeychainTokenStore store(m_service);
        const QString k = key(QStringLiteral("process"));
        const QString secret = randomHex(12);
        QVERIFY(succeeded(writeKey(store, k, secret)));

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VEO_TST_KEY"), k);
        env.insert(QStringLiteral("VEO_TST_EXPECT"), secret);
        const ProcessRun run = runChild(QStringLiteral("anotherProcessReadsWhatWeWrote"),
                                        QStringLiteral("readback"), env);
        QVERIFY2(run.finished && run.exitCode == 0, run.output.constData());
    }

    // What QtKeychain's libsecret backend really stores, seen by an independent client.
    void visibleToSecretTool()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty())
            QFAIL("secret-tool is missing (Debian: libsecret-tools); see tests/run-in-session.sh");
        KeychainTokenStore store(m_service);
        const QString k = key(QStringLiteral("secrettool"));
        const QString secret = randomHex(12);
        QVERIFY(succeeded(writeKey(store, k, secret)));

        bool ok = false;
        QByteArray output;
        const auto items = secretToolSearch(QStringLiteral("server"), m_service, &ok, &output);
        QVERIFY2(ok, output.constData());
        const auto it = std::find_if(items.cbegin(), items.cend(), [&](const auto &attrs) {
            return attrs.value(QStringLiteral("attribute.user")) == k;
        });
        QVERIFY2(
            it != items.cend(),
            QByteArray("no item with user=<key> under server=<service>:\n" + output).constData());
        // QtKeychain 0.13 schema "org.qt.keychain": server = service, user = key id.
        QCOMPARE(it->value(QStringLiteral("attribute.server")), m_service);
        QCOMPARE(it->value(QStringLiteral("attribute.type")), QStringLiteral("plaintext"));
        QCOMPARE(it->value(QStringLiteral("schema")), QStringLiteral("org.qt.keychain"));
        QCOMPARE(it->value(QStringLiteral("label")), m_service);

        const ProcessRun lookup = runProcess(QStringLiteral("secret-tool"),
                                             {QStringLiteral("lookup"), QStringLiteral("server"),
                                              m_service, QStringLiteral("user"), k});
        QVERIFY2(lookup.finished && lookup.exitCode == 0, "secret-tool lookup failed");
        QVERIFY2(QString::fromUtf8(lookup.output).trimmed() == secret,
                 "secret-tool sees a different secret");

        // And removal through the store really deletes the item.
        QVERIFY(succeeded(removeKey(store, k)));
        const auto after = secretToolSearch(QStringLiteral("user"), k, &ok, &output);
        QVERIFY2(after.isEmpty(), output.constData());
    }

    void callbackIsNeverInsideTheCall()
    {
        KeychainTokenStore store(m_service);
        Catcher catcher;
        store.read(key(QStringLiteral("async")), &catcher, catcher.callback());
        QCOMPARE(catcher.calls, 0);
        QTRY_COMPARE_WITH_TIMEOUT(catcher.calls, 1, JobTimeoutMs);
    }

    void destroyedContextGetsNoCallback()
    {
        KeychainTokenStore store(m_service);
        const QString k = key(QStringLiteral("context"));
        int calls = 0;
        {
            QObject context;
            store.write(k, randomHex(8), &context, [&calls](const TokenResult &) { ++calls; });
            store.read(k, &context, [&calls](const TokenResult &) { ++calls; });
        }
        // QtKeychain runs jobs one after another: when this one answers, those ran (unheard).
        const auto r = readKey(store, k);
        QVERIFY2(r && r->ok(), describe(r).constData());
        QCoreApplication::processEvents();
        QCOMPARE(calls, 0);
    }

    // No Secret Service: every operation must end (not hang) with NoBackend and a message.
    // The scenario runs in a child process, because GDBus, libsecret and QtKeychain cache
    // the session bus and the backend choice for the life of a process.
    void noSecretService_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("bogus bus address") << QStringLiteral("bogus");
        QTest::newRow("no bus, no display") << QStringLiteral("nobus");
        QTest::newRow("bus without secret service") << QStringLiteral("barebus");
        // GLib translates "Could not connect" and friends: the mapping must not depend on them.
        QTest::newRow("bogus bus address, zh_CN") << QStringLiteral("bogus-zh");
        QTest::newRow("no bus, no display, zh_CN") << QStringLiteral("nobus-zh");
    }

    void noSecretService()
    {
        QFETCH(QString, scenario);
        if (!childMode().isEmpty()) {
            KeychainTokenStore store(qEnvironmentVariable("VEO_TST_SERVICE"));
            const QString secret = randomHex(8);
            const QString k = QStringLiteral("nobackend");
            const auto w = writeKey(store, k, secret);
            const auto r = readKey(store, k);
            const auto d = removeKey(store, k);
            for (const auto &[op, result] : {std::pair{"write", w}, {"read", r}, {"remove", d}}) {
                QVERIFY2(result, op);
                qInfo("observed %s: status %d, details \"%s\"", op, int(result->status),
                      qUtf8Printable(result->details));
                QVERIFY(!result->details.contains(secret));
                QVERIFY(!result->userMessage().isEmpty());
                QVERIFY2(result->status == Status::NoBackend, op);
            }
            return;
        }

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        QTemporaryDir runtimeDir; // empty: no $XDG_RUNTIME_DIR/bus to fall back to
        QVERIFY(runtimeDir.isValid());
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir.path());
        if (scenario.endsWith(QLatin1String("-zh"))) {
            const QString locales = zhLocalePath();
            if (locales.isEmpty())
                QSKIP("localedef cannot build zh_CN.UTF-8 here (Debian: locales)");
            env.insert(QStringLiteral("LOCPATH"), locales);
            env.insert(QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8"));
            env.remove(QStringLiteral("LANGUAGE"));
        }
        QProcess bus;
        if (scenario.startsWith(QLatin1String("bogus"))) {
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=/nonexistent/veo-test-bus"));
        } else if (scenario.startsWith(QLatin1String("nobus"))) {
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
            env.remove(QStringLiteral("DISPLAY"));
            env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        } else {
            QFile config(runtimeDir.filePath(QStringLiteral("bus.conf")));
            QVERIFY(config.open(QIODevice::WriteOnly));
            config.write(QString::fromLatin1(BareBusConfig).arg(runtimeDir.path()).toUtf8());
            config.close();
            bus.start(QStringLiteral("dbus-daemon"),
                      {QStringLiteral("--nofork"), QStringLiteral("--print-address"),
                       QStringLiteral("--config-file=") + config.fileName()});
            QVERIFY2(bus.waitForStarted(10000), "cannot start dbus-daemon (Debian: dbus)");
            QTRY_VERIFY_WITH_TIMEOUT(bus.canReadLine(), 10000);
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QString::fromUtf8(bus.readLine().trimmed()));
        }
        const ProcessRun run = runChild(QStringLiteral("noSecretService:") +
                                            QString::fromUtf8(QTest::currentDataTag()),
                                        scenario, env);
        if (bus.state() != QProcess::NotRunning) {
            bus.terminate();
            if (!bus.waitForFinished(5000))
                bus.kill();
        }
        QVERIFY2(run.finished, QByteArray("child hung:\n" + run.output).constData());
        QVERIFY2(run.exitCode == 0, run.output.constData());
        for (const QByteArray &line : run.output.split('\n')) {
            if (const qsizetype at = line.indexOf("observed "); at >= 0)
                qInfo("child %s", line.mid(at).constData());
        }
        if (scenario.endsWith(QLatin1String("-zh")) &&
            !run.output.contains(QString::fromUtf8("无法").toUtf8())) {
            QSKIP("GLib's zh_CN messages are not installed (libglib2.0-data): not exercised");
        }
    }
};

QTEST_GUILESS_MAIN(tst_KeychainTokenStore)
#include "tst_keychaintokenstore.moc"
