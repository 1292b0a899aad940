#pragma once

#include <QByteArray>
#include <QDateTime>

class QJsonValue;

namespace veo {

// KIE's times: a number (epoch seconds, or milliseconds above 1e11), an ISO 8601 string, or
// "yyyy-MM-dd HH:mm:ss" without a zone (taken as UTC). Returned in UTC; invalid when unreadable.
QDateTime parseKieTime(const QJsonValue &value);

// An HTTP Retry-After header: delta-seconds or an HTTP-date. Seconds from now, capped at a
// day; -1 when absent or unreadable.
int parseRetryAfter(const QByteArray &header);

} // namespace veo
