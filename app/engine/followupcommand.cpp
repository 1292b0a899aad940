#include "followupcommand.h"

#include "followups.h"
#include "keyring.h"
#include "scriptcommand.h"
#include "taskrepository.h"
#include "tasktracker.h"
#include "veofollowups.h"

#include <QJsonArray>
#include <QJsonObject>

namespace veo {

namespace {

// The child said what became of its request (or it failed for good).
bool hasAnswered(const TaskRecord &child)
{
    return child.lastChecked.isValid() || child.submission == TaskSubmission::AnswerLost ||
           child.submission == TaskSubmission::Refused || isFinal(child.status);
}

} // namespace

FollowUpCommand::FollowUpCommand(TaskRepository *tasks, TaskTracker *tracker, FollowUps *followUps,
                                 KeyRing *keys, QObject *parent)
    : QObject(parent), m_tasks(tasks), m_tracker(tracker), m_followUps(followUps), m_keys(keys)
{
    connect(tasks, &TaskFeed::changed, this, &FollowUpCommand::onChanged);
    connect(followUps, &FollowUps::extensionSettled, this,
            [this](const QString &placeholderId, const QString &taskId, const QString &error) {
                if (m_waiting != Waiting::Child || placeholderId != m_childId) {
                    return;
                }
                if (error.isEmpty()) {
                    finish(taskId, statusKey(TaskStatus::Pending), {}, ScriptCommand::Accepted);
                    return;
                }
                const bool lost = ScriptCommand::answerWasLost(m_tasks->task(placeholderId));
                finish(placeholderId,
                       lost ? ScriptCommand::AnswerLostState : ScriptCommand::RefusedState, error,
                       lost ? ScriptCommand::AnswerLost : ScriptCommand::Refused);
            });
}

void FollowUpCommand::run(const Request &request)
{
    m_request = request;
    m_tasks->load(); // the list alone: nothing else is polled by this command
    ScriptCommand::whenKeysReady(m_keys, this, [this] { keysReady(); });
}

void FollowUpCommand::keysReady()
{
    if (!m_keys->hasKey()) {
        finish({}, ScriptCommand::RefusedState, ScriptCommand::noKeyText(), ScriptCommand::Refused);
        return;
    }
    if (const TaskRecord *parent = m_tasks->task(m_request.parentTaskId)) {
        parentAnswered(*parent);
        return;
    }
    // Not listed yet: it is added (with the default key, as the window adds it) and read.
    m_waiting = Waiting::Parent;
    m_tracker->addTasks({m_request.parentTaskId}, KeyRing::storedId(m_keys->defaultKeyId()));
}

void FollowUpCommand::onChanged(const QList<TaskRecord> &records)
{
    for (const TaskRecord &t : records) {
        if (m_waiting == Waiting::Parent && t.taskId == m_request.parentTaskId &&
            t.lastChecked.isValid()) {
            parentAnswered(t);
        } else if (m_waiting == Waiting::Child && t.taskId == m_childId && hasAnswered(t)) {
            childAnswered(t);
        }
    }
}

void FollowUpCommand::parentAnswered(const TaskRecord &parent)
{
    if (parent.status != TaskStatus::Succeeded) {
        const QString why = parent.lastError.isError()
                                ? parent.lastError.text()
                                : tr("The task %1 has not succeeded (%2): only a finished video "
                                     "can be upgraded or extended.")
                                      .arg(parent.taskId, statusKey(parent.status));
        finish({}, ScriptCommand::RefusedState, why, ScriptCommand::Refused);
        return;
    }
    send(parent);
}

void FollowUpCommand::send(const TaskRecord &parent)
{
    m_waiting = Waiting::Child;
    if (m_request.kind == TaskKind::VeoExtension) {
        ExtendOptions options;
        options.parentTaskId = parent.taskId;
        options.prompt = m_request.prompt;
        if (!m_request.model.isEmpty()) {
            options.model = m_request.model;
        }
        const FollowUps::Outcome outcome = m_followUps->extend(options);
        if (!outcome.error.isEmpty()) {
            finish({}, ScriptCommand::RefusedState, outcome.error, ScriptCommand::Refused);
            return;
        }
        m_childId = outcome.taskId; // the placeholder until KIE answers (extensionSettled)
        return;
    }
    const TaskRecord *existing =
        m_followUps->child(parent.taskId, m_request.kind, m_request.videoIndex);
    const bool running = existing && !isFinal(existing->status) && !existing->lastError.isFinal();
    const FollowUps::Outcome outcome =
        m_followUps->requestUpgrade(parent.taskId, m_request.kind, m_request.videoIndex);
    if (!outcome.error.isEmpty()) {
        finish(outcome.taskId, ScriptCommand::RefusedState, outcome.error, ScriptCommand::Refused);
        return;
    }
    m_childId = outcome.taskId;
    const TaskRecord *child = m_tasks->task(m_childId);
    if (running || (child && child->status == TaskStatus::Succeeded)) {
        // Asked for before: nothing is sent again; the window keeps following it.
        childAnswered(*child);
    }
}

void FollowUpCommand::childAnswered(const TaskRecord &child)
{
    if (child.submission == TaskSubmission::AnswerLost) {
        finish(child.taskId, ScriptCommand::AnswerLostState, child.lastError.text(),
               ScriptCommand::AnswerLost);
    } else if (child.submission == TaskSubmission::Refused || isFailure(child.status) ||
               child.lastError.isError()) {
        const QString error =
            child.lastError.isError() ? child.lastError.text() : child.errorMessage;
        finish(child.taskId, ScriptCommand::RefusedState, error, ScriptCommand::Refused);
    } else {
        finish(child.taskId, statusKey(child.status), {}, ScriptCommand::Accepted,
               child.resultUrls);
    }
}

void FollowUpCommand::finish(const QString &taskId, const QString &state, const QString &error,
                             int code, const QStringList &resultUrls)
{
    if (m_waiting == Waiting::Done) {
        return;
    }
    m_waiting = Waiting::Done;
    m_tasks->flush();
    QJsonObject o;
    o.insert(QStringLiteral("taskId"), taskId);
    o.insert(QStringLiteral("parentTaskId"), m_request.parentTaskId);
    o.insert(QStringLiteral("kind"), taskKindKey(m_request.kind));
    o.insert(QStringLiteral("state"), state);
    o.insert(QStringLiteral("resultUrls"), QJsonArray::fromStringList(resultUrls));
    o.insert(QStringLiteral("error"), error);
    Q_EMIT finished(ScriptCommand::jsonLine(o), code);
}

} // namespace veo
