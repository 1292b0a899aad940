#include "createrequests.h"

#include "clock.h"
#include "requestscheduler.h"
#include "taskidparser.h"
#include "taskrepository.h"
#include "tasktracker.h"
#include "veofollowups.h"

#include <memory>
#include <utility>

namespace veo {

namespace {

// KIE answered and made nothing: sending again cannot charge twice.
bool refusedForSure(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
    case ApiError::Kind::InsufficientCredits:
    case ApiError::Kind::RateLimited:
    case ApiError::Kind::Maintenance:
    case ApiError::Kind::Rejected:
    case ApiError::Kind::NotFound:
    case ApiError::Kind::NotFoundYet:
    case ApiError::Kind::Expired:
    case ApiError::Kind::NoKey:
    case ApiError::Kind::InsecureBase:
        return true;
    case ApiError::Kind::Server:
        return error.code == 501 || error.code == 505; // "failed", "feature disabled"
    default:
        return false; // no answer, or one that cannot tell: it may have been made
    }
}

} // namespace

CreateRequests::CreateRequests(TaskRepository *tasks, TaskTracker *tracker,
                               RequestScheduler *requests, QObject *parent)
    : QObject(parent),
      m_tasks(tasks),
      m_tracker(tracker),
      m_requests(requests),
      m_pace([clock = requests->clock()] { return clock->nowMs(); }, 20, 10000)
{
    connect(requests, &RequestScheduler::onlineChanged, this, &CreateRequests::onlineChanged);
}

Clock *CreateRequests::clock() const
{
    return m_requests ? m_requests->clock() : nullptr;
}

qint64 CreateRequests::waitMs(const QString &keyId)
{
    if (m_handedOver.value(keyId) > 0) {
        return -1;
    }
    return m_requests ? m_pace.waitMs(m_requests->token(keyId)) : 0;
}

bool CreateRequests::isOnline() const
{
    return m_requests && m_requests->isOnline();
}

CreateRequests::Outcome CreateRequests::submit(TaskRecord placeholder, const ApiRequest &request)
{
    if (!m_tracker || !m_requests) {
        return {{}, tr("The request could not be saved, so it was not sent.")};
    }
    if (!m_requests->isOnline()) {
        return {{}, tr("This computer is offline; nothing was sent.")};
    }
    placeholder.submission = TaskSubmission::Sending;
    placeholder.status = TaskStatus::Pending;
    if (!placeholder.addedAt.isValid()) {
        placeholder.addedAt = QDateTime::currentDateTimeUtc();
    }
    // Stored before it is sent: a crash or a lost answer leaves a visible task, never a
    // request that could be sent twice.
    if (m_tracker->addRecords({placeholder}).isEmpty()) {
        return {{}, tr("The request could not be saved, so it was not sent.")};
    }
    send(placeholder.taskId, placeholder.keyId, request);
    return {placeholder.taskId, {}};
}

