// The KIE envelope {code, msg, data} of every endpoint checked against the HTTP status and
// Retry-After, and its mapping to ApiError (core/recordinfoparser, core/apierror).
#include "fuzzinput.h"
#include "recordinfoparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const veo::fuzz::Answer a = veo::fuzz::answer(data, size);
    const veo::Envelope envelope = veo::parseEnvelope(a.httpStatus, a.body, a.retryAfter);
    veo::fuzz::checkError(envelope.error);
    veo::fuzz::check(envelope.error.isError() || a.httpStatus == 0 ||
                         (a.httpStatus >= 200 && a.httpStatus < 300),
                     "an HTTP error status is an error");
    return 0;
}
