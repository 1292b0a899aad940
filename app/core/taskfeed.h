#pragma once

#include "taskrecord.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace veo {

// The committed changes of the task list, in order: what a view of it follows. The engine's
// TaskRepository is the one real feed; core only knows this face of it, so the table model
// can follow it without depending on the engine.
class TaskFeed : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskFeed)

public:
    using QObject::QObject;
    ~TaskFeed() override;

    // Every task, in the order they were added: new tasks come at the end.
    virtual const QList<TaskRecord> &tasks() const = 0;
    // A task's position in tasks(); -1 when unknown.
    virtual qsizetype indexOf(const QString &taskId) const = 0;
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
};

} // namespace veo
