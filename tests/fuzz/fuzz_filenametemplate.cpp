// The download file-name template (core/filenametemplate): the user's template and the
// server's prompt, model and task ID. Input lines: template, prompt, task ID, model.
#include "filenametemplate.h"
#include "fuzzinput.h"

namespace {

bool isSafeName(const QString &name)
{
    using veo::FileNameTemplate;
    if (name.isEmpty() || FileNameTemplate::utf8Size(name) > FileNameTemplate::MaxFileNameBytes) {
        return false;
    }
    if (name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char(' ')) ||
        name.endsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char(' '))) {
        return false;
    }
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control || QStringView(u"<>:\"/\\|?*").contains(c)) {
            return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const QStringList lines = text.split(QLatin1Char('\n'));
    const auto line = [&lines](qsizetype i) { return lines.value(i); };

    FileNameFields fields;
    fields.created = QDateTime(QDate(2025, 6, 6), QTime(10, 30), Qt::UTC);
    fields.completed = fields.created.addSecs(200);
    fields.prompt = line(1);
    fields.taskId = line(2);
    fields.model = line(3);
    fields.resolution = QStringLiteral("1080p");
    fields.kind = QStringLiteral("result");
    fields.index = 2;
    fields.ext = QStringLiteral("mp4");

    const QString pattern = line(0);
    const QString error = FileNameTemplate::validate(pattern);
    const QString name = FileNameTemplate::fileName(pattern, fields);
    fuzz::check(isSafeName(name), "a template gives a safe file name");
    const FileNameTemplate::Preview preview = FileNameTemplate::preview(pattern, fields.created);
    fuzz::check(preview.error == error && preview.fileName.isEmpty() == !error.isEmpty(),
                "the preview shows the template's error or its name");
    fuzz::check(isSafeName(FileNameTemplate::makeSafe(text)), "any text can be made safe");
    const QString cut = FileNameTemplate::cutToBytes(text, int(size % 64));
    fuzz::check(text.startsWith(cut) && FileNameTemplate::utf8Size(cut) <= int(size % 64),
                "a cut is a prefix that fits");
    return 0;
}
