// GET /api/v1/chat/credit answers (net/kieclient parseCredits).
#include "fuzzinput.h"
#include "kieclient.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    const fuzz::Answer a = fuzz::answer(data, size);
    const auto [error, credits] =
        KieClient::parseCredits(HttpAnswer{a.httpStatus, a.body, a.retryAfter, ApiError{}});
    fuzz::checkError(error);
    fuzz::check(!error.isError() || credits == 0, "an error reports no credits");
    return 0;
}
