#pragma once

#include <QTest>
#include <functional>

namespace veo::test {

// Spins the event loop until condition() holds; false after timeoutMs. For code that cannot
// use QTRY_VERIFY (helpers returning values).
inline bool waitFor(const std::function<bool()> &condition, int timeoutMs = 10000)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

} // namespace veo::test
