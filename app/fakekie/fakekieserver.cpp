#include "fakekieserver.h"

#include "httpwire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

namespace veo {
namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024;
// Room for the upload tests' 20 MiB image and its multipart framing.
constexpr qint64 MaxRequestBodyBytes = 64 * 1024 * 1024;

const QByteArray RecordInfoPath = QByteArrayLiteral("/api/v1/veo/record-info");
const QByteArray CreditPath = QByteArrayLiteral("/api/v1/chat/credit");
const QByteArray DownloadUrlPath = QByteArrayLiteral("/api/v1/common/download-url");
const QByteArray UploadPath = QByteArrayLiteral("/api/file-stream-upload");
const QByteArray DownloadAliasPrefix = QByteArrayLiteral("/dl");

// QJsonDocument serialises only arrays and objects: wrap in an array and strip the brackets.
QByteArray jsonValue(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QJsonValue urlList(const QStringList &urls)
{
    return urls.isEmpty() ? QJsonValue(QJsonValue::Null)
                          : QJsonValue(QJsonArray::fromStringList(urls));
}

bool hasHeader(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    return std::any_of(headers.cbegin(), headers.cend(), [&name](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

FakeKieServer::Response json(int status, const QByteArray &body)
{
    FakeKieServer::Response r;
    r.httpStatus = status;
    r.body = body;
    return r;
}

FakeKieServer::Response plain(int status, const QByteArray &body)
{
    FakeKieServer::Response r = json(status, body);
    r.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
    return r;
}

} // namespace

FakeKieServer::FakeKieServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeKieServer::onNewConnection);
    m_clock.start();
}

FakeKieServer::~FakeKieServer()
{
    // Sockets are children of m_server; detach them from us before members go away.
    const auto sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
    }
    m_server->close();
}

bool FakeKieServer::listen(const QHostAddress &address, quint16 port)
{
    m_clock.restart();
    return m_server->listen(address, port);
}

QUrl FakeKieServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_server->serverAddress().toString());
    url.setPort(m_server->serverPort());
    return url;
}

void FakeKieServer::setScript(const QString &taskId, const QList<Response> &steps)
{
    m_scripts.insert(taskId, Script{steps, 0, -1});
}

void FakeKieServer::setRouteScript(const QByteArray &path, const QList<Response> &steps)
{
    if (steps.isEmpty()) {
        m_routes.remove(path);
    } else {
        m_routes.insert(path, Script{steps, 0, -1});
    }
}

void FakeKieServer::setValidKeys(const QStringList &keys)
{
    m_validKeys = keys;
}

void FakeKieServer::setCredits(const QString &key, qint64 credits)
{
    m_credits.insert(key, credits);
}

qint64 FakeKieServer::credits(const QString &key) const
{
    return m_credits.value(key, m_credits.value(QString(), 0));
}

void FakeKieServer::setTaskOwner(const QString &taskId, const QString &key)
{
    m_owners.insert(taskId, key);
}

void FakeKieServer::setKeyResponses(const QString &key, const QList<Response> &responses)
{
    m_keyResponses.insert(key, responses);
}

void FakeKieServer::addFile(const QString &path, const QByteArray &data,
                            const QByteArray &contentType)
{
    m_files.insert(path, File{data, contentType, {}});
}

void FakeKieServer::setRangeSupport(bool on)
{
    m_rangeSupport = on;
}

QList<FakeKieServer::Request> FakeKieServer::requestsFor(const QString &taskId) const
{
    QList<Request> result;
    for (const Request &r : m_requests) {
        if (r.path == RecordInfoPath &&
            r.query.queryItemValue(QStringLiteral("taskId"), QUrl::FullyDecoded) == taskId) {
            result.append(r);
        }
    }
    return result;
}

// --- connection handling ---------------------------------------------------------------

void FakeKieServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_connections.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { pumpStream(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeKieServer::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return;
    }
    it->buffer += socket->readAll();
    processBuffer(socket);
}

