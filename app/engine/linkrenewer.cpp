#include "linkrenewer.h"

#include "kieclient.h"
#include "ratelimiter.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace veo {

LinkRenewer::LinkRenewer(KieClient *client, RateLimiter *limiter, TokenProvider tokens,
                         QObject *parent)
    : QObject(parent), m_client(client), m_limiter(limiter), m_tokens(std::move(tokens))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LinkRenewer::sendDue);
}

LinkRenewer::~LinkRenewer() = default;

void LinkRenewer::renew(const QString &keyId, const QUrl &url, QObject *context, Done done)
{
    m_queue.push_back({keyId, url, context, std::move(done)});
    // Never inside the caller: it may still be setting up what the answer changes. (A wait
    // for the limiter is re-armed by sendDue().)
    m_timer.start(0);
}

void LinkRenewer::sendDue()
{
    // Each key waits for its own turn: a key held back by the limiter (its requests of this
    // window used up, or a 429's Retry-After) does not hold back other keys' requests behind
    // it. Its own requests keep their order: while one waits, the ones after it wait too.
    std::deque<Request> queue = std::exchange(m_queue, {});
    std::deque<Request> held;
    std::optional<qint64> soonest; // ms until the first held request may go
    for (Request &request : queue) {
        if (!request.context) {
            continue; // nobody waits for it any more
        }
        const QString token = m_tokens(request.keyId);
        if (token.isEmpty() || !m_client) {
            ApiError noKey;
            noKey.kind = ApiError::Kind::NoKey;
            finish(std::move(request), noKey, {}); // may call renew(): m_queue, not queue
            continue;
        }
        if (m_limiter) {
            if (const qint64 wait = m_limiter->waitMs(token); wait > 0) {
                soonest = std::min(soonest.value_or(wait), wait);
                held.push_back(std::move(request));
                continue;
            }
            m_limiter->recordSend(token);
        }
        const QUrl url = request.url;
        m_client->downloadUrl(url, token,
                              [self = QPointer(this), token, request = std::move(request)](
                                  const ApiError &error, const QUrl &fresh) mutable {
                                  if (self) {
                                      self->answered(std::move(request), token, error, fresh);
                                  }
                              });
    }
    // Asked for meanwhile (by a callback): after the held ones, and renew() armed the timer.
    for (Request &request : m_queue) {
        held.push_back(std::move(request));
    }
    m_queue = std::move(held);
    if (soonest) {
        const int wait = int(std::min<qint64>(*soonest, 60'000));
        if (!m_timer.isActive() || m_timer.remainingTime() > wait) {
            m_timer.start(wait);
        }
    }
}

void LinkRenewer::answered(Request request, const QString &token, const ApiError &error,
                           const QUrl &fresh)
{
    if (error.kind == ApiError::Kind::RateLimited && m_limiter) {
        // Too fast for KIE: the key waits, and the request its turn again.
        m_limiter->block(token, error.retryAfterSeconds);
        m_queue.push_back(std::move(request));
        sendDue();
        return;
    }
    finish(std::move(request), error, fresh);
}

void LinkRenewer::finish(Request request, const ApiError &error, const QUrl &fresh)
{
    if (request.context && request.done) {
        request.done(error, fresh);
    }
}

} // namespace veo
