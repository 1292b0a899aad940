#include "imageupload.h"

#include "apibase.h"
#include "kieclient.h"
#include "recordinfoparser.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>
#include <memory>

namespace veo {
namespace {

// The answer is a small JSON envelope; anything larger is not one.
constexpr qint64 MaxAnswerBytes = 1024 * 1024;
constexpr char TooLargeProperty[] = "veoTooLarge";

// The name KIE stores the file under: an identical name overwrites an earlier upload (of this
// or any other program on the account), so it starts with a random part; the rest is the
// file's own name in characters that survive a multipart header and a URL unescaped.
QString uploadName(const QFileInfo &file)
{
    QString base = file.completeBaseName().left(60);
    for (QChar &c : base) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                           c == QLatin1Char('-') || c == QLatin1Char('_');
        if (!plain) {
            c = QLatin1Char('_');
        }
    }
    const QString suffix = file.suffix().toLower();
    const QString random = QUuid::createUuid().toString(QUuid::Id128).left(12);
    return random + QLatin1Char('-') + base + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
}

QHttpPart textPart(const QByteArray &name, const QByteArray &value)
{
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray("form-data; name=\"" + name + "\""));
    part.setBody(value);
    return part;
}

} // namespace

ImageUpload::ImageUpload(QNetworkAccessManager *network, const QUrl &uploadOrigin,
                         const QString &token, const QString &filePath, QObject *parent)
    : QObject(parent), m_network(network), m_origin(uploadOrigin), m_token(token.trimmed()),
      m_filePath(filePath)
{
}

ImageUpload::~ImageUpload()
{
    abort();
}

ImageUpload *ImageUpload::create(const KieClient &client, const QString &token,
                                 const QString &filePath, QObject *parent)
{
    return new ImageUpload(client.network(), uploadOrigin(client.apiBase()), token, filePath,
                           parent);
}

QUrl ImageUpload::uploadOrigin(const QUrl &apiBase)
{
    const QUrl kie(QString::fromLatin1(DefaultApiBase));
    return sameOrigin(apiBase, kie) ? QUrl(QString::fromLatin1(KieUploadOrigin)) : apiBase;
}

bool ImageUpload::isSupportedImage(const QString &mimeType)
{
    return mimeType == QLatin1String("image/jpeg") || mimeType == QLatin1String("image/png") ||
           mimeType == QLatin1String("image/webp");
}

void ImageUpload::start()
{
    abort();
    const QFileInfo info(m_filePath);
    const QString name = info.fileName();
    if (m_token.isEmpty() || !KieClient::isSendableToken(m_token)) {
        failLater(tr("Could not upload %1: no usable API key is selected. Add or choose a key, "
                     "then try again.")
                      .arg(name));
        return;
    }
    // The same check as every other request: https unless the host is this machine.
    if (!checkApiBase(m_origin.toString()).error.isEmpty()) {
        failLater(tr("Could not upload %1: refusing to send the API key to %2 over an "
                     "unencrypted connection.")
                      .arg(name, m_origin.toString()));
        return;
    }
    auto file = std::make_unique<QFile>(m_filePath);
    if (!info.isFile() || !file->open(QIODevice::ReadOnly)) {
        failLater(tr("Could not upload %1: the file cannot be read (%2). Check that it exists "
                     "and that you may read it.")
                      .arg(m_filePath, info.exists() && !info.isFile()
                                           ? tr("it is a folder")
                                           : file->errorString()));
        return;
    }
    if (file->size() == 0) {
        failLater(tr("Could not upload %1: the file is empty.").arg(name));
        return;
    }
    const QMimeType mime = QMimeDatabase().mimeTypeForData(file.get()); // by content, not by name
    if (!isSupportedImage(mime.name())) {
        failLater(tr("Could not upload %1: it is not a JPEG, PNG or WebP image (it looks like "
                     "%2). Veo takes those three.")
                      .arg(name, mime.comment()));
        return;
    }
    file->seek(0);

    const QString storedName = uploadName(info);
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    multipart->append(textPart("uploadPath", UploadFolder));
    multipart->append(textPart("fileName", storedName.toUtf8()));
    QHttpPart filePart;
    filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QByteArray("form-data; name=\"file\"; filename=\"" + storedName.toUtf8() +
                                  "\""));
    filePart.setHeader(QNetworkRequest::ContentTypeHeader, mime.name().toLatin1());
    // Read piece by piece while sending: the file is never held in memory.
    filePart.setBodyDevice(file.get());
    file.release()->setParent(multipart);
    multipart->append(filePart);

    QUrl url = m_origin;
    url.setPath(QString::fromLatin1(StreamUploadPath));
    QNetworkRequest request = KieClient::authorizedRequest(url, m_token, m_timeout);
    QNetworkReply *reply = m_network->post(request, multipart);
    multipart->setParent(reply);
    m_reply = reply;
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (total > 0) {
            Q_EMIT progress(sent, total);
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [reply] {
        if (reply->bytesAvailable() > MaxAnswerBytes) {
            reply->setProperty(TooLargeProperty, true);
            reply->abort(); // finished() follows
        }
    });
    connect(reply, &QNetworkReply::finished, this, &ImageUpload::onFinished);
}

void ImageUpload::abort()
{
    ++m_run; // drops a problem queued by start()
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply.clear();
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

void ImageUpload::onFinished()
{
    QNetworkReply *reply = m_reply.data();
    if (reply == nullptr) {
        return;
    }
    m_reply.clear();
    reply->deleteLater();
    const auto [error, url] = parseAnswer(
        KieClient::answerOf(reply, reply->property(TooLargeProperty).toBool(), MaxAnswerBytes));
    Q_EMIT finished(error.isError() ? describe(error) : QString(), url);
}

std::pair<ApiError, QUrl> ImageUpload::parseAnswer(const HttpAnswer &answer)
{
    if (answer.networkError.isError()) {
        return {answer.networkError, {}};
    }
    const Envelope envelope = parseEnvelope(answer.httpStatus, answer.body, answer.retryAfter);
    if (envelope.error.isError()) {
        return {envelope.error, {}};
    }
    // The two documented answers agree on data.downloadUrl only (kie-api.md §5.3).
    const QUrl url(envelope.data.toObject().value(QLatin1String("downloadUrl")).toString(),
                   QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        ApiError bad;
        bad.kind = ApiError::Kind::BadResponse;
        bad.code = 200;
        bad.httpStatus = answer.httpStatus;
        bad.serverMessage = QStringLiteral("no http(s) downloadUrl in the upload answer");
        return {bad, {}};
    }
    return {ApiError{}, url};
}

QString ImageUpload::describe(const ApiError &error) const
{
    return tr("Could not upload %1: %2 %3")
        .arg(QFileInfo(m_filePath).fileName(), error.text(), error.advice())
        .trimmed();
}

void ImageUpload::failLater(const QString &problem)
{
    QMetaObject::invokeMethod(
        this,
        [this, problem, run = m_run] {
            if (run == m_run) {
                Q_EMIT finished(problem, {});
            }
        },
        Qt::QueuedConnection);
}

} // namespace veo
