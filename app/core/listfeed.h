#pragma once

#include "taskfeed.h"

namespace veo {

// A TaskFeed over a list of its own, changed by calling it: what a view follows when no
// repository stands behind it (a table model on its own, in tests and tools). It announces
// its changes as the repository does.
class ListFeed final : public TaskFeed
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListFeed)

public:
    using TaskFeed::TaskFeed;
    ~ListFeed() override;

    // The list anew (loaded(), loadFinished()); of two tasks with one ID, the later one.
    void setTasks(QList<TaskRecord> tasks);
    // Known tasks change in place (changed(), only those that differ); new ones are appended
    // (inserted(); of two new tasks with one ID, the later one).
    void upsert(const QList<TaskRecord> &tasks);
    void remove(const QStringList &taskIds); // aboutToRemove(), listCompacted(), removed()
};

} // namespace veo
