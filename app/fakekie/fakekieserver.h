#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>
#include <memory>
#include <optional>

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
        QByteArray path; // without the query
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
        // e.g. {"Retry-After", "2"}. Content-Type defaults to JSON (HTML when the body starts
        // with '<'); Content-Length is added unless given or Transfer-Encoding is given.
        QList<QPair<QByteArray, QByteArray>> headers;
        int delayMs = 0;
        Fault fault = Fault::None;
        // For time-driven scripts (demo): this step becomes current once this many ms have
        // passed since the task's first request. 0 = advance per request instead.
        qint64 afterMs = 0;
        // A route script's step that answers as the server does without the script (e.g. a
        // 429 among accepted generations).
        bool builtIn = false;
    };

    explicit FakeKieServer(QObject *parent = nullptr);
    ~FakeKieServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QUrl baseUrl() const; // http://127.0.0.1:PORT

    // record-info answers for one task. Per-request steps are consumed in order, the last
    // one repeats; time-driven steps (afterMs > 0) are chosen by elapsed time. A task with
    // no script answers HTTP 200 {"code":422,"msg":"record is null."}.
    void setScript(const QString &taskId, const QList<Response> &steps);
    // Overrides the built-in answer of any path (any method), e.g. "/api/v1/chat/credit",
    // with a script that advances like setScript(). An empty list removes the override.
    void setRouteScript(const QByteArray &path, const QList<Response> &steps);
    // The follow-up endpoints. get-1080p-video / get-4k-video of a parent's video answer its
    // script (advancing like setScript()); without one, "is processing" (422). The parent
    // must have a record-info script (else 404), and the same owner.
    enum class Upgrade { Hd1080p, Uhd4k };
    void setUpgradeScript(Upgrade which, const QString &parentTaskId, int index,
                          const QList<Response> &steps);
    // Each accepted extend request creates a new task ("veo_extend_..."), whose record-info
    // script is a copy of these steps with "@TASK_ID@" in their bodies replaced by its ID,
    // "@PROMPT@" (as a Record's prompt) by the request's prompt, and Record::AtCreation times
    // by the moment it is created.
    void setExtendScript(const QList<Response> &steps);
    QStringList extendedTaskIds() const { return m_extendedTaskIds; }
    // The same for generate ("veo_gen_..."): each accepted request becomes a task of the key
    // that sent it, with a copy of these steps.
    void setGenerateScript(const QList<Response> &steps);
    QStringList generatedTaskIds() const { return m_generatedTaskIds; }
    // Keys: empty = any bearer token is accepted; otherwise others get {"code":401}.
    void setValidKeys(const QStringList &keys);
    // key "" sets the balance reported for any key without its own entry (default 0).
    void setCredits(const QString &key, qint64 credits);
    // The balance the credit endpoint reports for this key now.
    qint64 credits(const QString &key) const;
    // What a paid request costs, taken from the sending key's balance when it is accepted:
    // a generate model ("veo3", "veo3_fast", "veo3_lite"), "extend", "1080p" or "4k" (once per
    // video). 0, the default, charges nothing. A request the balance cannot pay is refused with
    // 402; a generation or extension that fails gets its credits back, as KIE does.
    void setPrice(const QString &what, qint64 credits);
    // The task belongs to this key's account: record-info with any other key answers
    // {"code":422,"msg":"record is null."} without advancing the task's script.
    void setTaskOwner(const QString &taskId, const QString &key);
    // The next requests made with this (valid) key get these answers, one each, on any API
    // path, before normal answers resume: a rate-limited or failing key.
    void setKeyResponses(const QString &key, const QList<Response> &responses);
    // Static files (media), served on any path registered here, with Range support unless off.
    // download-url answers baseUrl()/dl<path>, which serves the same file. No auth needed.
    void addFile(const QString &path, const QByteArray &data, const QByteArray &contentType);
    void setRangeSupport(bool on);
    // A file served from disk in chunks (never held in memory), for large downloads.
    void addFileFromDisk(const QString &path, const QString &filePath,
                         const QByteArray &contentType);

    // Per-file behaviour for download tests; applies to the file's path and its /dl alias.
    struct FileOptions
    {
        qint64 bytesPerSecond = 0;  // throttle the body (timers, never blocking); 0 = unlimited
        qint64 dropAfterBytes = -1; // close the connection after this many body bytes
        bool dropEveryTime = false; // false: only the first answer that gets that far drops
        QByteArray etag;            // sent as ETag (quoted, e.g. "\"v1\""), checked by If-Range
        QByteArray lastModified;    // sent as Last-Modified, checked by If-Range
        bool honourIfRange = true;  // false: a stale If-Range still gets 206 (a broken server)
        QList<int> statuses;        // answered one per request before the file, e.g. {403}
    };
    void setFileOptions(const QString &path, const FileOptions &options);
    // Body bytes of file answers written so far, and file answers being sent right now.
    qint64 fileBytesSent() const { return m_fileBytesSent; }
    int activeFileStreams() const;

    // Images sent to the file-upload endpoint (POST /api/file-stream-upload): each is served
    // at url (/uploads/<uploadPath>/<fileName>) afterwards.
    struct Upload
    {
        QString key;
        QString folder;   // uploadPath
        QString fileName; // as stored
        QByteArray contentType;
        qint64 size = 0;
        QByteArray sha256;
        QUrl url;
    };
    QList<Upload> uploads() const { return m_uploads; }

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
        QStringList fullResultUrls;
        QString resolution; // "720p" when empty and the task succeeded
        QVariant errorCode; // null when invalid
        QString errorMessage;
        qint64 createTimeMs = 0;
        qint64 completeTimeMs = 0;
        // In the steps of setGenerateScript() and setExtendScript(): the moment the server
        // creates the task, as createTimeMs; as completeTimeMs, that plus the step's afterMs.
        static constexpr qint64 AtCreation = -1;
    };
    // The record-info data object; createTimeMs 0 = now, completeTimeMs 0 = null; AtCreation
    // is a marker that only the generate and extend templates fill (a string elsewhere).
    static QByteArray recordBody(const Record &record);
    static QByteArray envelope(int code, const QString &msg, const QByteArray &dataJson = "null");
    static Response ok(const Record &record);
    static Response kieError(int code, const QString &msg, int httpStatus = 200);
    static Response okJson(const QByteArray &dataJson);
    static Response builtInAnswer();
    static Response upgrade1080pReady(const QString &url);
    // A 4K answer: 200 at first, then 422 "processing" or "generated successfully" with URLs.
    static Response upgrade4kAnswer(int code, const QString &msg, const QString &taskId,
                                    const QStringList &resultUrls = {},
                                    const QStringList &imageUrls = {});

