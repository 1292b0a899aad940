#pragma once

#include "tokenstore.h"

#include <qt6keychain/keychain.h>

namespace veo {

// QtKeychain (Secret Service on Linux). One entry per key id under the service name
// VEO_APP_ID; the insecure plaintext fallback stays off. A fresh auto-deleting job per call.
// With QtKeychain 0.13 + libsecret an entry is an item of schema "org.qt.keychain" in the
// default collection, attributes server=<service> user=<keyId> type=plaintext, label=<service>
// (so `secret-tool lookup server <service> user <keyId>` finds it).
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

    // QtKeychain's error plus its text -> our status. The libsecret backend reports every D-Bus
    // failure (no bus, no Secret Service) as OtherError, so the text decides those; when GLib
    // has translated that text, the job callback also checks whether a session bus exists.
    static TokenResult::Status statusFor(QKeychain::Error error, const QString &errorString);

private:
    QString m_service;
};

} // namespace veo
