// The Downloads panel on a real download manager over loopback: rows follow the queue, the
// buttons act on the selected rows and are enabled only when they can do something; a
// completed row tells what the command run after the download did.
#include "appsettings.h"
#include "downloadcoordinator.h"
#include "downloadfixture.h"
#include "downloadlistmodel.h"
#include "downloadspanel.h"
#include "linkrenewer.h"
#include "requestscheduler.h"
#include "taskrepository.h"
#include "taskstatus.h"
#include "taskstore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QToolButton>
#include <QTreeView>

using namespace veo;
using namespace veo::test;

class tst_DownloadsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void placeholderThenRows();
    void pauseResumeCancelSelected();
    void failedRowSaysWhyAndRetries();
    void clearFinishedKeepsFiles();
    void aCompletedRowTellsWhatTheCommandDid();

private:
    QAction *action(const QString &text) const;
    void select(int id);
    int add(const QString &path, const QString &name);

    DownloadFixture m_fx;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<TaskStore> m_taskStore;  // only where tasks are needed
    std::unique_ptr<TaskRepository> m_tasks; // no tasks: the panel shows the manager's downloads
    std::unique_ptr<RequestScheduler> m_requests;
    std::unique_ptr<LinkRenewer> m_renewer;
    std::unique_ptr<DownloadCoordinator> m_coordinator;
    std::unique_ptr<DownloadsPanel> m_panel;
};

void tst_DownloadsPanel::init()
{
    QVERIFY(m_fx.setUp());
    m_home = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_home->filePath(QStringLiteral("s.ini")));
    m_tasks = std::make_unique<TaskRepository>(nullptr);
    m_requests = std::make_unique<RequestScheduler>(
        m_fx.client.get(), [](const QString &) { return QStringLiteral("token"); });
    m_requests->setFollowSystemNetwork(false);
    m_renewer = std::make_unique<LinkRenewer>(m_requests.get());
    m_coordinator = std::make_unique<DownloadCoordinator>(m_fx.manager.get(), m_tasks.get(),
                                                          m_settings.get(), m_renewer.get());
    m_panel = std::make_unique<DownloadsPanel>(m_fx.manager.get(), m_coordinator.get());
    m_panel->resize(900, 300);
    m_panel->show();
}

void tst_DownloadsPanel::cleanup()
{
    m_panel.reset();
    m_coordinator.reset();
    m_tasks.reset();
    m_taskStore.reset();
    m_fx.tearDown();
}

QAction *tst_DownloadsPanel::action(const QString &text) const
{
    for (QToolButton *b : m_panel->findChildren<QToolButton *>()) {
        if (b->defaultAction() && b->defaultAction()->text() == text) {
            return b->defaultAction();
        }
    }
    return nullptr;
}

void tst_DownloadsPanel::select(int id)
{
    m_panel->selectDownload(id);
    QCOMPARE(m_panel->view()->selectionModel()->selectedRows().size(), 1);
}

int tst_DownloadsPanel::add(const QString &path, const QString &name)
{
    return m_fx.manager->enqueue(m_fx.request(path, name));
}

void tst_DownloadsPanel::placeholderThenRows()
{
    const QList<QLabel *> labels = m_panel->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](QLabel *l) {
        return l->isVisible() && l->text().startsWith(QStringLiteral("No downloads yet"));
    }));
    QVERIFY(!m_panel->view()->isVisible());
    QVERIFY(!action(QStringLiteral("Clear Finished"))->isEnabled());

    m_fx.media->addFile(QStringLiteral("/a.mp4"), randomBytes(64 * 1024, 1), "video/mp4");
    const int id = add(QStringLiteral("/a.mp4"), QStringLiteral("a.mp4"));
    QVERIFY(m_panel->view()->isVisible());
    QCOMPARE(m_panel->model()->rowCount(), 1);
    QVERIFY(m_fx.waitForState(id, DownloadState::Completed));
    const QAbstractItemModel *model = m_panel->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->index(0, DownloadListModel::StateColumn).data().toString(),
                              QStringLiteral("Downloaded"), 15000);
    QCOMPARE(model->index(0, DownloadListModel::FileColumn).data().toString(),
             QStringLiteral("a.mp4"));
    QCOMPARE(model->index(0, 0).data(DownloadListModel::PercentRole).toInt(), 100);
    QCOMPARE(model->index(0, DownloadListModel::ProgressColumn).data().toString(),
             QLocale().formattedDataSize(64 * 1024));
    select(id);
    QVERIFY(action(QStringLiteral("Open"))->isEnabled());
    QVERIFY(action(QStringLiteral("Show in Folder"))->isEnabled());
    QVERIFY(!action(QStringLiteral("Pause"))->isEnabled());
    QVERIFY(!action(QStringLiteral("Cancel"))->isEnabled());
    QVERIFY(action(QStringLiteral("Clear Finished"))->isEnabled());

    // Deleted since: nothing to open or show any more.
    // The panel never looks at the disk itself (a network share may hang): it follows the
    // coordinator's background check.
    QVERIFY(QFile::remove(m_fx.path(QStringLiteral("a.mp4"))));
    QVERIFY(action(QStringLiteral("Open"))->isEnabled());
    m_coordinator->checkFiles();
    QTRY_VERIFY_WITH_TIMEOUT(!action(QStringLiteral("Open"))->isEnabled(), 15000);
    QVERIFY(!action(QStringLiteral("Show in Folder"))->isEnabled());
}

