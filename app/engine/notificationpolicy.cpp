#include "notificationpolicy.h"

#include "appsettings.h"
#include "downloadcoordinator.h"
#include "taskrepository.h"

namespace veo {

NotificationPolicy::NotificationPolicy(const TaskRepository *tasks, DownloadCoordinator *downloads,
                                       const AppSettings *settings, QObject *parent)
    : QObject(parent), m_tasks(tasks), m_downloads(downloads), m_settings(settings)
{
    connect(downloads, &DownloadCoordinator::markChanged, this, &NotificationPolicy::onMarkChanged);
}

void NotificationPolicy::taskFinished(const QString &taskId, TaskStatus status, int queued)
{
    const bool success = status == TaskStatus::Succeeded;
    const AppSettings::Flag wanted =
        success ? AppSettings::Flag::NotifyOnSuccess : AppSettings::Flag::NotifyOnFailure;
    if (!m_tasks || !m_tasks->task(taskId) || !isFinal(status) || !m_settings->flag(wanted)) {
        return;
    }
    // Then the notification can offer the file. A download that failed as it was queued (a
    // link that is not http(s)) will not tell when it ends: nothing to wait for.
    const DownloadMark::State mark = m_downloads->mark(taskId).state;
    if (queued > 0 &&
        (mark == DownloadMark::State::Queued || mark == DownloadMark::State::Downloading)) {
        m_afterDownload.insert(taskId);
        return;
    }
    Q_EMIT due(taskId, success);
}

void NotificationPolicy::tasksRemoved(const QStringList &taskIds)
{
    for (const QString &id : taskIds) {
        m_afterDownload.remove(id);
    }
}

void NotificationPolicy::onMarkChanged(const QString &taskId)
{
    if (!m_afterDownload.contains(taskId)) {
        return;
    }
    switch (m_downloads->mark(taskId).state) {
    case DownloadMark::State::Queued:
    case DownloadMark::State::Downloading:
        return; // the notification waits for the files
    default:
        // Downloaded (the notification offers the file), or failed, paused, cancelled: the
        // video is ready all the same.
        m_afterDownload.remove(taskId);
        if (m_tasks && m_tasks->task(taskId)) {
            Q_EMIT due(taskId, true);
        }
    }
}

} // namespace veo
