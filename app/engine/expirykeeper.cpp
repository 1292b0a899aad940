#include "expirykeeper.h"

#include "appsettings.h"
#include "downloadcoordinator.h"
#include "taskexpiry.h"
#include "taskrepository.h"

#include <chrono>

namespace veo {

ExpiryKeeper::ExpiryKeeper(const TaskRepository *tasks, DownloadCoordinator *downloads,
                           const AppSettings *settings, std::function<QDateTime()> now,
                           QObject *parent)
    : QObject(parent), m_tasks(tasks), m_downloads(downloads), m_settings(settings),
      m_now(std::move(now))
{
    using namespace std::chrono_literals;
    m_timer.setInterval(1h); // the margin is counted in hours
    connect(&m_timer, &QTimer::timeout, this, &ExpiryKeeper::check);
}

void ExpiryKeeper::start()
{
    m_timer.start();
    check();
}

QStringList ExpiryKeeper::check()
{
    // Not before start(): the downloads the last run left must be loaded first.
    if (!m_timer.isActive() || !m_settings->flag(AppSettings::Flag::KeepBeforeExpiry)) {
        return {};
    }
    const QDateTime now = m_now();
    const qint64 margin = qint64(m_settings->keepBeforeExpiryHours()) * 3600;
    QStringList due;
    for (const TaskRecord &t : m_tasks->tasks()) {
        if (t.status != TaskStatus::Succeeded || m_kept.contains(t.taskId) ||
            videosExpired(t, now)) {
            continue;
        }
        const QDateTime expiry = videoExpiry(t);
        if (expiry.isValid() && now.secsTo(expiry) <= margin &&
            m_downloads->mark(t.taskId).state != DownloadMark::State::Downloaded) {
            due << t.taskId;
        }
    }
    QStringList queued;
    int videos = 0;
    for (const QString &taskId : std::as_const(due)) {
        m_kept.insert(taskId);
        if (const int n = m_downloads->downloadTasks({taskId}).queued; n > 0) {
            queued << taskId;
            videos += n;
        }
    }
    if (!queued.isEmpty()) {
        Q_EMIT keeping(queued, videos);
    }
    return queued;
}

} // namespace veo
