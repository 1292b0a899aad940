#include "refreshscheduler.h"

#include "backoff.h"
#include "clock.h"
#include "deadlinetimer.h"
#include "kieclient.h"
#include "statussource.h"
#include "taskage.h"

#include <algorithm>

namespace veo {

RefreshScheduler::RefreshScheduler(RequestScheduler *requests, QObject *parent)
    : RefreshScheduler(requests, Policy{}, parent)
{
}

RefreshScheduler::RefreshScheduler(RequestScheduler *requests, const Policy &policy,
                                   QObject *parent)
    : QObject(parent), m_requests(requests), m_timer(new DeadlineTimer(requests->clock(), this)),
      m_policy(policy)
{
    m_policy.backoffCap = std::max(m_policy.backoffCap, std::chrono::milliseconds(1));
    m_policy.notFoundGrace = std::max(m_policy.notFoundGrace, std::chrono::milliseconds(0));
    m_policy.jitter = std::clamp(m_policy.jitter, 0.0, 0.9);
    connect(m_timer, &DeadlineTimer::timeout, this, &RefreshScheduler::dispatch);
    connect(m_requests, &RequestScheduler::pausedChanged, this, [this](bool paused) {
        schedule();
        Q_EMIT pausedChanged(paused);
    });
    connect(m_requests, &RequestScheduler::onlineChanged, this, [this](bool online) {
        Q_EMIT onlineChanged(online);
        schedule(); // back online: whatever became due meanwhile goes out at once
    });
}

RefreshScheduler::RefreshScheduler(KieClient *client, TokenProvider tokens, const Policy &policy,
                                   QObject *parent)
    : RefreshScheduler(new RequestScheduler(client, std::move(tokens)), policy, parent)
{
    m_ownRequests.reset(m_requests);
}

RefreshScheduler::~RefreshScheduler()
{
    // Our polls still queued or in flight are dropped: their callbacks are bound to us.
    for (const Entry &e : std::as_const(m_entries)) {
        if (e.ticket) {
            m_requests->cancel(e.ticket);
        }
    }
}

qint64 RefreshScheduler::intervalMs(const Entry &entry, qint64 checkMs) const
{
    const StatusSource *source = statusSource(entry.kind);
    if (m_fixed) {
        return source->interval(m_interval).count();
    }
    const auto age = std::chrono::milliseconds(std::max<qint64>(0, checkMs - entry.startedMs));
    return source->adaptiveInterval(age, m_interval).count();
}

qint64 RefreshScheduler::firstDueMs(const QString &keyId, qint64 now)
{
    // A rate-limit window's worth at a time: what the key can send at once goes at once.
    auto &[slotMs, used] = m_firsts[keyId];
    if (slotMs < now) {
        slotMs = now;
        used = 0;
    }
    if (used >= handOverLimit()) {
        slotMs += RateLimiter::WindowMs;
        used = 0;
    }
    ++used;
    return slotMs;
}

int RefreshScheduler::handOverLimit() const
{
    return m_requests->rateLimiter()->maxPerSecond();
}

qint64 RefreshScheduler::nowMs() const
{
    return m_requests->clock()->nowMs();
}

void RefreshScheduler::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds(1));
    // Tasks waiting for their regular poll move to the new interval; backoff and forced
    // polls keep their time.
    const qint64 now = nowMs();
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        Entry &e = it.value();
        if (!e.dueMs || e.forced || e.failures > 0 || !e.lastCheckMs) {
            continue;
        }
        enqueue(it.key(), e, std::max(now, *e.lastCheckMs + intervalMs(e, *e.lastCheckMs)));
    }
    schedule();
}

void RefreshScheduler::setFixedInterval(bool fixed)
{
    if (m_fixed != fixed) {
        m_fixed = fixed;
        setInterval(m_interval); // regular polls move to the new pace
    }
}

void RefreshScheduler::setMaxPerSecondPerKey(int n)
{
    m_requests->setMaxPerSecondPerKey(n);
}

void RefreshScheduler::setMaxInFlight(int n)
{
    m_requests->setMaxInFlight(n);
}

