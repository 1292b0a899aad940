#include "generations.h"

#include "clock.h"
#include "createrequests.h"
#include "deadlinetimer.h"
#include "keyring.h"
#include "taskrepository.h"

#include <QUuid>
#include <algorithm>

namespace veo {

Generations::Generations(TaskRepository *tasks, CreateRequests *creates, KeyRing *keys,
                         QObject *parent)
    : QObject(parent), m_tasks(tasks), m_creates(creates), m_keys(keys),
      m_timer(new DeadlineTimer(creates->clock(), this))
{
    connect(creates, &CreateRequests::settled, this,
            [this](const QString &placeholderId, TaskKind kind, const QString &taskId,
                   TaskSubmission outcome, const QString &detail) {
                if (kind == TaskKind::VeoGeneration) {
                    onSettled(placeholderId, taskId, outcome, detail);
                }
            });
    connect(m_timer, &DeadlineTimer::timeout, this, &Generations::sendDue);
    connect(creates, &CreateRequests::onlineChanged, this, &Generations::sendDue);
    connect(creates, &CreateRequests::readyToSend, this, &Generations::sendDue);
    connect(keys, &KeyRing::stateChanged, this, &Generations::sendDue);
    connect(keys, &KeyRing::profilesChanged, this, &Generations::sendDue);
}

void Generations::onSettled(const QString &placeholderId, const QString &taskId,
                            TaskSubmission outcome, const QString &detail)
{
    const TaskRecord *task = m_tasks ? m_tasks->task(placeholderId) : nullptr;
    if (outcome == TaskSubmission::Refused && task &&
        task->lastError.kind == ApiError::Kind::RateLimited) {
        // Over KIE's limit: nothing was made. It goes back to its place in the queue, and the
        // key waits for Retry-After (CreateRequests holds it).
        setSubmission({placeholderId}, TaskSubmission::Refused, TaskSubmission::Queued);
        sendDue();
        return;
    }
    QString error = detail;
    if (outcome == TaskSubmission::Refused) {
        error = tr("KIE refused the generation: %1").arg(detail);
    } else if (outcome == TaskSubmission::AnswerLost) {
        error = tr("The generation was sent but its answer was lost (%1). It is not "
                   "sent again: check your kie.ai logs, then add its task ID.")
                    .arg(detail);
    }
    Q_EMIT generationSettled(placeholderId, taskId, error);
}

QString Generations::blocker(const QString &keyId) const
{
    if (!m_keys || !m_keys->hasSecret(keyId)) {
        return tr("No API key is available to pay for it: add one in API Keys.");
    }
    const std::optional<KeyProfile> profile = m_keys->profile(keyId);
    if (profile && profile->credits && *profile->credits <= 0) {
        return tr("The key \"%1\" has no credits left: top up on kie.ai, then check its "
                  "credits in API Keys.")
            .arg(profile->label);
    }
    return {};
}

ApiError Generations::held(const QString &keyId) const
{
    if (!m_keys || !m_keys->hasSecret(keyId)) {
        return {ApiError::Kind::NoKey};
    }
    const std::optional<KeyProfile> profile = m_keys->profile(keyId);
    if (profile && profile->credits && *profile->credits <= 0) {
        return {ApiError::Kind::InsufficientCredits, 402};
    }
    return {};
}

TaskRecord Generations::placeholder(const GenerateOptions &options, const QString &keyId,
                                    const QString &sourceTaskId) const
{
    TaskRecord record;
    // Our own ID until KIE's arrives: no pasted task ID looks like it.
    record.taskId = QStringLiteral("generate:") + QUuid::createUuid().toString(QUuid::Id128);
    record.kind = TaskKind::VeoGeneration;
    record.keyId = keyId;
    record.sourceTaskId = sourceTaskId;
    record.paramJson = generateParamJson(options);
    record.prompt = options.prompt;
    record.model = options.model;
    record.aspectRatio = options.aspectRatio;
    record.requestedResolution = options.resolution;
    record.generationType = options.generationType;
    record.imageUrls = options.imageUrls;
    return record;
}

Generations::Outcome Generations::generate(const GenerateOptions &options, const QString &keyId,
                                           const QString &sourceTaskId)
{
    const BatchOutcome stored = queue({options}, keyId, sourceTaskId);
    return {stored.taskIds.value(0), stored.error};
}

Generations::BatchOutcome Generations::generateMany(const QList<GenerateOptions> &batch,
                                                    const QString &keyId)
{
    return queue(batch, keyId, {});
}

Generations::BatchOutcome Generations::queue(const QList<GenerateOptions> &batch,
                                             const QString &keyId, const QString &sourceTaskId)
{
    if (batch.isEmpty()) {
        return {{}, tr("There is nothing to generate.")};
    }
    QList<TaskRecord> records;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (const QString problem = generateOptionsProblem(batch.at(i)); !problem.isEmpty()) {
            return {{},
                    batch.size() == 1 ? problem : tr("Generation %1: %2").arg(i + 1).arg(problem)};
        }
        TaskRecord record = placeholder(batch.at(i), keyId, sourceTaskId);
        // The queue's order is the order of addedAt: one millisecond apart, as listed.
        record.addedAt = now.addMSecs(i);
        records.append(record);
    }
    if (const QString why = blocker(keyId); !why.isEmpty()) {
        return {{}, why};
    }
    const QStringList ids = m_creates ? m_creates->enqueue(records) : QStringList();
    if (ids.size() != records.size()) {
        // Stored in one transaction: all or none.
        return {{}, tr("The request could not be saved, so it was not sent.")};
    }
    sendDue();
    return {ids, {}};
}

