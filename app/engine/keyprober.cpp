#include "keyprober.h"

#include "backoff.h"
#include "clock.h"
#include "deadlinetimer.h"
#include "keyring.h"
#include "requestscheduler.h"
#include "statussource.h"
#include "tasktracker.h"

#include <algorithm>
#include <limits>

namespace veo {

namespace {
constexpr qint64 RetryCapMs = 60000;
} // namespace

KeyProber::KeyProber(RequestScheduler *requests, TaskTracker *tracker, KeyList keys,
                     QObject *parent)
    : QObject(parent), m_requests(requests), m_tracker(tracker), m_keys(std::move(keys)),
      m_timer(new DeadlineTimer(requests->clock(), this))
{
    connect(m_timer, &DeadlineTimer::timeout, this, &KeyProber::dispatch);
}

KeyProber::KeyProber(RequestScheduler *requests, TaskTracker *tracker, KeyRing *keys,
                     QObject *parent)
    : KeyProber(
          requests, tracker, [keys] { return probeOrder(*keys); }, parent)
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

KeyProber::~KeyProber()
{
    for (Probe &p : m_probes) {
        withdraw(p);
    }
}

QStringList KeyProber::probeOrder(const KeyRing &keys)
{
    QStringList ids = keys.usableKeyIds();
    const QString defaultId = keys.defaultKeyId();
    if (ids.removeOne(defaultId)) {
        ids.prepend(defaultId);
    }
    return ids;
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
    if (!m_tracker) {
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
    const qint64 now = m_requests->clock()->nowMs();
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
    case ApiError::Kind::GaveUp:
        break;
    }
    return Outcome::NotOwned;
}

void KeyProber::withdraw(Probe &probe)
{
    if (probe.ticket) {
        m_requests->cancel(std::exchange(probe.ticket, 0));
    }
}

void KeyProber::schedule()
{
    std::optional<qint64> wake;
    for (const Probe &p : m_probes) {
        if (!p.ticket) {
            wake = std::min(wake.value_or(p.dueMs), p.dueMs);
        }
    }
    if (wake) {
        m_timer->start(*wake);
    } else {
        m_timer->stop();
    }
}

void KeyProber::dispatch()
{
    if (!m_tracker) {
        return;
    }
    const qint64 now = m_requests->clock()->nowMs();
    for (auto it = m_probes.begin(); it != m_probes.end();) {
        Probe &p = *it;
        if (p.ticket || p.dueMs > now) {
            ++it;
            continue;
        }
        if (!m_tracker->contains(p.taskId)) {
            it = settle(it, false); // removed from the list meanwhile
            continue;
        }
        QString token;
        while (!p.keyIds.isEmpty()) {
            token = m_requests->token(p.keyIds.constFirst());
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
        // Owner searches are for tasks added by ID: Veo generations (or extensions), read
        // alike. The ticket is known only after submit() returns; the answer comes later.
        TaskRecord task;
        task.taskId = p.taskId;
        auto ticket = std::make_shared<quint64>(0);
        *ticket =
            m_requests->submit(p.keyIds.constFirst(), statusSource(task.kind)->request(task),
                               RequestScheduler::Pace::Poll, this,
                               [this, id = p.taskId, ticket, token](const HttpAnswer &answer) {
                                   handleAnswer(id, *ticket, token, answer);
                               });
        p.ticket = *ticket;
        ++it;
    }
    schedule();
}

void KeyProber::handleAnswer(const QString &taskId, quint64 ticket, const QString &token,
                             const HttpAnswer &answer)
{
    auto it = find(taskId);
    if (it == m_probes.end() || !it->ticket || it->ticket != ticket) {
        return; // settled meanwhile (cancel drops the answer; this is only a safety net)
    }
    Probe &p = *it;
    p.ticket = 0;
    const qint64 now = m_requests->clock()->nowMs();
    TaskRecord task;
    task.taskId = taskId;
    const RecordInfoResult result = statusSource(task.kind)->parse(task, answer);
    if (result.error.kind == ApiError::Kind::Offline) {
        // Never reached KIE (the client dropped it): ask the same key again, no failure.
        p.dueMs = now;
        schedule();
        return;
    }
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
        // A 429 also blocks the key on the request machine until its Retry-After.
        p.dueMs = now + backoffMs(p.failures, RetryDelay.count(), RetryCapMs);
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
    withdraw(*probe);
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

} // namespace veo
