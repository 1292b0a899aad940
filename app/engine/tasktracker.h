#pragma once

#include "taskrecord.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace veo {

class RefreshScheduler;
class TaskRepository;
struct RecordInfoResult;

// Wires the data flow in one direction: scheduler answers -> repository (committed to the
// store) -> views. Adding and removing tasks goes through here too, so that the repository
// and the scheduler never disagree.
class TaskTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskTracker)

public:
    TaskTracker(TaskRepository *tasks, RefreshScheduler *scheduler, QObject *parent = nullptr);
    ~TaskTracker() override;

    // Loads the repository from its store and starts watching its tasks (watch()).
    void load();
    // Starts watching the repository's tasks, except those whose owner is still being looked
    // for (see tasksFindingOwner()): once they are loaded. A long list is handed to the
    // scheduler 5,000 tasks per turn of the event loop, from the next turn on.
    void watch();
    // Adds the IDs not yet tracked (others are a no-op); returns how many were new.
    int addTasks(const QStringList &taskIds, const QString &keyId = {});
    // Adds tasks made here (upgrades, extensions) as they are; returns the ones that were new.
    // Those that can be read are polled.
    QList<TaskRecord> addRecords(const QList<TaskRecord> &records);
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
    // Forgets what is known about these tasks (keeping their key and when they were added) and
    // polls them from the start again: the demo's simulated server tells its story anew at
    // every launch. Their rows stay, and with them the selection and downloaded files.
    void startOver(const QStringList &taskIds);
    void setTaskKey(const QStringList &taskIds, const QString &keyId);
    bool contains(const QString &taskId) const;
    // Takes one answer like a poll's: merged, staged, committed with the next batch (also
    // used by KeyProber).
    void applyAnswer(const QString &taskId, const veo::RecordInfoResult &result);

private:
    static QList<TaskRecord> newRecords(const QStringList &taskIds, const QString &keyId,
                                        bool findingOwner);
    void setFindingOwner(const QStringList &taskIds, bool finding);
    static void noteSubmissionOutcome(TaskRecord &record, const RecordInfoResult &result);

    void watchSlice();

    // Guarded: with Qt parent ownership the tracker may outlive them at shutdown.
    QPointer<TaskRepository> m_tasks;
    QPointer<RefreshScheduler> m_scheduler;
    // Where in the repository's list watch() goes on (-1: done). A removal moves it back by as
    // many tasks (wherever they were: a task may be handed over twice, none is skipped); new
    // tasks come at the end, and the tracker hands them over itself when it adds them.
    qsizetype m_watchFrom = -1;
    QTimer m_watchTimer; // the next slice, on the next turn of the event loop
};

} // namespace veo
