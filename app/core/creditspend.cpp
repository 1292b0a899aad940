#include "creditspend.h"

#include <algorithm>
#include <optional>

namespace veo {

namespace {

void sortByTime(QList<CreditReading> &readings)
{
    std::stable_sort(readings.begin(), readings.end(),
                     [](const CreditReading &a, const CreditReading &b) { return a.at < b.at; });
}

} // namespace

QList<CreditReading> balanceLine(QList<CreditReading> readings, const QDateTime &from,
                                 const QDateTime &to)
{
    sortByTime(readings);
    QList<CreditReading> line;
    std::optional<qint64> before;
    for (const CreditReading &r : std::as_const(readings)) {
        if (r.at < from) {
            before = r.balance;
        } else if (r.at <= to) {
            if (line.isEmpty() && before && r.at > from) {
                line.append({from, *before});
            }
            line.append(r);
        }
    }
    if (line.isEmpty() && before) {
        line.append({from, *before}); // nothing read since: the balance as the range starts
    }
    return line;
}

QList<CreditDay> spendPerDay(QList<CreditReading> readings, QDate first, QDate last,
                             const QTimeZone &zone)
{
    QList<CreditDay> days;
    if (!first.isValid() || !last.isValid() || last < first) {
        return days;
    }
    days.reserve(first.daysTo(last) + 1);
    for (QDate d = first; d <= last; d = d.addDays(1)) {
        days.append(CreditDay{d, 0, 0, false, {}});
    }
    const auto inRange = [&days](qint64 index) { return index >= 0 && index < days.size(); };
    sortByTime(readings);
    QDate previousDate;
    for (qsizetype i = 0; i < readings.size(); ++i) {
        const CreditReading &r = readings.at(i);
        const QDate date = r.at.toTimeZone(zone).date();
        const qint64 change = i > 0 ? r.balance - readings.at(i - 1).balance : 0;
        if (i > 0 && change == 0) { // the days in between did not change the balance either
            for (qint64 between = first.daysTo(previousDate) + 1; between < first.daysTo(date);
                 ++between) {
                if (inRange(between)) {
                    days[between].known = true;
                }
            }
        }
        if (const qint64 index = first.daysTo(date); inRange(index)) {
            CreditDay &day = days[index];
            day.known = true;
            if (change < 0) {
                day.spent -= change;
            } else {
                day.toppedUp += change;
            }
            if (change != 0 && previousDate < date && !day.since.isValid()) {
                day.since = readings.at(i - 1).at;
            }
        }
        previousDate = date;
    }
    return days;
}

} // namespace veo
