// What a generation cost (CostLedger in the Engine), against real parts: the fake KIE server
// over loopback, which takes each generation's price from the sending key's balance (and gives
// it back when the generation fails), the SQLite store in a temporary folder and a manual
// clock. A cost is written only when the balance's change belongs to one task alone.
#include "clockedengine.h"
#include "fakekieserver.h"
#include "followups.h"
#include "generations.h"
#include "keyring.h"
#include "manualclock.h"
#include "taskrepository.h"
#include "veofollowups.h"
#include "veogenerate.h"

#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <tuple>

using namespace veo;

namespace {
constexpr qint64 Second = 1000;
const QString Token = QStringLiteral("sk-costs-0001");
const QString OtherToken = QStringLiteral("sk-costs-0002");
const QByteArray PathCredit = QByteArrayLiteral("/api/v1/chat/credit");
const QByteArray PathGenerate = QByteArrayLiteral("/api/v1/veo/generate");
constexpr qint64 Balance = 5000;
constexpr qint64 FastPrice = 60;
constexpr qint64 QualityPrice = 150;
constexpr qint64 ExtendPrice = 90;

FakeKieServer::Record generatedRecord(int successFlag)
{
    FakeKieServer::Record r;
    r.taskId = QStringLiteral("@TASK_ID@");
    r.prompt = QStringLiteral("@PROMPT@");
    r.successFlag = successFlag;
    if (successFlag == 1) {
        r.resultUrls = {QStringLiteral("https://media.invalid/generated.mp4")};
    } else if (successFlag != 0) {
        r.errorCode = 501;
        r.errorMessage = QStringLiteral("Generation failed");
    }
    return r;
}
} // namespace

class tst_CostLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aGenerationAloneOnItsKeyCostsWhatTheBalanceLostAndKeepsItAcrossARestart();
    void oneAfterAnotherEachHasItsCost();
    void twoOverlappingOnOneKeyHaveNoCost();
    void overlappingOnTwoKeysEachHasItsCost();
    void aFailureKieDidNotChargeCostsZero();
    void aBalanceThatRoseLeavesTheCostUnknown();
    void anExtensionAloneHasItsCostToo();

private:
    const TaskRecord *task(const QString &id) const { return m_t.app->task(id); }
    Generations *generations() const { return m_t.app->engine->generations(); }
    // Sends generations (prompt, model, key) together; KIE's task IDs in that order, once all
    // were accepted (empty on failure).
    QStringList generate(const QList<std::tuple<QString, QString, QString>> &requests);
    // Until every task finished and its key's balance was read after that (the check 3 s
    // after a task finishes): the cost is known then, or never.
    bool runUntilFinishedAndChecked(const QStringList &ids);
    // Credits requests the server received with this token so far.
    int creditChecks(const QString &token) const;
    // Where the first request on path with token is in the server's log; -1 when none came.
    qsizetype firstRequest(const QByteArray &path, const QString &token) const;
    QString addStoredKey(const QString &label, const QString &secret);

    test::ClockedEngine m_t;
};

void tst_CostLedger::init()
{
    QVERIFY(m_t.setUp(Token));
    m_t.server->setCredits(QString(), Balance);
    m_t.server->setPrice(QStringLiteral("veo3_fast"), FastPrice);
    m_t.server->setPrice(QStringLiteral("veo3"), QualityPrice);
    m_t.server->setGenerateScript(
        {FakeKieServer::ok(generatedRecord(0)), FakeKieServer::ok(generatedRecord(1))});
    QVERIFY(m_t.start());
    // The check at start: the key's balance is known before anything is sent.
    QVERIFY(m_t.run->runUntil([&] { return creditChecks(Token) == 1; }, Second));
}

void tst_CostLedger::cleanup()
{
    m_t.tearDown();
}

QStringList tst_CostLedger::generate(const QList<std::tuple<QString, QString, QString>> &requests)
{
    QSignalSpy settled(generations(), &Generations::generationSettled);
    QStringList placeholders;
    for (const auto &[prompt, model, keyId] : requests) {
        GenerateOptions options;
        options.prompt = prompt;
        options.model = model;
        const Generations::Outcome sent = generations()->generate(options, keyId);
        if (!sent.error.isEmpty()) {
            qWarning("%s", qPrintable(sent.error));
            return {};
        }
        placeholders.append(sent.taskId);
    }
    if (!m_t.run->runUntil([&] { return settled.size() == requests.size(); }, 100)) {
        return {};
    }
    QStringList ids;
    for (const QString &placeholder : std::as_const(placeholders)) {
        for (const QList<QVariant> &args : std::as_const(settled)) {
            if (args.at(0).toString() == placeholder && !args.at(1).toString().isEmpty()) {
                ids.append(args.at(1).toString());
            }
        }
    }
    return ids.size() == requests.size() ? ids : QStringList();
}

