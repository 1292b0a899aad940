#pragma once

#include "taskrecord.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <functional>

namespace veo {

class RefreshScheduler;
class TaskStore;
class TaskTableModel;
struct RecordInfoResult;

// Wires the data flow in one direction: scheduler answers -> store (committed) -> model.
// Adding and removing tasks goes through here too, so the three never disagree.
class TaskTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskTracker)

public:
    TaskTracker(TaskStore *store, TaskTableModel *model, RefreshScheduler *scheduler,
                QObject *parent = nullptr);
    ~TaskTracker() override;

    // Loads the store into the model and starts watching unfinished tasks (except those
    // whose owner is still being looked for: see tasksFindingOwner()).
    void load();
    // Adds the IDs not yet tracked (others are a no-op); returns how many were new.
    int addTasks(const QStringList &taskIds, const QString &keyId = {});
    // Adds like addTasks() (with the default key) and shows them, marked findingOwner: the
    // scheduler leaves them alone until startPolling(), KeyProber first finds which key owns
    // them. Returns the IDs that were new.
    QStringList addTasksUnpolled(const QStringList &taskIds);
    // The same for listed tasks: marks them findingOwner and stops their polls.
    void stopPolling(const QStringList &taskIds);
    // Hands tasks back to the scheduler, with the key they have now, and clears the mark.
    void startPolling(const QStringList &taskIds);
    // Listed tasks marked findingOwner, e.g. by a search that a quit interrupted.
    QStringList tasksFindingOwner() const;
    void removeTasks(const QStringList &taskIds);
    void setTaskKey(const QStringList &taskIds, const QString &keyId);
    bool contains(const QString &taskId) const;
    // Takes one answer like a poll's: merged, batched, committed (also used by KeyProber).
    void applyAnswer(const QString &taskId, const veo::RecordInfoResult &result);
    // Commits answers that are still waiting in the batch (also done on a short timer).
    void flush();
    // How long answers are collected before one commit (default 200 ms).
    void setFlushDelay(std::chrono::milliseconds delay);

Q_SIGNALS:
    // A task reached a final status during this session (for notifications).
    void taskFinished(const QString &taskId, veo::TaskStatus status);
    void storeError(const QString &message);

private:
    QList<TaskRecord> insertNew(const QStringList &taskIds, const QString &keyId,
                                bool findingOwner);
    void setFindingOwner(const QStringList &taskIds, bool finding);
    // Local bookkeeping (key, owner search) of the listed tasks among taskIds: change() edits
    // a record and says whether it changed it. Committed from one flushed state, then
    // mirrored in the model; failure is the storeError() text. Returns the changed IDs.
    QStringList updateLocal(const QStringList &taskIds,
                            const std::function<bool(TaskRecord &)> &change,
                            const QString &failure);

    // Guarded: with Qt parent ownership the tracker may outlive them at shutdown.
    QPointer<TaskStore> m_store;
    QPointer<TaskTableModel> m_model;
    QPointer<RefreshScheduler> m_scheduler;
    QHash<QString, TaskRecord> m_pending; // answered, not yet committed (or failed to commit)
    QTimer m_flushTimer;
};

} // namespace veo