RefreshScheduler::Entry *RefreshScheduler::entryFor(const TaskRecord &task, qint64 now,
                                                    const QDateTime &wallNow)
{
    const StatusSource *source = statusSource(task.kind);
    if (!source || task.awaitsTaskId() || task.findingOwner) {
        // A kind that cannot be read yet, no KIE task ID, or its key is being looked for:
        // listed, not polled.
        return nullptr;
    }
    auto it = m_entries.find(task.taskId);
    const bool isNew = it == m_entries.end();
    if (isNew) {
        it = m_entries.insert(task.taskId, Entry{});
    }
    Entry &e = it.value();
    const auto onClock = [&](const QDateTime &at) { // a past wall time, on the clock
        return now - std::max<qint64>(0, at.msecsTo(wallNow));
    };
    if (const QDateTime started = taskStartedAt(task); started.isValid()) {
        e.startedMs = onClock(started);
    } else if (isNew) {
        e.startedMs = now;
    }
    e.kind = task.kind;
    e.parentTaskId = task.parentTaskId;
    e.videoIndex = task.videoIndex;
    e.giveUpAtMs.reset();
    if (const auto limit = source->giveUpAfter(); limit && task.addedAt.isValid()) {
        // The time limit runs from the request, across restarts.
        e.giveUpAtMs = onClock(task.addedAt) + std::chrono::milliseconds(*limit).count();
    }
    setKey(task.taskId, e, task.keyId);
    if (task.lastChecked.isValid()) {
        e.lastCheckMs = onClock(task.lastChecked);
    }
    if (isNew && task.lastError.kind == ApiError::Kind::NotFoundYet && task.addedAt.isValid()) {
        // Still unknown from an earlier session: the grace period started when it was added.
        e.firstNotFoundMs = onClock(task.addedAt);
    }
    if (isNew) {
        e.final = true; // not counted yet; setFinal() counts it when unfinished
    }
    setFinal(e, isDone(task));
    return &e;
}

bool RefreshScheduler::isDone(const TaskRecord &task)
{
    return isFinal(task.status) || task.lastError.isFinal();
}

void RefreshScheduler::track(const QList<TaskRecord> &tasks)
{
    const qint64 now = nowMs();
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    for (const TaskRecord &task : tasks) {
        if (isDone(task) && !m_entries.contains(task.taskId)) {
            continue; // finished: nothing to schedule (refreshNow() asks it again)
        }
        Entry *e = entryFor(task, now, wallNow);
        if (!e) {
            continue;
        }
        if (e->final) {
            if (!e->forced && !e->ticket) {
                forget(task.taskId);
            }
        } else if (!e->dueMs && !e->ticket) {
            enqueue(task.taskId, *e,
                    e->lastCheckMs ? *e->lastCheckMs + intervalMs(*e, *e->lastCheckMs)
                                   : firstDueMs(e->keyId, now));
        }
    }
    schedule();
}

void RefreshScheduler::forget(const QString &taskId)
{
    auto it = m_entries.find(taskId);
    if (it == m_entries.end()) {
        return;
    }
    dequeue(taskId, it.value());
    withdraw(it.value()); // an answer still in flight is dropped
    setFinal(it.value(), true);
    m_entries.erase(it);
}

void RefreshScheduler::untrack(const QStringList &taskIds)
{
    for (const QString &id : taskIds) {
        forget(id);
    }
    schedule();
}

void RefreshScheduler::setTaskKey(const QString &taskId, const QString &keyId)
{
    auto it = m_entries.find(taskId);
    if (it == m_entries.end() || it->keyId == keyId) {
        return;
    }
    Entry &e = it.value();
    setKey(taskId, e, keyId);
    // A new key deserves a fresh start: a key problem was probably the reason for the change.
    e.failures = 0;
    if (e.dueMs) {
        enqueue(taskId, e, std::min(*e.dueMs, nowMs()));
    }
    schedule();
}

void RefreshScheduler::refreshNow(const QList<TaskRecord> &tasks)
{
    const qint64 now = nowMs();
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    for (const TaskRecord &task : tasks) {
        // A finished task is scheduled again, until its answer.
        const auto known = m_entries.find(task.taskId);
        Entry *e = known != m_entries.end() ? &known.value() : entryFor(task, now, wallNow);
        if (e && !e->ticket) { // else an answer is on its way
            e->forced = true;
            enqueue(task.taskId, *e, now);
        }
    }
    schedule();
}

void RefreshScheduler::setPaused(bool paused)
{
    m_requests->setPaused(paused);
}

bool RefreshScheduler::isPaused() const
{
    return m_requests->isPaused();
}

bool RefreshScheduler::isOnline() const
{
    return m_requests->isOnline();
}

void RefreshScheduler::setOnline(bool online)
{
    m_requests->setOnline(online);
}

void RefreshScheduler::setFollowSystemNetwork(bool follow)
{
    m_requests->setFollowSystemNetwork(follow);
}

int RefreshScheduler::inFlight() const
{
    return m_requests->inFlight();
}

RateLimiter *RefreshScheduler::rateLimiter()
{
    return m_requests->rateLimiter();
}

QDateTime RefreshScheduler::nextPollAt() const
{
    return m_nextPollAt;
}

