#include "appsettings.h"

#include "commandtemplate.h"
#include "filenametemplate.h"

#include <QDir>
#include <QStandardPaths>
#include <algorithm>

namespace veo {

namespace {
QString defaultSettingsPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/settings.ini");
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
    case AppSettings::Flag::NotifyOnSuccess:
        return {"notifications/onSuccess", true};
    case AppSettings::Flag::NotifyOnFailure:
        return {"notifications/onFailure", true};
    case AppSettings::Flag::NotificationSound:
        return {"notifications/sound", false};
    case AppSettings::Flag::CloseToTray:
        return {"window/closeToTray", false};
    case AppSettings::Flag::AutoDownload:
        return {"downloads/automatic", false};
    case AppSettings::Flag::DownloadSidecar:
        return {"downloads/sidecar", false};
    case AppSettings::Flag::KeepBeforeExpiry:
        return {"downloads/keepBeforeExpiry", false};
    case AppSettings::Flag::FixedPollInterval:
        return {"polling/fixedInterval", false};
    case AppSettings::Flag::ListThumbnails:
        return {"ui/listThumbnails", false};
    case AppSettings::Flag::RunAfterDownload:
        return {"downloads/runAfter", false};
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
    const qint64 value =
        m_settings.value(QStringLiteral("keys/lowCreditThreshold"), 100).toLongLong(&ok);
    return ok && value >= 0 ? value : 100;
}

void AppSettings::setLowCreditThreshold(qint64 credits)
{
    m_settings.setValue(QStringLiteral("keys/lowCreditThreshold"), std::max<qint64>(0, credits));
}

int AppSettings::keepBeforeExpiryHours() const
{
    bool ok = false;
    const int hours =
        m_settings.value(QStringLiteral("downloads/keepBeforeExpiryHours"), DefaultKeepHours)
            .toInt(&ok);
    return ok ? std::clamp(hours, 1, MaxKeepHours) : DefaultKeepHours;
}

void AppSettings::setKeepBeforeExpiryHours(int hours)
{
    m_settings.setValue(QStringLiteral("downloads/keepBeforeExpiryHours"),
                        std::clamp(hours, 1, MaxKeepHours));
}

QString AppSettings::lastGeneration() const
{
    return m_settings.value(QStringLiteral("generate/last")).toString();
}

void AppSettings::setLastGeneration(const QString &paramJson)
{
    m_settings.setValue(QStringLiteral("generate/last"), paramJson);
}

QString AppSettings::defaultDownloadFolder()
{
    QString videos = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (videos.isEmpty()) {
        videos = QDir::homePath();
    }
    return QDir(videos).filePath(QStringLiteral("Veo Tracker"));
}

QString AppSettings::downloadFolder() const
{
    const QString folder = m_settings.value(QStringLiteral("downloads/folder")).toString();
    return folder.isEmpty() || QDir::isRelativePath(folder) ? defaultDownloadFolder()
                                                            : QDir::cleanPath(folder);
}

void AppSettings::setDownloadFolder(const QString &folder)
{
    if (folder.isEmpty() || QDir::cleanPath(folder) == defaultDownloadFolder()) {
        m_settings.remove(QStringLiteral("downloads/folder"));
    } else {
        m_settings.setValue(QStringLiteral("downloads/folder"), QDir::cleanPath(folder));
    }
}

QString AppSettings::fileNameTemplate() const
{
    const QString pattern =
        m_settings.value(QStringLiteral("downloads/fileNameTemplate")).toString().trimmed();
    return pattern.isEmpty() || !FileNameTemplate::validate(pattern).isEmpty()
               ? FileNameTemplate::defaultTemplate()
               : pattern;
}

void AppSettings::setFileNameTemplate(const QString &pattern)
{
    if (pattern.trimmed().isEmpty() || pattern.trimmed() == FileNameTemplate::defaultTemplate()) {
        m_settings.remove(QStringLiteral("downloads/fileNameTemplate"));
    } else {
        m_settings.setValue(QStringLiteral("downloads/fileNameTemplate"), pattern.trimmed());
    }
}

QString AppSettings::afterDownloadCommand() const
{
    const QString line =
        m_settings.value(QStringLiteral("downloads/afterCommand")).toString().trimmed();
    return CommandTemplate::validate(line).isEmpty() ? line : QString();
}

void AppSettings::setAfterDownloadCommand(const QString &commandLine)
{
    if (commandLine.trimmed().isEmpty()) {
        m_settings.remove(QStringLiteral("downloads/afterCommand"));
    } else {
        m_settings.setValue(QStringLiteral("downloads/afterCommand"), commandLine.trimmed());
    }
}

int AppSettings::concurrentDownloads() const
{
    bool ok = false;
    const int value = m_settings.value(QStringLiteral("downloads/concurrent")).toInt(&ok);
    return ok ? std::clamp(value, 1, MaxConcurrentDownloads) : 3;
}

void AppSettings::setConcurrentDownloads(int count)
{
    m_settings.setValue(QStringLiteral("downloads/concurrent"),
                        std::clamp(count, 1, MaxConcurrentDownloads));
}

AppSettings::TaskView AppSettings::taskView() const
{
    return m_settings.value(QStringLiteral("ui/taskView")).toString() == QLatin1String("gallery")
               ? TaskView::Gallery
               : TaskView::List;
}

void AppSettings::setTaskView(TaskView view)
{
    m_settings.setValue(QStringLiteral("ui/taskView"), view == TaskView::Gallery
                                                           ? QStringLiteral("gallery")
                                                           : QStringLiteral("list"));
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
    case AppSettings::Layout::Geometry:
        return QStringLiteral("window/geometry");
    case AppSettings::Layout::WindowState:
        return QStringLiteral("window/state");
    case AppSettings::Layout::TableHeader:
        return QStringLiteral("window/tableHeader");
    case AppSettings::Layout::Splitter:
        return QStringLiteral("window/splitter");
    case AppSettings::Layout::DetailsSplitter:
        return QStringLiteral("window/detailsSplitter");
    }
    return {};
}
} // namespace

QString AppSettings::lastSelectedTask() const
{
    return m_settings.value(QStringLiteral("window/lastSelectedTask")).toString();
}

void AppSettings::setLastSelectedTask(const QString &taskId)
{
    m_settings.setValue(QStringLiteral("window/lastSelectedTask"), taskId);
}

QByteArray AppSettings::layout(Layout which) const
{
    return m_settings.value(layoutKey(which)).toByteArray();
}

void AppSettings::setLayout(Layout which, const QByteArray &state)
{
    m_settings.setValue(layoutKey(which), state);
}

} // namespace veo
