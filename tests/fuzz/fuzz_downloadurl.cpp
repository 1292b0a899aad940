// POST /api/v1/common/download-url answers (net/kieclient parseDownloadUrl).
#include "fuzzinput.h"
#include "kieclient.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    const fuzz::Answer a = fuzz::answer(data, size);
    const auto [error, url] =
        KieClient::parseDownloadUrl(HttpAnswer{a.httpStatus, a.body, a.retryAfter, ApiError{}});
    fuzz::checkError(error);
    fuzz::check(error.isError() || (url.isValid() && !url.host().isEmpty() &&
                                    (url.scheme() == QLatin1String("https") ||
                                     url.scheme() == QLatin1String("http"))),
                "a download link is an http(s) URL with a host");
    return 0;
}
