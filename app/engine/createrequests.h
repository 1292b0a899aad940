#pragma once

#include "apirequest.h"
#include "taskkind.h"
#include "taskrecord.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace veo {

class RequestScheduler;
class TaskRepository;
class TaskTracker;

// The requests that create a task on KIE and charge for it (extend, generate), made so that
// none is paid twice by this app's own doing: a placeholder task is stored before its request
// goes out (submission Sending), the request is sent once (ApiRequest::sendOnce: not even Qt
// resends it), and its answer settles the placeholder. KIE's task ID replaces it (and is
// polled); a refusal marks it Refused (nothing was made: it may be sent again); a lost answer
// marks it AnswerLost (it may have been made): it is never sent again by itself, the user adds
// the task ID found in the kie.ai logs, or sends it again knowing it may be billed twice.
class CreateRequests final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateRequests)

public:
    // None is owned; requests is the engine's one request machine.
    CreateRequests(TaskRepository *tasks, TaskTracker *tracker, RequestScheduler *requests,
                   QObject *parent = nullptr);

    struct Outcome
    {
        QString taskId; // the placeholder (or the task that replaced it)
        QString error;  // translated; empty when the request was stored and sent
    };
    // Stores the placeholder (its taskId, kind, key and details; marked Sending here), then
    // sends request with its key.
    Outcome submit(TaskRecord placeholder, const ApiRequest &request);
    // Sends a stored placeholder's request again: one KIE refused, or (the user's explicit
    // choice) one whose answer was lost.
    Outcome resend(const QString &placeholderId, const ApiRequest &request);
    // The user found the task ID of a placeholder whose answer was lost; an ID already listed
    // takes the placeholder's kind and parent, and the placeholder goes.
    Outcome adoptTaskId(const QString &placeholderId, const QString &taskId);
    // At start: requests that were on their way when the app stopped lost their answer.
    void settleInterrupted();
    bool isOnline() const;

Q_SIGNALS:
    // A request was answered. outcome None: taskId is the new task (placeholderId is gone),
    // or empty when it could not be saved (detail says why); Refused: KIE made nothing;
    // AnswerLost: it may have been made. detail is the error, translated.
    void settled(const QString &placeholderId, veo::TaskKind kind, const QString &taskId,
                 veo::TaskSubmission outcome, const QString &detail);

private:
    void send(const QString &placeholderId, const QString &keyId, const ApiRequest &request);
    void settle(const QString &placeholderId, const HttpAnswer &answer);

    QPointer<TaskRepository> m_tasks;
    QPointer<TaskTracker> m_tracker;
    QPointer<RequestScheduler> m_requests;
};

} // namespace veo
