#pragma once

#include "apirequest.h"
#include "ratelimiter.h"
#include "taskkind.h"
#include "taskrecord.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace veo {

class Clock;
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
// Requests may also wait stored (submission Queued) until KIE's limit of new requests lets
// them go: waitMs() counts every create request sent, per token, and a 429 holds the token
// for its Retry-After.
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
    // Stores placeholders marked Queued, in one transaction, sending nothing: their owner
    // sends each with resend() when waitMs() allows. Returns the stored IDs (empty: none
    // could be saved).
    QStringList enqueue(QList<TaskRecord> placeholders);
    // Sends a stored placeholder's request: a queued one, one KIE refused, or (the user's
    // explicit choice) one whose answer was lost.
    Outcome resend(const QString &placeholderId, const ApiRequest &request);
    // How long until a request that creates a task may go with this key, in ms: 0 = now;
    // -1 = once the one handed to the request machine has left (readyToSend() then). KIE
    // takes 20 new requests per 10 s per account, counted here per token when they leave; a
    // 429 holds the token for its Retry-After.
    qint64 waitMs(const QString &keyId);
    Clock *clock() const;
    // The user found the task ID of a placeholder whose answer was lost; an ID already listed
    // takes the placeholder's kind and parent, and the placeholder goes.
    Outcome adoptTaskId(const QString &placeholderId, const QString &taskId);
    // At start: requests that were on their way when the app stopped lost their answer.
    void settleInterrupted();
    bool isOnline() const;
    // Runs before each request is handed to the request machine, with the placeholder and its
    // key; the request goes when it calls send (CostLedger reads the key's balance first).
    using SendGate = std::function<void(const QString &placeholderId, const QString &keyId,
                                        std::function<void()> send)>;
    void setSendGate(SendGate gate) { m_gate = std::move(gate); }

Q_SIGNALS:
    void onlineChanged(bool online);
    // The request handed over for this key left (or was answered without leaving).
    void readyToSend(const QString &keyId);
    // A request left for KIE (it may be charged from now on).
    void sent(const QString &placeholderId, const QString &keyId);
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
    RateLimiter m_pace;
    QHash<QString, int> m_handedOver; // per key: requests handed over that have not left
    SendGate m_gate;
};

} // namespace veo
