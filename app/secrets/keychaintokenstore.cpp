#include "keychaintokenstore.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
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

} // namespace

KeychainTokenStore::KeychainTokenStore(const QString &service, QObject *parent)
    : TokenStore(parent), m_service(service)
{
}

void KeychainTokenStore::read(const QString &keyId, QObject *context, Callback done)
{
    start(makeJob<QKeychain::ReadPasswordJob>(m_service, keyId), context ? context : this,
          std::move(done), [](QKeychain::ReadPasswordJob &job, TokenResult &result) {
              result.secret = job.textData();
          });
}

void KeychainTokenStore::write(const QString &keyId, const QString &secret, QObject *context,
                               Callback done)
{
    auto job = makeJob<QKeychain::WritePasswordJob>(m_service, keyId);
    job->setTextData(secret);
    start(std::move(job), context ? context : this, std::move(done),
          [](QKeychain::WritePasswordJob &, TokenResult &) {});
}

void KeychainTokenStore::remove(const QString &keyId, QObject *context, Callback done)
{
    // libsecret reports success when nothing matched, so removing a missing key is Ok.
    start(makeJob<QKeychain::DeletePasswordJob>(m_service, keyId), context ? context : this,
          std::move(done), [](QKeychain::DeletePasswordJob &, TokenResult &) {});
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
