// Engine, the running application without its window, against real parts: the fake KIE server
// over loopback (API on 127.0.0.1, media on 127.0.0.2), a SQLite task store in a temporary
// folder (read back with a second TaskStore to see what was committed), the settings file and
// a MemoryTokenStore for stored keys. Built the way main.cpp and tst_mainwindow build it.
#include "appsettings.h"
#include "credithistorystore.h"
#include "creditsmonitor.h"
#include "downloadcoordinator.h"
#include "downloadfixture.h"
#include "downloadmanager.h"
#include "engine.h"
#include "enginerig.h"
#include "fakekieserver.h"
#include "followups.h"
#include "keyring.h"
#include "kieresponses.h"
#include "memorytokenstore.h"
#include "refreshscheduler.h"
#include "taskexport.h"
#include "taskrepository.h"
#include "taskstore.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

using namespace veo;
using namespace std::chrono_literals;

namespace {
constexpr int Timeout = 15000;
const QString SessionToken = QStringLiteral("sk-engine-session-0001");
const QString WorkToken = QStringLiteral("sk-engine-work-0002");
const QString HomeToken = QStringLiteral("sk-engine-home-0003");
const QByteArray RecordInfoPath = QByteArrayLiteral("/api/v1/veo/record-info");

using Instance = veo::test::EngineRig;
} // namespace

class tst_Engine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addTasksBindsToTheKeyThatIsTheDefaultNow_data();
    void addTasksBindsToTheKeyThatIsTheDefaultNow();
    void addTasksReportsAddedAndKnown();
    void addingKnownIdsIsANoOp();
    void removeTasksForgetsThemAndCancelsTheirDownloads();
    void aRefusedRemovalKeepsTheTaskAndItsDownload();
    void aRefusedAddIsReportedNotCountedAsKnown();
    void changeKeyChangesTheStoredKeyAndThePolls();
    void refreshPollsFinishedTasksAgain();
    void anExportHasTheRequestsTheListDoesNotHold();
    void applySettingsTakesThePollIntervalFromTheSettings_data();
    void applySettingsTakesThePollIntervalFromTheSettings();
    void aSecondDemoLaunchStartsTheDemoTasksOver();
    void renewLinkGivesAFreshLink();
    void renewLinkReportsWhyItCouldNot_data();
    void renewLinkReportsWhyItCouldNot();
    void aFinishedTaskIsDueForANotification_data();
    void aFinishedTaskIsDueForANotification();
    void anAutomaticDownloadIsSavedBeforeItsTaskIsCommittedAsFinished();
    void everyAnsweredCheckOfAStoredKeyIsKeptUntilTheKeyGoes();
    void oldBalanceReadingsArePrunedOnceTheListHasLoaded();

private:
    std::unique_ptr<Instance> start(const QString &sessionKey = SessionToken, bool demo = false,
                                    const QStringList &demoTaskIds = {});
    // Stores a key with the engine's key ring; returns its id (empty on failure).
    QString addStoredKey(Instance &app, const QString &label, const QString &secret);
    // The task as the store file has it, read with a second connection (by default as the
    // list reads it, without its request).
    std::optional<TaskRecord> stored(const QString &id,
                                     TaskStore::Request request = TaskStore::Request::Left) const;
    // Tokens of the record-info requests for the task, in order ("Bearer " stripped).
    QStringList pollTokens(const QString &id) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeKieServer> m_server;
    std::unique_ptr<FakeKieServer> m_media; // another origin, as KIE's file hosts are
};

