#include "ratelimiter.h"

#include <algorithm>
#include <utility>

namespace veo {

RateLimiter::RateLimiter(Clock clock, int maxPerWindow, qint64 serverWindowMs)
    : m_now(std::move(clock)),
      m_maxPerSecond(std::max(1, maxPerWindow)),
      m_windowMs(serverWindowMs + serverWindowMs * HeadroomPercent / 100),
      m_defaultBlockMs(serverWindowMs)
{
    m_clock.start();
}

void RateLimiter::setMaxPerSecond(int n)
{
    m_maxPerSecond = std::max(1, n);
}

qint64 RateLimiter::waitMs(const QString &token)
{
    auto it = m_windows.find(token);
    if (it == m_windows.end()) {
        return 0;
    }
    Window &w = it.value();
    const qint64 now = this->now();
    while (!w.sent.empty() && w.sent.front() + m_windowMs <= now) {
        w.sent.pop_front();
    }
    qint64 at = std::max(w.blockedUntilMs, now); // no arithmetic on the "never" minimum
    if (qsizetype(w.sent.size()) >= m_maxPerSecond) {
        at = std::max(at, w.sent[w.sent.size() - std::size_t(m_maxPerSecond)] + m_windowMs);
    }
    return std::max<qint64>(0, at - now);
}

void RateLimiter::recordSend(const QString &token)
{
    m_windows[token].sent.push_back(now());
}

void RateLimiter::block(const QString &token, int retryAfterSeconds)
{
    const qint64 ms =
        retryAfterSeconds >= 0 ? qint64(retryAfterSeconds) * 1000 : m_defaultBlockMs;
    Window &w = m_windows[token];
    w.blockedUntilMs = std::max(w.blockedUntilMs, now() + ms);
}

} // namespace veo
