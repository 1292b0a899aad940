#include "keyprofile.h"

#include <QCoreApplication>

namespace veo {

namespace {

struct HealthName
{
    KeyHealth health;
    QLatin1StringView name;
};
constexpr HealthName HealthNames[] = {
    {KeyHealth::Ok, QLatin1StringView("ok")},
    {KeyHealth::Unchecked, QLatin1StringView("unchecked")},
    {KeyHealth::InvalidKey, QLatin1StringView("invalid")},
    {KeyHealth::NoCredits, QLatin1StringView("no-credits")},
    {KeyHealth::RateLimited, QLatin1StringView("rate-limited")},
    {KeyHealth::Unreachable, QLatin1StringView("unreachable")},
    {KeyHealth::MissingEntry, QLatin1StringView("missing")},
    {KeyHealth::OtherError, QLatin1StringView("error")},
};

} // namespace

QString KeyProfile::displayHint() const
{
    return hint.isEmpty() ? QString() : QStringLiteral("…") + hint;
}

QString keyHealthName(KeyHealth health)
{
    for (const HealthName &h : HealthNames) {
        if (h.health == health) {
            return h.name;
        }
    }
    return QStringLiteral("error");
}

KeyHealth keyHealthFromName(const QString &name)
{
    for (const HealthName &h : HealthNames) {
        if (name == h.name) {
            return h.health;
        }
    }
    return KeyHealth::Unchecked;
}

KeyHealth keyHealthFor(const ApiError &error, qint64 credits)
{
    switch (error.kind) {
    case ApiError::Kind::None:
        return credits <= 0 ? KeyHealth::NoCredits : KeyHealth::Ok;
    case ApiError::Kind::Unauthorized:
        return KeyHealth::InvalidKey;
    case ApiError::Kind::InsufficientCredits:
        return KeyHealth::NoCredits;
    case ApiError::Kind::RateLimited:
        return KeyHealth::RateLimited;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Offline:
    case ApiError::Kind::Maintenance:
        return KeyHealth::Unreachable;
    case ApiError::Kind::NoKey:
        return KeyHealth::MissingEntry;
    default:
        return KeyHealth::OtherError;
    }
}

QString keyHealthText(KeyHealth health)
{
    switch (health) {
    case KeyHealth::Ok:
        //: Health of an API key: the last credits check worked
        return QCoreApplication::translate("KeyHealth", "OK");
    case KeyHealth::Unchecked:
        //: Health of an API key: never checked successfully with KIE.AI
        return QCoreApplication::translate("KeyHealth", "Not checked");
    case KeyHealth::InvalidKey:
        //: Health of an API key: KIE.AI refused it (HTTP 401)
        return QCoreApplication::translate("KeyHealth", "Invalid key");
    case KeyHealth::NoCredits:
        //: Health of an API key: the account has no credits left
        return QCoreApplication::translate("KeyHealth", "No credits");
    case KeyHealth::RateLimited:
        //: Health of an API key: KIE.AI asked to slow down (HTTP 429)
        return QCoreApplication::translate("KeyHealth", "Rate limited");
    case KeyHealth::Unreachable:
        //: Health of an API key: KIE.AI could not be reached to check it
        return QCoreApplication::translate("KeyHealth", "KIE.AI unreachable");
    case KeyHealth::MissingEntry:
        //: Health of an API key: its secret is missing from the system keyring
        return QCoreApplication::translate("KeyHealth", "Missing from the keyring");
    case KeyHealth::OtherError:
        //: Health of an API key: some other error
        return QCoreApplication::translate("KeyHealth", "Error");
    }
    return {};
}

QString keyHintFor(const QString &secret)
{
    return secret.size() < 8 ? QString() : secret.right(4);
}

} // namespace veo
