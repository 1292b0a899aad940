#include "tasktracker.h"

#include "recordinfoparser.h"
#include "refreshscheduler.h"
#include "taskstore.h"
#include "tasktablemodel.h"

#include <QSet>
#include <utility>

namespace veo {

TaskTracker::TaskTracker(TaskStore *store, TaskTableModel *model, RefreshScheduler *scheduler,
                         QObject *parent)
    : QObject(parent), m_store(store), m_model(model), m_scheduler(scheduler)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(std::chrono::milliseconds(200));
    connect(&m_flushTimer, &QTimer::timeout, this, &TaskTracker::flush);
    connect(m_scheduler, &RefreshScheduler::taskAnswered, this, &TaskTracker::applyAnswer);
}

TaskTracker::~TaskTracker()
{
    flush();
}

void TaskTracker::setFlushDelay(std::chrono::milliseconds delay)
{
    m_flushTimer.setInterval(delay);
}

void TaskTracker::load()
{
    if (!m_store || !m_model || !m_scheduler) {
        return;
    }
    const QList<TaskRecord> tasks = m_store->loadAll();
    m_model->setTasks(tasks);
    QList<TaskRecord> polled;
    polled.reserve(tasks.size());
    for (const TaskRecord &t : tasks) {
        if (!t.findingOwner) {
            polled.append(t);
        }
    }
    m_scheduler->track(polled);
}

int TaskTracker::addTasks(const QStringList &taskIds, const QString &keyId)
{
    const QList<TaskRecord> added = insertNew(taskIds, keyId, false);
    if (!added.isEmpty()) {
        m_scheduler->track(added);
    }
    return int(added.size());
}

QStringList TaskTracker::addTasksUnpolled(const QStringList &taskIds)
{
    QStringList ids;
    for (const TaskRecord &record : insertNew(taskIds, {}, true)) {
        ids.append(record.taskId);
    }
    return ids;
}

void TaskTracker::stopPolling(const QStringList &taskIds)
{
    if (!m_scheduler) {
        return;
    }
    m_scheduler->untrack(taskIds);
    setFindingOwner(taskIds, true);
}

void TaskTracker::startPolling(const QStringList &taskIds)
{
    if (!m_model || !m_scheduler) {
        return;
    }
    setFindingOwner(taskIds, false); // polled even when that could not be saved
    QList<TaskRecord> tasks;
    for (const QString &id : taskIds) {
        // An answer still waiting for its commit is the newest state (last check, status).
        if (auto pending = m_pending.constFind(id); pending != m_pending.cend()) {
            tasks.append(pending.value());
        } else if (const TaskRecord *current = m_model->task(id)) {
            tasks.append(*current);
        }
    }
    m_scheduler->track(tasks);
}

QStringList TaskTracker::tasksFindingOwner() const
{
    QStringList ids;
    if (!m_model) {
        return ids;
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (const TaskRecord &t = m_model->taskAt(row); t.findingOwner) {
            ids.append(t.taskId);
        }
    }
    return ids;
}

void TaskTracker::setFindingOwner(const QStringList &taskIds, bool finding)
{
    updateLocal(
        taskIds,
        [finding](TaskRecord &t) { return std::exchange(t.findingOwner, finding) != finding; },
        tr("Could not save %n task update(s) to the task database.", nullptr, int(taskIds.size())));
}

QStringList TaskTracker::updateLocal(const QStringList &taskIds,
                                     const std::function<bool(TaskRecord &)> &change,
                                     const QString &failure)
{
    QStringList ids;
    if (!m_store || !m_model) {
        return ids;
    }
    flush(); // one committed state to start from
    QList<TaskRecord> changed;
    for (const QString &id : taskIds) {
        if (auto pending = m_pending.find(id); pending != m_pending.end()) {
            // The flush failed: the answer waiting for the next one carries the change (else
            // it would later overwrite it with the old value).
            if (change(pending.value())) {
                ids << id;
            }
            continue;
        }
        if (const TaskRecord *current = m_model->task(id)) {
            TaskRecord record = *current;
            if (change(record)) {
                changed.append(record);
            }
        }
    }
    if (changed.isEmpty()) {
        return ids;
    }
    if (!m_store->update(changed)) {
        Q_EMIT storeError(failure); // the model mirrors the store: unchanged too
        return ids;
    }
    m_model->upsertTasks(changed);
    for (const TaskRecord &record : std::as_const(changed)) {
        ids << record.taskId;
    }
    return ids;
}

