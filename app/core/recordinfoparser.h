#pragma once

#include "apierror.h"
#include "kietime.h"
#include "taskrecord.h"

#include <QByteArray>
#include <QJsonValue>

namespace veo {

// The KIE envelope {code, msg, data} of any endpoint, checked against the HTTP status.
struct Envelope
{
    ApiError error;  // None when HTTP and body code are both fine
    QJsonValue data; // as sent, also with an error (a 4K 422 carries URLs); null when absent
};

// Tolerant: an HTML page, truncated JSON, a missing envelope or an HTTP error all become an
// ApiError; never throws, never crashes. retryAfter is the raw Retry-After header value.
Envelope parseEnvelope(int httpStatus, const QByteArray &body, const QByteArray &retryAfter = {});

struct RecordInfoResult
{
    ApiError error;    // set when the answer is not a usable record
    TaskRecord record; // remote fields only (taskId, status, urls, ...)
};

// Parses a record-info answer. requestedTaskId fills taskId when the answer omits it.
RecordInfoResult parseRecordInfo(int httpStatus, const QByteArray &body,
                                 const QString &requestedTaskId, const QByteArray &retryAfter = {});

// Lower-level pieces, exposed for tests and other endpoints.
QStringList
parseUrlList(const QJsonValue &value); // array, JSON-encoded string, single string, null

} // namespace veo