Generations::Outcome Generations::sendAgain(const QString &placeholderId)
{
    const TaskRecord *task = m_tasks ? m_tasks->task(placeholderId) : nullptr;
    const bool waiting = task && task->kind == TaskKind::VeoGeneration &&
                         (task->submission == TaskSubmission::Refused ||
                          task->submission == TaskSubmission::AnswerLost);
    if (!waiting || !generateOptionsFromParamJson(m_tasks->paramJson(placeholderId))) {
        return {placeholderId, tr("This request can no longer be sent: start a new generation.")};
    }
    if (const QString why = blocker(task->keyId); !why.isEmpty()) {
        return {placeholderId, why};
    }
    if (setSubmission({placeholderId}, task->submission, TaskSubmission::Queued).isEmpty()) {
        return {placeholderId, tr("The request could not be saved, so it was not sent.")};
    }
    sendDue();
    return {placeholderId, {}};
}

QStringList Generations::pause(const QStringList &taskIds)
{
    return setSubmission(taskIds, TaskSubmission::Queued, TaskSubmission::Paused);
}

QStringList Generations::resume(const QStringList &taskIds)
{
    const QStringList resumed =
        setSubmission(taskIds, TaskSubmission::Paused, TaskSubmission::Queued);
    sendDue();
    return resumed;
}

QStringList Generations::cancel(const QStringList &taskIds)
{
    QStringList unsent;
    for (const QString &id : taskIds) {
        const TaskRecord *t = m_tasks ? m_tasks->task(id) : nullptr;
        if (t && t->kind == TaskKind::VeoGeneration &&
            (t->submission == TaskSubmission::Queued || t->submission == TaskSubmission::Paused)) {
            unsent.append(id);
        }
    }
    if (unsent.isEmpty() || !m_tasks->remove(unsent)) {
        return {};
    }
    return unsent;
}

QStringList Generations::setSubmission(const QStringList &taskIds, TaskSubmission from,
                                       TaskSubmission to)
{
    if (!m_tasks) {
        return {};
    }
    return m_tasks->update(
        taskIds,
        [&](TaskRecord &t) {
            if (t.kind != TaskKind::VeoGeneration || t.submission != from) {
                return false;
            }
            t.submission = to;
            t.status = TaskStatus::Pending;
            if (t.lastError.kind != ApiError::Kind::RateLimited) {
                t.lastError = {}; // a 429 stays in sight until the request goes
            }
            return true;
        },
        tr("Could not save the state of the request."));
}

void Generations::sendDue()
{
    m_timer->stop();
    if (m_stopped || !m_tasks || !m_creates || !m_keys || m_keys->isLoading()) {
        return; // the keys' stateChanged calls again once they are read
    }
    QList<TaskRecord> queued; // copies: sending changes the repository
    for (const TaskRecord &t : m_tasks->tasks()) {
        if (t.kind == TaskKind::VeoGeneration && t.submission == TaskSubmission::Queued) {
            queued.append(t);
        }
    }
    std::stable_sort(queued.begin(), queued.end(), [](const TaskRecord &a, const TaskRecord &b) {
        return a.addedAt < b.addedAt;
    });
    QHash<QString, ApiError> holds; // per key: why its generations wait (None: they may go)
    QStringList marked;
    std::optional<qint64> nextMs;
    for (const TaskRecord &t : std::as_const(queued)) {
        if (!holds.contains(t.keyId)) {
            // Offline: all wait, and onlineChanged calls again.
            holds.insert(t.keyId,
                         m_creates->isOnline() ? held(t.keyId) : ApiError{ApiError::Kind::Offline});
        }
        if (const ApiError why = holds.value(t.keyId); why.isError()) {
            if (t.lastError.kind != why.kind) {
                marked.append(t.taskId); // says why it waits (once)
            }
            continue;
        }
        if (const qint64 wait = m_creates->waitMs(t.keyId); wait != 0) {
            if (wait > 0) {
                nextMs = std::min(nextMs.value_or(wait), wait);
            }
            continue; // this key waits (for its time, or readyToSend); others may go
        }
        if (const std::optional<GenerateOptions> options =
                generateOptionsFromParamJson(m_tasks->paramJson(t.taskId))) {
            m_creates->resend(t.taskId, generateRequest(*options));
        }
    }
    m_tasks->update(
        marked,
        [&](TaskRecord &t) {
            t.lastError = holds.value(t.keyId);
            return true;
        },
        tr("Could not save the state of the request."));
    if (nextMs) {
        m_timer->start(m_creates->clock()->nowMs() + *nextMs);
    }
}

void Generations::stopSending()
{
    m_stopped = true;
    m_timer->stop();
}

Generations::Outcome Generations::adoptTaskId(const QString &placeholderId, const QString &taskId)
{
    if (!m_creates) {
        return {{}, tr("The task %1 is not waiting for a task ID.").arg(placeholderId)};
    }
    const CreateRequests::Outcome adopted = m_creates->adoptTaskId(placeholderId, taskId);
    return {adopted.taskId, adopted.error};
}

std::optional<GenerateOptions> Generations::optionsOf(const QString &taskId) const
{
    const TaskRecord *task = m_tasks ? m_tasks->task(taskId) : nullptr;
    if (!task) {
        return std::nullopt;
    }
    std::optional<GenerateOptions> options =
        generateOptionsFromParamJson(m_tasks->paramJson(taskId));
    if (!options && !task->prompt.isEmpty()) {
        // KIE gave no paramJson: what the record says.
        options = GenerateOptions{};
        options->prompt = task->prompt;
        if (!task->model.isEmpty()) {
            options->model = task->model;
        }
        if (!task->aspectRatio.isEmpty()) {
            options->aspectRatio = task->aspectRatio;
        }
    }
    return options;
}

} // namespace veo
