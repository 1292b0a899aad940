// DownloadCoordinator against real parts: the download manager over loopback (an API server
// on 127.0.0.1 for download-url, media on 127.0.0.2), the SQLite download store, the settings
// file and the task repository.
#include "appsettings.h"
#include "downloadcoordinator.h"
#include "downloadfixture.h"
#include "downloadsidecar.h"
#include "downloadstore.h"
#include "expirykeeper.h"
#include "linkrenewer.h"
#include "manualclock.h"
#include "ratelimiter.h"
#include "ratewindows.h"
#include "requestscheduler.h"
#include "taskexpiry.h"
#include "taskrepository.h"
#include "taskstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSemaphore>
#include <QSignalSpy>
#include <atomic>

using namespace veo;
using namespace veo::test;

namespace {
// Stands in for a network share whose stats take their time once the test holds them: each
// look at a file then waits until the test lets one through. Shared with the check's thread
// (which may outlive a coordinator).
struct SlowShare
{
    std::atomic_bool holding = false; // until set, looks answer at once and are not counted
    QSemaphore gate;
    std::atomic_int waiting = 0; // held looks that started (and got an answer from the disk)
    std::atomic_int looks = 0;   // held looks that were let through

    static FileProbe probe(const std::shared_ptr<SlowShare> &share)
    {
        return [share](const QString &path) {
            const bool exists = QFileInfo::exists(path); // the answer, given late
            if (!share->holding) {
                return exists;
            }
            ++share->waiting;
            share->gate.acquire();
            ++share->looks;
            return exists;
        };
    }
};
} // namespace

class tst_DownloadCoordinator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void downloadsEveryResultUnderTheTemplateName();
    void writesTheSidecarOnlyWhenAsked();
    void detectsADeletedFileAndDownloadsItAgain();
    void aFileThatReappearsIsPresentAgain();
    void checksRequestedDuringACheckRunOnceAfterIt();
    void aCheckDoesNotOverwriteNewerState();
    void destroyingTheCoordinatorDuringACheckIsSafe();
    void aFileDeletedWhileClosedIsMissingAfterTheStartUpCheck();
    void downloadsNewSuccessesOnlyWhenAutomatic();
    void renewsAnExpiredLinkWithTheTasksOwnKey();
    void renewsALinkOnlyOnce();
    void theMarkGoesStraightFromDownloadingToDownloaded();
    void aLinkCannotBeRenewedWithoutAKey();
    void aRenewalDroppedWithItsKeyEndsTheWait();
    void aRefusedRenewalIsReported();
    void anUnwritableSidecarIsReported();
    void renewalsArePaced();
    void aRenewalRefusedAsTooFastWaits();
    void remembersDownloadedFilesAcrossRestarts();
    void removingATaskCancelsItsDownloads();
    void expiredVideosAreNotOfferedUnlessOnDisk();
    void anUpgradeIsNamedAfterItsOriginal();
    void theCommandAfterADownloadGetsItsTasksFields();
    void keepBeforeExpiryDownloadsWhatIsDue();

private:
    TaskRecord succeeded(const QString &taskId, const QStringList &paths,
                         const QString &keyId = {}) const;
    // clock: the request machine's (null: steady); probe: how files are looked at.
    std::unique_ptr<DownloadCoordinator> newCoordinator(Clock *clock = nullptr,
                                                        FileProbe probe = fileExists);
    // The last newCoordinator()'s start-up check (the one setStore() starts) answered.
    bool waitForStartUpCheck()
    {
        return QTest::qWaitFor([this] { return !m_checks->isEmpty(); }, 15000);
    }
    int waitForCompleted(int count);
    // The media host answers 403 for path (its link expired). With a fresh copy, the link that
    // download-url gives (on the API host, /dl + path) serves it.
    void expireLink(const QString &path, const QByteArray &freshCopy = {});

    DownloadFixture m_fx;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<TaskStore> m_tasks;
    std::unique_ptr<DownloadStore> m_store;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<TaskRepository> m_repository;
    std::unique_ptr<RequestScheduler> m_requests; // of the last newCoordinator()
    std::unique_ptr<LinkRenewer> m_renewer;
    std::unique_ptr<QSignalSpy> m_checks; // the last newCoordinator()'s filesChecked
    QHash<QString, QString> m_tokens;     // keyId -> token
};

void tst_DownloadCoordinator::init()
{
    QVERIFY(m_fx.setUp());
    m_home = std::make_unique<QTemporaryDir>();
    const QString db = m_home->filePath(QStringLiteral("tasks.sqlite"));
    m_tasks = std::make_unique<TaskStore>();
    QCOMPARE(m_tasks->open(db), TaskStore::OpenResult::Opened);
    m_store = std::make_unique<DownloadStore>();
    QVERIFY2(m_store->open(db), qPrintable(m_store->errorString()));
    m_settings = std::make_unique<AppSettings>(m_home->filePath(QStringLiteral("settings.ini")));
    m_settings->setDownloadFolder(m_fx.dir->filePath(QStringLiteral("videos")));
    m_settings->setFileNameTemplate(QStringLiteral("{taskId}_{kind}{index}"));
    m_repository = std::make_unique<TaskRepository>(m_tasks.get());
    m_tokens = {{QString(), QStringLiteral("key-default")},
                {QStringLiteral("k2"), QStringLiteral("key-two")}};
    const QByteArray clip = randomBytes(300 * 1024, 7);
    for (const char *path : {"/v/a1.mp4", "/v/a2.mp4", "/v/origin.mp4", "/v/b.mp4"}) {
        m_fx.media->addFile(QString::fromLatin1(path), clip, "video/mp4");
    }
}

