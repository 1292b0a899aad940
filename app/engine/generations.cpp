#include "generations.h"

#include "createrequests.h"
#include "keyring.h"
#include "taskrepository.h"

#include <QUuid>

namespace veo {

Generations::Generations(TaskRepository *tasks, CreateRequests *creates, KeyRing *keys,
                         QObject *parent)
    : QObject(parent), m_tasks(tasks), m_creates(creates), m_keys(keys)
{
    connect(creates, &CreateRequests::settled, this,
            [this](const QString &placeholderId, TaskKind kind, const QString &taskId,
                   TaskSubmission outcome, const QString &detail) {
                if (kind != TaskKind::VeoGeneration) {
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
            });
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

Generations::Outcome Generations::generate(const GenerateOptions &options, const QString &keyId,
                                           const QString &sourceTaskId)
{
    if (const QString problem = generateOptionsProblem(options); !problem.isEmpty()) {
        return {{}, problem};
    }
    if (const QString why = blocker(keyId); !why.isEmpty()) {
        return {{}, why};
    }
    if (!m_creates) {
        return {{}, tr("The request could not be saved, so it was not sent.")};
    }
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
    const CreateRequests::Outcome sent = m_creates->submit(record, generateRequest(options));
    return {sent.taskId, sent.error};
}

Generations::Outcome Generations::sendAgain(const QString &placeholderId)
{
    const TaskRecord *task = m_tasks ? m_tasks->task(placeholderId) : nullptr;
    const std::optional<GenerateOptions> options =
        task ? generateOptionsFromParamJson(task->paramJson) : std::nullopt;
    if (!task || task->kind != TaskKind::VeoGeneration || !options || !m_creates) {
        return {placeholderId, tr("This request can no longer be sent: start a new generation.")};
    }
    if (const QString why = blocker(task->keyId); !why.isEmpty()) {
        return {placeholderId, why};
    }
    const CreateRequests::Outcome sent =
        m_creates->resend(placeholderId, generateRequest(*options));
    return {sent.taskId, sent.error};
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
    std::optional<GenerateOptions> options = generateOptionsFromParamJson(task->paramJson);
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
