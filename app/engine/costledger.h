#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <functional>
#include <optional>

namespace veo {

class CreateRequests;
class CreditsMonitor;
class KeyRing;
class TaskRepository;
struct ApiError;

// What each task sent from here cost (TaskRecord::cost). KIE tells no task's price, only what
// a key has left, so a task's cost is the balance read before its create request left minus
// the balance read after it finished, kept only when nothing else this app knows of could
// have moved the balance in between:
//  - the reading before was taken while no other task of the key was unfinished and nothing
//    happened on the key after it (a request sent, a task finished). When the last reading is
//    not that fresh as the request is about to leave, the key is read first;
//  - from then until the reading after, no other request of the key was sent and no other
//    task of the key ran or finished;
//  - the reading after left once the task had reached its final status, and nothing happened
//    on the key while it was on its way.
// Otherwise the cost stays unknown, never 0; a balance that rose (a top-up) leaves it unknown
// too. A failed task that KIE did not charge costs what the balance says: 0.
// Limits: KIE keeps one balance per account. Spending from elsewhere meanwhile (the website,
// another app, another key of the same account) is counted into the task. A request whose
// answer was lost counts as a running task of its key until it is settled or removed. Readings
// are kept for the run only: a task that runs across a restart gets no cost.
class CostLedger final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostLedger)

public:
    // None is owned. Gates the requests of creates (CreateRequests::setSendGate).
    CostLedger(TaskRepository *tasks, CreateRequests *creates, CreditsMonitor *credits,
               KeyRing *keys, QObject *parent = nullptr);
    ~CostLedger() override;

private:
    struct Key
    {
        quint64 activity = 0;       // requests sent and tasks finished on the key so far
        quint64 checkLeftAt = 0;    // activity when the reading on its way left
        std::optional<qint64> idle; // the last clean reading with no task of the key unfinished
        quint64 idleAt = 0;         // activity at that reading
        QString task;               // the task whose cost may still be known
        qint64 before = 0;          // the balance before it
        std::optional<quint64> finishedAt; // activity once it finished
    };
    // Before the request of a placeholder of this key leaves: calls send at once, or after a
    // reading of the key when only a fresh one lets the task's cost be known.
    void sendGate(const QString &placeholderId, const QString &keyId, std::function<void()> send);
    void onSent(const QString &placeholderId, const QString &keyId);
    void onSettled(const QString &placeholderId, const QString &taskId);
    void onFinished(const QString &taskId);
    void onChecked(const QString &keyId, const ApiError &error, qint64 credits);
    // Something happened on the key: the task being followed (but except) loses its cost.
    void happened(Key &key, const QString &except = {});
    // An unfinished task of the key other than except: it may be spending.
    bool busy(const QString &keyId, const QString &except = {}) const;
    void record(const QString &taskId, qint64 cost);

    QPointer<TaskRepository> m_tasks;
    QPointer<CreditsMonitor> m_credits;
    QPointer<KeyRing> m_keys;
    QHash<QString, Key> m_ledger; // per key id (resolved)
    QSet<QString> m_held;         // placeholders waiting in sendGate() for a reading
};

} // namespace veo