void tst_DownloadCoordinator::cleanup()
{
    m_fx.tearDown(); // the manager first: it saves to the store
    m_checks.reset();
    m_renewer.reset();
    m_requests.reset();
    m_repository.reset();
    m_settings.reset();
    m_store.reset();
    m_tasks.reset();
    m_home.reset();
}

TaskRecord tst_DownloadCoordinator::succeeded(const QString &taskId, const QStringList &paths,
                                              const QString &keyId) const
{
    TaskRecord t;
    t.taskId = taskId;
    t.keyId = keyId;
    t.status = TaskStatus::Succeeded;
    t.successFlag = 1;
    t.prompt = QStringLiteral("一只红狐狸在雪地里奔跑");
    t.createTime = QDateTime::currentDateTimeUtc();
    for (const QString &p : paths) {
        t.resultUrls << m_fx.mediaUrl(p).toString();
    }
    return t;
}

std::unique_ptr<DownloadCoordinator> tst_DownloadCoordinator::newCoordinator(Clock *clock,
                                                                             FileProbe probe)
{
    m_renewer.reset();
    m_requests = std::make_unique<RequestScheduler>(
        m_fx.client.get(), [this](const QString &keyId) { return m_tokens.value(keyId); }, clock);
    m_requests->setFollowSystemNetwork(false);
    m_renewer = std::make_unique<LinkRenewer>(m_requests.get());
    auto c =
        std::make_unique<DownloadCoordinator>(m_fx.manager.get(), m_repository.get(),
                                              m_settings.get(), m_renewer.get(), std::move(probe));
    m_checks = std::make_unique<QSignalSpy>(c.get(), &DownloadCoordinator::filesChecked);
    c->setStore(m_store.get());
    return c;
}

void tst_DownloadCoordinator::expireLink(const QString &path, const QByteArray &freshCopy)
{
    FakeKieServer::FileOptions expired;
    expired.statuses = {403};
    m_fx.media->setFileOptions(path, expired);
    if (!freshCopy.isEmpty()) {
        m_fx.api->addFile(path, freshCopy, "video/mp4");
    }
}

int tst_DownloadCoordinator::waitForCompleted(int count)
{
    auto completed = [this] {
        const QList<Download> all = m_fx.manager->list();
        return int(std::count_if(all.cbegin(), all.cend(), [](const Download &d) {
            return d.state == DownloadState::Completed;
        }));
    };
    return QTest::qWaitFor([&] { return completed() >= count; }, 20000) ? count : completed();
}

void tst_DownloadCoordinator::downloadsEveryResultUnderTheTemplateName()
{
    TaskRecord a = succeeded(QStringLiteral("veo_a"),
                             {QStringLiteral("/v/a1.mp4"), QStringLiteral("/v/a2.mp4")});
    a.originUrls << m_fx.mediaUrl(QStringLiteral("/v/origin.mp4")).toString();
    TaskRecord pending;
    pending.taskId = QStringLiteral("veo_pending");
    m_repository->insert({a, pending});
    auto c = newCoordinator();
    QSignalSpy marks(c.get(), &DownloadCoordinator::markChanged);
    QSignalSpy files(c.get(), &DownloadCoordinator::localFileChanged);

    const auto outcome = c->downloadTasks({a.taskId, pending.taskId, QStringLiteral("veo_gone")});
    QCOMPARE(outcome.queued, 2); // the results, not the origin
    QCOMPARE(outcome.noVideo, 2);
    // The source texts (the English catalogue adds the plural forms).
    QCOMPARE(outcome.summary(), QStringLiteral("Downloading 2 video(s). 2 task(s) have no video "
                                               "to download yet."));
    QVERIFY(c->mark(a.taskId).state == DownloadMark::State::Queued ||
            c->mark(a.taskId).state == DownloadMark::State::Downloading);
    QCOMPARE(waitForCompleted(2), 2);

    const QString folder = m_settings->downloadFolder(); // created on demand
    const QString first = QDir(folder).filePath(QStringLiteral("veo_a_result1.mp4"));
    const QString second = QDir(folder).filePath(QStringLiteral("veo_a_result2.mp4"));
    QCOMPARE(readAll(first).size(), 300 * 1024);
    QCOMPARE(readAll(second).size(), 300 * 1024);
    QCOMPARE(c->localFile(a.taskId, MediaKind::Result, 0), first);
    QCOMPARE(c->localFile(a.taskId, MediaKind::Result, 1), second);
    QCOMPARE(c->localFile(a.taskId, MediaKind::Origin, 0), QString());
    QCOMPARE(c->localFiles(a.taskId), (QStringList{first, second}));
    QCOMPARE(c->mark(a.taskId), (DownloadMark{DownloadMark::State::Downloaded, -1, 2}));
    QCOMPARE(c->mark(pending.taskId), DownloadMark{});
    QVERIFY(marks.count() >= 2);
    QCOMPARE(files.count(), 2);
    QVERIFY(!QFile::exists(sidecarPath(first))); // off by default

    // Asking again fetches nothing: the files are there.
    m_fx.media->clearRequests();
    const auto again = c->downloadTasks({a.taskId});
    QCOMPARE(again.queued, 0);
    QCOMPARE(again.alreadyDownloaded, 2);
    QCOMPARE(again.summary(), QStringLiteral("2 video(s) already downloaded."));
    // The origin video on its own.
    QCOMPARE(c->downloadVideo(a.taskId, MediaKind::Origin, 0).queued, 1);
    QCOMPARE(waitForCompleted(3), 3);
    QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("veo_a_origin.mp4"))));
    QVERIFY(m_fx.noCredentialsSent());
}

