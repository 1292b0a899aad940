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
    : QObject(parent), m_store(store), m_profiles(metadata)
{
}

KeyRing::~KeyRing() = default;

void KeyRing::setSessionKey(const QString &secret)
{
    const QString trimmed = secret.trimmed();
    m_secrets.remove(SessionKeyId);
    std::optional<KeyProfile> session;
    if (!trimmed.isEmpty()) {
        KeyProfile &p = session.emplace();
        p.id = SessionKeyId;
        //: Label of the API key given for this run only (KIE_API_KEY), never stored
        p.label = tr("Session key");
        p.hint = keyHintFor(trimmed);
        p.sessionOnly = true;
        p.addedAt = QDateTime::currentDateTimeUtc();
        m_secrets.insert(SessionKeyId, trimmed);
    }
    m_profiles.setSessionProfile(session);
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
    m_profiles.reload();
    const QString session = m_secrets.value(SessionKeyId);
    m_secrets.clear();
    if (!session.isEmpty()) {
        m_secrets.insert(SessionKeyId, session);
    }
}

void KeyRing::load()
{
    readProfiles();
    ++m_loadGeneration; // answers to an earlier load() are ignored
    m_loadFailed = false;
    m_lastResult = {};
    m_reads = 0;
    const QStringList stored = m_profiles.storedIds();
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
            if (KeyProfile *p = m_profiles.find(keyId)) {
                if (result.ok() && !result.secret.isEmpty()) {
                    m_secrets.insert(keyId, result.secret);
                    const QString hint = keyHintFor(result.secret);
                    if (p->health == KeyHealth::MissingEntry || p->hint != hint) {
                        p->hint = hint;
                        if (p->health == KeyHealth::MissingEntry) {
                            p->health = KeyHealth::Unchecked;
                        }
                        m_profiles.save(*p);
                    }
                } else if (result.ok() || result.status == TokenResult::Status::NotFound) {
                    p->health = KeyHealth::MissingEntry;
                    p->healthDetail.clear();
                    m_profiles.save(*p);
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
    m_store->read(DefaultKeyId, this,
                  [this, job, gen = m_loadGeneration](const TokenResult &result) {
                      if (!finish(job) || gen != m_loadGeneration) {
                          return;
                      }
                      --m_reads;
                      if (result.ok() && !result.secret.trimmed().isEmpty() &&
                          !m_profiles.find(DefaultKeyId)) {
                          KeyProfile p;
                          p.id = DefaultKeyId;
                          //: Label given to the API key that was stored before keys had names
                          p.label = tr("Default key");
                          p.hint = keyHintFor(result.secret.trimmed());
                          p.addedAt = QDateTime::currentDateTimeUtc();
                          m_secrets.insert(DefaultKeyId, result.secret.trimmed());
                          m_profiles.adopt(p);
                      } else if (!result.ok() && result.status != TokenResult::Status::NotFound) {
                          m_loadFailed = true;
                          m_lastResult = result;
                      }
                      loadFinished();
                  });
}

void KeyRing::loadFinished()
{
    m_profiles.chooseDefault();
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
        added.isDefault = usableKeyIds().isEmpty() && m_profiles.storedIds().isEmpty();
        if (QString error; !m_profiles.add(added, &error)) {
            m_store->remove(p.id, this, {});
            TokenResult failed{TokenResult::Status::OtherError,
                               {},
                               QStringLiteral("could not save the key's details: ") + error};
            if (alive && done) {
                done(failed, {});
            }
            return;
        }
        m_secrets.insert(p.id, trimmed);
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
    if (!m_profiles.find(id)) {
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
            m_secrets.remove(id);
            m_profiles.remove(id);
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
    KeyProfile *p = m_profiles.find(resolve(keyId));
    const QString trimmed = label.trimmed();
    if (!p || trimmed.isEmpty()) {
        return false;
    }
    if (p->label == trimmed) {
        return true;
    }
    const QString old = std::exchange(p->label, trimmed);
    if (!m_profiles.save(*p)) {
        p->label = old;
        return false;
    }
    Q_EMIT profilesChanged();
    return true;
}

bool KeyRing::setDefaultKey(const QString &keyId)
{
    if (!m_profiles.setDefault(keyId)) {
        return false;
    }
    Q_EMIT profilesChanged();
    updateState();
    return true;
}

void KeyRing::storeDefault(const QString &secret, TokenStore::Callback done)
{
    const QString trimmed = secret.trimmed();
    const QList<KeyProfile> &profiles = m_profiles.all();
    qsizetype target = -1;
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        if (!profiles.at(i).sessionOnly && (target < 0 || profiles.at(i).isDefault)) {
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
    const QString id = profiles.at(target).id;
    const quint64 job = begin(nullptr, done);
    m_store->write(id, trimmed, this, [this, job, id, trimmed, done](const TokenResult &result) {
        if (!finish(job)) {
            return;
        }
        m_lastResult = result;
        if (KeyProfile *p = m_profiles.find(id); p && result.ok()) {
            p->hint = keyHintFor(trimmed);
            p->health = KeyHealth::Unchecked;
            p->healthDetail.clear();
            p->credits.reset();
            p->creditsCheckedAt = {};
            m_secrets.insert(id, trimmed);
            m_profiles.save(*p);
            setDefaultKey(id);
        }
        if (done) {
            done(result);
        }
    });
}

void KeyRing::recordCheck(const QString &keyId, const ApiError &error, qint64 credits)
{
    KeyProfile *p = m_profiles.find(resolve(keyId));
    if (!p) {
        return;
    }
    p->health = keyHealthFor(error, credits);
    if (error.isError()) {
        p->healthDetail = sanitized(error.serverMessage);
    } else {
        p->credits = credits;
        p->creditsCheckedAt = QDateTime::currentDateTimeUtc();
        p->healthDetail.clear();
    }
    m_profiles.save(*p);
    Q_EMIT profilesChanged();
}

QString KeyRing::token(const QString &keyId) const
{
    return m_secrets.value(resolve(keyId));
}

QString KeyRing::labelMarkingDefault(const KeyProfile &profile) const
{
    //: A key in a menu or filter: %1 is its label
    return profile.id == m_profiles.defaultId() ? tr("%1 (default)").arg(profile.label)
                                                : profile.label;
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
    const KeyProfile *p = m_profiles.find(m_profiles.defaultId());
    return p ? p->displayHint() : QString();
}

std::optional<KeyProfile> KeyRing::profile(const QString &keyId) const
{
    const KeyProfile *p = m_profiles.find(resolve(keyId));
    return p ? std::optional<KeyProfile>(*p) : std::nullopt;
}

std::optional<KeyProfile> KeyRing::profileLabelled(const QString &label) const
{
    for (const KeyProfile &p : m_profiles.all()) {
        if (!p.sessionOnly && p.label.compare(label.trimmed(), Qt::CaseInsensitive) == 0) {
            return p;
        }
    }
    return std::nullopt;
}

QStringList KeyRing::usableKeyIds() const
{
    QStringList ids;
    for (const KeyProfile &p : m_profiles.all()) {
        if (!m_secrets.value(p.id).isEmpty()) {
            ids.append(p.id);
        }
    }
    return ids;
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
