// record-info answers (core/recordinfoparser), and what the app does next with the record:
// its videos and their file names.
#include "filenametemplate.h"
#include "fuzzinput.h"
#include "mediasources.h"
#include "recordinfoparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    const fuzz::Answer a = fuzz::answer(data, size);
    const QString requested = QStringLiteral("veo_task_fuzz0001");
    const RecordInfoResult result = parseRecordInfo(a.httpStatus, a.body, requested, a.retryAfter);
    fuzz::checkError(result.error);
    fuzz::check(!result.record.taskId.isEmpty(), "a record has a task ID");
    if (result.error.isError()) {
        fuzz::check(result.record.taskId == requested && result.record.resultUrls.isEmpty(),
                    "an unusable answer gives no record");
        return 0;
    }
    for (const MediaSource &source : mediaSources(result.record)) {
        const QString name = FileNameTemplate::fileName(FileNameTemplate::defaultTemplate(),
                                                        fileNameFields(result.record, source));
        fuzz::check(!name.isEmpty() &&
                        FileNameTemplate::utf8Size(name) <= FileNameTemplate::MaxFileNameBytes,
                    "a video's file name is short and not empty");
    }
    return 0;
}
