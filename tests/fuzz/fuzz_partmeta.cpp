// "<video>.part.json", the resume state of a download read back from disk (net/downloadpart):
// a torn write, another program or a hand edit can leave anything there.
#include "downloadpart.h"
#include "fuzzinput.h"

#include <QFile>
#include <QTemporaryDir>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    static const QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("video.mp4.part.json"));
    QFile file(path);
    fuzz::check(file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                    file.write(fuzz::bytes(data, size)) == qint64(size),
                "the input is written");
    file.close();
    const PartMeta meta = readPartMeta(path);
    fuzz::check(meta.total >= -1, "the total is known or -1");
    return 0;
}