void tst_DownloadCoordinator::writesTheSidecarOnlyWhenAsked()
{
    TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    b.paramJson = QStringLiteral(R"({"prompt":"b","model":"veo3_fast"})");
    m_repository->insert({b});
    m_repository->load(); // as after a restart: the list holds no request, the store has it
    QVERIFY(m_repository->task(b.taskId)->paramJson.isNull());
    m_settings->setFlag(AppSettings::Flag::DownloadSidecar, true);
    auto c = newCoordinator();
    QCOMPARE(c->downloadTasks({b.taskId}).queued, 1);
    QCOMPARE(waitForCompleted(1), 1);
    const QString video = c->localFile(b.taskId, MediaKind::Result, 0);
    QVERIFY(video.endsWith(QStringLiteral("veo_b_result.mp4")));
    const QJsonObject json = QJsonDocument::fromJson(readAll(sidecarPath(video))).object();
    QCOMPARE(json.value(QStringLiteral("taskId")).toString(), b.taskId);
    QCOMPARE(json.value(QStringLiteral("prompt")).toString(), b.prompt);
    QCOMPARE(json.value(QStringLiteral("paramJson")).toObject(),
             QJsonDocument::fromJson(b.paramJson.toUtf8()).object());
}

void tst_DownloadCoordinator::detectsADeletedFileAndDownloadsItAgain()
{
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({b});
    auto c = newCoordinator();
    c->downloadTasks({b.taskId});
    QCOMPARE(waitForCompleted(1), 1);
    const QString video = c->localFile(b.taskId, MediaKind::Result, 0);
    QVERIFY(QFile::remove(video));

    QVERIFY(waitForStartUpCheck());
    QSignalSpy files(c.get(), &DownloadCoordinator::localFileChanged);
    QSignalSpy marks(c.get(), &DownloadCoordinator::markChanged);
    QSignalSpy checked(c.get(), &DownloadCoordinator::filesChecked);
    c->checkFiles(); // returns at once: the file is looked at on another thread
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 15000);
    QCOMPARE(files.count(), 1);
    QCOMPARE(files.at(0).at(3).toString(), QString()); // gone
    QCOMPARE(marks.count(), 1);
    QCOMPARE(c->mark(b.taskId).state, DownloadMark::State::Missing);
    QCOMPARE(c->localFile(b.taskId, MediaKind::Result, 0), QString());
    c->checkFiles(); // nothing changed since
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 2, 15000);
    QCOMPARE(files.count(), 1);
    QCOMPARE(marks.count(), 1);

    QCOMPARE(c->downloadTasks({b.taskId}).queued, 1);
    QCOMPARE(waitForCompleted(2), 2);
    QCOMPARE(c->mark(b.taskId).state, DownloadMark::State::Downloaded);
    QVERIFY(QFile::exists(c->localFile(b.taskId, MediaKind::Result, 0)));
}

void tst_DownloadCoordinator::aFileThatReappearsIsPresentAgain()
{
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({b});
    auto c = newCoordinator();
    c->downloadTasks({b.taskId});
    QCOMPARE(waitForCompleted(1), 1);
    const QString video = c->localFile(b.taskId, MediaKind::Result, 0);
    const QString aside = video + QStringLiteral(".aside");
    QVERIFY(waitForStartUpCheck());
    QSignalSpy files(c.get(), &DownloadCoordinator::localFileChanged);

    QVERIFY(QFile::rename(video, aside)); // moved away (an unmounted share) ...
    c->checkFiles();
    QTRY_COMPARE_WITH_TIMEOUT(c->mark(b.taskId).state, DownloadMark::State::Missing, 15000);
    QVERIFY(QFile::rename(aside, video)); // ... and back
    c->checkFiles();
    QTRY_COMPARE_WITH_TIMEOUT(c->mark(b.taskId),
                              (DownloadMark{DownloadMark::State::Downloaded, -1, 1}), 15000);
    QCOMPARE(c->localFile(b.taskId, MediaKind::Result, 0), video);
    QCOMPARE(files.count(), 2);
    QCOMPARE(files.at(1).at(3).toString(), video);
    QVERIFY(m_fx.manager->list().size() == 1); // nothing downloaded again
}

void tst_DownloadCoordinator::checksRequestedDuringACheckRunOnceAfterIt()
{
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({b});
    const auto share = std::make_shared<SlowShare>();
    auto c = newCoordinator(nullptr, SlowShare::probe(share));
    c->downloadTasks({b.taskId});
    QCOMPARE(waitForCompleted(1), 1);
    QVERIFY(waitForStartUpCheck());
    share->holding = true;
    QSignalSpy checked(c.get(), &DownloadCoordinator::filesChecked);

    c->checkFiles();
    QTRY_COMPARE_WITH_TIMEOUT(share->waiting.load(), 1, 15000); // the stat hangs
    QVERIFY(QFile::remove(c->localFile(b.taskId, MediaKind::Result, 0)));
    c->checkFiles(); // the window activated again, and again
    c->checkFiles();
    c->checkFiles();
    QCOMPARE(checked.count(), 0);
    QCOMPARE(c->mark(b.taskId).state, DownloadMark::State::Downloaded); // no answer yet

    share->gate.release(2); // one look each for the running check and one more
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 2, 15000); // the running one, then one more
    QCOMPARE(share->looks.load(), 2);
    QCOMPARE(c->mark(b.taskId).state, DownloadMark::State::Missing);
    // And no third: it would hang at the closed gate, and a check asked for now (of no file:
    // the task has left the list) would wait behind it instead of answering.
    c->tasksRemoved({b.taskId});
    c->checkFiles();
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 3, 15000);
    QCOMPARE(share->waiting.load(), 2);
}

