#include "listfeed.h"

#include <QSet>

namespace veo {

ListFeed::~ListFeed() = default;

qsizetype ListFeed::indexOf(const QString &taskId) const
{
    return m_index.value(taskId, -1);
}

void ListFeed::reindex()
{
    m_index.clear();
    m_index.reserve(m_tasks.size());
    for (qsizetype i = 0; i < m_tasks.size(); ++i) {
        m_index.insert(m_tasks.at(i).taskId, i);
    }
}

void ListFeed::setTasks(QList<TaskRecord> tasks)
{
    m_tasks.clear();
    m_index.clear();
    for (TaskRecord &t : tasks) {
        if (const auto it = m_index.constFind(t.taskId); it != m_index.cend()) {
            m_tasks[*it] = std::move(t);
        } else {
            m_index.insert(t.taskId, m_tasks.size());
            m_tasks.append(std::move(t));
        }
    }
    Q_EMIT loaded(m_tasks);
    Q_EMIT loadFinished();
}

void ListFeed::upsert(const QList<TaskRecord> &tasks)
{
    QList<TaskRecord> changedTasks;
    QList<TaskRecord> added;
    QHash<QString, qsizetype> addedIndex;
    for (const TaskRecord &t : tasks) {
        if (const auto it = m_index.constFind(t.taskId); it != m_index.cend()) {
            if (m_tasks.at(*it) != t) {
                m_tasks[*it] = t;
                changedTasks.append(t);
            }
        } else if (const auto a = addedIndex.constFind(t.taskId); a != addedIndex.cend()) {
            added[*a] = t;
        } else {
            addedIndex.insert(t.taskId, added.size());
            added.append(t);
        }
    }
    if (!changedTasks.isEmpty()) {
        Q_EMIT changed(changedTasks);
    }
    if (!added.isEmpty()) {
        for (const TaskRecord &t : std::as_const(added)) {
            m_index.insert(t.taskId, m_tasks.size());
            m_tasks.append(t);
        }
        Q_EMIT inserted(added);
    }
}

void ListFeed::remove(const QStringList &taskIds)
{
    QStringList ids;
    for (const QString &id : taskIds) {
        if (m_index.contains(id) && !ids.contains(id)) {
            ids.append(id);
        }
    }
    if (ids.isEmpty()) {
        return;
    }
    Q_EMIT aboutToRemove(ids);
    const QSet<QString> gone(ids.cbegin(), ids.cend());
    m_tasks.removeIf([&gone](const TaskRecord &t) { return gone.contains(t.taskId); });
    reindex();
    Q_EMIT listCompacted();
    Q_EMIT removed(ids);
}

} // namespace veo
