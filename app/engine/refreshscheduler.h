#pragma once

#include "ratelimiter.h"
#include "recordinfoparser.h"
#include "requestscheduler.h"
#include "taskrecord.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <utility>

namespace veo {

class DeadlineTimer;
class KieClient;

// How failed polls are retried (RefreshScheduler's constructor). Outside the class: a nested
// struct with member initializers cannot be a default argument inside its enclosing class.
struct PollPolicy
{
    std::chrono::milliseconds backoffCap{600000};
    std::chrono::milliseconds notFoundGrace{600000}; // "record is null" before NotFound
    double jitter = 0.2;                             // of each backoff, +-
};

// Decides when each task is polled: unfinished tasks (a newly tracked task at once), after
// their last check by their age and kind (StatusSource::adaptiveInterval, never longer than
// the interval) or at the fixed interval, with exponential backoff and jitter on errors
// (capped) and a grace period for "record is null". The requests themselves go through the
// RequestScheduler (per-key rate limit, in-flight bound, Retry-After, pause and offline).
// Nothing is handed to it while polls are held (paused, offline), so that a due task's poll
// is decided on resuming, not queued before; and at most a second's worth per key at a time,
// so that when the rate limit is what holds polls back, the task due longest goes next
// (keys are independent). Tasks never checked are due a rate-limit window's worth at a time,
// so a batch of them (a restart, a paste) takes its turns among the tasks already due instead
// of going before all of them.
class RefreshScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshScheduler)

public:
    // Returns the token for a key id ("" = default key); empty when none is available.
    using TokenProvider = std::function<QString(const QString &keyId)>;
    using Policy = PollPolicy;

    // Polls through requests (not owned; the engine's one request machine).
    explicit RefreshScheduler(RequestScheduler *requests, QObject *parent = nullptr);
    RefreshScheduler(RequestScheduler *requests, const Policy &policy, QObject *parent = nullptr);
    // With a request machine of its own on a steady clock (tools that only poll).
    RefreshScheduler(KieClient *client, TokenProvider tokens, const Policy &policy = {},
                     QObject *parent = nullptr);
    ~RefreshScheduler() override;

    RequestScheduler *requests() const { return m_requests; }
    // The longest wait between two checks of a task (default 30 s); with a fixed interval,
    // every wait (the kind's pace still applies).
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }
    void setFixedInterval(bool fixed); // default off: by age and kind
    bool isFixedInterval() const { return m_fixed; }
    void setMaxPerSecondPerKey(int n); // default 10 (on the request machine)
    void setMaxInFlight(int n);        // default 4 (on the request machine)
    const Policy &policy() const { return m_policy; }

    // Start watching tasks. Unfinished tasks never checked are polled at once; others are due
    // one interval after their last check. Finished tasks are not kept once their last poll
    // is answered (a long history costs no memory here): refreshNow() asks them again. Tasks
    // whose key is being looked for (findingOwner), that wait for their task ID, or of a kind
    // that cannot be read are left out.
    void track(const QList<TaskRecord> &tasks);
    void untrack(const QStringList &taskIds);
    void setTaskKey(const QString &taskId, const QString &keyId);
    // Polls these tasks (finished ones too) as soon as limits allow, but for those track()
    // leaves out. A task already tracked keeps its schedule's state; the record tells about
    // one that is not.
    void refreshNow(const QList<TaskRecord> &tasks);

    // The user's "pause polling", and the network state: the request machine's.
    void setPaused(bool paused);
    bool isPaused() const;
    bool isOnline() const;
    void setOnline(bool online);
    void setFollowSystemNetwork(bool follow);
    // Requests out at the client (the request machine's, every kind).
    int inFlight() const;
    // When the next poll is due (invalid when nothing is scheduled).
    QDateTime nextPollAt() const;
    int pendingCount() const; // unfinished tasks being watched
    // Tasks it keeps a schedule for: the unfinished, and finished ones still being asked.
    int trackedCount() const;
    // When this task is checked next (UTC): its due time (after a failed check, its backoff),
    // now while its poll is on its way; invalid when it is not scheduled (finished, not
    // tracked) and while polls are held (paused, offline). A key blocked by a 429's
    // Retry-After may hold a due poll longer.
    QDateTime nextCheckAt(const QString &taskId) const;
    // The request machine's limiter (KeyProber paces its probes with it).
    RateLimiter *rateLimiter();

