#pragma once

#include "taskrecord.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

namespace veo {

// A list of tasks and its changes, announced in order: what a view of it follows. The engine's
// TaskRepository is the one real feed; core only knows this face of it, so the table model
// can follow it without depending on the engine. The list and its index live here, so every
// feed announces a removal the same way.
class TaskFeed : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskFeed)

public:
    using QObject::QObject;
    ~TaskFeed() override;

    // Every task, in the order they were added: new tasks come at the end.
    const QList<TaskRecord> &tasks() const { return m_tasks; }
    // A task's position in tasks(); -1 when unknown.
    qsizetype indexOf(const QString &taskId) const { return m_index.value(taskId, -1); }
    bool contains(const QString &taskId) const { return m_index.contains(taskId); }
    // How many tasks tasks() will hold when a load in steps is done, once counted (0: not
    // known): the room a follower makes for them.
    virtual qsizetype expectedCount() const { return 0; }

Q_SIGNALS:
    // The list was read anew: these tasks, and the ones in loadedMore() until loadFinished().
    void loaded(const QList<veo::TaskRecord> &tasks);
    // More of the stored tasks, read after loaded() (a long list is read a little at a time).
    void loadedMore(const QList<veo::TaskRecord> &tasks);
    // Every stored task has been read (loaded() and loadedMore() are complete).
    void loadFinished();
    void inserted(const QList<veo::TaskRecord> &tasks);
    // The committed new states of known tasks.
    void changed(const QList<veo::TaskRecord> &tasks);
    // These tasks go (committed): still in tasks() now, out of it at listCompacted(), which
    // views follow (before anyone hears of it), then removed(), which services follow.
    void aboutToRemove(const QStringList &taskIds);
    void listCompacted();
    void removed(const QStringList &taskIds);

protected:
    // The list anew, announcing nothing; the IDs must differ.
    void resetList(QList<TaskRecord> tasks = {});
    void reserveList(qsizetype count);
    // Appends a task whose ID is not listed, announcing nothing; false (and nothing changes)
    // when it is.
    bool appendTask(TaskRecord task);
    TaskRecord &taskAt(qsizetype i) { return m_tasks[i]; }
    // The listed ones of these IDs, each once, in their order.
    QStringList listedOf(const QStringList &taskIds) const;
    // Removes listed tasks (listedOf()) and announces it: aboutToRemove(), then the list closes
    // up, listCompacted(), removed().
    void removeListed(const QStringList &taskIds);

private:
    void reindex();

    QList<TaskRecord> m_tasks;
    QHash<QString, qsizetype> m_index; // task ID -> position in m_tasks
};

} // namespace veo
