#pragma once

// The environment a test runs the real veo-tracker binary in: offscreen, UTF-8, its data,
// settings and cache in folders of home, with this key and API address.
#include <QDir>
#include <QProcessEnvironment>
#include <QUrl>

namespace veo::test {

inline QProcessEnvironment appEnvironment(const QString &home, const QString &token,
                                          const QUrl &apiBase)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    const QDir dir(home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("KIE_API_KEY"), token);
    env.insert(QStringLiteral("VEO_TRACKER_API_BASE"), apiBase.toString());
    return env;
}

} // namespace veo::test