bool tst_CostLedger::runUntilFinishedAndChecked(const QStringList &ids)
{
    const bool finished = m_t.run->runUntil(
        [&] {
            return std::all_of(ids.cbegin(), ids.cend(), [&](const QString &id) {
                return task(id) && isFinal(task(id)->status);
            });
        },
        Second);
    // The check after a task finished goes 3 s later; 10 s leave room for its answer.
    m_t.run->runFor(10 * Second, Second);
    return finished;
}

int tst_CostLedger::creditChecks(const QString &token) const
{
    int n = 0;
    for (const FakeKieServer::Request &r : m_t.server->requests()) {
        const bool withToken = r.headers.value("authorization") == "Bearer " + token.toUtf8();
        n += r.path == PathCredit && withToken ? 1 : 0;
    }
    return n;
}

qsizetype tst_CostLedger::firstRequest(const QByteArray &path, const QString &token) const
{
    const QList<FakeKieServer::Request> all = m_t.server->requests();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).path == path &&
            all.at(i).headers.value("authorization") == "Bearer " + token.toUtf8()) {
            return i;
        }
    }
    return -1;
}

QString tst_CostLedger::addStoredKey(const QString &label, const QString &secret)
{
    bool done = false;
    QString id;
    m_t.app->engine->keys()->addKey(label, secret, KeyHealth::Ok, std::nullopt, this,
                                    [&done, &id](const TokenResult &result, const QString &keyId) {
                                        done = true;
                                        id = result.ok() ? keyId : QString();
                                    });
    return QTest::qWaitFor([&done] { return done; }, 15000) ? id : QString();
}

void tst_CostLedger::aGenerationAloneOnItsKeyCostsWhatTheBalanceLostAndKeepsItAcrossARestart()
{
    const QStringList ids = generate({{QStringLiteral("A fox"), QStringLiteral("veo3_fast"), {}}});
    QCOMPARE(ids.size(), 1);
    const int checksBefore = creditChecks(Token);
    QVERIFY(runUntilFinishedAndChecked(ids));
    QCOMPARE(task(ids.at(0))->status, TaskStatus::Succeeded);
    QVERIFY(creditChecks(Token) > checksBefore); // read again after it finished
    QCOMPARE(m_t.server->credits(Token), Balance - FastPrice);
    QCOMPARE(task(ids.at(0))->cost, std::optional<qint64>(FastPrice));

    m_t.stop();
    QVERIFY(m_t.start());
    QCOMPARE(task(ids.at(0))->cost, std::optional<qint64>(FastPrice));
}

void tst_CostLedger::oneAfterAnotherEachHasItsCost()
{
    const QStringList first =
        generate({{QStringLiteral("A fox"), QStringLiteral("veo3_fast"), {}}});
    QCOMPARE(first.size(), 1);
    QVERIFY(runUntilFinishedAndChecked(first));
    // The reading after the first is the reading before the second: no other is needed.
    const int checks = creditChecks(Token);
    const QStringList second = generate({{QStringLiteral("A heron"), QStringLiteral("veo3"), {}}});
    QCOMPARE(second.size(), 1);
    QCOMPARE(creditChecks(Token), checks);
    QVERIFY(runUntilFinishedAndChecked(second));
    QCOMPARE(task(first.at(0))->cost, std::optional<qint64>(FastPrice));
    QCOMPARE(task(second.at(0))->cost, std::optional<qint64>(QualityPrice));
    QCOMPARE(m_t.server->credits(Token), Balance - FastPrice - QualityPrice);
}

void tst_CostLedger::twoOverlappingOnOneKeyHaveNoCost()
{
    const QStringList ids = generate({{QStringLiteral("A fox"), QStringLiteral("veo3_fast"), {}},
                                      {QStringLiteral("A heron"), QStringLiteral("veo3"), {}}});
    QCOMPARE(ids.size(), 2);
    // Both generating at once: the balance's fall cannot be split between them.
    QVERIFY(!isFinal(task(ids.at(0))->status));
    QVERIFY(!isFinal(task(ids.at(1))->status));
    const int checksBefore = creditChecks(Token);
    QVERIFY(runUntilFinishedAndChecked(ids));
    QVERIFY(creditChecks(Token) > checksBefore);
    QCOMPARE(m_t.server->credits(Token), Balance - FastPrice - QualityPrice);
    QCOMPARE(task(ids.at(0))->cost, std::nullopt);
    QCOMPARE(task(ids.at(1))->cost, std::nullopt);

    // Alone again, the next one has its cost.
    const QStringList next = generate({{QStringLiteral("A crow"), QStringLiteral("veo3"), {}}});
    QCOMPARE(next.size(), 1);
    QVERIFY(runUntilFinishedAndChecked(next));
    QCOMPARE(task(next.at(0))->cost, std::optional<qint64>(QualityPrice));
}

