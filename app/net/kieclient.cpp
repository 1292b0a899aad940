#include "kieclient.h"

#include "apibase.h"
#include "recordinfoparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace veo {
namespace {

const QString CreditPath = QStringLiteral("/api/v1/chat/credit");
const QString DownloadUrlPath = QStringLiteral("/api/v1/common/download-url");
constexpr char DeadlineProperty[] = "veoDeadlinePassed";

ApiError makeError(ApiError::Kind kind, int httpStatus, const QString &message)
{
    ApiError e;
    e.kind = kind;
    e.code = httpStatus;
    e.httpStatus = httpStatus;
    e.serverMessage = message;
    return e;
}

ApiError badData(int httpStatus, const QString &what)
{
    ApiError e = makeError(ApiError::Kind::BadResponse, httpStatus, what);
    e.code = 200; // the envelope itself said success
    return e;
}

// Transport-level failures (connection refused/closed, DNS, TLS, proxy); HTTP status errors
// (4xx/5xx) are not among them and go to the envelope parser instead.
bool isTransportError(QNetworkReply::NetworkError error)
{
    const int code = int(error);
    return (code >= 1 && code < 100) || (code >= 101 && code < 200);
}

// A request body that can be read once: when Qt wants to send the request again by itself
// (a kept-alive connection closed before the answer), it cannot rewind this and fails the
// reply with ContentReSendError instead. For requests that create or charge.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(const QByteArray &data, QObject *parent) : QIODevice(parent), m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_read + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_read);
        std::copy_n(m_data.constData() + m_read, n, data);
        m_read += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
};

} // namespace

KieClient::KieClient(const QUrl &apiBase, QObject *parent)
    : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    const ApiBaseCheck check = checkApiBase(apiBase.toString());
    m_base = check.error.isEmpty() ? check.url : apiBase;
    m_baseError = check.error;
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

KieClient::~KieClient()
{
    // Replies die with m_nam; make sure none of them reaches a callback on the way.
    for (QNetworkReply *reply : std::as_const(m_pending)) {
        disconnect(reply, nullptr, this, nullptr);
    }
}

void KieClient::setTransferTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void KieClient::setMaxBodyBytes(qint64 bytes)
{
    m_maxBody = bytes;
}

ApiRequest KieClient::creditsRequest()
{
    ApiRequest request;
    request.path = CreditPath;
    return request;
}

std::pair<ApiError, qint64> KieClient::parseCredits(const HttpAnswer &answer)
{
    if (answer.networkError.isError()) {
        return {answer.networkError, 0};
    }
    const int status = answer.httpStatus;
    const Envelope envelope = parseEnvelope(status, answer.body, answer.retryAfter);
    if (envelope.error.isError()) {
        return {envelope.error, 0};
    }
    // A bare integer; anything else (string, fraction, null) is not what we know.
    const double value = envelope.data.toDouble(std::nan(""));
    constexpr double limit = double(std::numeric_limits<qint64>::max() / 2);
    if (!envelope.data.isDouble() || std::trunc(value) != value || std::abs(value) > limit) {
        return {badData(status, QStringLiteral("credits are not an integer")), 0};
    }
    return {ApiError{}, qint64(value)};
}

ApiRequest KieClient::downloadUrlRequest(const QUrl &fileUrl)
{
    ApiRequest request;
    request.verb = "POST";
    request.path = DownloadUrlPath;
    request.body =
        QJsonDocument(QJsonObject{{QStringLiteral("url"), fileUrl.toString(QUrl::FullyEncoded)}})
            .toJson(QJsonDocument::Compact);
    return request;
}

std::pair<ApiError, QUrl> KieClient::parseDownloadUrl(const HttpAnswer &answer)
{
    if (answer.networkError.isError()) {
        return {answer.networkError, {}};
    }
    const int status = answer.httpStatus;
    const Envelope envelope = parseEnvelope(status, answer.body, answer.retryAfter);
    if (envelope.error.isError()) {
        return {envelope.error, {}};
    }
    const QUrl url(envelope.data.toString(), QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!envelope.data.isString() || !url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        return {badData(status, QStringLiteral("download link is not an http(s) URL")), {}};
    }
    return {ApiError{}, url};
}

void KieClient::credits(const QString &token, CreditsCallback done)
{
    send(creditsRequest(), token, [done = std::move(done)](const HttpAnswer &answer) {
        const auto [error, credits] = parseCredits(answer);
        done(error, credits);
    });
}

void KieClient::downloadUrl(const QUrl &fileUrl, const QString &token, DownloadUrlCallback done)
{
    send(downloadUrlRequest(fileUrl), token, [done = std::move(done)](const HttpAnswer &answer) {
        const auto [error, url] = parseDownloadUrl(answer);
        done(error, url);
    });
}

void KieClient::cancelAll()
{
    ++m_generation; // drops queued local failures too
    const QSet<QNetworkReply *> replies = std::exchange(m_pending, {});
    for (QNetworkReply *reply : replies) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    setInFlight(0);
}

