#pragma once

#include <QByteArray>
#include <QSettings>
#include <chrono>

namespace veo {

// Typed access to the user's settings (an INI file under AppConfigLocation). Secrets never
// go here. Values are validated on read, so a hand-edited file cannot break the app.
class AppSettings final
{
public:
    AppSettings();                             // the user's settings file
    explicit AppSettings(const QString &path); // tests

    static constexpr int DefaultPollSeconds = 30;
    static constexpr int MinPollSeconds = 5;
    static constexpr int MaxPollSeconds = 3600;
    // The longest wait between two checks of an unfinished task (the schedule adapts to its
    // age below it), or every wait with FixedPollInterval. Clamped to [Min, Max].
    int pollSeconds() const;
    void setPollSeconds(int seconds);
    std::chrono::milliseconds pollInterval() const { return std::chrono::seconds(pollSeconds()); }

    enum class Flag {
        NotifyOnSuccess,
        NotifyOnFailure,
        NotificationSound,
        CloseToTray,
        AutoDownload,      // download every new success's videos (off by default)
        DownloadSidecar,   // write "<video>.json" with the task's details next to each video
        KeepBeforeExpiry,  // download videos not on disk before KIE deletes them (off)
        FixedPollInterval, // check every unfinished task every pollSeconds(), whatever its age
        ListThumbnails,    // a picture of each finished video beside its prompt (off)
        RunAfterDownload,  // run afterDownloadCommand() after each download (off)
    };
    bool flag(Flag which) const;
    void setFlag(Flag which, bool on);

    // Warn when a key's credits fall below this; 0 = never.
    qint64 lowCreditThreshold() const;
    void setLowCreditThreshold(qint64 credits);

    // Where downloads go: the user's choice, or <Videos>/Veo Tracker.
    QString downloadFolder() const;
    static QString defaultDownloadFolder();
    void setDownloadFolder(const QString &folder); // empty = the default
    // The file name template (FileNameTemplate); the default when unset or empty.
    QString fileNameTemplate() const;
    void setFileNameTemplate(const QString &pattern);
    // Keep before expiry starts this many hours before KIE deletes a task's videos.
    static constexpr int DefaultKeepHours = 48;
    static constexpr int MaxKeepHours = 13 * 24; // within the 14 days
    int keepBeforeExpiryHours() const;           // clamped to [1, MaxKeepHours]
    void setKeepBeforeExpiryHours(int hours);
    // The command run after each download (CommandTemplate); empty when unset or unusable.
    QString afterDownloadCommand() const;
    void setAfterDownloadCommand(const QString &commandLine);
    static constexpr int MaxConcurrentDownloads = 10;
    int concurrentDownloads() const; // clamped to [1, MaxConcurrentDownloads]; default 3
    void setConcurrentDownloads(int count);

    // How the tasks are shown: the table, or the gallery of pictures.
    enum class TaskView { List, Gallery };
    TaskView taskView() const; // List unless Gallery was saved
    void setTaskView(TaskView view);

    // "en", "zh_CN", or "" to follow the system locale.
    QString language() const;
    void setLanguage(const QString &language);

    // Saved window layout blobs (QWidget/QMainWindow/QHeaderView/QSplitter saveState()).
    enum class Layout { Geometry, WindowState, TableHeader, Splitter, DetailsSplitter };
    QByteArray layout(Layout which) const;
    void setLayout(Layout which, const QByteArray &state);

    // New Generation's last values (a generate request body, as generateParamJson gives it).
    QString lastGeneration() const;
    void setLastGeneration(const QString &paramJson);

    // The task selected when the window closed, selected again at the next start.
    QString lastSelectedTask() const;
    void setLastSelectedTask(const QString &taskId);

    QString fileName() const { return m_settings.fileName(); }
    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};

} // namespace veo
