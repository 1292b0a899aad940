#include "memorytokenstore.h"

#include <QTimer>

namespace veo {

void MemoryTokenStore::read(const QString &keyId, QObject *context, Callback done)
{
    TokenResult result;
    if (m_failure != TokenResult::Status::Ok) {
        result.status = m_failure;
        result.details = QStringLiteral("Simulated failure (MemoryTokenStore::setFailure)");
    } else if (const auto it = m_secrets.constFind(keyId); it != m_secrets.cend()) {
        result.secret = it.value();
    } else {
        result.status = TokenResult::Status::NotFound;
        result.details = QStringLiteral("No session-only key with this id");
    }
    reply(context, std::move(done), std::move(result));
}

void MemoryTokenStore::write(const QString &keyId, const QString &secret, QObject *context,
                             Callback done)
{
    TokenResult result;
    if (m_failure != TokenResult::Status::Ok) {
        result.status = m_failure;
        result.details = QStringLiteral("Simulated failure (MemoryTokenStore::setFailure)");
    } else {
        m_secrets.insert(keyId, secret);
    }
    reply(context, std::move(done), std::move(result));
}

void MemoryTokenStore::remove(const QString &keyId, QObject *context, Callback done)
{
    TokenResult result;
    if (m_failure != TokenResult::Status::Ok) {
        result.status = m_failure;
        result.details = QStringLiteral("Simulated failure (MemoryTokenStore::setFailure)");
    } else {
        // Removing a missing key is not an error, as with the keychain.
        m_secrets.remove(keyId);
    }
    reply(context, std::move(done), std::move(result));
}

void MemoryTokenStore::reply(QObject *context, Callback done, TokenResult result)
{
    // Queued like a real backend, so callers never see a callback inside their own call; a
    // queued call (or timer) to a destroyed context is discarded with it.
    auto answer = [done = std::move(done), result = std::move(result)] {
        if (done)
            done(result);
    };
    if (m_delay.count() > 0) {
        QTimer::singleShot(m_delay, context ? context : this, std::move(answer));
    } else {
        QMetaObject::invokeMethod(context ? context : this, std::move(answer),
                                  Qt::QueuedConnection);
    }
}

} // namespace veo
