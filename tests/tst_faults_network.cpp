// Fault matrix, network side: the real KieClient and the real Engine (request machine,
// refresh scheduler, repository, SQLite store) against a FaultServer (tests/support) that
// resets, stalls, trickles, cuts off, floods and redirects, in front of the fake KIE server.
// For each fault: the answer ends (no hang), with the error the user is shown on the task's
// row; the task stays listed and stored; and once the fault is gone the task finishes by
// itself. Engine runs use a manual clock (tests/support/clockrunner.h), not wall time.
#include "apierror.h"
#include "clockrunner.h"
#include "enginerig.h"
#include "fakekieserver.h"
#include "faultserver.h"
#include "keyring.h"
#include "kieclient.h"
#include "kieresponses.h"
#include "manualclock.h"
#include "readrecord.h"
#include "refreshscheduler.h"
#include "taskrepository.h"
#include "taskstore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

using namespace veo;
using namespace veo::test;
using namespace std::chrono_literals;
using Kind = ApiError::Kind;
using Fault = FaultServer::Fault;

Q_DECLARE_METATYPE(veo::ApiError::Kind)
Q_DECLARE_METATYPE(veo::test::FaultServer::Fault)

namespace {

const QString Token = QStringLiteral("sk-faults-network-0001");
const QString TaskId = QStringLiteral("veo_fault_task");
const QByteArray RecordInfoPath = QByteArrayLiteral("/api/v1/veo/record-info");

// 100,000 nested arrays inside the envelope's data.
QByteArray deeplyNested()
{
    return "{\"code\":200,\"msg\":\"success\",\"data\":" + QByteArray(100000, '[') +
           QByteArray(100000, ']') + "}";
}

QByteArray invalidUtf8()
{
    return "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"veo_fault_task\","
           "\"successFlag\":1,\"paramJson\":\"{\\\"prompt\\\":\\\"\xff\xfe\xc0\xaf bad\\\"}\"}}";
}

QByteArray httpAnswer(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray redirectTo(const QByteArray &location)
{
    return "HTTP/1.1 302 Found\r\nLocation: " + location +
           "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
}

// The faults every row of the client and engine tables use. canned: for Canned.
void addFaultRows(bool includeSlow)
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<QByteArray>("canned");
    QTest::addColumn<Kind>("kind");
    QTest::newRow("connection refused") << Fault::Pass << QByteArray("refuse") << Kind::Network;
    QTest::newRow("reset mid-headers") << Fault::ResetInHeaders << QByteArray() << Kind::Network;
    QTest::newRow("reset mid-body") << Fault::ResetInBody << QByteArray() << Kind::BadResponse;
    QTest::newRow("chunked body cut short")
        << Fault::ChunkedCut << QByteArray() << Kind::BadResponse;
    QTest::newRow("3 GiB body, announced") << Fault::Huge << QByteArray() << Kind::TooLarge;
    QTest::newRow("3 GiB body, until close")
        << Fault::Huge << QByteArray("unannounced") << Kind::TooLarge;
    QTest::newRow("invalid UTF-8")
        << Fault::Canned << httpAnswer(invalidUtf8()) << Kind::BadResponse;
    QTest::newRow("JSON nested 100,000 deep")
        << Fault::Canned << httpAnswer(deeplyNested()) << Kind::BadResponse;
    QTest::newRow("redirect loop")
        << Fault::Canned << redirectTo(RecordInfoPath + "?taskId=" + TaskId.toLatin1())
        << Kind::Http;
    if (includeSlow) {
        QTest::newRow("never answers") << Fault::NeverAnswer << QByteArray() << Kind::Timeout;
        QTest::newRow("a byte a second") << Fault::Trickle << QByteArray() << Kind::Timeout;
    }
}

void applyFault(FaultServer &server, Fault fault, const QByteArray &canned)
{
    server.setFault(fault);
    server.canned = canned;
    server.hugeAnnounced = canned != "unannounced";
    if (canned == "refuse") {
        server.refuse();
    }
}

} // namespace

