#include "keyring.h"

namespace veo {

KeyRing::KeyRing(TokenStore *store, QObject *parent) : QObject(parent), m_store(store)
{
    m_jobContext = new QObject(this);
}

void KeyRing::setSessionKey(const QString &secret)
{
    m_session = secret.trimmed();
    setState(m_session.isEmpty() ? State::NoKey : State::Ready);
}

void KeyRing::load()
{
    if (!m_session.isEmpty()) {
        setState(State::Ready);
        return;
    }
    setState(State::Loading);
    m_store->read(DefaultKeyId, m_jobContext, [this](const TokenResult &result) {
        m_lastResult = result;
        switch (result.status) {
        case TokenResult::Status::Ok:
            m_stored = result.secret;
            setState(m_stored.isEmpty() ? State::NoKey : State::Ready);
            break;
        case TokenResult::Status::NotFound:
            setState(State::NoKey);
            break;
        default:
            setState(State::Unavailable);
        }
    });
}

void KeyRing::storeDefault(const QString &secret, TokenStore::Callback done)
{
    const QString trimmed = secret.trimmed();
    m_store->write(DefaultKeyId, trimmed, m_jobContext,
                   [this, trimmed, done = std::move(done)](const TokenResult &result) {
                       m_lastResult = result;
                       if (result.ok()) {
                           m_stored = trimmed;
                           setState(State::Ready);
                       }
                       done(result);
                   });
}

void KeyRing::cancel()
{
    // Dropping the context drops the pending callbacks; the jobs finish on their own.
    delete m_jobContext;
    m_jobContext = new QObject(this);
    if (m_state == State::Loading) {
        m_lastResult = {TokenResult::Status::Cancelled, {}, {}};
        setState(State::Unavailable);
    }
}

QString KeyRing::token(const QString &keyId) const
{
    if (keyId.isEmpty() || keyId == DefaultKeyId || keyId == SessionKeyId) {
        return currentSecret();
    }
    return {}; // named keys arrive with key profiles
}

QString KeyRing::hint() const
{
    const QString s = currentSecret();
    return s.size() < 8 ? QString() : QStringLiteral("…") + s.right(4);
}

void KeyRing::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace veo