void tst_DownloadCoordinator::aCheckDoesNotOverwriteNewerState()
{
    const TaskRecord a = succeeded(QStringLiteral("veo_a"), {QStringLiteral("/v/a1.mp4")});
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({a, b});
    const auto share = std::make_shared<SlowShare>();
    auto c = newCoordinator(nullptr, SlowShare::probe(share));
    c->downloadTasks({a.taskId, b.taskId});
    QCOMPARE(waitForCompleted(2), 2);
    QVERIFY(waitForStartUpCheck());
    QVERIFY(QFile::remove(c->localFile(b.taskId, MediaKind::Result, 0)));
    c->checkFiles();
    QTRY_COMPARE_WITH_TIMEOUT(m_checks->count(), 2, 15000);
    QCOMPARE(c->mark(b.taskId).state, DownloadMark::State::Missing);
    QVERIFY(QFile::remove(c->localFile(a.taskId, MediaKind::Result, 0)));

    // The next check sees both files missing; its answers are held back ...
    share->holding = true;
    QSignalSpy checked(c.get(), &DownloadCoordinator::filesChecked);
    c->checkFiles();
    share->gate.release(1);
    QTRY_COMPARE_WITH_TIMEOUT(share->waiting.load(), 2, 15000);
    // ... while a leaves the list and b is downloaded again.
    c->tasksRemoved({a.taskId});
    QCOMPARE(c->mark(a.taskId), DownloadMark{});
    QCOMPARE(c->downloadVideo(b.taskId, MediaKind::Result, 0).queued, 1);
    QTRY_COMPARE_WITH_TIMEOUT(c->mark(b.taskId).state, DownloadMark::State::Downloaded, 15000);
    QSignalSpy marks(c.get(), &DownloadCoordinator::markChanged);
    QSignalSpy files(c.get(), &DownloadCoordinator::localFileChanged);

    share->gate.release(10);
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 15000);
    QCOMPARE(marks.count(), 0); // the stale answers changed nothing
    QCOMPARE(files.count(), 0);
    QCOMPARE(c->mark(a.taskId), DownloadMark{});
    QCOMPARE(c->mark(b.taskId), (DownloadMark{DownloadMark::State::Downloaded, -1, 1}));
    QVERIFY(QFile::exists(c->localFile(b.taskId, MediaKind::Result, 0)));
}

void tst_DownloadCoordinator::destroyingTheCoordinatorDuringACheckIsSafe()
{
    const TaskRecord a = succeeded(QStringLiteral("veo_a"),
                                   {QStringLiteral("/v/a1.mp4"), QStringLiteral("/v/a2.mp4")});
    m_repository->insert({a});
    auto share = std::make_shared<SlowShare>();
    auto c = newCoordinator(nullptr, SlowShare::probe(share));
    c->downloadTasks({a.taskId});
    QCOMPARE(waitForCompleted(2), 2);
    QVERIFY(waitForStartUpCheck());
    share->holding = true;
    c->checkFiles();
    QTRY_COMPARE_WITH_TIMEOUT(share->waiting.load(), 1, 15000); // the first stat hangs

    // At quit: does not wait for the stat. Had it waited, this would never return (the gate
    // opens below), so getting past it is the proof; no timing involved.
    c.reset();
    QCOMPARE(share->looks.load(), 0); // still hanging
    share->gate.release(10);          // the stat comes back, too late
    // The thread ends (the last copy of the probe goes with it) without looking at the second
    // file or posting anything.
    QTRY_COMPARE_WITH_TIMEOUT(share.use_count(), 1L, 15000);
    QCOMPARE(share->looks.load(), 1);

    // A new coordinator works as usual, with events delivered all the while.
    m_fx.newManager();
    c = newCoordinator();
    QSignalSpy checked(c.get(), &DownloadCoordinator::filesChecked);
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 15000);
    QCOMPARE(c->mark(a.taskId), (DownloadMark{DownloadMark::State::Downloaded, -1, 2}));
}

void tst_DownloadCoordinator::aFileDeletedWhileClosedIsMissingAfterTheStartUpCheck()
{
    const TaskRecord a = succeeded(QStringLiteral("veo_a"),
                                   {QStringLiteral("/v/a1.mp4"), QStringLiteral("/v/a2.mp4")});
    m_repository->insert({a});
    QString deleted;
    {
        auto c = newCoordinator();
        c->downloadTasks({a.taskId});
        QCOMPARE(waitForCompleted(2), 2);
        deleted = c->localFile(a.taskId, MediaKind::Result, 1);
    }
    QVERIFY(QFile::remove(deleted)); // while the app was closed
    m_fx.newManager();
    const auto share = std::make_shared<SlowShare>();
    share->holding = true;
    auto c = newCoordinator(nullptr, SlowShare::probe(share));
    QSignalSpy files(c.get(), &DownloadCoordinator::localFileChanged);
    QSignalSpy marks(c.get(), &DownloadCoordinator::markChanged);
    // Until the start-up check answers, the files count as there: no "File missing" flash.
    QTRY_COMPARE_WITH_TIMEOUT(share->waiting.load(), 1, 15000); // the first stat hangs
    QCOMPARE(c->mark(a.taskId), (DownloadMark{DownloadMark::State::Downloaded, -1, 2}));
    share->gate.release(2);

    QTRY_COMPARE_WITH_TIMEOUT(c->mark(a.taskId),
                              (DownloadMark{DownloadMark::State::Missing, -1, 1}), 15000);
    QCOMPARE(marks.count(), 1);
    QCOMPARE(marks.at(0).at(0).toString(), a.taskId);
    QCOMPARE(files.count(), 1);
    QCOMPARE(files.at(0).at(2).toInt(), 1);
    QCOMPARE(files.at(0).at(3).toString(), QString());
    QCOMPARE(c->localFile(a.taskId, MediaKind::Result, 1), QString());
    QVERIFY(!c->localFile(a.taskId, MediaKind::Result, 0).isEmpty());
}

