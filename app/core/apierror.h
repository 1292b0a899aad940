#pragma once

#include <QCoreApplication>
#include <QString>

namespace veo {

// An error as a value: what went wrong talking to KIE, classified so that the scheduler can
// decide (retry, back off, stop) and the UI can say what happened and what to do.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind {
        None,
        Network,             // connection refused/reset, DNS, TLS, dropped connection
        Timeout,             // transfer timeout
        Offline,             // the system reports no network
        TooLarge,            // response body over the limit
        BadResponse,         // HTML page, truncated/invalid JSON, wrong field types
        Http,                // an HTTP error status without a KIE envelope
        Unauthorized,        // 401: key missing/invalid
        InsufficientCredits, // 402
        NotFoundYet,         // 422 "record is null": a task just created may not be visible yet
        Expired,             // 422 "Temporarily supports records within 14 days": final
        NotFound,            // 404, or "record is null" for longer than the grace period: final
        RateLimited,         // 429 (HTTP status or body code)
        Maintenance,         // 455
        Server,              // 500, 501, 505, 408 and other 5xx
        Rejected,            // other 4xx body codes (400, 422 validation, 451)
        NoKey,               // no API key is available for this task
        InsecureBase,        // refusing a non-https API base that is not loopback
        GaveUp,              // an upgrade still not ready after its time limit: final
    };

    Kind kind = Kind::None;
    int code = 0;               // KIE body code, or the HTTP status when there is no envelope
    int httpStatus = 0;         // 0 when no HTTP response arrived
    QString serverMessage;      // KIE's msg or the network error string, verbatim (never a secret)
    int retryAfterSeconds = -1; // from a Retry-After header, -1 when absent

    bool isError() const { return kind != Kind::None; }
    // The task will not change any more: stop polling it.
    bool isFinal() const;
    // Worth trying again later (with backoff).
    bool isRetryable() const;

    // One translated sentence: what happened.
    QString text() const;
    // One translated sentence: what the user can do about it.
    QString advice() const;
    // A few translated words: the kind of problem ("server error"), for a status line.
    QString summary() const;

    static ApiError fromKieCode(int code, const QString &msg, int httpStatus);

    friend bool operator==(const ApiError &, const ApiError &) = default;
};

} // namespace veo

Q_DECLARE_TYPEINFO(veo::ApiError, Q_RELOCATABLE_TYPE); // a QString and numbers