QDateTime RefreshScheduler::nextCheckAt(const QString &taskId) const
{
    const auto it = m_entries.constFind(taskId);
    if (it == m_entries.cend() || m_requests->pollsHeld() || (!it->ticket && !it->dueMs)) {
        return {};
    }
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    return it->ticket ? wallNow : wallNow.addMSecs(std::max<qint64>(0, *it->dueMs - nowMs()));
}

int RefreshScheduler::pendingCount() const
{
    return m_unfinished;
}

int RefreshScheduler::trackedCount() const
{
    return int(m_entries.size());
}

void RefreshScheduler::setFinal(Entry &entry, bool done)
{
    if (entry.final == done) {
        return;
    }
    entry.final = done;
    m_unfinished += done ? -1 : 1;
}

void RefreshScheduler::enqueue(const QString &taskId, Entry &entry, qint64 dueMs)
{
    dequeue(taskId, entry);
    entry.dueMs = dueMs;
    m_due[entry.keyId].emplace(dueMs, taskId);
}

void RefreshScheduler::dequeue(const QString &taskId, Entry &entry)
{
    if (!entry.dueMs) {
        return;
    }
    auto queue = m_due.find(entry.keyId);
    queue->erase({*entry.dueMs, taskId});
    if (queue->empty()) {
        m_due.erase(queue);
    }
    entry.dueMs.reset();
}

void RefreshScheduler::setKey(const QString &taskId, Entry &entry, const QString &keyId)
{
    if (entry.keyId == keyId) {
        return;
    }
    const bool handedOver = entry.ticket != 0;
    const std::optional<qint64> due = entry.dueMs;
    withdraw(entry); // handed over with the old key: asked again with the new one
    dequeue(taskId, entry);
    entry.keyId = keyId;
    if (handedOver) {
        enqueue(taskId, entry, nowMs());
    } else if (due) {
        enqueue(taskId, entry, *due);
    }
}

void RefreshScheduler::withdraw(Entry &entry)
{
    if (entry.ticket) {
        markSent(entry);
        m_requests->cancel(std::exchange(entry.ticket, 0));
        --m_submitted;
    }
}

void RefreshScheduler::markSent(Entry &entry)
{
    if (entry.ticket && !entry.sent) {
        entry.sent = true;
        if (--m_waiting[entry.keyId] <= 0) {
            m_waiting.remove(entry.keyId);
        }
    }
}

void RefreshScheduler::dispatch()
{
    if (m_requests->pollsHeld()) {
        schedule();
        return;
    }
    const qint64 now = nowMs();
    const int limit = handOverLimit();
    const QStringList keys = m_due.keys();
    for (const QString &keyId : keys) {
        // Earliest due first; dequeue() drops the key's queue once it is empty.
        for (auto q = m_due.constFind(keyId);
             q != m_due.cend() && q->begin()->first <= now && m_waiting.value(keyId) < limit;
             q = m_due.constFind(keyId)) {
            const QString id = q->begin()->second;
            Entry &e = m_entries[id];
            dequeue(id, e);
            submit(id, e);
        }
    }
    schedule();
}

void RefreshScheduler::submit(const QString &taskId, Entry &entry)
{
    TaskRecord task;
    task.taskId = taskId;
    task.kind = entry.kind;
    task.parentTaskId = entry.parentTaskId;
    task.videoIndex = entry.videoIndex;
    const StatusSource *source = statusSource(entry.kind);
    // The ticket is known only after submit() returns; the answer comes later (never inside).
    auto ticket = std::make_shared<quint64>(0);
    *ticket = m_requests->submit(
        entry.keyId, source->request(task), RequestScheduler::Pace::Poll, this,
        [this, taskId, ticket](const HttpAnswer &answer) { handleAnswer(taskId, *ticket, answer); },
        [this, taskId, ticket] {
            // Room for the next one of its key.
            if (auto it = m_entries.find(taskId); it != m_entries.end() && it->ticket == *ticket) {
                markSent(it.value());
                schedule();
            }
        });
    entry.ticket = *ticket;
    entry.sent = false;
    ++m_waiting[entry.keyId];
    ++m_submitted;
}

