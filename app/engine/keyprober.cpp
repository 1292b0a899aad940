#include "keyprober.h"

#include "keyring.h"
#include "kieclient.h"
#include "ratelimiter.h"
#include "refreshscheduler.h"
#include "statussource.h"
#include "tasktracker.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace veo {

namespace {
constexpr qint64 Never = std::numeric_limits<qint64>::max();
constexpr qint64 RetryCapMs = 60000;
} // namespace

KeyProber::KeyProber(KieClient *client, RefreshScheduler *scheduler, TaskTracker *tracker,
                     TokenProvider tokens, KeyList keys, QObject *parent)
    : QObject(parent), m_client(client), m_scheduler(scheduler), m_tracker(tracker),
      m_tokens(std::move(tokens)), m_keys(std::move(keys))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &KeyProber::dispatch);
    connect(m_scheduler, &RefreshScheduler::onlineChanged, this, &KeyProber::schedule);
    connect(m_scheduler, &RefreshScheduler::pausedChanged, this, &KeyProber::schedule);
    // Queued: KieClient lowers its count just before it runs a callback; when it reaches zero
    // with our requests still open, cancelAll() dropped them and they will never answer.
    connect(m_client, &KieClient::inFlightChanged, this, &KeyProber::onClientIdle,
            Qt::QueuedConnection);
}

KeyProber::KeyProber(KieClient *client, RefreshScheduler *scheduler, TaskTracker *tracker,
                     KeyRing *keys, QObject *parent)
    : KeyProber(
          client, scheduler, tracker, [keys](const QString &id) { return keys->token(id); },
          [keys] { return probeOrder(*keys); }, parent)
{
    // Only with every stored key read: a key missing from the list would be skipped, and the
    // search could end saying no key owns the task. The session key (KIE_API_KEY) makes the
    // keyring Ready while the others are still loading; a keychain error leaves some unread
    // (the searches wait for the next load). Not "Ready" either: that is about the default
    // key, and other keys may be usable without it.
    const auto resumeWhenLoaded = [this, keys] {
        if (!keys->isLoading() && !keys->loadFailed() && !keys->usableKeyIds().isEmpty()) {
            resumeOwnerSearches();
        }
    };
    connect(keys, &KeyRing::stateChanged, this, resumeWhenLoaded);
    connect(keys, &KeyRing::profilesChanged, this, resumeWhenLoaded);
}

KeyProber::~KeyProber() = default;

QStringList KeyProber::probeOrder(const KeyRing &keys)
{
    QStringList ids = keys.usableKeyIds();
    const QString defaultId = keys.defaultKeyId();
    if (ids.removeOne(defaultId)) {
        ids.prepend(defaultId);
    }
    return ids;
}

void KeyProber::setMaxInFlight(int n)
{
    m_maxInFlight = std::max(1, n);
    schedule();
}

void KeyProber::setRetryDelay(std::chrono::milliseconds first)
{
    m_retryDelay = std::max(first, std::chrono::milliseconds(1));
}

int KeyProber::addTasksTryingAllKeys(const QStringList &taskIds)
{
    if (!m_tracker) {
        return 0;
    }
    const QStringList added = m_tracker->addTasksUnpolled(taskIds);
    startProbes(added);
    return int(added.size());
}

int KeyProber::findOwners(const QStringList &taskIds)
{
    if (!m_tracker || !m_scheduler) {
        return 0;
    }
    QStringList known;
    for (const QString &id : taskIds) {
        if (m_tracker->contains(id) && !isProbing(id) && !known.contains(id)) {
            known << id;
        }
    }
    // A wrong key's "record is null" must not count against them meanwhile.
    m_tracker->stopPolling(known);
    startProbes(known);
    return int(known.size());
}

void KeyProber::stopSearching(const QStringList &taskIds)
{
    if (!m_tracker) {
        return;
    }
    for (const QString &id : taskIds) {
        if (auto it = find(id); it != m_probes.end()) {
            if (it->inFlight) {
                --m_inFlight; // its answer finds no probe and is dropped
            }
            settle(it, false); // polling starts with the key it has now
        }
    }
    // Marked but not searched (cut off by a quit, not resumed yet): polled from now on too.
    const QSet<QString> chosen(taskIds.cbegin(), taskIds.cend());
    QStringList marked = m_tracker->tasksFindingOwner();
    marked.removeIf([&chosen](const QString &id) { return !chosen.contains(id); });
    m_tracker->startPolling(marked);
    schedule();
}

