#include "refreshscheduler.h"

#include "kieclient.h"
#include "statussource.h"

#include <QNetworkInformation>
#include <QPointer>
#include <QRandomGenerator>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace veo {

namespace {
constexpr qint64 Never = std::numeric_limits<qint64>::max();
} // namespace

RefreshScheduler::RefreshScheduler(KieClient *client, TokenProvider tokens, QObject *parent)
    : QObject(parent), m_client(client), m_tokens(std::move(tokens))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RefreshScheduler::dispatch);
    // Queued: finish() lowers the count just before it runs the callback.
    connect(m_client, &KieClient::inFlightChanged, this, &RefreshScheduler::onClientIdle,
            Qt::QueuedConnection);
    setFollowSystemNetwork(true);
}

RefreshScheduler::~RefreshScheduler() = default;

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
        enqueue(it.key(), e, std::max(now, *e.lastCheckMs + qint64(m_interval.count())));
    }
    schedule();
}

void RefreshScheduler::setMaxPerSecondPerKey(int n)
{
    m_limiter.setMaxPerSecond(n);
    schedule();
}

void RefreshScheduler::setMaxInFlight(int n)
{
    m_maxInFlight = std::max(1, n);
    schedule();
}

void RefreshScheduler::setBackoffCap(std::chrono::milliseconds cap)
{
    m_backoffCap = std::max(cap, std::chrono::milliseconds(1));
}

void RefreshScheduler::setNotFoundGrace(std::chrono::milliseconds grace)
{
    m_notFoundGrace = std::max(grace, std::chrono::milliseconds(0));
}

void RefreshScheduler::setJitter(double fraction)
{
    m_jitter = std::clamp(fraction, 0.0, 0.9);
}

void RefreshScheduler::track(const QList<TaskRecord> &tasks)
{
    const qint64 now = nowMs();
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    const qint64 interval = m_interval.count();
    for (const TaskRecord &task : tasks) {
        if (!statusSource(task.kind)) {
            continue; // a kind that cannot be read yet: listed, not polled
        }
        auto it = m_entries.find(task.taskId);
        const bool isNew = it == m_entries.end();
        if (isNew) {
            it = m_entries.insert(task.taskId, Entry{});
        }
        Entry &e = it.value();
        e.kind = task.kind;
        e.parentTaskId = task.parentTaskId;
        if (e.keyId != task.keyId && e.dueMs) {
            const qint64 due = *e.dueMs;
            dequeue(task.taskId, e);
            e.keyId = task.keyId;
            enqueue(task.taskId, e, due);
        }
        e.keyId = task.keyId;
        if (task.lastChecked.isValid()) {
            e.lastCheckMs = now - std::max<qint64>(0, task.lastChecked.msecsTo(wallNow));
        }
        if (isNew && task.lastError.kind == ApiError::Kind::NotFoundYet && task.addedAt.isValid()) {
            // Still unknown from an earlier session: the grace period started when it was added.
            e.firstNotFoundMs = now - std::max<qint64>(0, task.addedAt.msecsTo(wallNow));
        }
        const bool done = isFinal(task.status) || task.lastError.isFinal();
        if (isNew) {
            e.final = true; // not counted yet; setFinal() counts it when unfinished
        }
        setFinal(e, done);
        if (done) {
            if (!e.forced) {
                dequeue(task.taskId, e);
            }
        } else if (!e.dueMs && !e.inFlight) {
            enqueue(task.taskId, e, e.lastCheckMs ? *e.lastCheckMs + interval : now);
        }
    }
    schedule();
}

void RefreshScheduler::untrack(const QStringList &taskIds)
{
    for (const QString &id : taskIds) {
        auto it = m_entries.find(id);
        if (it == m_entries.end()) {
            continue;
        }
        dequeue(id, it.value());
        setFinal(it.value(), true);
        m_entries.erase(it); // an answer still in flight is ignored (no entry, no serial)
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
    const std::optional<qint64> due = e.dueMs;
    dequeue(taskId, e);
    e.keyId = keyId;
    // A new key deserves a fresh start: a key problem was probably the reason for the change.
    e.failures = 0;
    if (due) {
        enqueue(taskId, e, std::min(*due, nowMs()));
    }
    schedule();
}

void RefreshScheduler::refreshNow(const QStringList &taskIds)
{
    const qint64 now = nowMs();
    auto force = [&](const QString &id, Entry &e) {
        if (e.inFlight) {
            return; // an answer is on its way
        }
        e.forced = true;
        enqueue(id, e, now);
    };
    if (taskIds.isEmpty()) {
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            force(it.key(), it.value());
        }
    } else {
        for (const QString &id : taskIds) {
            auto it = m_entries.find(id);
            if (it != m_entries.end()) {
                force(id, it.value());
            }
        }
    }
    schedule();
}

void RefreshScheduler::setPaused(bool paused)
{
    if (m_paused == paused) {
        return;
    }
    m_paused = paused;
    schedule();
    Q_EMIT pausedChanged(paused);
}