QStringList CreateRequests::enqueue(QList<TaskRecord> placeholders)
{
    if (!m_tracker) {
        return {};
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (TaskRecord &p : placeholders) {
        p.submission = TaskSubmission::Queued;
        p.status = TaskStatus::Pending;
        if (!p.addedAt.isValid()) {
            p.addedAt = now;
        }
    }
    QStringList ids;
    for (const TaskRecord &stored : m_tracker->addRecords(placeholders)) {
        ids.append(stored.taskId);
    }
    return ids;
}

CreateRequests::Outcome CreateRequests::resend(const QString &placeholderId,
                                               const ApiRequest &request)
{
    const TaskRecord *task = m_tasks ? m_tasks->task(placeholderId) : nullptr;
    if (!task || !task->awaitsTaskId() || task->submission == TaskSubmission::Sending ||
        task->submission == TaskSubmission::Paused) {
        return {placeholderId, tr("This request is not waiting to be sent again.")};
    }
    if (!isOnline()) {
        return {placeholderId, tr("This computer is offline; nothing was sent.")};
    }
    const QString keyId = task->keyId;
    const QStringList saved = m_tasks->update(
        {placeholderId},
        [](TaskRecord &t) {
            t.submission = TaskSubmission::Sending;
            t.status = TaskStatus::Pending;
            t.lastError = {};
            return true;
        },
        tr("Could not save the state of the request."));
    if (saved.isEmpty()) {
        return {placeholderId, tr("The request could not be saved, so it was not sent.")};
    }
    send(placeholderId, keyId, request);
    return {placeholderId, {}};
}

void CreateRequests::send(const QString &placeholderId, const QString &keyId,
                          const ApiRequest &request)
{
    // Counted when it leaves: the request machine may hold it behind other requests.
    ++m_handedOver[keyId];
    auto left = std::make_shared<bool>(false);
    const auto leave = [this, keyId, left] {
        if (!std::exchange(*left, true) && --m_handedOver[keyId] <= 0) {
            m_handedOver.remove(keyId);
            Q_EMIT readyToSend(keyId);
        }
    };
    const auto go = [self = QPointer<CreateRequests>(this), placeholderId, keyId, request, leave] {
        if (!self || !self->m_requests) {
            return;
        }
        self->m_requests->submit(
            keyId, request, RequestScheduler::Pace::OnDemand, self,
            [self, placeholderId, leave](const HttpAnswer &answer) {
                leave(); // answered without leaving (no key, dropped): nothing is on its way
                self->settle(placeholderId, answer);
            },
            [self, placeholderId, keyId, leave] {
                if (self->m_requests) {
                    self->m_pace.recordSend(self->m_requests->token(keyId));
                }
                Q_EMIT self->sent(placeholderId, keyId); // before the next one may go
                leave();
            });
    };
    if (m_gate) {
        m_gate(placeholderId, keyId, go);
    } else {
        go();
    }
}

void CreateRequests::settle(const QString &placeholderId, const HttpAnswer &answer)
{
    const std::optional<TaskRecord> placeholder =
        m_tasks ? m_tasks->latest(placeholderId) : std::nullopt;
    if (!placeholder) {
        return; // removed while it was on its way
    }
    const CreatedTask created =
        answer.networkError.isError()
            ? CreatedTask{answer.networkError, {}}
            : parseCreatedTask(answer.httpStatus, answer.body, answer.retryAfter);
    if (!created.error.isError()) {
        const Outcome accepted = adoptTaskId(placeholderId, created.taskId);
        Q_EMIT settled(placeholderId, placeholder->kind, accepted.taskId, TaskSubmission::None,
                       accepted.error);
        return;
    }
    if (created.error.kind == ApiError::Kind::RateLimited && m_requests) {
        m_pace.block(m_requests->token(placeholder->keyId), created.error.retryAfterSeconds);
    }
    const bool refused = refusedForSure(created.error);
    m_tasks->update(
        {placeholderId},
        [&](TaskRecord &t) {
            t.submission = refused ? TaskSubmission::Refused : TaskSubmission::AnswerLost;
            t.status = refused ? TaskStatus::Failed : TaskStatus::Pending;
            t.lastError = created.error;
            t.lastChecked = QDateTime::currentDateTimeUtc();
            return true;
        },
        tr("Could not save the state of the request."));
    Q_EMIT settled(placeholderId, placeholder->kind, {},
                   refused ? TaskSubmission::Refused : TaskSubmission::AnswerLost,
                   created.error.text());
}

CreateRequests::Outcome CreateRequests::adoptTaskId(const QString &placeholderId,
                                                    const QString &taskId)
{
    const std::optional<TaskRecord> placeholder =
        m_tasks ? m_tasks->latest(placeholderId) : std::nullopt;
    if (!placeholder || !placeholder->awaitsTaskId() || !m_tracker) {
        return {{}, tr("The task %1 is not waiting for a task ID.").arg(placeholderId)};
    }
    const QString id = taskId.trimmed();
    if (!isValidTaskId(id)) {
        return {{}, tr("\"%1\" is not a task ID.").arg(id)};
    }
    if (m_tasks->contains(id)) {
        // Already listed (added by hand meanwhile): it takes the placeholder's place.
        m_tasks->update(
            {id},
            [&](TaskRecord &t) {
                const bool changed =
                    t.kind != placeholder->kind || t.parentTaskId != placeholder->parentTaskId;
                t.kind = placeholder->kind;
                t.parentTaskId = placeholder->parentTaskId;
                return changed;
            },
            tr("Could not save the new task ID %1 to the task database.").arg(id));
        m_tracker->removeTasks({placeholderId});
        return {id, {}};
    }
    TaskRecord record = *placeholder;
    record.taskId = id;
    record.submission = TaskSubmission::None;
    record.status = TaskStatus::Pending;
    record.lastError = {};
    if (!m_tasks->replace(placeholderId, record)) {
        return {{}, tr("Could not save the new task ID %1 to the task database.").arg(id)};
    }
    m_tracker->startPolling({id});
    return {id, {}};
}

void CreateRequests::settleInterrupted()
{
    if (!m_tasks) {
        return;
    }
    QStringList sending;
    for (const TaskRecord &t : m_tasks->tasks()) {
        if (t.submission == TaskSubmission::Sending) {
            sending.append(t.taskId);
        }
    }
    m_tasks->update(
        sending,
        [](TaskRecord &t) {
            t.submission = TaskSubmission::AnswerLost;
            return true;
        },
        tr("Could not save the state of requests sent before the app stopped."));
}

} // namespace veo