void tst_Engine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FakeKieServer>();
    m_media = std::make_unique<FakeKieServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost));
    QVERIFY(m_media->listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    m_server->setValidKeys({SessionToken, WorkToken, HomeToken});
    m_server->setCredits(QString(), 10'000); // no low-credit warnings
}

void tst_Engine::cleanup()
{
    m_media.reset();
    m_server.reset();
    m_dir.reset();
}

std::unique_ptr<Instance> tst_Engine::start(const QString &sessionKey, bool demo,
                                            const QStringList &demoTaskIds)
{
    auto app = std::make_unique<Instance>(m_dir->path(), m_server->baseUrl(), sessionKey, demo,
                                          demoTaskIds);
    if (app->opened == TaskStore::OpenResult::Failed) {
        return nullptr;
    }
    app->engine->start();
    // The stored keys are read (from the keychain: asynchronous) before the test goes on.
    if (!QTest::qWaitFor([&app] { return !app->engine->keys()->isLoading(); }, Timeout)) {
        return nullptr;
    }
    return app;
}

QString tst_Engine::addStoredKey(Instance &app, const QString &label, const QString &secret)
{
    bool done = false;
    QString id;
    app.engine->keys()->addKey(label, secret, KeyHealth::Ok, std::nullopt, this,
                               [&done, &id](const TokenResult &result, const QString &keyId) {
                                   done = true;
                                   if (result.ok()) {
                                       id = keyId;
                                   }
                               });
    if (!QTest::qWaitFor([&done] { return done; }, Timeout)) {
        return {};
    }
    return id;
}

std::optional<TaskRecord> tst_Engine::stored(const QString &id, TaskStore::Request request) const
{
    TaskStore second;
    if (second.open(m_dir->filePath(QStringLiteral("tasks.sqlite"))) ==
        TaskStore::OpenResult::Failed) {
        return std::nullopt;
    }
    const QList<TaskRecord> all = second.loadAll(request).tasks;
    for (const TaskRecord &t : all) {
        if (t.taskId == id) {
            return t;
        }
    }
    return std::nullopt;
}

QStringList tst_Engine::pollTokens(const QString &id) const
{
    QStringList tokens;
    const auto requests = m_server->requestsFor(id);
    for (const auto &r : requests) {
        if (r.path == RecordInfoPath) {
            tokens << QString::fromUtf8(r.headers.value("authorization"))
                          .remove(QStringLiteral("Bearer "));
        }
    }
    return tokens;
}

void tst_Engine::addTasksBindsToTheKeyThatIsTheDefaultNow_data()
{
    QTest::addColumn<bool>("sessionKey");    // KIE_API_KEY is set
    QTest::addColumn<bool>("storedDefault"); // a stored key is made the default
    QTest::addColumn<bool>("explicitKey");   // the caller names the home key
    QTest::addColumn<QString>("expectedToken");

    // The session key is never stored: its tasks keep "" and follow the default later.
    QTest::newRow("session key") << true << false << false << SessionToken;
    // A stored key that is the default is named by its id, not by "".
    QTest::newRow("stored default") << false << true << false << WorkToken;
    QTest::newRow("stored key chosen over the session key") << true << true << false << WorkToken;
    QTest::newRow("a key named by the caller") << true << true << true << HomeToken;
}

void tst_Engine::addTasksBindsToTheKeyThatIsTheDefaultNow()
{
    QFETCH(bool, sessionKey);
    QFETCH(bool, storedDefault);
    QVERIFY(sessionKey || storedDefault); // some key to bind to
    QFETCH(bool, explicitKey);
    QFETCH(QString, expectedToken);
    auto app = start(sessionKey ? SessionToken : QString());
    QVERIFY(app);
    KeyRing &keys = *app->engine->keys();
    const QString work = addStoredKey(*app, QStringLiteral("Work"), WorkToken);
    const QString home = addStoredKey(*app, QStringLiteral("Home"), HomeToken);
    QVERIFY(!work.isEmpty() && !home.isEmpty());
    if (storedDefault) {
        QVERIFY(keys.setDefaultKey(work));
    }
    QCOMPARE(keys.defaultKeyId(), storedDefault ? work : KeyRing::SessionKeyId);
    const QString id = QStringLiteral("veo_bind_0001");
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 0))});

    const Engine::Added added = app->engine->addTasks({id}, explicitKey ? home : QString());
    QCOMPARE(added.added, 1);
    QCOMPARE(added.known, 0);
    const QString expectedId = explicitKey ? home : storedDefault ? work : QString();
    QVERIFY(app->task(id));
    QCOMPARE(app->task(id)->keyId, expectedId);
    QCOMPARE(stored(id).value_or(TaskRecord{}).keyId, expectedId);
    QTRY_VERIFY_WITH_TIMEOUT(!pollTokens(id).isEmpty(), Timeout);
    QCOMPARE(pollTokens(id).constFirst(), expectedToken);

    // A default chosen later does not move a task bound by id.
    QVERIFY(keys.setDefaultKey(home));
    QCOMPARE(app->task(id)->keyId, expectedId);
}

void tst_Engine::addTasksReportsAddedAndKnown()
{
    auto app = start();
    QVERIFY(app);
    const QString a = QStringLiteral("veo_count_a");
    const QString b = QStringLiteral("veo_count_b");
    const QString c = QStringLiteral("veo_count_c");
    Engine::Added first = app->engine->addTasks({a, b});
    QCOMPARE(first.added, 2);
    QCOMPARE(first.known, 0);
    Engine::Added second = app->engine->addTasks({a, c, b});
    QCOMPARE(second.added, 1);
    QCOMPARE(second.known, 2);
    QCOMPARE(app->engine->tasks()->count(), 3);
    Engine::Added none = app->engine->addTasks({});
    QCOMPARE(none.added, 0);
    QCOMPARE(none.known, 0);
}

