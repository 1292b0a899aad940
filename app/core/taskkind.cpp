#include "taskkind.h"

#include <array>

namespace veo {

namespace {
constexpr std::array<const char *, TaskKindCount> Keys = {"veo", "veo-extend", "veo-1080p",
                                                          "veo-4k", "market"};
} // namespace

QString taskKindKey(TaskKind kind)
{
    return QString::fromLatin1(Keys.at(std::size_t(kind)));
}

TaskKind taskKindFromKey(const QString &key, bool *ok)
{
    for (std::size_t i = 0; i < Keys.size(); ++i) {
        if (key == QLatin1String(Keys.at(i))) {
            if (ok) {
                *ok = true;
            }
            return TaskKind(i);
        }
    }
    if (ok) {
        *ok = false;
    }
    return TaskKind::VeoGeneration;
}

} // namespace veo
