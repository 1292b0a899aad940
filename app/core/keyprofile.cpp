#include "keyprofile.h"

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

} // namespace veo
