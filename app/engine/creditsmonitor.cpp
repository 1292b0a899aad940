#include "creditsmonitor.h"

#include "clock.h"
#include "deadlinetimer.h"
#include "keyring.h"
#include "kieclient.h"
#include "requestscheduler.h"

#include <QPointer>

namespace veo {

CreditsMonitor::CreditsMonitor(RequestScheduler *requests, KeyLister keys, QObject *parent)
    : QObject(parent), m_requests(requests), m_keys(std::move(keys)),
      m_timer(new DeadlineTimer(requests->clock(), this)),
      m_finishedTimer(new DeadlineTimer(requests->clock(), this))
{
    connect(m_timer, &DeadlineTimer::timeout, this, &CreditsMonitor::checkAllAndRearm);
    connect(m_finishedTimer, &DeadlineTimer::timeout, this, &CreditsMonitor::checkFinished);
}

CreditsMonitor::CreditsMonitor(RequestScheduler *requests, KeyRing *keys, QObject *parent)
    : CreditsMonitor(
          requests, [keys] { return keys->usableKeyIds(); }, parent)
{
    connect(this, &CreditsMonitor::checked, keys, &KeyRing::recordCheck);
}

CreditsMonitor::~CreditsMonitor() = default;

void CreditsMonitor::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds(1));
    if (m_running) {
        m_timer->start(m_requests->clock()->nowMs() + m_interval.count());
    }
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
    m_running = true;
    checkAllAndRearm();
}

void CreditsMonitor::stop()
{
    m_running = false;
    m_timer->stop();
    m_finishedTimer->stop();
    m_finishedKeys.clear();
}

void CreditsMonitor::checkAllAndRearm()
{
    m_timer->start(m_requests->clock()->nowMs() + m_interval.count());
    checkAll();
}

void CreditsMonitor::checkFinished()
{
    const QSet<QString> finished = std::exchange(m_finishedKeys, {});
    for (const QString &id : finished) {
        checkKey(id);
    }
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
    if (m_inFlight.contains(keyId) || m_requests->token(keyId).isEmpty()) {
        return; // an answer is on its way, or there is no key to ask with
    }
    m_inFlight.insert(keyId);
    m_requests->submit(
        keyId, KieClient::creditsRequest(), RequestScheduler::Pace::OnDemand, this,
        [this, keyId](const HttpAnswer &answer) {
            m_inFlight.remove(keyId);
            QPointer<CreditsMonitor> self(this);
            answered(keyId, answer);
            if (self) {
                for (const Waiter &waiter : m_waiting.take(keyId)) {
                    if (waiter.context && waiter.then) {
                        waiter.then();
                    }
                }
            }
        },
        [this, keyId] { Q_EMIT checkSent(keyId); });
}

void CreditsMonitor::answered(const QString &keyId, const HttpAnswer &answer)
{
    const auto [error, credits] = KieClient::parseCredits(answer);
    if (error.kind == ApiError::Kind::Offline) {
        return; // dropped before an answer: the next check asks again
    }
    if (!error.isError()) {
        m_credits.insert(keyId, credits);
    }
    QPointer<CreditsMonitor> self(this);
    Q_EMIT checked(keyId, error, credits);
    if (!self || error.isError()) {
        return;
    }
    const bool below = m_threshold > 0 && credits < m_threshold;
    if (!below) {
        m_below.remove(keyId);
    } else if (!m_below.contains(keyId)) {
        m_below.insert(keyId);
        Q_EMIT lowCredits(keyId, credits, m_threshold);
    }
}

void CreditsMonitor::checkKeyThen(const QString &keyId, QObject *context,
                                  std::function<void()> then)
{
    checkKey(keyId);
    if (!m_inFlight.contains(keyId)) {
        then(); // no key to ask with
        return;
    }
    m_waiting[keyId].append({context, std::move(then)});
}

void CreditsMonitor::taskFinished(const QString &keyId)
{
    m_finishedKeys.insert(keyId);
    if (!m_finishedTimer->isActive()) {
        m_finishedTimer->start(m_requests->clock()->nowMs() +
                               std::chrono::milliseconds(FinishedDelay).count());
    }
}

void CreditsMonitor::probe(const QString &secret, QObject *context, ProbeCallback done)
{
    // A secret not stored yet: without a context the answer goes to done regardless.
    m_requests->submitWithToken(secret, KieClient::creditsRequest(),
                                RequestScheduler::Pace::OnDemand, context,
                                [done = std::move(done)](const HttpAnswer &answer) {
                                    const auto [error, credits] = KieClient::parseCredits(answer);
                                    if (done) {
                                        done(error, credits);
                                    }
                                });
}

std::optional<qint64> CreditsMonitor::lastCredits(const QString &keyId) const
{
    const auto it = m_credits.constFind(keyId);
    return it == m_credits.cend() ? std::nullopt : std::optional<qint64>(it.value());
}

} // namespace veo
