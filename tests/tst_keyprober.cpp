// KeyProber with the production wiring: a KeyRing of three keys (memory token store), the
// real TaskStore/TaskTableModel/TaskTracker and a RefreshScheduler, against the fake KIE
// server, which knows which key's account each task belongs to. Time is on a manual clock: the
// rig lets requests be answered over real loopback HTTP and then steps the clock.
#include "clockrunner.h"
#include "fakekieserver.h"
#include "keyprober.h"
#include "keyprofilestore.h"
#include "keyring.h"
#include "kieclient.h"
#include "memorytokenstore.h"
#include "refreshscheduler.h"
#include "requestscheduler.h"
#include "taskrepository.h"
#include "taskstore.h"
#include "tasktablemodel.h"
#include "tasktracker.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace veo;
using namespace std::chrono_literals;

namespace {

using Response = FakeKieServer::Response;

const QStringList Secrets = {QStringLiteral("sk-probe-one-1111"),
                             QStringLiteral("sk-probe-two-2222"),
                             QStringLiteral("sk-probe-three-3333")};

Response record(const QString &id, int successFlag)
{
    FakeKieServer::Record r;
    r.taskId = id;
    r.successFlag = successFlag;
    if (successFlag == 1) {
        r.resultUrls = {QStringLiteral("https://example.invalid/%1.mp4").arg(id)};
    }
    return FakeKieServer::ok(r);
}

struct Rig
{
    QTemporaryDir dir;
    FakeKieServer server;
    MemoryTokenStore secrets; // the keychain: outlives restarts
    QStringList keyIds;       // in added order; the first is the default
    std::unique_ptr<TaskStore> store;
    std::unique_ptr<KeyProfileStore> keyMeta; // labels, in the task database as in the app
    std::unique_ptr<KeyRing> keyring;
    std::unique_ptr<TaskTableModel> model;
    std::unique_ptr<KieClient> client;
    test::ManualClock clock; // the request machine's; it goes on across restarts
    test::ClockRunner runner{clock, server};
    std::unique_ptr<RequestScheduler> requests;
    std::unique_ptr<RefreshScheduler> scheduler;
    std::unique_ptr<TaskRepository> repository;
    std::unique_ptr<TaskTracker> tracker;
    std::unique_ptr<KeyProber> prober;

    Rig()
    {
        if (!dir.isValid() || !server.listen()) {
            qFatal("test rig could not start");
        }
        server.setValidKeys(Secrets);
        start();
        for (qsizetype i = 0; i < Secrets.size(); ++i) {
            keyIds.append(addKey(QStringLiteral("Key %1").arg(i + 1), Secrets.at(i)));
        }
    }
    ~Rig() { stop(); }
    // Builds the app's parts in the app's order on the rig's store; neither the tracker nor
    // the keyring is loaded.
    void start()
    {
        store = std::make_unique<TaskStore>();
        if (store->open(dir.filePath(QStringLiteral("tasks.sqlite"))) ==
            TaskStore::OpenResult::Failed) {
            qFatal("store did not open");
        }
        keyMeta = std::make_unique<KeyProfileStore>();
        if (!keyMeta->open(store->path())) {
            qFatal("key store did not open");
        }
        keyring = std::make_unique<KeyRing>(&secrets, keyMeta.get());
        model = std::make_unique<TaskTableModel>();
        client = std::make_unique<KieClient>(server.baseUrl());
        requests = std::make_unique<RequestScheduler>(
            client.get(), [this](const QString &id) { return keyring->token(id); }, &clock);
        requests->setFollowSystemNetwork(false);
        scheduler = std::make_unique<RefreshScheduler>(requests.get(),
                                                       RefreshScheduler::Policy{.jitter = 0});
        scheduler->setInterval(100ms);
        repository = std::make_unique<TaskRepository>(store.get(), 10ms);
        model->follow(repository.get());
        tracker = std::make_unique<TaskTracker>(repository.get(), scheduler.get());
        prober = std::make_unique<KeyProber>(requests.get(), tracker.get(), keyring.get());
        runner.follow(requests.get(), [this] { repository->flush(); });
    }
    void stop()
    {
        runner.follow(nullptr);
        prober.reset();
        tracker.reset();
        repository.reset();
        scheduler.reset();
        requests.reset();
        client.reset();
        model.reset();
        keyring.reset();
        keyMeta.reset();
        store.reset();
    }
    // A quit and a new start of the app; the fake server and the keychain stay.
    void restart()
    {
        stop();
        start();
    }
    QString addKey(const QString &label, const QString &secret)
    {
        QString id;
        QObject context;
        keyring->addKey(label, secret, KeyHealth::Ok, qint64(100), &context,
                        [&id](const TokenResult &, const QString &keyId) { id = keyId; });
        if (!QTest::qWaitFor([&id] { return !id.isEmpty(); }, 5000)) {
            qFatal("key was not added");
        }
        return id;
    }
    // The bearer token of each record-info request for this task, in order.
    QStringList tokensAsked(const QString &taskId) const
    {
        QStringList tokens;
        for (const FakeKieServer::Request &r : server.requestsFor(taskId)) {
            tokens.append(QString::fromUtf8(r.headers.value("authorization")));
        }
        return tokens;
    }
    bool runUntil(const std::function<bool()> &condition, qint64 stepMs = 50)
    {
        return runner.runUntil(condition, stepMs);
    }
    void runFor(qint64 ms) { runner.runFor(ms); }

