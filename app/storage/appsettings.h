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
    int pollSeconds() const; // clamped to [Min, Max]
    void setPollSeconds(int seconds);
    std::chrono::milliseconds pollInterval() const { return std::chrono::seconds(pollSeconds()); }

    enum class Flag { NotifyOnSuccess, NotifyOnFailure, NotificationSound, CloseToTray };
    bool flag(Flag which) const;
    void setFlag(Flag which, bool on);

    // Warn when a key's credits fall below this; 0 = never.
    qint64 lowCreditThreshold() const;
    void setLowCreditThreshold(qint64 credits);

    // "en", "zh_CN", or "" to follow the system locale.
    QString language() const;
    void setLanguage(const QString &language);

    // Saved window layout blobs (QWidget/QMainWindow/QHeaderView/QSplitter saveState()).
    enum class Layout { Geometry, WindowState, TableHeader, Splitter, DetailsSplitter };
    QByteArray layout(Layout which) const;
    void setLayout(Layout which, const QByteArray &state);

    QString fileName() const { return m_settings.fileName(); }
    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};

} // namespace veo