void tst_Engine::addingKnownIdsIsANoOp()
{
    auto app = start();
    QVERIFY(app);
    const QString id = QStringLiteral("veo_known_0001");
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 1))});
    QCOMPARE(app->engine->addTasks({id}).added, 1);
    QTRY_COMPARE_WITH_TIMEOUT(app->status(id), TaskStatus::Succeeded, Timeout);
    const TaskRecord before = *app->task(id);
    const qsizetype polls = pollTokens(id).size();
    QSignalSpy inserted(app->engine->tasks(), &TaskFeed::inserted);
    QSignalSpy changed(app->engine->tasks(), &TaskFeed::changed);

    // Again, and with another key: known, nothing changes (not even the key or the status).
    const QString work = addStoredKey(*app, QStringLiteral("Work"), WorkToken);
    QVERIFY(!work.isEmpty());
    const Engine::Added again = app->engine->addTasks({id}, work);
    QCOMPARE(again.added, 0);
    QCOMPARE(again.known, 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(app->engine->tasks()->count(), 1);
    QCOMPARE(*app->task(id), before);
    QCOMPARE(stored(id).value_or(TaskRecord{}), before);
    QVERIFY(app->pollsSettled()); // a finished task is not asked again: nothing is scheduled
    QCOMPARE(pollTokens(id).size(), polls);
}

void tst_Engine::aRefusedRemovalKeepsTheTaskAndItsDownload()
{
    auto app = start();
    QVERIFY(app);
    const QString id = QStringLiteral("veo_refused_0001");
    const QString path = QStringLiteral("/v/%1.mp4").arg(id);
    m_media->addFile(path, test::randomBytes(400 * 1024, 12), "video/mp4");
    FakeKieServer::FileOptions slow;
    slow.bytesPerSecond = 50 * 1024; // still downloading when the removal is refused
    m_media->setFileOptions(path, slow);
    QUrl link = m_media->baseUrl();
    link.setPath(path);
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 1, {link.toString()}))});
    QCOMPARE(app->engine->addTasks({id}).added, 1);
    QTRY_COMPARE_WITH_TIMEOUT(app->status(id), TaskStatus::Succeeded, Timeout);
    QCOMPARE(app->engine->download({id}).queued, 1);
    DownloadCoordinator &downloads = *app->engine->downloads();
    QTRY_COMPARE_WITH_TIMEOUT(downloads.mark(id).state, DownloadMark::State::Downloading, Timeout);

    QSignalSpy messages(app->engine.get(), &Engine::message);
    app->store.close(); // the task database refuses every write from here on
    app->engine->removeTasks({id});
    QCOMPARE(messages.count(), 1);
    QVERIFY(messages.at(0).at(1).toBool()); // a warning
    QVERIFY(app->task(id));                 // still listed, as it is still stored
    QCOMPARE(downloads.mark(id).state, DownloadMark::State::Downloading); // not cancelled
}

void tst_Engine::aRefusedAddIsReportedNotCountedAsKnown()
{
    auto app = start();
    QVERIFY(app);
    QSignalSpy messages(app->engine.get(), &Engine::message);
    app->store.close();
    const Engine::Added result = app->engine->addTasks({QStringLiteral("veo_unsaved_0001")});
    QCOMPARE(result.added, 0);
    QCOMPARE(result.known, 0); // not "already tracked": it could not be saved
    QCOMPARE(messages.count(), 1);
    QVERIFY(!app->engine->tasks()->contains(QStringLiteral("veo_unsaved_0001")));
}