class tst_FaultsNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void clientEndsEveryFaultWithAnError_data() { addFaultRows(true); }
    void clientEndsEveryFaultWithAnError();
    void redirectToAnotherHostKeepsTheKeyHome();
    void engineRidesOutTheFault_data() { addFaultRows(false); }
    void engineRidesOutTheFault();
    void unauthorizedInTheMiddleOfARun();
    void rateLimitStormHonoursRetryAfter_data();
    void rateLimitStormHonoursRetryAfter();
    void unknownApiHost();

private:
    bool startEngine(const QUrl &base);
    std::optional<TaskRecord> stored(const QString &id) const;
    const TaskRecord *task() const { return m_app ? m_app->task(TaskId) : nullptr; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeKieServer> m_kie;
    std::unique_ptr<FaultServer> m_faults;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ClockRunner> m_run;
    std::unique_ptr<EngineRig> m_app;
};

void tst_FaultsNetwork::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_kie = std::make_unique<FakeKieServer>();
    QVERIFY(m_kie->listen(QHostAddress::LocalHost));
    m_kie->setValidKeys({Token});
    m_kie->setCredits(QString(), 5000);
    FakeKieServer::Record generating = succeededRecord(TaskId);
    generating.successFlag = 0;
    generating.resultUrls.clear();
    m_kie->setScript(TaskId, {FakeKieServer::ok(generating), FakeKieServer::ok(generating),
                              FakeKieServer::ok(succeededRecord(TaskId))});
    m_faults = std::make_unique<FaultServer>();
    QVERIFY(m_faults->listen());
    m_faults->setUpstream(m_kie->baseUrl());
    m_clock = std::make_unique<ManualClock>();
    m_run = std::make_unique<ClockRunner>(*m_clock, *m_kie);
}

void tst_FaultsNetwork::cleanup()
{
    if (m_app) {
        m_app->engine->flush();
    }
    m_app.reset();
    m_run.reset();
    m_clock.reset();
    m_faults.reset();
    m_kie.reset();
    m_dir.reset();
}

bool tst_FaultsNetwork::startEngine(const QUrl &base)
{
    m_app = std::make_unique<EngineRig>(m_dir->path(), base, Token, false, QStringList(), true,
                                        m_clock.get());
    if (m_app->opened == TaskStore::OpenResult::Failed) {
        return false;
    }
    m_app->engine->start();
    Engine *engine = m_app->engine.get();
    m_run->follow(engine->scheduler()->requests(), [engine] { engine->flush(); });
    // Keys in memory: a few event-loop turns.
    return QTest::qWaitFor([engine] { return !engine->keys()->isLoading(); }, 15000);
}

std::optional<TaskRecord> tst_FaultsNetwork::stored(const QString &id) const
{
    TaskStore second;
    if (second.open(m_dir->filePath(QStringLiteral("tasks.sqlite"))) !=
        TaskStore::OpenResult::Opened) {
        return std::nullopt;
    }
    for (const TaskRecord &t : second.loadAll().tasks) {
        if (t.taskId == id) {
            return t;
        }
    }
    return std::nullopt;
}

void tst_FaultsNetwork::clientEndsEveryFaultWithAnError()
{
    QFETCH(Fault, fault);
    QFETCH(QByteArray, canned);
    QFETCH(Kind, kind);
    applyFault(*m_faults, fault, canned);
    KieClient client(m_faults->baseUrl());
    // Short enough for the silent and trickling peers (a byte a second) to end the test fast.
    client.setTransferTimeout(1500ms);
    TaskRecord t;
    t.taskId = TaskId;
    std::optional<RecordInfoResult> result;
    QElapsedTimer wall;
    wall.start();
    readRecord(client, t, Token, [&](const RecordInfoResult &r) { result = r; });
    // Waits out the faulty exchange over loopback (at most the 4.5 s deadline).
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 20000));
    QVERIFY2(result->error.kind == kind, qPrintable(QStringLiteral("%1 (%2)").arg(
                                             result->error.text(), result->error.serverMessage)));
    // What the task's row says: a sentence, and advice, never the key.
    QVERIFY(!result->error.text().isEmpty());
    QVERIFY(!result->error.advice().isEmpty());
    QVERIFY(!result->error.serverMessage.contains(Token));
    QCOMPARE(client.inFlight(), 0);
    // A trickling peer is cut off by the whole-answer deadline (3 transfer timeouts), not
    // after the minutes its answer would take.
    QVERIFY2(wall.elapsed() < 10000, QByteArray::number(wall.elapsed()).constData());
    if (fault == Fault::Huge) {
        // Cut off at the size limit, long before 3 GiB.
        QVERIFY2(m_faults->hugeBytesWritten() < 64 * 1024 * 1024,
                 QByteArray::number(m_faults->hugeBytesWritten()).constData());
    }
    if (canned.startsWith("HTTP/1.1 302")) {
        QCOMPARE(m_faults->faultsServed(), 6); // the first answer and 5 redirects followed
        QVERIFY(
            result->error.serverMessage.contains(QLatin1String("redirect"), Qt::CaseInsensitive));
    }
}

