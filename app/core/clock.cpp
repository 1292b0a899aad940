#include "clock.h"

#include <QElapsedTimer>

namespace veo {

namespace {

class SteadyClock final : public Clock
{
public:
    explicit SteadyClock(QObject *parent) : Clock(parent) { m_timer.start(); }
    qint64 nowMs() const override { return m_timer.elapsed(); }
    bool runsByItself() const override { return true; }

private:
    QElapsedTimer m_timer;
};

} // namespace

Clock::~Clock() = default;

Clock *Clock::createSteady(QObject *parent)
{
    return new SteadyClock(parent);
}

} // namespace veo
