// balanceLine() and spendPerDay(): the balance as drawn and what was spent per local day, in
// explicit time zones (midnight and daylight saving boundaries), with top-ups and gaps.
#include "creditspend.h"

#include <QTest>

using namespace veo;

namespace {

// "2026-12-01 09:00=1000": a local time in zone; "2026-11-01T05:30:00Z=1000": UTC.
QList<CreditReading> readings(const QStringList &specs, const QTimeZone &zone)
{
    QList<CreditReading> list;
    for (const QString &spec : specs) {
        const QString when = spec.section(QLatin1Char('='), 0, 0);
        const qint64 balance = spec.section(QLatin1Char('='), 1).toLongLong();
        QDateTime at;
        if (when.endsWith(QLatin1Char('Z'))) {
            at = QDateTime::fromString(when, Qt::ISODate);
        } else {
            const QDateTime plain =
                QDateTime::fromString(when, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            at = QDateTime(plain.date(), plain.time(), zone);
        }
        list.append({at.toUTC(), balance});
    }
    return list;
}

// "2026-12-01 s150 u0 known", and " since <UTC>" when the day's first change came from before
// it.
QStringList describe(const QList<CreditDay> &days)
{
    QStringList out;
    for (const CreditDay &d : days) {
        QString text = QStringLiteral("%1 s%2 u%3 %4")
                           .arg(d.date.toString(Qt::ISODate))
                           .arg(d.spent)
                           .arg(d.toppedUp)
                           .arg(d.known ? QStringLiteral("known") : QStringLiteral("unknown"));
        if (d.since.isValid()) {
            text += QStringLiteral(" since ") + d.since.toUTC().toString(Qt::ISODate);
        }
        out << text;
    }
    return out;
}

QDate date(const char *iso)
{
    return QDate::fromString(QLatin1String(iso), Qt::ISODate);
}

} // namespace

class TestCreditSpend final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spendPerDay_data();
    void spendPerDay();
    void balanceLine_data();
    void balanceLine();
    void anEmptyOrReversedRangeHasNoDays();
};