void tst_Engine::removeTasksForgetsThemAndCancelsTheirDownloads()
{
    auto app = start();
    QVERIFY(app);
    const QString gone = QStringLiteral("veo_remove_0001");
    const QString kept = QStringLiteral("veo_remove_0002");
    const QString path = QStringLiteral("/v/%1.mp4").arg(gone);
    m_media->addFile(path, test::randomBytes(400 * 1024, 11), "video/mp4");
    FakeKieServer::FileOptions slow;
    slow.bytesPerSecond = 50 * 1024; // still downloading when it is removed
    m_media->setFileOptions(path, slow);
    QUrl link = m_media->baseUrl();
    link.setPath(path);
    m_server->setScript(gone, {FakeKieServer::ok(test::taskRecord(gone, 1, {link.toString()}))});
    m_server->setScript(kept, {FakeKieServer::ok(test::taskRecord(kept, 0))});
    QCOMPARE(app->engine->addTasks({gone, kept}).added, 2);
    QTRY_COMPARE_WITH_TIMEOUT(app->status(gone), TaskStatus::Succeeded, Timeout);
    QCOMPARE(app->engine->download({gone}).queued, 1);
    DownloadCoordinator &downloads = *app->engine->downloads();
    QTRY_COMPARE_WITH_TIMEOUT(downloads.mark(gone).state, DownloadMark::State::Downloading,
                              Timeout);
    QVERIFY(stored(gone));

    QSignalSpy removed(app->engine->tasks(), &TaskFeed::removed);
    app->engine->removeTasks({gone, QStringLiteral("veo_never_added")});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toStringList(), QStringList{gone});
    QVERIFY(!app->task(gone));
    QVERIFY(!app->engine->tasks()->contains(gone));
    QVERIFY(app->task(kept)); // only the listed ones
    QVERIFY(!stored(gone));   // committed: the file no longer has it
    QVERIFY(stored(kept));
    QCOMPARE(downloads.mark(gone), DownloadMark{});
    const QList<Download> all = app->engine->downloadManager()->list();
    QCOMPARE(all.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(app->engine->downloadManager()->download(all.at(0).id)->state,
                              DownloadState::Cancelled, Timeout);

    // Not polled any more, while the other task still is.
    const qsizetype polls = pollTokens(gone).size();
    const qsizetype others = pollTokens(kept).size();
    app->engine->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(pollTokens(kept).size() > others, Timeout);
    QCOMPARE(pollTokens(gone).size(), polls);
}

void tst_Engine::changeKeyChangesTheStoredKeyAndThePolls()
{
    auto app = start();
    QVERIFY(app);
    const QString work = addStoredKey(*app, QStringLiteral("Work"), WorkToken);
    QVERIFY(!work.isEmpty());
    // The task belongs to the work account: the session key's polls find no record.
    const QString id = QStringLiteral("veo_change_0001");
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 1))});
    m_server->setTaskOwner(id, WorkToken);
    QCOMPARE(app->engine->addTasks({id}).added, 1);
    QCOMPARE(app->task(id)->keyId, QString()); // the session key
    QTRY_VERIFY_WITH_TIMEOUT(!pollTokens(id).isEmpty(), Timeout);
    QCOMPARE(app->status(id), TaskStatus::Pending);

    app->engine->changeKey({id}, work);
    QCOMPARE(app->task(id)->keyId, work);
    QCOMPARE(stored(id).value_or(TaskRecord{}).keyId, work);
    QTRY_COMPARE_WITH_TIMEOUT(app->status(id), TaskStatus::Succeeded, Timeout);
    QCOMPARE(pollTokens(id).constLast(), WorkToken);
    QCOMPARE(app->engine->taskCountsPerKey().value(work), 1);

    // Back to the session key ("" is how a task names it).
    app->engine->changeKey({id}, QString());
    QCOMPARE(app->task(id)->keyId, QString());
    QCOMPARE(stored(id).value_or(TaskRecord{}).keyId, QString());
}

