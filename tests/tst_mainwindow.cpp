// End to end: the real window, offscreen, against the fake KIE server over loopback, with a
// real SQLite store; then a restart on the same data. Notifications and "Show in Folder" go to
// fake desktop services on the test run's private session bus (tests/run-in-session.sh).
#include "addtasksdialog.h"
#include "appsettings.h"
#include "creditsmonitor.h"
#include "csv.h"
#include "downloadcoordinator.h"
#include "downloadlistmodel.h"
#include "downloadmanager.h"
#include "downloadspanel.h"
#include "downloadstore.h"
#include "engine.h"
#include "enginerig.h"
#include "exportactions.h"
#include "extenddialog.h"
#include "fakedesktop.h"
#include "fakekieserver.h"
#include "generatedialog.h"
#include "imagepicker.h"
#include "importactions.h"
#include "keyring.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "memorytokenstore.h"
#include "notifier.h"
#include "playerpane.h"
#include "refreshscheduler.h"
#include "taskdetailspane.h"
#include "taskexport.h"
#include "taskfilterproxy.h"
#include "tasklistpane.h"
#include "taskrepository.h"
#include "taskstore.h"
#include "tasktablemodel.h"
#include "testsupport.h"
#include "veofollowups.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDBusConnection>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <memory>

using namespace veo;
using veo::test::FakeNotifications;

namespace {
const QString Token = QStringLiteral("sk-window-test-key");
const QString A = QStringLiteral("e2e_task_succeeds_01");
const QString B = QStringLiteral("e2e_task_fails_00002");
const QString C = QStringLiteral("e2e_task_genfail_003");
const QString D = QStringLiteral("e2e_task_dropped_004");

FakeKieServer::Record rec(const QString &id, int flag)
{
    FakeKieServer::Record r;
    r.taskId = id;
    r.successFlag = flag;
    r.prompt = QStringLiteral("End-to-end prompt for %1").arg(id);
    if (flag == 1) {
        r.resultUrls = {QStringLiteral("https://media.example/%1.mp4").arg(id)};
        r.resolution = QStringLiteral("720p");
    } else if (flag >= 2) {
        r.errorCode = flag == 2 ? 400 : 501;
        r.errorMessage = QStringLiteral("Generation problem %1").arg(flag);
    }
    return r;
}

QByteArray clipBytes()
{
    QByteArray clip(256 * 1024, Qt::Uninitialized);
    for (int i = 0; i < clip.size(); ++i) {
        clip[i] = char(i * 7);
    }
    return clip;
}

// Answers the next modal dialog (message box or add dialog) once it is open.
template <typename F> void whenModal(F handle)
{
    QTimer::singleShot(0, [handle] {
        QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
        handle(QApplication::activeModalWidget());
    });
}
} // namespace

// One running app instance: the engine and window main.cpp builds, against the test's server
// and files.
struct Instance : veo::test::EngineRig
{
    Instance(const QString &dir, const QUrl &base) : EngineRig(dir, base, Token)
    {
        window = std::make_unique<MainWindow>(engine.get(), &languages);
        engine->start();
        window->show();
    }
    ~Instance()
    {
        window->close();
        window.reset();
    }
    TaskTableModel &model() const { return *window->taskModel(); }
    KeyRing &keys() const { return *engine->keys(); }
    DownloadCoordinator &downloads() const { return *engine->downloads(); }

    LanguageManager languages;
    std::unique_ptr<MainWindow> window;
};

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void addWatchRestart();
    void searchAndStatusFilter();
    void aLongListIsSearchedWhenTypingPauses();
    void aLongListFillsInBehindTheWindow();
    void dropTextAddsTasks();
    void removeAsksFirst();
    void switchesLanguageAtRunTime();
    void downloadsFromTheWindow();
    void upgradesAndExtensionsInTheWindow();
    void reRunAFinishedTaskWithANewSeed();
    void aBatchFromTheDialogIsQueuedPausedAndCancelled();
    void imagesFromDiskAreUploadedIntoTheGeneration();
    void exportFromTheWindow();
    void notificationWaitsForTheAutomaticDownload_data();
    void notificationWaitsForTheAutomaticDownload();
    void notificationAfterAFailedAutomaticDownload_data();
    void notificationAfterAFailedAutomaticDownload();
    void keysInTheWindow();
    void aTableLayoutSavedBeforeTheCostColumnStillFits();
    void importFromTheWindow();
    void droppingAFileImportsIt();
    void theDetailsCountTheTimeGoingBy();

private:
    // The import's report box once it is open (closed again); empty when none came.
    QString importReport();
    // What the app had done for a task when its notification was sent.
    struct AtNotification
    {
        QString taskId;
        DownloadMark::State mark = DownloadMark::State::None;
        QStringList files;    // DownloadCoordinator::localFiles()
        QList<qint64> sizes;  // of those files on disk; -1 = not there
        QStringList apiFiles; // paths of file requests (/dl/..., fresh links) the API host had
    };
    void recordNotification(const FakeNotifications::Call &call);
    QList<FakeNotifications::Call> notificationsFor(const QString &taskId) const;
    QString selectedTask() const;

    QTemporaryDir m_dir;
    FakeKieServer m_server;
    FakeKieServer m_media; // another origin, as KIE's file hosts are
    FakeNotifications m_notifications;
    test::FakeFileManager m_fileManager;
    bool m_desktop = false;                       // the fakes are on the session bus
    QHash<uint, AtNotification> m_atNotification; // by notification id
    std::unique_ptr<Instance> m_app;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.listen());
    m_server.setValidKeys({Token});
    const FakeKieServer::Response generating = FakeKieServer::ok(rec(A, 0));
    m_server.setScript(A, {generating, generating, FakeKieServer::ok(rec(A, 1))});
    m_server.setScript(B, {generating, FakeKieServer::ok(rec(B, 2))});
    m_server.setScript(C, {FakeKieServer::ok(rec(C, 3))});
    m_server.setScript(D, {FakeKieServer::ok(rec(D, 1))});

    // Without a session bus the window falls back to the tray; only the notification tests
    // need the fakes (and say so).
    const QDBusConnection bus = QDBusConnection::sessionBus();
    m_desktop = m_notifications.registerOn(bus) && m_fileManager.registerOn(bus);
    m_notifications.onNotify = [this](const FakeNotifications::Call &call) {
        recordNotification(call);
    };
}

// The notification's body starts with the prompt, "End-to-end prompt for <task id>" (rec()).
void TestMainWindow::recordNotification(const FakeNotifications::Call &call)
{
    AtNotification seen;
    seen.taskId = call.body.section(QLatin1Char('\n'), 0, 0).section(QLatin1Char(' '), -1);
    if (m_app) {
        seen.mark = m_app->downloads().mark(seen.taskId).state;
        seen.files = m_app->downloads().localFiles(seen.taskId);
        for (const QString &file : std::as_const(seen.files)) {
            const QFileInfo info(file);
            seen.sizes << (info.isFile() ? info.size() : -1);
        }
    }
    const auto requests = m_server.requests();
    for (const auto &r : requests) {
        if (r.path.startsWith("/dl/")) {
            seen.apiFiles << QString::fromUtf8(r.path);
        }
    }
    m_atNotification.insert(call.id, seen);
}

QList<FakeNotifications::Call> TestMainWindow::notificationsFor(const QString &taskId) const
{
    QList<FakeNotifications::Call> result;
    for (const FakeNotifications::Call &call : m_notifications.calls) {
        if (m_atNotification.value(call.id).taskId == taskId) {
            result << call;
        }
    }
    return result;
}

QString TestMainWindow::selectedTask() const
{
    const QModelIndexList rows = m_app->window->tableView()->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.constFirst().data(TaskTableModel::TaskIdRole).toString()
                            : QString();
}

