#pragma once

#include "taskkind.h"
#include "taskrecord.h"
#include "veofollowups.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace veo {

class CreateRequests;
class KeyRing;
class RequestScheduler;
class TaskRepository;
class TaskTracker;

// 1080P, 4K and extensions of a finished Veo video, as child tasks of it (kie-api.md §4).
// Decides what KIE allows, creates the child, and sends the requests that create or charge
// exactly once: a child is stored before its request goes out, and a request whose answer is
// lost is never sent again by this class. A 4K child's later polls repeat its request, which
// KIE answers without charging again; an extension whose answer was lost waits for the user
// to give its task ID (adoptTaskId) or remove it.
class FollowUps final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUps)

public:
    // None of them is owned; creates stores and sends the extensions (and takes their IDs).
    FollowUps(TaskRepository *tasks, TaskTracker *tracker, CreateRequests *creates, KeyRing *keys,
              QObject *parent = nullptr);
    ~FollowUps() override;

    // Why KIE would not make this of the parent's video videoIndex, translated; empty when it
    // would. kind: Veo1080p, Veo4k or VeoExtension.
    QString blocker(const TaskRecord &parent, TaskKind kind, int videoIndex = 0) const;
    // The child made (or being made) of the parent's video; null when there is none.
    const TaskRecord *child(const QString &parentTaskId, TaskKind kind, int videoIndex) const;

    struct Outcome
    {
        QString taskId; // the child (new or existing)
        QString error;  // translated; empty when the request was started or is running
    };
    // Starts an upgrade child (an existing one that failed or was given up is asked again).
    Outcome requestUpgrade(const QString &parentTaskId, TaskKind kind, int videoIndex);
    // Stores an extension child and sends its request once.
    Outcome extend(const ExtendOptions &options);
    // Asks again for a child that failed, was refused or was given up: an upgrade is polled
    // anew; a refused extension is sent again (nothing was created). An extension whose answer
    // was lost is never sent again (it may exist): adoptTaskId() instead.
    Outcome retry(const QString &childTaskId);
    // The user found the task ID of an extension whose answer was lost.
    Outcome adoptTaskId(const QString &placeholderId, const QString &taskId);

Q_SIGNALS:
    // An extension request was answered: taskId is the new child (placeholderId is gone), or
    // error says why KIE refused it (translated) or that its answer was lost.
    void extensionSettled(const QString &placeholderId, const QString &taskId,
                          const QString &error);

private:
    QString creditsBlocker(const QString &keyId) const;

    QPointer<TaskRepository> m_tasks;
    QPointer<TaskTracker> m_tracker;
    QPointer<CreateRequests> m_creates;
    QPointer<KeyRing> m_keys;
};

} // namespace veo
