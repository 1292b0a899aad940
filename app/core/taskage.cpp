#include "taskage.h"

namespace veo {

QDateTime taskStartedAt(const TaskRecord &task)
{
    if (task.createTime.isValid() && (!task.addedAt.isValid() || task.createTime < task.addedAt)) {
        return task.createTime;
    }
    return task.addedAt;
}

std::optional<qint64> minutesLongerThanUsual(const TaskRecord &task, const QDateTime &now)
{
    const bool render = task.kind == TaskKind::VeoGeneration || task.kind == TaskKind::VeoExtension;
    const QDateTime started = taskStartedAt(task);
    if (!render || task.status != TaskStatus::Generating || !started.isValid()) {
        return std::nullopt;
    }
    const qint64 minutes = started.secsTo(now) / 60;
    if (minutes < LongerThanUsualAfter.count()) {
        return std::nullopt;
    }
    return minutes;
}

} // namespace veo