void tst_DownloadCoordinator::downloadsNewSuccessesOnlyWhenAutomatic()
{
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({b});
    auto c = newCoordinator();
    c->taskFinished(b.taskId, TaskStatus::Succeeded);
    QVERIFY(m_fx.manager->list().isEmpty()); // off by default

    m_settings->setFlag(AppSettings::Flag::AutoDownload, true);
    c->taskFinished(b.taskId, TaskStatus::GenerationFailed);
    QVERIFY(m_fx.manager->list().isEmpty());
    c->taskFinished(b.taskId, TaskStatus::Succeeded);
    QCOMPARE(m_fx.manager->list().size(), 1);
    QCOMPARE(waitForCompleted(1), 1);
}

void tst_DownloadCoordinator::renewsAnExpiredLinkWithTheTasksOwnKey()
{
    const TaskRecord b =
        succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")}, QStringLiteral("k2"));
    m_repository->insert({b});
    // The first answer: the link has expired; download-url's link is on the API host.
    expireLink(QStringLiteral("/v/b.mp4"), randomBytes(300 * 1024, 7));
    auto c = newCoordinator();
    c->downloadTasks({b.taskId});
    QCOMPARE(waitForCompleted(1), 1);

    // download-url was asked once, on the API origin, with the key of this task.
    QList<FakeKieServer::Request> renewals;
    for (const auto &r : m_fx.api->requests()) {
        if (r.path == "/api/v1/common/download-url") {
            renewals << r;
        }
    }
    QCOMPARE(renewals.size(), 1);
    QCOMPARE(renewals.at(0).headers.value("authorization"), QByteArray("Bearer key-two"));
    for (const auto &r : m_fx.api->requests()) {
        if (r.path.startsWith("/dl/")) {
            QVERIFY(!r.headers.contains("authorization")); // the file itself: no token
        }
    }
    QVERIFY(m_fx.noCredentialsSent());
    QVERIFY(QFile::exists(c->localFile(b.taskId, MediaKind::Result, 0)));
}

void tst_DownloadCoordinator::theMarkGoesStraightFromDownloadingToDownloaded()
{
    // The manager reports a download as changed when it ends, before finished(): a mark told
    // then said "nothing" (file not recorded yet) or "failed" (link expired, before the fresh
    // link was asked for), and a notification waiting for the download went out too early.
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({b});
    expireLink(QStringLiteral("/v/b.mp4"), randomBytes(300 * 1024, 7));
    auto c = newCoordinator();
    QList<DownloadMark::State> seen;
    QStringList filesWhenDownloaded;
    connect(c.get(), &DownloadCoordinator::markChanged, this, [&](const QString &taskId) {
        const DownloadMark::State state = c->mark(taskId).state;
        if (seen.isEmpty() || seen.constLast() != state) {
            seen << state;
        }
        if (state == DownloadMark::State::Downloaded) {
            filesWhenDownloaded << c->localFiles(taskId);
        }
    });

    c->downloadTasks({b.taskId});
    QCOMPARE(waitForCompleted(1), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!seen.isEmpty() && seen.constLast() == DownloadMark::State::Downloaded,
                             15000);
    for (const DownloadMark::State state : std::as_const(seen)) {
        QVERIFY2(state == DownloadMark::State::Queued ||
                     state == DownloadMark::State::Downloading ||
                     state == DownloadMark::State::Downloaded,
                 qPrintable(QString::number(int(state))));
    }
    QVERIFY(!filesWhenDownloaded.isEmpty());
    QVERIFY(QFile::exists(filesWhenDownloaded.constFirst()));
}

void tst_DownloadCoordinator::renewsALinkOnlyOnce()
{
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({b});
    FakeKieServer::FileOptions gone;
    gone.statuses = {403, 403, 403, 403, 403, 403, 403, 403};
    m_fx.media->setFileOptions(QStringLiteral("/v/b.mp4"), gone);
    // The fresh link is refused too (a file KIE no longer has).
    m_fx.api->addFile(QStringLiteral("/v/b.mp4"), randomBytes(1000, 8), "video/mp4");
    m_fx.api->setFileOptions(QStringLiteral("/v/b.mp4"), gone);
    auto c = newCoordinator();
    QCOMPARE(c->downloadTasks({b.taskId}).queued, 1);
    auto renewals = [this] {
        const auto requests = m_fx.api->requests();
        return std::count_if(requests.cbegin(), requests.cend(),
                             [](const auto &r) { return r.path == "/api/v1/common/download-url"; });
    };
    QVERIFY(QTest::qWaitFor([&] { return renewals() == 1; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return c->mark(b.taskId).state == DownloadMark::State::Failed; },
                            10000));
    // Nothing more happens by itself: no renewal is waiting or on its way.
    QCOMPARE(m_requests->queued(RequestScheduler::Pace::OnDemand), 0);
    QCOMPARE(m_requests->inFlight(), 0);
    QCOMPARE(renewals(), 1);
    QCOMPARE(c->mark(b.taskId).state, DownloadMark::State::Failed);

    // The user asking again may renew once more.
    QCOMPARE(c->downloadTasks({b.taskId}).queued, 1);
    QVERIFY(QTest::qWaitFor([&] { return renewals() == 2; }, 10000));
}

void tst_DownloadCoordinator::aLinkCannotBeRenewedWithoutAKey()
{
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")},
                                   QStringLiteral("removed-key"));
    m_repository->insert({b});
    expireLink(QStringLiteral("/v/b.mp4"));
    auto c = newCoordinator();
    QSignalSpy problems(c.get(), &DownloadCoordinator::problem);
    c->downloadTasks({b.taskId});
    QVERIFY(problems.wait(10000));
    QVERIFY(problems.at(0).at(0).toString().contains(QStringLiteral("Change Key")));
    QCOMPARE(c->mark(b.taskId).state, DownloadMark::State::Failed);
    for (const auto &r : m_fx.api->requests()) {
        QVERIFY(r.path != "/api/v1/common/download-url"); // nothing to ask it with
    }
}