void tst_FaultsNetwork::redirectToAnotherHostKeepsTheKeyHome()
{
    FakeKieServer other; // another host: 127.0.0.2
    QVERIFY(other.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    other.setScript(TaskId, {FakeKieServer::ok(succeededRecord(TaskId))});
    QUrl elsewhere = other.baseUrl();
    elsewhere.setPath(QString::fromLatin1(RecordInfoPath));
    elsewhere.setQuery(QStringLiteral("taskId=") + TaskId);
    m_faults->setFault(Fault::Canned);
    m_faults->canned = redirectTo(elsewhere.toEncoded());
    QVERIFY(startEngine(m_faults->baseUrl()));
    QCOMPARE(m_app->engine->addTasks({TaskId}).added, 1);
    QVERIFY(m_run->runUntil([this] { return task() && task()->lastError.isError(); }));
    QCOMPARE(task()->lastError.kind, Kind::Http);
    QVERIFY(!task()->lastError.text().isEmpty());
    m_run->runFor(3000);
    // Neither the key nor anything else went to the other host, however often it was asked.
    QVERIFY(m_faults->faultsServed() >= 2);
    QVERIFY(other.requests().isEmpty());
    m_faults->setFault(Fault::Pass);
    QVERIFY(m_run->runUntil([this] { return task()->status == TaskStatus::Succeeded; }, 1000));
    QVERIFY(!task()->lastError.isError());
    QVERIFY(other.requests().isEmpty());
}

void tst_FaultsNetwork::engineRidesOutTheFault()
{
    QFETCH(Fault, fault);
    QFETCH(QByteArray, canned);
    QFETCH(Kind, kind);
    QVERIFY(startEngine(m_faults->baseUrl()));
    QCOMPARE(m_app->engine->addTasks({TaskId}).added, 1);
    applyFault(*m_faults, fault, canned);

    QVERIFY(m_run->runUntil([this] { return task() && task()->lastError.isError(); }));
    QVERIFY2(task()->lastError.kind == kind, qPrintable(task()->lastError.text()));
    QVERIFY(!task()->lastError.text().isEmpty());
    QVERIFY(!isFinal(task()->status)); // still followed
    // Asked again (with backoff) while the fault lasts: it is not given up.
    const int before = m_faults->faultsServed();
    m_run->runFor(5000, 250);
    QVERIFY(canned == "refuse" || m_faults->faultsServed() > before);
    const std::optional<TaskRecord> kept = stored(TaskId);
    QVERIFY(kept);
    QCOMPARE(kept->taskId, TaskId);

    // The fault goes away: the task finishes by itself, committed.
    if (canned == "refuse") {
        QVERIFY(m_faults->listenAgain());
    }
    m_faults->setFault(Fault::Pass);
    QVERIFY(m_run->runUntil([this] { return task()->status == TaskStatus::Succeeded; }, 1000));
    QVERIFY(!task()->lastError.isError());
    m_app->engine->flush();
    QCOMPARE(stored(TaskId)->status, TaskStatus::Succeeded);
}

void tst_FaultsNetwork::unauthorizedInTheMiddleOfARun()
{
    QVERIFY(startEngine(m_kie->baseUrl()));
    QCOMPARE(m_app->engine->addTasks({TaskId}).added, 1);
    QVERIFY(m_run->runUntil([this] { return task() && task()->successFlag == 0; }));
    m_kie->setValidKeys({QStringLiteral("sk-someone-else")}); // the key was revoked
    QVERIFY(m_run->runUntil([this] { return task()->lastError.isError(); }));
    QCOMPARE(task()->lastError.kind, Kind::Unauthorized);
    QVERIFY(!task()->lastError.text().isEmpty());
    QCOMPARE(task()->status, TaskStatus::Generating); // what was known stays
    m_kie->setValidKeys({Token});                     // the account is fixed
    QVERIFY(m_run->runUntil([this] { return task()->status == TaskStatus::Succeeded; }, 1000));
    QVERIFY(!task()->lastError.isError());
}

void tst_FaultsNetwork::rateLimitStormHonoursRetryAfter_data()
{
    QTest::addColumn<bool>("httpDate");
    QTest::newRow("seconds") << false;
    QTest::newRow("HTTP date") << true;
}

void tst_FaultsNetwork::rateLimitStormHonoursRetryAfter()
{
    QFETCH(bool, httpDate);
    QVERIFY(startEngine(m_kie->baseUrl()));
    // Let the start-up requests (credits) through first.
    m_run->runFor(500);
    FakeKieServer::Response limited =
        FakeKieServer::kieError(429, QStringLiteral("Too many requests"), 429);
    // The date form is read against the wall clock: 4 s from now is 3 to 4 s when it arrives.
    const QByteArray date = QLocale::c()
                                .toString(QDateTime::currentDateTimeUtc().addSecs(4),
                                          QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
                                .toLatin1() +
                            " GMT";
    limited.headers = {{"Retry-After", httpDate ? date : QByteArray("3")}};
    m_kie->setKeyResponses(Token, QList<FakeKieServer::Response>(5, limited));
    const qsizetype from = m_run->sent().size();
    QCOMPARE(m_app->engine->addTasks({TaskId}).added, 1);
    QVERIFY(m_run->runUntil([this] { return task() && task()->lastError.isError(); }));
    QCOMPARE(task()->lastError.kind, Kind::RateLimited);
    QVERIFY(!task()->lastError.text().isEmpty());
    QVERIFY(m_run->runUntil([this] { return task()->status == TaskStatus::Succeeded; }, 100));
    // Never a request for this key sooner than 3 s (2 s for the date, truncated) after a 429.
    QList<qint64> at;
    for (qsizetype i = from; i < m_run->sent().size(); ++i) {
        if (m_run->sent().at(i).request.path.startsWith("/api/")) {
            at.append(m_run->sent().at(i).atMs);
        }
    }
    QVERIFY2(at.size() >= 6, QByteArray::number(at.size()).constData());
    for (qsizetype i = 1; i < 6; ++i) {
        QVERIFY2(at.at(i) - at.at(i - 1) >= (httpDate ? 2000 : 3000),
                 qPrintable(QStringLiteral("request %1 came %2 ms after the 429")
                                .arg(i)
                                .arg(at.at(i) - at.at(i - 1))));
    }
}

void tst_FaultsNetwork::unknownApiHost()
{
    // .invalid never resolves (RFC 6761): the lookup fails, the task stays, polls go on.
    QVERIFY(startEngine(QUrl(QStringLiteral("https://api.veo-faults.invalid"))));
    QCOMPARE(m_app->engine->addTasks({TaskId}).added, 1);
    QVERIFY(m_run->runUntil([this] { return task() && task()->lastError.isError(); }));
    QCOMPARE(task()->lastError.kind, Kind::Network);
    QVERIFY2(task()->lastError.serverMessage.contains(QLatin1String("api.veo-faults.invalid")),
             qPrintable(task()->lastError.serverMessage));
    QVERIFY(!task()->lastError.text().isEmpty());
    QVERIFY(!isFinal(task()->status));
    QVERIFY(stored(TaskId));
}

QTEST_GUILESS_MAIN(tst_FaultsNetwork)
#include "tst_faults_network.moc"
