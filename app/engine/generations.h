#pragma once

#include "apierror.h"
#include "taskrecord.h"
#include "veogenerate.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace veo {

class CreateRequests;
class DeadlineTimer;
class KeyRing;
class TaskRepository;

// New Veo 3.1 generations sent from here (kie-api.md §3): checked, stored and sent once
// through CreateRequests, so that none is paid twice by this app's own doing. A generation
// whose answer was lost is never sent again by itself: the user adds the task ID found in the
// kie.ai logs, or explicitly sends it again, warned that it may be billed twice.
//
// Every generation waits in a queue that is the task list itself (submission Queued, stored
// before anything is sent, so it survives a restart), in the order it was made, and goes when
// its key may send (20 new requests per 10 s per account; a 429 puts it back in its place and
// holds the key for its Retry-After: nothing is dropped). Each waiting one can be paused,
// resumed or cancelled until it is sent. Keys are paced in parallel; a key without its secret
// or known to have no credits holds only its own generations, and being offline holds all,
// each marked with the reason (its lastError) until it goes.
class Generations final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Generations)

public:
    // None is owned.
    Generations(TaskRepository *tasks, CreateRequests *creates, KeyRing *keys,
                QObject *parent = nullptr);

    // Why nothing can be sent with this key now (no key, no credits), translated; empty when
    // it can.
    QString blocker(const QString &keyId) const;

    struct Outcome
    {
        QString taskId; // the stored request (a placeholder until KIE answers)
        QString error;  // translated; empty when it was stored and sent
    };
    // Stores one generation charged to keyId and sends it (at once when the key may send);
    // sourceTaskId: the task it re-runs.
    Outcome generate(const GenerateOptions &options, const QString &keyId,
                     const QString &sourceTaskId = {});
    struct BatchOutcome
    {
        QStringList taskIds; // stored, in the order they are sent
        QString error;       // translated; empty when all were stored
    };
    // Many at once, each its own request, queued in this order. Nothing is stored when one
    // of them could not be sent (error names it, counting from 1).
    BatchOutcome generateMany(const QList<GenerateOptions> &batch, const QString &keyId);
    // The user's explicit choice for a generation KIE refused or whose answer was lost (the
    // latter may be billed twice: the window asks first). It goes back into the queue.
    Outcome sendAgain(const QString &placeholderId);
    // Before they are sent: hold queued generations back, let paused ones go again, or remove
    // either. Others are left alone; each returns the IDs it changed.
    QStringList pause(const QStringList &taskIds);
    QStringList resume(const QStringList &taskIds);
    QStringList cancel(const QStringList &taskIds);
    // Sends what may go now and waits for the rest: at start (after the keys are read) and
    // whenever something changed that can let a generation go.
    void sendDue();
    // For good (a script stopped by Ctrl+C): nothing more is sent by this run; queued
    // generations stay queued in the task list for the next start. Answers of those already
    // sent are still taken.
    void stopSending();
    // The user found the task ID of a generation whose answer was lost.
    Outcome adoptTaskId(const QString &placeholderId, const QString &taskId);
    // The options a task was made with (its paramJson), for Re-run / Edit and Run.
    std::optional<GenerateOptions> optionsOf(const QString &taskId) const;

Q_SIGNALS:
    // KIE answered a generation: taskId is the new task (placeholderId is gone), or error says
    // why it was refused, or that its answer was lost (translated).
    void generationSettled(const QString &placeholderId, const QString &taskId,
                           const QString &error);

private:
    TaskRecord placeholder(const GenerateOptions &options, const QString &keyId,
                           const QString &sourceTaskId) const;
    BatchOutcome queue(const QList<GenerateOptions> &batch, const QString &keyId,
                       const QString &sourceTaskId);
    // Why a key holds its queue now, as the error its generations show; None: it may send.
    ApiError held(const QString &keyId) const;
    QStringList setSubmission(const QStringList &taskIds, TaskSubmission from, TaskSubmission to);
    void onSettled(const QString &placeholderId, const QString &taskId, TaskSubmission outcome,
                   const QString &detail);

    QPointer<TaskRepository> m_tasks;
    QPointer<CreateRequests> m_creates;
    QPointer<KeyRing> m_keys;
    DeadlineTimer *m_timer;
    bool m_stopped = false;
};

} // namespace veo