void RefreshScheduler::handleAnswer(const QString &taskId, quint64 ticket, const HttpAnswer &answer)
{
    auto it = m_entries.find(taskId);
    if (it == m_entries.end() || it->ticket != ticket) {
        return; // withdrawn (cancel drops the answer; this is only a safety net)
    }
    Entry &e = it.value();
    markSent(e); // answered without a request (NoKey), or its onSent is still on its way
    e.ticket = 0;
    --m_submitted;
    const qint64 now = nowMs();
    TaskRecord task;
    task.taskId = taskId;
    task.kind = e.kind;
    task.parentTaskId = e.parentTaskId;
    task.videoIndex = e.videoIndex;
    RecordInfoResult result = statusSource(e.kind)->parse(task, answer);
    if (const QDateTime created = result.record.createTime; created.isValid()) {
        // KIE's start, when earlier than ours (taskStartedAt).
        e.startedMs =
            std::min(e.startedMs,
                     now - std::max<qint64>(0, created.msecsTo(QDateTime::currentDateTimeUtc())));
    }
    const ApiError::Kind kind = result.error.kind;
    if (kind == ApiError::Kind::Offline) {
        // Never reached KIE (the client dropped it): ask again, nothing to report.
        if (!e.final || e.forced) {
            enqueue(taskId, e, now);
        } else {
            forget(taskId); // finished meanwhile: nothing to ask again
        }
        schedule();
        return;
    }
    e.forced = false;
    qint64 nextDue = now + intervalMs(e, now);
    // Retries back off from the user's interval, whatever the age: an error says nothing
    // about how close the render is.
    const qint64 interval = statusSource(e.kind)->interval(m_interval).count();
    if (kind != ApiError::Kind::NoKey) {
        e.lastCheckMs = now; // NoKey: no request was made, nothing was checked
    }
    if (kind == ApiError::Kind::NoKey) {
        // Asked again after an interval (a key may be added), without backoff.
    } else if (!result.error.isError()) {
        e.failures = 0;
        e.firstNotFoundMs.reset();
        setFinal(e, isFinal(result.record.status));
    } else if (kind == ApiError::Kind::NotFoundYet) {
        if (!e.firstNotFoundMs) {
            e.firstNotFoundMs = now;
        }
        if (now - *e.firstNotFoundMs >= m_policy.notFoundGrace.count()) {
            result.error.kind = ApiError::Kind::NotFound; // unknown for too long: give up
            setFinal(e, true);
        } else {
            nextDue = now + backoffMs(++e.failures, interval, m_policy.backoffCap.count(),
                                      m_policy.jitter);
        }
    } else if (result.error.isFinal()) {
        setFinal(e, true);
    } else {
        // A 429 also blocks the key on the request machine for its Retry-After.
        nextDue =
            now + backoffMs(++e.failures, interval, m_policy.backoffCap.count(), m_policy.jitter);
    }

    // Never sooner than the kind allows between two requests (a 4K's 30 s), backoff or not.
    nextDue = std::max(nextDue, now + statusSource(e.kind)->interval({}).count());
    if (!e.final && e.giveUpAtMs && now >= *e.giveUpAtMs && kind != ApiError::Kind::NoKey) {
        // Still not there after its time limit: a final answer, with a Retry for the user.
        const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(
            statusSource(e.kind)->giveUpAfter().value_or(std::chrono::minutes(0)));
        result.error = ApiError{};
        result.error.kind = ApiError::Kind::GaveUp;
        result.error.code = int(minutes.count());
        setFinal(e, true);
    }
    if (e.final) {
        forget(taskId); // refreshNow() brings it back
    } else {
        enqueue(taskId, e, nextDue);
    }
    Q_EMIT taskAnswered(taskId, result);
    schedule();
}

void RefreshScheduler::schedule()
{
    if (m_requests->pollsHeld() || (m_due.empty() && m_submitted == 0)) {
        m_timer->stop();
        setNextWake(std::nullopt);
        return;
    }
    const qint64 now = nowMs();
    const int limit = handOverLimit();
    std::optional<qint64> wake;  // the next poll, as shown
    std::optional<qint64> timer; // the next hand-over; a full key waits for a send instead
    for (auto q = m_due.cbegin(); q != m_due.cend(); ++q) {
        // Overdue counts as now: times on the clock may be negative.
        const qint64 at = std::max(q->begin()->first, now);
        wake = std::min(wake.value_or(at), at);
        if (m_waiting.value(q.key()) < limit) {
            timer = std::min(timer.value_or(at), at);
        }
    }
    if (timer) {
        m_timer->start(*timer);
    } else {
        m_timer->stop();
    }
    if (m_submitted > 0 && m_requests->queued(RequestScheduler::Pace::Poll) > 0) {
        wake = now; // handed over and waiting for their turn: polling now
    }
    setNextWake(wake);
}

void RefreshScheduler::setNextWake(std::optional<qint64> wakeMs)
{
    if (wakeMs == m_nextWakeMs) {
        return;
    }
    const qint64 now = nowMs();
    const bool bothNow = wakeMs && m_nextWakeMs && *wakeMs <= now && *m_nextWakeMs <= now;
    m_nextWakeMs = wakeMs;
    if (bothNow) {
        return; // still "polling now": not worth a signal per request
    }
    m_nextPollAt =
        !wakeMs ? QDateTime()
                : QDateTime::currentDateTimeUtc().addMSecs(std::max<qint64>(0, *wakeMs - now));
    Q_EMIT nextPollChanged(m_nextPollAt);
}

} // namespace veo
