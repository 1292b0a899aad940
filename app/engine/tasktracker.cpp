#include "tasktracker.h"

#include "recordinfoparser.h"
#include "refreshscheduler.h"
#include "taskrepository.h"

#include <QTimer>
#include <algorithm>
#include <utility>

namespace veo {

TaskTracker::TaskTracker(TaskRepository *tasks, RefreshScheduler *scheduler, QObject *parent)
    : QObject(parent), m_tasks(tasks), m_scheduler(scheduler)
{
    connect(m_scheduler, &RefreshScheduler::taskAnswered, this, &TaskTracker::applyAnswer);
    m_watchTimer.setSingleShot(true);
    m_watchTimer.setInterval(0);
    connect(&m_watchTimer, &QTimer::timeout, this, &TaskTracker::watchSlice);
    // A removal moves the tasks after it forward: the next slice starts that much earlier (a
    // task may be handed over twice; none is missed). replace() is a removal and an insertion.
    connect(m_tasks, &TaskFeed::removed, this, [this](const QStringList &taskIds) {
        if (m_watchFrom > 0) {
            m_watchFrom = std::max<qsizetype>(0, m_watchFrom - taskIds.size());
        }
    });
}

TaskTracker::~TaskTracker() = default;

void TaskTracker::load()
{
    if (!m_tasks || !m_scheduler) {
        return;
    }
    m_tasks->load();
    watch();
}

void TaskTracker::watch()
{
    // From the next turn: not on top of what the turn that finished loading does.
    m_watchFrom = 0;
    m_watchTimer.start();
}

void TaskTracker::watchSlice()
{
    // The scheduler takes about 2 µs a task: 100,000 at once held the window for 0.2 s. A slice
    // is read from the repository when its turn comes, as the tasks are then; going by position
    // touches no task outside it (a list of 100,000 IDs took 70 ms to build).
    constexpr qsizetype SliceSize = 5000;
    if (!m_tasks || !m_scheduler || m_watchFrom < 0) {
        return;
    }
    const QList<TaskRecord> &all = m_tasks->tasks();
    const qsizetype end = std::min(m_watchFrom + SliceSize, all.size());
    const QList<TaskRecord> slice = all.mid(m_watchFrom, std::max<qsizetype>(0, end - m_watchFrom));
    m_watchFrom = end < all.size() ? end : -1;
    if (m_watchFrom >= 0) {
        m_watchTimer.start();
    }
    m_scheduler->track(slice);
}

int TaskTracker::addTasks(const QStringList &taskIds, const QString &keyId)
{
    return int(addRecords(newRecords(taskIds, keyId, false)).size());
}

QList<TaskRecord> TaskTracker::addRecords(const QList<TaskRecord> &records)
{
    if (!m_tasks || !m_scheduler) {
        return {};
    }
    const QList<TaskRecord> added = m_tasks->insert(records);
    if (!added.isEmpty()) {
        m_scheduler->track(added);
    }
    return added;
}

QStringList TaskTracker::addTasksUnpolled(const QStringList &taskIds)
{
    QStringList ids;
    const QList<TaskRecord> added =
        m_tasks ? m_tasks->insert(newRecords(taskIds, {}, true)) : QList<TaskRecord>();
    for (const TaskRecord &record : added) {
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
    if (!m_tasks || !m_scheduler) {
        return;
    }
    setFindingOwner(taskIds, false); // polled even when that could not be saved
    QList<TaskRecord> tasks;
    for (const QString &id : taskIds) {
        // An answer still waiting for its commit is the newest state (last check, status).
        if (const std::optional<TaskRecord> current = m_tasks->latest(id)) {
            tasks.append(*current);
        }
    }
    m_scheduler->track(tasks);
}

QStringList TaskTracker::tasksFindingOwner() const
{
    QStringList ids;
    if (!m_tasks) {
        return ids;
    }
    for (const TaskRecord &t : m_tasks->tasks()) {
        if (t.findingOwner) {
            ids.append(t.taskId);
        }
    }
    return ids;
}

void TaskTracker::startOver(const QStringList &taskIds)
{
    if (!m_tasks || !m_scheduler) {
        return;
    }
    m_scheduler->untrack(taskIds);
    m_tasks->update(
        taskIds,
        [](TaskRecord &t) {
            const TaskRecord fresh = t.identity();
            return !(std::exchange(t, fresh) == fresh);
        },
        tr("Could not save %n task update(s) to the task database.", nullptr, int(taskIds.size())));
    QList<TaskRecord> tasks;
    for (const QString &id : taskIds) {
        if (const std::optional<TaskRecord> current = m_tasks->latest(id)) {
            tasks.append(*current);
        }
    }
    m_scheduler->track(tasks);
}

void TaskTracker::setFindingOwner(const QStringList &taskIds, bool finding)
{
    if (!m_tasks) {
        return;
    }
    m_tasks->update(
        taskIds,
        [finding](TaskRecord &t) { return std::exchange(t.findingOwner, finding) != finding; },
        tr("Could not save %n task update(s) to the task database.", nullptr, int(taskIds.size())));
}

QList<TaskRecord> TaskTracker::newRecords(const QStringList &taskIds, const QString &keyId,
                                          bool findingOwner)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<TaskRecord> candidates;
    for (const QString &id : taskIds) {
        TaskRecord record;
        record.taskId = id;
        record.keyId = keyId;
        record.status = TaskStatus::Pending;
        record.addedAt = now;
        record.findingOwner = findingOwner;
        candidates.append(record);
    }
    return candidates;
}

void TaskTracker::removeTasks(const QStringList &taskIds)
{
    if (taskIds.isEmpty() || !m_tasks || !m_scheduler) {
        return;
    }
    if (m_tasks->remove(taskIds)) {
        m_scheduler->untrack(taskIds);
    }
}

void TaskTracker::setTaskKey(const QStringList &taskIds, const QString &keyId)
{
    if (!m_tasks || !m_scheduler) {
        return;
    }
    const QStringList changed = m_tasks->update(
        taskIds, [&keyId](TaskRecord &t) { return std::exchange(t.keyId, keyId) != keyId; },
        tr("Could not save the new API key of the tasks."));
    for (const QString &id : changed) {
        m_scheduler->setTaskKey(id, keyId);
    }
}

bool TaskTracker::contains(const QString &taskId) const
{
    return m_tasks && m_tasks->contains(taskId);
}

void TaskTracker::noteSubmissionOutcome(TaskRecord &record, const RecordInfoResult &result)
{
    // Only a 4K upgrade is polled while its charging request is unsettled: its polls repeat
    // that request, which KIE answers without charging again.
    if (record.submission != TaskSubmission::Sending &&
        record.submission != TaskSubmission::AnswerLost) {
        return;
    }
    switch (result.error.kind) {
    case ApiError::Kind::None:
        record.submission = result.record.status == TaskStatus::Failed ? TaskSubmission::Refused
                                                                       : TaskSubmission::None;
        break;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::TooLarge:
    case ApiError::Kind::BadResponse:
    case ApiError::Kind::Http:
    case ApiError::Kind::Server:
        record.submission = TaskSubmission::AnswerLost; // it may have arrived: never resent
        break;
    default:
        break; // not sent (offline, no key) or refused before anything was made: as it was
    }
}

void TaskTracker::applyAnswer(const QString &taskId, const RecordInfoResult &result)
{
    if (!m_tasks) {
        return;
    }
    std::optional<TaskRecord> latest = m_tasks->latest(taskId);
    if (!latest) {
        return; // removed meanwhile
    }
    TaskRecord &record = *latest;
    const ApiError::Kind kind = result.error.kind;
    noteSubmissionOutcome(record, result);
    if (!result.error.isError()) {
        const QDateTime completed = record.completeTime;
        record.mergeRemote(result.record);
        record.lastError = {};
        record.lastChecked = QDateTime::currentDateTimeUtc();
        if (record.status == TaskStatus::Succeeded && !record.completeTime.isValid()) {
            // Upgrade answers carry no times: finished when first seen finished (the 14-day
            // clock of its video starts about then).
            record.completeTime = completed.isValid() ? completed : record.lastChecked;
        }
    } else {
        // Keep the last good state; only say what went wrong this time.
        record.lastError = result.error;
        // No request was made for these: "last checked" stays when KIE last answered.
        if (kind != ApiError::Kind::NoKey && kind != ApiError::Kind::Offline) {
            record.lastChecked = QDateTime::currentDateTimeUtc();
        }
        if (kind == ApiError::Kind::GaveUp) {
            record.status = TaskStatus::Failed;
        } else if (result.error.isFinal() && record.status == TaskStatus::Pending) {
            record.status = TaskStatus::Unavailable;
        }
    }
    m_tasks->stage(record);
}

} // namespace veo
