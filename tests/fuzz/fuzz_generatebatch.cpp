// A batch file (core/generatebatch): CSV or JSON from the user's disk. Whatever it holds, every
// generation it yields can be sent as it is, and the batch never exceeds its limit.
#include "fuzzinput.h"
#include "generatebatch.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    const GenerateBatch batch = parseGenerateBatch(fuzz::bytes(data, size), GenerateOptions{});
    fuzz::check(batch.generations.size() <= MaxBatchSize, "a batch holds at most the limit");
    for (const GenerateOptions &options : batch.generations) {
        fuzz::check(generateOptionsProblem(options).isEmpty(), "every generation is sendable");
    }
    return 0;
}
