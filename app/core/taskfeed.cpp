#include "taskfeed.h"

#include <QSet>

#include <algorithm>

namespace veo {

TaskFeed::~TaskFeed() = default;

void TaskFeed::reindex()
{
    m_index.clear();
    m_index.reserve(m_tasks.size());
    for (qsizetype i = 0; i < m_tasks.size(); ++i) {
        m_index.insert(m_tasks.at(i).taskId, i);
    }
}

void TaskFeed::resetList(QList<TaskRecord> tasks)
{
    m_tasks = std::move(tasks);
    reindex();
}

void TaskFeed::reserveList(qsizetype count)
{
    m_tasks.reserve(count);
    m_index.reserve(count);
}

bool TaskFeed::appendTask(TaskRecord task)
{
    if (contains(task.taskId)) {
        return false;
    }
    m_index.insert(task.taskId, m_tasks.size());
    m_tasks.append(std::move(task));
    return true;
}

QStringList TaskFeed::listedOf(const QStringList &taskIds) const
{
    QStringList ids;
    QSet<QString> seen;
    for (const QString &id : taskIds) {
        if (contains(id) && !seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }
    return ids;
}

void TaskFeed::removeListed(const QStringList &taskIds)
{
    if (taskIds.isEmpty()) {
        return;
    }
    Q_EMIT aboutToRemove(taskIds);
    // Positions below the first removed one stay; only those from there on are renumbered (a
    // placeholder given its ID is near the end of a long list).
    qsizetype first = m_tasks.size();
    for (const QString &id : taskIds) {
        first = std::min(first, m_index.take(id));
    }
    const QSet<QString> gone(taskIds.cbegin(), taskIds.cend());
    m_tasks.removeIf([&gone](const TaskRecord &t) { return gone.contains(t.taskId); });
    for (qsizetype i = first; i < m_tasks.size(); ++i) {
        m_index[m_tasks.at(i).taskId] = i;
    }
    Q_EMIT listCompacted();
    Q_EMIT removed(taskIds);
}

} // namespace veo
