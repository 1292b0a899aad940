// The status sources: how each kind of task is read, against the fake KIE server over
// loopback, and which kinds the scheduler can poll.
#include "fakekieserver.h"
#include "kieclient.h"
#include "readrecord.h"
#include "refreshscheduler.h"
#include "statussource.h"
#include "veofollowups.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <QSignalSpy>
#include <QTest>

using namespace veo;

Q_DECLARE_METATYPE(veo::TaskKind)

namespace {
TaskRecord task(const QString &id, TaskKind kind = TaskKind::VeoGeneration)
{
    TaskRecord t;
    t.taskId = id;
    t.kind = kind;
    return t;
}
} // namespace

class TestStatusSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindHasAStableKey_data();
    void everyKindHasAStableKey();
    void veoTasksAreReadWithRecordInfo_data();
    void veoTasksAreReadWithRecordInfo();
    void anIdIsSentExactlyAsGiven();
    void networkErrorsBecomeTheTasksError();
    void kindsWithoutASourceAreListedButNotPolled();
    void a1080pIsAskedForUntilItIsReady();
    void a4kIsReadByRepeatingItsRequest();
    void aLostUpgradeAnswerIsAnErrorToRetry();
    void upgradesArePolledAtKiesPace();
};

void TestStatusSource::everyKindHasAStableKey_data()
{
    QTest::addColumn<TaskKind>("kind");
    QTest::addColumn<QString>("key");
    QTest::newRow("generation") << TaskKind::VeoGeneration << QStringLiteral("veo");
    QTest::newRow("extension") << TaskKind::VeoExtension << QStringLiteral("veo-extend");
    QTest::newRow("1080p") << TaskKind::Veo1080p << QStringLiteral("veo-1080p");
    QTest::newRow("4k") << TaskKind::Veo4k << QStringLiteral("veo-4k");
    QTest::newRow("market") << TaskKind::MarketJob << QStringLiteral("market");
}

void TestStatusSource::everyKindHasAStableKey()
{
    QFETCH(TaskKind, kind);
    QFETCH(QString, key);
    QCOMPARE(taskKindKey(kind), key); // stored in the task database: never change these
    bool ok = false;
    QCOMPARE(taskKindFromKey(key, &ok), kind);
    QVERIFY(ok);
    QCOMPARE(taskKindFromKey(QStringLiteral("no-such-kind"), &ok), TaskKind::VeoGeneration);
    QVERIFY(!ok);
}

void TestStatusSource::veoTasksAreReadWithRecordInfo_data()
{
    QTest::addColumn<TaskKind>("kind");
    QTest::newRow("generation") << TaskKind::VeoGeneration;
    QTest::newRow("extension") << TaskKind::VeoExtension; // its own new task id
}

void TestStatusSource::veoTasksAreReadWithRecordInfo()
{
    QFETCH(TaskKind, kind);
    FakeKieServer server;
    QVERIFY(server.listen());
    FakeKieServer::Record r;
    r.taskId = QStringLiteral("veo_src_1");
    r.successFlag = 1;
    r.resultUrls = {QStringLiteral("https://media.example/1.mp4")};
    server.setScript(r.taskId, {FakeKieServer::ok(r)});
    KieClient client(server.baseUrl());

    const StatusSource *source = statusSource(kind);
    QVERIFY(source);
    const ApiRequest request = source->request(task(r.taskId, kind));
    QCOMPARE(request.verb, QByteArray("GET"));
    QCOMPARE(request.path, QStringLiteral("/api/v1/veo/record-info"));
    QVERIFY(request.body.isEmpty());

    std::optional<RecordInfoResult> result;
    test::readRecord(client, task(r.taskId, kind), QStringLiteral("tok"),
                     [&result](const RecordInfoResult &answer) { result = answer; });
    QVERIFY(!result); // never inside the call
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
    QVERIFY(!result->error.isError());
    QCOMPARE(result->record.taskId, r.taskId);
    QCOMPARE(result->record.status, TaskStatus::Succeeded);
    QCOMPARE(result->record.resultUrls, r.resultUrls);
    const auto sent = server.requestsFor(r.taskId);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().path, QByteArray("/api/v1/veo/record-info"));
    QCOMPARE(sent.first().headers.value("authorization"), QByteArray("Bearer tok"));
}

void TestStatusSource::anIdIsSentExactlyAsGiven()
{
    // '+' would read as a space, '&' and '=' would split the query.
    const ApiRequest request =
        statusSource(TaskKind::VeoGeneration)->request(task(QStringLiteral("a+b&c=d e")));
    QUrl url(QStringLiteral("https://api.example"));
    url.setQuery(request.query);
    QCOMPARE(url.toString(QUrl::FullyEncoded),
             QStringLiteral("https://api.example?taskId=a%2Bb%26c%3Dd%20e"));
}

