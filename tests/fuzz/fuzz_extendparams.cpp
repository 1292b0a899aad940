// An extension's request as its paramJson, read back for a Retry (core/veofollowups): it comes
// back from record-info as the child's paramJson. What it reads must write and read the same.
#include "fuzzinput.h"
#include "veofollowups.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    const QString parent = QStringLiteral("veo_task_fuzz0001");
    const auto options =
        extendOptionsFromParamJson(parent, QString::fromUtf8(fuzz::bytes(data, size)));
    if (!options) {
        return 0;
    }
    const auto again = extendOptionsFromParamJson(parent, extendParamJson(*options));
    fuzz::check(again && again->prompt == options->prompt && again->model == options->model &&
                    again->seeds == options->seeds && again->watermark == options->watermark,
                "options read from paramJson survive a round trip");
    fuzz::check(!extendRequest(*options).body.isEmpty(), "the request has a body");
    return 0;
}