void tst_Engine::refreshPollsFinishedTasksAgain()
{
    auto app = start();
    QVERIFY(app);
    const QString a = QStringLiteral("veo_refresh_a");
    const QString b = QStringLiteral("veo_refresh_b");
    m_server->setScript(a, {FakeKieServer::ok(test::taskRecord(a, 1))});
    m_server->setScript(b, {FakeKieServer::ok(test::taskRecord(b, 2))});
    app->engine->addTasks({a, b});
    QTRY_COMPARE_WITH_TIMEOUT(app->status(a), TaskStatus::Succeeded, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(app->status(b), TaskStatus::Failed, Timeout);
    const qsizetype pollsA = pollTokens(a).size();
    const qsizetype pollsB = pollTokens(b).size();

    app->engine->refresh({a});
    QTRY_COMPARE_WITH_TIMEOUT(pollTokens(a).size(), pollsA + 1, Timeout);
    app->engine->refresh(); // every task
    QTRY_COMPARE_WITH_TIMEOUT(pollTokens(b).size(), pollsB + 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(pollTokens(a).size(), pollsA + 2, Timeout);
}

// After a restart the list holds no requests (paramJson, read when needed): an export, of
// every task or of some, reads them.
void tst_Engine::anExportHasTheRequestsTheListDoesNotHold()
{
    const QString a = QStringLiteral("veo_export_a");
    m_server->setScript(a, {FakeKieServer::ok(test::taskRecord(a, 1))});
    auto app = start();
    QVERIFY(app);
    app->engine->addTasks({a});
    QTRY_COMPARE_WITH_TIMEOUT(app->status(a), TaskStatus::Succeeded, Timeout);
    app.reset();
    const QString request = stored(a, TaskStore::Request::Read).value_or(TaskRecord{}).paramJson;
    QVERIFY(!request.isEmpty());

    app = start();
    QVERIFY(app);
    QTRY_VERIFY_WITH_TIMEOUT(app->engine->tasks()->contains(a), Timeout);
    QVERIFY(app->engine->tasks()->task(a)->paramJson.isNull());
    for (const QStringList &ids : {QStringList(), QStringList{a}}) {
        const QList<ExportedTask> exported = app->engine->exportTasks(ids);
        QCOMPARE(exported.size(), 1);
        QCOMPARE(exported.at(0).task.paramJson, request);
    }
}

void tst_Engine::applySettingsTakesThePollIntervalFromTheSettings_data()
{
    QTest::addColumn<bool>("demo");
    QTest::addColumn<int>("seconds"); // in the settings when OK is pressed
    QTest::addColumn<int>("expected");

    QTest::newRow("45 s") << false << 45 << 45;
    QTest::newRow("the shortest") << false << AppSettings::MinPollSeconds
                                  << AppSettings::MinPollSeconds;
    // Regression: pressing OK in Preferences reset the demo's 5 s interval to 30 s.
    QTest::newRow("demo, default setting")
        << true << AppSettings::DefaultPollSeconds << AppSettings::MinPollSeconds;
    QTest::newRow("demo, 45 s") << true << 45 << AppSettings::MinPollSeconds;
}

void tst_Engine::applySettingsTakesThePollIntervalFromTheSettings()
{
    QFETCH(bool, demo);
    QFETCH(int, seconds);
    QFETCH(int, expected);
    {
        // What the settings file says when the engine is built.
        AppSettings settings(m_dir->filePath(QStringLiteral("settings.ini")));
        settings.setPollSeconds(seconds);
    }
    Instance app(m_dir->path(), m_server->baseUrl(), SessionToken, demo, {}, /*fast*/ false);
    QVERIFY(app.opened != TaskStore::OpenResult::Failed);
    RefreshScheduler &scheduler = *app.engine->scheduler();
    QCOMPARE(scheduler.interval(), std::chrono::milliseconds(std::chrono::seconds(expected)));
    app.engine->start();
    QCOMPARE(scheduler.interval(), std::chrono::milliseconds(std::chrono::seconds(expected)));

    // Preferences: OK without a change, then with another interval.
    app.engine->applySettings();
    QCOMPARE(scheduler.interval(), std::chrono::milliseconds(std::chrono::seconds(expected)));
    app.settings.setPollSeconds(120);
    app.engine->applySettings();
    QCOMPARE(scheduler.interval(), std::chrono::milliseconds(std::chrono::seconds(
                                       demo ? AppSettings::MinPollSeconds : 120)));
}

void tst_Engine::aSecondDemoLaunchStartsTheDemoTasksOver()
{
    const QString id = QStringLiteral("veo_demo_0001");
    const QList<FakeKieServer::Response> story = {FakeKieServer::ok(test::taskRecord(id, 0)),
                                                  FakeKieServer::ok(test::taskRecord(id, 1))};
    m_server->setScript(id, story);
    const QString hdUrl = QStringLiteral("https://media.invalid/demo-1080p.mp4");
    m_server->setUpgradeScript(FakeKieServer::Upgrade::Hd1080p, id, 0,
                               {FakeKieServer::upgrade1080pReady(hdUrl)});
    QString hd;
    QString extension;
    {
        auto first = start(SessionToken, /*demo*/ true, {id});
        QVERIFY(first);
        QCOMPARE(first->status(id), TaskStatus::Pending);
        QTRY_COMPARE_WITH_TIMEOUT(first->status(id), TaskStatus::Succeeded, Timeout);
        // The demo's upgrades and extensions are children of its tasks.
        ExtendOptions options;
        options.parentTaskId = id;
        options.prompt = QStringLiteral("More fox");
        extension = first->engine->followUps()->extend(options).taskId; // before its 1080P
        QVERIFY(!extension.isEmpty());
        hd = first->engine->followUps()->requestUpgrade(id, TaskKind::Veo1080p, 0).taskId;
        QVERIFY(!hd.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(first->status(hd), TaskStatus::Succeeded, 40000);
        first->engine->flush();
    }
    QCOMPARE(stored(id).value_or(TaskRecord{}).status, TaskStatus::Succeeded);
    QCOMPARE(stored(hd).value_or(TaskRecord{}).status, TaskStatus::Succeeded);
    { // as if the first launch had been an hour ago
        TaskStore file;
        QVERIFY(file.open(m_dir->filePath(QStringLiteral("tasks.sqlite"))) !=
                TaskStore::OpenResult::Failed);
        TaskRecord old = *stored(hd);
        old.addedAt = old.addedAt.addSecs(-3600);
        QVERIFY(file.update({old}));
    }

    // The demo's server starts its story over at every launch.
    m_server->setScript(id, story);
    m_server->clearRequests();
    auto second = start(SessionToken, /*demo*/ true, {id});
    QVERIFY(second);
    // Regression: the second launch kept the finished task (with links to the first launch's
    // server) and never asked about it again, so it could not be played.
    QCOMPARE(second->status(id), TaskStatus::Pending);
    QCOMPARE(second->task(id)->keyId, QString()); // the demo's session key
    QCOMPARE(stored(id).value_or(TaskRecord{}).status, TaskStatus::Pending);
    // Its upgrade starts over too (its link was the last server's); the extension was a task
    // of the last launch's server only, and is gone.
    QCOMPARE(second->status(hd), TaskStatus::Pending);
    QVERIFY(second->task(hd)->resultUrls.isEmpty());
    // Regression: its 15-minute limit ran from the first launch's request, so a demo started
    // again later gave the upgrade up at its first "not ready".
    QVERIFY(second->task(hd)->addedAt.secsTo(QDateTime::currentDateTimeUtc()) < 60);
    QVERIFY(!second->task(extension));
    QCOMPARE(second->engine->tasks()->count(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!pollTokens(id).isEmpty(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(second->status(id), TaskStatus::Succeeded, Timeout);
    QCOMPARE(pollTokens(id).size(), 2);
}

void tst_Engine::renewLinkGivesAFreshLink()
{
    auto app = start();
    QVERIFY(app);
    const QString work = addStoredKey(*app, QStringLiteral("Work"), WorkToken);
    QVERIFY(!work.isEmpty());
    const QString id = QStringLiteral("veo_renew_0001");
    QUrl expired = m_media->baseUrl();
    expired.setPath(QStringLiteral("/v/expired.mp4"));
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 1, {expired.toString()}))});
    app->engine->addTasks({id}, work);
    QTRY_COMPARE_WITH_TIMEOUT(app->status(id), TaskStatus::Succeeded, Timeout);
    QSignalSpy renewed(app->engine.get(), &Engine::linkRenewed);
    QSignalSpy notRenewed(app->engine.get(), &Engine::linkNotRenewed);

    app->engine->renewLink(id, expired, MediaKind::Origin, 1);
    QCOMPARE(renewed.count(), 0); // later
    QTRY_COMPARE_WITH_TIMEOUT(renewed.count(), 1, Timeout);
    QCOMPARE(notRenewed.count(), 0);
    QCOMPARE(renewed.at(0).at(0).toString(), id);
    QCOMPARE(renewed.at(0).at(1).value<MediaKind>(), MediaKind::Origin);
    QCOMPARE(renewed.at(0).at(2).toInt(), 1);
    QUrl fresh = m_server->baseUrl();
    fresh.setPath(QStringLiteral("/dl/v/expired.mp4"));
    fresh.setQuery(QStringLiteral("expires=1200"));
    QCOMPARE(renewed.at(0).at(3).toUrl(), fresh);
    // Asked with the task's own key, and only the API host saw it.
    QList<FakeKieServer::Request> asked;
    for (const auto &r : m_server->requests()) {
        if (r.path == "/api/v1/common/download-url") {
            asked << r;
        }
    }
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.at(0).headers.value("authorization"), "Bearer " + WorkToken.toUtf8());
    QVERIFY(m_media->requests().isEmpty());
}

void tst_Engine::renewLinkReportsWhyItCouldNot_data()
{
    QTest::addColumn<QString>("why");
    QTest::newRow("KIE refuses the link") << QStringLiteral("refused");
    QTest::newRow("the task's key is gone") << QStringLiteral("no key");
}

void tst_Engine::renewLinkReportsWhyItCouldNot()
{
    QFETCH(QString, why);
    auto app = start();
    QVERIFY(app);
    const QString id = QStringLiteral("veo_renew_0002");
    QUrl expired = m_media->baseUrl();
    expired.setPath(QStringLiteral("/v/expired.mp4"));
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 1, {expired.toString()}))});
    app->engine->addTasks({id});
    QTRY_COMPARE_WITH_TIMEOUT(app->status(id), TaskStatus::Succeeded, Timeout);
    if (why == QLatin1String("refused")) {
        m_server->setRouteScript("/api/v1/common/download-url",
                                 {FakeKieServer::kieError(422, QStringLiteral("url not valid"))});
    } else {
        app->engine->changeKey({id}, QStringLiteral("a-key-removed-since"));
    }
    QSignalSpy renewed(app->engine.get(), &Engine::linkRenewed);
    QSignalSpy notRenewed(app->engine.get(), &Engine::linkNotRenewed);

    app->engine->renewLink(id, expired, MediaKind::Result, 0);
    QTRY_COMPARE_WITH_TIMEOUT(notRenewed.count(), 1, Timeout);
    QCOMPARE(renewed.count(), 0);
    QCOMPARE(notRenewed.at(0).at(0).toString(), id);
    const QString message = notRenewed.at(0).at(1).toString();
    QVERIFY2(message.trimmed().size() > 1, qPrintable(message));
    QVERIFY(!message.contains(SessionToken));
    bool asked = false;
    for (const auto &r : m_server->requests()) {
        asked = asked || r.path == "/api/v1/common/download-url";
    }
    QCOMPARE(asked, why == QLatin1String("refused")); // nothing sent without a token
}

