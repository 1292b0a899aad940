#pragma once

#include "taskstatus.h"

#include <QObject>
#include <QPointer>
#include <QSet>

namespace veo {

class AppSettings;
class DownloadCoordinator;
class TaskRepository;

// When a finished task is worth telling the user about: the settings say which outcomes
// notify; a success whose automatic download is on its way waits for it, so that the
// notification can offer the file (or goes out when the download ends otherwise: the video
// is ready all the same). The views only word and show what this decides.
class NotificationPolicy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationPolicy)

public:
    // None owned. Follows the coordinator's marks; finished tasks come through taskFinished().
    NotificationPolicy(const TaskRepository *tasks, DownloadCoordinator *downloads,
                       const AppSettings *settings, QObject *parent = nullptr);

    // A task reached a final status; queued is how many automatic downloads it started.
    void taskFinished(const QString &taskId, TaskStatus status, int queued);
    // Removed tasks are not waited for any more.
    void tasksRemoved(const QStringList &taskIds);

Q_SIGNALS:
    // Tell the user now (the task is in the repository).
    void due(const QString &taskId, bool success);

private:
    void onMarkChanged(const QString &taskId);

    QPointer<const TaskRepository> m_tasks;
    QPointer<DownloadCoordinator> m_downloads;
    const AppSettings *m_settings;
    QSet<QString> m_afterDownload; // successes waiting for their automatic download
};

} // namespace veo
