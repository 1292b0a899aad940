#pragma once

#include "taskkind.h"
#include "taskrecord.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace veo {

class FollowUps;
class KeyRing;
class TaskRepository;
class TaskTracker;

// `veo-tracker --get-1080p`, `--get-4k --yes` and `--extend`: the window's Upgrade and Extend
// for a script, on the user's task list. The parent is read first when it is not listed (and
// stays listed); the request goes through FollowUps (the child is stored before its request
// is sent, and a request whose answer is lost is never sent again); the command ends with the
// child's first answer, and the window follows the child from its next start.
class FollowUpCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUpCommand)

public:
    struct Request
    {
        TaskKind kind = TaskKind::Veo1080p; // Veo1080p, Veo4k or VeoExtension
        QString parentTaskId;
        int videoIndex = 0;
        QString prompt; // extension
        QString model;  // extension: fast | quality | lite
    };
    // None is owned; keys is loaded by the caller (run() waits for it).
    FollowUpCommand(TaskRepository *tasks, TaskTracker *tracker, FollowUps *followUps,
                    KeyRing *keys, QObject *parent = nullptr);

    // Loads the task list and starts; finished() follows once.
    void run(const Request &request);

Q_SIGNALS:
    // One JSON object (taskId, parentTaskId, kind, state, resultUrls, error) and the exit code
    // (ScriptCommand::ExitCode: 0 accepted, generating or ready).
    void finished(const QByteArray &jsonLine, int exitCode);

private:
    void keysReady();
    void parentAnswered(const TaskRecord &parent);
    void send(const TaskRecord &parent);
    void childAnswered(const TaskRecord &child);
    void finish(const QString &taskId, const QString &state, const QString &error, int code,
                const QStringList &resultUrls = {});
    void onChanged(const QList<TaskRecord> &records);

    QPointer<TaskRepository> m_tasks;
    QPointer<TaskTracker> m_tracker;
    QPointer<FollowUps> m_followUps;
    QPointer<KeyRing> m_keys;
    Request m_request;
    enum class Waiting { Keys, Parent, Child, Done } m_waiting = Waiting::Keys;
    QString m_childId;
};

} // namespace veo
