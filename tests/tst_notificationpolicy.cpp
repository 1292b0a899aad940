// NotificationPolicy against real parts: the task repository on a SQLite store, the settings
// file, and the DownloadCoordinator with a real DownloadManager fetching from a media server on
// 127.0.0.2 (download-url on the API server, 127.0.0.1). Tasks finish the way they do in the
// app: an answer is staged and committed, the repository says the task finished, the automatic
// download starts and the policy is told how many videos it queued (Engine::onTaskFinished).
#include "appsettings.h"
#include "downloadcoordinator.h"
#include "downloadfixture.h"
#include "linkrenewer.h"
#include "notificationpolicy.h"
#include "requestscheduler.h"
#include "taskrepository.h"
#include "taskstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace veo;
using namespace veo::test;

namespace {
constexpr int Timeout = 15000;
const QString Token = QStringLiteral("sk-notify-test-0001");
} // namespace

class tst_NotificationPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void finishedTasksNotifyAsTheSettingsSay_data();
    void finishedTasksNotifyAsTheSettingsSay();
    void aSuccessWaitsForItsAutomaticDownload();
    void aSuccessWhoseDownloadFailsIsNotifiedWhenItFails();
    void aDownloadThatFailsAsItIsQueuedDoesNotHoldTheNotification();
    void aFailureDoesNotWaitForAnything();
    void removedTasksAreNeverNotified_data();
    void removedTasksAreNeverNotified();
    void unknownOrUnfinishedTasksAreNotNotified();

private:
    // Tracks the task (Pending), with videos at these media paths once it succeeds.
    void track(const QString &taskId);
    // The task reaches status as a poll's answer does: staged, committed, finished.
    void finish(const QString &taskId, TaskStatus status, const QStringList &urls = {});
    QString mediaLink(const QString &path) const { return m_fx.mediaUrl(path).toString(); }
    Download downloadOf(const QString &taskId) const;

    DownloadFixture m_fx;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<TaskStore> m_store;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<TaskRepository> m_tasks;
    std::unique_ptr<RequestScheduler> m_requests;
    std::unique_ptr<LinkRenewer> m_renewer;
    std::unique_ptr<DownloadCoordinator> m_downloads;
    std::unique_ptr<NotificationPolicy> m_policy;
    std::unique_ptr<QSignalSpy> m_due;
    // The task's download mark and files when its notification was due.
    QList<std::pair<DownloadMark::State, QStringList>> m_atDue;
};

void tst_NotificationPolicy::init()
{
    QVERIFY(m_fx.setUp());
    m_fx.api->setValidKeys({Token});
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_store = std::make_unique<TaskStore>();
    QCOMPARE(m_store->open(m_home->filePath(QStringLiteral("tasks.sqlite"))),
             TaskStore::OpenResult::Opened);
    m_settings = std::make_unique<AppSettings>(m_home->filePath(QStringLiteral("settings.ini")));
    m_settings->setDownloadFolder(m_fx.dir->filePath(QStringLiteral("videos")));
    m_tasks = std::make_unique<TaskRepository>(m_store.get());
    m_requests = std::make_unique<RequestScheduler>(m_fx.client.get(),
                                                    [](const QString &) { return Token; });
    m_requests->setFollowSystemNetwork(false);
    m_renewer = std::make_unique<LinkRenewer>(m_requests.get());
    m_downloads = std::make_unique<DownloadCoordinator>(m_fx.manager.get(), m_tasks.get(),
                                                        m_settings.get(), m_renewer.get());
    m_policy =
        std::make_unique<NotificationPolicy>(m_tasks.get(), m_downloads.get(), m_settings.get());
    // As Engine::onTaskFinished does.
    connect(m_tasks.get(), &TaskRepository::taskFinished, m_policy.get(),
            [this](const QString &taskId, TaskStatus status) {
                const auto outcome = m_downloads->taskFinished(taskId, status);
                m_policy->taskFinished(taskId, status, outcome.queued);
            });
    m_due = std::make_unique<QSignalSpy>(m_policy.get(), &NotificationPolicy::due);
    m_atDue.clear();
    connect(m_policy.get(), &NotificationPolicy::due, this, [this](const QString &taskId) {
        QVERIFY(m_tasks->task(taskId) != nullptr); // "the task is in the repository"
        m_atDue.append({m_downloads->mark(taskId).state, m_downloads->localFiles(taskId)});
    });
}

void tst_NotificationPolicy::cleanup()
{
    m_due.reset();
    m_policy.reset();
    m_downloads.reset();
    m_renewer.reset();
    m_requests.reset();
    m_fx.tearDown();
    m_tasks.reset();
    m_settings.reset();
    m_store.reset();
    m_home.reset();
}

void tst_NotificationPolicy::track(const QString &taskId)
{
    TaskRecord pending;
    pending.taskId = taskId;
    pending.status = TaskStatus::Pending;
    QCOMPARE(m_tasks->insert({pending}).size(), 1);
}

