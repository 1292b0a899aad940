// The status sources: how each kind of task is read, against the fake KIE server over
// loopback, and which kinds the scheduler can poll.
#include "fakekieserver.h"
#include "kieclient.h"
#include "readrecord.h"
#include "refreshscheduler.h"
#include "statussource.h"

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
    for (const TaskKind kind : {TaskKind::Veo1080p, TaskKind::Veo4k, TaskKind::MarketJob}) {
        QVERIFY(!statusSource(kind)); // they arrive with their features
        tasks << task(QStringLiteral("child_%1").arg(taskKindKey(kind)), kind);
    }
    tasks << task(QStringLiteral("veo_polled"));
    QSignalSpy answered(&scheduler, &RefreshScheduler::taskAnswered);
    scheduler.track(tasks);
    QCOMPARE(scheduler.pendingCount(), 1);
    QVERIFY(answered.wait(15000));
    QCOMPARE(answered.first().at(0).toString(), QStringLiteral("veo_polled"));
    QCOMPARE(server.requests().size(), 1);
}

QTEST_GUILESS_MAIN(TestStatusSource)
#include "tst_statussource.moc"