void KieClient::send(const ApiRequest &call, const QString &token, AnswerCallback done)
{
    if (!m_baseError.isEmpty()) {
        failLater(makeError(ApiError::Kind::InsecureBase, 0, m_baseError), std::move(done));
        return;
    }
    const QString key = token.trimmed();
    if (key.isEmpty()) {
        failLater(makeError(ApiError::Kind::NoKey, 0, {}), std::move(done));
        return;
    }
    if (!isSendableToken(key)) {
        failLater(makeError(ApiError::Kind::Unauthorized, 0,
                            QStringLiteral("the API key contains characters that cannot be sent")),
                  std::move(done));
        return;
    }

    // The URL is always the API base plus a fixed path: the token cannot be sent elsewhere.
    QUrl url = m_base;
    url.setPath(call.path);
    url.setQuery(call.query);
    if (!sameOrigin(url, m_base)) {
        Q_ASSERT_X(false, "KieClient::send", "request URL left the API origin");
        failLater(makeError(ApiError::Kind::InsecureBase, 0, {}), std::move(done));
        return;
    }
    QNetworkRequest request = authorizedRequest(url, key, m_timeout);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));

    QNetworkReply *reply = nullptr;
    if (call.verb == "POST" && call.sendOnce) {
        request.setHeader(QNetworkRequest::ContentLengthHeader, call.body.size());
        // Streamed from the device, not from a copy Qt keeps (and could send again).
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new OneShotBody(call.body, this);
        reply = m_nam->post(request, body);
        body->setParent(reply);
    } else {
        reply = call.verb == "POST" ? m_nam->post(request, call.body) : m_nam->get(request);
    }
    m_pending.insert(reply);
    setInFlight(m_inFlight + 1);

    // The transfer timeout restarts with every byte: a peer that trickles a byte now and then
    // would hold the request (and its slot on the request machine) for days. The whole answer
    // gets three transfer timeouts.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply] {
        reply->setProperty(DeadlineProperty, true);
        reply->abort(); // finished() follows, reporting Timeout
    });
    deadline->start(std::chrono::duration_cast<std::chrono::milliseconds>(
        std::min(m_timeout, std::chrono::milliseconds(std::numeric_limits<int>::max() / 3)) * 3));

    auto tooLarge = std::make_shared<bool>(false);
    const qint64 limit = m_maxBody;
    auto abortIfTooLarge = [reply, tooLarge, limit](qint64 size) {
        if (size > limit && !*tooLarge) {
            *tooLarge = true;
            reply->abort(); // finished() follows, reporting TooLarge
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, this, [reply, abortIfTooLarge] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid()) {
            abortIfTooLarge(length.toLongLong());
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [abortIfTooLarge](qint64 received, qint64) { abortIfTooLarge(received); });
    connect(reply, &QNetworkReply::readyRead, this,
            [reply, abortIfTooLarge] { abortIfTooLarge(reply->bytesAvailable()); });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, tooLarge, done = std::move(done)] { finish(reply, *tooLarge, done); });
}

void KieClient::failLater(const ApiError &error, AnswerCallback done)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation, error, done = std::move(done)] {
            if (generation == m_generation) {
                HttpAnswer answer;
                answer.networkError = error;
                done(answer);
            }
        },
        Qt::QueuedConnection);
}

void KieClient::finish(QNetworkReply *reply, bool tooLarge, const AnswerCallback &done)
{
    if (!m_pending.remove(reply)) {
        return;
    }
    reply->deleteLater();
    const HttpAnswer answer = answerOf(reply, tooLarge, m_maxBody);
    setInFlight(m_inFlight - 1);
    done(answer); // may delete this client: nothing after it
}

bool KieClient::isSendableToken(const QString &token)
{
    return std::all_of(token.cbegin(), token.cend(),
                       [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

QNetworkRequest KieClient::authorizedRequest(const QUrl &url, const QString &token,
                                             std::chrono::milliseconds transferTimeout)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("VeoTracker/" VEO_VERSION));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    request.setTransferTimeout(int(std::min<std::chrono::milliseconds::rep>(
        transferTimeout.count(), std::numeric_limits<int>::max())));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    return request;
}

HttpAnswer KieClient::answerOf(QNetworkReply *reply, bool tooLarge, qint64 maxBody)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray retryAfter = reply->rawHeader("Retry-After");
    const QNetworkReply::NetworkError error = reply->error();
    ApiError netError;
    QByteArray body;
    if (tooLarge) {
        netError = makeError(ApiError::Kind::TooLarge, status, {});
    } else if (error == QNetworkReply::OperationCanceledError ||
               error == QNetworkReply::TimeoutError) {
        // Our own aborts are TooLarge or cancelAll(); what is left is a timeout.
        netError = makeError(ApiError::Kind::Timeout, status,
                             reply->property(DeadlineProperty).toBool()
                                 ? QStringLiteral("the answer did not arrive in time")
                                 : reply->errorString());
    } else if (error == QNetworkReply::InsecureRedirectError ||
               error == QNetworkReply::TooManyRedirectsError) {
        netError = makeError(ApiError::Kind::Http, status, reply->errorString());
    } else if (error == QNetworkReply::ContentReSendError) {
        // A sendOnce request whose connection closed: it may have arrived, it is not resent.
        netError = makeError(ApiError::Kind::Network, 0,
                             QStringLiteral("the connection closed before KIE answered"));
    } else if (isTransportError(error)) {
        // With a status line already read, the connection broke inside the body.
        netError = status > 0 ? makeError(ApiError::Kind::BadResponse, status,
                                          QStringLiteral("the answer was cut off"))
                              : makeError(ApiError::Kind::Network, 0, reply->errorString());
    } else {
        body = reply->readAll();
        if (body.size() > maxBody) {
            netError = makeError(ApiError::Kind::TooLarge, status, {});
            body.clear();
        }
    }
    return {status, body, retryAfter, netError};
}

void KieClient::setInFlight(int count)
{
    if (count != m_inFlight) {
        m_inFlight = count;
        Q_EMIT inFlightChanged(count);
    }
}

} // namespace veo
