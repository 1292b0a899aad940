// FakeKieServer's file-upload endpoint (kie-api.md §5.3, the stream upload): a multipart form
// with the file, uploadPath and fileName; the file is then served like addFile()'s.
#include "fakekieserver.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace veo {
namespace {

struct FormPart
{
    QByteArray name;
    QByteArray fileName;
    QByteArray contentType;
    QByteArray body;
};

QByteArray headerParameter(const QByteArray &header, const QByteArray &parameter)
{
    for (const QByteArray &piece : header.split(';')) {
        const QByteArray item = piece.trimmed();
        if (item.startsWith(QByteArray(parameter + '='))) {
            QByteArray value = item.mid(parameter.size() + 1);
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"')) {
                value = value.mid(1, value.size() - 2);
            }
            return value;
        }
    }
    return {};
}

// multipart/form-data (RFC 7578) as QHttpMultiPart and curl write it; nullopt when malformed.
std::optional<QList<FormPart>> parseForm(const QByteArray &contentType, const QByteArray &body)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data")) {
        return std::nullopt;
    }
    const QByteArray boundary = headerParameter(contentType, "boundary");
    if (boundary.isEmpty()) {
        return std::nullopt;
    }
    const QByteArray delimiter = "--" + boundary;
    qsizetype at = body.indexOf(delimiter);
    if (at < 0) {
        return std::nullopt;
    }
    QList<FormPart> parts;
    for (;;) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--") {
            return parts; // the closing delimiter
        }
        if (body.mid(at, 2) != "\r\n") {
            return std::nullopt;
        }
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", at);
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), at);
        if (headersEnd < 0 || next < 0 || headersEnd > next) {
            return std::nullopt;
        }
        FormPart part;
        for (const QByteArray &line : body.mid(at + 2, headersEnd - at - 2).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                part.name = headerParameter(value, "name");
                part.fileName = headerParameter(value, "filename");
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        part.body = body.mid(headersEnd + 4, next - headersEnd - 4);
        parts.append(part);
        at = next + 2;
    }
}

} // namespace

FakeKieServer::Response FakeKieServer::answerUpload(const Request &request, const QString &key)
{
    const auto form = parseForm(request.headers.value("content-type"), request.body);
    if (!form) {
        return kieError(400, QStringLiteral("Request must be multipart/form-data"), 400);
    }
    QByteArray folder;
    QByteArray fileName;
    const FormPart *file = nullptr;
    for (const FormPart &part : *form) {
        if (part.name == "uploadPath") {
            folder = part.body;
        } else if (part.name == "fileName") {
            fileName = part.body;
        } else if (part.name == "file") {
            file = &part;
        }
    }
    if (file == nullptr || file->body.isEmpty()) {
        return kieError(400, QStringLiteral("file is required"), 400);
    }
    if (folder.isEmpty()) {
        return kieError(400, QStringLiteral("uploadPath is required"), 400);
    }
    if (fileName.isEmpty()) {
        fileName = file->fileName.isEmpty() ? QByteArray("upload") : file->fileName;
    }
    Upload upload;
    upload.key = key;
    upload.folder = QString::fromUtf8(folder);
    upload.fileName = QString::fromUtf8(fileName);
    upload.contentType = file->contentType;
    upload.size = file->body.size();
    upload.sha256 = QCryptographicHash::hash(file->body, QCryptographicHash::Sha256);
    const QString path = QStringLiteral("/uploads/") + upload.folder + QLatin1Char('/') +
                         upload.fileName;
    upload.url = baseUrl();
    upload.url.setPath(path);
    addFile(path, file->body, file->contentType); // an identical name overwrites, as at KIE's
    m_uploads.append(upload);

    // The stream page's fields (kie-api.md §5.3); clients rely on downloadUrl only.
    const QJsonObject data{
        {QStringLiteral("fileName"), upload.fileName},
        {QStringLiteral("filePath"), QString(upload.folder + QLatin1Char('/') + upload.fileName)},
        {QStringLiteral("downloadUrl"), upload.url.toString(QUrl::FullyEncoded)},
        {QStringLiteral("fileSize"), double(upload.size)},
        {QStringLiteral("mimeType"), QString::fromLatin1(upload.contentType)},
        {QStringLiteral("uploadedAt"), QStringLiteral("2026-12-06T10:00:00.000Z")},
    };
    const QJsonObject answer{
        {QStringLiteral("success"), true},
        {QStringLiteral("code"), 200},
        {QStringLiteral("msg"), QStringLiteral("File uploaded successfully")},
        {QStringLiteral("data"), data},
    };
    Response response;
    response.body = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    return response;
}

} // namespace veo
