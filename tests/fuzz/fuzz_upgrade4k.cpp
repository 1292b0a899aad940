// get-4k-video answers, first and repeated POSTs and the callback shapes (core/veofollowups).
#include "fuzzinput.h"
#include "veofollowups.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    veo::fuzz::checkUpgradeAnswer(veo::parse4kAnswer, QStringLiteral("veo_task_fuzz0001:4k:0"),
                                  data, size);
    return 0;
}