void TestMainWindow::addWatchRestart()
{
    m_app = std::make_unique<Instance>(m_dir.path(), m_server.baseUrl());
    QCOMPARE(m_app->opened, TaskStore::OpenResult::Opened);
    MainWindow &w = *m_app->window;

    // Two IDs through the Add Tasks dialog, with junk that must be reported, not dropped.
    bool dialogChecked = false;
    whenModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<AddTasksDialog *>(modal);
        QVERIFY(dialog);
        dialog->setText(A + QStringLiteral(", ") + B + QStringLiteral("\nnot-an-id!"));
        QCOMPARE(dialog->taskIds(), (QStringList{A, B}));
        const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
        const bool listed = std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
            return l->text().contains(QStringLiteral("not-an-id!"));
        });
        QVERIFY(listed);
        dialogChecked = true;
        dialog->accept();
    });
    QAction *add = nullptr;
    for (QAction *a : w.findChildren<QAction *>()) {
        if (a->shortcut() == QKeySequence(QKeySequence::New)) {
            add = a;
        }
    }
    QVERIFY(add);
    add->trigger();
    QVERIFY(dialogChecked);
    // The third one as from the command line.
    w.addTaskIds({C});
    QCOMPARE(m_app->model().rowCount(), 3);

    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(A), TaskStatus::Succeeded, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(B), TaskStatus::Failed, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(C), TaskStatus::GenerationFailed, 15000);

    // The table shows it.
    QTableView *table = w.tableView();
    QAbstractItemModel *view = table->model();
    QStringList statuses;
    for (int r = 0; r < view->rowCount(); ++r) {
        statuses << view->index(r, TaskTableModel::StatusColumn).data().toString();
    }
    statuses.sort();
    QCOMPARE(statuses, (QStringList{QStringLiteral("Failed"), QStringLiteral("Generation failed"),
                                    QStringLiteral("Succeeded")}));

    // Details of the selected task include its result URL and the prompt.
    w.selectTask(A);
    auto *details = w.findChild<TaskDetailsPane *>(QStringLiteral("DetailsPane"));
    QVERIFY(details);
    QTRY_VERIFY_WITH_TIMEOUT(details->task().has_value(), 15000);
    QCOMPARE(details->task()->taskId, A);
    const QList<QLabel *> labels = details->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
        return l->text() == QStringLiteral("https://media.example/%1.mp4").arg(A);
    }));

    // Finished tasks are not polled again: once the last answers are in, nothing is scheduled.
    QTRY_VERIFY_WITH_TIMEOUT(m_app->pollsSettled(), 15000);
    m_server.clearRequests(); // what the restart asks is counted below

    // Restart on the same data: all three are there with their final states.
    m_app.reset();
    m_app = std::make_unique<Instance>(m_dir.path(), m_server.baseUrl());
    QCOMPARE(m_app->model().rowCount(), 3);
    QCOMPARE(m_app->status(A), TaskStatus::Succeeded);
    QCOMPARE(m_app->status(B), TaskStatus::Failed);
    QCOMPARE(m_app->status(C), TaskStatus::GenerationFailed);
    // The task selected at closing is selected again.
    QTRY_COMPARE_WITH_TIMEOUT(m_app->window->tableView()->selectionModel()->selectedRows().size(),
                              1, 15000);
    QCOMPARE(m_app->window->tableView()
                 ->selectionModel()
                 ->selectedRows()
                 .constFirst()
                 .data(TaskTableModel::TaskIdRole)
                 .toString(),
             A);
    QCOMPARE(m_app->model().task(A)->resultUrls,
             QStringList{QStringLiteral("https://media.example/%1.mp4").arg(A)});
    // Still nothing to poll after the restart (the credits check at start is not a poll).
    QTRY_VERIFY_WITH_TIMEOUT(m_app->pollsSettled(), 15000);
    const auto requests = m_server.requests();
    QVERIFY(std::none_of(requests.cbegin(), requests.cend(), [](const auto &r) {
        return r.path.startsWith("/api/v1/veo/record-info");
    }));
}

void TestMainWindow::searchAndStatusFilter()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    auto *search = w.findChild<QLineEdit *>(QStringLiteral("SearchBox"));
    auto *filter = w.findChild<QComboBox *>(QStringLiteral("StatusFilter"));
    QVERIFY(search && filter);
    QAbstractItemModel *view = w.tableView()->model();
    QCOMPARE(view->rowCount(), 3);
    QTest::keyClicks(search, QStringLiteral("fails_0"));
    QCOMPARE(view->rowCount(), 1);
    QCOMPARE(view->index(0, 0).data(TaskTableModel::TaskIdRole).toString(), B);
    search->clear();
    QCOMPARE(view->rowCount(), 3);

    const int succeeded = filter->findData(int(TaskStatus::Succeeded));
    QVERIFY(succeeded > 0);
    QVERIFY(filter->itemText(succeeded).contains(QStringLiteral("(1)"))); // live count
    filter->setCurrentIndex(succeeded);
    QCOMPARE(view->rowCount(), 1);
    QCOMPARE(view->index(0, 0).data(TaskTableModel::TaskIdRole).toString(), A);
    filter->setCurrentIndex(0);
    QCOMPARE(view->rowCount(), 3);
}

void TestMainWindow::aLongListIsSearchedWhenTypingPauses()
{
    QVERIFY(m_app);
    TaskTableModel model;
    QList<TaskRecord> tasks;
    for (int i = 0; i < TaskListPane::SearchPauseRows; ++i) {
        tasks << test::makeTask(QStringLiteral("long_list_%1").arg(i), TaskStatus::Succeeded, i);
    }
    model.setTasks(tasks);
    TaskListPane pane(&model, &m_app->keys());
    auto *search = pane.findChild<QLineEdit *>(QStringLiteral("SearchBox"));
    QVERIFY(search);
    QCOMPARE(pane.proxy()->rowCount(), TaskListPane::SearchPauseRows);

    // Every keystroke over a long list would refilter it: the search waits for a pause.
    QTest::keyClicks(search, QStringLiteral("long_list_4999"));
    QCOMPARE(pane.proxy()->searchText(), QString());
    QCOMPARE(pane.proxy()->rowCount(), TaskListPane::SearchPauseRows);
    QTRY_COMPARE(pane.proxy()->rowCount(), 1);
    QCOMPARE(pane.proxy()->searchText(), QStringLiteral("long_list_4999"));

    // Return does not wait.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("long_list_4998"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(pane.proxy()->searchText(), QStringLiteral("long_list_4998"));
    QCOMPARE(pane.proxy()->rowCount(), 1);

    // A short list is searched at every keystroke (searchAndStatusFilter).
    model.removeTasks({QStringLiteral("long_list_0")});
    search->clear();
    QCOMPARE(pane.proxy()->rowCount(), TaskListPane::SearchPauseRows - 1);
    QTest::keyClicks(search, QStringLiteral("long_list_7"));
    QCOMPARE(pane.proxy()->searchText(), QStringLiteral("long_list_7"));
}

void TestMainWindow::aLongListFillsInBehindTheWindow()
{
    constexpr int Count = 20000; // far more than one step (about 12 ms) reads
    QTemporaryDir dir;
    {
        TaskStore seed;
        QVERIFY(seed.open(dir.filePath(QStringLiteral("tasks.sqlite"))) !=
                TaskStore::OpenResult::Failed);
        QList<TaskRecord> tasks;
        for (int i = 0; i < Count; ++i) {
            tasks << test::makeTask(QStringLiteral("history_%1").arg(i), TaskStatus::Succeeded, i);
        }
        // The last tasks' key was removed in an earlier run: they arrive in the last part read.
        for (qsizetype i = Count - 3; i < Count; ++i) {
            tasks[i].keyId = QStringLiteral("key-removed-earlier");
        }
        QCOMPARE(seed.insertNew(tasks).size(), qsizetype(Count));
    }
    // As main.cpp builds it: the list is read in steps.
    veo::test::EngineRig rig(dir.path(), m_server.baseUrl(), Token, false, {}, true, nullptr, true);
    LanguageManager languages;
    MainWindow window(rig.engine.get(), &languages);
    auto *counts = window.findChild<QLabel *>(QStringLiteral("TaskCounts"));
    QVERIFY(counts);
    rig.engine->start();
    window.show();

    // The window is there with the first tasks; the status bar says how far the list is read.
    QVERIFY(rig.engine->isLoading());
    QVERIFY(window.taskModel()->rowCount() > 0);
    QVERIFY(window.taskModel()->rowCount() < Count);
    QVERIFY2(counts->text().startsWith(QStringLiteral("Reading the task list: ")),
             qPrintable(counts->text()));

    QTRY_VERIFY_WITH_TIMEOUT(!rig.engine->isLoading(), 120000);
    QCOMPARE(window.taskModel()->rowCount(), Count);
    QCOMPARE(window.tableView()->model()->rowCount(), Count);
    // The counts follow on the next turn, on their own.
    QTRY_VERIFY2(counts->text().startsWith(QString::number(Count)), qPrintable(counts->text()));
    // The key filter learnt of the removed key from the rows that brought it.
    auto *keyFilter = window.findChild<QComboBox *>(QStringLiteral("KeyFilter"));
    QVERIFY(keyFilter && keyFilter->isVisibleTo(&window));
    const int orphans = keyFilter->findText(QStringLiteral("Key removed"));
    QVERIFY(orphans > 0);
    keyFilter->setCurrentIndex(orphans);
    QCOMPARE(window.tableView()->model()->rowCount(), 3);
    window.close();
}

