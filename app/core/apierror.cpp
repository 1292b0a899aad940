#include "apierror.h"

namespace veo {

ApiError ApiError::fromKieCode(int code, const QString &msg, int httpStatus)
{
    ApiError e;
    e.code = code;
    e.httpStatus = httpStatus;
    e.serverMessage = msg;
    const QString lower = msg.toLower();
    switch (code) {
    case 200:
        e.kind = Kind::None;
        break;
    case 401:
        e.kind = Kind::Unauthorized;
        break;
    case 402:
        e.kind = Kind::InsufficientCredits;
        break;
    case 404:
        e.kind = Kind::NotFound;
        break;
    case 429:
        e.kind = Kind::RateLimited;
        break;
    case 455:
        e.kind = Kind::Maintenance;
        break;
    case 422:
        if (lower.contains(QLatin1String("within 14 days"))) {
            e.kind = Kind::Expired;
        } else if (lower.contains(QLatin1String("is null"))) {
            e.kind = Kind::NotFoundYet; // "record is null." / "recordInfo is null"
        } else {
            e.kind = Kind::Rejected;
        }
        break;
    default:
        if (code == 408 || code >= 500) {
            e.kind = Kind::Server;
        } else {
            e.kind = Kind::Rejected;
        }
    }
    return e;
}

bool ApiError::isFinal() const
{
    return kind == Kind::Expired || kind == Kind::NotFound || kind == Kind::GaveUp;
}

bool ApiError::isRetryable() const
{
    switch (kind) {
    case Kind::None:
    case Kind::Expired:
    case Kind::NotFound:
    case Kind::InsecureBase:
    case Kind::GaveUp:
        return false;
    default:
        // Key, credit and validation problems may be fixed by the user; keep trying, slowly.
        return true;
    }
}

QString ApiError::text() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        // An empty detail would leave a dangling ": " in the sentence.
        return serverMessage.isEmpty() ? tr("Could not reach KIE.")
                                       : tr("Could not reach KIE: %1").arg(serverMessage);
    case Kind::Timeout:
        return tr("KIE did not answer in time.");
    case Kind::Offline:
        return tr("This computer is offline.");
    case Kind::TooLarge:
        return tr("KIE sent an answer that is far too large; it was ignored.");
    case Kind::BadResponse:
        return serverMessage.isEmpty()
                   ? tr("KIE sent an answer that could not be read.")
                   : tr("KIE sent an answer that could not be read (%1).").arg(serverMessage);
    case Kind::Http:
        return tr("KIE answered with HTTP error %1.").arg(httpStatus != 0 ? httpStatus : code);
    case Kind::Unauthorized:
        return tr("The API key was refused (401).");
    case Kind::InsufficientCredits:
        return tr("The account has run out of credits (402).");
    case Kind::NotFoundYet:
        return tr("KIE does not know this task yet.");
    case Kind::Expired:
        return tr("KIE keeps task records for 14 days only; this one has expired.");
    case Kind::NotFound:
        return tr("KIE does not know this task ID.");
    case Kind::RateLimited:
        return tr("Too many requests: KIE asked us to slow down (429).");
    case Kind::Maintenance:
        return tr("KIE is under maintenance (455).");
    case Kind::Server:
        return serverMessage.isEmpty() ? tr("KIE reported a server error (%1).").arg(code)
                                       : tr("KIE reported a server error (%1): %2")
                                             .arg(QString::number(code), serverMessage);
    case Kind::Rejected:
        return serverMessage.isEmpty() ? tr("KIE rejected the request (%1).").arg(code)
                                       : tr("KIE rejected the request (%1): %2")
                                             .arg(QString::number(code), serverMessage);
    case Kind::NoKey:
        return tr("No API key is available for this task.");
    case Kind::InsecureBase:
        return tr("Refusing to send the API key over an unencrypted connection.");
    case Kind::GaveUp:
        return tr("KIE had not finished this after %n minute(s); it is no longer checked.", nullptr,
                  code);
    }
    return {};
}

QString ApiError::advice() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Offline:
        return tr("Check your internet connection; the task is checked again automatically.");
    case Kind::TooLarge:
    case Kind::BadResponse:
    case Kind::Http:
    case Kind::Server:
        return tr("This is usually temporary; the task is checked again automatically.");
    case Kind::Unauthorized:
        return tr("Check the API key in Keys (kie.ai → API Key), or its IP whitelist.");
    case Kind::InsufficientCredits:
        return tr("Top up credits on kie.ai; polling continues meanwhile.");
    case Kind::NotFoundYet:
        return tr("A task that was just created can take a moment to appear; "
                  "it is checked again shortly. If it persists, check the task ID and the key.");
    case Kind::Expired:
        return tr("Nothing more can be fetched; download results within 14 days next time.");
    case Kind::NotFound:
        return tr("Check that the task ID is right and belongs to this API key.");
    case Kind::RateLimited:
        return tr("Polling slows down by itself; nothing to do.");
    case Kind::Maintenance:
        return tr("Wait until KIE's maintenance ends; polling resumes by itself.");
    case Kind::Rejected:
        return tr("Read KIE's message above; the request itself was not accepted.");
    case Kind::NoKey:
        return tr("Add an API key (Keys → Add), then refresh.");
    case Kind::InsecureBase:
        return tr("Use an https:// API address.");
    case Kind::GaveUp:
        return tr("Use Retry to ask KIE again; nothing is charged twice.");
    }
    return {};
}

QString ApiError::summary() const
{
    // Lower case: it follows the status in the Status column ("Waiting · server error, ...").
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        //: A few words for the Status column: the last check could not reach KIE
        return tr("network error");
    case Kind::Timeout:
        //: A few words for the Status column: KIE did not answer in time
        return tr("no answer");
    case Kind::Offline:
        //: A few words for the Status column: the computer has no network
        return tr("offline");
    case Kind::TooLarge:
    case Kind::BadResponse:
        //: A few words for the Status column: KIE's answer could not be read
        return tr("unreadable answer");
    case Kind::Http:
    case Kind::Server:
        //: A few words for the Status column: KIE reported a server error (5xx)
        return tr("server error");
    case Kind::Unauthorized:
        //: A few words for the Status column: KIE refused the API key (401)
        return tr("key refused");
    case Kind::InsufficientCredits:
        //: A few words for the Status column: the account has no credits left (402)
        return tr("out of credits");
    case Kind::NotFoundYet:
        //: A few words for the Status column: KIE does not know the task yet
        return tr("not found yet");
    case Kind::Expired:
        //: A few words for the Status column: KIE's record is older than 14 days
        return tr("expired");
    case Kind::NotFound:
        //: A few words for the Status column: KIE does not know the task ID
        return tr("unknown task");
    case Kind::RateLimited:
        //: A few words for the Status column: KIE asked to slow down (429)
        return tr("rate limited");
    case Kind::Maintenance:
        //: A few words for the Status column: KIE is under maintenance (455)
        return tr("KIE maintenance");
    case Kind::Rejected:
        //: A few words for the Status column: KIE rejected the request (4xx)
        return tr("request rejected");
    case Kind::NoKey:
        //: A few words for the Status column: no API key for this task
        return tr("no API key");
    case Kind::InsecureBase:
        //: A few words for the Status column: the API address is not https
        return tr("insecure address");
    case Kind::GaveUp:
        //: A few words for the Status column: an upgrade not ready after its time limit
        return tr("gave up");
    }
    return {};
}

} // namespace veo
