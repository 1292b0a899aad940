#pragma once

#include "apirequest.h"
#include "ratelimiter.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <deque>
#include <functional>

namespace veo {

class Clock;
class DeadlineTimer;
class KieClient;

// The one request machine: every request to KIE (polls, owner probes, credits checks, link
// renewals) is queued per key and sent through KieClient when the key's token is under its
// rate limit (RateLimiter, 10 per second per token) and the in-flight bound allows. A 429
// blocks the token for its Retry-After. The token is looked up by key id when the request is
// sent: a key without one is answered NoKey without a request. Requests the client dropped
// (KieClient::cancelAll) are answered once with Offline, so every owner recovers from a lost
// request the way it recovers from an unreachable network. Owners keep their own policy
// (when to ask, backoff, what an answer means).
class RequestScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestScheduler)

public:
    // The token for a key id ("" = default key); empty when none is available.
    using TokenProvider = std::function<QString(const QString &keyId)>;
    // Runs later, never inside submit(), at most once, and not after the context is gone.
    using Done = std::function<void(const HttpAnswer &answer)>;
    // Runs when the request leaves the queue for the network (not for one answered without
    // a request, e.g. NoKey), from the event loop, before its answer; not after the context
    // is gone.
    using OnSent = std::function<void()>;
    using Ticket = quint64;

    // Poll: routine reading of task state (polls, owner probes), held while the user paused
    // polling or the system is offline. OnDemand: something a person or a periodic check is
    // waiting for (credits, link renewals): sent regardless (offline, the client fails it
    // fast), and ahead of the key's queued polls.
    enum class Pace { Poll, OnDemand };

    // clock: null = a steady clock of its own.
    RequestScheduler(KieClient *client, TokenProvider tokens, Clock *clock = nullptr,
                     QObject *parent = nullptr);
    ~RequestScheduler() override;

    Clock *clock() const { return m_clock; }
    // The token a request for keyId would be sent with now (empty: NoKey).
    QString token(const QString &keyId) const { return m_tokens ? m_tokens(keyId) : QString(); }

    void setMaxPerSecondPerKey(int n); // default 10
    void setMaxInFlight(int n);        // default 4, every pace together
    int inFlight() const { return int(m_inFlight.size()); }
    int queued(Pace pace) const;

    Ticket submit(const QString &keyId, const ApiRequest &request, Pace pace, QObject *context,
                  Done done, OnSent onSent = {});
    // A secret not stored as a key (one being added): queued and limited by the token itself.
    Ticket submitWithToken(const QString &token, const ApiRequest &request, Pace pace,
                           QObject *context, Done done);
    // A queued request is dropped; one in flight keeps its slot until it is answered, but
    // its answer is dropped.
    void cancel(Ticket ticket);

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void setOnline(bool online);
    bool isOnline() const { return m_online; }
    // Follow QNetworkInformation's reachability (default off; on loads a backend when one
    // exists). The app's engine turns it on for a remote API; --check and --add-key do not wait.
    // Off for a loopback server (demo mode, tests), which works without any network.
    void setFollowSystemNetwork(bool follow);
    // Poll requests wait: paused or offline.
    bool pollsHeld() const { return m_paused || !m_online; }
    RateLimiter *rateLimiter() { return &m_limiter; }

Q_SIGNALS:
    void pausedChanged(bool paused);
    void onlineChanged(bool online);

private:
    struct Pending
    {
        Ticket ticket = 0;
        ApiRequest request;
        QPointer<QObject> context;
        bool hasContext = false;
        Done done;
        OnSent onSent;
    };
    struct KeyQueue
    {
        std::deque<Pending> onDemand;
        std::deque<Pending> polls;
    };
    struct Sent
    {
        QString token;
        QPointer<QObject> context;
        bool hasContext = false;
        Done done; // empty once cancelled
    };

    Ticket enqueue(const QString &queueKey, const ApiRequest &request, Pace pace, QObject *context,
                   Done done, OnSent onSent = {});
    // Queues are per key id, or per token for submitWithToken() (marked by a leading NUL,
    // which no key id has).
    QString tokenFor(const QString &queueKey) const;
    void schedule();
    void dispatch();
    void answered(Ticket ticket, const HttpAnswer &answer);
    void onClientCount(int count);
    void onReachabilityChanged();
    void writeOffLost(const QSet<Ticket> &suspects);
    static void deliver(const QPointer<QObject> &context, bool hasContext, const Done &done,
                        const HttpAnswer &answer);

    QPointer<KieClient> m_client;
    TokenProvider m_tokens;
    Clock *m_clock;
    DeadlineTimer *m_timer;
    RateLimiter m_limiter;
    QHash<QString, KeyQueue> m_queues;  // per key id, not yet sent
    QHash<Ticket, QString> m_queuedKey; // ticket -> key id, for cancel()
    QHash<Ticket, Sent> m_inFlight;
    QString m_nextKey; // round-robin: the key the next round starts after
    int m_maxInFlight = 4;
    Ticket m_nextTicket = 0;
    bool m_paused = false;
    bool m_online = true;
    bool m_followSystem = false;
};

} // namespace veo
