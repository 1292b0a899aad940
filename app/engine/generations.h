#pragma once

#include "veogenerate.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace veo {

class CreateRequests;
class KeyRing;
class TaskRepository;

// New Veo 3.1 generations sent from here (kie-api.md §3): checked, stored and sent once
// through CreateRequests, so that none is paid twice by this app's own doing. A generation
// whose answer was lost is never sent again by itself: the user adds the task ID found in the
// kie.ai logs, or explicitly sends it again, warned that it may be billed twice.
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
    // Stores and sends one generation charged to keyId; sourceTaskId: the task it re-runs.
    Outcome generate(const GenerateOptions &options, const QString &keyId,
                     const QString &sourceTaskId = {});
    // The user's explicit choice for a generation KIE refused or whose answer was lost (the
    // latter may be billed twice: the window asks first).
    Outcome sendAgain(const QString &placeholderId);
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
    QPointer<TaskRepository> m_tasks;
    QPointer<CreateRequests> m_creates;
    QPointer<KeyRing> m_keys;
};

} // namespace veo