void RefreshScheduler::setOnline(bool online)
{
    if (m_online == online) {
        return;
    }
    m_online = online;
    Q_EMIT onlineChanged(online);
    schedule(); // back online: whatever became due meanwhile goes out at once
}

void RefreshScheduler::setFollowSystemNetwork(bool follow)
{
    if (m_followSystem == follow) {
        return;
    }
    m_followSystem = follow;
    if (!follow) {
        if (QNetworkInformation *info = QNetworkInformation::instance()) {
            disconnect(info, nullptr, this, nullptr);
        }
        setOnline(true);
        return;
    }
    // Qt 6.4.2: load(Features) is deprecated (and hidden by QT_DISABLE_DEPRECATED_BEFORE);
    // loadBackendByFeatures() is its replacement. It fails and instance() stays null when no
    // backend plugin supports reachability; then only setOnline() tells us.
    QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info || !info->supports(QNetworkInformation::Feature::Reachability)) {
        return;
    }
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            &RefreshScheduler::onReachabilityChanged);
    onReachabilityChanged();
}

void RefreshScheduler::onReachabilityChanged()
{
    const QNetworkInformation *info = QNetworkInformation::instance();
    if (m_followSystem && info) {
        setOnline(info->reachability() != QNetworkInformation::Reachability::Disconnected);
    }
}

void RefreshScheduler::onClientIdle()
{
    // KieClient::cancelAll() drops callbacks: requests the client no longer has will never be
    // answered, so free their slots and poll those tasks again.
    if (m_client->inFlight() != 0 || m_requests.isEmpty()) {
        return;
    }
    const qint64 now = nowMs();
    const QHash<quint64, QString> lost = std::exchange(m_requests, {});
    for (auto it = lost.begin(); it != lost.end(); ++it) {
        auto e = m_entries.find(it.value());
        if (e == m_entries.end() || e->serial != it.key() || !e->inFlight) {
            continue;
        }
        e->inFlight = false;
        if (!e->final || e->forced) {
            enqueue(it.value(), e.value(), now);
        }
    }
    schedule();
}

QDateTime RefreshScheduler::nextPollAt() const
{
    return m_nextPollAt;
}

int RefreshScheduler::pendingCount() const
{
    return m_unfinished;
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
    m_queues[entry.keyId].due.emplace(dueMs, taskId);
}

void RefreshScheduler::dequeue(const QString &taskId, Entry &entry)
{
    if (!entry.dueMs) {
        return;
    }
    auto q = m_queues.find(entry.keyId);
    if (q != m_queues.end()) {
        q->due.erase({*entry.dueMs, taskId});
        if (q->due.empty()) {
            m_queues.erase(q);
        }
    }
    entry.dueMs.reset();
}

qint64 RefreshScheduler::backoffMs(int failures) const
{
    const double exponent = std::clamp(failures - 1, 0, 40);
    const double capped = std::min(double(m_backoffCap.count()),
                                   double(m_interval.count()) * std::pow(2.0, exponent));
    const double spread = m_jitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
    return std::max<qint64>(1, std::llround(capped * (1.0 + spread)));
}

void RefreshScheduler::dispatch()
{
    if (!canPoll()) {
        schedule();
        return;
    }
    const qint64 now = nowMs();
    const qint64 interval = m_interval.count();
    QList<RecordInfoResult> noKeyAnswers;
    QStringList noKeyIds;

    // Keys with something due now; tokens are looked up once per key and round.
    struct Ready
    {
        QString keyId;
        QString token;
        bool done = false;
    };
    std::vector<Ready> ready;
    for (auto q = m_queues.begin(); q != m_queues.end(); ++q) {
        if (!q->due.empty() && q->due.begin()->first <= now) {
            ready.push_back({q.key(), m_tokens(q.key())});
        }
    }

    // Keys without a token: every due task gets a NoKey answer, no request.
    for (Ready &r : ready) {
        if (!r.token.isEmpty()) {
            continue;
        }
        r.done = true;
        Queue &due = m_queues[r.keyId].due;
        for (auto it = due.begin(); it != due.end() && it->first <= now; ++it) {
            noKeyIds.append(it->second);
        }
    }
    for (const QString &id : std::as_const(noKeyIds)) {
        Entry &e = m_entries[id];
        e.forced = false;
        if (e.final) {
            dequeue(id, e);
        } else {
            enqueue(id, e, now + interval);
        }
        RecordInfoResult answer;
        answer.error.kind = ApiError::Kind::NoKey;
        answer.record.taskId = id;
        noKeyAnswers.append(answer);
    }

    // Round-robin over the keys so that one busy key cannot take every in-flight slot.
    bool progress = true;
    while (progress && inFlight() < m_maxInFlight) {
        progress = false;
        for (Ready &r : ready) {
            if (r.done || inFlight() >= m_maxInFlight) {
                continue;
            }
            auto q = m_queues.find(r.keyId);
            if (q == m_queues.end() || q->due.empty() || q->due.begin()->first > now) {
                r.done = true;
                continue;
            }
            q->token = r.token;
            if (m_limiter.waitMs(r.token) > 0) {
                r.done = true;
                continue;
            }
            const QString id = q->due.begin()->second;
            m_limiter.recordSend(r.token);
            send(id, r.token); // may erase q
            progress = true;
        }
    }
    for (qsizetype i = 0; i < noKeyIds.size(); ++i) {
        Q_EMIT taskAnswered(noKeyIds.at(i), noKeyAnswers.at(i));
    }
    schedule();
}