void tst_NotificationPolicy::finish(const QString &taskId, TaskStatus status,
                                    const QStringList &urls)
{
    std::optional<TaskRecord> record = m_tasks->latest(taskId);
    QVERIFY(record);
    record->status = status;
    record->successFlag = status == TaskStatus::Succeeded ? 1 : 2;
    record->resultUrls = urls;
    record->completeTime = QDateTime::currentDateTimeUtc();
    m_tasks->stage(*record);
    m_tasks->flush();
    QCOMPARE(m_tasks->task(taskId)->status, status);
}

Download tst_NotificationPolicy::downloadOf(const QString &taskId) const
{
    const QList<Download> all = m_fx.manager->list();
    for (const Download &d : all) {
        if (d.request.taskId == taskId) {
            return d;
        }
    }
    return {};
}

void tst_NotificationPolicy::finishedTasksNotifyAsTheSettingsSay_data()
{
    QTest::addColumn<TaskStatus>("status");
    QTest::addColumn<bool>("onSuccess");
    QTest::addColumn<bool>("onFailure");
    QTest::addColumn<bool>("notified");

    QTest::newRow("success, both wanted") << TaskStatus::Succeeded << true << true << true;
    QTest::newRow("success, only successes") << TaskStatus::Succeeded << true << false << true;
    QTest::newRow("success, only failures") << TaskStatus::Succeeded << false << true << false;
    QTest::newRow("success, none") << TaskStatus::Succeeded << false << false << false;
    QTest::newRow("failed, both wanted") << TaskStatus::Failed << true << true << true;
    QTest::newRow("failed, only failures") << TaskStatus::Failed << false << true << true;
    QTest::newRow("failed, only successes") << TaskStatus::Failed << true << false << false;
    QTest::newRow("generation failed, only failures")
        << TaskStatus::GenerationFailed << false << true << true;
    QTest::newRow("unavailable, only failures") << TaskStatus::Unavailable << false << true << true;
    QTest::newRow("unavailable, only successes")
        << TaskStatus::Unavailable << true << false << false;
}

void tst_NotificationPolicy::finishedTasksNotifyAsTheSettingsSay()
{
    QFETCH(TaskStatus, status);
    QFETCH(bool, onSuccess);
    QFETCH(bool, onFailure);
    QFETCH(bool, notified);
    m_settings->setFlag(AppSettings::Flag::NotifyOnSuccess, onSuccess);
    m_settings->setFlag(AppSettings::Flag::NotifyOnFailure, onFailure);
    const QString id = QStringLiteral("veo_notify_1");
    track(id);
    finish(id, status);
    // No automatic download to wait for: decided at once.
    QCOMPARE(m_due->count(), notified ? 1 : 0);
    if (notified) {
        QCOMPARE(m_due->at(0).at(0).toString(), id);
        QCOMPARE(m_due->at(0).at(1).toBool(), status == TaskStatus::Succeeded);
    }
}

