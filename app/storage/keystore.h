#pragma once

#include "sqliteconnection.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace veo {

// Health of one API key, from its last credits check (or a task poll).
enum class KeyHealth {
    Ok,
    Unchecked,    // never checked successfully (e.g. saved while KIE was unreachable)
    InvalidKey,   // 401: KIE refuses this key
    NoCredits,    // 402 or a balance of zero
    RateLimited,  // 429
    Unreachable,  // network error, timeout, offline, maintenance
    MissingEntry, // the keychain has no secret for this key
    OtherError,
};

// Metadata of one API key. The secret itself lives only in the OS keychain under id.
struct KeyProfile
{
    QString id;    // stable (a UUID; "default" for a key from before key profiles)
    QString label; // chosen by the user
    QString hint;  // the last four characters of the secret; empty for short secrets
    bool isDefault = false;
    bool sessionOnly = false; // KIE_API_KEY / --demo: never stored anywhere
    std::optional<qint64> credits;
    QDateTime creditsCheckedAt; // UTC; invalid when never checked
    KeyHealth health = KeyHealth::Unchecked;
    QString healthDetail; // KIE's or the network's own words, never a secret
    QDateTime addedAt;    // UTC

    // "…abcd", or empty when there is no hint.
    QString displayHint() const;
    friend bool operator==(const KeyProfile &, const KeyProfile &) = default;
};

QString keyHealthName(KeyHealth health);
KeyHealth keyHealthFromName(const QString &name);

// Key metadata in the app's SQLite file (the `keys` table that TaskStore's migrations create).
// Uses its own connection to the same file, so it can be opened after TaskStore::open() by the
// window and by command-line actions alike.
class KeyStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyStore)

public:
    explicit KeyStore(QObject *parent = nullptr);

    // The file must already have the current schema (TaskStore::open() migrates it).
    bool open(const QString &path);
    void close();
    bool isOpen() const;
    QString errorString() const { return m_error; }

    QList<KeyProfile> loadAll() const; // in the order keys were added
    // Inserts or replaces one profile (session-only profiles are refused).
    bool save(const KeyProfile &profile);
    bool remove(const QString &keyId);
    // Marks one key as the default and clears the mark on every other key.
    bool setDefault(const QString &keyId);
    // Tasks per key_id; tasks of the default key may be stored with an empty key_id.
    QHash<QString, int> taskCounts() const;

private:
    SqliteConnection m_db;
    QString m_error;
};

} // namespace veo
