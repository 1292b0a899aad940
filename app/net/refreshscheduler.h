#pragma once

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
    void setMaxPerSecondPerKey(int n);                      // default 10
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
    // When the next poll is due (invalid when nothing is scheduled).
    QDateTime nextPollAt() const;
    int pendingCount() const; // unfinished tasks being watched

Q_SIGNALS:
    // One answer (or error) for one task. The scheduler has already turned a "record is null"
    // older than the grace period into a final NotFound.
    void taskAnswered(const QString &taskId, const veo::RecordInfoResult &result);
    void onlineChanged(bool online);
    void nextPollChanged(const QDateTime &at);

private:
    struct Entry
    {
        QString keyId;
        bool final = false;
        bool inFlight = false;
        bool forced = false;      // refreshNow() on this task
        qint64 dueMs = 0;         // on m_clock
        int failures = 0;
        qint64 firstNotFoundMs = -1;
    };
    void schedule();
    void dispatch();
    void handleAnswer(const QString &taskId, RecordInfoResult result);
    qint64 nowMs() const { return m_clock.elapsed(); }
    qint64 backoffMs(int failures) const;
    bool takeRateToken(const QString &keyId);

    KieClient *m_client;
    TokenProvider m_tokens;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QHash<QString, Entry> m_entries;
    QHash<QString, QList<qint64>> m_sentByKey;   // send times in the last second, per key
    QHash<QString, qint64> m_keyBlockedUntilMs;  // 429 Retry-After per key
    std::chrono::milliseconds m_interval{30000};
    std::chrono::milliseconds m_backoffCap{600000};
    std::chrono::milliseconds m_notFoundGrace{600000};
    double m_jitter = 0.2;
    int m_maxPerSecond = 10;
    int m_maxInFlight = 4;
    int m_inFlight = 0;
    bool m_paused = false;
    bool m_online = true;
};

} // namespace veo