    static QString bearer(qsizetype key) { return QStringLiteral("Bearer ") + Secrets.at(key); }
    const TaskRecord *task(const QString &id) const { return model->task(id); }
};

} // namespace

class TestKeyProber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probeOrderPutsTheDefaultFirst();
    void ownerIsFoundAndBound();
    void noKeyOwnsTheTask();
    void transientErrorRetriesTheSameKey();
    void endlessFailuresStopProbing();
    void pausedPollingPausesProbing();
    void rateLimitedKeyWaitsForRetryAfter();
    void staysWithinThePerKeyRateLimit();
    void sessionKeyOwnerAndSameSecretAskedOnce();
    void knownIdsAreNotProbed();
    void findsTheOwnerOfAListedTask();
    void searchCutOffByQuittingGoesOn();
    void resumeWaitsForAReadableKeyring();
    void choosingAKeyEndsTheSearch();
};

void TestKeyProber::probeOrderPutsTheDefaultFirst()
{
    Rig rig;
    QCOMPARE(KeyProber::probeOrder(*rig.keyring), rig.keyIds);
    QVERIFY(rig.keyring->setDefaultKey(rig.keyIds.at(2)));
    QCOMPARE(KeyProber::probeOrder(*rig.keyring),
             (QStringList{rig.keyIds.at(2), rig.keyIds.at(0), rig.keyIds.at(1)}));
    // The session key (KIE_API_KEY) is the default while it is set.
    rig.keyring->setSessionKey(Secrets.at(1));
    QCOMPARE(KeyProber::probeOrder(*rig.keyring).constFirst(), KeyRing::SessionKeyId);
}

