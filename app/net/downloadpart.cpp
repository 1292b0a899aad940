#include "downloadpart.h"

#include "jsonvalues.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cerrno>

namespace veo {
namespace {
constexpr qint64 MaxMetaBytes = 64 * 1024;
} // namespace

PartMeta readPartMeta(const QString &path)
{
    PartMeta meta;
    QFile file(path);
    if (file.size() > MaxMetaBytes || !file.open(QIODevice::ReadOnly)) {
        return meta;
    }
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    meta.url = o.value(QLatin1String("url")).toString();
    meta.etag = o.value(QLatin1String("etag")).toString().toLatin1();
    meta.lastModified = o.value(QLatin1String("lastModified")).toString().toLatin1();
    // Not a plain cast: a double out of qint64's range (1e300) would make it undefined.
    meta.total =
        std::max<qint64>(json::toInteger(o.value(QLatin1String("total"))).value_or(-1), -1);
    return meta;
}

bool writePartMeta(const QString &path, const PartMeta &meta, QString *error, int *savedErrno)
{
    const QJsonObject o{{QStringLiteral("url"), meta.url},
                        {QStringLiteral("etag"), QString::fromLatin1(meta.etag)},
                        {QStringLiteral("lastModified"), QString::fromLatin1(meta.lastModified)},
                        {QStringLiteral("total"), double(meta.total)}};
    // No QSaveFile: its fsync can take seconds on a disk busy writing the video, and nothing
    // needs this file to survive a power cut. A torn file does not parse, and an unreadable
    // one only means that the .part is started over; it is never trusted wrongly.
    QFile file(path);
    errno = 0;
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size() ||
        !file.flush()) {
        *savedErrno = errno;
        *error = file.errorString();
        return false;
    }
    return true;
}

ContentRange parseContentRange(const QByteArray &header)
{
    ContentRange r;
    if (!header.startsWith("bytes ")) {
        return r;
    }
    const QByteArray spec = header.mid(6).trimmed();
    const qsizetype slash = spec.indexOf('/');
    if (slash < 0) {
        return r;
    }
    const QByteArray span = spec.left(slash);
    const QByteArray total = spec.mid(slash + 1);
    bool ok = true;
    if (total != "*") {
        r.total = total.toLongLong(&ok);
        if (!ok || r.total < 0) {
            return r;
        }
    }
    if (span != "*") {
        const qsizetype dash = span.indexOf('-');
        r.first = dash < 0 ? -1 : span.left(dash).toLongLong(&ok);
        if (!ok || dash < 0 || r.first < 0) {
            return r;
        }
    }
    r.ok = true;
    return r;
}

} // namespace veo
