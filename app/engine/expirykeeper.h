#pragma once

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <functional>

namespace veo {

class AppSettings;
class DownloadCoordinator;
class TaskRepository;

// "Keep before expiry" (Preferences, off by default): KIE deletes a task's videos 14 days after
// they were made; once a succeeded task is within the chosen number of hours of that, its
// result videos that are not on disk are downloaded through the downloads, once per task and
// run (a download that fails stays in the downloads list for the user, and is not queued again
// every hour). Looks at every task hourly, at start, and when the settings changed.
class ExpiryKeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExpiryKeeper)

public:
    // None is owned. now: the wall clock (tests move it).
    ExpiryKeeper(const TaskRepository *tasks, DownloadCoordinator *downloads,
                 const AppSettings *settings, std::function<QDateTime()> now,
                 QObject *parent = nullptr);

    // Starts the hourly look (and looks now).
    void start();
    // Looks now (once started): queues what is due. Returns the tasks whose downloads it
    // queued.
    QStringList check();

Q_SIGNALS:
    // Downloads were queued for `videos` videos of these tasks (for a notification).
    void keeping(const QStringList &taskIds, int videos);

private:
    const TaskRepository *m_tasks;
    DownloadCoordinator *m_downloads;
    const AppSettings *m_settings;
    std::function<QDateTime()> m_now;
    QSet<QString> m_kept; // tasks already queued this run
    QTimer m_timer;
};

} // namespace veo
