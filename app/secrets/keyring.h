#pragma once

#include "tokenstore.h"

#include <QObject>
#include <QString>

namespace veo {

// The API keys this run can use, with their secrets held in memory only. Secrets are read
// from the TokenStore (OS keychain) at start; KIE_API_KEY from the environment is a
// session-only key that is never stored. Each task names its key by id; "" = the default.
class KeyRing final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyRing)

public:
    enum class State { Loading, Ready, NoKey, Unavailable };
    // Id of the key kept in the keychain, and of the session-only environment key.
    static inline const QString DefaultKeyId = QStringLiteral("default");
    static inline const QString SessionKeyId = QStringLiteral("session");

    explicit KeyRing(TokenStore *store, QObject *parent = nullptr);

    // A key used for this run only (KIE_API_KEY, --demo, or no keychain); it wins over the
    // stored one and is never written anywhere.
    void setSessionKey(const QString &secret);
    // Reads the default key from the store; emits stateChanged when done.
    void load();
    // Stores a secret as the default key (keychain), then uses it. done gets the outcome.
    void storeDefault(const QString &secret, TokenStore::Callback done);
    void cancel();

    State state() const { return m_state; }
    TokenResult lastResult() const { return m_lastResult; }
    bool hasKey() const { return !currentSecret().isEmpty(); }
    bool isSessionOnly() const { return !m_session.isEmpty(); }
    // The secret for a task's key id ("" = default); empty when unavailable.
    QString token(const QString &keyId) const;
    // Last four characters, for display ("…abcd").
    QString hint() const;

Q_SIGNALS:
    void stateChanged(veo::KeyRing::State state);

private:
    QString currentSecret() const { return m_session.isEmpty() ? m_stored : m_session; }
    void setState(State state);

    TokenStore *m_store;
    QObject *m_jobContext = nullptr; // parent of in-flight jobs' callbacks; deleted on cancel
    QString m_stored;
    QString m_session;
    State m_state = State::Loading;
    TokenResult m_lastResult;
};

} // namespace veo