void tst_DownloadCoordinator::renewalsArePaced()
{
    // Six finished tasks whose links have all expired, downloaded at once.
    QList<TaskRecord> tasks;
    QStringList ids;
    for (int i = 0; i < 6; ++i) {
        const QString path = QStringLiteral("/v/e%1.mp4").arg(i);
        const QByteArray bytes = randomBytes(2000, quint32(20 + i));
        m_fx.media->addFile(path, bytes, "video/mp4");
        expireLink(path, bytes);
        tasks << succeeded(QStringLiteral("veo_e%1").arg(i), {path});
        ids << tasks.last().taskId;
    }
    m_repository->insert(tasks);
    m_settings->setConcurrentDownloads(AppSettings::MaxConcurrentDownloads);
    auto c = newCoordinator();
    m_requests->setMaxPerSecondPerKey(2); // shared with the polls in the app
    const qint64 reference = veo::test::referenceArrival(*m_fx.client, *m_fx.api);
    QVERIFY(reference >= 0);
    QCOMPARE(c->downloadTasks(ids).queued, 6);
    QCOMPARE(waitForCompleted(6), 6);
    QList<qint64> sent;
    for (const auto &r : m_fx.api->requests()) {
        if (r.path == "/api/v1/common/download-url") {
            sent << r.atMs;
        }
    }
    QCOMPARE(sent.size(), 6);
    const QString windows = veo::test::windowsKept(sent, reference, 2); // two per window
    QVERIFY2(windows.isEmpty(), qPrintable(windows));
}

void tst_DownloadCoordinator::aRenewalRefusedAsTooFastWaits()
{
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({b});
    expireLink(QStringLiteral("/v/b.mp4"), randomBytes(300 * 1024, 7));
    // KIE refuses the first renewal as too fast (Retry-After 1 s), then gives the link.
    FakeKieServer::Response tooFast =
        FakeKieServer::kieError(429, QStringLiteral("Rate limit exceeded"), 429);
    tooFast.headers = {{"Retry-After", "1"}};
    QUrl fresh = m_fx.api->baseUrl();
    fresh.setPath(QStringLiteral("/dl/v/b.mp4"));
    FakeKieServer::Response link;
    link.body = FakeKieServer::envelope(200, QStringLiteral("success"),
                                        '"' + fresh.toString().toUtf8() + '"');
    m_fx.api->setRouteScript("/api/v1/common/download-url", {tooFast, link});
    auto c = newCoordinator();
    QSignalSpy problems(c.get(), &DownloadCoordinator::problem);
    c->downloadTasks({b.taskId});
    QCOMPARE(waitForCompleted(1), 1);
    QList<qint64> sent;
    for (const auto &r : m_fx.api->requests()) {
        if (r.path == "/api/v1/common/download-url") {
            sent << r.atMs;
        }
    }
    QCOMPARE(sent.size(), 2);
    QVERIFY(sent.at(1) - sent.at(0) >= 950); // Retry-After was honoured
    QCOMPARE(problems.count(), 0);           // nothing for the user to do
}