void TestKeyProber::ownerIsFoundAndBound()
{
    Rig rig;
    const QString done = QStringLiteral("veo_owned_by_two");
    const QString running = QStringLiteral("veo_owned_by_three");
    rig.server.setScript(done, {record(done, 1)});
    rig.server.setTaskOwner(done, Secrets.at(1));
    rig.server.setScript(running, {record(running, 0), record(running, 0), record(running, 1)});
    rig.server.setTaskOwner(running, Secrets.at(2));
    QSignalSpy found(rig.prober.get(), &KeyProber::ownerFound);
    QSignalSpy unowned(rig.prober.get(), &KeyProber::notOwnedByAnyKey);

    QCOMPARE(rig.prober->addTasksTryingAllKeys({done, running}), 2);
    // Listed at once, with the default key, before any request.
    QVERIFY(rig.task(done));
    QCOMPARE(rig.task(done)->keyId, QString());
    QCOMPARE(rig.task(done)->status, TaskStatus::Pending);
    QVERIFY(rig.prober->isProbing(done));
    QCOMPARE(rig.server.requests().size(), 0);

    QVERIFY(rig.runUntil([&] { return found.size() == 2; }));
    QCOMPARE(rig.prober->probingCount(), 0);
    QCOMPARE(rig.task(done)->keyId, rig.keyIds.at(1));
    QCOMPARE(rig.task(running)->keyId, rig.keyIds.at(2));
    // The answer that proved ownership counted as the first poll.
    QVERIFY(rig.runUntil([&] { return rig.task(done)->status == TaskStatus::Succeeded; }));
    QCOMPARE(rig.task(done)->resultUrls,
             QStringList{QStringLiteral("https://example.invalid/veo_owned_by_two.mp4")});
    QCOMPARE(rig.tokensAsked(done), (QStringList{Rig::bearer(0), Rig::bearer(1)}));
    // The scheduler takes over with the bound key only.
    QVERIFY(rig.runUntil([&] { return rig.task(running)->status == TaskStatus::Succeeded; }));
    QCOMPARE(rig.tokensAsked(running), (QStringList{Rig::bearer(0), Rig::bearer(1), Rig::bearer(2),
                                                    Rig::bearer(2), Rig::bearer(2)}));
    rig.runFor(1000); // final: nothing more, and nobody reported as unowned
    QCOMPARE(rig.tokensAsked(done).size(), 2);
    QCOMPARE(unowned.size(), 0);

    TaskStore reopened;
    QVERIFY(reopened.open(rig.dir.filePath(QStringLiteral("tasks.sqlite"))) !=
            TaskStore::OpenResult::Failed);
    for (const TaskRecord &t : reopened.loadAll().tasks) {
        QCOMPARE(t.keyId, t.taskId == done ? rig.keyIds.at(1) : rig.keyIds.at(2));
    }
}

void TestKeyProber::noKeyOwnsTheTask()
{
    Rig rig;
    const QString nobody = QStringLiteral("veo_owned_by_nobody");
    const QString mine = QStringLiteral("veo_owned_by_one");
    rig.server.setScript(nobody, {record(nobody, 1)});
    rig.server.setTaskOwner(nobody, QStringLiteral("sk-someone-else"));
    rig.server.setScript(mine, {record(mine, 1)});
    rig.server.setTaskOwner(mine, Secrets.at(0));
    QSignalSpy unowned(rig.prober.get(), &KeyProber::notOwnedByAnyKey);
    QSignalSpy found(rig.prober.get(), &KeyProber::ownerFound);

    QCOMPARE(rig.prober->addTasksTryingAllKeys({nobody, mine}), 2);
    QVERIFY(rig.runUntil([&] { return unowned.size() == 1; }));
    QCOMPARE(unowned.constFirst().constFirst().toStringList(), QStringList{nobody});
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().at(1).toString(), rig.keyIds.at(0));
    QCOMPARE(rig.tokensAsked(mine), QStringList{Rig::bearer(0)}); // the default owned it

    // Every key was asked once, in order; the task stays with the default key, showing the
    // default key's answer, and is still waiting (a new task may take a moment to appear).
    QCOMPARE(rig.tokensAsked(nobody).mid(0, 3),
             (QStringList{Rig::bearer(0), Rig::bearer(1), Rig::bearer(2)}));
    QVERIFY(rig.runUntil(
        [&] { return rig.task(nobody)->lastError.kind == ApiError::Kind::NotFoundYet; }));
    QCOMPARE(rig.task(nobody)->keyId, QString());
    QCOMPARE(rig.task(nobody)->status, TaskStatus::Pending);
    // From then on the scheduler polls it with the default key only.
    QVERIFY(rig.runUntil([&] { return rig.tokensAsked(nobody).size() >= 5; }));
    const QStringList later = rig.tokensAsked(nobody).mid(3);
    QCOMPARE(later, QStringList(later.size(), Rig::bearer(0)));
    QCOMPARE(unowned.size(), 1);
}