private:
    struct Script;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void processBuffer(QTcpSocket *socket);
    // Writes the answer; false when the connection is closed or closing afterwards.
    bool writeResponse(QTcpSocket *socket, const Response &response, bool keepAlive, bool headOnly);
    Response answer(const Request &request);
    Response answerUpload(const Request &request, const QString &key);
    Response answerApi(const Request &request);
    // The registered file a GET/HEAD request asks for; empty when a route or no file matches.
    QString filePathFor(const Request &request) const;
    qint64 fileSize(const QString &filePath) const;
    // Writes a file answer; false when the body goes on streaming or the connection closes.
    bool serveFile(QTcpSocket *socket, const Request &request, const QString &filePath,
                   bool keepAlive, bool headOnly);
    void pumpStream(QTcpSocket *socket);
    static Response nextStep(Script &script, qint64 nowMs);
    // fakekieserverfollowups.cpp
    static bool isFollowUpPath(const QByteArray &path);
    static QByteArray followUpMethod(const QByteArray &path);
    static QString upgradeScriptKey(Upgrade which, const QString &parentTaskId, int index);
    // Where a body holds an AtCreation time (a JSON string, replaced with its quotes).
    static constexpr char CreatedMarker[] = "@CREATED_MS@";
    static constexpr char CompletedMarker[] = "@COMPLETED_MS@";
    // A new task read on record-info with a copy of steps, "@TASK_ID@", "@PROMPT@" and the
    // AtCreation times filled.
    QString createScriptedTask(const QString &prefix, QList<Response> steps, const QString &prompt,
                               const QString &owner);
    Response answerFollowUp(const Request &request, const QString &key);
    // Takes price from key's balance; false (nothing taken) when the balance cannot pay it.
    bool charge(const QString &key, qint64 price);
    // A charged task's record-info answer: its failure gives the credits back.
    void settleCharge(const QString &taskId, const Response &response);

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
    QHash<QByteArray, Script> m_routes;
    QHash<QString, Script> m_upgradeScripts; // upgradeScriptKey()
    QList<Response> m_extendTemplate;
    QStringList m_extendedTaskIds;
    QList<Response> m_generateTemplate;
    QStringList m_generatedTaskIds;
    QList<Upload> m_uploads;
    QStringList m_validKeys;
    QHash<QString, qint64> m_credits;
    QHash<QString, qint64> m_prices;
    struct Charge
    {
        QString key;
        qint64 credits = 0;
    };
    QHash<QString, Charge> m_charges; // task -> what it took, until it succeeds or fails
    QSet<QString> m_upgradesCharged;  // upgradeScriptKey()
    QHash<QString, QString> m_owners; // task id -> key
    QHash<QString, QList<Response>> m_keyResponses; // key -> answers still to give
    struct File
    {
        QByteArray data;
        QByteArray contentType;
        QString diskPath; // served from disk instead of data when set
    };
    QHash<QString, File> m_files;
    struct FileState
    {
        FileOptions options;
        bool dropped = false; // a connection was dropped once
    };
    QHash<QString, FileState> m_fileStates;
    qint64 m_fileBytesSent = 0;
    bool m_rangeSupport = true;
    struct Stream; // a file body being sent (fakekieserver.cpp)
    struct Connection
    {
        QByteArray buffer;
        bool busy = false; // an answer is pending (delayed, never) or the socket is closing
        std::shared_ptr<Stream> stream;
    };
    QHash<QTcpSocket *, Connection> m_connections;
};

} // namespace veo