void TestMainWindow::dropTextAddsTasks()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    QMimeData mime;
    mime.setText(QStringLiteral("  ") + D + QStringLiteral("\n"));
    const QPoint pos = w.rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    QCOMPARE(m_app->model().rowCount(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(D), TaskStatus::Succeeded, 15000);
}

void TestMainWindow::removeAsksFirst()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    w.selectTask(D);
    auto *remove = w.findChild<QAction *>(QStringLiteral("RemoveAction"));
    QVERIFY(remove && remove->isEnabled());
    QCOMPARE(remove->shortcut(), QKeySequence(QKeySequence::Delete));

    whenModal([](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        box->button(QMessageBox::Cancel)->click();
    });
    remove->trigger();
    QCOMPARE(m_app->model().rowCount(), 4); // cancelled: nothing removed

    whenModal([](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole) {
                b->click();
            }
        }
    });
    remove->trigger();
    QCOMPARE(m_app->model().rowCount(), 3);
    QVERIFY(!m_app->model().task(D));
    QVERIFY(!m_app->store.contains(D)); // gone from the store too
}

void TestMainWindow::switchesLanguageAtRunTime()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    QAbstractItemModel *view = w.tableView()->model();
    const auto header = [view] {
        return view->headerData(TaskTableModel::TaskIdColumn, Qt::Horizontal).toString();
    };
    const auto statusOf = [this, view](const QString &id) {
        const QModelIndex source = m_app->model().index(m_app->model().rowOf(id), 0);
        for (int r = 0; r < view->rowCount(); ++r) {
            if (view->index(r, 0).data(TaskTableModel::TaskIdRole).toString() == id) {
                return view->index(r, TaskTableModel::StatusColumn).data().toString();
            }
        }
        return source.isValid() ? QStringLiteral("hidden") : QStringLiteral("missing");
    };
    const auto fileMenuTitle = [&w] { return w.menuBar()->actions().constFirst()->text(); };
    AddTasksDialog dialog(&w); // an open dialog follows too
    dialog.show();

    QCOMPARE(header(), QStringLiteral("Task ID"));
    QCOMPARE(statusOf(A), QStringLiteral("Succeeded"));
    QCOMPARE(fileMenuTitle(), QStringLiteral("&File"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Add Tasks"));

    QCOMPARE(m_app->languages.apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QCOMPARE(header(), QStringLiteral("任务ID"));
    QCOMPARE(statusOf(A), QStringLiteral("成功"));
    QCOMPARE(statusOf(B), QStringLiteral("失败"));
    // Qt posts QEvent::LanguageChange: widgets retranslate when the event loop runs.
    QTRY_COMPARE(fileMenuTitle(), QStringLiteral("文件(&F)"));
    QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("添加任务"));

    m_app->languages.apply(QStringLiteral("en"));
    QCOMPARE(header(), QStringLiteral("Task ID"));
    QCOMPARE(statusOf(A), QStringLiteral("Succeeded"));
    QTRY_COMPARE(fileMenuTitle(), QStringLiteral("&File"));
    QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("Add Tasks"));
}

void TestMainWindow::downloadsFromTheWindow()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    QVERIFY(m_media.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    const QByteArray clip = clipBytes();
    m_media.addFile(QStringLiteral("/clips/e.mp4"), clip, "video/mp4");
    const QString e = QStringLiteral("e2e_task_download_05");
    FakeKieServer::Record done = rec(e, 1);
    done.resultUrls = {m_media.baseUrl().toString() + QStringLiteral("/clips/e.mp4")};
    done.fullResultUrls = done.resultUrls; // KIE may repeat it: one video, not two
    m_server.setScript(e, {FakeKieServer::ok(done)});
    w.addTaskIds({e});
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(e), TaskStatus::Succeeded, 15000);
    w.selectTask(e);

    auto *download = w.findChild<QAction *>(QStringLiteral("DownloadAction"));
    QVERIFY(download);
    QTRY_VERIFY_WITH_TIMEOUT(download->isEnabled(), 15000);
    auto *details = w.findChild<TaskDetailsPane *>(QStringLiteral("DetailsPane"));
    auto buttonTexts = [details] {
        QStringList texts;
        for (QPushButton *b : details->findChildren<QPushButton *>()) {
            texts << b->text();
        }
        return texts;
    };
    QTRY_COMPARE_WITH_TIMEOUT(buttonTexts().count(QStringLiteral("Download")), 1, 15000);
    auto *dock = w.findChild<QDockWidget *>(QStringLiteral("DownloadsDock"));
    QVERIFY(dock && !dock->isVisible());
    download->trigger();
    QVERIFY(dock->isVisible()); // the user sees the progress

    const QModelIndex cell =
        m_app->model().index(m_app->model().rowOf(e), TaskTableModel::DownloadColumn);
    QTRY_COMPARE_WITH_TIMEOUT(cell.data().toString(), QStringLiteral("Downloaded"), 15000);
    const QString file = m_app->downloads().localFile(e, MediaKind::Result, 0);
    QCOMPARE(QFileInfo(file).absolutePath(), m_app->settings.downloadFolder());
    QFile saved(file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), clip);
    saved.close();
    const auto mediaRequests = m_media.requests();
    QVERIFY(!mediaRequests.isEmpty());
    for (const auto &r : mediaRequests) {
        QVERIFY(!r.headers.contains("authorization")); // the token never leaves the API
    }

    // The panel lists it as done; the details pane offers the file instead of a download.
    auto *panel = w.downloadsPanel();
    QCOMPARE(panel->model()->rowCount(), 1);
    QCOMPARE(panel->model()->index(0, DownloadListModel::StateColumn).data().toString(),
             QStringLiteral("Downloaded"));
    QTRY_VERIFY_WITH_TIMEOUT(buttonTexts().contains(QStringLiteral("Show in Folder")), 15000);
    QVERIFY(!buttonTexts().contains(QStringLiteral("Download")));

    // Deleted behind the app's back: the list says so and offers the download again.
    QVERIFY(QFile::remove(file));
    m_app->downloads().checkFiles(); // on another thread: the answer comes a little later
    QTRY_COMPARE_WITH_TIMEOUT(cell.data().toString(), QStringLiteral("File missing"), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(buttonTexts().contains(QStringLiteral("Download")), 15000);
    download->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell.data().toString(), QStringLiteral("Downloaded"), 15000);
    QVERIFY(QFile::exists(file));

    // With automatic downloads on, a new success is saved without anyone asking.
    m_app->settings.setFlag(AppSettings::Flag::AutoDownload, true);
    m_media.addFile(QStringLiteral("/clips/g.mp4"), clip, "video/mp4");
    FakeKieServer::FileOptions slow;
    // About ten seconds: still running when a slow machine gets round to looking.
    slow.bytesPerSecond = std::max<qint64>(1, clip.size() / 10);
    m_media.setFileOptions(QStringLiteral("/clips/g.mp4"), slow);
    dock->toggleViewAction()->trigger(); // the user closed the panel
    QVERIFY(!dock->isVisible());
    auto *indicator = w.findChild<QToolButton *>(QStringLiteral("DownloadsIndicator"));
    QVERIFY(indicator && !indicator->isVisible());
    const QString g = QStringLiteral("e2e_task_autodown_07");
    FakeKieServer::Record later = rec(g, 1);
    later.resultUrls = {m_media.baseUrl().toString() + QStringLiteral("/clips/g.mp4")};
    m_server.setScript(g, {FakeKieServer::ok(rec(g, 0)), FakeKieServer::ok(later)});
    w.addTaskIds({g});
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(g), TaskStatus::Succeeded, 15000);
    // Running while the panel is hidden: the status bar says so.
    QTRY_VERIFY_WITH_TIMEOUT(indicator->isVisible(), 15000);
    QCOMPARE(indicator->text(), QStringLiteral("1 downloading"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_app->downloads().localFile(g, MediaKind::Result, 0)),
                             30000);
    QTRY_VERIFY_WITH_TIMEOUT(!indicator->isVisible(), 15000); // nothing running any more
    m_app->settings.setFlag(AppSettings::Flag::AutoDownload, false);
}

