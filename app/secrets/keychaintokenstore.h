#pragma once

#include "tokenstore.h"

namespace veo {

// QtKeychain (Secret Service on Linux). One entry per key id under the service name
// VEO_APP_ID; the insecure plaintext fallback stays off. A fresh auto-deleting job per call.
class KeychainTokenStore final : public TokenStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainTokenStore)

public:
    explicit KeychainTokenStore(const QString &service = QStringLiteral(VEO_APP_ID),
                                QObject *parent = nullptr);

    void read(const QString &keyId, QObject *context, Callback done) override;
    void write(const QString &keyId, const QString &secret, QObject *context,
               Callback done) override;
    void remove(const QString &keyId, QObject *context, Callback done) override;

private:
    QString m_service;
};

} // namespace veo
