#include "deadlinetimer.h"

#include "clock.h"

#include <algorithm>
#include <chrono>
#include <limits>

namespace veo {

DeadlineTimer::DeadlineTimer(Clock *clock, QObject *parent) : QObject(parent), m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DeadlineTimer::onTimer);
    connect(m_clock, &Clock::jumped, this, &DeadlineTimer::arm);
}

DeadlineTimer::~DeadlineTimer() = default;

void DeadlineTimer::start(qint64 deadlineMs)
{
    m_deadline = deadlineMs;
    arm();
}

void DeadlineTimer::stop()
{
    m_deadline.reset();
    m_timer.stop();
}

void DeadlineTimer::arm()
{
    if (!m_deadline) {
        return;
    }
    const qint64 left = *m_deadline - m_clock->nowMs();
    if (left <= 0) {
        m_timer.start(0);
    } else if (m_clock->runsByItself()) {
        m_timer.start(
            std::chrono::milliseconds(std::min<qint64>(left, std::numeric_limits<int>::max())));
    } else {
        m_timer.stop(); // the next jump re-arms
    }
}

void DeadlineTimer::onTimer()
{
    if (!m_deadline) {
        return;
    }
    if (m_clock->nowMs() < *m_deadline) {
        arm(); // woke early (coarse wall timer, or a wait longer than QTimer takes)
        return;
    }
    m_deadline.reset();
    Q_EMIT timeout();
}

} // namespace veo