void TestStatusSource::networkErrorsBecomeTheTasksError()
{
    HttpAnswer answer;
    answer.networkError.kind = ApiError::Kind::Timeout;
    const RecordInfoResult result =
        statusSource(TaskKind::VeoGeneration)->parse(task(QStringLiteral("veo_t")), answer);
    QCOMPARE(result.error.kind, ApiError::Kind::Timeout);
    QCOMPARE(result.record.taskId, QStringLiteral("veo_t"));
}

void TestStatusSource::kindsWithoutASourceAreListedButNotPolled()
{
    FakeKieServer server;
    QVERIFY(server.listen());
    KieClient client(server.baseUrl());
    RefreshScheduler scheduler(&client, [](const QString &) { return QStringLiteral("tok"); });
    scheduler.setFollowSystemNetwork(false);
    QList<TaskRecord> tasks;
    QVERIFY(!statusSource(TaskKind::MarketJob)); // arrives with its feature
    tasks << task(QStringLiteral("market_job_1"), TaskKind::MarketJob);
    // An extension whose request is not answered yet has no KIE task ID to ask about.
    TaskRecord placeholder = task(QStringLiteral("veo_polled:extend:1"), TaskKind::VeoExtension);
    placeholder.submission = TaskSubmission::AnswerLost;
    QVERIFY(placeholder.awaitsTaskId());
    tasks << placeholder << task(QStringLiteral("veo_polled"));
    QSignalSpy answered(&scheduler, &RefreshScheduler::taskAnswered);
    scheduler.track(tasks);
    QCOMPARE(scheduler.pendingCount(), 1);
    QVERIFY(answered.wait(15000));
    QCOMPARE(answered.first().at(0).toString(), QStringLiteral("veo_polled"));
    QCOMPARE(server.requests().size(), 1);
}

namespace {
// A parent the fake server knows (the follow-up endpoints answer 404 for others).
FakeKieServer::Record knownParent(FakeKieServer &server, const QString &id)
{
    FakeKieServer::Record r;
    r.taskId = id;
    r.successFlag = 1;
    r.resultUrls = {QStringLiteral("https://media.example/a.mp4"),
                    QStringLiteral("https://media.example/b.mp4")};
    server.setScript(id, {FakeKieServer::ok(r)});
    return r;
}

TaskRecord upgrade(const QString &parent, TaskKind kind, int index)
{
    TaskRecord t = task(upgradeTaskId(parent, kind, index), kind);
    t.parentTaskId = parent;
    t.videoIndex = index;
    return t;
}

RecordInfoResult readOnce(KieClient &client, const TaskRecord &t)
{
    std::optional<RecordInfoResult> result;
    test::readRecord(client, t, QStringLiteral("tok"),
                     [&result](const RecordInfoResult &answer) { result = answer; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 15000)) {
        return {};
    }
    return *result;
}
} // namespace

void TestStatusSource::a1080pIsAskedForUntilItIsReady()
{
    FakeKieServer server;
    QVERIFY(server.listen());
    knownParent(server, QStringLiteral("veo_parent_1"));
    const QString url = QStringLiteral("https://tempfile.example/p/hd.mp4");
    server.setUpgradeScript(
        FakeKieServer::Upgrade::Hd1080p, QStringLiteral("veo_parent_1"), 1,
        {FakeKieServer::kieError(422, QStringLiteral("1080P is processing. It should be ready "
                                                     "in 1-2 minutes.")),
         FakeKieServer::kieError(500, QStringLiteral("Internal Error, Please try again later.")),
         FakeKieServer::upgrade1080pReady(url)});
    KieClient client(server.baseUrl());
    const TaskRecord child = upgrade(QStringLiteral("veo_parent_1"), TaskKind::Veo1080p, 1);

    for (int i = 0; i < 2; ++i) {
        const RecordInfoResult notYet = readOnce(client, child);
        QVERIFY(!notYet.error.isError());
        QCOMPARE(notYet.record.status, TaskStatus::Generating);
    }
    const RecordInfoResult ready = readOnce(client, child);
    QVERIFY(!ready.error.isError());
    QCOMPARE(ready.record.taskId, child.taskId);
    QCOMPARE(ready.record.status, TaskStatus::Succeeded);
    QCOMPARE(ready.record.resultUrls, QStringList{url});

    const QList<FakeKieServer::Request> sent = server.requests();
    QCOMPARE(sent.size(), 3);
    for (const FakeKieServer::Request &r : sent) {
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.path, QByteArray("/api/v1/veo/get-1080p-video"));
        QCOMPARE(r.query.queryItemValue(QStringLiteral("taskId")), QStringLiteral("veo_parent_1"));
        QCOMPARE(r.query.queryItemValue(QStringLiteral("index")), QStringLiteral("1"));
    }
}