void FakeKieServer::processBuffer(QTcpSocket *socket)
{
    for (;;) {
        auto it = m_connections.find(socket);
        if (it == m_connections.end() || it->busy) {
            return;
        }
        QByteArray &buffer = it->buffer;
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (buffer.size() > MaxHeaderBytes) {
                it->busy = true;
                writeResponse(socket, plain(431, "header too large\n"), false, false);
            }
            return;
        }
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        Request request;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0) {
                const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
                const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
                QByteArray &slot = request.headers[name];
                slot = slot.isEmpty() ? value : slot + ", " + value;
            }
        }
        bool lengthOk = true;
        const QByteArray lengthHeader = request.headers.value("content-length", "0");
        const qint64 length = lengthHeader.toLongLong(&lengthOk);
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.") || !lengthOk ||
            length < 0 || length > MaxRequestBodyBytes ||
            request.headers.contains("transfer-encoding")) {
            it->busy = true;
            writeResponse(socket, plain(400, "bad request\n"), false, false);
            return;
        }
        if (buffer.size() < headerEnd + 4 + length) {
            return; // wait for the rest of the body
        }
        request.method = requestLine.at(0);
        const QByteArray &target = requestLine.at(1);
        const qsizetype question = target.indexOf('?');
        request.path = question < 0 ? target : target.left(question);
        if (question >= 0) {
            // Decode like common servers do (form encoding): '+' means a space.
            QByteArray rawQuery = target.mid(question + 1);
            request.query = QUrlQuery(QString::fromLatin1(rawQuery.replace('+', "%20")));
        }
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        request.localAddress = socket->localAddress();
        request.atMs = m_clock.elapsed();
        const QByteArray connection = request.headers.value("connection").toLower();
        const bool keepAlive = requestLine.at(2) == "HTTP/1.1" ? !connection.contains("close")
                                                               : connection.contains("keep-alive");
        const bool headOnly = request.method == "HEAD";
        m_requests.append(request);

        if (const QString file = filePathFor(request); !file.isEmpty()) {
            if (!serveFile(socket, request, file, keepAlive, headOnly)) {
                return; // streaming (continues by itself) or closed
            }
            continue;
        }
        const Response response = answer(request);
        if (response.fault == Response::Fault::NeverAnswer) {
            it->busy = true; // hold the socket open until the client gives up
            return;
        }
        if (response.delayMs > 0) {
            it->busy = true;
            QTimer::singleShot(response.delayMs, socket,
                               [this, socket, response, keepAlive, headOnly] {
                                   const auto conn = m_connections.find(socket);
                                   if (conn == m_connections.end()) {
                                       return;
                                   }
                                   conn->busy = false;
                                   if (writeResponse(socket, response, keepAlive, headOnly)) {
                                       processBuffer(socket);
                                   }
                               });
            return;
        }
        if (!writeResponse(socket, response, keepAlive, headOnly)) {
            return;
        }
    }
}

bool FakeKieServer::writeResponse(QTcpSocket *socket, const Response &response, bool keepAlive,
                                  bool headOnly)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return false;
    }
    if (response.fault == Response::Fault::DropConnection) {
        it->busy = true;
        socket->abort(); // may emit disconnected() right here: do not touch `it` afterwards
        return false;
    }
    const bool truncate = response.fault == Response::Fault::TruncateBody;
    const bool closeAfter = !keepAlive || truncate;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.httpStatus) + ' ' +
                     httpwire::reasonPhrase(response.httpStatus) + "\r\n";
    if (!hasHeader(response.headers, "Content-Type")) {
        out += response.body.startsWith('<') ? "Content-Type: text/html; charset=utf-8\r\n"
                                             : "Content-Type: application/json\r\n";
    }
    // A script may bring its own framing, e.g. a hand-made chunked body.
    if (!hasHeader(response.headers, "Content-Length") &&
        !hasHeader(response.headers, "Transfer-Encoding")) {
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    out += closeAfter ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    for (const auto &[name, value] : response.headers) {
        out += name + ": " + value + "\r\n";
    }
    out += "\r\n";
    if (!headOnly) {
        out += truncate ? response.body.left(response.body.size() / 2) : response.body;
    }
    if (closeAfter) {
        it->busy = true;
    }
    socket->write(out);
    if (closeAfter) {
        socket->disconnectFromHost(); // flushes what was written, then closes
    }
    return !closeAfter;
}

