#include "requestscheduler.h"

#include "clock.h"
#include "deadlinetimer.h"
#include "kieclient.h"
#include "recordinfoparser.h"

#include <QNetworkInformation>
#include <algorithm>
#include <optional>
#include <vector>

namespace veo {

RequestScheduler::RequestScheduler(KieClient *client, TokenProvider tokens, Clock *clock,
                                   QObject *parent)
    : QObject(parent), m_client(client), m_tokens(std::move(tokens)),
      m_clock(clock ? clock : Clock::createSteady(this)), m_timer(new DeadlineTimer(m_clock, this)),
      m_limiter([c = m_clock] { return c->nowMs(); })
{
    connect(m_timer, &DeadlineTimer::timeout, this, &RequestScheduler::dispatch);
    // Direct: the count reaches zero just before the client runs the last callback.
    connect(m_client, &KieClient::inFlightChanged, this, &RequestScheduler::onClientCount);
}

RequestScheduler::~RequestScheduler() = default;

void RequestScheduler::setMaxPerSecondPerKey(int n)
{
    m_limiter.setMaxPerSecond(n);
    schedule();
}

void RequestScheduler::setMaxInFlight(int n)
{
    m_maxInFlight = std::max(1, n);
    schedule();
}

int RequestScheduler::queued(Pace pace) const
{
    qsizetype n = 0;
    for (const KeyQueue &q : m_queues) {
        n += qsizetype(pace == Pace::Poll ? q.polls.size() : q.onDemand.size());
    }
    return int(n);
}

RequestScheduler::Ticket RequestScheduler::submit(const QString &keyId, const ApiRequest &request,
                                                  Pace pace, QObject *context, Done done,
                                                  OnSent onSent)
{
    return enqueue(keyId, request, pace, context, std::move(done), std::move(onSent));
}

RequestScheduler::Ticket RequestScheduler::submitWithToken(const QString &token,
                                                           const ApiRequest &request, Pace pace,
                                                           QObject *context, Done done)
{
    return enqueue(QChar(0) + token.trimmed(), request, pace, context, std::move(done));
}

QString RequestScheduler::tokenFor(const QString &queueKey) const
{
    return queueKey.startsWith(QChar(0)) ? queueKey.mid(1) : token(queueKey);
}

RequestScheduler::Ticket RequestScheduler::enqueue(const QString &keyId, const ApiRequest &request,
                                                   Pace pace, QObject *context, Done done,
                                                   OnSent onSent)
{
    const Ticket ticket = ++m_nextTicket;
    KeyQueue &q = m_queues[keyId];
    (pace == Pace::Poll ? q.polls : q.onDemand)
        .push_back({ticket, request, context, context != nullptr, std::move(done),
                    std::move(onSent)});
    m_queuedKey.insert(ticket, keyId);
    schedule(); // sent from the event loop, never inside this call
    return ticket;
}

void RequestScheduler::cancel(Ticket ticket)
{
    if (auto sent = m_inFlight.find(ticket); sent != m_inFlight.end()) {
        sent->done = nullptr;
        return;
    }
    const QString keyId = m_queuedKey.take(ticket);
    auto q = m_queues.find(keyId);
    if (q == m_queues.end()) {
        return;
    }
    for (std::deque<Pending> *list : {&q->onDemand, &q->polls}) {
        std::erase_if(*list, [ticket](const Pending &p) { return p.ticket == ticket; });
    }
    if (q->onDemand.empty() && q->polls.empty()) {
        m_queues.erase(q);
    }
    schedule();
}

void RequestScheduler::setPaused(bool paused)
{
    if (m_paused == paused) {
        return;
    }
    m_paused = paused;
    schedule();
    Q_EMIT pausedChanged(paused);
}

void RequestScheduler::setOnline(bool online)
{
    if (m_online == online) {
        return;
    }
    m_online = online;
    schedule(); // back online: whatever became due meanwhile goes out at once
    Q_EMIT onlineChanged(online);
}

void RequestScheduler::setFollowSystemNetwork(bool follow)
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
            &RequestScheduler::onReachabilityChanged);
    onReachabilityChanged();
}

void RequestScheduler::onReachabilityChanged()
{
    const QNetworkInformation *info = QNetworkInformation::instance();
    if (m_followSystem && info) {
        setOnline(info->reachability() != QNetworkInformation::Reachability::Disconnected);
    }
}

void RequestScheduler::schedule()
{
    if (inFlight() >= m_maxInFlight) {
        m_timer->stop(); // the next answer frees a slot and schedules again
        return;
    }
    const qint64 now = m_clock->nowMs();
    std::optional<qint64> wake;
    for (auto q = m_queues.begin(); q != m_queues.end(); ++q) {
        if (q->onDemand.empty() && (pollsHeld() || q->polls.empty())) {
            continue;
        }
        const QString token = tokenFor(q.key());
        const qint64 at = token.isEmpty() ? now : now + m_limiter.waitMs(token);
        wake = std::min(wake.value_or(at), at);
    }
    if (wake) {
        m_timer->start(*wake);
    } else {
        m_timer->stop();
    }
}