void tst_DownloadsPanel::pauseResumeCancelSelected()
{
    FakeKieServer::FileOptions slow;
    slow.bytesPerSecond = 64 * 1024;
    m_fx.media->addFile(QStringLiteral("/slow.mp4"), randomBytes(2 * 1024 * 1024, 2), "video/mp4");
    m_fx.media->setFileOptions(QStringLiteral("/slow.mp4"), slow);
    const int id = add(QStringLiteral("/slow.mp4"), QStringLiteral("slow.mp4"));
    QVERIFY(m_fx.waitForBytes(id, 32 * 1024));
    QCOMPARE(m_panel->activeCount(), 1);
    select(id);
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_panel->model()->index(0, DownloadListModel::SpeedColumn).data().toString().isEmpty(),
        15000); // running: a speed
    QVERIFY(action(QStringLiteral("Pause"))->isEnabled());
    QVERIFY(!action(QStringLiteral("Resume"))->isEnabled());

    action(QStringLiteral("Pause"))->trigger();
    QCOMPARE(m_fx.get(id).state, DownloadState::Paused);
    QCOMPARE(m_panel->activeCount(), 0);
    QVERIFY(QFile::exists(m_fx.path(QStringLiteral("slow.mp4.part")))); // kept for resuming
    QVERIFY(action(QStringLiteral("Resume"))->isEnabled());
    QVERIFY(!action(QStringLiteral("Pause"))->isEnabled());

    action(QStringLiteral("Resume"))->trigger();
    QVERIFY(m_fx.get(id).state == DownloadState::Queued ||
            m_fx.get(id).state == DownloadState::Running);
    action(QStringLiteral("Cancel"))->trigger();
    QCOMPARE(m_fx.get(id).state, DownloadState::Cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(m_fx.path(QStringLiteral("slow.mp4.part"))), 15000);
    QVERIFY(action(QStringLiteral("Retry"))->isEnabled());
}

void tst_DownloadsPanel::failedRowSaysWhyAndRetries()
{
    FakeKieServer::FileOptions broken;
    broken.statuses = {500}; // the first answer only
    m_fx.media->addFile(QStringLiteral("/err.mp4"), randomBytes(1000, 3), "video/mp4");
    m_fx.media->setFileOptions(QStringLiteral("/err.mp4"), broken);
    const int id = add(QStringLiteral("/err.mp4"), QStringLiteral("err.mp4"));
    QVERIFY(m_fx.waitForState(id, DownloadState::Failed));
    QCOMPARE(m_fx.get(id).error.category, DownloadError::Category::Http);
    const QModelIndex state = m_panel->model()->index(0, DownloadListModel::StateColumn);
    QTRY_COMPARE_WITH_TIMEOUT(state.data().toString(), m_fx.get(id).error.text(), 15000);
    QVERIFY(state.data(Qt::ToolTipRole).toString().contains(m_fx.get(id).error.advice()));
    select(id);
    QVERIFY(action(QStringLiteral("Retry"))->isEnabled());
    QVERIFY(!action(QStringLiteral("Show in Folder"))->isEnabled()); // no file yet
    action(QStringLiteral("Retry"))->trigger();
    QVERIFY(m_fx.waitForState(id, DownloadState::Completed));
}

