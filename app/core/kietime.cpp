#include "kietime.h"

#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace veo {

namespace {

// A server asking for more than a day is not taken literally: polling must not stop for good.
constexpr int MaxRetryAfterSeconds = 24 * 60 * 60;
// Above this a number is epoch milliseconds (1e11 s is the year 5138; 1e11 ms is 1973).
constexpr double MsThreshold = 1e11;
// 9999-12-31T23:59:59.999Z: keeps double -> qint64 conversions defined.
constexpr double MaxEpochMs = 253402300799999.0;

QDateTime fromEpochNumber(double d)
{
    if (!std::isfinite(d) || d <= 0) {
        return {}; // 0 is what some servers send for "not yet"
    }
    const double ms = d > MsThreshold ? d : d * 1000.0;
    if (ms > MaxEpochMs) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(std::llround(ms), Qt::UTC);
}

QDateTime fromTimeString(QString text)
{
    text = text.trimmed();
    if (text.isEmpty()) {
        return {};
    }
    bool isNumber = false;
    const double d = text.toDouble(&isNumber);
    if (isNumber) {
        return fromEpochNumber(d);
    }
    // "2025-06-06 10:30:00" (KIE's examples) and "2025/06/06 10:30:00" become ISO 8601.
    static const QRegularExpression dateSpace(
        QStringLiteral(R"(^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]+(.*))?$)"));
    const QRegularExpressionMatch m = dateSpace.match(text);
    if (!m.hasMatch()) {
        return {};
    }
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!date.isValid()) {
        return {};
    }
    QString time = m.captured(4).trimmed();
    if (time.isEmpty()) {
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    // No zone stated: KIE gives none for Veo, so UTC is assumed (kie-api.md §2.4).
    static const QRegularExpression utcWord(QStringLiteral(R"(\s*(?:UTC|GMT)$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    time.remove(utcWord);
    static const QRegularExpression zone(QStringLiteral(R"((?:[Zz]|[+-]\d{2}(?::?\d{2})?)$)"));
    if (!zone.match(time).hasMatch()) {
        time += QLatin1Char('Z');
    }
    const QString iso =
        date.toString(Qt::ISODate) + QLatin1Char('T') + time.remove(QLatin1Char(' '));
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

int monthFromName(const QString &name)
{
    static const QStringList months = {
        QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"),
        QStringLiteral("may"), QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"),
        QStringLiteral("sep"), QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    return static_cast<int>(months.indexOf(name.toLower())) + 1; // 0 when unknown
}

// The three HTTP-date forms RFC 9110 says a recipient must accept, all in GMT.
QDateTime parseHttpDate(const QString &raw)
{
    const QString text = raw.simplified();
    static const QRegularExpression imf(
        QStringLiteral(
            R"(^[A-Za-z]{3},\s(\d{1,2})\s([A-Za-z]{3})\s(\d{4})\s(\d{2}):(\d{2}):(\d{2})\s(?:GMT|UTC)$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression rfc850(
        QStringLiteral(
            R"(^[A-Za-z]+,\s(\d{1,2})-([A-Za-z]{3})-(\d{2})\s(\d{2}):(\d{2}):(\d{2})\s(?:GMT|UTC)$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression asctime(QStringLiteral(
        R"(^[A-Za-z]{3}\s([A-Za-z]{3})\s(\d{1,2})\s(\d{2}):(\d{2}):(\d{2})\s(\d{4})$)"));
    int day = 0;
    int month = 0;
    int year = 0;
    QTime time;
    if (const auto m = imf.match(text); m.hasMatch()) {
        day = m.captured(1).toInt();
        month = monthFromName(m.captured(2));
        year = m.captured(3).toInt();
        time = QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    } else if (const auto m850 = rfc850.match(text); m850.hasMatch()) {
        day = m850.captured(1).toInt();
        month = monthFromName(m850.captured(2));
        year = m850.captured(3).toInt();
        year += year < 70 ? 2000 : 1900;
        time = QTime(m850.captured(4).toInt(), m850.captured(5).toInt(), m850.captured(6).toInt());
    } else if (const auto ma = asctime.match(text); ma.hasMatch()) {
        month = monthFromName(ma.captured(1));
        day = ma.captured(2).toInt();
        time = QTime(ma.captured(3).toInt(), ma.captured(4).toInt(), ma.captured(5).toInt());
        year = ma.captured(6).toInt();
    } else {
        return {};
    }
    const QDate date(year, month, day);
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

int parseRetryAfter(const QByteArray &header)
{
    const QString text = QString::fromLatin1(header).trimmed();
    if (text.isEmpty()) {
        return -1;
    }
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok) {
        if (!std::isfinite(seconds) || seconds < 0) {
            return -1;
        }
        return static_cast<int>(std::min(std::ceil(seconds), double(MaxRetryAfterSeconds)));
    }
    const QDateTime when = parseHttpDate(text);
    if (!when.isValid()) {
        return -1;
    }
    const qint64 delta = QDateTime::currentDateTimeUtc().secsTo(when);
    return static_cast<int>(std::clamp<qint64>(delta, 0, MaxRetryAfterSeconds));
}

QDateTime parseKieTime(const QJsonValue &value)
{
    if (value.isDouble()) {
        return fromEpochNumber(value.toDouble());
    }
    if (value.isString()) {
        return fromTimeString(value.toString());
    }
    return {};
}

} // namespace veo