QList<TaskRecord> TaskTracker::insertNew(const QStringList &taskIds, const QString &keyId,
                                         bool findingOwner)
{
    if (!m_store || !m_model || !m_scheduler) {
        return {};
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<TaskRecord> candidates;
    QSet<QString> seen;
    for (const QString &id : taskIds) {
        if (id.isEmpty() || seen.contains(id) || m_model->task(id)) {
            continue;
        }
        seen.insert(id);
        TaskRecord record;
        record.taskId = id;
        record.keyId = keyId;
        record.status = TaskStatus::Pending;
        record.addedAt = now;
        record.findingOwner = findingOwner;
        candidates.append(record);
    }
    if (candidates.isEmpty()) {
        return {};
    }
    const QList<TaskRecord> added = m_store->insertNew(candidates);
    if (!added.isEmpty()) {
        m_model->upsertTasks(added);
    }
    return added;
}

void TaskTracker::removeTasks(const QStringList &taskIds)
{
    if (taskIds.isEmpty() || !m_store || !m_model || !m_scheduler) {
        return;
    }
    if (!m_store->remove(taskIds)) {
        Q_EMIT storeError(tr("Could not remove tasks from the task database."));
        return;
    }
    for (const QString &id : taskIds) {
        m_pending.remove(id);
    }
    m_model->removeTasks(taskIds);
    m_scheduler->untrack(taskIds);
}

void TaskTracker::setTaskKey(const QStringList &taskIds, const QString &keyId)
{
    if (!m_scheduler) {
        return;
    }
    const QStringList changed = updateLocal(
        taskIds, [&keyId](TaskRecord &t) { return std::exchange(t.keyId, keyId) != keyId; },
        tr("Could not save the new API key of the tasks."));
    for (const QString &id : changed) {
        m_scheduler->setTaskKey(id, keyId);
    }
}

bool TaskTracker::contains(const QString &taskId) const
{
    return m_model && m_model->task(taskId);
}

void TaskTracker::applyAnswer(const QString &taskId, const RecordInfoResult &result)
{
    if (!m_model) {
        return;
    }
    auto pending = m_pending.find(taskId);
    TaskRecord record;
    if (pending != m_pending.end()) {
        record = pending.value();
    } else if (const TaskRecord *current = m_model->task(taskId)) {
        record = *current;
    } else {
        return; // removed meanwhile
    }

    const ApiError::Kind kind = result.error.kind;
    if (!result.error.isError()) {
        record.mergeRemote(result.record);
        record.lastError = {};
        record.lastChecked = QDateTime::currentDateTimeUtc();
    } else {
        // Keep the last good state; only say what went wrong this time.
        record.lastError = result.error;
        // No request was made for these: "last checked" stays when KIE last answered.
        if (kind != ApiError::Kind::NoKey && kind != ApiError::Kind::Offline) {
            record.lastChecked = QDateTime::currentDateTimeUtc();
        }
        if (result.error.isFinal() && record.status == TaskStatus::Pending) {
            record.status = TaskStatus::Unavailable;
        }
    }
    m_pending.insert(taskId, record);
    if (!m_flushTimer.isActive()) {
        m_flushTimer.start(); // not restarted per answer: a steady stream still commits
    }
}

void TaskTracker::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty() || !m_store || !m_model) {
        return;
    }
    const QList<TaskRecord> batch = m_pending.values();
    if (!m_store->update(batch)) {
        // The model mirrors the store, so it is not updated either. The answers stay
        // pending and are committed together with the next ones.
        Q_EMIT storeError(tr("Could not save %n task update(s) to the task database.", nullptr,
                             int(batch.size())));
        return;
    }
    m_pending.clear();

    QList<std::pair<QString, TaskStatus>> finished;
    for (const TaskRecord &record : batch) {
        const TaskRecord *before = m_model->task(record.taskId);
        if (before && !isFinal(before->status) && isFinal(record.status)) {
            finished.append({record.taskId, record.status});
        }
    }
    m_model->upsertTasks(batch);
    for (const auto &[id, status] : std::as_const(finished)) {
        Q_EMIT taskFinished(id, status);
    }
}

} // namespace veo
