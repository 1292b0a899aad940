#pragma once

#include "apierror.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <chrono>
#include <functional>
#include <optional>

namespace veo {

class DeadlineTimer;
class KeyRing;
class RequestScheduler;
struct HttpAnswer;

// Keeps each API key's remaining credits fresh: every key at start(), every interval (10 min)
// while running, and shortly after a task of that key finishes (debounced, so a batch of
// finished tasks costs one request). At most one credits request per key is in flight.
// Warns once per crossing of the low-credit threshold (again only after the balance has
// been at or above it). Requests go through the request machine (on demand: not held by a
// pause of polling); times are on its clock.
class CreditsMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreditsMonitor)

public:
    // The ids of every key to watch.
    using KeyLister = std::function<QStringList()>;
    using ProbeCallback = std::function<void(const ApiError &error, qint64 credits)>;

    // Keys without a token (the request machine's) are skipped.
    CreditsMonitor(RequestScheduler *requests, KeyLister keys, QObject *parent = nullptr);
    // Watches the ring's usable keys and records every result in it (KeyRing::recordCheck).
    CreditsMonitor(RequestScheduler *requests, KeyRing *keys, QObject *parent = nullptr);
    ~CreditsMonitor() override;

    static constexpr std::chrono::minutes DefaultInterval{10};
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }
    // Between "a task finished" and the check: a batch finishing together costs one request.
    static constexpr std::chrono::seconds FinishedDelay{3};
    // Credits below this warn (0 = never).
    void setLowThreshold(qint64 credits);

    void start(); // checks every key now and then periodically
    void stop();
    bool isRunning() const { return m_running; }
    void checkAll();
    void checkKey(const QString &keyId);
    // Checks the key (or joins the check on its way) and calls then once it is answered,
    // whatever the answer, after checked(); at once when the key cannot be checked. Not after
    // context is gone.
    void checkKeyThen(const QString &keyId, QObject *context, std::function<void()> then);
    // A task polled with this key (a real id, not "") reached a final status.
    void taskFinished(const QString &keyId);
    // Checks a secret that is not stored yet (adding a key). The callback is dropped when the
    // context is destroyed.
    void probe(const QString &secret, QObject *context, ProbeCallback done);

    std::optional<qint64> lastCredits(const QString &keyId) const;
    bool isChecking(const QString &keyId) const { return m_inFlight.contains(keyId); }

Q_SIGNALS:
    // A check of the key left: the balance it reads is KIE's at some moment from now until
    // checked().
    void checkSent(const QString &keyId);
    // The result of one check of a stored key.
    void checked(const QString &keyId, const veo::ApiError &error, qint64 credits);
    // The key's credits fell below the threshold (once per crossing).
    void lowCredits(const QString &keyId, qint64 credits, qint64 threshold);

private:
    void checkAllAndRearm();
    void checkFinished();
    void answered(const QString &keyId, const HttpAnswer &answer);

    RequestScheduler *m_requests;
    KeyLister m_keys;
    DeadlineTimer *m_timer;
    DeadlineTimer *m_finishedTimer;
    std::chrono::milliseconds m_interval = DefaultInterval;
    bool m_running = false;
    QSet<QString> m_finishedKeys;
    QSet<QString> m_inFlight;
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void()> then;
    };
    QHash<QString, QList<Waiter>> m_waiting; // per key: what runs once its check is answered
    QHash<QString, qint64> m_credits;
    QSet<QString> m_below; // keys already warned about, until they climb back
    qint64 m_threshold = 0;
};

} // namespace veo
