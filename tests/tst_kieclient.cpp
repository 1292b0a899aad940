#include "fakekieserver.h"
#include "kieclient.h"
#include "kieresponses.h"
#include "readrecord.h"
#include "statussource.h"
#include "waitfor.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <functional>
#include <memory>
#include <optional>

using namespace veo;
using namespace veo::test;
using namespace std::chrono_literals;
using Kind = ApiError::Kind;

Q_DECLARE_METATYPE(veo::ApiError::Kind)
Q_DECLARE_METATYPE(veo::FakeKieServer::Response)

namespace {

const QString Token = QStringLiteral("sk-test-0123456789abcdef");

// record-info through the client: the Veo generation kind's status request and parser.
void readRecord(KieClient &client, const QString &taskId, const QString &token,
                std::function<void(const RecordInfoResult &)> done)
{
    TaskRecord task;
    task.taskId = taskId;
    test::readRecord(client, task, token, std::move(done));
}

} // namespace

class TestKieClient : public QObject
{
    Q_OBJECT

private:
    // Reads a record and waits for exactly one callback.
    std::optional<RecordInfoResult> record(KieClient &client, const QString &taskId,
                                           const QString &token = Token)
    {
        std::optional<RecordInfoResult> out;
        int calls = 0;
        readRecord(client, taskId, token, [&](const RecordInfoResult &r) {
            out = r;
            ++calls;
        });
        if (calls != 0) {
            qWarning("callback ran synchronously");
            return std::nullopt;
        }
        waitFor([&] { return calls > 0; }, 30000); // past the longest transfer timeout used
        // A second call from the same reply would come from its socket within a few ms; there is
        // no event for "no more callbacks" without a further request, which would change the
        // request counts the tests assert.
        QTest::qWait(20);
        if (calls > 1) {
            qWarning("callback ran %d times", calls);
            return std::nullopt;
        }
        return out;
    }

    ApiError errorFor(const QList<Response> &steps, const QString &token = Token)
    {
        m_server->setScript(QStringLiteral("t"), steps);
        const auto result = record(*m_client, QStringLiteral("t"), token);
        return result ? result->error : makeSentinel();
    }

    static ApiError makeSentinel()
    {
        ApiError e;
        e.kind = Kind::InsecureBase;
        e.serverMessage = QStringLiteral("no callback");
        return e;
    }

