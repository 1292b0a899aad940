#pragma once

#include "ratelimiter.h"
#include "recordinfoparser.h"
#include "taskrecord.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <utility>

namespace veo {

class KieClient;

// Decides when each task is polled. Polls only unfinished tasks (a newly tracked task at
// once), at most maxPerSecondPerKey requests per key and maxInFlight overall; exponential
// backoff with jitter on errors (capped), honours 429 Retry-After per key, pauses while the
// system reports no network and resumes by itself. The timer is single-shot and re-armed
// only when the previous round has been processed.
class RefreshScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshScheduler)

public:
    // Returns the token for a key id ("" = default key); empty when none is available.
    using TokenProvider = std::function<QString(const QString &keyId)>;

    RefreshScheduler(KieClient *client, TokenProvider tokens, QObject *parent = nullptr);
    ~RefreshScheduler() override;

    void setInterval(std::chrono::milliseconds interval); // default 30 s
    std::chrono::milliseconds interval() const { return m_interval; }
    void setMaxPerSecondPerKey(int n);                      // default 10 (on rateLimiter())
    void setMaxInFlight(int n);                             // default 4
    void setBackoffCap(std::chrono::milliseconds cap);      // default 10 min
    void setNotFoundGrace(std::chrono::milliseconds grace); // default 10 min ("record is null")
    void setJitter(double fraction);                        // default 0.2 (tests use 0)

    // Start watching tasks. Unfinished tasks never checked are polled at once; others are due
    // one interval after their last check. Final tasks are remembered for refreshNow().
    void track(const QList<TaskRecord> &tasks);
    void untrack(const QStringList &taskIds);
    void setTaskKey(const QString &taskId, const QString &keyId);
    // Polls these tasks (finished ones too) as soon as limits allow; empty = every task.
    void refreshNow(const QStringList &taskIds = {});

    void setPaused(bool paused); // user's "pause polling"
    bool isPaused() const { return m_paused; }
    bool isOnline() const { return m_online; }
    // Feeds the network state (the scheduler also listens to QNetworkInformation if loaded).
    void setOnline(bool online);
    // Follow QNetworkInformation's reachability (default on; loads a backend when one exists).
    // Off for a loopback server (demo mode, tests), which works without any network.
    void setFollowSystemNetwork(bool follow);
    int inFlight() const { return int(m_requests.size()); }
    // When the next poll is due (invalid when nothing is scheduled).
    QDateTime nextPollAt() const;
    int pendingCount() const; // unfinished tasks being watched
    // Shared with other record-info pollers (KeyProber) so that together they keep the limit.
    RateLimiter *rateLimiter() { return &m_limiter; }

Q_SIGNALS:
    // One answer (or error) for one task. The scheduler has already turned a "record is null"
    // older than the grace period into a final NotFound.
    void taskAnswered(const QString &taskId, const veo::RecordInfoResult &result);
    void onlineChanged(bool online);
    void pausedChanged(bool paused);
    void nextPollChanged(const QDateTime &at);

private:
    using Queue = std::set<std::pair<qint64, QString>>; // (due ms on m_clock, task id)
    struct Entry
    {
        QString keyId;
        TaskKind kind = TaskKind::VeoGeneration; // how it is read (StatusSource)
        QString parentTaskId;
        bool final = false;
        bool inFlight = false;
        bool forced = false; // refreshNow() on this task
        // Times on m_clock. They can be negative (a check before the clock started), so
        // "not queued" and "never checked" are empty optionals, not a sentinel value.
        std::optional<qint64> dueMs;
        std::optional<qint64> lastCheckMs;
        int failures = 0;
        std::optional<qint64> firstNotFoundMs;
        quint64 serial = 0; // of the request in flight; answers to older requests are ignored
    };
    struct KeyQueue
    {
        Queue due;
        QString token; // the token last used for this key id (the limiter counts tokens)
    };

    void schedule();
    void dispatch();
    void send(const QString &taskId, const QString &token);
    void handleAnswer(quint64 serial, const QString &taskId, const QString &token,
                      RecordInfoResult result);
    qint64 nowMs() const { return m_clock.elapsed(); }
    qint64 backoffMs(int failures) const;
    void enqueue(const QString &taskId, Entry &entry, qint64 dueMs);
    void dequeue(const QString &taskId, Entry &entry);
    void setFinal(Entry &entry, bool done);
    void setNextWake(qint64 wakeMs);
    bool canPoll() const { return !m_paused && m_online; }
    void onReachabilityChanged();
    void onClientIdle();

    KieClient *m_client;
    TokenProvider m_tokens;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QHash<QString, Entry> m_entries;
    QHash<QString, KeyQueue> m_queues; // per key id, only tasks waiting to be sent
    RateLimiter m_limiter;
    QHash<quint64, QString> m_requests; // in flight: serial -> task id
    std::chrono::milliseconds m_interval{30000};
    std::chrono::milliseconds m_backoffCap{600000};
    std::chrono::milliseconds m_notFoundGrace{600000};
    double m_jitter = 0.2;
    int m_maxInFlight = 4;
    int m_unfinished = 0;
    quint64 m_nextSerial = 0;
    qint64 m_nextWakeMs = -1;
    QDateTime m_nextPollAt;
    bool m_paused = false;
    bool m_online = true;
    bool m_followSystem = false;
};

} // namespace veo
