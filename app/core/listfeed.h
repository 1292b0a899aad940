#pragma once

#include "taskfeed.h"

#include <QHash>

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

    const QList<TaskRecord> &tasks() const override { return m_tasks; }
    qsizetype indexOf(const QString &taskId) const override;

    // The list anew (loaded(), loadFinished()); of two tasks with one ID, the later one.
    void setTasks(QList<TaskRecord> tasks);
    // Known tasks change in place (changed(), only those that differ); new ones are appended
    // (inserted(); of two new tasks with one ID, the later one).
    void upsert(const QList<TaskRecord> &tasks);
    void remove(const QStringList &taskIds); // aboutToRemove(), listCompacted(), removed()

private:
    void reindex();

    QList<TaskRecord> m_tasks;
    QHash<QString, qsizetype> m_index;
};

} // namespace veo