void tst_Engine::aFinishedTaskIsDueForANotification_data()
{
    QTest::addColumn<int>("successFlag");
    QTest::addColumn<bool>("wanted"); // the setting for that outcome
    QTest::newRow("success, on") << 1 << true;
    QTest::newRow("success, off") << 1 << false;
    QTest::newRow("failure, on") << 2 << true;
    QTest::newRow("failure, off") << 2 << false;
}

void tst_Engine::aFinishedTaskIsDueForANotification()
{
    QFETCH(int, successFlag);
    QFETCH(bool, wanted);
    auto app = start();
    QVERIFY(app);
    const bool success = successFlag == 1;
    app->settings.setFlag(
        success ? AppSettings::Flag::NotifyOnSuccess : AppSettings::Flag::NotifyOnFailure, wanted);
    QSignalSpy due(app->engine.get(), &Engine::notificationDue);
    const QString id = QStringLiteral("veo_notify_0001");
    const QString quiet = QStringLiteral("veo_notify_0002"); // stays generating
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 0)),
                             FakeKieServer::ok(test::taskRecord(id, successFlag))});
    m_server->setScript(quiet, {FakeKieServer::ok(test::taskRecord(quiet, 0))});
    app->engine->addTasks({id, quiet});
    QTRY_VERIFY_WITH_TIMEOUT(isFinal(app->status(id)), Timeout);
    // Decided when the final status was committed (no automatic download to wait for).
    QCOMPARE(due.count(), wanted ? 1 : 0);
    if (wanted) {
        QCOMPARE(due.at(0).at(0).toString(), id);
        QCOMPARE(due.at(0).at(1).toBool(), success);
    }
    // Polled again (still finished): no second notification.
    const qsizetype polls = pollTokens(id).size();
    app->engine->refresh({id});
    QTRY_VERIFY_WITH_TIMEOUT(pollTokens(id).size() > polls, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(app->engine->tasks()->latest(id) == *app->task(id), Timeout);
    QCOMPARE(due.count(), wanted ? 1 : 0);
}