// --- answers -----------------------------------------------------------------------------

FakeKieServer::Response FakeKieServer::nextStep(Script &script, qint64 nowMs)
{
    if (script.firstMs < 0) {
        script.firstMs = nowMs;
    }
    const QList<Response> &steps = script.steps;
    const bool timeDriven =
        std::any_of(steps.cbegin(), steps.cend(), [](const Response &r) { return r.afterMs > 0; });
    qsizetype index = 0;
    if (timeDriven) {
        const qint64 elapsed = nowMs - script.firstMs;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            if (steps.at(i).afterMs <= elapsed) {
                index = i;
            }
        }
    } else {
        index = std::min<qsizetype>(script.served, steps.size() - 1);
    }
    ++script.served;
    return steps.at(index);
}

FakeKieServer::Response FakeKieServer::answer(const Request &request)
{
    const auto route = m_routes.find(request.path);
    if (route != m_routes.end()) {
        if (Response step = nextStep(*route, request.atMs); !step.builtIn) {
            return step;
        }
    }
    const QString decodedPath = QString::fromUtf8(QByteArray::fromPercentEncoding(request.path));
    QString filePath;
    if (m_files.contains(decodedPath)) {
        filePath = decodedPath;
    } else if (request.path.startsWith(QByteArray(DownloadAliasPrefix + "/")) &&
               m_files.contains(decodedPath.mid(DownloadAliasPrefix.size()))) {
        filePath = decodedPath.mid(DownloadAliasPrefix.size());
    }
    if (!filePath.isEmpty()) {
        return plain(405, "method not allowed\n"); // GET and HEAD went to serveFile()
    }
    return answerApi(request);
}

FakeKieServer::Response FakeKieServer::answerApi(const Request &request)
{
    const bool followUp = isFollowUpPath(request.path);
    const bool upload = request.path == UploadPath;
    const bool known = request.path == RecordInfoPath || request.path == CreditPath ||
                       request.path == DownloadUrlPath || followUp || upload;
    if (!known) {
        return kieError(404, QStringLiteral("Not Found"), 404);
    }
    const QByteArray expectedMethod = followUp ? followUpMethod(request.path)
                                      : request.path == DownloadUrlPath || upload ? "POST"
                                                                                  : "GET";
    if (request.method != expectedMethod) {
        return kieError(405,
                        QStringLiteral("Request method '%1' is not supported")
                            .arg(QString::fromLatin1(request.method)),
                        405);
    }
    const QByteArray authorization = request.headers.value("authorization");
    const QString key = authorization.startsWith("Bearer ")
                            ? QString::fromUtf8(authorization.mid(7)).trimmed()
                            : QString();
    if (!m_validKeys.isEmpty() && (key.isEmpty() || !m_validKeys.contains(key))) {
        return kieError(401, QStringLiteral("You do not have access permissions"));
    }
    if (auto queued = m_keyResponses.find(key);
        queued != m_keyResponses.end() && !queued->isEmpty()) {
        return queued->takeFirst();
    }

    if (followUp) {
        return answerFollowUp(request, key);
    }
    if (upload) {
        return answerUpload(request, key);
    }
    if (request.path == RecordInfoPath) {
        const QString taskId =
            request.query.queryItemValue(QStringLiteral("taskId"), QUrl::FullyDecoded);
        if (taskId.isEmpty()) {
            return kieError(422, QStringLiteral("taskId cannot be empty"));
        }
        const auto script = m_scripts.find(taskId);
        const auto owner = m_owners.constFind(taskId);
        if (script == m_scripts.end() || script->steps.isEmpty() ||
            (owner != m_owners.cend() && owner.value() != key)) {
            return kieError(422, QStringLiteral("record is null."));
        }
        Response step = nextStep(*script, request.atMs);
        settleCharge(taskId, step);
        return step;
    }
    if (request.path == CreditPath) {
        return json(200,
                    envelope(200, QStringLiteral("success"), QByteArray::number(credits(key))));
    }
    // download-url
    const QJsonValue url =
        QJsonDocument::fromJson(request.body).object().value(QLatin1String("url"));
    const QUrl fileUrl(url.toString(), QUrl::StrictMode);
    if (!url.isString() || !fileUrl.isValid() || fileUrl.path().isEmpty()) {
        return kieError(422, QStringLiteral("url is required"));
    }
    QUrl link = baseUrl();
    link.setPath(QString::fromLatin1(DownloadAliasPrefix) + fileUrl.path());
    link.setQuery(QStringLiteral("expires=1200"));
    return json(200, envelope(200, QStringLiteral("success"),
                              jsonValue(link.toString(QUrl::FullyEncoded))));
}

