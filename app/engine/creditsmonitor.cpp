#include "creditsmonitor.h"

#include "keyring.h"
#include "kieclient.h"

#include <QPointer>

namespace veo {

CreditsMonitor::CreditsMonitor(KieClient *client, TokenProvider tokens, KeyLister keys,
                               QObject *parent)
    : QObject(parent), m_client(client), m_tokens(std::move(tokens)), m_keys(std::move(keys))
{
    m_timer.setInterval(DefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &CreditsMonitor::checkAll);
    m_finishedTimer.setSingleShot(true);
    m_finishedTimer.setInterval(std::chrono::seconds(3));
    connect(&m_finishedTimer, &QTimer::timeout, this, [this] {
        const QSet<QString> finished = std::exchange(m_finishedKeys, {});
        for (const QString &id : finished) {
            checkKey(id);
        }
    });
    // Queued: KieClient lowers its count just before it runs a callback; when it reaches zero
    // with our requests still open, cancelAll() dropped them and they will never answer.
    connect(m_client, &KieClient::inFlightChanged, this, &CreditsMonitor::onClientIdle,
            Qt::QueuedConnection);
}

CreditsMonitor::CreditsMonitor(KieClient *client, KeyRing *keys, QObject *parent)
    : CreditsMonitor(
          client, [keys](const QString &id) { return keys->token(id); },
          [keys] { return keys->usableKeyIds(); }, parent)
{
    connect(this, &CreditsMonitor::checked, keys, &KeyRing::recordCheck);
}

CreditsMonitor::~CreditsMonitor() = default;

void CreditsMonitor::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(std::max(interval, std::chrono::milliseconds(1)));
}

std::chrono::milliseconds CreditsMonitor::interval() const
{
    return m_timer.intervalAsDuration();
}

void CreditsMonitor::setFinishedDelay(std::chrono::milliseconds delay)
{
    m_finishedTimer.setInterval(std::max(delay, std::chrono::milliseconds(0)));
}

void CreditsMonitor::setLowThreshold(qint64 credits)
{
    m_threshold = std::max<qint64>(0, credits);
    // A new threshold is no crossing: remember silently which keys are already below it.
    m_below.clear();
    for (auto it = m_credits.cbegin(); it != m_credits.cend(); ++it) {
        if (it.value() < m_threshold) {
            m_below.insert(it.key());
        }
    }
}

void CreditsMonitor::start()
{
    m_timer.start();
    checkAll();
}

void CreditsMonitor::stop()
{
    m_timer.stop();
    m_finishedTimer.stop();
    m_finishedKeys.clear();
}

void CreditsMonitor::checkAll()
{
    const QStringList keys = m_keys ? m_keys() : QStringList();
    for (const QString &id : keys) {
        checkKey(id);
    }
}

void CreditsMonitor::checkKey(const QString &keyId)
{
    if (m_inFlight.contains(keyId)) {
        return; // an answer is on its way
    }
    const QString token = m_tokens ? m_tokens(keyId) : QString();
    if (token.isEmpty()) {
        return;
    }
    m_inFlight.insert(keyId);
    QPointer<CreditsMonitor> self(this);
    m_client->credits(token, [self, keyId](const ApiError &error, qint64 credits) {
        if (!self) {
            return;
        }
        self->m_inFlight.remove(keyId);
        if (!error.isError()) {
            self->m_credits.insert(keyId, credits);
        }
        Q_EMIT self->checked(keyId, error, credits);
        if (!self || error.isError()) {
            return;
        }
        const bool below = self->m_threshold > 0 && credits < self->m_threshold;
        if (!below) {
            self->m_below.remove(keyId);
        } else if (!self->m_below.contains(keyId)) {
            self->m_below.insert(keyId);
            Q_EMIT self->lowCredits(keyId, credits, self->m_threshold);
        }
    });
}

void CreditsMonitor::taskFinished(const QString &keyId)
{
    m_finishedKeys.insert(keyId);
    if (!m_finishedTimer.isActive()) {
        m_finishedTimer.start();
    }
}

void CreditsMonitor::probe(const QString &secret, QObject *context, ProbeCallback done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    m_client->credits(secret.trimmed(),
                      [guard, hasContext, done = std::move(done)](const ApiError &e, qint64 c) {
                          if ((!hasContext || guard) && done) {
                              done(e, c);
                          }
                      });
}

std::optional<qint64> CreditsMonitor::lastCredits(const QString &keyId) const
{
    const auto it = m_credits.constFind(keyId);
    return it == m_credits.cend() ? std::nullopt : std::optional<qint64>(it.value());
}

void CreditsMonitor::onClientIdle()
{
    if (m_client->inFlight() == 0) {
        m_inFlight.clear();
    }
}

} // namespace veo