void tst_Engine::anAutomaticDownloadIsSavedBeforeItsTaskIsCommittedAsFinished()
{
    // Found by tst_suddendeath under the sanitizers: killed between the two commits (the
    // task's success, then its automatic download), the app came back with a succeeded task
    // whose download nothing would ever start. Saved the other way round, a kill in between
    // leaves an unfinished task (polled again) with its download already on its way.
    auto app = start();
    QVERIFY(app);
    app->settings.setFlag(AppSettings::Flag::AutoDownload, true);
    const QString id = QStringLiteral("veo_autodl_0001");
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 0)),
                             FakeKieServer::ok(test::taskRecord(id, 1))});
    std::optional<TaskStatus> storedWhenSaved; // what a process killed right then would find
    connect(app->engine->downloadManager(), &DownloadManager::added, this, [&] {
        TaskStore other;
        if (other.open(app->store.path()) != TaskStore::OpenResult::Failed) {
            for (const TaskRecord &t : other.loadAll().tasks) {
                if (t.taskId == id) {
                    storedWhenSaved = t.status;
                }
            }
        }
    });
    app->engine->addTasks({id});
    QTRY_VERIFY_WITH_TIMEOUT(app->status(id) == TaskStatus::Succeeded, Timeout);
    QVERIFY(storedWhenSaved.has_value());
    QVERIFY(!isFinal(*storedWhenSaved));
    QVERIFY(app->engine->downloadManager()->findActive(id, MediaKind::Result, 0) != 0 ||
            !app->engine->downloads()->localFiles(id).isEmpty());
}

