#pragma once

#include "tokenstore.h"

#include <QHash>
#include <chrono>

namespace veo {

// Session-only secrets (never written anywhere): the fallback when no keychain is reachable,
// and a fast fake for unit tests. Can simulate a backend failure.
class MemoryTokenStore final : public TokenStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryTokenStore)

public:
    using TokenStore::TokenStore;

    void read(const QString &keyId, QObject *context, Callback done) override;
    void write(const QString &keyId, const QString &secret, QObject *context,
               Callback done) override;
    void remove(const QString &keyId, QObject *context, Callback done) override;

    // Every following call fails with this status (Ok = behave normally).
    void setFailure(TokenResult::Status status) { m_failure = status; }
    // Every following call answers after this long (a slow keychain); 0 = at once, queued.
    void setReplyDelay(std::chrono::milliseconds delay) { m_delay = delay; }

private:
    void reply(QObject *context, Callback done, TokenResult result);
    QHash<QString, QString> m_secrets;
    TokenResult::Status m_failure = TokenResult::Status::Ok;
    std::chrono::milliseconds m_delay{0};
};

} // namespace veo
