#include "followups.h"

#include "createrequests.h"
#include "keyring.h"
#include "taskrepository.h"
#include "tasktracker.h"

#include <QUuid>

namespace veo {

namespace {

bool isUpgrade(TaskKind kind)
{
    return kind == TaskKind::Veo1080p || kind == TaskKind::Veo4k;
}

// Forgets the state an upgrade reached, so it is asked for from the start.
void resetUpgrade(TaskRecord &t)
{
    t = t.identity();
    t.addedAt = QDateTime::currentDateTimeUtc(); // its time limit starts again
    t.submission = t.kind == TaskKind::Veo4k ? TaskSubmission::Sending : TaskSubmission::None;
}

} // namespace

FollowUps::FollowUps(TaskRepository *tasks, TaskTracker *tracker, CreateRequests *creates,
                     KeyRing *keys, QObject *parent)
    : QObject(parent), m_tasks(tasks), m_tracker(tracker), m_creates(creates), m_keys(keys)
{
    connect(creates, &CreateRequests::settled, this,
            [this](const QString &placeholderId, TaskKind kind, const QString &taskId,
                   TaskSubmission outcome, const QString &detail) {
                if (kind != TaskKind::VeoExtension) {
                    return;
                }
                QString error = detail;
                if (outcome == TaskSubmission::Refused) {
                    error = tr("KIE refused the extension: %1").arg(detail);
                } else if (outcome == TaskSubmission::AnswerLost) {
                    error = tr("The extension was sent but its answer was lost (%1). It is not "
                               "sent again: check your kie.ai logs, then add its task ID to the "
                               "list.")
                                .arg(detail);
                }
                Q_EMIT extensionSettled(placeholderId, taskId, error);
            });
}

FollowUps::~FollowUps() = default;

QString FollowUps::blocker(const TaskRecord &parent, TaskKind kind, int videoIndex) const
{
    if (parent.kind != TaskKind::VeoGeneration && parent.kind != TaskKind::VeoExtension) {
        return tr("Only Veo generations and extensions can be upgraded or extended.");
    }
    if (parent.status != TaskStatus::Succeeded || parent.awaitsTaskId()) {
        return tr("Available once the video has been generated successfully.");
    }
    if (videoIndex < 0 || videoIndex >= parent.resultUrls.size()) {
        return tr("This task has no video %1.").arg(videoIndex + 1);
    }
    if (isUpgrade(kind) && parent.fallbackFlag.value_or(false)) {
        return tr("KIE makes no 1080P or 4K version of a video made by its fallback model.");
    }
    if (kind == TaskKind::VeoExtension) {
        for (int i = 0; i < parent.resultUrls.size(); ++i) {
            const TaskRecord *upgrade = child(parent.taskId, TaskKind::Veo1080p, i);
            if (upgrade && !isFailure(upgrade->status)) {
                return tr("KIE cannot extend a video once its 1080P version was requested.");
            }
        }
    }
    if (!m_keys || !m_keys->hasSecret(parent.keyId)) {
        return tr("No API key is available for this task: add it in Keys.");
    }
    if (kind != TaskKind::Veo1080p) {
        return creditsBlocker(parent.keyId);
    }
    return {};
}

QString FollowUps::creditsBlocker(const QString &keyId) const
{
    const std::optional<KeyProfile> profile = m_keys ? m_keys->profile(keyId) : std::nullopt;
    if (profile && profile->credits && *profile->credits <= 0) {
        return tr("The key \"%1\" has no credits left: top up on kie.ai, then check its "
                  "credits in Keys.")
            .arg(profile->label);
    }
    return {};
}

const TaskRecord *FollowUps::child(const QString &parentTaskId, TaskKind kind, int videoIndex) const
{
    return m_tasks ? m_tasks->task(upgradeTaskId(parentTaskId, kind, videoIndex)) : nullptr;
}

FollowUps::Outcome FollowUps::requestUpgrade(const QString &parentTaskId, TaskKind kind,
                                             int videoIndex)
{
    const TaskRecord *parent = m_tasks ? m_tasks->task(parentTaskId) : nullptr;
    if (!parent || !isUpgrade(kind) || !m_tracker) {
        return {{}, tr("The task %1 is not in the list.").arg(parentTaskId)};
    }
    if (const TaskRecord *existing = child(parentTaskId, kind, videoIndex)) {
        return retry(existing->taskId); // running or done: nothing is asked twice
    }
    if (const QString why = blocker(*parent, kind, videoIndex); !why.isEmpty()) {
        return {{}, why};
    }
    TaskRecord record;
    record.taskId = upgradeTaskId(parentTaskId, kind, videoIndex);
    record.kind = kind;
    record.parentTaskId = parentTaskId;
    record.videoIndex = videoIndex;
    record.keyId = parent->keyId;
    resetUpgrade(record);
    if (m_tracker->addRecords({record}).isEmpty()) {
        return {{}, tr("The request could not be saved, so it was not sent.")};
    }
    return {record.taskId, {}};
}

FollowUps::Outcome FollowUps::extend(const ExtendOptions &options)
{
    const TaskRecord *parent = m_tasks ? m_tasks->task(options.parentTaskId) : nullptr;
    if (!parent || !m_creates || !m_tracker) {
        return {{}, tr("The task %1 is not in the list.").arg(options.parentTaskId)};
    }
    if (const QString why = blocker(*parent, TaskKind::VeoExtension); !why.isEmpty()) {
        return {{}, why};
    }
    if (options.prompt.trimmed().isEmpty()) {
        return {{}, tr("Describe how the video should go on: the prompt is empty.")};
    }
    if (options.seeds && (*options.seeds < 10000 || *options.seeds > 99999)) {
        return {{}, tr("Seeds must be a number from 10000 to 99999.")};
    }
    TaskRecord record;
    record.taskId = options.parentTaskId + QStringLiteral(":extend:") +
                    QUuid::createUuid().toString(QUuid::Id128).left(12);
    record.kind = TaskKind::VeoExtension;
    record.parentTaskId = options.parentTaskId;
    record.keyId = parent->keyId;
    record.paramJson = extendParamJson(options);
    record.prompt = options.prompt;
    record.model = options.model;
    const CreateRequests::Outcome sent = m_creates->submit(record, extendRequest(options));
    return {sent.taskId, sent.error};
}

FollowUps::Outcome FollowUps::retry(const QString &childTaskId)
{
    const TaskRecord *task = m_tasks ? m_tasks->task(childTaskId) : nullptr;
    if (!task || !m_tracker) {
        return {{}, tr("The task %1 is not in the list.").arg(childTaskId)};
    }
    if (task->kind == TaskKind::VeoExtension && task->awaitsTaskId()) {
        if (task->submission != TaskSubmission::Refused) {
            return {childTaskId,
                    tr("This extension may have reached KIE, so it is not sent again: check "
                       "your kie.ai logs and add its task ID.")};
        }
        const std::optional<ExtendOptions> options =
            extendOptionsFromParamJson(task->parentTaskId, m_tasks->paramJson(childTaskId));
        const TaskRecord *parent = m_tasks->task(task->parentTaskId);
        if (!options || !parent) {
            return {childTaskId, tr("The original task or the request is gone; extend it anew.")};
        }
        if (const QString why = blocker(*parent, TaskKind::VeoExtension); !why.isEmpty()) {
            return {childTaskId, why};
        }
        const CreateRequests::Outcome sent =
            m_creates->resend(childTaskId, extendRequest(*options));
        return {sent.taskId, sent.error};
    }
    const bool stopped = isFailure(task->status) || task->status == TaskStatus::Unavailable ||
                         task->lastError.isFinal();
    if (!isUpgrade(task->kind) || !stopped) {
        return {childTaskId, {}}; // running or done: nothing to ask again
    }
    if (task->kind == TaskKind::Veo4k) {
        if (const QString why = creditsBlocker(task->keyId); !why.isEmpty()) {
            return {childTaskId, why};
        }
    }
    m_tasks->update(
        {childTaskId},
        [](TaskRecord &t) {
            resetUpgrade(t);
            return true;
        },
        tr("Could not save the upgrade request."));
    m_tracker->startPolling({childTaskId});
    return {childTaskId, {}};
}

FollowUps::Outcome FollowUps::adoptTaskId(const QString &placeholderId, const QString &taskId)
{
    if (!m_creates) {
        return {{}, tr("The task %1 is not waiting for a task ID.").arg(placeholderId)};
    }
    const CreateRequests::Outcome adopted = m_creates->adoptTaskId(placeholderId, taskId);
    return {adopted.taskId, adopted.error};
}

} // namespace veo
