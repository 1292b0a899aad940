#include "fakekieserver.h"
#include "kieclient.h"
#include "requestscheduler.h"
#include "taskchecker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace veo;

class TestTaskChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void exitCodes_data();
    void exitCodes();
    void jsonLineHasEveryField();
    void everyTaskCheckedOnceWithTheKey();
    void a1080pChildIsReadLikeTheAppReadsIt();

private:
    QList<CheckResult> run(const QStringList &ids);
    FakeKieServer m_server;
};

namespace {
const QString Ok1 = QStringLiteral("task_success_0001");
const QString Ok2 = QStringLiteral("task_success_0002");
const QString Gen = QStringLiteral("task_generating_01");
const QString Fail = QStringLiteral("task_failed_000001");
const QString GenFail = QStringLiteral("task_genfailed_001");
const QString Unknown = QStringLiteral("task_not_visible_1");
const QString Expired = QStringLiteral("task_expired_00001");
const QString Token = QStringLiteral("sk-check-token-1");

FakeKieServer::Record rec(const QString &id, int flag)
{
    FakeKieServer::Record r;
    r.taskId = id;
    r.successFlag = flag;
    if (flag == 1) {
        r.resultUrls = {QStringLiteral("https://media.example/%1.mp4").arg(id)};
        r.originUrls = {QStringLiteral("https://media.example/%1-o.mp4").arg(id)};
    } else if (flag >= 2) {
        r.errorCode = 400;
        r.errorMessage = QStringLiteral("Prompt flagged for content policy");
    }
    return r;
}
} // namespace

void TestTaskChecker::initTestCase()
{
    QVERIFY(m_server.listen());
    m_server.setValidKeys({Token});
    m_server.setScript(Ok1, {FakeKieServer::ok(rec(Ok1, 1))});
    m_server.setScript(Ok2, {FakeKieServer::ok(rec(Ok2, 1))});
    m_server.setScript(Gen, {FakeKieServer::ok(rec(Gen, 0))});
    m_server.setScript(Fail, {FakeKieServer::ok(rec(Fail, 2))});
    m_server.setScript(GenFail, {FakeKieServer::ok(rec(GenFail, 3))});
    m_server.setScript(Expired,
                       {FakeKieServer::kieError(
                           422, QStringLiteral("Temporarily supports records within 14 days."))});
    // Unknown has no script: the server answers "record is null".
}

void TestTaskChecker::init()
{
    m_server.clearRequests();
}

QList<CheckResult> TestTaskChecker::run(const QStringList &ids)
{
    KieClient client(m_server.baseUrl());
    RequestScheduler requests(&client, [](const QString &) { return Token; });
    requests.setFollowSystemNetwork(false);
    TaskChecker checker(&requests);
    QSignalSpy spy(&checker, &TaskChecker::finished);
    checker.start(ids);
    if (!spy.wait(15000)) {
        return {};
    }
    return spy.at(0).at(0).value<QList<CheckResult>>();
}

void TestTaskChecker::exitCodes_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("all succeeded") << QStringList{Ok1, Ok2} << 0;
    QTest::newRow("one generating") << QStringList{Ok1, Gen} << 1;
    QTest::newRow("not visible yet counts as generating") << QStringList{Ok1, Unknown} << 1;
    QTest::newRow("failed wins") << QStringList{Gen, Fail} << 2;
    QTest::newRow("generation failed") << QStringList{GenFail} << 2;
    QTest::newRow("expired") << QStringList{Ok1, Expired} << 2;
}

void TestTaskChecker::exitCodes()
{
    QFETCH(QStringList, ids);
    QFETCH(int, exitCode);
    const QList<CheckResult> results = run(ids);
    QCOMPARE(results.size(), ids.size());
    QCOMPARE(checkExitCode(results), exitCode);
}

void TestTaskChecker::jsonLineHasEveryField()
{
    const QList<CheckResult> results = run({Ok1, Fail, Expired});
    QCOMPARE(results.size(), 3);
    QHash<QString, QJsonObject> byId;
    for (const CheckResult &r : results) {
        const QByteArray line = checkResultJson(r);
        QVERIFY(!line.contains('\n'));
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        for (const char *field :
             {"taskId", "status", "successFlag", "resultUrls", "originUrls", "error"}) {
            QVERIFY2(o.contains(QLatin1String(field)), field);
        }
        byId.insert(o.value(QStringLiteral("taskId")).toString(), o);
    }
    QCOMPARE(byId[Ok1].value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(byId[Ok1].value(QStringLiteral("successFlag")).toInt(), 1);
    QCOMPARE(byId[Ok1].value(QStringLiteral("resultUrls")).toArray().size(), 1);
    QVERIFY(byId[Ok1].value(QStringLiteral("error")).isNull());
    QCOMPARE(byId[Fail].value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(byId[Fail].value(QStringLiteral("error")).toString(),
             QStringLiteral("Prompt flagged for content policy"));
    QCOMPARE(byId[Expired].value(QStringLiteral("status")).toString(),
             QStringLiteral("unavailable"));
    QVERIFY(!byId[Expired].value(QStringLiteral("error")).toString().isEmpty());
}

void TestTaskChecker::everyTaskCheckedOnceWithTheKey()
{
    const QStringList ids{Ok1, Ok2, Gen, Fail, GenFail, Unknown};
    QCOMPARE(run(ids).size(), ids.size());
    const auto requests = m_server.requests();
    QCOMPARE(requests.size(), ids.size());
    QStringList asked;
    for (const auto &r : requests) {
        QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer ") + Token.toUtf8());
        QVERIFY(!r.query.toString().contains(Token));
        asked << r.query.queryItemValue(QStringLiteral("taskId"));
    }
    asked.sort();
    QStringList expected = ids;
    expected.sort();
    QCOMPARE(asked, expected);
}

void TestTaskChecker::a1080pChildIsReadLikeTheAppReadsIt()
{
    const QString child = Ok1 + QStringLiteral(":1080p:0");
    const QString url = QStringLiteral("https://tempfile.example/ok1-1080p.mp4");
    m_server.setUpgradeScript(FakeKieServer::Upgrade::Hd1080p, Ok1, 0,
                              {FakeKieServer::upgrade1080pReady(url)});
    const QList<CheckResult> results = run({child});
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().taskId, child);
    QCOMPARE(results.first().result.record.status, TaskStatus::Succeeded);
    QCOMPARE(results.first().result.record.resultUrls, QStringList{url});
    QCOMPARE(checkExitCode(results), 0);
    const auto requests = m_server.requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().path, QByteArray("/api/v1/veo/get-1080p-video"));
    QCOMPARE(requests.first().query.queryItemValue(QStringLiteral("taskId")), Ok1);
}

QTEST_GUILESS_MAIN(TestTaskChecker)
#include "tst_taskchecker.moc"
