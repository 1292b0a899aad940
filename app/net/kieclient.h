#pragma once

#include "apierror.h"
#include "recordinfoparser.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace veo {

// Owns the one QNetworkAccessManager. Sends the Authorization header only to the API base's
// origin; every request has a transfer timeout; bodies over maxBodyBytes are aborted.
// Callbacks run on the client's thread once; a request can be abandoned with cancelAll().
class KieClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KieClient)

public:
    explicit KieClient(const QUrl &apiBase, QObject *parent = nullptr);
    ~KieClient() override;

    QUrl apiBase() const { return m_base; }
    QNetworkAccessManager *network() const { return m_nam; }
    void setTransferTimeout(std::chrono::milliseconds timeout);
    void setMaxBodyBytes(qint64 bytes);
    static constexpr qint64 DefaultMaxBodyBytes = 1024 * 1024;

    using RecordInfoCallback = std::function<void(const RecordInfoResult &)>;
    using CreditsCallback = std::function<void(const ApiError &, qint64 credits)>;
    using DownloadUrlCallback = std::function<void(const ApiError &, const QUrl &url)>;

    // GET /api/v1/veo/record-info?taskId=...  The token goes into the header only.
    void recordInfo(const QString &taskId, const QString &token, RecordInfoCallback done);
    // GET /api/v1/chat/credit
    void credits(const QString &token, CreditsCallback done);
    // POST /api/v1/common/download-url  {"url": ...}
    void downloadUrl(const QUrl &fileUrl, const QString &token, DownloadUrlCallback done);

    int inFlight() const { return m_inFlight; }
    void cancelAll();

Q_SIGNALS:
    void inFlightChanged(int count);

private:
    using RawCallback = std::function<void(int httpStatus, const QByteArray &body,
                                           const QByteArray &retryAfter, const ApiError &netError)>;
    void send(const QString &verb, const QUrl &url, const QString &token, const QByteArray &body,
              RawCallback done);

    QNetworkAccessManager *m_nam;
    QUrl m_base;
    std::chrono::milliseconds m_timeout{20000};
    qint64 m_maxBody = DefaultMaxBodyBytes;
    int m_inFlight = 0;
};

} // namespace veo