void tst_CostLedger::overlappingOnTwoKeysEachHasItsCost()
{
    m_t.server->setValidKeys({Token, OtherToken});
    m_t.server->setCredits(OtherToken, 1000);
    const QString other = addStoredKey(QStringLiteral("Client"), OtherToken);
    QVERIFY(!other.isEmpty());
    const QStringList ids =
        generate({{QStringLiteral("A fox"), QStringLiteral("veo3_fast"), KeyRing::SessionKeyId},
                  {QStringLiteral("A heron"), QStringLiteral("veo3"), other}});
    QCOMPARE(ids.size(), 2);
    // The new key had never been read: it was, before its generation left.
    const qsizetype read = firstRequest(PathCredit, OtherToken);
    QVERIFY(read >= 0);
    QVERIFY(read < firstRequest(PathGenerate, OtherToken));
    QVERIFY(runUntilFinishedAndChecked(ids));
    QCOMPARE(m_t.server->credits(Token), Balance - FastPrice);
    QCOMPARE(m_t.server->credits(OtherToken), 1000 - QualityPrice);
    QCOMPARE(task(ids.at(0))->cost, std::optional<qint64>(FastPrice));
    QCOMPARE(task(ids.at(1))->cost, std::optional<qint64>(QualityPrice));
}

void tst_CostLedger::aFailureKieDidNotChargeCostsZero()
{
    m_t.server->setGenerateScript(
        {FakeKieServer::ok(generatedRecord(0)), FakeKieServer::ok(generatedRecord(2))});
    const QStringList ids = generate({{QStringLiteral("A fox"), QStringLiteral("veo3_fast"), {}}});
    QCOMPARE(ids.size(), 1);
    QCOMPARE(m_t.server->credits(Token), Balance - FastPrice); // taken when it was accepted
    QVERIFY(runUntilFinishedAndChecked(ids));
    QCOMPARE(task(ids.at(0))->status, TaskStatus::Failed);
    QCOMPARE(m_t.server->credits(Token), Balance);             // and given back when it failed
    QCOMPARE(task(ids.at(0))->cost, std::optional<qint64>(0)); // known: it cost nothing
}

void tst_CostLedger::aBalanceThatRoseLeavesTheCostUnknown()
{
    const QStringList ids = generate({{QStringLiteral("A fox"), QStringLiteral("veo3_fast"), {}}});
    QCOMPARE(ids.size(), 1);
    m_t.server->setCredits(Token, 9000); // topped up on kie.ai while it runs
    const int checksBefore = creditChecks(Token);
    QVERIFY(runUntilFinishedAndChecked(ids));
    QVERIFY(creditChecks(Token) > checksBefore);
    QCOMPARE(task(ids.at(0))->status, TaskStatus::Succeeded);
    QCOMPARE(task(ids.at(0))->cost, std::nullopt); // not a negative cost
}

void tst_CostLedger::anExtensionAloneHasItsCostToo()
{
    m_t.server->setPrice(QStringLiteral("extend"), ExtendPrice);
    m_t.server->setExtendScript(
        {FakeKieServer::ok(generatedRecord(0)), FakeKieServer::ok(generatedRecord(1))});
    const QStringList parent =
        generate({{QStringLiteral("A fox"), QStringLiteral("veo3_fast"), {}}});
    QCOMPARE(parent.size(), 1);
    QVERIFY(runUntilFinishedAndChecked(parent));

    FollowUps *followUps = m_t.app->engine->followUps();
    QSignalSpy settled(followUps, &FollowUps::extensionSettled);
    ExtendOptions options;
    options.parentTaskId = parent.at(0);
    options.prompt = QStringLiteral("The fox leaps over the creek");
    const FollowUps::Outcome sent = followUps->extend(options);
    QVERIFY2(sent.error.isEmpty(), qPrintable(sent.error));
    QVERIFY(m_t.run->runUntil([&] { return settled.size() == 1; }, 100));
    const QString child = settled.first().at(1).toString();
    QVERIFY(!child.isEmpty());
    QVERIFY(runUntilFinishedAndChecked({child}));
    QCOMPARE(task(child)->cost, std::optional<qint64>(ExtendPrice));
    QCOMPARE(task(parent.at(0))->cost, std::optional<qint64>(FastPrice));
    QCOMPARE(m_t.server->credits(Token), Balance - FastPrice - ExtendPrice);
}

QTEST_MAIN(tst_CostLedger)
#include "tst_costledger.moc"
