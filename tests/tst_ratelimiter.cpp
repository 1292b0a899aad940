// RateLimiter with a hand-stepped clock: the exact budget per sliding window, per token, and
// the blocks a 429 imposes. No timers and no network, so these bounds are exact; the
// scheduler tests over loopback can only check lower bounds on arrival times.
#include "ratelimiter.h"

#include <QTest>
#include <memory>

using namespace veo;

namespace {
// The window the limiter counts sends in: a little over the server's one second.
constexpr qint64 WindowMs = 1050;

struct Rig
{
    std::shared_ptr<qint64> now = std::make_shared<qint64>(0);
    RateLimiter limiter{[now = now] { return *now; }};

    void at(qint64 ms) { *now = ms; }
    // Sends on the token whenever the limiter allows, one ms step at a time, until `untilMs`.
    QList<qint64> greedy(const QString &token, qint64 untilMs)
    {
        QList<qint64> sent;
        for (; *now < untilMs; ++*now) {
            while (limiter.waitMs(token) == 0) {
                limiter.recordSend(token);
                sent.append(*now);
            }
        }
        return sent;
    }
};

const QString A = QStringLiteral("token-A");
const QString B = QStringLiteral("token-B");
} // namespace

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unknownTokenMaySendAtOnce()
    {
        Rig rig;
        QCOMPARE(rig.limiter.maxPerSecond(), 10);
        QCOMPARE(rig.limiter.waitMs(A), 0);
    }

    void negativeClockTimesAreTimes()
    {
        // An injected clock may start below zero: nothing is read as "never" or "blocked".
        Rig rig;
        rig.at(-5000);
        rig.limiter.recordSend(A);
        QCOMPARE(rig.limiter.waitMs(A), 0);
        rig.limiter.block(A, 1);
        QCOMPARE(rig.limiter.waitMs(A), 1000);
        rig.at(-4000);
        QCOMPARE(rig.limiter.waitMs(A), 0);
    }

    void budgetThenWaitForTheOldestToLeave()
    {
        Rig rig;
        rig.at(1000);
        for (int i = 0; i < 9; ++i) {
            QCOMPARE(rig.limiter.waitMs(A), 0);
            rig.limiter.recordSend(A);
        }
        QCOMPARE(rig.limiter.waitMs(A), 0); // the tenth still goes at once: a budget
        rig.limiter.recordSend(A);
        QCOMPARE(rig.limiter.waitMs(A), WindowMs); // the eleventh waits a whole window
        rig.at(1000 + WindowMs - 1);
        QCOMPARE(rig.limiter.waitMs(A), 1);
        rig.at(1000 + WindowMs);
        QCOMPARE(rig.limiter.waitMs(A), 0);
    }

    void slidingWindow()
    {
        // Sends 100 ms apart: the eleventh waits for the first to be a window old, the twelfth
        // for the second, not for a fixed second to end.
        Rig rig;
        for (int i = 0; i < 10; ++i) {
            rig.at(i * 100);
            QCOMPARE(rig.limiter.waitMs(A), 0);
            rig.limiter.recordSend(A);
        }
        rig.at(950);
        QCOMPARE(rig.limiter.waitMs(A), WindowMs - 950);
        rig.at(WindowMs);
        QCOMPARE(rig.limiter.waitMs(A), 0);
        rig.limiter.recordSend(A);
        QCOMPARE(rig.limiter.waitMs(A), 100); // until the send at 100 is a window old
    }

    void greedySenderNeverExceedsTheLimit_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("default 10") << 0;
        QTest::newRow("3") << 3;
        QTest::newRow("1") << 1;
    }

    void greedySenderNeverExceedsTheLimit()
    {
        QFETCH(int, limit);
        Rig rig;
        if (limit > 0) {
            rig.limiter.setMaxPerSecond(limit);
        } else {
            limit = 10;
        }
        const QList<qint64> sent = rig.greedy(A, 10 * WindowMs);
        // Exactly `limit` per window: every window holds that many, none more.
        QCOMPARE(sent.size(), 10 * limit);
        for (qsizetype i = 0; i + limit < sent.size(); ++i) {
            QCOMPARE(sent[i + limit] - sent[i], WindowMs);
        }
        // The first `limit` together, at the start.
        QCOMPARE(sent[limit - 1], 0);
    }

    void tokensAreIndependent()
    {
        Rig rig;
        for (int i = 0; i < 10; ++i) {
            rig.limiter.recordSend(A);
        }
        QVERIFY(rig.limiter.waitMs(A) > 0);
        QCOMPARE(rig.limiter.waitMs(B), 0);
        const QList<qint64> sentB = rig.greedy(B, 1);
        QCOMPARE(sentB.size(), 10);
        QCOMPARE(rig.limiter.waitMs(A), WindowMs - 1);
    }

    void limitIsAtLeastOne()
    {
        Rig rig;
        rig.limiter.setMaxPerSecond(0);
        QCOMPARE(rig.limiter.maxPerSecond(), 1);
        rig.limiter.recordSend(A);
        QCOMPARE(rig.limiter.waitMs(A), WindowMs);
    }

    void blockForRetryAfter()
    {
        Rig rig;
        rig.at(500);
        rig.limiter.block(A, 3);
        QCOMPARE(rig.limiter.waitMs(A), 3000);
        QCOMPARE(rig.limiter.waitMs(B), 0); // only that token
        rig.at(500 + 2999);
        QCOMPARE(rig.limiter.waitMs(A), 1);
        rig.at(500 + 3000);
        QCOMPARE(rig.limiter.waitMs(A), 0);
    }

    void blockWithoutRetryAfterIsOneSecond()
    {
        Rig rig;
        rig.limiter.block(A, -1);
        QCOMPARE(rig.limiter.waitMs(A), 1000);
    }

    void shorterBlockDoesNotShortenALongerOne()
    {
        Rig rig;
        rig.limiter.block(A, 5);
        rig.at(1000);
        rig.limiter.block(A, 1);
        QCOMPARE(rig.limiter.waitMs(A), 4000);
    }

    void blockAndFullWindowTakeTheLater()
    {
        Rig rig;
        for (int i = 0; i < 10; ++i) {
            rig.limiter.recordSend(A);
        }
        rig.limiter.block(A, 0); // a block that is already over
        QCOMPARE(rig.limiter.waitMs(A), WindowMs);
        rig.limiter.block(A, 2);
        QCOMPARE(rig.limiter.waitMs(A), 2000);
    }
};

QTEST_APPLESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