void tst_DownloadsPanel::clearFinishedKeepsFiles()
{
    m_fx.media->addFile(QStringLiteral("/c.mp4"), randomBytes(1000, 4), "video/mp4");
    const int done = add(QStringLiteral("/c.mp4"), QStringLiteral("c.mp4"));
    QVERIFY(m_fx.waitForState(done, DownloadState::Completed));
    FakeKieServer::FileOptions slow;
    slow.bytesPerSecond = 16 * 1024;
    m_fx.media->addFile(QStringLiteral("/d.mp4"), randomBytes(1024 * 1024, 5), "video/mp4");
    m_fx.media->setFileOptions(QStringLiteral("/d.mp4"), slow);
    const int running = add(QStringLiteral("/d.mp4"), QStringLiteral("d.mp4"));
    QCOMPARE(m_panel->model()->rowCount(), 2);
    action(QStringLiteral("Clear Finished"))->trigger();
    QCOMPARE(m_panel->model()->rowCount(), 1);
    QCOMPARE(m_panel->model()->rowOf(running), 0);
    QVERIFY(QFile::exists(m_fx.path(QStringLiteral("c.mp4"))));
}

void tst_DownloadsPanel::aCompletedRowTellsWhatTheCommandDid()
{
    // The command runs for downloads of listed tasks: this time the repository has one.
    m_panel.reset();
    m_coordinator.reset();
    m_taskStore = std::make_unique<TaskStore>();
    QCOMPARE(m_taskStore->open(m_home->filePath(QStringLiteral("tasks.sqlite"))),
             TaskStore::OpenResult::Opened);
    m_tasks = std::make_unique<TaskRepository>(m_taskStore.get());
    TaskRecord task;
    task.taskId = QStringLiteral("veo_task_1"); // the fixture's requests are for it
    task.status = TaskStatus::Succeeded;
    task.prompt = QStringLiteral("a fox");
    QCOMPARE(m_tasks->insert({task}).size(), 1);
    m_settings->setFlag(AppSettings::Flag::RunAfterDownload, true);
    m_settings->setAfterDownloadCommand(
        QStringLiteral("/bin/sh -c \"echo started >&2; echo cannot reach the NAS >&2; exit 2\" "
                       "sh {file}"));
    m_coordinator = std::make_unique<DownloadCoordinator>(m_fx.manager.get(), m_tasks.get(),
                                                          m_settings.get(), m_renewer.get());
    m_panel = std::make_unique<DownloadsPanel>(m_fx.manager.get(), m_coordinator.get());
    QAbstractItemModelTester tester(m_panel->model());

    m_fx.media->addFile(QStringLiteral("/a.mp4"), randomBytes(1000, 6), "video/mp4");
    const int failing = add(QStringLiteral("/a.mp4"), QStringLiteral("a.mp4"));
    QVERIFY(m_fx.waitForState(failing, DownloadState::Completed));
    const QModelIndex state = m_panel->model()->index(0, DownloadListModel::StateColumn);
    QTRY_COMPARE_WITH_TIMEOUT(state.data().toString(),
                              QStringLiteral("Downloaded · Command failed: exit 2"), 15000);
    QCOMPARE(state.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Command failed: exit 2\nstarted\ncannot reach the NAS"));
    QCOMPARE(state.data(Qt::ForegroundRole).value<QColor>(),
             QColor(QLatin1String(FailureColorName)));

    m_settings->setAfterDownloadCommand(QStringLiteral("true {file}"));
    m_fx.media->addFile(QStringLiteral("/b.mp4"), randomBytes(1000, 7), "video/mp4");
    const int working = add(QStringLiteral("/b.mp4"), QStringLiteral("b.mp4"));
    QVERIFY(m_fx.waitForState(working, DownloadState::Completed));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_panel->model()->index(1, DownloadListModel::StateColumn).data().toString(),
        QStringLiteral("Downloaded · Command ran (exit 0)"), 15000);
    QVERIFY(!m_panel->model()
                 ->index(1, DownloadListModel::StateColumn)
                 .data(Qt::ForegroundRole)
                 .isValid());

    // Cleared from the list: the outcomes are not kept either.
    action(QStringLiteral("Clear Finished"))->trigger();
    QCOMPARE(m_panel->model()->rowCount(), 0);
    QVERIFY(!m_coordinator->afterDownload()->outcome(failing));
    QVERIFY(!m_coordinator->afterDownload()->outcome(working));
}

QTEST_MAIN(tst_DownloadsPanel)
#include "tst_downloadspanel.moc"