void RequestScheduler::dispatch()
{
    if (!m_client) {
        return;
    }
    struct Answer
    {
        Pending pending;
        HttpAnswer answer;
    };
    std::vector<Answer> noKey; // delivered after the round: callbacks may submit again
    std::vector<Pending> sent; // their onSent, after the round too

    // Keys in a stable order, starting after the one that sent last, so that one busy key
    // cannot take every slot round after round.
    QStringList keys = m_queues.keys();
    std::sort(keys.begin(), keys.end());
    const auto after = std::upper_bound(keys.begin(), keys.end(), m_nextKey);
    std::rotate(keys.begin(), after, keys.end());

    struct Ready
    {
        QString keyId;
        QString token;
        bool done = false;
    };
    std::vector<Ready> ready;
    for (const QString &keyId : std::as_const(keys)) {
        ready.push_back({keyId, tokenFor(keyId)});
    }

    // The next request this key may send now (dropping those nobody waits for), or null.
    const auto next = [this](KeyQueue &q) -> std::deque<Pending> * {
        for (std::deque<Pending> *list : {&q.onDemand, &q.polls}) {
            if (list == &q.polls && pollsHeld()) {
                break;
            }
            while (!list->empty() && list->front().hasContext && !list->front().context) {
                m_queuedKey.remove(list->front().ticket);
                list->pop_front();
            }
            if (!list->empty()) {
                return list;
            }
        }
        return nullptr;
    };

    for (Ready &r : ready) {
        if (!r.token.isEmpty()) {
            continue;
        }
        r.done = true;
        KeyQueue &q = m_queues[r.keyId];
        while (std::deque<Pending> *list = next(q)) {
            HttpAnswer answer;
            answer.networkError.kind = ApiError::Kind::NoKey;
            m_queuedKey.remove(list->front().ticket);
            noKey.push_back({std::move(list->front()), answer});
            list->pop_front();
        }
    }

    bool progress = true;
    while (progress && inFlight() < m_maxInFlight) {
        progress = false;
        for (Ready &r : ready) {
            if (r.done || inFlight() >= m_maxInFlight) {
                continue;
            }
            std::deque<Pending> *list = next(m_queues[r.keyId]);
            if (!list || m_limiter.waitMs(r.token) > 0) {
                r.done = true;
                continue;
            }
            Pending p = std::move(list->front());
            list->pop_front();
            m_queuedKey.remove(p.ticket);
            m_limiter.recordSend(r.token);
            m_inFlight.insert(p.ticket, {r.token, p.context, p.hasContext, std::move(p.done)});
            m_nextKey = r.keyId;
            if (p.onSent) {
                sent.push_back(p);
            }
            progress = true;
            // KieClient never answers inside send(), so this cannot re-enter dispatch().
            m_client->send(p.request, r.token,
                           [self = QPointer(this), ticket = p.ticket](const HttpAnswer &answer) {
                               if (self) {
                                   self->answered(ticket, answer);
                               }
                           });
        }
    }
    for (auto q = m_queues.begin(); q != m_queues.end();) {
        q = q->onDemand.empty() && q->polls.empty() ? m_queues.erase(q) : std::next(q);
    }
    schedule();
    QPointer<RequestScheduler> self(this);
    for (const Pending &p : sent) {
        if (!p.hasContext || p.context) {
            p.onSent();
        }
        if (!self) {
            return;
        }
    }
    for (const Answer &a : noKey) {
        deliver(a.pending.context, a.pending.hasContext, a.pending.done, a.answer);
        if (!self) {
            return;
        }
    }
}

void RequestScheduler::answered(Ticket ticket, const HttpAnswer &answer)
{
    auto it = m_inFlight.find(ticket);
    if (it == m_inFlight.end()) {
        return; // written off as lost
    }
    const Sent sent = std::move(it.value());
    m_inFlight.erase(it);
    if (!answer.networkError.isError()) {
        const ApiError error =
            parseEnvelope(answer.httpStatus, answer.body, answer.retryAfter).error;
        if (error.kind == ApiError::Kind::RateLimited) {
            m_limiter.block(sent.token, error.retryAfterSeconds);
        }
    }
    schedule();
    deliver(sent.context, sent.hasContext, sent.done, answer);
}

void RequestScheduler::onClientCount(int count)
{
    if (count != 0 || m_inFlight.isEmpty()) {
        return;
    }
    // The client has nothing outstanding. The request it is answering right now (if any) is
    // answered in a moment, and so are its queued local failures; whatever of ours is still
    // open after those was dropped by cancelAll() and will never be answered.
    QSet<Ticket> suspects;
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        suspects.insert(it.key());
    }
    QMetaObject::invokeMethod(
        this, [this, suspects] { writeOffLost(suspects); }, Qt::QueuedConnection);
}

void RequestScheduler::writeOffLost(const QSet<Ticket> &suspects)
{
    HttpAnswer lost;
    lost.networkError.kind = ApiError::Kind::Offline;
    lost.networkError.serverMessage = QStringLiteral("the request was dropped before an answer");
    std::vector<Sent> dropped;
    for (const Ticket ticket : suspects) {
        if (auto it = m_inFlight.find(ticket); it != m_inFlight.end()) {
            dropped.push_back(std::move(it.value()));
            m_inFlight.erase(it);
        }
    }
    if (dropped.empty()) {
        return;
    }
    schedule();
    QPointer<RequestScheduler> self(this);
    for (const Sent &s : dropped) {
        deliver(s.context, s.hasContext, s.done, lost);
        if (!self) {
            return;
        }
    }
}

void RequestScheduler::deliver(const QPointer<QObject> &context, bool hasContext, const Done &done,
                               const HttpAnswer &answer)
{
    if (done && (!hasContext || context)) {
        done(answer);
    }
}

} // namespace veo
