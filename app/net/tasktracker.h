#pragma once

#include "taskrecord.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

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

    // Loads the store into the model and starts watching unfinished tasks.
    void load();
    // Adds the IDs not yet tracked (others are a no-op); returns how many were new.
    int addTasks(const QStringList &taskIds, const QString &keyId = {});
    void removeTasks(const QStringList &taskIds);
    void setTaskKey(const QStringList &taskIds, const QString &keyId);
    // Commits answers that are still waiting in the batch (also done on a short timer).
    void flush();

Q_SIGNALS:
    // A task reached a final status during this session (for notifications).
    void taskFinished(const QString &taskId, veo::TaskStatus status);
    void storeError(const QString &message);

private:
    void onAnswer(const QString &taskId, const RecordInfoResult &result);

    TaskStore *m_store;
    TaskTableModel *m_model;
    RefreshScheduler *m_scheduler;
    QHash<QString, TaskRecord> m_pending; // answered, not yet committed
    QTimer m_flushTimer;
};

} // namespace veo
