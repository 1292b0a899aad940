#include "taskexpiry.h"

#include <QCoreApplication>

namespace veo {

QDateTime videoExpiry(const TaskRecord &task)
{
    if (task.resultUrls.isEmpty() && task.originUrls.isEmpty()) {
        return {};
    }
    const QDateTime made = task.completeTime.isValid() ? task.completeTime
                           : task.createTime.isValid() ? task.createTime
                                                       : task.addedAt;
    if (!made.isValid()) {
        return {};
    }
    return made.addSecs(std::chrono::duration_cast<std::chrono::seconds>(VideoLifetime).count());
}

namespace {

// What becomes of a task's videos at `now`, whether or not they are on disk: the expiry is worked
// out once (the counts ask this of every task).
ExpiryConcern videoConcern(const TaskRecord &task, const QDateTime &now)
{
    if (task.lastError.kind == ApiError::Kind::Expired) {
        return ExpiryConcern::ExpiredNotDownloaded;
    }
    const QDateTime expiry = videoExpiry(task);
    if (!expiry.isValid()) {
        return ExpiryConcern::None;
    }
    if (expiry <= now) {
        return ExpiryConcern::ExpiredNotDownloaded;
    }
    const qint64 soon = std::chrono::duration_cast<std::chrono::seconds>(ExpiresSoonWithin).count();
    return now.secsTo(expiry) <= soon ? ExpiryConcern::ExpiringSoon : ExpiryConcern::None;
}

} // namespace

bool videosExpired(const TaskRecord &task, const QDateTime &now)
{
    return videoConcern(task, now) == ExpiryConcern::ExpiredNotDownloaded;
}

bool videosExpireSoon(const TaskRecord &task, const QDateTime &now)
{
    return videoConcern(task, now) == ExpiryConcern::ExpiringSoon;
}

ExpiryConcern expiryConcern(const TaskRecord &task, bool downloaded, const QDateTime &now)
{
    if (task.status != TaskStatus::Succeeded || downloaded) {
        return ExpiryConcern::None;
    }
    return videoConcern(task, now);
}

QString expiryText(const TaskRecord &task, const QDateTime &now)
{
    if (videosExpired(task, now)) {
        //: Expires column: KIE has deleted the task's videos (after 14 days)
        return QCoreApplication::translate("veo::TaskTableModel", "expired");
    }
    const QDateTime expiry = videoExpiry(task);
    if (!expiry.isValid()) {
        return {};
    }
    // Computed before the calls: lupdate (6.4) never finishes on "hours / 24" inside them.
    const qint64 minutes = qMax(qint64(1), now.secsTo(expiry) / 60);
    const qint64 hours = minutes / 60;
    const int days = int(hours / 24);
    if (hours >= 48) {
        //: Expires column: the videos are deleted in this many days
        return QCoreApplication::translate("veo::TaskTableModel", "in %n day(s)", nullptr, days);
    }
    if (minutes >= 120) {
        //: Expires column: the videos are deleted in this many hours
        return QCoreApplication::translate("veo::TaskTableModel", "in %n hour(s)", nullptr,
                                           int(hours));
    }
    //: Expires column: the videos are deleted in this many minutes
    return QCoreApplication::translate("veo::TaskTableModel", "in %n minute(s)", nullptr,
                                       int(minutes));
}

} // namespace veo