void TestKeyProber::transientErrorRetriesTheSameKey()
{
    Rig rig;
    const QString id = QStringLiteral("veo_flaky_owned_by_two");
    rig.server.setScript(
        id,
        {FakeKieServer::kieError(500, QStringLiteral("Internal Error, Please try again later.")),
         FakeKieServer::kieError(502, QStringLiteral("Bad Gateway"), 502), record(id, 1)});
    rig.server.setTaskOwner(id, Secrets.at(1));
    QSignalSpy found(rig.prober.get(), &KeyProber::ownerFound);

    rig.prober->addTasksTryingAllKeys({id});
    QVERIFY(rig.runUntil([&] { return found.size() == 1; }));
    QCOMPARE(found.constFirst().at(1).toString(), rig.keyIds.at(1));
    // Key one said "not mine"; key two failed twice and was asked again, not skipped.
    QCOMPARE(rig.tokensAsked(id),
             (QStringList{Rig::bearer(0), Rig::bearer(1), Rig::bearer(1), Rig::bearer(1)}));
    QVERIFY(rig.runUntil([&] { return rig.task(id)->status == TaskStatus::Succeeded; }));
    QVERIFY(!rig.task(id)->lastError.isError());
}

void TestKeyProber::endlessFailuresStopProbing()
{
    Rig rig;
    const QString id = QStringLiteral("veo_behind_a_broken_proxy");
    rig.server.setScript(id, {FakeKieServer::kieError(500, QStringLiteral("Internal Error"))});
    QSignalSpy found(rig.prober.get(), &KeyProber::ownerFound);
    QSignalSpy nobody(rig.prober.get(), &KeyProber::notOwnedByAnyKey);

    rig.prober->addTasksTryingAllKeys({id});
    QVERIFY(rig.runUntil([&] { return !rig.prober->isProbing(id); }));
    const QStringList asked = rig.tokensAsked(id);
    QVERIFY(asked.size() >= KeyProber::MaxTransientFailures);
    for (int i = 0; i < KeyProber::MaxTransientFailures; ++i) {
        QCOMPARE(asked.at(i), Rig::bearer(0)); // the same key, not skipped
    }
    // The row says why (once the tracker has committed the answer).
    QVERIFY(rig.runUntil([&] { return rig.task(id)->lastError.kind == ApiError::Kind::Server; }));
    QCOMPARE(found.size(), 0);
    QCOMPARE(nobody.size(), 0); // not "no key owns it": nobody could tell
    // The regular polls take over.
    QVERIFY(rig.runUntil([&] { return rig.tokensAsked(id).size() > asked.size(); }));
}

