#include "keyprofiles.h"

#include "keyring.h"

#include <algorithm>

namespace veo {

KeyProfile *KeyProfiles::find(const QString &keyId)
{
    const qsizetype i = indexOf(keyId);
    return i < 0 ? nullptr : &m_profiles[i];
}

const KeyProfile *KeyProfiles::find(const QString &keyId) const
{
    const qsizetype i = indexOf(keyId);
    return i < 0 ? nullptr : &m_profiles.at(i);
}

QStringList KeyProfiles::storedIds() const
{
    QStringList ids;
    for (const KeyProfile &p : m_profiles) {
        if (!p.sessionOnly) {
            ids.append(p.id);
        }
    }
    return ids;
}

bool KeyProfiles::labelInUse(const QString &label, const QString &exceptKeyId) const
{
    const QString trimmed = label.trimmed();
    return std::any_of(m_profiles.cbegin(), m_profiles.cend(), [&](const KeyProfile &p) {
        return p.id != exceptKeyId && p.label.compare(trimmed, Qt::CaseInsensitive) == 0;
    });
}

void KeyProfiles::setSessionProfile(const std::optional<KeyProfile> &profile)
{
    if (const qsizetype i = indexOf(KeyRing::SessionKeyId); i >= 0) {
        m_profiles.removeAt(i);
    }
    m_sessionDefault = profile.has_value();
    if (profile) {
        m_profiles.prepend(*profile);
    }
    chooseDefault();
}

void KeyProfiles::reload()
{
    QList<KeyProfile> profiles;
    if (const qsizetype i = indexOf(KeyRing::SessionKeyId); i >= 0) {
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
    chooseDefault();
}

bool KeyProfiles::add(const KeyProfile &profile, QString *error)
{
    if (m_metadata && !m_metadata->save(profile)) {
        *error = m_metadata->errorString();
        return false;
    }
    m_profiles.append(profile);
    if (profile.isDefault) {
        m_sessionDefault = false;
    }
    chooseDefault();
    return true;
}

void KeyProfiles::adopt(const KeyProfile &profile)
{
    m_profiles.append(profile);
    chooseDefault();
    save(m_profiles.last());
}

void KeyProfiles::remove(const QString &keyId)
{
    if (m_metadata) {
        m_metadata->remove(keyId);
    }
    if (const qsizetype i = indexOf(keyId); i >= 0) {
        m_profiles.removeAt(i);
    }
    chooseDefault();
}

bool KeyProfiles::setDefault(const QString &keyId)
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
    return true;
}

bool KeyProfiles::save(const KeyProfile &profile)
{
    return profile.sessionOnly || !m_metadata || m_metadata->save(profile);
}

void KeyProfiles::chooseDefault()
{
    const bool hasSession = indexOf(KeyRing::SessionKeyId) >= 0;
    if (hasSession && m_sessionDefault) {
        m_defaultId = KeyRing::SessionKeyId;
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
        m_defaultId = KeyRing::SessionKeyId;
    }
}

qsizetype KeyProfiles::indexOf(const QString &keyId) const
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

} // namespace veo