void tst_NotificationPolicy::aSuccessWaitsForItsAutomaticDownload()
{
    m_settings->setFlag(AppSettings::Flag::AutoDownload, true);
    const QString id = QStringLiteral("veo_notify_slow");
    const QByteArray clip = randomBytes(200 * 1024, 3);
    m_fx.media->addFile(QStringLiteral("/v/slow.mp4"), clip, "video/mp4");
    FakeKieServer::FileOptions slow;
    slow.bytesPerSecond = 100 * 1024; // about two seconds
    m_fx.media->setFileOptions(QStringLiteral("/v/slow.mp4"), slow);
    track(id);

    finish(id, TaskStatus::Succeeded, {mediaLink(QStringLiteral("/v/slow.mp4"))});
    QCOMPARE(m_due->count(), 0); // the download is queued: the notification waits for it
    QTRY_COMPARE_WITH_TIMEOUT(m_downloads->mark(id).state, DownloadMark::State::Downloading,
                              Timeout);
    QCOMPARE(m_due->count(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(m_due->count(), 1, Timeout);
    QCOMPARE(m_due->at(0).at(0).toString(), id);
    QCOMPARE(m_due->at(0).at(1).toBool(), true);
    // Due when the file was there, so that the notification can offer it.
    QCOMPARE(m_atDue.size(), 1);
    QCOMPARE(m_atDue.at(0).first, DownloadMark::State::Downloaded);
    QCOMPARE(m_atDue.at(0).second.size(), 1);
    QCOMPARE(readAll(m_atDue.at(0).second.at(0)), clip);

    // Later changes of the mark do not notify again.
    QSignalSpy checked(m_downloads.get(), &DownloadCoordinator::filesChecked);
    QVERIFY(QFile::remove(m_atDue.at(0).second.at(0)));
    m_downloads->checkFiles();
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, Timeout);
    QCOMPARE(m_downloads->mark(id).state, DownloadMark::State::Missing);
    QCOMPARE(m_downloads->downloadTasks({id}).queued, 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_downloads->mark(id).state, DownloadMark::State::Downloaded,
                              Timeout);
    QCOMPARE(m_due->count(), 1);
}

void tst_NotificationPolicy::aSuccessWhoseDownloadFailsIsNotifiedWhenItFails()
{
    m_settings->setFlag(AppSettings::Flag::AutoDownload, true);
    const QString id = QStringLiteral("veo_notify_404");
    track(id);
    // Neither the media host nor the fresh link from download-url has the file.
    finish(id, TaskStatus::Succeeded, {mediaLink(QStringLiteral("/v/gone.mp4"))});
    QCOMPARE(m_due->count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_due->count(), 1, Timeout);
    QCOMPARE(m_due->at(0).at(1).toBool(), true); // the video is ready all the same
    QCOMPARE(m_atDue.at(0).first, DownloadMark::State::Failed);
    QVERIFY(m_atDue.at(0).second.isEmpty());
    QCOMPARE(downloadOf(id).state, DownloadState::Failed);

    // A retry that fails again does not notify again.
    const qsizetype asked = m_fx.media->requests().size() + m_fx.api->requests().size();
    m_downloads->retry(downloadOf(id).id);
    QTRY_VERIFY_WITH_TIMEOUT(m_fx.media->requests().size() + m_fx.api->requests().size() > asked,
                             Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(downloadOf(id).state, DownloadState::Failed, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_downloads->mark(id).state, DownloadMark::State::Failed, Timeout);
    QCOMPARE(m_due->count(), 1);
}

void tst_NotificationPolicy::aDownloadThatFailsAsItIsQueuedDoesNotHoldTheNotification()
{
    m_settings->setFlag(AppSettings::Flag::AutoDownload, true);
    const QString id = QStringLiteral("veo_notify_ftp");
    track(id);
    // Not a web link: the download fails as it is queued and will not tell when it ends.
    finish(id, TaskStatus::Succeeded, {QStringLiteral("ftp://127.0.0.2/v/clip.mp4")});
    QCOMPARE(m_due->count(), 1);
    QCOMPARE(m_due->at(0).at(1).toBool(), true);
}

void tst_NotificationPolicy::aFailureDoesNotWaitForAnything()
{
    m_settings->setFlag(AppSettings::Flag::AutoDownload, true);
    const QString id = QStringLiteral("veo_notify_failed");
    track(id);
    finish(id, TaskStatus::Failed);
    QCOMPARE(m_due->count(), 1);
    QCOMPARE(m_due->at(0).at(1).toBool(), false);
    QVERIFY(m_fx.manager->list().isEmpty());
}

void tst_NotificationPolicy::removedTasksAreNeverNotified_data()
{
    QTest::addColumn<bool>("toldThePolicy");
    // As Engine::removeTasks does: the list, the downloads, the policy.
    QTest::newRow("removed through the engine") << true;
    // Only the list forgot it; its download goes on and completes.
    QTest::newRow("gone from the list only") << false;
}

void tst_NotificationPolicy::removedTasksAreNeverNotified()
{
    QFETCH(bool, toldThePolicy);
    m_settings->setFlag(AppSettings::Flag::AutoDownload, true);
    const QString id = QStringLiteral("veo_notify_removed");
    m_fx.media->addFile(QStringLiteral("/v/removed.mp4"), randomBytes(200 * 1024, 5), "video/mp4");
    FakeKieServer::FileOptions slow;
    slow.bytesPerSecond = 100 * 1024;
    m_fx.media->setFileOptions(QStringLiteral("/v/removed.mp4"), slow);
    track(id);
    finish(id, TaskStatus::Succeeded, {mediaLink(QStringLiteral("/v/removed.mp4"))});
    QTRY_COMPARE_WITH_TIMEOUT(m_downloads->mark(id).state, DownloadMark::State::Downloading,
                              Timeout);
    QCOMPARE(m_due->count(), 0);

    QVERIFY(m_tasks->remove({id}));
    if (toldThePolicy) {
        m_downloads->tasksRemoved({id});
        m_policy->tasksRemoved({id});
        QTRY_COMPARE_WITH_TIMEOUT(downloadOf(id).state, DownloadState::Cancelled, Timeout);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(downloadOf(id).state, DownloadState::Completed, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(m_downloads->mark(id).state, DownloadMark::State::Downloaded,
                                  Timeout);
    }
    QCoreApplication::processEvents();
    QCOMPARE(m_due->count(), 0);

    // Tracked again under the same ID, it notifies for its own finish only.
    track(id);
    finish(id, TaskStatus::Failed);
    QCOMPARE(m_due->count(), 1);
    QCOMPARE(m_due->at(0).at(1).toBool(), false);
}

void tst_NotificationPolicy::unknownOrUnfinishedTasksAreNotNotified()
{
    // Never tracked.
    m_policy->taskFinished(QStringLiteral("veo_never_added"), TaskStatus::Succeeded, 0);
    m_policy->taskFinished(QStringLiteral("veo_never_added"), TaskStatus::Failed, 0);
    // Tracked, but not finished.
    const QString id = QStringLiteral("veo_notify_pending");
    track(id);
    m_policy->taskFinished(id, TaskStatus::Pending, 0);
    m_policy->taskFinished(id, TaskStatus::Generating, 0);
    QCoreApplication::processEvents();
    QCOMPARE(m_due->count(), 0);
}

QTEST_GUILESS_MAIN(tst_NotificationPolicy)
#include "tst_notificationpolicy.moc"
