#include "costledger.h"

#include "apierror.h"
#include "createrequests.h"
#include "creditsmonitor.h"
#include "keyring.h"
#include "statussource.h"
#include "taskrepository.h"

#include <utility>

namespace veo {

CostLedger::CostLedger(TaskRepository *tasks, CreateRequests *creates, CreditsMonitor *credits,
                       KeyRing *keys, QObject *parent)
    : QObject(parent), m_tasks(tasks), m_credits(credits), m_keys(keys)
{
    creates->setSendGate([self = QPointer<CostLedger>(this)](const QString &placeholderId,
                                                             const QString &keyId,
                                                             std::function<void()> send) {
        if (self) {
            self->sendGate(placeholderId, keyId, std::move(send));
        } else {
            send();
        }
    });
    connect(creates, &CreateRequests::sent, this, &CostLedger::onSent);
    connect(creates, &CreateRequests::settled, this,
            [this](const QString &placeholderId, TaskKind, const QString &taskId) {
                onSettled(placeholderId, taskId);
            });
    connect(tasks, &TaskRepository::taskFinished, this, &CostLedger::onFinished);
    connect(credits, &CreditsMonitor::checkSent, this, [this](const QString &keyId) {
        Key &key = m_ledger[keyId];
        key.checkLeftAt = key.activity;
    });
    connect(credits, &CreditsMonitor::checked, this, &CostLedger::onChecked);
}

CostLedger::~CostLedger() = default;

void CostLedger::sendGate(const QString &placeholderId, const QString &keyId,
                          std::function<void()> send)
{
    const QString id = m_keys ? m_keys->resolve(keyId) : keyId;
    const Key &key = m_ledger[id];
    const bool fresh = key.idle && key.idleAt == key.activity;
    if (fresh || !m_credits || busy(id, placeholderId)) {
        send(); // known already, or unknowable anyway: no reading would help
        return;
    }
    // Held here, it has not left: the reading is taken as of a key with nothing running.
    m_held.insert(placeholderId);
    m_credits->checkKeyThen(id, this, [this, placeholderId, send = std::move(send)] {
        m_held.remove(placeholderId);
        send();
    });
}

void CostLedger::onSent(const QString &placeholderId, const QString &keyId)
{
    const QString id = m_keys ? m_keys->resolve(keyId) : keyId;
    Key &key = m_ledger[id];
    const bool alone = key.idle && key.idleAt == key.activity && !busy(id, placeholderId);
    happened(key);
    if (alone) {
        key.task = placeholderId;
        key.before = *key.idle;
        key.finishedAt.reset();
    }
}

void CostLedger::onSettled(const QString &placeholderId, const QString &taskId)
{
    for (Key &key : m_ledger) {
        if (key.task == placeholderId) {
            key.task = taskId; // empty when KIE made nothing, or its answer was lost
        }
    }
}

void CostLedger::onFinished(const QString &taskId)
{
    const TaskRecord *task = m_tasks ? m_tasks->task(taskId) : nullptr;
    if (!task) {
        return;
    }
    Key &key = m_ledger[m_keys ? m_keys->resolve(task->keyId) : task->keyId];
    happened(key, taskId);
    if (key.task == taskId) {
        key.finishedAt = key.activity;
    }
}

void CostLedger::onChecked(const QString &keyId, const ApiError &error, qint64 credits)
{
    Key &key = m_ledger[keyId];
    if (error.isError() || key.checkLeftAt != key.activity) {
        return; // no balance, or one that may or may not count what happened meanwhile
    }
    if (!key.task.isEmpty() && key.finishedAt == key.activity && !busy(keyId, key.task)) {
        // A balance that rose was topped up meanwhile: nothing is known of the task's price.
        if (key.before >= credits) {
            record(key.task, key.before - credits);
        }
        key.task.clear();
    }
    if (!busy(keyId)) {
        key.idle = credits;
        key.idleAt = key.activity;
    }
}

void CostLedger::happened(Key &key, const QString &except)
{
    ++key.activity;
    if (key.task != except) {
        key.task.clear();
    }
}

bool CostLedger::busy(const QString &keyId, const QString &except) const
{
    if (!m_tasks) {
        return true;
    }
    for (const TaskRecord &t : m_tasks->tasks()) {
        const bool unsent =
            t.submission == TaskSubmission::Queued || t.submission == TaskSubmission::Paused;
        // Not polled with the key (a Market job for now, a task whose owner is looked for):
        // it would never be seen to finish.
        const bool followed = statusSource(t.kind) != nullptr && !t.findingOwner;
        if (!isFinal(t.status) && !unsent && followed && t.taskId != except &&
            !m_held.contains(t.taskId) && (m_keys ? m_keys->resolve(t.keyId) : t.keyId) == keyId) {
            return true;
        }
    }
    return false;
}

void CostLedger::record(const QString &taskId, qint64 cost)
{
    if (!m_tasks) {
        return;
    }
    m_tasks->update(
        {taskId}, [cost](TaskRecord &t) { return std::exchange(t.cost, cost) != cost; },
        tr("Could not save what the task %1 cost to the task database.").arg(taskId));
}

} // namespace veo