void TestKeyProber::pausedPollingPausesProbing()
{
    Rig rig;
    const QString id = QStringLiteral("veo_added_while_paused");
    rig.server.setScript(id, {record(id, 1)});
    rig.server.setTaskOwner(id, Secrets.at(1));
    QSignalSpy found(rig.prober.get(), &KeyProber::ownerFound);
    rig.scheduler->setPaused(true); // the user's "Pause Polling"
    rig.prober->addTasksTryingAllKeys({id});
    QVERIFY(rig.task(id)); // listed at once
    rig.runFor(10'000);
    QCOMPARE(rig.tokensAsked(id), QStringList()); // nothing asked while paused
    rig.scheduler->setPaused(false);
    QVERIFY(rig.runUntil([&] { return found.size() == 1; }));
    QCOMPARE(found.constFirst().at(1).toString(), rig.keyIds.at(1));
}

void TestKeyProber::rateLimitedKeyWaitsForRetryAfter()
{
    Rig rig;
    const QString id = QStringLiteral("veo_owned_by_busy_one");
    rig.server.setScript(id, {record(id, 1)});
    rig.server.setTaskOwner(id, Secrets.at(0));
    // Longer than the prober's own retry delay: the key's block is what holds the retry.
    Response limited = FakeKieServer::kieError(429, QStringLiteral("Rate limited"), 429);
    limited.headers = {{"Retry-After", "5"}};
    rig.server.setKeyResponses(Secrets.at(0), {limited});
    QSignalSpy found(rig.prober.get(), &KeyProber::ownerFound);

    rig.prober->addTasksTryingAllKeys({id});
    QVERIFY(rig.runUntil([&] { return rig.tokensAsked(id).size() == 1; }));
    const qint64 refusedAt = rig.clock.nowMs();
    rig.runFor(4950);
    QCOMPARE(rig.tokensAsked(id).size(), 1); // not another key: the same one, after its block
    QCOMPARE(found.size(), 0);
    QVERIFY(rig.runUntil([&] { return found.size() == 1; }));
    QCOMPARE(found.constFirst().at(1).toString(), rig.keyIds.at(0));
    QCOMPARE(rig.tokensAsked(id), (QStringList{Rig::bearer(0), Rig::bearer(0)}));
    QCOMPARE(rig.runner.sent().constLast().atMs - refusedAt, 5000);
}

void TestKeyProber::staysWithinThePerKeyRateLimit()
{
    Rig rig;
    const int limit = 4;
    rig.scheduler->setMaxPerSecondPerKey(limit);
    rig.scheduler->setInterval(1s);
    // The scheduler polls two tasks of the default key at the same time.
    const QStringList polled = {QStringLiteral("veo_polled_a"), QStringLiteral("veo_polled_b")};
    for (const QString &id : polled) {
        rig.server.setScript(id, {record(id, 0)});
    }
    rig.tracker->addTasks(polled);
    QStringList unknown;
    for (int i = 0; i < 6; ++i) {
        unknown.append(QStringLiteral("veo_unknown_%1").arg(i));
    }
    QSignalSpy unowned(rig.prober.get(), &KeyProber::notOwnedByAnyKey);
    QCOMPARE(rig.prober->addTasksTryingAllKeys(unknown), 6);
    QVERIFY(rig.runUntil([&] { return unowned.size() == 1; }, 10));
    QCOMPARE(unowned.constFirst().constFirst().toStringList().size(), 6);

    // Polls and probes together: never more than the limit within one window of the clock.
    QHash<QByteArray, QList<qint64>> sends;
    for (const test::ClockRunner::Sent &sent : rig.runner.sent()) {
        sends[sent.request.headers.value("authorization")].append(sent.atMs);
    }
    QCOMPARE(sends.size(), 3);
    for (auto it = sends.cbegin(); it != sends.cend(); ++it) {
        const QList<qint64> &at = it.value();
        QVERIFY(at.size() > limit); // enough requests for the limit to matter
        for (qsizetype i = 0; i < at.size(); ++i) {
            const auto inWindow = std::count_if(at.cbegin() + i, at.cend(), [&](qint64 t) {
                return t < at.at(i) + RateLimiter::WindowMs;
            });
            QVERIFY2(inWindow <= limit, qPrintable(QString::fromLatin1(it.key()) + u" at " +
                                                   QString::number(at.at(i))));
        }
    }
}

void TestKeyProber::sessionKeyOwnerAndSameSecretAskedOnce()
{
    Rig rig;
    rig.keyring->setSessionKey(Secrets.at(1)); // the same secret as stored key two
    const QString owned = QStringLiteral("veo_owned_by_session");
    const QString nobody = QStringLiteral("veo_owned_by_nobody");
    rig.server.setScript(owned, {record(owned, 1)});
    rig.server.setTaskOwner(owned, Secrets.at(1));
    QSignalSpy found(rig.prober.get(), &KeyProber::ownerFound);
    QSignalSpy unowned(rig.prober.get(), &KeyProber::notOwnedByAnyKey);

    rig.prober->addTasksTryingAllKeys({owned, nobody});
    QVERIFY(rig.runUntil([&] { return unowned.size() == 1; }));
    QCOMPARE(found.size(), 1);
    // Bound to "" (the default), not to the session key that no later run has.
    QCOMPARE(found.constFirst().at(0).toString(), owned);
    QCOMPARE(found.constFirst().at(1).toString(), QString());
    QCOMPARE(rig.task(owned)->keyId, QString());
    QCOMPARE(rig.tokensAsked(owned), QStringList{Rig::bearer(1)});
    // Stored key two holds the session key's secret: not asked a second time.
    QCOMPARE(rig.tokensAsked(nobody).mid(0, 3),
             (QStringList{Rig::bearer(1), Rig::bearer(0), Rig::bearer(2)}));
    QVERIFY(rig.runUntil([&] { return rig.tokensAsked(nobody).size() >= 4; }));
    QCOMPARE(rig.tokensAsked(nobody).at(3), Rig::bearer(1)); // polled with the default
}

void TestKeyProber::knownIdsAreNotProbed()
{
    Rig rig;
    rig.scheduler->setPaused(true);
    const QString id = QStringLiteral("veo_already_here");
    QCOMPARE(rig.tracker->addTasks({id}, rig.keyIds.at(2)), 1);
    QCOMPARE(rig.prober->addTasksTryingAllKeys({id, id}), 0);
    QVERIFY(!rig.prober->isProbing(id));
    QCOMPARE(rig.task(id)->keyId, rig.keyIds.at(2));
    rig.runFor(1000);
    QCOMPARE(rig.server.requests().size(), 0);
}

void TestKeyProber::findsTheOwnerOfAListedTask()
{
    Rig rig;
    const QString wrong = QStringLiteral("veo_listed_with_the_wrong_key");
    const QString nobodys = QStringLiteral("veo_listed_owned_by_nobody");
    rig.server.setScript(wrong, {record(wrong, 1)});
    rig.server.setTaskOwner(wrong, Secrets.at(2));
    rig.server.setTaskOwner(nobodys, QStringLiteral("sk-someone-else"));
    QCOMPARE(rig.tracker->addTasks({wrong}, rig.keyIds.at(0)), 1);
    QCOMPARE(rig.tracker->addTasks({nobodys}, rig.keyIds.at(1)), 1);
    // Its key cannot see it: the polls say "not visible yet".
    QVERIFY(rig.runUntil([&] { return rig.task(wrong)->lastError.isError(); }));
    QSignalSpy found(rig.prober.get(), &KeyProber::ownerFound);
    QSignalSpy unowned(rig.prober.get(), &KeyProber::notOwnedByAnyKey);

    QCOMPARE(rig.prober->findOwners({wrong, wrong, nobodys, QStringLiteral("veo_not_listed")}), 2);
    QCOMPARE(rig.prober->findOwners({wrong}), 0); // already being probed
    QVERIFY(rig.runUntil([&] { return found.size() == 1; }));
    QCOMPARE(found.constFirst().at(0).toString(), wrong);
    QCOMPARE(rig.task(wrong)->keyId, rig.keyIds.at(2));
    QVERIFY(rig.runUntil([&] { return rig.task(wrong)->status == TaskStatus::Succeeded; }));
    QVERIFY(rig.runUntil([&] { return unowned.size() == 1; }));
    QCOMPARE(unowned.constFirst().at(0).toStringList(), QStringList{nobodys});
    QCOMPARE(rig.task(nobodys)->keyId, rig.keyIds.at(1)); // keeps its key
    // Both are polled again as usual.
    const qsizetype before = rig.tokensAsked(nobodys).size();
    QVERIFY(rig.runUntil([&] { return rig.tokensAsked(nobodys).size() > before; }));
    QCOMPARE(rig.tokensAsked(nobodys).constLast(), Rig::bearer(1));
}

void TestKeyProber::searchCutOffByQuittingGoesOn()
{
    Rig rig;
    const QString added = QStringLiteral("veo_added_owned_by_three");
    const QString listed = QStringLiteral("veo_listed_owned_by_two");
    rig.server.setScript(added, {record(added, 1)});
    rig.server.setTaskOwner(added, Secrets.at(2));
    rig.server.setScript(listed, {record(listed, 0)});
    rig.server.setTaskOwner(listed, Secrets.at(1));
    rig.scheduler->setPaused(true); // nothing is asked before the quit
    QCOMPARE(rig.tracker->addTasks({listed}, rig.keyIds.at(0)), 1);
    QCOMPARE(rig.prober->addTasksTryingAllKeys({added}), 1);
    QCOMPARE(rig.prober->findOwners({listed}), 1);
    QVERIFY(rig.task(added)->findingOwner);
    QVERIFY(rig.task(listed)->findingOwner);
    QCOMPARE(rig.scheduler->pendingCount(), 0);

    // The next start, in the app's order, with KIE_API_KEY set (a key owning neither task) and
    // a keychain slow to answer: the session key makes the keyring ready at once, but the
    // search must wait until the stored keys are read, or it would end with the session key.
    rig.restart();
    const QString sessionSecret = QStringLiteral("sk-probe-session-4444");
    rig.server.setValidKeys(Secrets + QStringList{sessionSecret});
    rig.keyring->setSessionKey(sessionSecret);
    rig.tracker->load();
    rig.secrets.setReplyDelay(500ms);
    // Listed, still marked, and not polled with the key they were listed with meanwhile.
    QVERIFY(rig.task(added)->findingOwner);
    QVERIFY(rig.task(listed)->findingOwner);
    QCOMPARE(rig.task(listed)->keyId, rig.keyIds.at(0));
    QCOMPARE(rig.scheduler->pendingCount(), 0);
    rig.runFor(1000);
    QCOMPARE(rig.server.requests().size(), 0);

    QSignalSpy found(rig.prober.get(), &KeyProber::ownerFound);
    QSignalSpy unowned(rig.prober.get(), &KeyProber::notOwnedByAnyKey);
    rig.keyring->load(); // once the keyring has read its keys, the search goes on
    QCOMPARE(rig.keyring->state(), KeyRing::State::Ready);
    QVERIFY(rig.keyring->isLoading());
    QVERIFY(rig.runUntil([&] { return found.size() == 2; }));
    QCOMPARE(unowned.size(), 0);
    QCOMPARE(rig.task(added)->keyId, rig.keyIds.at(2));
    QCOMPARE(rig.task(listed)->keyId, rig.keyIds.at(1));
    QVERIFY(!rig.task(added)->findingOwner);
    QVERIFY(!rig.task(listed)->findingOwner);
    const QString session = QStringLiteral("Bearer ") + sessionSecret;
    QCOMPARE(rig.tokensAsked(added).mid(0, 4),
             (QStringList{session, Rig::bearer(0), Rig::bearer(1), Rig::bearer(2)}));
    QVERIFY(rig.runUntil([&] { return rig.task(added)->status == TaskStatus::Succeeded; }));
    QCOMPARE(rig.scheduler->pendingCount(), 1); // the listed one, with its owner's key
    QVERIFY(rig.runUntil([&] { return rig.tokensAsked(listed).size() >= 3; }));
    QCOMPARE(rig.tokensAsked(listed).constLast(), Rig::bearer(1));

    // The next start has nothing left to look for.
    rig.secrets.setReplyDelay(0ms);
    rig.restart();
    rig.tracker->load();
    QVERIFY(!rig.task(added)->findingOwner);
    QCOMPARE(rig.task(added)->keyId, rig.keyIds.at(2));
    QCOMPARE(rig.prober->resumeOwnerSearches(), 0);
}

void TestKeyProber::resumeWaitsForAReadableKeyring()
{
    Rig rig;
    const QString id = QStringLiteral("veo_owned_by_three_after_errors");
    rig.server.setScript(id, {record(id, 1)});
    rig.server.setTaskOwner(id, Secrets.at(2));
    rig.scheduler->setPaused(true);
    QCOMPARE(rig.prober->addTasksTryingAllKeys({id}), 1);

    // The keychain fails to read: no search from a partial key list (it would end with
    // "no key owns it" and drop the mark).
    rig.restart();
    rig.tracker->load();
    rig.secrets.setFailure(TokenResult::Status::OtherError);
    rig.keyring->load();
    QVERIFY(rig.runUntil([&] { return !rig.keyring->isLoading(); }));
    QVERIFY(rig.keyring->loadFailed());
    rig.runFor(1000);
    QVERIFY(rig.task(id)->findingOwner);
    QVERIFY(!rig.prober->isProbing(id));
    QCOMPARE(rig.server.requests().size(), 0);

    // Read again, without the default key's secret (gone from the keychain): the other keys
    // are usable although the default is not, and the search goes on with them.
    rig.secrets.setFailure(TokenResult::Status::Ok);
    bool removed = false;
    rig.secrets.remove(rig.keyIds.at(0), nullptr,
                       [&removed](const TokenResult &) { removed = true; });
    QVERIFY(rig.runUntil([&] { return removed; }));
    QSignalSpy found(rig.prober.get(), &KeyProber::ownerFound);
    rig.keyring->load();
    QVERIFY(rig.runUntil([&] { return found.size() == 1; }));
    QVERIFY(rig.keyring->state() != KeyRing::State::Ready ||
            rig.keyring->defaultKeyId() != rig.keyIds.at(0));
    QCOMPARE(rig.task(id)->keyId, rig.keyIds.at(2));
    QVERIFY(!rig.task(id)->findingOwner);
    QVERIFY(!rig.tokensAsked(id).contains(Rig::bearer(0)));
}

void TestKeyProber::choosingAKeyEndsTheSearch()
{
    Rig rig;
    const QString searched = QStringLiteral("veo_chosen_while_searched");
    const QString marked = QStringLiteral("veo_chosen_while_marked");
    for (const QString &id : {searched, marked}) {
        rig.server.setScript(id, {record(id, 0)});
        rig.server.setTaskOwner(id, Secrets.at(1));
    }
    rig.scheduler->setPaused(true);
    QCOMPARE(rig.prober->addTasksTryingAllKeys({searched, marked}), 2);
    // The next run cannot resume yet (the keychain fails to read): the user picks a key for
    // one of them. It is polled from now on, with that key.
    rig.restart();
    rig.scheduler->setPaused(true); // polls and searches wait until the end
    rig.tracker->load();
    rig.secrets.setFailure(TokenResult::Status::OtherError);
    rig.keyring->load();
    QVERIFY(rig.runUntil([&] { return rig.keyring->loadFailed(); }));
    QVERIFY(rig.task(marked)->findingOwner);
    QCOMPARE(rig.scheduler->pendingCount(), 0);
    QSignalSpy unowned(rig.prober.get(), &KeyProber::notOwnedByAnyKey);
    rig.tracker->setTaskKey({marked}, rig.keyIds.at(1));
    rig.prober->stopSearching({marked});
    QVERIFY(!rig.task(marked)->findingOwner);
    QCOMPARE(rig.scheduler->pendingCount(), 1);

    // The keychain reads again: the other one's search resumes, and the user picks its key
    // while it runs. The search ends there.
    rig.secrets.setFailure(TokenResult::Status::Ok);
    rig.keyring->load();
    QVERIFY(rig.runUntil([&] { return rig.prober->isProbing(searched); }));
    rig.tracker->setTaskKey({searched}, rig.keyIds.at(1));
    rig.prober->stopSearching({searched});
    QVERIFY(!rig.prober->isProbing(searched));
    QVERIFY(!rig.task(searched)->findingOwner);
    QCOMPARE(rig.scheduler->pendingCount(), 2);
    rig.scheduler->setPaused(false);
    QVERIFY(rig.runUntil([&] { return rig.tokensAsked(searched).size() >= 2; }));
    QVERIFY(rig.runUntil([&] { return rig.tokensAsked(marked).size() >= 2; }));
    for (const QString &id : {searched, marked}) {
        const QStringList asked = rig.tokensAsked(id);
        QVERIFY(std::all_of(asked.cbegin(), asked.cend(),
                            [](const QString &t) { return t == Rig::bearer(1); }));
    }
    QCOMPARE(unowned.size(), 0);
}

QTEST_MAIN(TestKeyProber)
#include "tst_keyprober.moc"
