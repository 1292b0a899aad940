#include "keyring.h"

#include <QDateTime>
#include <QUuid>
#include <utility>

namespace veo {

namespace {

TokenResult cancelledResult()
{
    return {TokenResult::Status::Cancelled, {}, {}};
}

} // namespace

KeyRing::KeyRing(TokenStore *store, KeyProfileStore *metadata, QObject *parent)
    : QObject(parent), m_store(store), m_metadata(metadata)
{
}

KeyRing::~KeyRing() = default;

void KeyRing::setSessionKey(const QString &secret)
{
    const QString trimmed = secret.trimmed();
    if (const qsizetype i = indexOf(SessionKeyId); i >= 0) {
        m_profiles.removeAt(i);
    }
    m_secrets.remove(SessionKeyId);
    m_sessionDefault = !trimmed.isEmpty();
    if (!trimmed.isEmpty()) {
        KeyProfile p;
        p.id = SessionKeyId;
        //: Label of the API key given for this run only (KIE_API_KEY), never stored
        p.label = tr("Session key");
        p.hint = keyHintFor(trimmed);
        p.sessionOnly = true;
        p.addedAt = QDateTime::currentDateTimeUtc();
        m_profiles.prepend(p);
        m_secrets.insert(SessionKeyId, trimmed);
    }
    chooseDefault();
    Q_EMIT profilesChanged();
    updateState();
    setState(m_state, true); // callers wait for this signal (as before key profiles)
}

void KeyRing::loadProfiles()
{
    readProfiles();
    Q_EMIT profilesChanged();
}

void KeyRing::readProfiles()
{
    // Forget stored keys read earlier; keep the session key.
    QList<KeyProfile> profiles;
    if (const qsizetype i = indexOf(SessionKeyId); i >= 0) {
        profiles.append(m_profiles.at(i));
    }
    if (m_metadata) {
        profiles.append(m_metadata->loadAll());
    } else {
        for (const KeyProfile &p : std::as_const(m_profiles)) {
            if (!p.sessionOnly) {
                profiles.append(p);
            }
        }
    }
    m_profiles = profiles;
    const QString session = m_secrets.value(SessionKeyId);
    m_secrets.clear();
    if (!session.isEmpty()) {
        m_secrets.insert(SessionKeyId, session);
    }
    chooseDefault();
}

void KeyRing::load()
{
    readProfiles();
    ++m_loadGeneration; // answers to an earlier load() are ignored
    m_loadFailed = false;
    m_lastResult = {};
    m_reads = 0;
    QStringList stored;
    for (const KeyProfile &p : std::as_const(m_profiles)) {
        if (!p.sessionOnly) {
            stored.append(p.id);
        }
    }
    if (stored.isEmpty()) {
        ++m_reads;
        adoptLegacyKey();
    } else {
        for (const QString &id : std::as_const(stored)) {
            ++m_reads;
            readSecret(id);
        }
    }
    // The jobs answer later, never inside their call: isLoading() is true from here on.
    Q_EMIT profilesChanged();
    updateState();
    setState(m_state, true);
}

void KeyRing::readSecret(const QString &keyId)
{
    const quint64 job = begin(nullptr, {});
    m_store->read(
        keyId, this, [this, job, keyId, gen = m_loadGeneration](const TokenResult &result) {
            if (!finish(job) || gen != m_loadGeneration) {
                return;
            }
            --m_reads;
            const qsizetype i = indexOf(keyId);
            if (i >= 0) {
                KeyProfile &p = m_profiles[i];
                if (result.ok() && !result.secret.isEmpty()) {
                    m_secrets.insert(keyId, result.secret);
                    const QString hint = keyHintFor(result.secret);
                    if (p.health == KeyHealth::MissingEntry || p.hint != hint) {
                        p.hint = hint;
                        if (p.health == KeyHealth::MissingEntry) {
                            p.health = KeyHealth::Unchecked;
                        }
                        persist(p);
                    }
                } else if (result.ok() || result.status == TokenResult::Status::NotFound) {
                    p.health = KeyHealth::MissingEntry;
                    p.healthDetail.clear();
                    persist(p);
                } else {
                    m_loadFailed = true;
                    m_lastResult = result;
                }
            }
            if (m_reads == 0) {
                loadFinished();
            }
        });
}

void KeyRing::adoptLegacyKey()
{
    // Before key profiles, one key was stored under the id "default". Adopt it once.
    const quint64 job = begin(nullptr, {});
    m_store->read(
        DefaultKeyId, this, [this, job, gen = m_loadGeneration](const TokenResult &result) {
            if (!finish(job) || gen != m_loadGeneration) {
                return;
            }
            --m_reads;
            if (result.ok() && !result.secret.trimmed().isEmpty() && indexOf(DefaultKeyId) < 0) {
                KeyProfile p;
                p.id = DefaultKeyId;
                //: Label given to the API key that was stored before keys had names
                p.label = tr("Default key");
                p.hint = keyHintFor(result.secret.trimmed());
                p.addedAt = QDateTime::currentDateTimeUtc();
                m_profiles.append(p);
                m_secrets.insert(DefaultKeyId, result.secret.trimmed());
                chooseDefault();
                persist(m_profiles.last());
            } else if (!result.ok() && result.status != TokenResult::Status::NotFound) {
                m_loadFailed = true;
                m_lastResult = result;
            }
            loadFinished();
        });
}

void KeyRing::loadFinished()
{
    chooseDefault();
    Q_EMIT profilesChanged();
    updateState();
}

void KeyRing::cancel()
{
    const QHash<quint64, Pending> pending = std::exchange(m_pending, {});
    for (const Pending &p : pending) {
        if (!p.cancelled || (p.hasContext && !p.context)) {
            continue;
        }
        QObject *context = p.hasContext ? p.context.data() : this;
        QMetaObject::invokeMethod(
            context, [done = p.cancelled] { done(cancelledResult()); }, Qt::QueuedConnection);
    }
    if (!pending.isEmpty()) {
        Q_EMIT busyChanged(false);
    }
    if (m_reads > 0) {
        m_reads = 0;
        m_lastResult = cancelledResult();
        m_loadFailed = true;
        Q_EMIT profilesChanged();
        updateState();
    }
}

void KeyRing::addKey(const QString &label, const QString &secret, KeyHealth health,
                     std::optional<qint64> credits, QObject *context, AddCallback done)
{
    const QString trimmed = secret.trimmed();
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    KeyProfile p;
    p.id = id;
    p.label = label.trimmed();
    p.hint = keyHintFor(trimmed);
    p.health = health;
    p.credits = credits;
    if (credits) {
        p.creditsCheckedAt = QDateTime::currentDateTimeUtc();
    }
    p.addedAt = QDateTime::currentDateTimeUtc();

    const quint64 job = begin(context, [done](const TokenResult &r) {
        if (done) {
            done(r, {});
        }
    });
    m_store->write(id, trimmed, this, [this, job, p, trimmed, done](const TokenResult &result) {
        bool alive = true;
        if (!finish(job, &alive)) {
            if (result.ok()) {
                m_store->remove(p.id, this, {}); // cancelled: leave nothing behind
            }
            return;
        }
        if (!result.ok()) {
            m_lastResult = result;
            if (alive && done) {
                done(result, {});
            }
            return;
        }
        KeyProfile added = p;
        added.isDefault = usableKeyIds().isEmpty() &&
                          std::none_of(m_profiles.cbegin(), m_profiles.cend(),
                                       [](const KeyProfile &k) { return !k.sessionOnly; });
        if (m_metadata && !m_metadata->save(added)) {
            m_store->remove(p.id, this, {});
            TokenResult failed{TokenResult::Status::OtherError,
                               {},
                               QStringLiteral("could not save the key's details: ") +
                                   m_metadata->errorString()};
            if (alive && done) {
                done(failed, {});
            }
            return;
        }
        m_profiles.append(added);
        m_secrets.insert(p.id, trimmed);
        if (added.isDefault) {
            m_sessionDefault = false;
        }
        chooseDefault();
        Q_EMIT profilesChanged();
        updateState();
        if (alive && done) {
            done(result, p.id);
        }
    });
}

void KeyRing::removeKey(const QString &keyId, QObject *context, TokenStore::Callback done)
{
    const QString id = resolve(keyId);
    const auto later = [this, context](TokenStore::Callback cb, TokenResult r) {
        QMetaObject::invokeMethod(
            context ? context : this,
            [cb = std::move(cb), r] {
                if (cb) {
                    cb(r);
                }
            },
            Qt::QueuedConnection);
    };
    if (id == SessionKeyId) {
        setSessionKey({});
        later(std::move(done), {});
        return;
    }
    if (indexOf(id) < 0) {
        later(std::move(done), {TokenResult::Status::NotFound, {}, {}});
        return;
    }
    const quint64 job = begin(context, done);
    m_store->remove(id, this, [this, job, id, done](const TokenResult &result) {
        bool alive = true;
        if (!finish(job, &alive)) {
            return;
        }
        if (result.ok()) {
            if (m_metadata) {
                m_metadata->remove(id);
            }
            if (const qsizetype i = indexOf(id); i >= 0) {
                m_profiles.removeAt(i);
            }
            m_secrets.remove(id);
            chooseDefault();
            Q_EMIT profilesChanged();
            updateState();
        } else {
            m_lastResult = result;
        }
        if (alive && done) {
            done(result);
        }
    });
}

bool KeyRing::renameKey(const QString &keyId, const QString &label)
{
    const qsizetype i = indexOf(resolve(keyId));
    const QString trimmed = label.trimmed();
    if (i < 0 || trimmed.isEmpty()) {
        return false;
    }
    KeyProfile &p = m_profiles[i];
    if (p.label == trimmed) {
        return true;
    }
    const QString old = std::exchange(p.label, trimmed);
    if (!p.sessionOnly && m_metadata && !m_metadata->save(p)) {
        m_profiles[i].label = old;
        return false;
    }
    Q_EMIT profilesChanged();
    return true;
}

bool KeyRing::setDefaultKey(const QString &keyId)
{
    const qsizetype i = indexOf(keyId);
    if (i < 0) {
        return false;
    }
    if (m_profiles.at(i).sessionOnly) {
        m_sessionDefault = true;
    } else {
        if (m_metadata && !m_metadata->setDefault(keyId)) {
            return false;
        }
        m_sessionDefault = false;
        for (KeyProfile &p : m_profiles) {
            p.isDefault = p.id == keyId;
        }
    }
    chooseDefault();
    Q_EMIT profilesChanged();
    updateState();
    return true;
}

void KeyRing::storeDefault(const QString &secret, TokenStore::Callback done)
{
    const QString trimmed = secret.trimmed();
    qsizetype target = -1;
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (!m_profiles.at(i).sessionOnly && (target < 0 || m_profiles.at(i).isDefault)) {
            target = i;
        }
    }
    if (target < 0) {
        //: Label given to an API key entered in the simple "API key" dialog
        addKey(tr("Default key"), trimmed, KeyHealth::Unchecked, std::nullopt, nullptr,
               [done = std::move(done)](const TokenResult &r, const QString &) {
                   if (done) {
                       done(r);
                   }
               });
        return;
    }
    const QString id = m_profiles.at(target).id;
    const quint64 job = begin(nullptr, done);
    m_store->write(id, trimmed, this, [this, job, id, trimmed, done](const TokenResult &result) {
        if (!finish(job)) {
            return;
        }
        m_lastResult = result;
        if (const qsizetype i = indexOf(id); i >= 0 && result.ok()) {
            KeyProfile &p = m_profiles[i];
            p.hint = keyHintFor(trimmed);
            p.health = KeyHealth::Unchecked;
            p.healthDetail.clear();
            p.credits.reset();
            p.creditsCheckedAt = {};
            m_secrets.insert(id, trimmed);
            persist(p);
            setDefaultKey(id);
        }
        if (done) {
            done(result);
        }
    });
}