// --- body builders -----------------------------------------------------------------------

QByteArray FakeKieServer::recordBody(const Record &record)
{
    QJsonObject param{{QStringLiteral("prompt"), record.prompt},
                      {QStringLiteral("model"), record.model},
                      {QStringLiteral("aspect_ratio"), record.aspectRatio},
                      {QStringLiteral("enableTranslation"), true},
                      {QStringLiteral("waterMark"), QString()}};
    QJsonValue response(QJsonValue::Null);
    if (record.successFlag == 1 || !record.resultUrls.isEmpty()) {
        response = QJsonObject{
            {QStringLiteral("taskId"), record.taskId},
            {QStringLiteral("resultUrls"), urlList(record.resultUrls)},
            {QStringLiteral("originUrls"), urlList(record.originUrls)},
            {QStringLiteral("fullResultUrls"), urlList(record.fullResultUrls)},
            {QStringLiteral("resolution"),
             record.resolution.isEmpty() ? QStringLiteral("720p") : record.resolution},
        };
    }
    const qint64 created =
        record.createTimeMs > 0 ? record.createTimeMs : QDateTime::currentMSecsSinceEpoch();
    const QJsonObject data{
        {QStringLiteral("taskId"), record.taskId},
        {QStringLiteral("paramJson"),
         QString::fromUtf8(QJsonDocument(param).toJson(QJsonDocument::Compact))},
        {QStringLiteral("completeTime"),
         record.completeTimeMs == Record::AtCreation ? QJsonValue(QLatin1String(CompletedMarker))
         : record.completeTimeMs > 0                 ? QJsonValue(record.completeTimeMs)
                                                     : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("response"), response},
        {QStringLiteral("successFlag"), record.successFlag},
        {QStringLiteral("errorCode"), record.errorCode.isValid()
                                          ? QJsonValue(record.errorCode.toInt())
                                          : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("errorMessage"), record.errorMessage.isEmpty()
                                             ? QJsonValue(QJsonValue::Null)
                                             : QJsonValue(record.errorMessage)},
        {QStringLiteral("createTime"), record.createTimeMs == Record::AtCreation
                                           ? QJsonValue(QLatin1String(CreatedMarker))
                                           : QJsonValue(created)},
        {QStringLiteral("fallbackFlag"), false},
    };
    return QJsonDocument(data).toJson(QJsonDocument::Compact);
}

QByteArray FakeKieServer::envelope(int code, const QString &msg, const QByteArray &dataJson)
{
    // Built by hand so that data can be any JSON value (a bare int or string too).
    return R"({"code":)" + QByteArray::number(code) + R"(,"msg":)" + jsonValue(msg) +
           R"(,"data":)" + (dataJson.isEmpty() ? QByteArray("null") : dataJson) + '}';
}

FakeKieServer::Response FakeKieServer::ok(const Record &record)
{
    return json(200, envelope(200, QStringLiteral("success"), recordBody(record)));
}

FakeKieServer::Response FakeKieServer::kieError(int code, const QString &msg, int httpStatus)
{
    return json(httpStatus, envelope(code, msg));
}

FakeKieServer::Response FakeKieServer::builtInAnswer()
{
    Response r;
    r.builtIn = true;
    return r;
}

} // namespace veo
