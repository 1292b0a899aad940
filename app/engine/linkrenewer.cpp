#include "linkrenewer.h"

#include "kieclient.h"
#include "ratelimiter.h"

#include <algorithm>

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
    while (!m_queue.empty()) {
        Request &next = m_queue.front();
        if (!next.context) {
            m_queue.pop_front(); // nobody waits for it any more
            continue;
        }
        const QString token = m_tokens(next.keyId);
        if (token.isEmpty() || !m_client) {
            ApiError noKey;
            noKey.kind = ApiError::Kind::NoKey;
            Request request = std::move(next);
            m_queue.pop_front();
            finish(std::move(request), noKey, {});
            continue;
        }
        if (m_limiter) {
            if (const qint64 wait = m_limiter->waitMs(token); wait > 0) {
                m_timer.start(int(std::min<qint64>(wait, 60'000)));
                return;
            }
            m_limiter->recordSend(token);
        }
        Request request = std::move(next);
        m_queue.pop_front();
        const QUrl url = request.url;
        m_client->downloadUrl(url, token,
                              [self = QPointer(this), token, request = std::move(request)](
                                  const ApiError &error, const QUrl &fresh) mutable {
                                  if (self) {
                                      self->answered(std::move(request), token, error, fresh);
                                  }
                              });
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
