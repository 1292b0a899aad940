// A generation's request read back from a task's paramJson for Edit and Run (core/veogenerate):
// ours, or KIE's record-info echo in its own spelling. What it reads must write and read the
// same, and a request built from it always has a body.
#include "fuzzinput.h"
#include "veogenerate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    const auto options = generateOptionsFromParamJson(QString::fromUtf8(fuzz::bytes(data, size)));
    if (!options) {
        return 0;
    }
    fuzz::check(!options->prompt.trimmed().isEmpty(), "read options have a prompt");
    const auto again = generateOptionsFromParamJson(generateParamJson(*options));
    fuzz::check(again && *again == *options, "options read from paramJson survive a round trip");
    fuzz::check(!generateRequest(*options).body.isEmpty(), "the request has a body");
    (void)generateOptionsProblem(*options); // any options get an answer, never a crash
    return 0;
}