void TestCreditSpend::spendPerDay_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QStringList>("readings");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QStringList>("expected");

    const QByteArray shanghai = "Asia/Shanghai";
    QTest::newRow("no readings: nothing is known of any day")
        << shanghai << QStringList() << date("2026-12-01") << date("2026-12-02")
        << QStringList{"2026-12-01 s0 u0 unknown", "2026-12-02 s0 u0 unknown"};
    QTest::newRow("falls within a day add up")
        << shanghai
        << QStringList{"2026-12-01 09:00:00=1000", "2026-12-01 12:00:00=900",
                       "2026-12-01 18:00:00=850"}
        << date("2026-12-01") << date("2026-12-01") << QStringList{"2026-12-01 s150 u0 known"};
    QTest::newRow("readings in any order")
        << shanghai
        << QStringList{"2026-12-01 18:00:00=850", "2026-12-01 09:00:00=1000",
                       "2026-12-01 12:00:00=900"}
        << date("2026-12-01") << date("2026-12-01") << QStringList{"2026-12-01 s150 u0 known"};
    QTest::newRow("a top-up is a top-up, not negative spending")
        << shanghai
        << QStringList{"2026-12-01 09:00:00=1000", "2026-12-01 10:00:00=900",
                       "2026-12-01 11:00:00=1400", "2026-12-01 12:00:00=1300"}
        << date("2026-12-01") << date("2026-12-01") << QStringList{"2026-12-01 s200 u500 known"};
    QTest::newRow("unchanged readings spend nothing")
        << shanghai << QStringList{"2026-12-01 09:00:00=500", "2026-12-01 23:00:00=500"}
        << date("2026-12-01") << date("2026-12-01") << QStringList{"2026-12-01 s0 u0 known"};
    QTest::newRow("days with one reading each")
        << shanghai
        << QStringList{"2026-12-01 10:00:00=1000", "2026-12-02 10:00:00=950",
                       "2026-12-03 10:00:00=950"}
        << date("2026-12-01") << date("2026-12-03")
        << QStringList{"2026-12-01 s0 u0 known",
                       "2026-12-02 s50 u0 known since 2026-12-01T02:00:00Z",
                       "2026-12-03 s0 u0 known"};
    QTest::newRow("a gap of days counts on the day the change was seen")
        << shanghai << QStringList{"2026-12-01 20:00:00=1000", "2026-12-04 09:00:00=700"}
        << date("2026-12-01") << date("2026-12-04")
        << QStringList{"2026-12-01 s0 u0 known", "2026-12-02 s0 u0 unknown",
                       "2026-12-03 s0 u0 unknown",
                       "2026-12-04 s300 u0 known since 2026-12-01T12:00:00Z"};
    QTest::newRow("between two readings of the same balance nothing changed")
        << shanghai
        << QStringList{"2026-12-01 10:00:00=800", "2026-12-04 10:00:00=800",
                       "2026-12-04 12:00:00=700"}
        << date("2026-12-01") << date("2026-12-04")
        << QStringList{"2026-12-01 s0 u0 known", "2026-12-02 s0 u0 known", "2026-12-03 s0 u0 known",
                       "2026-12-04 s100 u0 known"};
    QTest::newRow("an unchanged balance from before the first day")
        << shanghai << QStringList{"2026-11-28 10:00:00=800", "2026-12-02 10:00:00=800"}
        << date("2026-12-01") << date("2026-12-03")
        << QStringList{"2026-12-01 s0 u0 known", "2026-12-02 s0 u0 known",
                       "2026-12-03 s0 u0 unknown"};
    QTest::newRow("the reading before the first day counts into it, not itself")
        << shanghai << QStringList{"2026-11-30 22:00:00=1000", "2026-12-01 08:00:00=1200"}
        << date("2026-12-01") << date("2026-12-01")
        << QStringList{"2026-12-01 s0 u200 known since 2026-11-30T14:00:00Z"};
    QTest::newRow("readings after the last day are left out")
        << shanghai << QStringList{"2026-12-01 08:00:00=1000", "2026-12-02 08:00:00=100"}
        << date("2026-12-01") << date("2026-12-01") << QStringList{"2026-12-01 s0 u0 known"};
    QTest::newRow("midnight: 23:59:59 is the day before, 00:00:00 the next")
        << shanghai
        << QStringList{"2026-12-01 23:59:59=1000", "2026-12-02 00:00:00=990",
                       "2026-12-02 00:10:00=980"}
        << date("2026-12-01") << date("2026-12-02")
        << QStringList{"2026-12-01 s0 u0 known",
                       "2026-12-02 s20 u0 known since 2026-12-01T15:59:59Z"};
    // The same two instants, read in UTC and in UTC+8: another day boundary between them.
    const QStringList lateUtc{"2026-12-01T15:30:00Z=1000", "2026-12-01T16:30:00Z=900"};
    QTest::newRow("in UTC both readings are on the 1st")
        << QByteArray("UTC") << lateUtc << date("2026-12-01") << date("2026-12-02")
        << QStringList{"2026-12-01 s100 u0 known", "2026-12-02 s0 u0 unknown"};
    QTest::newRow("in Shanghai the second is on the 2nd")
        << shanghai << lateUtc << date("2026-12-01") << date("2026-12-02")
        << QStringList{"2026-12-01 s0 u0 known",
                       "2026-12-02 s100 u0 known since 2026-12-01T15:30:00Z"};
    // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST (a 23-hour day).
    QTest::newRow("daylight saving starts: a 23-hour day")
        << QByteArray("Europe/Berlin")
        << QStringList{"2026-03-28 23:00:00=1000", "2026-03-29 01:30:00=990",
                       "2026-03-29 03:30:00=970", "2026-03-29 23:30:00=960",
                       "2026-03-30 00:30:00=950"}
        << date("2026-03-28") << date("2026-03-30")
        << QStringList{"2026-03-28 s0 u0 known",
                       "2026-03-29 s40 u0 known since 2026-03-28T22:00:00Z",
                       "2026-03-30 s10 u0 known since 2026-03-29T21:30:00Z"};
    // New York, 1 November 2026: 02:00 EDT becomes 01:00 EST; 01:30 happens twice.
    QTest::newRow("daylight saving ends: a 25-hour day with 01:30 twice")
        << QByteArray("America/New_York")
        << QStringList{"2026-11-01T03:30:00Z=1000", "2026-11-01T04:30:00Z=990",
                       "2026-11-01T05:30:00Z=980",  "2026-11-01T06:30:00Z=960",
                       "2026-11-02T04:30:00Z=950",  "2026-11-02T05:30:00Z=940"}
        << date("2026-10-31") << date("2026-11-02")
        << QStringList{"2026-10-31 s0 u0 known",
                       "2026-11-01 s50 u0 known since 2026-11-01T03:30:00Z",
                       "2026-11-02 s10 u0 known since 2026-11-02T04:30:00Z"};
}

