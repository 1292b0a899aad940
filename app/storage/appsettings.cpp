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

namespace {
struct FlagInfo
{
    const char *key;
    bool defaultValue;
};

FlagInfo flagInfo(AppSettings::Flag which)
{
    switch (which) {
    case AppSettings::Flag::NotifyOnSuccess: return {"notifications/onSuccess", true};
    case AppSettings::Flag::NotifyOnFailure: return {"notifications/onFailure", true};
    case AppSettings::Flag::NotificationSound: return {"notifications/sound", false};
    case AppSettings::Flag::CloseToTray: return {"window/closeToTray", false};
    }
    return {"", false};
}
} // namespace

bool AppSettings::flag(Flag which) const
{
    const FlagInfo info = flagInfo(which);
    return m_settings.value(QLatin1String(info.key), info.defaultValue).toBool();
}

void AppSettings::setFlag(Flag which, bool on)
{
    m_settings.setValue(QLatin1String(flagInfo(which).key), on);
}

qint64 AppSettings::lowCreditThreshold() const
{
    bool ok = false;
    const qint64 value = m_settings.value(QStringLiteral("keys/lowCreditThreshold"), 100)
                             .toLongLong(&ok);
    return ok && value >= 0 ? value : 100;
}

void AppSettings::setLowCreditThreshold(qint64 credits)
{
    m_settings.setValue(QStringLiteral("keys/lowCreditThreshold"), std::max<qint64>(0, credits));
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
    case AppSettings::Layout::DetailsSplitter: return QStringLiteral("window/detailsSplitter");
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
