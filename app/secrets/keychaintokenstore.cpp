#include "keychaintokenstore.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <dlfcn.h>
#include <functional>
#include <memory>

namespace veo {

namespace {

// A fresh, self-deleting job per call. No QObject parent on purpose: libsecret keeps a raw
// pointer to the job until its D-Bus call returns, so the job must outlive any owner of ours
// and delete itself after `finished` (autoDelete).
template <typename Job> std::unique_ptr<Job> makeJob(const QString &service, const QString &keyId)
{
    auto job = std::make_unique<Job>(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext copy in QSettings
    job->setKey(keyId);
    return job;
}

// GLib's D-Bus errors are translated (a zh_CN user sees "无法连接：..."), so the texts in
// statusFor() miss them there. This checks the same places GDBus looks for the session bus and
// says "certainly none" only when every one of them is absent.
bool sessionBusCertainlyMissing()
{
    const QByteArray address = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    if (!address.isEmpty()) {
        for (const QByteArray &entry : address.split(';')) {
            if (!entry.startsWith("unix:path="))
                return false; // abstract socket, tcp, ...: cannot tell from here
            const QByteArray path =
                QByteArray::fromPercentEncoding(entry.mid(10).split(',').constFirst());
            if (QFileInfo::exists(QFile::decodeName(path)))
                return false;
        }
        return true;
    }
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtimeDir.isEmpty() && QFileInfo::exists(runtimeDir + QStringLiteral("/bus")))
        return false;
    return qEnvironmentVariableIsEmpty("DISPLAY"); // else GDBus may autolaunch a bus
}

// libsecret keeps one SecretService proxy per process: its D-Bus connection and the session
// that wraps secrets in transfer. When the keyring daemon restarts, that session is gone ("The
// session wrapping the secret does not exist"); when the session bus restarts, the connection
// is closed. Either way every later call failed until the app was restarted. Dropping the proxy
// makes the next call connect afresh. QtKeychain loads libsecret at run time: look it up there
// (nothing to do when it is not loaded, or is too old to have the call).
void forgetSecretService()
{
    void *library = dlopen("libsecret-1.so.0", RTLD_LAZY | RTLD_NOLOAD);
    if (!library) {
        return;
    }
    using Disconnect = void (*)();
    if (auto disconnect =
            reinterpret_cast<Disconnect>(dlsym(library, "secret_service_disconnect"))) {
        disconnect();
    }
    dlclose(library);
}

// libsecret talks over GDBus's shared session-bus connection, which GLib creates with
// "exit-on-close": when the session bus goes away, GLib raises SIGTERM and the app is gone,
// with the user's downloads and unsaved answers. Turn that off on the shared connection
// (g_bus_get returns the one libsecret uses, creating it if needed). GIO is looked up at run
// time, as QtKeychain loads libsecret: the app does not link GLib's D-Bus itself.
void keepRunningWhenTheBusCloses()
{
    using AsyncReady = void (*)(void *source, void *result, void *data);
    using BusGet = void (*)(int busType, void *cancellable, AsyncReady callback, void *data);
    using BusGetFinish = void *(*)(void *result, void **error);
    using SetExitOnClose = void (*)(void *connection, int exitOnClose);
    using Unref = void (*)(void *object);
    struct Gio
    {
        BusGet busGet = nullptr;
        BusGetFinish busGetFinish = nullptr;
        SetExitOnClose setExitOnClose = nullptr;
        Unref unref = nullptr;
    };
    static const Gio gio = [] {
        Gio g;
        if (void *library = dlopen("libgio-2.0.so.0", RTLD_LAZY)) { // kept: never unloaded
            g.busGet = reinterpret_cast<BusGet>(dlsym(library, "g_bus_get"));
            g.busGetFinish = reinterpret_cast<BusGetFinish>(dlsym(library, "g_bus_get_finish"));
            g.setExitOnClose = reinterpret_cast<SetExitOnClose>(
                dlsym(library, "g_dbus_connection_set_exit_on_close"));
            g.unref = reinterpret_cast<Unref>(dlsym(library, "g_object_unref"));
        }
        return g;
    }();
    if (!gio.busGet || !gio.busGetFinish || !gio.setExitOnClose || !gio.unref) {
        return;
    }
    constexpr int SessionBus = 2; // G_BUS_TYPE_SESSION
    // Asynchronous: never blocks the caller on a bus that is slow to answer. The callback runs
    // from GLib's main context, which Qt's event loop dispatches.
    gio.busGet(
        SessionBus, nullptr,
        [](void *, void *result, void *) {
            if (void *connection = gio.busGetFinish(result, nullptr)) { // null: no bus
                gio.setExitOnClose(connection, 0);
                gio.unref(connection);
            }
        },
        nullptr);
}

// A failure that a fresh connection to the Secret Service may cure. Not a timeout: that was a
// daemon that is there but did not answer (waiting for an unlock prompt), and asking again
// would make the user wait as long once more.
bool worthReconnecting(const TokenResult &result)
{
    return (result.status == TokenResult::Status::OtherError ||
            result.status == TokenResult::Status::NoBackend) &&
           !result.details.contains(QLatin1String("Timeout"), Qt::CaseInsensitive);
}

template <typename Job, typename OnOk>
void start(std::unique_ptr<Job> job, QObject *context, TokenStore::Callback done, OnOk onOk)
{
    QObject::connect(
        job.get(), &QKeychain::Job::finished, context,
        [done = std::move(done), onOk](QKeychain::Job *finished) {
            TokenResult result;
            result.status =
                KeychainTokenStore::statusFor(finished->error(), finished->errorString());
            if (result.status == TokenResult::Status::OtherError && sessionBusCertainlyMissing()) {
                result.status = TokenResult::Status::NoBackend;
            }
            if (result.ok())
                onOk(static_cast<Job &>(*finished), result);
            else
                result.details = finished->errorString();
            if (done)
                done(result);
        });
    // Before the job: a connection this makes is the one the job uses. (Not after a job: the
    // pending call would hold a closed connection alive, and a retry would get it again.)
    keepRunningWhenTheBusCloses();
    job.release()->start(); // queued: `finished` never fires inside this call
}

bool matchesAny(const QString &text, std::initializer_list<QLatin1StringView> needles)
{
    for (const auto needle : needles) {
        if (text.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Runs a job; when it fails in a way a new connection may cure, once more on a new one.
using Attempt = std::function<void(QObject *context, TokenStore::Callback done)>;
void withReconnect(const Attempt &attempt, QObject *context, TokenStore::Callback done)
{
    attempt(context, [attempt, context, done = std::move(done)](const TokenResult &result) {
        // Called through a connection to context: it is alive here.
        if (result.ok() || !worthReconnecting(result)) {
            if (done)
                done(result);
            return;
        }
        forgetSecretService();
        attempt(context, done);
    });
}

} // namespace

KeychainTokenStore::KeychainTokenStore(const QString &service, QObject *parent)
    : TokenStore(parent), m_service(service)
{
}

void KeychainTokenStore::read(const QString &keyId, QObject *context, Callback done)
{
    const QString service = m_service;
    const Attempt attempt = [service, keyId](QObject *ctx, Callback cb) {
        start(makeJob<QKeychain::ReadPasswordJob>(service, keyId), ctx, std::move(cb),
              [](QKeychain::ReadPasswordJob &job, TokenResult &result) {
                  result.secret = job.textData();
              });
    };
    withReconnect(attempt, context ? context : this, std::move(done));
}

void KeychainTokenStore::write(const QString &keyId, const QString &secret, QObject *context,
                               Callback done)
{
    const QString service = m_service;
    const Attempt attempt = [service, keyId, secret](QObject *ctx, Callback cb) {
        auto job = makeJob<QKeychain::WritePasswordJob>(service, keyId);
        job->setTextData(secret);
        start(std::move(job), ctx, std::move(cb),
              [](QKeychain::WritePasswordJob &, TokenResult &) {});
    };
    withReconnect(attempt, context ? context : this, std::move(done));
}

void KeychainTokenStore::remove(const QString &keyId, QObject *context, Callback done)
{
    // libsecret reports success when nothing matched, so removing a missing key is Ok.
    const QString service = m_service;
    const Attempt attempt = [service, keyId](QObject *ctx, Callback cb) {
        start(makeJob<QKeychain::DeletePasswordJob>(service, keyId), ctx, std::move(cb),
              [](QKeychain::DeletePasswordJob &, TokenResult &) {});
    };
    withReconnect(attempt, context ? context : this, std::move(done));
}

TokenResult::Status KeychainTokenStore::statusFor(QKeychain::Error error,
                                                  const QString &errorString)
{
    using Status = TokenResult::Status;
    switch (error) {
    case QKeychain::NoError:
        return Status::Ok;
    case QKeychain::EntryNotFound:
        return Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Status::NoBackend;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Status::AccessDenied;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }

    // GLib/GDBus texts as libsecret passes them on: no session bus at all, or a bus without
    // anything owning org.freedesktop.secrets (and not activatable).
    if (matchesAny(errorString, {QLatin1StringView("ServiceUnknown"),
                                 QLatin1StringView("org.freedesktop.secrets was not provided"),
                                 QLatin1StringView("not provided by any .service"),
                                 QLatin1StringView("No such interface"),
                                 QLatin1StringView("Cannot autolaunch D-Bus"),
                                 QLatin1StringView("Could not connect:"),
                                 QLatin1StringView("Cannot spawn a message bus"),
                                 QLatin1StringView("The connection is closed"),
                                 QLatin1StringView("D-Bus is not running")})) {
        return Status::NoBackend;
    }
    // "Cannot create an item in a locked collection", "Prompt dismissed"; a whole-word match
    // so that "Already unlocked" does not count.
    static const QRegularExpression locked(QStringLiteral("\\blocked\\b|prompt dismissed"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (errorString.contains(locked))
        return Status::AccessDenied;
    return Status::OtherError;
}

} // namespace veo
