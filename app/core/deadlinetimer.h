#pragma once

#include <QObject>
#include <QTimer>
#include <optional>

namespace veo {

class Clock;

// A single-shot timer for a deadline on a Clock. With a real clock it waits on the wall
// clock; with a clock moved by hand it fires once an advance reaches the deadline, never by
// itself. timeout() is always emitted from the event loop, never inside start().
class DeadlineTimer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeadlineTimer)

public:
    explicit DeadlineTimer(Clock *clock, QObject *parent = nullptr);
    ~DeadlineTimer() override;

    void start(qint64 deadlineMs); // on the clock; a past deadline fires at once
    void stop();
    bool isActive() const { return m_deadline.has_value(); }
    std::optional<qint64> deadline() const { return m_deadline; }

Q_SIGNALS:
    void timeout();

private:
    void arm();
    void onTimer();

    Clock *m_clock;
    QTimer m_timer;
    std::optional<qint64> m_deadline;
};

} // namespace veo