int KeyProber::resumeOwnerSearches()
{
    if (!m_tracker) {
        return 0;
    }
    QStringList waiting = m_tracker->tasksFindingOwner();
    waiting.removeIf([this](const QString &id) { return isProbing(id); });
    startProbes(waiting);
    return int(waiting.size());
}

void KeyProber::startProbes(const QStringList &added)
{
    if (added.isEmpty()) {
        return;
    }
    const QStringList keyIds = m_keys();
    const quint64 batch = ++m_nextBatch;
    m_batches.insert(batch, Batch{int(added.size()), {}});
    const qint64 now = m_clock.elapsed();
    for (const QString &id : added) {
        Probe probe;
        probe.taskId = id;
        probe.keyIds = keyIds;
        probe.batch = batch;
        probe.dueMs = now;
        m_probes.push_back(probe);
    }
    schedule(); // the requests go out from the event loop, never inside this call
}

bool KeyProber::isProbing(const QString &taskId) const
{
    return std::any_of(m_probes.cbegin(), m_probes.cend(),
                       [&taskId](const Probe &p) { return p.taskId == taskId; });
}

std::list<KeyProber::Probe>::iterator KeyProber::find(const QString &taskId)
{
    return std::find_if(m_probes.begin(), m_probes.end(),
                        [&taskId](const Probe &p) { return p.taskId == taskId; });
}

KeyProber::Outcome KeyProber::classify(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::None:
        return Outcome::Owned;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Offline:
    case ApiError::Kind::TooLarge:
    case ApiError::Kind::BadResponse:
    case ApiError::Kind::RateLimited:
    case ApiError::Kind::Maintenance:
    case ApiError::Kind::Server:
        return Outcome::Retry;
    case ApiError::Kind::Http:
        // A bare HTTP 404 is "not found" like the envelope's; other statuses may pass.
        return error.httpStatus == 404 ? Outcome::NotOwned : Outcome::Retry;
    case ApiError::Kind::InsecureBase:
        return Outcome::GiveUp; // no key will get through: let the task show why
    case ApiError::Kind::Unauthorized:
    case ApiError::Kind::InsufficientCredits:
    case ApiError::Kind::NotFoundYet:
    case ApiError::Kind::Expired:
    case ApiError::Kind::NotFound:
    case ApiError::Kind::Rejected:
    case ApiError::Kind::NoKey:
        break;
    }
    return Outcome::NotOwned;
}

qint64 KeyProber::backoffMs(int failures) const
{
    const double exponent = std::clamp(failures - 1, 0, 30);
    return std::min<qint64>(RetryCapMs,
                            std::llround(double(m_retryDelay.count()) * std::pow(2.0, exponent)));
}

void KeyProber::schedule()
{
    if (!m_scheduler || !m_scheduler->isOnline() || m_scheduler->isPaused() ||
        m_inFlight >= m_maxInFlight) {
        m_timer.stop(); // onlineChanged, pausedChanged or the next answer schedules again
        return;
    }
    RateLimiter *limiter = m_scheduler->rateLimiter();
    const qint64 now = m_clock.elapsed();
    qint64 wake = Never;
    for (const Probe &p : m_probes) {
        if (p.inFlight) {
            continue;
        }
        qint64 at = p.dueMs;
        if (!p.keyIds.isEmpty()) {
            if (const QString token = m_tokens(p.keyIds.constFirst()); !token.isEmpty()) {
                at = std::max(at, now + limiter->waitMs(token));
            }
        }
        wake = std::min(wake, at);
    }
    if (wake == Never) {
        m_timer.stop();
    } else {
        m_timer.start(std::chrono::milliseconds(std::max<qint64>(0, wake - now)));
    }
}

