#pragma once

#include <QByteArray>
#include <QString>

namespace veo {

// What the server said about the bytes in "<final>.part", kept beside it in
// "<final>.part.json" so that a later attempt (or a later run) can resume with Range and
// If-Range, and can tell when the file on the server changed.
struct PartMeta
{
    QString url;
    QByteArray etag;
    QByteArray lastModified;
    qint64 total = -1; // -1 while unknown

    // Enough to judge the .part by: without any of these its bytes cannot be trusted.
    bool isUsable() const { return !etag.isEmpty() || !lastModified.isEmpty() || total > 0; }
};

// An empty PartMeta when the file is missing, too large or not ours.
PartMeta readPartMeta(const QString &path);
// Writes the file (not fsynced); false with the system's words and errno otherwise.
bool writePartMeta(const QString &path, const PartMeta &meta, QString *error, int *savedErrno);

// "bytes 100-199/1000" (the total may be "*"), or "bytes */1000" as a 416 sends it.
struct ContentRange
{
    bool ok = false;
    qint64 first = -1; // -1 for "*"
    qint64 total = -1; // -1 for "*"
};
ContentRange parseContentRange(const QByteArray &header);

} // namespace veo