void KeyRing::recordCheck(const QString &keyId, const ApiError &error, qint64 credits)
{
    const qsizetype i = indexOf(resolve(keyId));
    if (i < 0) {
        return;
    }
    KeyProfile &p = m_profiles[i];
    p.health = keyHealthFor(error, credits);
    if (error.isError()) {
        p.healthDetail = sanitized(error.serverMessage);
    } else {
        p.credits = credits;
        p.creditsCheckedAt = QDateTime::currentDateTimeUtc();
        p.healthDetail.clear();
    }
    persist(p);
    Q_EMIT profilesChanged();
}

QString KeyRing::token(const QString &keyId) const
{
    return m_secrets.value(keyId.isEmpty() ? m_defaultId : keyId);
}

QString KeyRing::labelMarkingDefault(const KeyProfile &profile) const
{
    //: A key in a menu or filter: %1 is its label
    return profile.id == m_defaultId ? tr("%1 (default)").arg(profile.label) : profile.label;
}

QString KeyRing::withoutSecrets(QString text) const
{
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it) {
        if (!it.value().isEmpty()) {
            text.replace(it.value(), QStringLiteral("[API key …%1]").arg(keyHintFor(it.value())));
        }
    }
    return text;
}

QString KeyRing::hint() const
{
    const qsizetype i = indexOf(m_defaultId);
    return i < 0 ? QString() : m_profiles.at(i).displayHint();
}

