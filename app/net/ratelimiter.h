#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <deque>
#include <functional>
#include <limits>

namespace veo {

// Requests per token within a sliding one-second window, plus the block a 429 imposes.
// Counted per token, not per key id (two key ids may hold the same key). One instance is
// shared by everything that polls record-info (RefreshScheduler, KeyProber), so that together
// they never send a key more than the limit. Times are relative to now, in ms.
class RateLimiter final
{
public:
    // Milliseconds on a monotonic clock. Empty: the limiter's own (tests step time by hand).
    using Clock = std::function<qint64()>;
    explicit RateLimiter(Clock clock = {});
    // The window the limit counts in. The server counts arrivals, we count sends: a little
    // headroom over one second, so that uneven latency never lets it see more than the limit.
    static constexpr qint64 WindowMs = 1050;

    void setMaxPerSecond(int n); // default 10 (KIE: 10 status queries per second per key)
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
    int m_maxPerSecond = 10;
};

} // namespace veo
