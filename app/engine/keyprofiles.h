#pragma once

#include "keyprofile.h"
#include "keyprofilestore.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <optional>

namespace veo {

// The KeyRing's list of key profiles, in order (the session key first, then the stored keys
// in added order), and which one is the default. Stored profiles are saved in the
// KeyProfileStore, or kept in memory only when there is none. No secrets: the KeyRing holds
// them.
class KeyProfiles final
{
    Q_DISABLE_COPY_MOVE(KeyProfiles)

public:
    explicit KeyProfiles(KeyProfileStore *metadata) : m_metadata(metadata) {}

    const QList<KeyProfile> &all() const { return m_profiles; }
    // Null when unknown (and for an empty id).
    KeyProfile *find(const QString &keyId);
    const KeyProfile *find(const QString &keyId) const;
    QString defaultId() const { return m_defaultId; }
    QStringList storedIds() const;
    bool labelInUse(const QString &label, const QString &exceptKeyId) const;

    // Replaces the session key's profile (none: removes it); a new one becomes the default.
    void setSessionProfile(const std::optional<KeyProfile> &profile);
    // Reads the stored profiles again (from memory without a store); the session key stays.
    void reload();
    // Adds a stored profile, saved first; false (with the store's error) when it cannot be.
    bool add(const KeyProfile &profile, QString *error);
    // Adds the stored profile found under the legacy id, then saves it.
    void adopt(const KeyProfile &profile);
    void remove(const QString &keyId);
    bool setDefault(const QString &keyId);
    // Saves a changed stored profile (true for the session key, and without a store).
    bool save(const KeyProfile &profile);
    // After a change: the marked stored key, else the oldest stored one (which then takes the
    // mark), else the session key. The session key while it was chosen as the default.
    void chooseDefault();

private:
    qsizetype indexOf(const QString &keyId) const;

    QPointer<KeyProfileStore> m_metadata;
    QList<KeyProfile> m_profiles; // the session key first, then stored keys in added order
    QString m_defaultId;
    bool m_sessionDefault = false; // the session key is the default (until another is chosen)
};

} // namespace veo
