#pragma once

#include "apierror.h"
#include "apirequest.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <chrono>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace veo {

class KieClient;

// One image from disk sent to KIE's file-upload service (kie-api.md §5.3, the stream upload:
// multipart, recommended above 10 MB), whose answer gives the address a generation then names
// in imageUrls. The file is streamed from disk, never read into memory. The token goes in the
// Authorization header to the upload origin only (uploadOrigin(): KIE's upload host, or the
// API origin itself when that is not KIE's, as for the demo and the tests); redirects to
// another origin are not followed. Uploads are free, so a failed one may simply be started
// again. KIE deletes uploaded files after 3 days (some say 24 hours): upload shortly before
// generating.
class ImageUpload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageUpload)

public:
    // The file is checked and opened by start(), not here.
    ImageUpload(QNetworkAccessManager *network, const QUrl &uploadOrigin, const QString &token,
                const QString &filePath, QObject *parent = nullptr);
    ~ImageUpload() override;
    // Through the client's connections, to the upload origin of its API base.
    static ImageUpload *create(const KieClient &client, const QString &token,
                               const QString &filePath, QObject *parent);

    // Where images go for an API base: KIE's upload host for KIE's API, the same origin for
    // any other (a test or demo server answers both).
    static QUrl uploadOrigin(const QUrl &apiBase);
    static constexpr auto KieUploadOrigin = "https://kieai.redpandaai.co";
    static constexpr auto StreamUploadPath = "/api/file-stream-upload";
    // The folder on KIE's side (the uploadPath field).
    static constexpr auto UploadFolder = "veo-tracker";
    // The images Veo takes; anything else is refused before sending.
    static bool isSupportedImage(const QString &mimeType);

    // Without progress for this long (sending or waiting for the answer), the upload fails.
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    QString filePath() const { return m_filePath; }
    // Checks the file (readable, an image) and starts sending; problems arrive as finished().
    void start();
    // Stops; finished() is not emitted any more.
    void abort();
    bool isRunning() const { return !m_reply.isNull(); }

    // The answer: the file's address (data.downloadUrl), or why there is none.
    static std::pair<ApiError, QUrl> parseAnswer(const HttpAnswer &answer);

Q_SIGNALS:
    void progress(qint64 sent, qint64 total);
    // Exactly once per start() unless aborted, never inside start(). problem is empty on
    // success, else one translated message naming the file: what happened, what to do.
    void finished(const QString &problem, const QUrl &url);

private:
    void failLater(const QString &problem);
    QString describe(const ApiError &error) const;
    void onFinished();

    QNetworkAccessManager *m_network;
    QUrl m_origin;
    QString m_token;
    QString m_filePath;
    QPointer<QNetworkReply> m_reply;
    quint64 m_run = 0; // bumped by abort()
    std::chrono::milliseconds m_timeout{60000};
};

} // namespace veo
