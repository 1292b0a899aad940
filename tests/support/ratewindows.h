#pragma once

// Checking a per-key rate limit from the fake server's request log. The limiter counts sends,
// the server stamps arrivals, and a stalled machine delays and bunches arrivals (queued
// requests, a busy event loop) but never makes them early: so arrival times are bounded from
// below only, from a reference request answered before the work starts. The exact upper
// bounds are RateLimiter's own unit test (tst_ratelimiter).
#include "fakekieserver.h"
#include "kieclient.h"
#include "ratelimiter.h"
#include "readrecord.h"
#include "recordinfoparser.h"
#include "statussource.h"

#include <QList>
#include <QString>
#include <QTest>
#include <algorithm>
#include <memory>

namespace veo::test {

// One request straight through the client (no limiter), answered before the work starts; its
// arrival time on the server's clock (-1 when it failed). Every request sent after it arrives
// later. The server's request log is cleared afterwards.
inline qint64 referenceArrival(KieClient &client, FakeKieServer &server)
{
    const QString id = QStringLiteral("veo_reference");
    auto answered = std::make_shared<bool>(false);
    TaskRecord reference;
    reference.taskId = id;
    readRecord(client, reference, QStringLiteral("token-reference"),
               [answered](const RecordInfoResult &) { *answered = true; });
    if (!QTest::qWaitFor([&answered] { return *answered; }, 15000) ||
        server.requestsFor(id).size() != 1) {
        return -1;
    }
    const qint64 at = server.requestsFor(id).constFirst().atMs;
    server.clearRequests();
    return at;
}

// A key's sends number k*limit and later go out at least k windows after its first send. An
// arrival is never before its send and the reference arrived before the first send, so the
// (k*limit)-th arrival is at least k windows after the reference. The slack covers the
// millisecond truncation of the limiter's and the server's clocks (under 1 ms per window and
// per clock). Empty when it holds, else what was seen.
inline QString windowsKept(QList<qint64> at, qint64 reference, int limit)
{
    std::sort(at.begin(), at.end());
    for (qsizetype k = 1; k * limit < at.size(); ++k) {
        const qint64 after = at[k * limit] - reference;
        const qint64 least = k * RateLimiter::WindowMs - k - 2;
        if (after < least) {
            return QStringLiteral("request %1 arrived %2 ms after the reference, expected >= %3")
                .arg(k * limit)
                .arg(after)
                .arg(least);
        }
    }
    return {};
}

} // namespace veo::test
