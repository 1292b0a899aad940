#pragma once

#include <QElapsedTimer>
#include <QTest>
#include <functional>

namespace veo::test {

// Spins the event loop until condition() holds; false after timeoutMs. For code that cannot
// use QTRY_VERIFY (helpers returning values).
inline bool waitFor(const std::function<bool()> &condition, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QTest::qWait(5);
    }
    return true;
}

} // namespace veo::test
