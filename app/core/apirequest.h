#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace veo {

// One request to the KIE API, relative to the API base: KieClient adds the origin, the
// Authorization header and the JSON content type. Never holds a token.
struct ApiRequest
{
    QByteArray verb = "GET";
    QString path; // "/api/v1/veo/record-info"
    QUrlQuery query;
    QByteArray body; // JSON, for POST
    // It creates a task or charges credits: sent at most once. Qt sends a request again by
    // itself when a kept-alive connection closes before the answer; such a request fails
    // instead (a network error: its answer is lost), and the owner decides.
    bool sendOnce = false;
};

// What came back: the HTTP answer, or the network error when none arrived.
struct HttpAnswer
{
    int httpStatus = 0;
    QByteArray body;
    QByteArray retryAfter; // the raw Retry-After header
    ApiError networkError; // None when an HTTP answer arrived
};

} // namespace veo