std::optional<KeyProfile> KeyRing::profile(const QString &keyId) const
{
    const qsizetype i = indexOf(resolve(keyId));
    return i < 0 ? std::nullopt : std::optional<KeyProfile>(m_profiles.at(i));
}

QStringList KeyRing::usableKeyIds() const
{
    QStringList ids;
    for (const KeyProfile &p : m_profiles) {
        if (!m_secrets.value(p.id).isEmpty()) {
            ids.append(p.id);
        }
    }
    return ids;
}

bool KeyRing::labelInUse(const QString &label, const QString &exceptKeyId) const
{
    const QString trimmed = label.trimmed();
    return std::any_of(m_profiles.cbegin(), m_profiles.cend(), [&](const KeyProfile &p) {
        return p.id != exceptKeyId && p.label.compare(trimmed, Qt::CaseInsensitive) == 0;
    });
}

qsizetype KeyRing::indexOf(const QString &keyId) const
{
    if (keyId.isEmpty()) {
        return -1;
    }
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == keyId) {
            return i;
        }
    }
    return -1;
}

quint64 KeyRing::begin(QObject *context, std::function<void(const TokenResult &)> onCancel)
{
    const bool wasBusy = isBusy();
    const quint64 job = ++m_nextJob;
    m_pending.insert(job, {QPointer<QObject>(context), context != nullptr, std::move(onCancel)});
    if (!wasBusy) {
        Q_EMIT busyChanged(true);
    }
    return job;
}

