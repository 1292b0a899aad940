#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <deque>
#include <functional>
#include <limits>

namespace veo {

// Requests per token within a sliding window, plus the block a 429 imposes. Counted per token,
// not per key id (two key ids may hold the same key). One instance (10 per second) is shared by
// everything that polls record-info (RefreshScheduler, KeyProber), so that together they never
// send a key more than the limit; another (20 per 10 s) paces the requests that create tasks.
// Times are relative to now, in ms.
class RateLimiter final
{
public:
    // Milliseconds on a monotonic clock. Empty: the limiter's own (tests step time by hand).
    using Clock = std::function<qint64()>;
    // The window a limit counts in: the server counts arrivals, we count sends, so 5 % of
    // headroom over the server's window, so that uneven latency never lets it see more than
    // the limit.
    static constexpr qint64 HeadroomPercent = 5;
    // Status queries: 10 per second per key (the default); new generations: 20 per 10 s per
    // account (kie-api.md §7).
    static constexpr qint64 WindowMs = 1000 + 1000 * HeadroomPercent / 100;
    explicit RateLimiter(Clock clock = {}, int maxPerWindow = 10, qint64 serverWindowMs = 1000);

    void setMaxPerSecond(int n); // the most per window; default 10
    int maxPerSecond() const { return m_maxPerSecond; }
    // How long until this token may send again; 0 = at once.
    qint64 waitMs(const QString &token);
    void recordSend(const QString &token);
    // A 429: nothing for this token until Retry-After (seconds; -1 = absent) has passed.
    void block(const QString &token, int retryAfterSeconds);

private:
    struct Window
    {
        std::deque<qint64> sent; // send times within the window
        // Not a -1 sentinel: an injected clock may be negative.
        qint64 blockedUntilMs = std::numeric_limits<qint64>::min();
    };
    qint64 now() const { return m_now ? m_now() : m_clock.elapsed(); }

    QElapsedTimer m_clock;
    Clock m_now;
    QHash<QString, Window> m_windows;
    int m_maxPerSecond;
    qint64 m_windowMs;
    qint64 m_defaultBlockMs; // a 429 without Retry-After: one window of the server's
};

} // namespace veo
