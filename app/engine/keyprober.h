#pragma once

#include "apirequest.h"
#include "recordinfoparser.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <chrono>
#include <functional>
#include <list>
#include <optional>

namespace veo {

class DeadlineTimer;
class KeyRing;
class RequestScheduler;
class TaskTracker;

// "Which key owns this task?" Adds task IDs whose owner is unknown and asks record-info with
// each key in turn, the default first, until one answers with the record; the task is then
// bound to that key and the answer counts as its first poll. "Not found"-style answers (401,
// 402, 404, 422 "record is null" and other refusals) move on to the next key; transient ones
// (network, timeout, 429, 5xx, maintenance) retry the same key later with backoff. When no key
// owns a task it stays with the default key, gets the default key's answer and is reported.
// The tasks are listed at once but RefreshScheduler polls them only once their key is
// settled, so a wrong key's "record is null" never counts against them. Requests are polls
// on the request machine (its rate limit, in-flight bound and Retry-After; held while paused
// or offline); the prober only decides which key to ask next and when to stop. The
// search is kept in the task store (TaskRecord::findingOwner): one cut off by quitting goes
// on in the next run, once the keyring has loaded.
class KeyProber final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyProber)

public:
    // The key ids to try, in order, the default first.
    using KeyList = std::function<QStringList()>;

    // Tokens are the request machine's.
    KeyProber(RequestScheduler *requests, TaskTracker *tracker, KeyList keys,
              QObject *parent = nullptr);
    // Tries the keyring's usable keys (probeOrder()); resumes searches once the keyring has
    // read its keys (and again when keys change).
    KeyProber(RequestScheduler *requests, TaskTracker *tracker, KeyRing *keys,
              QObject *parent = nullptr);
    ~KeyProber() override;

    // The default key first, then the other usable keys in the keyring's order.
    static QStringList probeOrder(const KeyRing &keys);

    // Adds the IDs not yet tracked (others are a no-op) and finds their keys; returns how
    // many were new. The keys are the ones known now.
    int addTasksTryingAllKeys(const QStringList &taskIds);
    // The same for tasks already in the list (added with the wrong key, or whose key was
    // removed): their regular polls stop until the owner is known. When no key owns one it
    // keeps its key. Returns how many are probed (unknown and already probing IDs are not).
    int findOwners(const QStringList &taskIds);
    // The user chose the tasks' key: their searches end (no report), and the ones marked
    // findingOwner are polled with the key they have now.
    void stopSearching(const QStringList &taskIds);
    // Goes on with the tracker's tasks still marked findingOwner (a search a quit cut off),
    // as one batch. Returns how many.
    int resumeOwnerSearches();
    bool isProbing(const QString &taskId) const;
    int probingCount() const { return int(m_probes.size()); }

    // After a transient failure the same key is asked again after this, doubling up to 1 min.
    static constexpr std::chrono::milliseconds RetryDelay{2000};
    // Transient failures in a row with one key before probing stops; the task then shows the
    // error and is polled with the key it was added with.
    static constexpr int MaxTransientFailures = 5;

Q_SIGNALS:
    // The task is now bound to keyId ("" when the owner is the session-only key, which is
    // never stored: "" keeps it with whatever the default key is in later runs).
    void ownerFound(const QString &taskId, const QString &keyId);
    // Every key said it does not know these tasks (one signal per addTasksTryingAllKeys()
    // call, once all of its tasks are settled); they stay with the default key.
    void notOwnedByAnyKey(const QStringList &taskIds);

private:
    struct Probe
    {
        QString taskId;
        QStringList keyIds; // still to ask, the current one first
        quint64 batch = 0;
        int failures = 0;   // transient failures of the current key
        qint64 dueMs = 0;   // on the request machine's clock
        quint64 ticket = 0; // of the request handed over and not answered; 0 = none
        std::optional<RecordInfoResult> firstRefusal; // the first key's "not mine"
        QSet<QString> askedTokens; // two key ids may hold the same key: ask it once
    };
    enum class Outcome { Owned, NotOwned, Retry, GiveUp };
    static Outcome classify(const ApiError &error);

    void schedule();
    void startProbes(const QStringList &taskIds);
    void dispatch();
    void handleAnswer(const QString &taskId, quint64 ticket, const QString &token,
                      const HttpAnswer &answer);
    // Finishes a probe: hands the task to the scheduler, reports the batch when it is done.
    std::list<Probe>::iterator settle(std::list<Probe>::iterator probe, bool unowned);
    std::list<Probe>::iterator find(const QString &taskId);
    void withdraw(Probe &probe);

    RequestScheduler *m_requests;
    QPointer<TaskTracker> m_tracker;
    KeyList m_keys;
    std::list<Probe> m_probes; // in the order they were added
    struct Batch
    {
        int open = 0;
        QStringList unowned;
    };
    QHash<quint64, Batch> m_batches;
    DeadlineTimer *m_timer;
    quint64 m_nextBatch = 0;
};

} // namespace veo