// With automatic downloads on, a success is announced once its video is on disk, and the
// notification offers the file. Also when the media link had expired and download-url gave a
// fresh one: the failed first attempt is not the end of the download.
void TestMainWindow::notificationWaitsForTheAutomaticDownload_data()
{
    QTest::addColumn<QString>("taskId");
    QTest::addColumn<bool>("linkExpired"); // the media host answers 404; the API host has it
    QTest::newRow("downloaded") << QStringLiteral("e2e_task_notify_0010") << false;
    QTest::newRow("fresh link") << QStringLiteral("e2e_task_notify_0011") << true;
}

void TestMainWindow::notificationWaitsForTheAutomaticDownload()
{
    QFETCH(QString, taskId);
    QFETCH(bool, linkExpired);
    QVERIFY(m_app);
    QVERIFY2(m_desktop, "no session bus for the fake notification service: run via "
                        "tests/run-in-session.sh");
    MainWindow &w = *m_app->window;
    m_app->settings.setFlag(AppSettings::Flag::AutoDownload, true);
    const auto restore =
        qScopeGuard([this] { m_app->settings.setFlag(AppSettings::Flag::AutoDownload, false); });
    const QByteArray clip = clipBytes();
    const QString path = QStringLiteral("/clips/%1.mp4").arg(taskId);
    FakeKieServer::FileOptions slow;
    slow.bytesPerSecond = 128 * 1024; // about two seconds: time to notice an early notification
    FakeKieServer &host = linkExpired ? m_server : m_media; // download-url points to the API host
    host.addFile(path, clip, "video/mp4");
    host.setFileOptions(path, slow);
    FakeKieServer::Record done = rec(taskId, 1);
    done.resultUrls = {m_media.baseUrl().toString() + path};
    m_server.setScript(taskId, {FakeKieServer::ok(rec(taskId, 0)), FakeKieServer::ok(done)});
    const auto before = m_fileManager.shownItems.size();

    w.addTaskIds({taskId});
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(taskId), TaskStatus::Succeeded, 15000);
    // Downloading (from the fresh link, when the first one had expired): no notification yet.
    QTRY_COMPARE_WITH_TIMEOUT(m_app->downloads().mark(taskId).state,
                              DownloadMark::State::Downloading, 15000);
    QCOMPARE(notificationsFor(taskId).size(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(notificationsFor(taskId).size(), 1, 30000);
    const FakeNotifications::Call call = notificationsFor(taskId).constFirst();
    QCOMPARE(call.summary, QStringLiteral("Video ready"));
    QCOMPARE(call.body, QStringLiteral("End-to-end prompt for %1").arg(taskId));
    QCOMPARE(call.actions,
             (QStringList{QStringLiteral("default"), QStringLiteral("Show"), QStringLiteral("play"),
                          QStringLiteral("Play"), QStringLiteral("show-in-folder"),
                          QStringLiteral("Show in Folder")}));
    // When it was sent, the whole file was on disk.
    const AtNotification seen = m_atNotification.value(call.id);
    QCOMPARE(seen.mark, DownloadMark::State::Downloaded);
    const QString file = m_app->downloads().localFile(taskId, MediaKind::Result, 0);
    QVERIFY(!file.isEmpty());
    QCOMPARE(seen.files, QStringList{file});
    QCOMPARE(seen.sizes, QList<qint64>{clip.size()});
    QFile saved(file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), clip);
    saved.close();
    if (linkExpired) {
        QVERIFY(seen.apiFiles.contains(QStringLiteral("/dl") + path)); // the fresh link
        QVERIFY(!m_media.requests().isEmpty());
    }

    // "Show in Folder" shows that file in the file manager; a click on the notification
    // brings the task up.
    w.selectTask(A);
    QCOMPARE(selectedTask(), A);
    auto *notifier = w.findChild<Notifier *>();
    QVERIFY(notifier);
    QTRY_VERIFY_WITH_TIMEOUT(veo::test::repliesRead(*notifier), 15000); // it knows the id
    QVERIFY(m_notifications.invokeAction(call.id, QStringLiteral("show-in-folder")));
    QTRY_COMPARE_WITH_TIMEOUT(m_fileManager.shownItems.size(), before + 1, 15000);
    QCOMPARE(m_fileManager.shownItems.constLast(),
             QStringList{QUrl::fromLocalFile(file).toString()});
    QVERIFY(m_notifications.invokeAction(call.id, QStringLiteral("default")));
    QTRY_COMPARE_WITH_TIMEOUT(selectedTask(), taskId, 15000);
    QCOMPARE(notificationsFor(taskId).size(), 1); // announced once
}

// When the automatic download fails for good, the success is still announced, after the
// failure and without a file to show.
void TestMainWindow::notificationAfterAFailedAutomaticDownload_data()
{
    QTest::addColumn<QString>("taskId");
    QTest::addColumn<QString>("how");
    // The media host answers 404, and so does the fresh link download-url gives.
    QTest::newRow("404") << QStringLiteral("e2e_task_notify_0012") << QStringLiteral("404");
    // A regular file stands where the download folder should be (the tests run as root:
    // permissions would not stop them).
    QTest::newRow("folder is a file")
        << QStringLiteral("e2e_task_notify_0013") << QStringLiteral("folder");
    // KIE's link is not http(s): the download fails as soon as it is queued.
    QTest::newRow("not a web link")
        << QStringLiteral("e2e_task_notify_0014") << QStringLiteral("scheme");
}

