// POST /api/file-stream-upload answers (net/imageupload parseAnswer).
#include "fuzzinput.h"
#include "imageupload.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    const fuzz::Answer a = fuzz::answer(data, size);
    const auto [error, url] =
        ImageUpload::parseAnswer(HttpAnswer{a.httpStatus, a.body, a.retryAfter, ApiError{}});
    fuzz::checkError(error);
    fuzz::check(error.isError() || (url.isValid() && !url.host().isEmpty() &&
                                    (url.scheme() == QLatin1String("https") ||
                                     url.scheme() == QLatin1String("http"))),
                "an uploaded file's address is an http(s) URL with a host");
    return 0;
}