void RefreshScheduler::send(const QString &taskId, const QString &token)
{
    Entry &e = m_entries[taskId];
    dequeue(taskId, e);
    e.inFlight = true;
    e.serial = ++m_nextSerial;
    m_requests.insert(e.serial, taskId);
    QPointer<RefreshScheduler> self(this);
    const quint64 serial = e.serial;
    TaskRecord task;
    task.taskId = taskId;
    task.kind = e.kind;
    task.parentTaskId = e.parentTaskId;
    // KieClient never answers inside send(), so this cannot re-enter dispatch().
    readStatus(*m_client, task, token,
               [self, serial, taskId, token](const RecordInfoResult &result) {
                   if (self) {
                       self->handleAnswer(serial, taskId, token, result);
                   }
               });
}

void RefreshScheduler::handleAnswer(quint64 serial, const QString &taskId, const QString &token,
                                    RecordInfoResult result)
{
    if (!m_requests.remove(serial)) {
        return; // written off by onClientIdle()
    }
    const qint64 now = nowMs();
    auto it = m_entries.find(taskId);
    if (it == m_entries.end() || !it->inFlight || it->serial != serial) {
        schedule(); // untracked meanwhile: drop the answer, but the slot is free again
        return;
    }
    Entry &e = it.value();
    e.inFlight = false;
    e.forced = false;
    e.lastCheckMs = now;
    const ApiError::Kind kind = result.error.kind;
    qint64 nextDue = now + m_interval.count();

    if (!result.error.isError()) {
        e.failures = 0;
        e.firstNotFoundMs.reset();
        setFinal(e, isFinal(result.record.status));
    } else if (kind == ApiError::Kind::NotFoundYet) {
        if (!e.firstNotFoundMs) {
            e.firstNotFoundMs = now;
        }
        if (now - *e.firstNotFoundMs >= m_notFoundGrace.count()) {
            result.error.kind = ApiError::Kind::NotFound; // unknown for too long: give up
            setFinal(e, true);
        } else {
            nextDue = now + backoffMs(++e.failures);
        }
    } else if (result.error.isFinal()) {
        setFinal(e, true);
    } else {
        nextDue = now + backoffMs(++e.failures);
        if (kind == ApiError::Kind::RateLimited) {
            m_limiter.block(token, result.error.retryAfterSeconds);
            nextDue = std::max(nextDue, now + m_limiter.waitMs(token));
        }
    }

    if (e.final) {
        dequeue(taskId, e);
    } else {
        enqueue(taskId, e, nextDue);
    }
    Q_EMIT taskAnswered(taskId, result);
    schedule();
}

void RefreshScheduler::schedule()
{
    if (!canPoll()) {
        m_timer.stop();
        setNextWake(-1);
        return;
    }
    const qint64 now = nowMs();
    qint64 wake = Never;
    for (auto q = m_queues.begin(); q != m_queues.end(); ++q) {
        if (q->due.empty()) {
            continue;
        }
        // Overdue counts as now: times on m_clock may be negative, and -1 means "no wake".
        qint64 at = std::max(q->due.begin()->first, now);
        if (!q->token.isEmpty()) {
            at = std::max(at, now + m_limiter.waitMs(q->token));
        }
        wake = std::min(wake, at);
    }
    if (wake == Never) {
        m_timer.stop();
        setNextWake(-1);
        return;
    }
    if (wake <= now && inFlight() >= m_maxInFlight) {
        m_timer.stop(); // the next answer frees a slot and schedules again
    } else {
        m_timer.start(std::chrono::milliseconds(std::max<qint64>(0, wake - now)));
    }
    setNextWake(wake);
}

void RefreshScheduler::setNextWake(qint64 wakeMs)
{
    if (wakeMs == m_nextWakeMs) {
        return;
    }
    const qint64 now = nowMs();
    const bool bothNow = wakeMs >= 0 && m_nextWakeMs >= 0 && wakeMs <= now && m_nextWakeMs <= now;
    m_nextWakeMs = wakeMs;
    if (bothNow) {
        return; // still "polling now": not worth a signal per request
    }
    m_nextPollAt =
        wakeMs < 0 ? QDateTime()
                   : QDateTime::currentDateTimeUtc().addMSecs(std::max<qint64>(0, wakeMs - now));
    Q_EMIT nextPollChanged(m_nextPollAt);
}

} // namespace veo
