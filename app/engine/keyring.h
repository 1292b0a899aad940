#pragma once

#include "apierror.h"
#include "keyprofiles.h"
#include "tokenstore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>

namespace veo {

// The API keys this run can use: key profiles whose metadata lives in the KeyProfileStore (SQLite)
// and whose secrets live only in the TokenStore (OS keychain), keyed by the profile's stable
// id. Secrets are held in memory for the run. KIE_API_KEY (or --demo) is a session-only key
// that is never stored. Each task names its key by id; "" = the default key.
// Every keychain operation is asynchronous; callbacks run later, never inside the call, and
// are dropped when their context object is destroyed.
class KeyRing final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyRing)

public:
    enum class State { Loading, Ready, NoKey, Unavailable };
    // Id of the single key stored before key profiles existed (adopted as a profile), and of
    // the session-only key.
    static inline const QString DefaultKeyId = QStringLiteral("default");
    static inline const QString SessionKeyId = QStringLiteral("session");
    // The key id a task keeps for this key: the session key is never stored, so its tasks
    // keep "" and follow whatever the default key is in later runs.
    static QString storedId(const QString &keyId)
    {
        return keyId == SessionKeyId ? QString() : keyId;
    }

    // metadata may be null: profiles are then kept in memory only (tests, fallbacks).
    explicit KeyRing(TokenStore *store, KeyProfileStore *metadata = nullptr,
                     QObject *parent = nullptr);
    ~KeyRing() override;

    // A key used for this run only; it becomes the default for this run and is never written
    // anywhere. An empty secret removes it.
    void setSessionKey(const QString &secret);
    // Reads the profiles from the KeyProfileStore and their secrets from the keychain.
    void load();
    // Reads the profiles only, at once, without touching the keychain (listing keys, or
    // adding one from the command line).
    void loadProfiles();
    // Gives up on the keychain jobs in flight: their callbacks get Cancelled, later answers
    // are ignored (a key written after all is deleted again).
    void cancel();

    using AddCallback = std::function<void(const TokenResult &result, const QString &keyId)>;
    // Stores a new key (keychain first, then metadata). The first stored key becomes the
    // default. health: Ok after a successful check, Unchecked when it could not be checked.
    void addKey(const QString &label, const QString &secret, KeyHealth health,
                std::optional<qint64> credits, QObject *context, AddCallback done);
    // Deletes the keychain entry, then the metadata; tasks keep the id (shown as needing a key).
    void removeKey(const QString &keyId, QObject *context, TokenStore::Callback done);
    bool renameKey(const QString &keyId, const QString &label);
    bool setDefaultKey(const QString &keyId);
    // Replaces the default stored key's secret (or adds a first key). For the simple
    // "enter your API key" flow.
    void storeDefault(const QString &secret, TokenStore::Callback done);
    // The outcome of a credits check (or any request made with this key).
    void recordCheck(const QString &keyId, const ApiError &error, qint64 credits);

    State state() const { return m_state; }
    TokenResult lastResult() const { return m_lastResult; }
    bool isBusy() const { return !m_pending.isEmpty(); } // a keychain job is in flight
    // load() is still reading stored secrets (the state may be Ready meanwhile, from the
    // session key); profilesChanged() follows when it is done.
    bool isLoading() const { return m_reads > 0; }
    // The last load() could not read every stored secret (keychain error or cancel()).
    bool loadFailed() const { return m_loadFailed; }
    bool hasKey() const { return !token({}).isEmpty(); }
    // Whether the key's secret was read (views ask this; they never see the secret).
    bool hasSecret(const QString &keyId) const { return !token(keyId).isEmpty(); }
    bool isSessionOnly() const { return m_profiles.defaultId() == SessionKeyId; }
    // The secret for a task's key id ("" = default); empty when unavailable. A hash lookup.
    QString token(const QString &keyId) const;
    // The default key's hint ("…abcd").
    QString hint() const;
    // text with every secret this ring holds replaced by "[API key …abcd]": for reports that
    // must never carry a secret, whatever a message quoted.
    QString withoutSecrets(QString text) const;

    QList<KeyProfile> profiles() const { return m_profiles.all(); }
    std::optional<KeyProfile> profile(const QString &keyId) const;
    // The stored key with this label (case and surrounding spaces ignored), as scripts name
    // keys; never the session key.
    std::optional<KeyProfile> profileLabelled(const QString &label) const;
    bool contains(const QString &keyId) const { return m_profiles.find(resolve(keyId)) != nullptr; }
    QString defaultKeyId() const { return m_profiles.defaultId(); }
    // The profile's label, "Label (default)" for the default key (the session key too, while
    // it is the default): for menus and filters. Translated.
    QString labelMarkingDefault(const KeyProfile &profile) const;
    // "" -> the default key's id; other ids unchanged.
    QString resolve(const QString &keyId) const
    {
        return keyId.isEmpty() ? m_profiles.defaultId() : keyId;
    }
    // The key id a new task keeps for keyId: "" = the key that is the default now (bound by
    // its id; only the session key, never stored, stays "").
    QString newTaskKeyId(const QString &keyId) const { return storedId(resolve(keyId)); }
    // Ids of the keys whose secret is available now.
    QStringList usableKeyIds() const;
    bool labelInUse(const QString &label, const QString &exceptKeyId = {}) const
    {
        return m_profiles.labelInUse(label, exceptKeyId);
    }

Q_SIGNALS:
    void stateChanged(veo::KeyRing::State state);
    void profilesChanged();
    void busyChanged(bool busy);

private:
    struct Pending
    {
        QPointer<QObject> context;
        bool hasContext = false;
        std::function<void(const TokenResult &)> cancelled; // tells the caller on cancel()
    };
    void readProfiles(); // loadProfiles() without the signal
    quint64 begin(QObject *context, std::function<void(const TokenResult &)> onCancel);
    // False when the job was cancelled or its caller's context is gone.
    bool finish(quint64 job, bool *contextAlive = nullptr);
    void readSecret(const QString &keyId);
    void adoptLegacyKey();
    void loadFinished();
    void updateState();
    QString sanitized(const QString &text) const;
    void setState(State state, bool force = false);

    TokenStore *m_store;
    KeyProfiles m_profiles;
    QHash<QString, QString> m_secrets;
    QHash<quint64, Pending> m_pending;
    quint64 m_nextJob = 0;
    int m_reads = 0; // secrets still being read by load()
    quint64 m_loadGeneration = 0;
    bool m_loadFailed = false;
    State m_state = State::Loading;
    TokenResult m_lastResult;
};

} // namespace veo