void TestMainWindow::notificationAfterAFailedAutomaticDownload()
{
    QFETCH(QString, taskId);
    QFETCH(QString, how);
    QVERIFY(m_app);
    QVERIFY2(m_desktop, "no session bus for the fake notification service: run via "
                        "tests/run-in-session.sh");
    MainWindow &w = *m_app->window;
    const QString folder = m_app->settings.downloadFolder();
    const auto restore = qScopeGuard([this, folder] {
        m_app->settings.setDownloadFolder(folder);
        m_app->settings.setFlag(AppSettings::Flag::AutoDownload, false);
    });
    const QString path = QStringLiteral("/clips/%1.mp4").arg(taskId);
    const QString blocker = m_dir.filePath(QStringLiteral("not-a-folder"));
    FakeKieServer::Record done = rec(taskId, 1);
    done.resultUrls = {m_media.baseUrl().toString() + path};
    if (how == QLatin1String("folder")) {
        m_media.addFile(path, clipBytes(), "video/mp4");
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("a file, not a folder") > 0);
        file.close();
        m_app->settings.setDownloadFolder(blocker);
    } else if (how == QLatin1String("scheme")) {
        done.resultUrls = {QStringLiteral("ftp://127.0.0.2") + path};
    }
    m_app->settings.setFlag(AppSettings::Flag::AutoDownload, true);
    m_server.setScript(taskId, {FakeKieServer::ok(rec(taskId, 0)), FakeKieServer::ok(done)});

    w.addTaskIds({taskId});
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(taskId), TaskStatus::Succeeded, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(notificationsFor(taskId).size(), 1, 30000);
    const FakeNotifications::Call call = notificationsFor(taskId).constFirst();
    QCOMPARE(call.summary, QStringLiteral("Video ready"));
    QCOMPARE(call.actions, (QStringList{QStringLiteral("default"), QStringLiteral("Show"),
                                        QStringLiteral("play"), QStringLiteral("Play")}));
    // Sent once the download had failed for good (after the fresh link too), with no file.
    const AtNotification seen = m_atNotification.value(call.id);
    QCOMPARE(seen.mark, DownloadMark::State::Failed);
    QVERIFY(seen.files.isEmpty());
    QList<Download> downloads;
    for (const Download &d : m_app->engine->downloadManager()->list()) {
        if (d.request.taskId == taskId) {
            downloads << d;
        }
    }
    QCOMPARE(downloads.size(), 1);
    const Download &d = downloads.constFirst();
    QCOMPARE(d.state, DownloadState::Failed);
    if (how == QLatin1String("404")) {
        QCOMPARE(d.error.category, DownloadError::Category::LinkExpired);
        QCOMPARE(d.error.httpStatus, 404);
        QVERIFY(seen.apiFiles.contains(QStringLiteral("/dl") + path)); // the fresh link, tried
    } else if (how == QLatin1String("folder")) {
        QCOMPARE(d.error.category, DownloadError::Category::NotWritable);
        QVERIFY(QFileInfo(blocker).isFile()); // left alone
    } else {
        QCOMPARE(d.error.category, DownloadError::Category::Network);
        QCOMPARE(d.request.url.scheme(), QStringLiteral("ftp"));
    }
    QVERIFY(m_app->downloads().localFiles(taskId).isEmpty());
    QCOMPARE(notificationsFor(taskId).size(), 1);
}

namespace {
// The Upgrade and Extend menu as the user opens it for the selected task.
QAction *followUpAction(MainWindow &w, const char *name)
{
    auto *menu = w.findChild<QMenu *>(QStringLiteral("FollowUpMenu"));
    if (!menu) {
        return nullptr;
    }
    Q_EMIT menu->aboutToShow(); // filled for the selection when it opens
    return menu->findChild<QAction *>(QString::fromLatin1(name));
}

// The proxy row of a task (what the user sees), -1 when hidden.
int shownRow(MainWindow &w, TaskTableModel &model, const QString &id)
{
    const QModelIndex source = model.index(model.rowOf(id), 0);
    auto *list = w.findChild<TaskListPane *>();
    return list ? list->proxy()->mapFromSource(source).row() : -1;
}
} // namespace

void TestMainWindow::upgradesAndExtensionsInTheWindow()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    const QByteArray clip = clipBytes();
    m_media.addFile(QStringLiteral("/clips/u-1080p.mp4"), clip, "video/mp4");
    const QString u = QStringLiteral("e2e_task_upgrade_08");
    FakeKieServer::Record done = rec(u, 1);
    m_server.setScript(u, {FakeKieServer::ok(done)});
    m_server.setUpgradeScript(
        FakeKieServer::Upgrade::Hd1080p, u, 0,
        {FakeKieServer::upgrade1080pReady(m_media.baseUrl().toString() +
                                          QStringLiteral("/clips/u-1080p.mp4"))});
    FakeKieServer::Record extended = rec(QStringLiteral("@TASK_ID@"), 1);
    extended.prompt = QStringLiteral("@PROMPT@");
    m_server.setExtendScript({FakeKieServer::ok(extended)});
    w.addTaskIds({u});
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(u), TaskStatus::Succeeded, 15000);
    // Nothing that costs is offered while the key is known to have no credits.
    w.selectTask(u);
    QAction *broke = followUpAction(w, "Get4kAction");
    QVERIFY(broke && !broke->isEnabled());
    QVERIFY(broke->toolTip().contains(QLatin1String("credits")));
    m_server.setCredits(QString(), 5000);
    QSignalSpy checked(m_app->engine->credits(), &CreditsMonitor::checked);
    m_app->engine->credits()->checkAll();
    QVERIFY(checked.wait(15000));
    w.selectTask(u);

    // The same menu is on the details and the player panes.
    auto *menu = w.findChild<QMenu *>(QStringLiteral("FollowUpMenu"));
    auto *details = w.findChild<QPushButton *>(QStringLiteral("DetailsFollowUpButton"));
    QVERIFY(details);
    QTRY_VERIFY(details->isVisibleTo(&w)); // a new row is shown by the event loop
    QCOMPARE(details->menu(), menu);
    auto *player = w.findChild<QToolButton *>(QStringLiteral("PlayerFollowUpButton"));
    auto *more = w.findChild<QToolButton *>(QStringLiteral("PlayerMoreButton"));
    // In the row, or in its "…" menu when the pane is narrow.
    QVERIFY(player && more && (player->isVisibleTo(&w) || more->isVisibleTo(&w)));
    QCOMPARE(player->menu(), menu);

    // 4K costs credits: asked first, and nothing is sent when the user says no.
    QAction *uhd = followUpAction(w, "Get4kAction");
    QVERIFY(uhd && uhd->isEnabled());
    whenModal([](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        QVERIFY(box->informativeText().contains(QLatin1String("credits")));
        box->button(QMessageBox::Cancel)->click();
    });
    uhd->trigger();
    QVERIFY(!m_app->task(upgradeTaskId(u, TaskKind::Veo4k, 0)));
    for (const FakeKieServer::Request &r : m_server.requests()) {
        QVERIFY(r.path != "/api/v1/veo/get-4k-video");
    }

    // Extend: the dialog, prefilled with the prompt; the new task lands under its parent.
    QAction *extend = followUpAction(w, "ExtendAction");
    QVERIFY(extend && extend->isEnabled());
    whenModal([](QWidget *modal) {
        auto *dialog = qobject_cast<ExtendDialog *>(modal);
        QVERIFY(dialog);
        auto *prompt = dialog->findChild<QPlainTextEdit *>(QStringLiteral("ExtendPrompt"));
        QVERIFY(prompt && prompt->toPlainText().startsWith(QLatin1String("End-to-end prompt")));
        prompt->setPlainText(QStringLiteral("The end-to-end fox keeps running"));
        dialog->accept();
    });
    extend->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_server.extendedTaskIds().size(), 1, 15000);
    const QString ext = m_server.extendedTaskIds().constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(ext), TaskStatus::Succeeded, 15000);
    QCOMPARE(m_app->task(ext)->parentTaskId, u);

    // 1080P: free, no question; its row is right under the parent's, and the parent says so.
    w.selectTask(u);
    QAction *hd = followUpAction(w, "Get1080pAction");
    QVERIFY(hd && hd->isEnabled());
    hd->trigger();
    const QString child = upgradeTaskId(u, TaskKind::Veo1080p, 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(child), TaskStatus::Succeeded, 15000);
    TaskTableModel &model = m_app->model();
    const int parentRow = shownRow(w, model, u);
    QVERIFY(parentRow >= 0);
    QCOMPARE(shownRow(w, model, ext), parentRow + 1);
    QCOMPARE(shownRow(w, model, child), parentRow + 2);
    QTRY_COMPARE_WITH_TIMEOUT(
        model.index(model.rowOf(u), TaskTableModel::StatusColumn).data().toString(),
        QStringLiteral("Succeeded · Extension ready · 1080P ready"), 15000);
    // Once a 1080P is asked for, KIE allows no extension: the menu says why.
    w.selectTask(u);
    extend = followUpAction(w, "ExtendAction");
    QVERIFY(extend && !extend->isEnabled());
    QVERIFY(extend->toolTip().contains(QLatin1String("1080P")));

    // The child downloads like any task.
    w.selectTask(child);
    auto *download = w.findChild<QAction *>(QStringLiteral("DownloadAction"));
    QTRY_VERIFY_WITH_TIMEOUT(download->isEnabled(), 15000);
    download->trigger();
    const QModelIndex mark = model.index(model.rowOf(child), TaskTableModel::DownloadColumn);
    QTRY_COMPARE_WITH_TIMEOUT(mark.data().toString(), QStringLiteral("Downloaded"), 15000);
    QFile saved(m_app->downloads().localFile(child, MediaKind::Result, 0));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), clip);
    saved.close();

    // And it is all there after a restart, in its place.
    m_app->engine->flush();
    m_app.reset();
    m_app = std::make_unique<Instance>(m_dir.path(), m_server.baseUrl());
    MainWindow &again = *m_app->window;
    TaskTableModel &reloaded = m_app->model();
    QCOMPARE(m_app->status(child), TaskStatus::Succeeded);
    QCOMPARE(m_app->task(child)->parentTaskId, u);
    QCOMPARE(shownRow(again, reloaded, child), shownRow(again, reloaded, u) + 2);
    QTRY_COMPARE_WITH_TIMEOUT(
        reloaded.index(reloaded.rowOf(child), TaskTableModel::DownloadColumn).data().toString(),
        QStringLiteral("Downloaded"), 15000);
}

