#pragma once

#include "apierror.h"
#include "apirequest.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>
#include <chrono>
#include <functional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace veo {

// Owns the one QNetworkAccessManager. Sends the Authorization header only to the API base's
// origin (requests are built from the base, redirects to other origins are not followed);
// every request has a transfer timeout (and three of them for the whole answer, so that a
// peer trickling bytes cannot hold it forever); bodies over maxBodyBytes are aborted (TooLarge).
// Callbacks run later on the client's thread, exactly once per request, never inside the
// call that started it; after cancelAll() (or destruction) they are not called at all.
// An empty token fails with NoKey without a request; an API base that checkApiBase() refuses
// fails every request with InsecureBase.
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

    using AnswerCallback = std::function<void(const HttpAnswer &)>;
    using CreditsCallback = std::function<void(const ApiError &, qint64 credits)>;
    using DownloadUrlCallback = std::function<void(const ApiError &, const QUrl &url)>;

    // Any request to the API origin (the task kinds' status requests: see StatusSource). The
    // token goes into the Authorization header only.
    void send(const ApiRequest &request, const QString &token, AnswerCallback done);
    // GET /api/v1/chat/credit
    void credits(const QString &token, CreditsCallback done);
    // POST /api/v1/common/download-url  {"url": ...}
    void downloadUrl(const QUrl &fileUrl, const QString &token, DownloadUrlCallback done);

    // The credits and download-url requests and their answers, for callers that send through
    // a scheduler (send()) instead of credits() and downloadUrl().
    static ApiRequest creditsRequest();
    static std::pair<ApiError, qint64> parseCredits(const HttpAnswer &answer);
    static ApiRequest downloadUrlRequest(const QUrl &fileUrl);
    static std::pair<ApiError, QUrl> parseDownloadUrl(const HttpAnswer &answer);

    // Shared with the other requests that carry the token (ImageUpload): printable ASCII
    // only (no header injection); the headers and policies every authorized request has
    // (same-origin redirects only, no cache, no cookies); the answer read from a finished
    // reply with its network errors classified.
    static bool isSendableToken(const QString &token);
    static QNetworkRequest authorizedRequest(const QUrl &url, const QString &token,
                                             std::chrono::milliseconds transferTimeout);
    static HttpAnswer answerOf(QNetworkReply *reply, bool tooLarge, qint64 maxBody);

    int inFlight() const { return m_inFlight; }
    // Aborts every outstanding request; their callbacks are dropped (not called) and
    // inFlight() drops to 0. Callers that track requests must reset their own state.
    void cancelAll();

Q_SIGNALS:
    void inFlightChanged(int count);

private:
    void failLater(const ApiError &error, AnswerCallback done);
    void finish(QNetworkReply *reply, bool tooLarge, const AnswerCallback &done);
    void setInFlight(int count);

    QNetworkAccessManager *m_nam;
    QUrl m_base;
    QString m_baseError; // non-empty when checkApiBase() refused the base
    QSet<QNetworkReply *> m_pending;
    quint64 m_generation = 0; // bumped by cancelAll(); queued callbacks of older ones are dropped
    std::chrono::milliseconds m_timeout{20000};
    qint64 m_maxBody = DefaultMaxBodyBytes;
    int m_inFlight = 0;
};

} // namespace veo
