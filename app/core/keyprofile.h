#pragma once

#include "apierror.h"

#include <QDateTime>
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
// The health a credits check (or a poll) shows: its error, or the balance it read.
KeyHealth keyHealthFor(const ApiError &error, qint64 credits);
// Translated at call time (context "KeyHealth").
QString keyHealthText(KeyHealth health);
// The last four characters of a secret, kept to tell keys apart; empty for short secrets.
QString keyHintFor(const QString &secret);
KeyHealth keyHealthFromName(const QString &name);

} // namespace veo