    std::unique_ptr<FakeKieServer> m_server;
    std::unique_ptr<KieClient> m_client;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeKieServer>();
        QVERIFY(m_server->listen());
        m_client = std::make_unique<KieClient>(m_server->baseUrl());
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void successRecord()
    {
        m_server->setScript(QStringLiteral("abc123"),
                            {FakeKieServer::ok(succeededRecord(QStringLiteral("abc123")))});
        const auto result = record(*m_client, QStringLiteral("abc123"));
        QVERIFY(result);
        QVERIFY2(!result->error.isError(), qPrintable(result->error.text()));
        QCOMPARE(result->record.taskId, QStringLiteral("abc123"));
        QCOMPARE(result->record.status, TaskStatus::Succeeded);
        QCOMPARE(result->record.prompt, QStringLiteral("A lighthouse at dusk"));
        QCOMPARE(result->record.resultUrls,
                 QStringList{QStringLiteral("https://tempfile.example/abc123.mp4")});

        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 1);
        const FakeKieServer::Request &r = requests.first();
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.path, QByteArray("/api/v1/veo/record-info"));
        QCOMPARE(r.query.queryItemValue(QStringLiteral("taskId")), QStringLiteral("abc123"));
        QCOMPARE(r.headers.value("authorization"), "Bearer " + Token.toLatin1());
        QCOMPARE(r.headers.value("accept"), QByteArray("application/json"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(r.headers.value("user-agent"), QByteArray("VeoTracker/" VEO_VERSION));
        QVERIFY(!r.query.toString(QUrl::FullyEncoded).contains(Token));
        QVERIFY(!r.path.contains(Token.toLatin1()));
    }

    void taskIdIsPercentEncoded()
    {
        const QString id = QStringLiteral("a+b&c=d #e/é%20?");
        m_server->setScript(id, {FakeKieServer::ok(succeededRecord(id))});
        const auto result = record(*m_client, id);
        QVERIFY(result);
        QVERIFY2(!result->error.isError(), qPrintable(result->error.text()));
        QCOMPARE(m_server->requestsFor(id).size(), 1);
        QCOMPARE(m_server->requests().first().path, QByteArray("/api/v1/veo/record-info"));
    }

    void tokenIsTrimmedAndChecked()
    {
        QVERIFY(record(*m_client, QStringLiteral("t"), QStringLiteral("  ") + Token + u'\n'));
        QCOMPARE(m_server->requests().first().headers.value("authorization"),
                 "Bearer " + Token.toLatin1());
        const auto injected =
            record(*m_client, QStringLiteral("t"), QStringLiteral("abc\r\nX-Evil: 1"));
        QVERIFY(injected);
        QCOMPARE(injected->error.kind, Kind::Unauthorized);
        QCOMPARE(m_server->requests().size(), 1); // nothing was sent
    }

    void noKeyFailsWithoutARequest()
    {
        const auto result = record(*m_client, QStringLiteral("t"), QString());
        QVERIFY(result);
        QCOMPARE(result->error.kind, Kind::NoKey);
        QCOMPARE(result->record.taskId, QStringLiteral("t"));
        QVERIFY(m_server->requests().isEmpty());
    }

    void insecureBaseIsRefused()
    {
        KieClient client(QUrl(QStringLiteral("http://api.kie.ai")));
        const auto result = record(client, QStringLiteral("t"));
        QVERIFY(result);
        QCOMPARE(result->error.kind, Kind::InsecureBase);
        QCOMPARE(client.inFlight(), 0);
    }

    void crossOriginRedirectIsNotFollowed()
    {
        FakeKieServer media;
        QVERIFY(media.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
        media.setScript(QStringLiteral("t"),
                        {FakeKieServer::ok(succeededRecord(QStringLiteral("t")))});
        QUrl elsewhere = media.baseUrl();
        elsewhere.setPath(QStringLiteral("/api/v1/veo/record-info"));
        elsewhere.setQuery(QStringLiteral("taskId=t"));
        Response redirect;
        redirect.httpStatus = 302;
        redirect.headers = {{"Location", elsewhere.toEncoded()}};
        const ApiError error = errorFor({redirect});
        QCOMPARE(error.kind, Kind::Http);
        QVERIFY(error.serverMessage.contains(QLatin1String("redirect"), Qt::CaseInsensitive));
        QVERIFY(!error.serverMessage.contains(Token));
        QCOMPARE(m_server->requests().size(), 1);
        // The media host saw nothing before a request of its own, asked after the error.
        KieClient mediaClient(media.baseUrl());
        QVERIFY(record(mediaClient, QStringLiteral("x")));
        QCOMPARE(media.requests().size(), 1);
        QCOMPARE(media.requests().first().query.queryItemValue(QStringLiteral("taskId")),
                 QStringLiteral("x"));
    }

    void sameOriginRedirectKeepsTheKey()
    {
        // Control for the test above: redirects as such work, to the same origin only.
        m_server->setScript(QStringLiteral("new"),
                            {FakeKieServer::ok(succeededRecord(QStringLiteral("new")))});
        Response redirect;
        redirect.httpStatus = 307;
        redirect.headers = {{"Location", "/api/v1/veo/record-info?taskId=new"}};
        m_server->setScript(QStringLiteral("old"), {redirect});
        const auto result = record(*m_client, QStringLiteral("old"));
        QVERIFY(result);
        QVERIFY2(!result->error.isError(), qPrintable(result->error.text()));
        QCOMPARE(result->record.taskId, QStringLiteral("new"));
        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(1).headers.value("authorization"), "Bearer " + Token.toLatin1());
    }

    void keyNeverReachesAnotherHost()
    {
        // download-url hands out a link on a media host; the client must not fetch it.
        FakeKieServer media;
        QVERIFY(media.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
        QUrl link = media.baseUrl();
        link.setPath(QStringLiteral("/media/t.mp4"));
        m_server->setRouteScript("/api/v1/common/download-url",
                                 {answer(FakeKieServer::envelope(200, QStringLiteral("success"),
                                                                 '"' + link.toEncoded() + '"'))});
        ApiError error = makeSentinel();
        QUrl got;
        m_client->downloadUrl(link, Token, [&](const ApiError &e, const QUrl &u) {
            error = e;
            got = u;
        });
        QVERIFY(waitFor([&] { return got.isValid() || error.kind != Kind::InsecureBase; }));
        QVERIFY(!error.isError());
        QCOMPARE(got, link);
        // And a client whose base is the media host sends its key only there. Its request is
        // the only one the media host saw: the link was not fetched before it.
        KieClient mediaClient(media.baseUrl());
        QVERIFY(record(mediaClient, QStringLiteral("x")));
        QCOMPARE(media.requests().size(), 1);
        QCOMPARE(media.requests().first().query.queryItemValue(QStringLiteral("taskId")),
                 QStringLiteral("x"));
        QCOMPARE(media.requests().first().localAddress, QHostAddress(QStringLiteral("127.0.0.2")));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void errors_data()
    {
        QTest::addColumn<QList<Response>>("steps");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("httpStatus");

        QTest::newRow("dropped") << QList<Response>{fault(Response::Fault::DropConnection)}
                                 << Kind::Network << 0;
        QTest::newRow("truncated")
            << QList<Response>{fault(Response::Fault::TruncateBody)} << Kind::BadResponse << 200;
        QTest::newRow("html 502") << QList<Response>{html(502)} << Kind::Server << 502;
        QTest::newRow("html 404") << QList<Response>{html(404)} << Kind::Http << 404;
        QTest::newRow("html 200") << QList<Response>{html(200)} << Kind::BadResponse << 200;
        QTest::newRow("body 401") << QList<Response>{FakeKieServer::kieError(
                                         401, QStringLiteral("You do not have access "
                                                             "permissions"))}
                                  << Kind::Unauthorized << 200;
        QTest::newRow("body 455") << QList<Response>{FakeKieServer::kieError(
                                         455, QStringLiteral("maintenance"))}
                                  << Kind::Maintenance << 200;
        QTest::newRow("http 500 envelope")
            << QList<Response>{FakeKieServer::kieError(500, QStringLiteral("Internal Error"), 500)}
            << Kind::Server << 500;
        QTest::newRow("record is null")
            << QList<Response>{FakeKieServer::kieError(422, QStringLiteral("record is null."))}
            << Kind::NotFoundYet << 200;
        QTest::newRow("expired") << QList<Response>{FakeKieServer::kieError(
                                        422, QStringLiteral(
                                                 "Temporarily supports records within 14 days."))}
                                 << Kind::Expired << 200;
    }

    void errors()
    {
        QFETCH(QList<Response>, steps);
        QFETCH(Kind, kind);
        QFETCH(int, httpStatus);
        const ApiError error = errorFor(steps);
        QVERIFY2(
            error.kind == kind,
            qPrintable(QStringLiteral("got kind %1: %2").arg(int(error.kind)).arg(error.text())));
        QCOMPARE(error.httpStatus, httpStatus);
        QVERIFY(!error.serverMessage.contains(Token));
        if (kind == Kind::Network) {
            QVERIFY(!error.serverMessage.isEmpty());
        }
        QCOMPARE(m_client->inFlight(), 0);
    }

    void connectionRefused()
    {
        QUrl base;
        {
            FakeKieServer gone;
            QVERIFY(gone.listen());
            base = gone.baseUrl();
        }
        KieClient client(base);
        const auto result = record(client, QStringLiteral("t"));
        QVERIFY(result);
        QCOMPARE(result->error.kind, Kind::Network);
        QVERIFY(!result->error.serverMessage.isEmpty());
    }

    void rateLimitedWithRetryAfter()
    {
        Response limited = FakeKieServer::kieError(429, QStringLiteral("Too many requests"), 429);
        limited.headers = {{"Retry-After", "2"}};
        const ApiError error = errorFor({limited});
        QCOMPARE(error.kind, Kind::RateLimited);
        QCOMPARE(error.retryAfterSeconds, 2);
        QCOMPARE(error.httpStatus, 429);
    }

    void unauthorizedKey()
    {
        m_server->setValidKeys({QStringLiteral("the-right-key")});
        QCOMPARE(errorFor({FakeKieServer::ok(succeededRecord(QStringLiteral("t")))}).kind,
                 Kind::Unauthorized);
        const auto good = record(*m_client, QStringLiteral("t"), QStringLiteral("the-right-key"));
        QVERIFY(good);
        QVERIFY(!good->error.isError());
    }

    void timeout()
    {
        m_client->setTransferTimeout(300ms);
        QElapsedTimer clock;
        clock.start();
        const ApiError error = errorFor({fault(Response::Fault::NeverAnswer)});
        QCOMPARE(error.kind, Kind::Timeout);
        QVERIFY2(clock.elapsed() >= 250, QByteArray::number(clock.elapsed()).constData());
        // Well under the 20 s default: the timeout set is the one used.
        QVERIFY2(clock.elapsed() < 15000, QByteArray::number(clock.elapsed()).constData());
    }

    void slowButInTime()
    {
        m_client->setTransferTimeout(15000ms); // a loaded machine may add seconds to the 200 ms
        Response slow = FakeKieServer::ok(succeededRecord(QStringLiteral("t")));
        slow.delayMs = 200;
        QCOMPARE(errorFor({slow}).kind, Kind::None);
    }

    void tooLarge_data()
    {
        QTest::addColumn<qint64>("limit"); // 0 = default
        QTest::addColumn<Response>("response");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("small limit, record")
            << qint64(100) << FakeKieServer::ok(succeededRecord(QStringLiteral("t")))
            << Kind::TooLarge;
        QTest::newRow("default, 2 MiB") << qint64(0) << huge(2 * 1024 * 1024) << Kind::TooLarge;
        QTest::newRow("default, Content-Length 2 MiB")
            << qint64(0) << announcedTooLarge() << Kind::TooLarge;
        QTest::newRow("default, endless chunked")
            << qint64(0) << endlessChunked(1536 * 1024) << Kind::TooLarge;
        QTest::newRow("default, 900 KiB passes the size check")
            << qint64(0) << huge(900 * 1024) << Kind::BadResponse; // a string, no record
    }

    void tooLarge()
    {
        QFETCH(qint64, limit);
        QFETCH(Response, response);
        QFETCH(Kind, kind);
        if (limit > 0) {
            m_client->setMaxBodyBytes(limit);
        }
        m_client->setTransferTimeout(15000ms); // bounds a hang; the size check must come first
        const ApiError error = errorFor({response});
        QVERIFY2(error.kind == kind, qPrintable(error.text()));
    }

    void credits()
    {
        m_server->setCredits(Token, 1234);
        ApiError error = makeSentinel();
        qint64 credits = -1;
        m_client->credits(Token, [&](const ApiError &e, qint64 c) {
            error = e;
            credits = c;
        });
        QCOMPARE(credits, -1); // not synchronous
        QVERIFY(waitFor([&] { return credits != -1; }));
        QVERIFY2(!error.isError(), qPrintable(error.text()));
        QCOMPARE(credits, 1234);
        const auto request = m_server->requests().constLast();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.path, QByteArray("/api/v1/chat/credit"));
        QCOMPARE(request.headers.value("authorization"), "Bearer " + Token.toLatin1());
    }

    void creditsErrors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("code");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("string") << QByteArray("\"100\"") << 200 << Kind::BadResponse;
        QTest::newRow("fraction") << QByteArray("1.5") << 200 << Kind::BadResponse;
        QTest::newRow("null") << QByteArray("null") << 200 << Kind::BadResponse;
        QTest::newRow("object") << QByteArray("{\"credits\":3}") << 200 << Kind::BadResponse;
        QTest::newRow("zero") << QByteArray("0") << 200 << Kind::None;
        QTest::newRow("401") << QByteArray("null") << 401 << Kind::Unauthorized;
        QTest::newRow("402") << QByteArray("null") << 402 << Kind::InsufficientCredits;
    }

    void creditsErrors()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, code);
        QFETCH(Kind, kind);
        m_server->setRouteScript(
            "/api/v1/chat/credit",
            {answer(FakeKieServer::envelope(code, QStringLiteral("msg"), data))});
        std::optional<ApiError> error;
        m_client->credits(Token, [&](const ApiError &e, qint64) { error = e; });
        QVERIFY(waitFor([&] { return error.has_value(); }));
        QVERIFY2(error->kind == kind, qPrintable(error->text()));
    }

    void downloadUrl()
    {
        m_server->addFile(QStringLiteral("/media/v.mp4"), "video", "video/mp4");
        QUrl file = m_server->baseUrl();
        file.setPath(QStringLiteral("/media/v.mp4"));
        std::optional<ApiError> error;
        QUrl link;
        m_client->downloadUrl(file, Token, [&](const ApiError &e, const QUrl &u) {
            error = e;
            link = u;
        });
        QVERIFY(!error);
        QVERIFY(waitFor([&] { return error.has_value(); }));
        QVERIFY2(!error->isError(), qPrintable(error->text()));
        QCOMPARE(link.path(), QStringLiteral("/dl/media/v.mp4"));
        const auto request = m_server->requests().constLast();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/api/v1/common/download-url"));
        QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(
            QJsonDocument::fromJson(request.body).object().value(QLatin1String("url")).toString(),
            file.toString());
        QCOMPARE(m_server->requests().size(), 1); // the link itself was not fetched
    }

    void downloadUrlBadData()
    {
        m_server->setRouteScript("/api/v1/common/download-url",
                                 {answer(FakeKieServer::envelope(200, QStringLiteral("ok"),
                                                                 "\"javascript:alert(1)\""))});
        std::optional<ApiError> error;
        m_client->downloadUrl(QUrl(QStringLiteral("https://x/y.mp4")), Token,
                              [&](const ApiError &e, const QUrl &) { error = e; });
        QVERIFY(waitFor([&] { return error.has_value(); }));
        QCOMPARE(error->kind, Kind::BadResponse);
    }

    void inFlightIsCounted()
    {
        Response slow = FakeKieServer::ok(succeededRecord(QStringLiteral("t")));
        slow.delayMs = 150;
        m_server->setScript(QStringLiteral("t"), {slow});
        QSignalSpy spy(m_client.get(), &KieClient::inFlightChanged);
        int done = 0;
        int inFlightSeenInCallback = -1;
        for (int i = 0; i < 3; ++i) {
            readRecord(*m_client, QStringLiteral("t"), Token, [&](const RecordInfoResult &) {
                ++done;
                inFlightSeenInCallback = m_client->inFlight();
            });
        }
        QCOMPARE(m_client->inFlight(), 3);
        QVERIFY(waitFor([&] { return done == 3; }));
        QCOMPARE(inFlightSeenInCallback, 0);
        QCOMPARE(m_client->inFlight(), 0);
        QList<int> counts;
        for (const auto &args : std::as_const(spy)) {
            counts << args.at(0).toInt();
        }
        QCOMPARE(counts, (QList<int>{1, 2, 3, 2, 1, 0}));
    }

    void cancelAll()
    {
        m_server->setScript(QStringLiteral("t"), {fault(Response::Fault::NeverAnswer)});
        QSignalSpy spy(m_client.get(), &KieClient::inFlightChanged);
        int calls = 0;
        readRecord(*m_client, QStringLiteral("t"), Token,
                   [&](const RecordInfoResult &) { ++calls; });
        readRecord(*m_client, QStringLiteral("t"), Token,
                   [&](const RecordInfoResult &) { ++calls; });
        QVERIFY(waitFor([&] { return m_server->requests().size() == 2; }));
        QCOMPARE(m_client->inFlight(), 2);
        m_client->credits(QString(), [&](const ApiError &, qint64) { ++calls; }); // queued NoKey
        m_client->cancelAll();
        QCOMPARE(m_client->inFlight(), 0);
        QCOMPARE(spy.constLast().at(0).toInt(), 0);
        // The client is still usable afterwards; by its answer, the cancelled calls (and the
        // queued one) have had every chance to call back.
        m_server->setScript(QStringLiteral("t"),
                            {FakeKieServer::ok(succeededRecord(QStringLiteral("t")))});
        const auto result = record(*m_client, QStringLiteral("t"));
        QVERIFY(result);
        QVERIFY(!result->error.isError());
        QCOMPARE(calls, 0);
    }

    void destroyedWhileBusy()
    {
        m_server->setScript(QStringLiteral("t"), {fault(Response::Fault::NeverAnswer)});
        int calls = 0;
        readRecord(*m_client, QStringLiteral("t"), Token,
                   [&](const RecordInfoResult &) { ++calls; });
        QVERIFY(waitFor([&] { return m_server->requests().size() == 1; }));
        m_client.reset();
        // Until a new client's request to the same server has been answered, nothing of the
        // old one called back.
        m_client = std::make_unique<KieClient>(m_server->baseUrl());
        m_server->setScript(QStringLiteral("u"),
                            {FakeKieServer::ok(succeededRecord(QStringLiteral("u")))});
        QVERIFY(record(*m_client, QStringLiteral("u")));
        QCOMPARE(calls, 0);
    }

    void callbackMayDeleteTheClient()
    {
        auto *client = new KieClient(m_server->baseUrl());
        bool done = false;
        readRecord(*client, QStringLiteral("t"), Token, [&](const RecordInfoResult &) {
            delete client;
            done = true;
        });
        QVERIFY(waitFor([&] { return done; }));
        // The deleted client's own events (its reply's last signals, deferred deletes) run
        // while another client's request is answered: a use after free would crash here.
        QVERIFY(record(*m_client, QStringLiteral("t")));
    }

    // Regression (found by tst_followups): Qt sends a request again by itself when a kept-alive
    // connection closes before the answer. A request that creates or charges must not go twice.
    void aSendOnceRequestIsNeverSentAgainByQt()
    {
        const QByteArray path = "/api/v1/veo/extend";
        const auto sent = [this, &path] {
            int n = 0;
            for (const FakeKieServer::Request &r : m_server->requests()) {
                n += r.path == path ? 1 : 0;
            }
            return n;
        };
        const auto post = [this, &path](bool sendOnce) {
            ApiRequest request;
            request.verb = "POST";
            request.path = QString::fromLatin1(path);
            request.body = R"({"taskId":"abc123","prompt":"more"})";
            request.sendOnce = sendOnce;
            std::optional<HttpAnswer> answer;
            m_client->send(request, Token, [&answer](const HttpAnswer &a) { answer = a; });
            (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, 15000);
            return answer;
        };
        m_server->setScript(QStringLiteral("abc123"),
                            {FakeKieServer::ok(succeededRecord(QStringLiteral("abc123")))});
        FakeKieServer::Response dropped;
        dropped.fault = FakeKieServer::Response::Fault::DropConnection;
        m_server->setRouteScript(path, {dropped});

        QVERIFY(record(*m_client, QStringLiteral("abc123"))); // the connection is kept alive
        const std::optional<HttpAnswer> once = post(true);
        QVERIFY(once);
        QCOMPARE(once->networkError.kind, ApiError::Kind::Network); // its answer is lost
        QCOMPARE(sent(), 1);

        // The same request without sendOnce, on a kept-alive connection again: Qt sends it
        // more than once. This is what sendOnce is for.
        QVERIFY(record(*m_client, QStringLiteral("abc123")));
        const std::optional<HttpAnswer> plain = post(false);
        QVERIFY(plain);
        QVERIFY(plain->networkError.isError());
        QVERIFY2(sent() > 2, qPrintable(QString::number(sent())));
    }
};

QTEST_GUILESS_MAIN(TestKieClient)
#include "tst_kieclient.moc"
