// The answer of a create request, extend or generate: {"data": {"taskId": ...}}
// (core/veofollowups parseCreatedTask).
#include "fuzzinput.h"
#include "taskidparser.h"
#include "veofollowups.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    const fuzz::Answer a = fuzz::answer(data, size);
    const CreatedTask created = parseCreatedTask(a.httpStatus, a.body, a.retryAfter);
    fuzz::checkError(created.error);
    fuzz::check(created.error.isError() != isValidTaskId(created.taskId),
                "a created task has a valid ID, an error none");
    return 0;
}
