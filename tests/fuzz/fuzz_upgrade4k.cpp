// get-4k-video answers, first and repeated POSTs and the callback shapes (core/veofollowups).
#include "fuzzinput.h"
#include "veofollowups.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    const fuzz::Answer a = fuzz::answer(data, size);
    const QString child = QStringLiteral("veo_task_fuzz0001:4k:0");
    const RecordInfoResult result = parse4kAnswer(a.httpStatus, a.body, child, a.retryAfter);
    fuzz::checkError(result.error);
    fuzz::check(result.record.taskId == child, "the answer is the child's");
    fuzz::check((result.record.status == TaskStatus::Succeeded) ==
                    !result.record.resultUrls.isEmpty(),
                "a 4K video is ready exactly when it has a URL");
    return 0;
}
