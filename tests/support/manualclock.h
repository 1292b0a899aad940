#pragma once

#include "clock.h"

namespace veo::test {

// A clock that moves only when told: tests advance time instead of waiting for it. Starts at
// an arbitrary non-zero time so that nothing relies on "0 = start".
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QObject *parent = nullptr) : Clock(parent) {}
    qint64 nowMs() const override { return m_now; }
    bool runsByItself() const override { return false; }
    void advance(qint64 ms)
    {
        m_now += ms;
        Q_EMIT jumped();
    }

private:
    qint64 m_now = 1'000'000;
};

} // namespace veo::test