void tst_Engine::everyAnsweredCheckOfAStoredKeyIsKeptUntilTheKeyGoes()
{
    auto app = start();
    QVERIFY(app);
    Engine &engine = *app->engine;
    const QString work = addStoredKey(*app, QStringLiteral("Work"), WorkToken);
    QVERIFY(!work.isEmpty());
    const QDateTime from = QDateTime::currentDateTimeUtc().addSecs(-1);
    QSignalSpy checked(engine.credits(), &CreditsMonitor::checked);
    const auto checkWork = [&] {
        const qsizetype before = checked.size();
        engine.credits()->checkKey(work);
        return QTest::qWaitFor(
            [&] {
                for (qsizetype i = before; i < checked.size(); ++i) {
                    if (checked.at(i).at(0).toString() == work) {
                        return true;
                    }
                }
                return false;
            },
            Timeout);
    };
    const auto history = [&](const QString &keyId) {
        return engine.creditHistory(keyId, from, QDateTime::currentDateTimeUtc().addSecs(1));
    };

    m_server->setCredits(WorkToken, 750);
    QVERIFY(checkWork());
    QList<CreditReading> readings = history(work);
    QVERIFY(!readings.isEmpty());
    QCOMPARE(readings.last().balance, qint64(750));
    QVERIFY(readings.last().at >= from);
    QVERIFY(readings.last().at <= QDateTime::currentDateTimeUtc());
    // The session key (KIE_API_KEY) is never stored: neither are its readings.
    engine.credits()->checkKey(KeyRing::SessionKeyId);
    QTRY_VERIFY_WITH_TIMEOUT(!engine.credits()->isChecking(KeyRing::SessionKeyId), Timeout);
    QVERIFY(history(KeyRing::SessionKeyId).isEmpty());
    QVERIFY(history({}).isEmpty()); // "" = the default key, the session key here

    // A check KIE refuses reads no balance.
    const qsizetype kept = history(work).size();
    FakeKieServer::Response busy;
    busy.httpStatus = 500;
    busy.body = QByteArrayLiteral(R"({"code":500,"msg":"busy"})");
    m_server->setRouteScript("/api/v1/chat/credit", {busy});
    QVERIFY(checkWork());
    QCOMPARE(history(work).size(), kept);
    m_server->setRouteScript("/api/v1/chat/credit", {});
    m_server->setCredits(WorkToken, 700);
    QVERIFY(checkWork());
    QCOMPARE(history(work).last().balance, qint64(700));

    // In the file (as the next launch reads it) until the key goes.
    CreditHistoryStore file;
    QVERIFY(file.open(app->store.path()));
    QCOMPARE(file.readings(work, from, QDateTime::currentDateTimeUtc()), history(work));
    bool removed = false;
    engine.keys()->removeKey(work, this,
                             [&removed](const TokenResult &result) { removed = result.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(removed, Timeout);
    QVERIFY(history(work).isEmpty());
    QVERIFY(file.readings(work, from, QDateTime::currentDateTimeUtc()).isEmpty());
}

// Readings older than the charts keep are deleted at start, but not while the engine is built
// nor before the task list has loaded: a DELETE has no place before the window's first paint.
void tst_Engine::oldBalanceReadingsArePrunedOnceTheListHasLoaded()
{
    const QString path = m_dir->filePath(QStringLiteral("tasks.sqlite"));
    const QString key = QStringLiteral("key-of-the-charts");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const CreditReading old{now.addDays(-CreditHistoryStore::KeepDays - 1), 900};
    const CreditReading recent{now.addDays(-1), 800};
    {
        TaskStore migrated;
        QCOMPARE(migrated.open(path), TaskStore::OpenResult::Opened);
        CreditHistoryStore history;
        QVERIFY(history.open(path));
        QVERIFY(history.append(key, old));
        QVERIFY(history.append(key, recent));
    }
    // The window's way: the list loads in steps (an empty one before start() returns).
    Instance app(m_dir->path(), m_server->baseUrl(), SessionToken, false, {}, true, nullptr, true);
    QCOMPARE(app.opened, TaskStore::OpenResult::Opened);
    CreditHistoryStore file;
    QVERIFY(file.open(path));
    const auto stored = [&] { return file.readings(key, old.at.addDays(-1), now); };
    const QList<CreditReading> both{old, recent};
    QCOMPARE(stored(), both);

    std::optional<QList<CreditReading>> whenLoaded;
    connect(app.engine->tasks(), &TaskFeed::loadFinished, this, [&] { whenLoaded = stored(); });
    app.engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(stored(), QList<CreditReading>{recent}, Timeout);
    QVERIFY(whenLoaded.has_value());
    QCOMPARE(*whenLoaded, both);
    QTRY_VERIFY_WITH_TIMEOUT(!app.engine->keys()->isLoading(), Timeout);
}

QTEST_GUILESS_MAIN(tst_Engine)
#include "tst_engine.moc"
