#include "listfeed.h"

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
    QList<TaskRecord> changedTasks;
    for (const TaskRecord &t : tasks) {
        if (const qsizetype at = indexOf(t.taskId); at >= 0 && this->tasks().at(at) != t) {
            taskAt(at) = t;
            changedTasks.append(t);
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