bool KeyRing::finish(quint64 job, bool *contextAlive)
{
    const auto it = m_pending.constFind(job);
    if (it == m_pending.cend()) {
        return false;
    }
    if (contextAlive) {
        *contextAlive = !it->hasContext || it->context;
    }
    m_pending.erase(it);
    if (!isBusy()) {
        Q_EMIT busyChanged(false);
    }
    return true;
}

void KeyRing::chooseDefault()
{
    const bool hasSession = indexOf(SessionKeyId) >= 0;
    if (hasSession && m_sessionDefault) {
        m_defaultId = SessionKeyId;
        return;
    }
    m_defaultId.clear();
    for (const KeyProfile &p : std::as_const(m_profiles)) {
        if (!p.sessionOnly && p.isDefault) {
            m_defaultId = p.id;
            return;
        }
    }
    // No stored key carries the mark (the default was removed): the oldest one takes it.
    for (KeyProfile &p : m_profiles) {
        if (!p.sessionOnly) {
            p.isDefault = true;
            m_defaultId = p.id;
            if (m_metadata) {
                m_metadata->setDefault(p.id);
            }
            return;
        }
    }
    if (hasSession) {
        m_defaultId = SessionKeyId;
    }
}

void KeyRing::updateState()
{
    if (hasKey()) {
        setState(State::Ready);
    } else if (m_reads > 0) {
        setState(State::Loading);
    } else if (m_loadFailed) {
        setState(State::Unavailable);
    } else {
        setState(State::NoKey);
    }
}

void KeyRing::persist(const KeyProfile &profile)
{
    if (!profile.sessionOnly && m_metadata) {
        m_metadata->save(profile);
    }
}

QString KeyRing::sanitized(const QString &text) const
{
    QString clean = text;
    for (const QString &secret : m_secrets) {
        if (!secret.isEmpty()) {
            clean.replace(secret, QStringLiteral("…"));
        }
    }
    return clean;
}

void KeyRing::setState(State state, bool force)
{
    if (m_state == state && !force) {
        return;
    }
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace veo