void TestMainWindow::reRunAFinishedTaskWithANewSeed()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    const QString original = QStringLiteral("e2e_task_rerun_0009");
    m_server.setScript(original, {FakeKieServer::ok(rec(original, 1))});
    FakeKieServer::Record generating = rec(QStringLiteral("@TASK_ID@"), 0);
    generating.prompt = QStringLiteral("@PROMPT@");
    FakeKieServer::Record done = rec(QStringLiteral("@TASK_ID@"), 1);
    done.prompt = QStringLiteral("@PROMPT@");
    m_server.setGenerateScript({FakeKieServer::ok(generating), FakeKieServer::ok(done)});
    w.addTaskIds({original});
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(original), TaskStatus::Succeeded, 15000);
    w.selectTask(original);
    auto *rerun = w.findChild<QAction *>(QStringLiteral("EditAndRunAction"));
    QVERIFY(rerun && rerun->isEnabled());
    whenModal([](QWidget *modal) {
        auto *dialog = qobject_cast<GenerateDialog *>(modal);
        QVERIFY(dialog);
        auto *prompt = dialog->findChild<QPlainTextEdit *>(QStringLiteral("GeneratePrompt"));
        QVERIFY(prompt && prompt->toPlainText().startsWith(QLatin1String("End-to-end prompt")));
        dialog->findChild<QSpinBox *>(QStringLiteral("GenerateSeeds"))->setValue(33333);
        dialog->accept();
    });
    rerun->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_server.generatedTaskIds().size(), 1, 15000);
    const QString id = m_server.generatedTaskIds().constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(id), TaskStatus::Succeeded, 15000);
    QCOMPARE(m_app->task(id)->sourceTaskId, original);
    QCOMPARE(m_app->task(id)->prompt, m_app->task(original)->prompt);
    int sent = 0;
    for (const FakeKieServer::Request &r : m_server.requests()) {
        if (r.path == "/api/v1/veo/generate") {
            ++sent;
            QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("seeds")).toInt(),
                     33333);
        }
    }
    QCOMPARE(sent, 1);
    // The new task is selected and the player offers its video.
    QTRY_COMPARE_WITH_TIMEOUT(w.findChild<PlayerPane *>()->task().value_or(TaskRecord{}).taskId, id,
                              15000);
}

void TestMainWindow::aBatchFromTheDialogIsQueuedPausedAndCancelled()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    FakeKieServer::Record generating = rec(QStringLiteral("@TASK_ID@"), 0);
    generating.prompt = QStringLiteral("@PROMPT@");
    m_server.setGenerateScript({FakeKieServer::ok(generating)});
    QStringList lines;
    for (int i = 1; i <= 22; ++i) {
        lines.append(QStringLiteral("Batch line %1").arg(i));
    }
    whenModal([&lines](QWidget *modal) {
        auto *dialog = qobject_cast<GenerateDialog *>(modal);
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("GeneratePrompt"))
            ->setPlainText(lines.join(QLatin1Char('\n')));
        dialog->findChild<QCheckBox *>(QStringLiteral("GenerateBatch"))->setChecked(true);
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QCOMPARE(ok->text(), QStringLiteral("&Queue 22"));
        QVERIFY(ok->isEnabled());
        dialog->accept();
    });
    const qsizetype before = m_server.generatedTaskIds().size(); // the re-run's
    w.findChild<QAction *>(QStringLiteral("NewGenerationAction"))->trigger();
    // KIE takes 20 per 10 s (the re-run just before counts too): the rest wait in the list.
    QStringList waiting;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            waiting.clear();
            for (const TaskRecord &t : m_app->engine->tasks()->tasks()) {
                if (t.submission == TaskSubmission::Sending) {
                    return false;
                }
                if (t.submission == TaskSubmission::Queued) {
                    waiting.append(t.taskId);
                }
            }
            return m_server.generatedTaskIds().size() - before + waiting.size() == 22;
        }(),
        15000);
    QVERIFY2(waiting.size() >= 2, qPrintable(waiting.join(u' ')));
    TaskTableModel &model = m_app->model();
    const auto status = [&](const QString &id) {
        return model.index(model.rowOf(id), TaskTableModel::StatusColumn).data().toString();
    };
    QCOMPARE(status(waiting.at(0)), QStringLiteral("Queued"));
    auto *pause = w.findChild<QAction *>(QStringLiteral("PauseSendingAction"));
    auto *resume = w.findChild<QAction *>(QStringLiteral("ResumeSendingAction"));
    auto *cancel = w.findChild<QAction *>(QStringLiteral("CancelSendingAction"));
    w.selectTask(waiting.at(0));
    QVERIFY(pause->isEnabled() && cancel->isEnabled() && !resume->isEnabled());
    pause->trigger();
    QCOMPARE(status(waiting.at(0)), QStringLiteral("Paused"));
    QVERIFY(resume->isEnabled() && !pause->isEnabled());
    const QString pausedPrompt = m_app->task(waiting.at(0))->prompt;
    const QString cancelledPrompt = m_app->task(waiting.at(1))->prompt;
    w.selectTask(waiting.at(1));
    cancel->trigger();
    QVERIFY(!m_app->task(waiting.at(1)));
    w.selectTask(waiting.at(0));
    resume->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_server.generatedTaskIds().size() - before, 21, 20000);
    QStringList prompts;
    for (const FakeKieServer::Request &r : m_server.requests()) {
        if (r.path == "/api/v1/veo/generate" && r.body.contains("Batch line")) {
            prompts.append(
                QJsonDocument::fromJson(r.body).object().value(QLatin1String("prompt")).toString());
        }
    }
    QCOMPARE(prompts.size(), 21);
    QCOMPARE(QSet<QString>(prompts.cbegin(), prompts.cend()).size(), 21);
    QVERIFY(!prompts.contains(cancelledPrompt));
    QVERIFY(prompts.contains(pausedPrompt)); // paused, then resumed
}

