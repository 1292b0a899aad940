#pragma once

#include "taskfeed.h"
#include "taskrecord.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <functional>
#include <optional>

namespace veo {

class TaskStore;

// The tasks of this run: the truth in memory, always what the store has committed, but for
// each task's paramJson, which is read from the store when needed (paramJson()). Every
// service reads tasks here and changes them only through here; views follow the signals
// (TaskFeed: loaded, inserted, changed, aboutToRemove, listCompacted and removed), which
// come only after the store committed. Poll answers are staged and committed together on a
// short timer (one transaction per batch); local changes (a key, an owner search) are
// committed at once, from a flushed state.
class TaskRepository final : public TaskFeed
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskRepository)

public:
    static constexpr std::chrono::milliseconds DefaultFlushDelay{200};
    // After a failed commit, staged answers are tried again after 2 s, doubling up to 60 s.
    static constexpr std::chrono::milliseconds FlushRetryDelay{2000};
    static constexpr std::chrono::milliseconds FlushRetryCap{60000};
    // The store is not owned and may go first at shutdown.
    explicit TaskRepository(TaskStore *store,
                            std::chrono::milliseconds flushDelay = DefaultFlushDelay,
                            QObject *parent = nullptr);
    ~TaskRepository() override; // commits what is staged

    // Reads every task from the store (replacing what is held); emits loaded(), then
    // loadFinished().
    void load();
    // The same a little at a time, so that a long list does not hold up the event loop: the
    // first LoadStep's worth now (loaded()), the rest in turns of the event loop (loadedMore()),
    // then loadFinished(). Anything that changes the list while it loads reads the rest first
    // (finishLoading()): nothing is lost or overwritten.
    static constexpr std::chrono::milliseconds LoadStep{12};
    void loadInSteps(std::chrono::milliseconds step = LoadStep); // at least 256 tasks a step
    bool isLoading() const { return m_loading; }
    // Reads what is left of a load in steps now.
    void finishLoading();

    // The committed state of a task; null when unknown. Valid until the next change.
    const TaskRecord *task(const QString &taskId) const;
    // The newest state: a staged answer not committed yet wins over the committed one.
    std::optional<TaskRecord> latest(const QString &taskId) const;
    // A task's paramJson (the request that made it). The tasks held here have none (null: the
    // list does not show it, and it is the heaviest field), so it is read from the store; a
    // staged answer's, not stored yet, wins. Null for an unknown task.
    QString paramJson(const QString &taskId) const;
    // Sets each task's paramJson to what paramJson() returns (an export); for a tenth of the
    // list or more, with one read of the store.
    void fillParamJson(QList<TaskRecord> &tasks) const;
    int count() const { return int(tasks().size()); }
    // tasks() are in the order they were added (the store's order on load).
    qsizetype expectedCount() const override;

    // Commits the records that are not known yet (others are ignored); returns the ones added.
    QList<TaskRecord> insert(const QList<TaskRecord> &records);
    // Removes tasks (store first). False (and storeError) when the store refused.
    bool remove(const QStringList &taskIds);
    // A placeholder task gets its KIE task ID (record.taskId): committed at once, seen by
    // views as the placeholder removed and the record inserted. False (and storeError) when
    // the store refused or the new ID is already listed.
    bool replace(const QString &oldTaskId, const TaskRecord &record);
    // Changes local bookkeeping (key, owner search) of the listed known tasks and commits it
    // at once: change() edits a record and says whether it changed it. failure is the
    // storeError() text. Returns the IDs that changed (a change riding on a staged answer
    // that could not be committed yet counts: it is committed with it).
    QStringList update(const QStringList &taskIds, const std::function<bool(TaskRecord &)> &change,
                       const QString &failure);

    // Stages a new state of a known task (a poll's answer): committed by the next flush().
    void stage(const TaskRecord &record);
    // Commits what is staged now (also done on the timer).
    void flush();

Q_SIGNALS:
    // These tasks reach a final status in the commit that follows: what must not be lost with
    // it (their automatic downloads) is saved first, since the app may die between two commits.
    void finishing(const QList<veo::TaskRecord> &records);
    // A task reached a final status (committed) during this run.
    void taskFinished(const QString &taskId, veo::TaskStatus status);
    // Translated: what could not be saved. The in-memory state stays the committed one.
    void storeError(const QString &message);

private:
    void apply(QList<TaskRecord> records);
    // Reads the next part of a load in steps (all of it when budget is null); true when done.
    bool loadStep(std::optional<std::chrono::milliseconds> budget);
    void reportPartialRead(const QString &why); // the store stopped short of the whole list
    void makeRoom(); // counts the stored tasks once a load in steps goes on, and makes room
    // A staged answer's paramJson (null when none is staged or it has none).
    QString stagedParamJson(const QString &taskId) const;

    QPointer<TaskStore> m_store;
    QHash<QString, TaskRecord> m_staged; // answered, not committed yet (or failed to commit)
    QTimer m_flushTimer;
    std::chrono::milliseconds m_flushDelay;
    int m_failedFlushes = 0; // commits failed in a row (the retry backs off)
    bool m_loading = false;
    qint64 m_loadedUpTo = 0;   // the store's row a load in steps goes on after
    qsizetype m_expected = -1; // how many tasks a load in steps reads (-1: not counted yet)
    QTimer m_loadTimer;        // the next step of a load in steps
    std::chrono::milliseconds m_loadStep = LoadStep;
};

} // namespace veo
