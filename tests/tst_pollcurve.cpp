// The adaptive schedule of renders (PollCurve): when the next check comes after a check at
// each age, within the user's maximum interval.
#include "pollcurve.h"

#include <QTest>

using namespace veo;
using namespace std::chrono_literals;

using ms = std::chrono::milliseconds;

class TestPollCurve : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextPollByAge_data();
    void nextPollByAge();
    void neverLongerThanTheMaximumOnceARenderCanBeReady();
    void checksFromCreationOfATypicalRender();
};

void TestPollCurve::nextPollByAge_data()
{
    QTest::addColumn<ms>("age");
    QTest::addColumn<ms>("maximum");
    QTest::addColumn<ms>("wait");
    // Nothing is ready before 2 minutes: the first check that can see a render is at most one
    // maximum after it could have finished.
    QTest::newRow("new, 30 s") << ms(0s) << ms(30s) << ms(150s);
    QTest::newRow("at 1 min, 30 s") << ms(60s) << ms(30s) << ms(90s);
    QTest::newRow("new, 5 s") << ms(0s) << ms(5s) << ms(125s);
    QTest::newRow("new, 10 min: the dense part instead") << ms(0s) << ms(600s) << ms(216s);
    // Then every maximum, up to the dense part (no sliver of a step before it).
    QTest::newRow("2.5 min") << ms(150s) << ms(30s) << ms(30s);
    QTest::newRow("3.5 min: to the dense part") << ms(210s) << ms(30s) << ms(6s);
    QTest::newRow("just before the dense part") << ms(214s) << ms(30s) << ms(5s);
    // Every 5 s where a render still running is about to finish.
    QTest::newRow("3.6 min") << ms(216s) << ms(30s) << ms(5s);
    QTest::newRow("4.9 min") << ms(294s) << ms(30s) << ms(5s);
    QTest::newRow("a maximum below 5 s") << ms(250s) << ms(3s) << ms(3s);
    // Past 5 minutes, slowing down by 1 s per 10 s of age, back to the maximum.
    QTest::newRow("5 min") << ms(300s) << ms(30s) << ms(5s);
    QTest::newRow("6 min") << ms(360s) << ms(30s) << ms(11s);
    QTest::newRow("9 min") << ms(540s) << ms(30s) << ms(29s);
    QTest::newRow("20 min") << ms(1200s) << ms(30s) << ms(30s);
    QTest::newRow("an hour, 1 min maximum") << ms(3600s) << ms(60s) << ms(60s);
}

void TestPollCurve::nextPollByAge()
{
    QFETCH(ms, age);
    QFETCH(ms, maximum);
    QFETCH(ms, wait);
    QCOMPARE(PollCurve{}.nextPollIn(age, maximum).count(), wait.count());
}

void TestPollCurve::neverLongerThanTheMaximumOnceARenderCanBeReady()
{
    const PollCurve curve;
    for (const ms maximum : {ms(5s), ms(30s), ms(120s)}) {
        for (ms age = curve.earliest; age < 30min; age += 700ms) {
            const ms wait = curve.nextPollIn(age, maximum);
            QVERIFY2(wait > 0ms && wait <= maximum, qPrintable(QString::number(age.count())));
        }
    }
}

void TestPollCurve::checksFromCreationOfATypicalRender()
{
    // A render still running at 5 minutes has been checked at these ages. Most finish earlier
    // and stop being checked, which is what keeps the dense part cheap.
    const PollCurve curve;
    QList<qint64> at{0};
    while (at.last() < 300000) {
        at.append(at.last() + curve.nextPollIn(ms(at.last()), 30s).count());
    }
    const QList<qint64> expected{0,      150000, 180000, 210000, 216000, 221000, 226000, 231000,
                                 236000, 241000, 246000, 251000, 256000, 261000, 266000, 271000,
                                 276000, 281000, 286000, 291000, 296000, 301000};
    QCOMPARE(at, expected);
}

QTEST_GUILESS_MAIN(TestPollCurve)
#include "tst_pollcurve.moc"