// Add from Disk: the picked image is uploaded at once (the dialog waits for it), its address
// joins the images and the generation names it; a file that is not an image says so in its row.
void TestMainWindow::imagesFromDiskAreUploadedIntoTheGeneration()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    FakeKieServer::Record generating = rec(QStringLiteral("@TASK_ID@"), 0);
    generating.prompt = QStringLiteral("@PROMPT@");
    m_server.setGenerateScript({FakeKieServer::ok(generating)});
    const QString image = m_dir.filePath(QStringLiteral("first frame.png"));
    QImage frame(320, 180, QImage::Format_RGB32);
    frame.fill(QColor(30, 90, 160));
    QVERIFY(frame.save(image));
    const QString notes = m_dir.filePath(QStringLiteral("notes.png"));
    {
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a picture\n");
    }
    const qsizetype uploadsBefore = m_server.uploads().size();
    whenModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<GenerateDialog *>(modal);
        QVERIFY(dialog);
        dialog->findChild<QCheckBox *>(QStringLiteral("GenerateBatch"))->setChecked(false);
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("GeneratePrompt"))
            ->setPlainText(QStringLiteral("A paper boat drifts across the pond"));
        auto *images = dialog->findChild<QPlainTextEdit *>(QStringLiteral("GenerateImages"));
        images->clear();
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        dialog->findChild<ImagePicker *>()->addFiles({image, notes});
        QVERIFY(!ok->isEnabled()); // waits for the upload
        QTRY_VERIFY_WITH_TIMEOUT(images->toPlainText().contains(QLatin1String("/uploads/")), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>(QStringLiteral("ImageUploadProblem")),
                                 15000);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("ImageUploadProblem"))
                    ->text()
                    .contains(QLatin1String("not a JPEG, PNG or WebP image")));
        QTRY_VERIFY(ok->isEnabled());
        dialog->accept();
    });
    const QStringList before = m_server.generatedTaskIds();
    w.findChild<QAction *>(QStringLiteral("NewGenerationAction"))->trigger();
    QCOMPARE(m_server.uploads().size(), uploadsBefore + 1);
    const FakeKieServer::Upload upload = m_server.uploads().constLast();
    QCOMPARE(upload.key, Token);
    QCOMPARE(upload.contentType, QByteArray("image/png"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server.generatedTaskIds().size(), before.size() + 1, 30000);
    QJsonObject body;
    for (const FakeKieServer::Request &r : m_server.requests()) {
        if (r.path == "/api/v1/veo/generate" && r.body.contains("paper boat")) {
            body = QJsonDocument::fromJson(r.body).object();
        }
    }
    QCOMPARE(body.value(QLatin1String("imageUrls")).toArray(),
             QJsonArray{upload.url.toString(QUrl::FullyEncoded)});
}

// File → Export Tasks: every task of the list (or the chosen ones) with every field; a file
// that cannot be written says so and leaves nothing half-written.
void TestMainWindow::exportFromTheWindow()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    auto *action = w.findChild<QAction *>(QStringLiteral("ExportTasksAction"));
    QVERIFY(action && action->isEnabled());
    QVERIFY(w.menuBar()->actions().constFirst()->menu()->actions().contains(action));
    auto *exporter = w.findChild<ExportActions *>();
    QVERIFY(exporter);
    const QList<TaskRecord> all = m_app->engine->tasks()->tasks();
    QVERIFY(all.size() >= 3);

    const QString csvPath = m_dir.filePath(QStringLiteral("export/all tasks.csv"));
    QVERIFY(QDir().mkpath(QFileInfo(csvPath).absolutePath()));
    QVERIFY(exporter->exportTo(csvPath, {}));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray csvBytes = csv.readAll();
    QVERIFY(!csvBytes.contains(Token.toUtf8()));
    const QList<CsvRow> rows = readCsv(QString::fromUtf8(csvBytes));
    QCOMPARE(rows.size(), all.size() + 1);
    const qsizetype idColumn = rows.constFirst().cells.indexOf(QStringLiteral("taskId"));
    QSet<QString> ids;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        ids.insert(rows.at(i).cells.value(idColumn));
    }
    for (const TaskRecord &t : all) {
        QVERIFY2(ids.contains(t.taskId), qPrintable(t.taskId));
    }

    const QString jsonPath = m_dir.filePath(QStringLiteral("export/one.json"));
    QVERIFY(exporter->exportTo(jsonPath, {all.constFirst().taskId}));
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray tasks =
        QJsonDocument::fromJson(json.readAll()).object().value(QLatin1String("tasks")).toArray();
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.at(0).toObject().value(QLatin1String("taskId")).toString(),
             all.constFirst().taskId);

    bool warned = false;
    whenModal([&warned](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        warned = box->text().contains(QLatin1String("Could not write"));
        box->close();
    });
    QVERIFY(!exporter->exportTo(m_dir.filePath(QStringLiteral("no such folder/x.csv")), {}));
    QVERIFY(warned);
}

void TestMainWindow::keysInTheWindow()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    const QString studioSecret = QStringLiteral("sk-studio-second-key");
    m_server.setValidKeys({Token, studioSecret});
    QString studio;
    m_app->keys().addKey(QStringLiteral("Studio"), studioSecret, KeyHealth::Ok, 500, &w,
                         [&studio](const TokenResult &, const QString &id) { studio = id; });
    QTRY_VERIFY_WITH_TIMEOUT(!studio.isEmpty(), 15000);
    auto *keyFilter = w.findChild<QComboBox *>(QStringLiteral("KeyFilter"));
    QVERIFY(keyFilter);
    QTRY_VERIFY_WITH_TIMEOUT(keyFilter->isVisibleTo(&w),
                             15000); // two keys: a choice worth a control

    // An ID only the second key can see, added with "Try all keys".
    const QString f = QStringLiteral("e2e_task_studio_0006");
    m_server.setTaskOwner(f, studioSecret);
    m_server.setScript(f, {FakeKieServer::ok(rec(f, 1))});
    whenModal([](QWidget *modal) {
        auto *dialog = qobject_cast<AddTasksDialog *>(modal);
        QVERIFY(dialog);
        auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("keyCombo"));
        QVERIFY(combo && combo->isEnabled());
        QCOMPARE(combo->itemText(combo->count() - 1), QStringLiteral("Try all keys"));
        combo->setCurrentIndex(combo->count() - 1);
        dialog->setText(QStringLiteral("e2e_task_studio_0006"));
        dialog->accept();
    });
    w.findChild<QAction *>(QStringLiteral("AddAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_app->model().task(f)->keyId, studio, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(f), TaskStatus::Succeeded, 15000);
    const QModelIndex keyCell =
        m_app->model().index(m_app->model().rowOf(f), TaskTableModel::KeyColumn);
    QCOMPARE(keyCell.data().toString(), QStringLiteral("Studio"));

    // Filter by key.
    QAbstractItemModel *view = w.tableView()->model();
    const int studioEntry = keyFilter->findText(QStringLiteral("Studio"));
    QVERIFY(studioEntry > 0);
    // The key that polls "default" tasks is marked, whether stored or session-only.
    QVERIFY(keyFilter->findText(QStringLiteral("Session key (default)")) > 0);
    keyFilter->setCurrentIndex(studioEntry);
    QCOMPARE(view->rowCount(), 1);
    QCOMPARE(view->index(0, 0).data(TaskTableModel::TaskIdRole).toString(), f);
    keyFilter->setCurrentIndex(0);
    QVERIFY(view->rowCount() > 1);

    // IDs added without a choice (command line, drop) belong to the key that is the default
    // now: making another key the default later does not move them.
    QVERIFY(m_app->keys().setDefaultKey(studio));
    const QString h = QStringLiteral("e2e_task_defaultkey08");
    m_server.setTaskOwner(h, studioSecret);
    m_server.setScript(h, {FakeKieServer::ok(rec(h, 1))});
    w.addTaskIds({h});
    QCOMPARE(m_app->model().task(h)->keyId, studio);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(h), TaskStatus::Succeeded, 15000);
    QVERIFY(m_app->keys().setDefaultKey(KeyRing::SessionKeyId));
    QCOMPARE(m_app->model().task(h)->keyId, studio);

    // A task added with the wrong key finds its owner from the Change Key menu.
    const QString lost = QStringLiteral("e2e_task_wrongkey_009");
    m_server.setTaskOwner(lost, studioSecret);
    m_server.setScript(lost, {FakeKieServer::ok(rec(lost, 1))});
    w.addTaskIds({lost}); // bound to the session key, which cannot see it
    QCOMPARE(m_app->model().task(lost)->keyId, QString());
    w.selectTask(lost);
    auto *changeKey = w.findChild<QMenu *>(QStringLiteral("ChangeKeyMenu"));
    Q_EMIT changeKey->aboutToShow();
    auto *findOwner = changeKey->findChild<QAction *>(QStringLiteral("FindOwnerAction"));
    QVERIFY(findOwner);
    findOwner->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_app->model().task(lost)->keyId, studio, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(lost), TaskStatus::Succeeded, 15000);

    // Removing the key keeps the task, shown as needing a key, and filterable as such.
    bool removed = false;
    m_app->keys().removeKey(studio, &w, [&removed](const TokenResult &) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 15000);
    QVERIFY(m_app->model().task(f));
    QCOMPARE(keyCell.data().toString(), QStringLiteral("Key removed"));
    const int orphans = keyFilter->findText(QStringLiteral("Key removed"));
    QVERIFY(orphans > 0);
    keyFilter->setCurrentIndex(orphans);
    QCOMPARE(view->rowCount(), 3); // f, h and lost
    keyFilter->setCurrentIndex(0);

    // Change Key moves it to the remaining (session) key.
    w.selectTask(f);
    auto *menu = w.findChild<QMenu *>(QStringLiteral("ChangeKeyMenu"));
    QVERIFY(menu && menu->isEnabled());
    Q_EMIT menu->aboutToShow();
    const QList<QAction *> choices = menu->actions();
    QCOMPARE(choices.size(), 1); // one key left: no "Find the Owner" either
    QVERIFY(!choices.constFirst()->isChecked());
    choices.constFirst()->trigger();
    QCOMPARE(m_app->model().task(f)->keyId, QString()); // the session key is never stored
    QCOMPARE(keyCell.data().toString(), QStringLiteral("Session key")); // the default key
    QVERIFY(keyFilter->findText(QStringLiteral("Key removed")) > 0);    // h, lost need one
    for (const QString &orphan : {h, lost}) {
        w.selectTask(orphan);
        Q_EMIT menu->aboutToShow();
        menu->actions().constFirst()->trigger();
    }
    QCOMPARE(keyFilter->findText(QStringLiteral("Key removed")), -1);
}

