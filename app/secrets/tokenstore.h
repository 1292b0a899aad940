#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace veo {

struct TokenResult
{
    enum class Status {
        Ok,
        NotFound,     // no entry for this key id
        NoBackend,    // no Secret Service / keychain reachable
        AccessDenied, // keyring locked, or the user refused
        Cancelled,
        OtherError,
    };
    Status status = Status::Ok;
    QString secret;  // only for a successful read
    QString details; // backend's own (English) text, for logs and details; never a secret

    bool ok() const { return status == Status::Ok; }
    // Translated: what happened and what to do (install/start a Secret Service, unlock, ...).
    QString userMessage() const;
};

// Asynchronous secret storage keyed by a stable key id. Callbacks run later on the caller's
// thread (never inside the call), and are dropped if the context object is destroyed.
class TokenStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    using Callback = std::function<void(const TokenResult &)>;
    using QObject::QObject;
    ~TokenStore() override = default;

    virtual void read(const QString &keyId, QObject *context, Callback done) = 0;
    virtual void write(const QString &keyId, const QString &secret, QObject *context,
                       Callback done) = 0;
    virtual void remove(const QString &keyId, QObject *context, Callback done) = 0;
};

} // namespace veo
