#pragma once

#include <QObject>

namespace veo {

// Milliseconds on a monotonic clock, injectable (as RateLimiter's is): the engine's timers
// compute their waits from it, so a test moves time forward instead of sleeping.
class Clock : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Clock)

public:
    using QObject::QObject;
    ~Clock() override;

    virtual qint64 nowMs() const = 0;
    // True for a real clock, whose time passes by itself: timers then wait on the wall clock.
    // False for a clock moved by hand: timers fire only when jumped() says time moved.
    virtual bool runsByItself() const = 0;

    // A new steady (QElapsedTimer) clock, for owners that were given none.
    static Clock *createSteady(QObject *parent);

Q_SIGNALS:
    // Time moved without running (a manual clock was advanced): timers re-arm.
    void jumped();
};

} // namespace veo