void TestCreditSpend::spendPerDay()
{
    QFETCH(QByteArray, zone);
    QFETCH(QStringList, readings);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QStringList, expected);
    const QTimeZone tz(zone);
    QVERIFY2(tz.isValid(), zone.constData());
    QCOMPARE(describe(veo::spendPerDay(::readings(readings, tz), first, last, tz)), expected);
}

void TestCreditSpend::balanceLine_data()
{
    QTest::addColumn<QStringList>("readings");
    QTest::addColumn<QStringList>("expected"); // the same notation, in UTC

    QTest::newRow("no readings") << QStringList() << QStringList();
    QTest::newRow("readings in the range, oldest first")
        << QStringList{"2026-12-03T10:00:00Z=900", "2026-12-02T10:00:00Z=1000"}
        << QStringList{"2026-12-02T10:00:00Z=1000", "2026-12-03T10:00:00Z=900"};
    QTest::newRow("the last reading before the range starts the line at its start")
        << QStringList{"2026-11-20T10:00:00Z=2000", "2026-11-29T10:00:00Z=1500",
                       "2026-12-02T10:00:00Z=1000"}
        << QStringList{"2026-12-01T00:00:00Z=1500", "2026-12-02T10:00:00Z=1000"};
    QTest::newRow("only a reading before the range: the balance as the range starts")
        << QStringList{"2026-11-29T10:00:00Z=1500"} << QStringList{"2026-12-01T00:00:00Z=1500"};
    QTest::newRow("a reading at the start needs no point before it")
        << QStringList{"2026-11-29T10:00:00Z=1500", "2026-12-01T00:00:00Z=1400"}
        << QStringList{"2026-12-01T00:00:00Z=1400"};
    QTest::newRow("readings after the range are left out")
        << QStringList{"2026-12-05T10:00:00Z=800", "2026-12-31T10:00:00Z=100"}
        << QStringList{"2026-12-05T10:00:00Z=800"};
}

void TestCreditSpend::balanceLine()
{
    QFETCH(QStringList, readings);
    QFETCH(QStringList, expected);
    const QTimeZone utc(QByteArray("UTC"));
    const QDateTime from(date("2026-12-01"), QTime(0, 0), Qt::UTC);
    const QDateTime to(date("2026-12-30"), QTime(12, 0), Qt::UTC);
    QCOMPARE(veo::balanceLine(::readings(readings, utc), from, to), ::readings(expected, utc));
}

void TestCreditSpend::anEmptyOrReversedRangeHasNoDays()
{
    const QTimeZone utc(QByteArray("UTC"));
    QVERIFY(veo::spendPerDay({}, date("2026-12-02"), date("2026-12-01"), utc).isEmpty());
    QVERIFY(veo::spendPerDay({}, QDate(), date("2026-12-01"), utc).isEmpty());
    QCOMPARE(veo::spendPerDay({}, date("2026-12-01"), date("2026-12-01"), utc).size(), 1);
}

QTEST_APPLESS_MAIN(TestCreditSpend)
#include "tst_creditspend.moc"
