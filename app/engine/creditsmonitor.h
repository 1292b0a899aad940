#pragma once

#include "apierror.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <functional>
#include <optional>

namespace veo {

class KeyRing;
class KieClient;

// Keeps each API key's remaining credits fresh: every key at start(), every interval (10 min)
// while running, and shortly after a task of that key finishes (debounced, so a batch of
// finished tasks costs one request). At most one credits request per key is in flight.
// Warns once per crossing of the low-credit threshold (again only after the balance has
// been at or above it).
class CreditsMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreditsMonitor)

public:
    // The secret for a key id; empty when none (such keys are skipped).
    using TokenProvider = std::function<QString(const QString &keyId)>;
    // The ids of every key to watch.
    using KeyLister = std::function<QStringList()>;
    using ProbeCallback = std::function<void(const ApiError &error, qint64 credits)>;

    CreditsMonitor(KieClient *client, TokenProvider tokens, KeyLister keys,
                   QObject *parent = nullptr);
    // Watches the ring's usable keys and records every result in it (KeyRing::recordCheck).
    CreditsMonitor(KieClient *client, KeyRing *keys, QObject *parent = nullptr);
    ~CreditsMonitor() override;

    static constexpr std::chrono::minutes DefaultInterval{10};
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;
    // Delay between "a task finished" and the check (default 3 s).
    void setFinishedDelay(std::chrono::milliseconds delay);
    // Credits below this warn (0 = never).
    void setLowThreshold(qint64 credits);

    void start(); // checks every key now and then periodically
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    void checkAll();
    void checkKey(const QString &keyId);
    // A task polled with this key (a real id, not "") reached a final status.
    void taskFinished(const QString &keyId);
    // Checks a secret that is not stored yet (adding a key). The callback is dropped when the
    // context is destroyed.
    void probe(const QString &secret, QObject *context, ProbeCallback done);

    std::optional<qint64> lastCredits(const QString &keyId) const;
    bool isChecking(const QString &keyId) const { return m_inFlight.contains(keyId); }

Q_SIGNALS:
    // The result of one check of a stored key.
    void checked(const QString &keyId, const veo::ApiError &error, qint64 credits);
    // The key's credits fell below the threshold (once per crossing).
    void lowCredits(const QString &keyId, qint64 credits, qint64 threshold);

private:
    void onClientIdle();

    KieClient *m_client;
    TokenProvider m_tokens;
    KeyLister m_keys;
    QTimer m_timer;
    QTimer m_finishedTimer;
    QSet<QString> m_finishedKeys;
    QSet<QString> m_inFlight;
    QHash<QString, qint64> m_credits;
    QSet<QString> m_below; // keys already warned about, until they climb back
    qint64 m_threshold = 0;
};

} // namespace veo
