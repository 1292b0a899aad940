// get-1080p-video answers (core/veofollowups).
#include "fuzzinput.h"
#include "veofollowups.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    veo::fuzz::checkUpgradeAnswer(veo::parse1080pAnswer,
                                  QStringLiteral("veo_task_fuzz0001:1080p:0"), data, size);
    return 0;
}