Q_SIGNALS:
    // One answer (or error) for one task. The scheduler has already turned a "record is null"
    // older than the grace period into a final NotFound.
    void taskAnswered(const QString &taskId, const veo::RecordInfoResult &result);
    void onlineChanged(bool online);
    void pausedChanged(bool paused);
    void nextPollChanged(const QDateTime &at);

private:
    using Queue = std::set<std::pair<qint64, QString>>; // (due ms on the clock, task id)
    struct Entry
    {
        QString keyId;
        qint64 startedMs = 0; // on the clock (taskStartedAt): its age is from here
        TaskKind kind = TaskKind::VeoGeneration; // how it is read (StatusSource)
        QString parentTaskId;
        int videoIndex = 0;
        // When an upgrade is given up (StatusSource::giveUpAfter), on the clock.
        std::optional<qint64> giveUpAtMs;
        bool final = false;
        bool forced = false; // refreshNow() on this task
        // Times on the clock. They can be negative (a check before the clock started), so
        // "not queued" and "never checked" are empty optionals, not a sentinel value.
        std::optional<qint64> dueMs;
        std::optional<qint64> lastCheckMs;
        int failures = 0;
        std::optional<qint64> firstNotFoundMs;
        // The poll handed to the request machine and not answered yet; 0 = none.
        quint64 ticket = 0;
        bool sent = false; // that poll left the request machine's queue
    };

    // The task's entry, made or brought up to date from the record (null: not polled); its
    // finality is the record's.
    Entry *entryFor(const TaskRecord &task, qint64 now, const QDateTime &wallNow);
    static bool isDone(const TaskRecord &task); // finished, or an error that is final
    void forget(const QString &taskId);         // drops its entry, its queued or sent poll
    void schedule();
    void dispatch();
    void submit(const QString &taskId, Entry &entry);
    void handleAnswer(const QString &taskId, quint64 ticket, const HttpAnswer &answer);
    qint64 nowMs() const;
    // After a check at checkMs: the fixed interval, or by age (StatusSource).
    qint64 intervalMs(const Entry &entry, qint64 checkMs) const;
    // A task never checked: at once, or in the first rate-limit window its key has room in.
    qint64 firstDueMs(const QString &keyId, qint64 now);
    int handOverLimit() const;
    void enqueue(const QString &taskId, Entry &entry, qint64 dueMs);
    void dequeue(const QString &taskId, Entry &entry);
    void setKey(const QString &taskId, Entry &entry, const QString &keyId);
    void withdraw(Entry &entry);
    void markSent(Entry &entry); // no longer waits at the request machine
    void setFinal(Entry &entry, bool done);
    void setNextWake(std::optional<qint64> wakeMs);

    std::unique_ptr<RequestScheduler> m_ownRequests; // only with the client constructor
    RequestScheduler *m_requests;
    DeadlineTimer *m_timer;
    QHash<QString, Entry> m_entries;
    QHash<QString, Queue> m_due;   // per key id: waiting for their time, not handed over
    QHash<QString, int> m_waiting; // per key id: handed over, not sent yet
    // Per key id: the slot for tasks never checked (on the clock), and how many it holds.
    QHash<QString, std::pair<qint64, int>> m_firsts;
    int m_submitted = 0; // handed over, not answered
    std::chrono::milliseconds m_interval{30000};
    bool m_fixed = false;
    Policy m_policy;
    int m_unfinished = 0;
    std::optional<qint64> m_nextWakeMs;
    QDateTime m_nextPollAt;
};

} // namespace veo
