#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>

class QTcpServer;
class QTcpSocket;

namespace veo {

// A small scripted KIE server on loopback (QTcpServer, HTTP/1.1). Used by the tests and by
// `veo-tracker --demo`; one implementation for both. Records every request it receives.
class FakeKieServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeKieServer)

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;  // without the query
        QUrlQuery query;
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
        QHostAddress localAddress; // which of our addresses was asked (127.0.0.1, 127.0.0.2...)
        qint64 atMs = 0;           // ms since the server started
    };

    struct Response
    {
        enum class Fault { None, DropConnection, TruncateBody, NeverAnswer };
        int httpStatus = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers; // e.g. {"Retry-After", "2"}
        int delayMs = 0;
        Fault fault = Fault::None;
        // For time-driven scripts (demo): this step becomes current once this many ms have
        // passed since the task's first request. 0 = advance per request instead.
        qint64 afterMs = 0;
    };

    explicit FakeKieServer(QObject *parent = nullptr);
    ~FakeKieServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QUrl baseUrl() const; // http://127.0.0.1:PORT

    // record-info answers for one task. Per-request steps are consumed in order, the last
    // one repeats; time-driven steps (afterMs > 0) are chosen by elapsed time. A task with
    // no script answers HTTP 200 {"code":422,"msg":"record is null."}.
    void setScript(const QString &taskId, const QList<Response> &steps);
    // Keys: empty = any bearer token is accepted; otherwise others get {"code":401}.
    void setValidKeys(const QStringList &keys);
    void setCredits(const QString &key, qint64 credits);
    // Static files (media), served on any path registered here, with Range support unless off.
    void addFile(const QString &path, const QByteArray &data, const QByteArray &contentType);
    void setRangeSupport(bool on);

    QList<Request> requests() const { return m_requests; }
    QList<Request> requestsFor(const QString &taskId) const;
    void clearRequests() { m_requests.clear(); }

    // Body builders for scripts.
    struct Record
    {
        QString taskId;
        int successFlag = 0;
        QString prompt = QStringLiteral("A red fox running through snow");
        QString model = QStringLiteral("veo3_fast");
        QString aspectRatio = QStringLiteral("16:9");
        QStringList resultUrls;
        QStringList originUrls;
        QString resolution;
        QVariant errorCode; // null when invalid
        QString errorMessage;
        qint64 createTimeMs = 0;
        qint64 completeTimeMs = 0;
    };
    static QByteArray recordBody(const Record &record);
    static QByteArray envelope(int code, const QString &msg, const QByteArray &dataJson = "null");
    static Response ok(const Record &record);
    static Response kieError(int code, const QString &msg, int httpStatus = 200);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    Response answer(const Request &request);

    QTcpServer *m_server;
    QElapsedTimer m_clock;
    QList<Request> m_requests;
    struct Script
    {
        QList<Response> steps;
        int served = 0;
        qint64 firstMs = -1;
    };
    QHash<QString, Script> m_scripts;
    QStringList m_validKeys;
    QHash<QString, qint64> m_credits;
    struct File
    {
        QByteArray data;
        QByteArray contentType;
    };
    QHash<QString, File> m_files;
    bool m_rangeSupport = true;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace veo
