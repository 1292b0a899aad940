#include "listfeed.h"

#include <QHash>

namespace veo {

ListFeed::~ListFeed() = default;

void ListFeed::setTasks(QList<TaskRecord> tasks)
{
    resetList();
    for (TaskRecord &t : tasks) {
        if (const qsizetype at = indexOf(t.taskId); at >= 0) {
            taskAt(at) = std::move(t);
        } else {
            appendTask(std::move(t));
        }
    }
    Q_EMIT loaded(this->tasks());
    Q_EMIT loadFinished();
}

void ListFeed::upsert(const QList<TaskRecord> &tasks)
{
    // Changes first, announced while the list still holds only known tasks.
    // A task given twice is announced once, as it ends up.
    QList<TaskRecord> changedTasks;
    QHash<QString, qsizetype> changedAt;
    for (const TaskRecord &t : tasks) {
        if (const qsizetype at = indexOf(t.taskId); at >= 0 && this->tasks().at(at) != t) {
            taskAt(at) = t;
            if (const auto seen = changedAt.constFind(t.taskId); seen != changedAt.cend()) {
                changedTasks[*seen] = t;
            } else {
                changedAt.insert(t.taskId, changedTasks.size());
                changedTasks.append(t);
            }
        }
    }
    if (!changedTasks.isEmpty()) {
        Q_EMIT changed(changedTasks);
    }
    const qsizetype known = this->tasks().size();
    for (const TaskRecord &t : tasks) {
        if (const qsizetype at = indexOf(t.taskId); at < 0) {
            appendTask(t);
        } else if (at >= known) {
            taskAt(at) = t; // new in this call, twice: the later one
        }
    }
    if (this->tasks().size() > known) {
        Q_EMIT inserted(this->tasks().mid(known));
    }
}

void ListFeed::remove(const QStringList &taskIds)
{
    removeListed(listedOf(taskIds));
}

} // namespace veo