void KeyProber::dispatch()
{
    if (!m_client || !m_scheduler || !m_tracker || !m_scheduler->isOnline()) {
        return;
    }
    RateLimiter *limiter = m_scheduler->rateLimiter();
    const qint64 now = m_clock.elapsed();
    for (auto it = m_probes.begin(); it != m_probes.end() && m_inFlight < m_maxInFlight;) {
        Probe &p = *it;
        if (p.inFlight || p.dueMs > now) {
            ++it;
            continue;
        }
        if (!m_tracker->contains(p.taskId)) {
            it = settle(it, false); // removed from the list meanwhile
            continue;
        }
        QString token;
        while (!p.keyIds.isEmpty()) {
            token = m_tokens(p.keyIds.constFirst());
            if (!token.isEmpty() && !p.askedTokens.contains(token)) {
                break;
            }
            p.keyIds.removeFirst(); // gone from the keyring, or the same key as one asked
            token.clear();
        }
        if (token.isEmpty()) {
            // Every key was asked (or none could be): unowned only if some key said so.
            it = settle(it, p.firstRefusal.has_value());
            continue;
        }
        if (limiter->waitMs(token) > 0) {
            ++it;
            continue;
        }
        limiter->recordSend(token);
        p.inFlight = true;
        p.serial = ++m_nextSerial;
        ++m_inFlight;
        QPointer<KeyProber> self(this);
        // KieClient never answers inside send(), so this cannot re-enter dispatch(). Owner
        // searches are for tasks added by ID: Veo generations (or extensions), read alike.
        TaskRecord task;
        task.taskId = p.taskId;
        readStatus(*m_client, task, token,
                   [self, id = p.taskId, serial = p.serial, token](const RecordInfoResult &result) {
                       if (self) {
                           self->handleAnswer(id, serial, token, result);
                       }
                   });
        ++it;
    }
    schedule();
}

void KeyProber::handleAnswer(const QString &taskId, quint64 serial, const QString &token,
                             const RecordInfoResult &result)
{
    auto it = find(taskId);
    if (it == m_probes.end() || !it->inFlight || it->serial != serial) {
        return; // written off by onClientIdle()
    }
    Probe &p = *it;
    p.inFlight = false;
    --m_inFlight;
    const qint64 now = m_clock.elapsed();
    switch (classify(result.error)) {
    case Outcome::Owned: {
        const QString bound = KeyRing::storedId(p.keyIds.constFirst());
        if (m_tracker) {
            m_tracker->setTaskKey({taskId}, bound);
            m_tracker->applyAnswer(taskId, result);
        }
        settle(it, false);
        Q_EMIT ownerFound(taskId, bound);
        break;
    }
    case Outcome::NotOwned:
        if (!p.firstRefusal) {
            p.firstRefusal = result;
        }
        p.askedTokens.insert(token);
        p.keyIds.removeFirst();
        p.failures = 0;
        p.dueMs = now;
        break;
    case Outcome::Retry:
        if (++p.failures >= MaxTransientFailures) {
            // Something other than ownership keeps failing (a proxy, a broken answer): stop
            // probing, show the error on the task and let the regular polls go on.
            if (m_tracker) {
                m_tracker->applyAnswer(taskId, result);
            }
            settle(it, false);
            break;
        }
        p.dueMs = now + backoffMs(p.failures);
        if (result.error.kind == ApiError::Kind::RateLimited && m_scheduler) {
            RateLimiter *limiter = m_scheduler->rateLimiter();
            limiter->block(token, result.error.retryAfterSeconds);
            p.dueMs = std::max(p.dueMs, now + limiter->waitMs(token));
        }
        break;
    case Outcome::GiveUp:
        if (m_tracker) {
            m_tracker->applyAnswer(taskId, result);
        }
        settle(it, false);
        break;
    }
    schedule();
}

std::list<KeyProber::Probe>::iterator KeyProber::settle(std::list<Probe>::iterator probe,
                                                        bool unowned)
{
    const QString id = probe->taskId;
    if (m_tracker) {
        if (unowned) {
            // The default key's answer (the first asked): what its regular polls will say.
            m_tracker->applyAnswer(id, *probe->firstRefusal);
        }
        m_tracker->startPolling({id});
    }
    QStringList report;
    auto batch = m_batches.find(probe->batch);
    if (batch != m_batches.end()) {
        if (unowned) {
            batch->unowned.append(id);
        }
        if (--batch->open == 0) {
            report = batch->unowned;
            m_batches.erase(batch);
        }
    }
    auto next = m_probes.erase(probe);
    if (!report.isEmpty()) {
        Q_EMIT notOwnedByAnyKey(report);
    }
    return next;
}

void KeyProber::onClientIdle()
{
    if (!m_client || m_client->inFlight() != 0 || m_inFlight == 0) {
        return;
    }
    const qint64 now = m_clock.elapsed();
    for (Probe &p : m_probes) {
        if (p.inFlight) {
            p.inFlight = false;
            p.dueMs = now;
        }
    }
    m_inFlight = 0;
    schedule();
}

} // namespace veo