void TestStatusSource::a4kIsReadByRepeatingItsRequest()
{
    FakeKieServer server;
    QVERIFY(server.listen());
    const QString parent = QStringLiteral("veo_parent_2");
    knownParent(server, parent);
    const QStringList urls{QStringLiteral("https://tempfile.example/p/4k.mp4")};
    const QStringList images{QStringLiteral("https://tempfile.example/p/4k.jpg")};
    server.setUpgradeScript(
        FakeKieServer::Upgrade::Uhd4k, parent, 0,
        {FakeKieServer::upgrade4kAnswer(200, QStringLiteral("success"), parent),
         FakeKieServer::upgrade4kAnswer(422,
                                        QStringLiteral("4k is processing. It should be "
                                                       "ready in 5-10 minutes."),
                                        parent),
         FakeKieServer::upgrade4kAnswer(422,
                                        QStringLiteral("The video has been generated successfully"),
                                        parent, urls, images)});
    KieClient client(server.baseUrl());
    const TaskRecord child = upgrade(parent, TaskKind::Veo4k, 0);

    QCOMPARE(readOnce(client, child).record.status, TaskStatus::Generating); // accepted
    QCOMPARE(readOnce(client, child).record.status, TaskStatus::Generating); // processing
    const RecordInfoResult done = readOnce(client, child);
    QVERIFY(!done.error.isError());
    QCOMPARE(done.record.status, TaskStatus::Succeeded);
    QCOMPARE(done.record.resultUrls, urls);
    QCOMPARE(done.record.imageUrls, images);

    for (const FakeKieServer::Request &r : server.requests()) {
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/api/v1/veo/get-4k-video"));
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QLatin1String("taskId")).toString(), parent);
        QCOMPARE(body.value(QLatin1String("index")).toInt(-1), 0);
        QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer tok"));
    }
}

void TestStatusSource::aLostUpgradeAnswerIsAnErrorToRetry()
{
    FakeKieServer server;
    QVERIFY(server.listen());
    const QString parent = QStringLiteral("veo_parent_3");
    knownParent(server, parent);
    FakeKieServer::Response dropped;
    dropped.fault = FakeKieServer::Response::Fault::DropConnection;
    for (const auto which : {FakeKieServer::Upgrade::Hd1080p, FakeKieServer::Upgrade::Uhd4k}) {
        server.setUpgradeScript(which, parent, 0, {dropped});
    }
    KieClient client(server.baseUrl());
    for (const TaskKind kind : {TaskKind::Veo1080p, TaskKind::Veo4k}) {
        const RecordInfoResult lost = readOnce(client, upgrade(parent, kind, 0));
        QCOMPARE(lost.error.kind, ApiError::Kind::Network);
        QVERIFY(lost.error.isRetryable());
        QCOMPARE(lost.record.status, TaskStatus::Pending); // no state was read
    }
    // Not the parent's: KIE does not know it.
    const RecordInfoResult unknown =
        readOnce(client, upgrade(QStringLiteral("veo_unknown_9"), TaskKind::Veo1080p, 0));
    QCOMPARE(unknown.error.kind, ApiError::Kind::NotFound);
}

void TestStatusSource::upgradesArePolledAtKiesPace()
{
    using namespace std::chrono_literals;
    const auto chosen = [](TaskKind kind, std::chrono::milliseconds interval) {
        return statusSource(kind)->interval(interval);
    };
    QCOMPARE(chosen(TaskKind::VeoGeneration, 5s), std::chrono::milliseconds(5s));
    QCOMPARE(chosen(TaskKind::Veo1080p, 5s), std::chrono::milliseconds(20s)); // 20-30 s
    QCOMPARE(chosen(TaskKind::Veo1080p, 120s), std::chrono::milliseconds(30s));
    QCOMPARE(chosen(TaskKind::Veo4k, 5s), std::chrono::milliseconds(30s)); // 30 s or more
    QCOMPARE(chosen(TaskKind::Veo4k, 60s), std::chrono::milliseconds(60s));
    QCOMPARE(statusSource(TaskKind::Veo1080p)->giveUpAfter(), std::optional(15min));
    QCOMPARE(statusSource(TaskKind::Veo4k)->giveUpAfter(), std::optional(20min));
    QVERIFY(!statusSource(TaskKind::VeoGeneration)->giveUpAfter());
}

QTEST_GUILESS_MAIN(TestStatusSource)
#include "tst_statussource.moc"
