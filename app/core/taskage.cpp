#include "taskage.h"

#include <algorithm>

namespace veo {

QDateTime taskStartedAt(const TaskRecord &task)
{
    if (task.createTime.isValid() && (!task.addedAt.isValid() || task.createTime < task.addedAt)) {
        return task.createTime;
    }
    return task.addedAt;
}

std::optional<qint64> secondsGenerating(const TaskRecord &task, const QDateTime &now)
{
    const QDateTime started = taskStartedAt(task);
    if (task.status != TaskStatus::Generating || !started.isValid()) {
        return std::nullopt;
    }
    return std::max<qint64>(0, started.secsTo(now));
}

std::optional<qint64> minutesLongerThanUsual(const TaskRecord &task, const QDateTime &now)
{
    const bool render = task.kind == TaskKind::VeoGeneration || task.kind == TaskKind::VeoExtension;
    const std::optional<qint64> seconds = secondsGenerating(task, now);
    if (!render || !seconds) {
        return std::nullopt;
    }
    const qint64 minutes = *seconds / 60;
    if (minutes < LongerThanUsualAfter.count()) {
        return std::nullopt;
    }
    return minutes;
}

} // namespace veo
