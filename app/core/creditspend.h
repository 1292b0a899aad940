#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace veo {

// One reading of a key's balance: what KIE said the key had left (credits) at a moment (UTC).
struct CreditReading
{
    QDateTime at;
    qint64 balance = 0;

    friend bool operator==(const CreditReading &, const CreditReading &) = default;
};

// What a key's balance did on one local day, from the readings. A change between two readings
// counts on the day of the later one (when it was seen): a fall is spending, a rise a top-up
// (never negative spending). Two readings see only the net change: spending and a top-up
// between the same two readings cancel out.
struct CreditDay
{
    QDate date;
    qint64 spent = 0;    // sum of the falls seen this day
    qint64 toppedUp = 0; // sum of the rises seen this day
    // A reading was taken this day, or the day lies between two readings of the same balance
    // (kept as the ends of a run of equal readings, see CreditHistoryStore): nothing changed.
    // Otherwise nothing is known of the day.
    bool known = false;
    // Valid when the day's first change was measured from a reading of an earlier day (the app
    // was not running, or not reading, in between): what changed since then counts here.
    QDateTime since;
    friend bool operator==(const CreditDay &, const CreditDay &) = default;
};

// The balance over [from, to] as drawn: the readings in the range, oldest first, preceded by a
// point at `from` with the balance of the last reading before it (when there is one).
QList<CreditReading> balanceLine(QList<CreditReading> readings, const QDateTime &from,
                                 const QDateTime &to);

// One CreditDay per date from first to last (in zone), from readings in any order. Changes
// that involve the reading before `first` count on the day of the reading after it.
QList<CreditDay> spendPerDay(QList<CreditReading> readings, QDate first, QDate last,
                             const QTimeZone &zone);

} // namespace veo
