#include "demoscenario.h"
#include "fakekieserver.h"
#include "rawserverfixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <functional>

using namespace veo;
using veo::test::RawClient;
using veo::test::RawReply;
using Response = FakeKieServer::Response;
using Record = FakeKieServer::Record;

namespace {

Record generating(const QString &taskId)
{
    Record r;
    r.taskId = taskId;
    return r;
}

Record succeeded(const QString &taskId)
{
    Record r = generating(taskId);
    r.successFlag = 1;
    r.resultUrls = {QStringLiteral("http://127.0.0.1/media/%1.mp4").arg(taskId)};
    r.completeTimeMs = 1760000000000;
    return r;
}

int flagOf(const RawReply &reply)
{
    return reply.json()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("successFlag"))
        .toInt(-1);
}

Response withAfter(Response r, qint64 afterMs)
{
    r.afterMs = afterMs;
    return r;
}

// POST /api/v1/veo/generate for a fox, with this key and model.
RawReply generate(RawClient &c, const QByteArray &key, const QByteArray &model = "veo3_fast")
{
    const QByteArray body = "{\"prompt\":\"A fox\",\"model\":\"" + model + "\"}";
    c.send("POST /api/v1/veo/generate HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + key +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    return c.read();
}

QByteArray fileData()
{
    QByteArray data;
    for (int i = 0; i < 100; ++i) {
        data.append(char('A' + i % 26));
    }
    return data;
}

} // namespace

class TestFakeKieServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_net.setUp()); }
    void cleanup() { m_net.tearDown(); }

    void unknownTaskIsRecordNull()
    {
        RawClient &c = *m_net.client;
        const RawReply r = c.get("/api/v1/veo/record-info?taskId=nope");
        QVERIFY(r.complete);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(r.code(), 422);
        QCOMPARE(r.msg(), QStringLiteral("record is null."));
        QVERIFY(r.json().value(QLatin1String("data")).isNull());
    }

    void scriptAdvancesPerRequestOnOneConnection()
    {
        const QString id = QStringLiteral("task1");
        m_net.server->setScript(id, {FakeKieServer::ok(generating(id)),
                                     FakeKieServer::kieError(500, QStringLiteral("Timeout"), 500),
                                     FakeKieServer::ok(succeeded(id))});
        RawClient &c = *m_net.client;
        RawReply r = c.get("/api/v1/veo/record-info?taskId=task1");
        QCOMPARE(r.status, 200);
        QCOMPARE(flagOf(r), 0);
        QCOMPARE(r.headers.value("connection"), QByteArray("keep-alive"));
        r = c.get("/api/v1/veo/record-info?taskId=task1");
        QCOMPARE(r.status, 500);
        QCOMPARE(r.msg(), QStringLiteral("Timeout"));
        r = c.get("/api/v1/veo/record-info?taskId=task1");
        QCOMPARE(flagOf(r), 1);
        r = c.get("/api/v1/veo/record-info?taskId=task1"); // the last step repeats
        QCOMPARE(flagOf(r), 1);
        QVERIFY(c.isConnected());
        QCOMPARE(m_net.server->requestsFor(id).size(), 4);
        // Another task is unaffected.
        QCOMPARE(c.get("/api/v1/veo/record-info?taskId=other").code(), 422);
    }

    void timeDrivenStepsFollowTheClock()
    {
        // Each answer must match the time the server saw its request (its own stamp: a
        // stalled test never sees the wrong step). A run in which a stall skipped a step
        // (or left one request in the first) proves less, so it is repeated with a new task (the
        // clock is per task).
        // Wall time passing is the point: the script's clock starts at the task's first request,
        // not at listen() (the server's timed steps run on real time; nothing to wait for).
        QTest::qWait(900);
        RawClient &c = *m_net.client;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const QString id = QStringLiteral("timed%1").arg(attempt);
            const QString path = QStringLiteral("/api/v1/veo/record-info?taskId=") + id;
            m_net.server->setScript(
                id, {FakeKieServer::ok(generating(id)),
                     withAfter(FakeKieServer::kieError(455, QStringLiteral("maint")), 300),
                     withAfter(FakeKieServer::ok(succeeded(id)), 800)});
            int perStep[3] = {0, 0, 0};
            qint64 first = -1;
            int flag = 0;
            QElapsedTimer waited;
            waited.start();
            while (flag != 1 && waited.elapsed() < 15000) {
                const RawReply reply = c.get(path.toUtf8());
                const qint64 at = m_net.server->requestsFor(id).constLast().atMs;
                if (first < 0) {
                    first = at;
                }
                const qint64 elapsed = at - first;
                const int step = elapsed < 300 ? 0 : elapsed < 800 ? 1 : 2;
                ++perStep[step];
                if (step == 1) {
                    QCOMPARE(reply.code(), 455);
                } else {
                    flag = flagOf(reply);
                    QCOMPARE(flag, step == 0 ? 0 : 1);
                }
                QTest::qWait(40); // spreads the polls over the script's real-time steps
            }
            QCOMPARE(flag, 1);
            // Two requests within the first step both got it: no per-request advance.
            if (perStep[0] >= 2 && perStep[1] >= 1 && perStep[2] >= 1) {
                return;
            }
        }
        QFAIL("every run skipped a step (the machine stalled each time)");
    }

    void recordBodyIsRealistic()
    {
        Record r = succeeded(QStringLiteral("abc"));
        r.prompt = QStringLiteral("一只猫 \"quoted\"");
        r.model = QStringLiteral("veo3");
        r.aspectRatio = QStringLiteral("9:16");
        r.originUrls = {QStringLiteral("http://h/o.mp4")};
        r.createTimeMs = 1759999000000;
        const QJsonObject data = QJsonDocument::fromJson(FakeKieServer::recordBody(r)).object();
        QCOMPARE(data.value(QLatin1String("taskId")).toString(), QStringLiteral("abc"));
        QVERIFY(data.value(QLatin1String("paramJson")).isString());
        const QJsonObject param =
            QJsonDocument::fromJson(data.value(QLatin1String("paramJson")).toString().toUtf8())
                .object();
        QCOMPARE(param.value(QLatin1String("prompt")).toString(), r.prompt);
        QCOMPARE(param.value(QLatin1String("model")).toString(), QStringLiteral("veo3"));
        QCOMPARE(param.value(QLatin1String("aspect_ratio")).toString(), QStringLiteral("9:16"));
        const QJsonObject response = data.value(QLatin1String("response")).toObject();
        QCOMPARE(response.value(QLatin1String("resultUrls")).toArray().first().toString(),
                 r.resultUrls.first());
        QCOMPARE(response.value(QLatin1String("originUrls")).toArray().first().toString(),
                 QStringLiteral("http://h/o.mp4"));
        QVERIFY(response.value(QLatin1String("fullResultUrls")).isNull());
        QCOMPARE(response.value(QLatin1String("resolution")).toString(), QStringLiteral("720p"));
        QCOMPARE(data.value(QLatin1String("successFlag")).toInt(), 1);
        QVERIFY(data.value(QLatin1String("errorCode")).isNull());
        QCOMPARE(data.value(QLatin1String("createTime")).toInteger(), 1759999000000);
        QCOMPARE(data.value(QLatin1String("completeTime")).toInteger(), 1760000000000);
        QCOMPARE(data.value(QLatin1String("fallbackFlag")), QJsonValue(false));

        Record failed = generating(QStringLiteral("f"));
        failed.successFlag = 2;
        failed.errorCode = 400;
        failed.errorMessage = QStringLiteral("flagged");
        const QJsonObject f = QJsonDocument::fromJson(FakeKieServer::recordBody(failed)).object();
        QVERIFY(f.value(QLatin1String("response")).isNull());
        QCOMPARE(f.value(QLatin1String("errorCode")).toInt(), 400);
        QCOMPARE(f.value(QLatin1String("errorMessage")).toString(), QStringLiteral("flagged"));
        QVERIFY(f.value(QLatin1String("completeTime")).isNull());
        QVERIFY(f.value(QLatin1String("createTime")).toDouble() > 1.7e12); // "now"

        QCOMPARE(FakeKieServer::envelope(200, QStringLiteral("success"), "42"),
                 QByteArray("{\"code\":200,\"msg\":\"success\",\"data\":42}"));
    }

    void delayedAnswer()
    {
        Response slow = FakeKieServer::ok(generating(QStringLiteral("slow")));
        slow.delayMs = 300;
        m_net.server->setScript(QStringLiteral("slow"), {slow});
        RawClient &c = *m_net.client;
        QElapsedTimer t;
        t.start();
        const RawReply r = c.get("/api/v1/veo/record-info?taskId=slow");
        QVERIFY(r.complete);
        QVERIFY2(t.elapsed() >= 290, QByteArray::number(t.elapsed()).constData());
        QCOMPARE(flagOf(r), 0);
    }

    void dropConnection()
    {
        Response drop;
        drop.fault = Response::Fault::DropConnection;
        m_net.server->setScript(QStringLiteral("drop"), {drop});
        RawClient &c = *m_net.client;
        c.send("GET /api/v1/veo/record-info?taskId=drop HTTP/1.1\r\nHost: t\r\n\r\n");
        QVERIFY(c.waitForClose());
        QVERIFY(c.pending().isEmpty());
    }

    void truncateBody()
    {
        Response cut = FakeKieServer::ok(succeeded(QStringLiteral("cut")));
        cut.fault = Response::Fault::TruncateBody;
        const qsizetype full = cut.body.size();
        m_net.server->setScript(QStringLiteral("cut"), {cut});
        RawClient &c = *m_net.client;
        const RawReply r = c.get("/api/v1/veo/record-info?taskId=cut");
        QVERIFY(!r.complete);
        QVERIFY(c.waitForClose());
        QCOMPARE(r.headers.value("content-length").toLongLong(), full);
        QCOMPARE(r.body.size(), full / 2);
        QVERIFY(QJsonDocument::fromJson(r.body).isNull());
    }

    void neverAnswer()
    {
        Response never;
        never.fault = Response::Fault::NeverAnswer;
        m_net.server->setScript(QStringLiteral("never"), {never});
        RawClient &c = *m_net.client;
        const RawReply r = c.read(true, 0);
        QVERIFY(!r.complete);
        c.send("GET /api/v1/veo/record-info?taskId=never HTTP/1.1\r\nHost: t\r\n\r\n");
        const RawReply r2 = c.read(true, 400);
        QVERIFY(!r2.complete);
        QVERIFY(c.pending().isEmpty());
        QVERIFY(c.isConnected());
        QCOMPARE(m_net.server->requestsFor(QStringLiteral("never")).size(), 1);
    }

    void extraHeadersAndHtml()
    {
        Response limited = FakeKieServer::kieError(429, QStringLiteral("Rate limited"), 429);
        limited.headers = {{"Retry-After", "7"}};
        Response html;
        html.httpStatus = 502;
        html.body = "<html><body>502 Bad Gateway</body></html>";
        m_net.server->setScript(QStringLiteral("rl"), {limited, html});
        RawClient &c = *m_net.client;
        RawReply r = c.get("/api/v1/veo/record-info?taskId=rl");
        QCOMPARE(r.status, 429);
        QCOMPARE(r.headers.value("retry-after"), QByteArray("7"));
        r = c.get("/api/v1/veo/record-info?taskId=rl");
        QCOMPARE(r.status, 502);
        QVERIFY(r.headers.value("content-type").startsWith("text/html"));
        QVERIFY(r.body.startsWith("<html>"));
    }

    void keysAreChecked()
    {
        m_net.server->setValidKeys({QStringLiteral("good")});
        m_net.server->addFile(QStringLiteral("/media/a.mp4"), "video", "video/mp4");
        RawClient &c = *m_net.client;
        RawReply r = c.get("/api/v1/veo/record-info?taskId=x");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.code(), 401);
        QCOMPARE(r.msg(), QStringLiteral("You do not have access permissions"));
        r = c.get("/api/v1/veo/record-info?taskId=x", "Authorization: Bearer bad\r\n");
        QCOMPARE(r.code(), 401);
        r = c.get("/api/v1/veo/record-info?taskId=x", "Authorization: Bearer good\r\n");
        QCOMPARE(r.code(), 422);
        r = c.get("/api/v1/chat/credit", "Authorization: Bearer nope\r\n");
        QCOMPARE(r.code(), 401);
        r = c.get("/media/a.mp4"); // media needs no key
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("video"));
    }

    void taskOwnerAndKeyResponses()
    {
        m_net.server->setScript(QStringLiteral("t1"),
                                {FakeKieServer::ok(succeeded(QStringLiteral("t1")))});
        m_net.server->setTaskOwner(QStringLiteral("t1"), QStringLiteral("owner"));
        m_net.server->setKeyResponses(
            QStringLiteral("owner"),
            {FakeKieServer::kieError(429, QStringLiteral("Rate limited"), 429)});
        RawClient &c = *m_net.client;
        RawReply r = c.get("/api/v1/veo/record-info?taskId=t1", "Authorization: Bearer other\r\n");
        QCOMPARE(r.code(), 422);
        QCOMPARE(r.msg(), QStringLiteral("record is null."));
        r = c.get("/api/v1/veo/record-info?taskId=t1", "Authorization: Bearer owner\r\n");
        QCOMPARE(r.status, 429);
        QCOMPARE(r.code(), 429);
        r = c.get("/api/v1/veo/record-info?taskId=t1", "Authorization: Bearer owner\r\n");
        QCOMPARE(r.code(), 200);
        QCOMPARE(flagOf(r), 1);
        r = c.get("/api/v1/veo/record-info?taskId=t1", "Authorization: Bearer other\r\n");
        QCOMPARE(r.code(), 422); // still not theirs
    }

    void credits()
    {
        m_net.server->setCredits(QStringLiteral("k1"), 42);
        RawClient &c = *m_net.client;
        RawReply r = c.get("/api/v1/chat/credit", "Authorization: Bearer k1\r\n");
        QCOMPARE(r.body, QByteArray("{\"code\":200,\"msg\":\"success\",\"data\":42}"));
        r = c.get("/api/v1/chat/credit", "Authorization: Bearer k2\r\n");
        QCOMPARE(r.json().value(QLatin1String("data")).toInt(-1), 0);
        m_net.server->setCredits(QString(), 7);
        r = c.get("/api/v1/chat/credit", "Authorization: Bearer k2\r\n");
        QCOMPARE(r.json().value(QLatin1String("data")).toInt(-1), 7);
    }

    void pricesComeOffTheSendingKeysBalance()
    {
        m_net.server->setCredits(QString(), 100);
        m_net.server->setPrice(QStringLiteral("veo3"), 60);
        m_net.server->setGenerateScript(
            {FakeKieServer::ok(generating(QStringLiteral("@TASK_ID@")))});
        RawClient &c = *m_net.client;
        QCOMPARE(generate(c, "k1", "veo3").code(), 200);
        QCOMPARE(m_net.server->credits(QStringLiteral("k1")), 40);
        QCOMPARE(m_net.server->credits(QStringLiteral("k2")), 100); // another account
        RawReply r = generate(c, "k1", "veo3");
        QCOMPARE(r.code(), 402); // 40 left cannot pay 60: nothing made, nothing taken
        QCOMPARE(m_net.server->generatedTaskIds().size(), 1);
        r = c.get("/api/v1/chat/credit", "Authorization: Bearer k1\r\n");
        QCOMPARE(r.json().value(QLatin1String("data")).toInt(-1), 40);
        QCOMPARE(generate(c, "k1", "veo3_fast").code(), 200); // no price set: free
        QCOMPARE(m_net.server->credits(QStringLiteral("k1")), 40);
    }

    // A task made from a template is created when it is asked for (the demo's new
    // generations once showed the demo's start as theirs), and finishes its step's time later.
    void aTemplatedTaskIsTimedFromItsCreation()
    {
        Record rec = generating(QStringLiteral("@TASK_ID@"));
        rec.createTimeMs = Record::AtCreation;
        Record done = rec;
        done.successFlag = 1;
        done.resultUrls = {QStringLiteral("https://media.example/v.mp4")};
        done.completeTimeMs = Record::AtCreation;
        m_net.server->setGenerateScript(
            {FakeKieServer::ok(rec), withAfter(FakeKieServer::ok(done), 150)});
        QTest::qWait(20); // the demo's start, long before
        RawClient &c = *m_net.client;
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(generate(c, "k1").code(), 200);
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        const QByteArray info = "/api/v1/veo/record-info?taskId=" +
                                m_net.server->generatedTaskIds().constLast().toLatin1();
        const auto data = [](const RawReply &r) {
            return r.json().value(QLatin1String("data")).toObject();
        };
        RawReply r = c.get(info);
        QCOMPARE(flagOf(r), 0);
        const qint64 created = data(r).value(QLatin1String("createTime")).toInteger(-1);
        QVERIFY2(created >= before && created <= after,
                 QByteArray::number(created - before).constData());
        QVERIFY(data(r).value(QLatin1String("completeTime")).isNull());
        QTest::qWait(200);
        r = c.get(info);
        QCOMPARE(flagOf(r), 1);
        QCOMPARE(data(r).value(QLatin1String("createTime")).toInteger(-1), created);
        QCOMPARE(data(r).value(QLatin1String("completeTime")).toInteger(-1), created + 150);
    }

    void downloadUrlAndAlias()
    {
        m_net.server->addFile(QStringLiteral("/media/v.mp4"), fileData(), "video/mp4");
        RawClient &c = *m_net.client;
        const QByteArray body =
            "{\"url\":\"" + m_net.server->baseUrl().toEncoded() + "/media/v.mp4\"}";
        c.send("POST /api/v1/common/download-url HTTP/1.1\r\nHost: t\r\nContent-Type: "
               "application/json\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\n\r\n" + body);
        RawReply r = c.read();
        QCOMPARE(r.code(), 200);
        const QUrl link(r.json().value(QLatin1String("data")).toString());
        QCOMPARE(link.path(), QStringLiteral("/dl/media/v.mp4"));
        QCOMPARE(link.port(), m_net.server->baseUrl().port());
        r = c.get(link.path(QUrl::FullyEncoded).toLatin1() + '?' + link.query().toLatin1());
        QCOMPARE(r.body, fileData());
        // GET is the wrong method; an empty body is a validation error.
        QCOMPARE(c.get("/api/v1/common/download-url").status, 405);
        c.send(
            "POST /api/v1/common/download-url HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}");
        QCOMPARE(c.read().code(), 422);
    }

    void ranges_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentRange");
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("length");
        QTest::newRow("none") << QByteArray() << 200 << QByteArray() << 0 << 100;
        QTest::newRow("a-b") << QByteArray("bytes=0-9") << 206 << QByteArray("bytes 0-9/100") << 0
                             << 10;
        QTest::newRow("a-") << QByteArray("bytes=90-") << 206 << QByteArray("bytes 90-99/100") << 90
                            << 10;
        QTest::newRow("suffix") << QByteArray("bytes=-5") << 206 << QByteArray("bytes 95-99/100")
                                << 95 << 5;
        QTest::newRow("past end") << QByteArray("bytes=95-200") << 206
                                  << QByteArray("bytes 95-99/100") << 95 << 5;
        QTest::newRow("last byte")
            << QByteArray("bytes=99-99") << 206 << QByteArray("bytes 99-99/100") << 99 << 1;
        QTest::newRow("unsatisfiable")
            << QByteArray("bytes=100-") << 416 << QByteArray("bytes */100") << 0 << 0;
        QTest::newRow("multi ignored")
            << QByteArray("bytes=0-1,5-6") << 200 << QByteArray() << 0 << 100;
        QTest::newRow("junk ignored") << QByteArray("bytes=x-y") << 200 << QByteArray() << 0 << 100;
    }

    void ranges()
    {
        QFETCH(QByteArray, range);
        QFETCH(int, status);
        QFETCH(QByteArray, contentRange);
        QFETCH(int, first);
        QFETCH(int, length);
        m_net.server->addFile(QStringLiteral("/media/r.mp4"), fileData(), "video/mp4");
        RawClient &c = *m_net.client;
        const RawReply r =
            c.get("/media/r.mp4", range.isEmpty() ? QByteArray() : "Range: " + range + "\r\n");
        QCOMPARE(r.status, status);
        QCOMPARE(r.headers.value("content-range"), contentRange);
        QCOMPARE(r.headers.value("accept-ranges"), QByteArray("bytes"));
        QCOMPARE(r.body, fileData().mid(first, length));
        if (status != 416) {
            QCOMPARE(r.headers.value("content-type"), QByteArray("video/mp4"));
        }
    }

    void rangeSupportOff()
    {
        m_net.server->addFile(QStringLiteral("/media/r.mp4"), fileData(), "video/mp4");
        m_net.server->setRangeSupport(false);
        RawClient &c = *m_net.client;
        const RawReply r = c.get("/media/r.mp4", "Range: bytes=10-19\r\n");
        QCOMPARE(r.status, 200);
        QVERIFY(!r.headers.contains("content-range"));
        QVERIFY(!r.headers.contains("accept-ranges"));
        QCOMPARE(r.body, fileData());
    }

    void headHasNoBody()
    {
        m_net.server->addFile(QStringLiteral("/media/r.mp4"), fileData(), "video/mp4");
        RawClient &c = *m_net.client;
        c.send("HEAD /media/r.mp4 HTTP/1.1\r\nHost: t\r\n\r\n");
        const RawReply head = c.read(false);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.headers.value("content-length"), QByteArray("100"));
        // If the HEAD answer had carried a body, this next answer would not parse.
        const RawReply r = c.get("/media/r.mp4", "Range: bytes=0-0\r\n");
        QCOMPARE(r.status, 206);
        QCOMPARE(r.body, QByteArray("A"));
        QCOMPARE(m_net.server->requests().first().method, QByteArray("HEAD"));
    }

    void requestsAreRecorded()
    {
        // The server accepts the raw client's connection first (loopback; the test sees no
        // signal of it), so that the split writes below reach it apart.
        QTest::qWait(100);
        RawClient &c = *m_net.client;
        // Split across writes, with a body, odd header case and an encoded query.
        c.send(
            "POST /api/v1/common/download-url?x=a%20b+c HTTP/1.1\r\nHost: t\r\nX-Custom-Thing: ");
        QTest::qWait(30); // the server reads this part alone (no event for "read so far")
        c.send("Value\r\nContent-Length: 11\r\n\r\n{\"url\":");
        QTest::qWait(30); // the same
        c.send("\"u\"}");
        QVERIFY(c.read().complete);
        c.get("/api/v1/veo/record-info?taskId=t%2B1%26z", "authorization: Bearer k\r\n");
        const QList<FakeKieServer::Request> requests = m_net.server->requests();
        QCOMPARE(requests.size(), 2);
        const FakeKieServer::Request &post = requests.at(0);
        QCOMPARE(post.method, QByteArray("POST"));
        QCOMPARE(post.path, QByteArray("/api/v1/common/download-url"));
        QCOMPARE(post.query.queryItemValue(QStringLiteral("x"), QUrl::FullyDecoded),
                 QStringLiteral("a b c"));
        QCOMPARE(post.headers.value("x-custom-thing"), QByteArray("Value"));
        QCOMPARE(post.body, QByteArray("{\"url\":\"u\"}"));
        QCOMPARE(post.localAddress, QHostAddress(QHostAddress::LocalHost));
        const FakeKieServer::Request &get = requests.at(1);
        QCOMPARE(get.headers.value("authorization"), QByteArray("Bearer k"));
        QVERIFY(post.atMs >= 100 + 60); // ms since listen(), stamped when the request completed
        QVERIFY(get.atMs >= post.atMs);
        QCOMPARE(m_net.server->requestsFor(QStringLiteral("t+1&z")).size(), 1);
        m_net.server->clearRequests();
        QVERIFY(m_net.server->requests().isEmpty());
    }

    void pipelinedRequestsKeepOrder()
    {
        Response slow = FakeKieServer::kieError(500, QStringLiteral("first"));
        slow.delayMs = 200;
        m_net.server->setScript(QStringLiteral("p1"), {slow});
        m_net.server->setScript(QStringLiteral("p2"),
                                {FakeKieServer::kieError(501, QStringLiteral("second"))});
        RawClient &c = *m_net.client;
        c.send("GET /api/v1/veo/record-info?taskId=p1 HTTP/1.1\r\nHost: t\r\n\r\n"
               "GET /api/v1/veo/record-info?taskId=p2 HTTP/1.1\r\nHost: t\r\n\r\n");
        QCOMPARE(c.read().msg(), QStringLiteral("first"));
        QCOMPARE(c.read().msg(), QStringLiteral("second"));
    }

    void connectionCloseIsHonoured()
    {
        RawClient &c = *m_net.client;
        const RawReply r = c.get("/api/v1/veo/record-info?taskId=x", "Connection: close\r\n");
        QVERIFY(r.complete);
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QVERIFY(c.waitForClose());
    }

    void routesAndErrors()
    {
        Response limited = FakeKieServer::kieError(429, QStringLiteral("slow down"), 429);
        limited.headers = {{"Retry-After", "3"}};
        m_net.server->setRouteScript("/api/v1/chat/credit", {limited});
        RawClient &c = *m_net.client;
        QCOMPARE(c.get("/api/v1/chat/credit").status, 429);
        m_net.server->setRouteScript("/api/v1/chat/credit", {});
        QCOMPARE(c.get("/api/v1/chat/credit").status, 200);
        const RawReply missing = c.get("/api/v1/nothing");
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.code(), 404);
        QCOMPARE(c.get("/api/v1/veo/record-info").code(), 422);
        c.send("garbage\r\n\r\n");
        QCOMPARE(c.read().status, 400);
        QVERIFY(c.waitForClose());
    }

    void secondLoopbackAddress()
    {
        FakeKieServer media;
        QVERIFY(media.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
        QCOMPARE(media.baseUrl().host(), QStringLiteral("127.0.0.2"));
        QVERIFY(media.baseUrl().port() > 0);
        media.addFile(QStringLiteral("/media/x.mp4"), "xyz", "video/mp4");
        RawClient c;
        QVERIFY(c.connectTo(media.baseUrl()));
        QCOMPARE(c.get("/media/x.mp4").body, QByteArray("xyz"));
        QCOMPARE(media.requests().size(), 1);
        QCOMPARE(media.requests().first().localAddress, QHostAddress(QStringLiteral("127.0.0.2")));
        QVERIFY(!media.requests().first().headers.contains("authorization"));
        QVERIFY(m_net.server->requests().isEmpty());
    }

    void demoScenario()
    {
        const QStringList ids = installDemoScenario(*m_net.server);
        QCOMPARE(ids.size(), 12);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 12);
        const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
        RawClient &c = *m_net.client;
        QMap<QString, int> firstAnswers;
        for (const QString &id : ids) {
            QVERIFY2(hex.match(id).hasMatch(), qPrintable(id));
            const RawReply r = c.get("/api/v1/veo/record-info?taskId=" + id.toLatin1());
            QCOMPARE(r.status, 200);
            const int code = r.code();
            const QString key = code == 200 ? QStringLiteral("flag%1").arg(flagOf(r))
                                            : QStringLiteral("code%1").arg(code);
            ++firstAnswers[key];
            if (code == 200 && flagOf(r) == 1) {
                const QJsonObject response =
                    r.json()[QLatin1String("data")][QLatin1String("response")].toObject();
                const QUrl url(response[QLatin1String("resultUrls")][0].toString());
                QCOMPARE(url.host(), m_net.server->baseUrl().host());
                QCOMPARE(url.port(), m_net.server->baseUrl().port());
                QCOMPARE(url.path(), QStringLiteral("/media/%1.mp4").arg(id));
                QVERIFY(!response[QLatin1String("originUrls")].toArray().isEmpty());
                QVERIFY(!response[QLatin1String("fullResultUrls")].toArray().isEmpty());
            }
        }
        const QMap<QString, int> expected{{QStringLiteral("flag0"), 8},
                                          {QStringLiteral("flag1"), 1},
                                          {QStringLiteral("code422"), 2},
                                          {QStringLiteral("code455"), 1}};
        QCOMPARE(firstAnswers, expected);
        QVERIFY(c.get("/api/v1/chat/credit").json().value(QLatin1String("data")).toInt() > 0);
    }

    // With a media server, the videos live on that other host (and the API host keeps a copy
    // for download-url's fresh links).
    void demoScenarioOnAMediaHost()
    {
        FakeKieServer media;
        QVERIFY(media.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
        const QStringList ids =
            installDemoScenario(*m_net.server, QByteArray("clip-bytes"), &media);
        bool checked = false;
        for (const QString &id : ids) {
            const RawReply r = m_net.client->get("/api/v1/veo/record-info?taskId=" + id.toLatin1());
            if (r.code() != 200 || flagOf(r) != 1) {
                continue;
            }
            const QJsonObject response =
                r.json()[QLatin1String("data")][QLatin1String("response")].toObject();
            const QUrl url(response[QLatin1String("resultUrls")][0].toString());
            QCOMPARE(url.host(), QStringLiteral("127.0.0.2"));
            QCOMPARE(url.port(), media.baseUrl().port());
            RawClient onMedia;
            QVERIFY(onMedia.connectTo(media.baseUrl()));
            QCOMPARE(onMedia.get(url.path().toLatin1()).body, QByteArray("clip-bytes"));
            QCOMPARE(m_net.client->get("/dl" + url.path().toLatin1()).body,
                     QByteArray("clip-bytes"));
            checked = true;
        }
        QVERIFY(checked);
    }

private:
    test::RawServerFixture m_net;
};

QTEST_GUILESS_MAIN(TestFakeKieServer)
#include "tst_fakekieserver.moc"