void tst_DownloadCoordinator::aRenewalDroppedWithItsKeyEndsTheWait()
{
    // Two expired links of one key wait for the limiter (on the test's clock), and the key
    // is removed meanwhile. When the queue moves again their renewals are dropped, and the mark
    // must say so: a notification may be waiting on it.
    QList<TaskRecord> tasks;
    for (int i = 0; i < 3; ++i) {
        const QString path = QStringLiteral("/v/k%1.mp4").arg(i);
        const QByteArray bytes = randomBytes(2000, quint32(40 + i));
        m_fx.media->addFile(path, bytes, "video/mp4");
        expireLink(path, bytes);
        // The third belongs to the default key: its renewal moves the queue along.
        tasks << succeeded(QStringLiteral("veo_k%1").arg(i), {path},
                           i < 2 ? QStringLiteral("k2") : QString());
    }
    m_repository->insert(tasks);
    test::ManualClock clock;
    auto c = newCoordinator(&clock);
    m_requests->rateLimiter()->block(QStringLiteral("key-two"), 60);
    QCOMPARE(c->downloadTasks({tasks.at(0).taskId, tasks.at(1).taskId}).queued, 2);
    QTRY_VERIFY_WITH_TIMEOUT(m_fx.media->requests().size() >= 2, 15000);
    // Both 403s handled: their renewals wait for the key's block, not failed.
    QTRY_COMPARE_WITH_TIMEOUT(m_requests->queued(RequestScheduler::Pace::OnDemand), 2, 15000);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(c->mark(tasks.at(i).taskId).state != DownloadMark::State::Failed);
    }

    m_tokens.remove(QStringLiteral("k2")); // the key is removed
    QSignalSpy marks(c.get(), &DownloadCoordinator::markChanged);
    clock.advance(61'000); // and the block is over
    QCOMPARE(c->downloadTasks({tasks.at(2).taskId}).queued, 1);
    const auto told = [&marks](const QString &taskId) {
        return std::any_of(marks.cbegin(), marks.cend(), [&taskId](const QList<QVariant> &args) {
            return args.at(0).toString() == taskId;
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(told(tasks.at(0).taskId) && told(tasks.at(1).taskId), 15000);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(c->mark(tasks.at(i).taskId).state, DownloadMark::State::Failed);
    }
    QCOMPARE(waitForCompleted(1), 1); // the default key's renewal went ahead
    c.reset();
    m_renewer.reset();
    m_requests.reset(); // it runs on this test's clock
}

void tst_DownloadCoordinator::aRefusedRenewalIsReported()
{
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({b});
    expireLink(QStringLiteral("/v/b.mp4"));
    // KIE no longer has the file.
    m_fx.api->setRouteScript("/api/v1/common/download-url",
                             {FakeKieServer::kieError(422, QStringLiteral("record is null."))});
    auto c = newCoordinator();
    QSignalSpy problems(c.get(), &DownloadCoordinator::problem);
    c->downloadTasks({b.taskId});
    QVERIFY(problems.wait(10000));
    const QString text = problems.at(0).at(0).toString();
    QVERIFY2(text.contains(QStringLiteral("veo_b_result.mp4")) &&
                 text.contains(QStringLiteral("did not give a new one")),
             qPrintable(text));
    QCOMPARE(c->mark(b.taskId).state, DownloadMark::State::Failed); // no longer "queued"
}

void tst_DownloadCoordinator::anUnwritableSidecarIsReported()
{
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({b});
    m_settings->setFlag(AppSettings::Flag::DownloadSidecar, true);
    FakeKieServer::FileOptions slow;
    slow.bytesPerSecond = 600 * 1024; // half a second: time to get in the way
    m_fx.media->setFileOptions(QStringLiteral("/v/b.mp4"), slow);
    auto c = newCoordinator();
    QSignalSpy problems(c.get(), &DownloadCoordinator::problem);
    c->downloadTasks({b.taskId});
    // Once the name is taken, a folder appears where its sidecar file would go.
    const QDir folder(m_settings->downloadFolder());
    QVERIFY(folder.mkpath(QStringLiteral("veo_b_result.mp4.json")));
    QCOMPARE(waitForCompleted(1), 1);
    QCOMPARE(problems.count(), 1);
    QVERIFY(problems.at(0).at(0).toString().startsWith(QStringLiteral("The video was saved")));
    // The video itself is fine and counts as downloaded.
    QCOMPARE(c->mark(b.taskId).state, DownloadMark::State::Downloaded);
    QCOMPARE(readAll(folder.filePath(QStringLiteral("veo_b_result.mp4"))).size(), 300 * 1024);
}

void tst_DownloadCoordinator::remembersDownloadedFilesAcrossRestarts()
{
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({b});
    QString video;
    {
        auto c = newCoordinator();
        c->downloadTasks({b.taskId});
        QCOMPARE(waitForCompleted(1), 1);
        video = c->localFile(b.taskId, MediaKind::Result, 0);
    }
    m_fx.newManager(); // a new run
    auto c = newCoordinator();
    QCOMPARE(c->localFile(b.taskId, MediaKind::Result, 0), video);
    QCOMPARE(c->mark(b.taskId), (DownloadMark{DownloadMark::State::Downloaded, -1, 1}));
    QVERIFY(m_fx.manager->list().isEmpty()); // nothing left to do
}

void tst_DownloadCoordinator::removingATaskCancelsItsDownloads()
{
    const TaskRecord a = succeeded(QStringLiteral("veo_a"), {QStringLiteral("/v/a1.mp4")});
    const TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({a, b});
    FakeKieServer::FileOptions slow;
    slow.bytesPerSecond = 50 * 1024;
    m_fx.media->setFileOptions(QStringLiteral("/v/a1.mp4"), slow);
    auto c = newCoordinator();
    c->downloadTasks({b.taskId});
    QCOMPARE(waitForCompleted(1), 1);
    const QString kept = c->localFile(b.taskId, MediaKind::Result, 0);
    c->downloadTasks({a.taskId});
    QVERIFY(QTest::qWaitFor(
        [&] { return c->mark(a.taskId).state == DownloadMark::State::Downloading; }, 10000));

    c->tasksRemoved({a.taskId, b.taskId});
    QCOMPARE(c->mark(a.taskId), DownloadMark{});
    QCOMPARE(c->mark(b.taskId), DownloadMark{});
    QVERIFY(QFile::exists(kept)); // files stay
    const QDir folder(m_settings->downloadFolder());
    QVERIFY(QTest::qWaitFor(
        [&] { return folder.entryList({QStringLiteral("*.part")}, QDir::Files).isEmpty(); },
        5000)); // no .part left
    m_fx.newManager();
    auto restarted = newCoordinator();
    QCOMPARE(restarted->mark(b.taskId), DownloadMark{}); // forgotten
    QVERIFY(m_fx.manager->list().isEmpty());
}

void tst_DownloadCoordinator::expiredVideosAreNotOfferedUnlessOnDisk()
{
    TaskRecord a = succeeded(QStringLiteral("veo_a"), {QStringLiteral("/v/a1.mp4")});
    TaskRecord b = succeeded(QStringLiteral("veo_b"), {QStringLiteral("/v/b.mp4")});
    m_repository->insert({a, b});
    auto c = newCoordinator();
    c->downloadTasks({b.taskId});
    QCOMPARE(waitForCompleted(1), 1);
    // Fifteen days later KIE has deleted both: b's copy is still offered, a's link is not.
    const QDateTime made = QDateTime::currentDateTimeUtc().addDays(-15);
    m_repository->update(
        {a.taskId, b.taskId},
        [&made](TaskRecord &t) { return std::exchange(t.createTime, made) != made; },
        QStringLiteral("not saved"));
    a = *m_repository->task(a.taskId);
    b = *m_repository->task(b.taskId);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(videosExpired(*m_repository->task(a.taskId), now));
    QVERIFY(offeredSources(a, {}, now).isEmpty());
    const LocalFileProvider local = [&c](const QString &id, MediaKind kind, int index) {
        return c->localFile(id, kind, index);
    };
    QCOMPARE(offeredSources(b, local, now).size(), 1);
    QVERIFY(offeredSources(b, local, now).constFirst().isLocal());

    const DownloadCoordinator::Outcome outcome = c->downloadTasks({a.taskId, b.taskId});
    QCOMPARE(outcome.expired, 1);
    QCOMPARE(outcome.alreadyDownloaded, 1);
    QCOMPARE(outcome.queued, 0);
    QVERIFY2(outcome.summary().contains(QLatin1String("14 days")), qPrintable(outcome.summary()));
    QCOMPARE(c->downloadVideo(a.taskId, MediaKind::Result, 0).expired, 1);
    QCOMPARE(m_fx.manager->list().size(), 1); // only b's, from before
}

void tst_DownloadCoordinator::anUpgradeIsNamedAfterItsOriginal()
{
    TaskRecord original = succeeded(QStringLiteral("veo_a"), {QStringLiteral("/v/a1.mp4")});
    original.prompt = QStringLiteral("Red fox");
    original.model = QStringLiteral("veo3_fast");
    TaskRecord hd = succeeded(QStringLiteral("veo_a:1080p:0"), {QStringLiteral("/v/b.mp4")});
    hd.kind = TaskKind::Veo1080p;
    hd.parentTaskId = original.taskId;
    hd.prompt.clear();
    m_repository->insert({original, hd});
    m_settings->setFileNameTemplate(QStringLiteral("{prompt:10}_{model}"));
    auto c = newCoordinator();
    c->downloadTasks({hd.taskId});
    QCOMPARE(waitForCompleted(1), 1);
    QCOMPARE(QFileInfo(c->localFile(hd.taskId, MediaKind::Result, 0)).fileName(),
             QStringLiteral("Red fox_veo3_fast.mp4"));
}

void tst_DownloadCoordinator::theCommandAfterADownloadGetsItsTasksFields()
{
    TaskRecord original = succeeded(QStringLiteral("veo_a"), {QStringLiteral("/v/a1.mp4")});
    original.prompt = QStringLiteral("Red fox");
    TaskRecord hd = succeeded(QStringLiteral("veo_a:1080p:0"), {QStringLiteral("/v/b.mp4")});
    hd.kind = TaskKind::Veo1080p;
    hd.parentTaskId = original.taskId;
    hd.prompt.clear();
    m_repository->insert({original, hd});
    m_settings->setFlag(AppSettings::Flag::RunAfterDownload, true);
    // What the command got comes back as its error lines.
    m_settings->setAfterDownloadCommand(
        QStringLiteral("/bin/sh -c \"echo $1 >&2; echo $2 >&2; exit 1\" sh {taskId} {prompt}"));
    auto c = newCoordinator();
    c->downloadTasks({hd.taskId});
    QCOMPARE(waitForCompleted(1), 1);
    const int id = m_fx.manager->list().constFirst().id;
    QTRY_VERIFY_WITH_TIMEOUT(c->afterDownload()->outcome(id) &&
                                 c->afterDownload()->outcome(id)->state ==
                                     PostDownloadCommand::Outcome::State::Failed,
                             15000);
    // An upgrade's prompt is its original's.
    QCOMPARE(c->afterDownload()->outcome(id)->errorLines, QStringLiteral("veo_a:1080p:0\nRed fox"));
}

void tst_DownloadCoordinator::keepBeforeExpiryDownloadsWhatIsDue()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    const auto madeDaysAgo = [&](const QString &id, const QString &path, int days) {
        TaskRecord t = succeeded(id, {path});
        t.createTime = t.completeTime = now.addDays(-days);
        return t;
    };
    const TaskRecord soon =
        madeDaysAgo(QStringLiteral("veo_soon"), QStringLiteral("/v/a1.mp4"), 13);
    const TaskRecord later =
        madeDaysAgo(QStringLiteral("veo_later"), QStringLiteral("/v/a2.mp4"), 3);
    const TaskRecord gone = madeDaysAgo(QStringLiteral("veo_gone"), QStringLiteral("/v/b.mp4"), 15);
    TaskRecord running = soon;
    running.taskId = QStringLiteral("veo_running");
    running.status = TaskStatus::Generating;
    m_repository->insert({soon, later, gone, running});
    auto c = newCoordinator();
    QVERIFY(waitForStartUpCheck());
    ExpiryKeeper keeper(m_repository.get(), c.get(), m_settings.get(), [&now] { return now; });
    QSignalSpy keeping(&keeper, &ExpiryKeeper::keeping);
    keeper.start();
    QVERIFY(keeping.isEmpty()); // off by default
    QVERIFY(m_fx.manager->list().isEmpty());

    m_settings->setFlag(AppSettings::Flag::KeepBeforeExpiry, true);
    QCOMPARE(keeper.check(), QStringList{soon.taskId}); // within 48 hours; the others are not
    QCOMPARE(keeping.size(), 1);
    QCOMPARE(keeping.constFirst().at(1).toInt(), 1);
    QCOMPARE(waitForCompleted(1), 1);
    QCOMPARE(readAll(c->localFile(soon.taskId, MediaKind::Result, 0)),
             randomBytes(300 * 1024, 7));    // the clip init() serves
    QCOMPARE(keeper.check(), QStringList()); // once is enough

    // A wider margin reaches the later one (it expires in 11 days).
    m_settings->setKeepBeforeExpiryHours(12 * 24);
    QCOMPARE(keeper.check(), QStringList{later.taskId});
    QCOMPARE(waitForCompleted(2), 2);

    // A task already on disk is not downloaded again, even in a new run.
    now = now.addDays(2);
    m_settings->setKeepBeforeExpiryHours(AppSettings::DefaultKeepHours);
    ExpiryKeeper nextRun(m_repository.get(), c.get(), m_settings.get(), [&now] { return now; });
    nextRun.start();
    QCOMPARE(nextRun.check(), QStringList());
    QCOMPARE(m_fx.manager->list().size(), 2);
}

QTEST_GUILESS_MAIN(tst_DownloadCoordinator)
#include "tst_downloadcoordinator.moc"
