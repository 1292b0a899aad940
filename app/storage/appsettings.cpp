#include "appsettings.h"

#include <QStandardPaths>
#include <algorithm>

namespace veo {

namespace {
QString defaultSettingsPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
           + QStringLiteral("/settings.ini");
}
} // namespace

AppSettings::AppSettings() : AppSettings(defaultSettingsPath()) {}

AppSettings::AppSettings(const QString &path) : m_settings(path, QSettings::IniFormat) {}

int AppSettings::pollSeconds() const
{
    bool ok = false;
    const int value = m_settings.value(QStringLiteral("polling/intervalSeconds")).toInt(&ok);
    return ok ? std::clamp(value, MinPollSeconds, MaxPollSeconds) : DefaultPollSeconds;
}

void AppSettings::setPollSeconds(int seconds)
{
    m_settings.setValue(QStringLiteral("polling/intervalSeconds"),
                        std::clamp(seconds, MinPollSeconds, MaxPollSeconds));
}

QString AppSettings::language() const
{
    return m_settings.value(QStringLiteral("ui/language")).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(QStringLiteral("ui/language"), language);
}

namespace {
QString layoutKey(AppSettings::Layout which)
{
    switch (which) {
    case AppSettings::Layout::Geometry: return QStringLiteral("window/geometry");
    case AppSettings::Layout::WindowState: return QStringLiteral("window/state");
    case AppSettings::Layout::TableHeader: return QStringLiteral("window/tableHeader");
    case AppSettings::Layout::Splitter: return QStringLiteral("window/splitter");
    }
    return {};
}
} // namespace

QByteArray AppSettings::layout(Layout which) const
{
    return m_settings.value(layoutKey(which)).toByteArray();
}

void AppSettings::setLayout(Layout which, const QByteArray &state)
{
    m_settings.setValue(layoutKey(which), state);
}

} // namespace veo
