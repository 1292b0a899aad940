// A media server's Content-Range header on a resumed download (net/downloadpart).
#include "downloadpart.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    const ContentRange range = parseContentRange(fuzz::bytes(data, size));
    fuzz::check(!range.ok || (range.first >= -1 && range.total >= -1),
                "a range's numbers are known or -1");
    return 0;
}
