// Pasted text, dropped text and command-line words as task IDs (core/taskidparser), and the
// upgrade child IDs "<parent>:1080p:<n>" that --check reads (core/veofollowups).
#include "fuzzinput.h"
#include "taskidparser.h"
#include "veofollowups.h"

#include <QSet>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const TaskIdParseResult result = parseTaskIds(text);
    for (const QString &id : result.ids) {
        fuzz::check(isValidTaskId(id), "every ID found is valid");
    }
    fuzz::check(QSet<QString>(result.ids.begin(), result.ids.end()).size() == result.ids.size(),
                "IDs are unique");
    if (const auto ref = parseUpgradeTaskId(text)) {
        fuzz::check(upgradeTaskId(ref->parentTaskId, ref->kind, ref->videoIndex) == text,
                    "an upgrade ID reads back as written");
    }
    return 0;
}
