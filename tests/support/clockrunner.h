#pragma once

// Runs engine code on a ManualClock against the fake server: each round lets every request
// sent so far be answered over real loopback HTTP, then the clock moves one step. Requests are
// logged with the clock time they were sent at, so rate and backoff checks are exact.
#include "fakekieserver.h"
#include "manualclock.h"
#include "requestscheduler.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QTest>
#include <functional>

namespace veo::test {

class ClockRunner
{
public:
    struct Sent
    {
        qint64 atMs; // on the clock
        FakeKieServer::Request request;
    };

    ClockRunner(ManualClock &clock, FakeKieServer &server) : m_clock(clock), m_server(server) {}

    // The request machine to wait for (it may be rebuilt, as in a restart); afterRound runs
    // once its requests are answered (e.g. a repository flush).
    void follow(RequestScheduler *requests, std::function<void()> afterRound = {})
    {
        m_requests = requests;
        m_afterRound = std::move(afterRound);
    }

    // Timers due now fire, the requests they submit go out and are answered, and so on until
    // nothing is in flight after the event loop has run (an answer may submit again).
    void settle()
    {
        QElapsedTimer wall;
        wall.start();
        for (;;) {
            for (int i = 0; i < 4; ++i) { // a timer due now, a submit, a send: a few hops
                QCoreApplication::processEvents();
            }
            if (!m_requests || m_requests->inFlight() == 0) {
                break;
            }
            if (!QTest::qWaitFor([this] { return m_requests->inFlight() == 0; }, 15000) ||
                wall.hasExpired(15000)) {
                qWarning("requests still in flight after 15 s");
                break;
            }
        }
        if (m_afterRound) {
            m_afterRound();
        }
        const QList<FakeKieServer::Request> all = m_server.requests();
        for (qsizetype i = m_logged; i < all.size(); ++i) {
            m_sent.append({m_clock.nowMs(), all.at(i)});
        }
        m_logged = all.size();
    }
    // Until condition holds; false after wallMs of wall time (a hang, not a slow machine: a
    // workload of thousands of requests gives itself more, for sanitizer builds).
    bool runUntil(const std::function<bool()> &condition, qint64 stepMs = 50,
                  qint64 wallMs = 15000)
    {
        QElapsedTimer wall;
        wall.start();
        for (;;) {
            settle();
            if (condition()) {
                return true;
            }
            if (wall.hasExpired(wallMs)) {
                return false;
            }
            m_clock.advance(stepMs);
        }
    }
    void runFor(qint64 ms, qint64 stepMs = 50)
    {
        for (qint64 t = 0; t < ms; t += stepMs) {
            settle();
            m_clock.advance(stepMs);
        }
        settle();
    }
    const QList<Sent> &sent() const { return m_sent; }

private:
    ManualClock &m_clock;
    FakeKieServer &m_server;
    RequestScheduler *m_requests = nullptr;
    std::function<void()> m_afterRound;
    QList<Sent> m_sent;
    qsizetype m_logged = 0;
};

} // namespace veo::test