void TestMainWindow::aTableLayoutSavedBeforeTheCostColumnStillFits()
{
    // The header as a version without the Cost column saved it: 12 columns, Prompt widened.
    QStandardItemModel older(0, TaskTableModel::CostColumn);
    QTableView olderView;
    olderView.setModel(&older);
    olderView.horizontalHeader()->resizeSection(TaskTableModel::PromptColumn, 333);
    const QByteArray saved = olderView.horizontalHeader()->saveState();
    m_app.reset(); // saves its own layout on closing
    {
        AppSettings settings(m_dir.path() + QStringLiteral("/settings.ini"));
        settings.setLayout(AppSettings::Layout::TableHeader, saved);
        settings.sync();
    }
    m_app = std::make_unique<Instance>(m_dir.path(), m_server.baseUrl());
    const QHeaderView *header = m_app->window->tableView()->horizontalHeader();
    QCOMPARE(header->count(), int(TaskTableModel::ColumnCount));
    QCOMPARE(header->sectionSize(TaskTableModel::PromptColumn), 333); // the user's layout
    QVERIFY(!header->isSectionHidden(TaskTableModel::CostColumn));
    // Wide enough for a cost ("1,280 credits") next to its padding.
    QVERIFY(header->sectionSize(TaskTableModel::CostColumn) >
            header->fontMetrics().horizontalAdvance(QStringLiteral("1,280 credits")));
}

QString TestMainWindow::importReport()
{
    QMessageBox *box = nullptr;
    if (!QTest::qWaitFor(
            [this, &box] {
                box = m_app->window->findChild<QMessageBox *>(QStringLiteral("ImportReport"));
                return box && box->isVisible();
            },
            15000)) {
        return {};
    }
    const QString text = box->text();
    const QPointer<QMessageBox> closing(box);
    box->close(); // deletes itself
    return QTest::qWaitFor([&closing] { return closing.isNull(); }, 5000) ? text : QString();
}

// File → Import Tasks…: the file chosen in the dialog (an export of this list with a task
// added, a line that is no ID); new tasks appear in the list, the report says what happened.
void TestMainWindow::importFromTheWindow()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    auto *action = w.findChild<QAction *>(QStringLiteral("ImportTasksAction"));
    QVERIFY(action && action->isEnabled());
    QVERIFY(w.menuBar()->actions().constFirst()->menu()->actions().contains(action));
    const int before = m_app->model().rowCount();
    QVERIFY(before > 0);
    const QString path = m_dir.filePath(QStringLiteral("import/from the dialog.csv"));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray data = exportTasks(m_app->engine->exportTasks({}), ExportFormat::Csv);
        data += "imported_by_dialog_01,veo,,,pending,\"导入, \"\"quoted\"\"\nline\"\r\n";
        data += "this is not an id,\r\n";
        file.write(data);
    }
    whenModal([path](QWidget *modal) {
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        QVERIFY(dialog);
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // as the Open button does
    });
    action->trigger();
    const QString report = importReport();
    QVERIFY2(report.contains(QLatin1String("Added 1 task")), qPrintable(report));
    // The list's own tasks (placeholders of generations without a KIE ID yet and upgrades
    // are left out with the line that held no ID).
    QVERIFY2(report.contains(QLatin1String("already tracked.")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("held no task ID")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("this is not an id")), qPrintable(report));
    QCOMPARE(m_app->model().rowCount(), before + 1);
    QVERIFY(m_app->task(QStringLiteral("imported_by_dialog_01")));
    QCOMPARE(selectedTask(), QStringLiteral("imported_by_dialog_01"));
}

// A .json file dropped on the window (as a file manager drops it) is imported, not pasted.
void TestMainWindow::droppingAFileImportsIt()
{
    QVERIFY(m_app);
    MainWindow &w = *m_app->window;
    const int before = m_app->model().rowCount();
    const QString path = m_dir.filePath(QStringLiteral("import/dropped.json"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"tasks\": [{\"taskId\": \"imported_by_drop_0001\", \"keyLabel\": "
                   "\"No Such Key\"}, {\"taskId\": \"imported_by_drop_0002\"}]}");
    }
    QVERIFY(ImportActions::isImportable(path));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    mime.setText(QUrl::fromLocalFile(path).toString()); // file managers add the address as text
    const QPoint pos = w.rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    const QString report = importReport();
    QVERIFY2(report.contains(QLatin1String("Added 2 task")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("Key \"No Such Key\" not found")), qPrintable(report));
    QCOMPARE(m_app->model().rowCount(), before + 2);
    QVERIFY(m_app->task(QStringLiteral("imported_by_drop_0002")));
    QVERIFY(!w.findChild<AddTasksDialog *>()); // imported, not pasted into Add Tasks
}

void TestMainWindow::theDetailsCountTheTimeGoingBy()
{
    m_app = std::make_unique<Instance>(m_dir.path(), m_server.baseUrl());
    MainWindow &w = *m_app->window;
    const QString id = QStringLiteral("details_ticking_0001");
    const QDateTime created = QDateTime::currentDateTimeUtc().addSecs(-600);
    FakeKieServer::Record generating = rec(id, 0);
    generating.createTimeMs = created.toMSecsSinceEpoch();
    m_server.setScript(id, {FakeKieServer::ok(generating)});
    QDateTime now = created.addSecs(151);
    m_app->model().setNow([&now] { return now; });
    w.addTaskIds({id});
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(id), TaskStatus::Generating, 15000);
    w.selectTask(id);
    auto *details = w.findChild<TaskDetailsPane *>(QStringLiteral("DetailsPane"));
    QVERIFY(details);
    QTRY_VERIFY_WITH_TIMEOUT(details->task() && details->task()->taskId == id, 15000);
    const auto statusField = [details] {
        for (const QLabel *label : details->findChildren<QLabel *>()) {
            if (label->text().startsWith(QStringLiteral("Generating"))) {
                return label->text();
            }
        }
        return QString();
    };
    // What the list's Status column says, in the details too, and it counts as time goes by.
    QCOMPARE(statusField(), QStringLiteral("Generating · 2 min 31 s"));
    now = now.addSecs(9);
    QVERIFY(m_app->model().timePassed(TaskTableModel::Tick::Second));
    QCOMPARE(statusField(), QStringLiteral("Generating · 2 min 40 s"));
    // Far past the usual 2-5 minutes it warns instead.
    now = created.addSecs(17 * 60);
    m_app->model().timePassed(TaskTableModel::Tick::Minute);
    QCOMPARE(statusField(), QStringLiteral("Generating · 17 min, longer than usual"));
    m_app.reset(); // before the clock it reads goes
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
