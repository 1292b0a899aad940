#include "mainwindow.h"

#include "addtasksdialog.h"
#include "appsettings.h"
#include "creditsmonitor.h"
#include "desktopfiles.h"
#include "downloadcoordinator.h"
#include "downloadmanager.h"
#include "downloadsdock.h"
#include "icons.h"
#include "keyprober.h"
#include "keyprofilestore.h"
#include "keyring.h"
#include "keysdialog.h"
#include "kieclient.h"
#include "languagemanager.h"
#include "messagebar.h"
#include "notifier.h"
#include "playerpane.h"
#include "refreshscheduler.h"
#include "settingsdialog.h"
#include "statuspanel.h"
#include "taskdetailspane.h"
#include "taskfilterproxy.h"
#include "taskidparser.h"
#include "tasklistpane.h"
#include "taskrepository.h"
#include "tasktablemodel.h"
#include "tasktracker.h"
#include "trayicon.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace veo {

MainWindow::MainWindow(const MainWindowDeps &deps, QWidget *parent)
    : QMainWindow(parent), m_deps(deps), m_messageBar(new MessageBar),
      m_list(new TaskListPane(deps.model, deps.keys)), m_details(new TaskDetailsPane),
      m_player(new PlayerPane), m_rightSplitter(new QSplitter(Qt::Vertical)),
      m_splitter(new QSplitter), m_toolBar(new QToolBar(this)),
      m_statusPanel(
          new StatusPanel(deps.model, deps.scheduler, deps.keys, deps.credits, deps.demo)),
      m_notifier(new Notifier(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/veo-tracker.svg")));
    setAcceptDrops(true);
    createActions();
    createDownloadsDock();
    createMenus();
    createCentralWidget();

    statusBar()->addWidget(m_statusPanel, 1);
    statusBar()->addPermanentWidget(m_downloadsDock->indicator());
    for (QWidget *w : m_statusPanel->permanentWidgets()) {
        statusBar()->addPermanentWidget(w);
    }

    connect(m_deps.model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                // Polls and download progress of other tasks arrive all the time.
                if (selectionTouches(topLeft.row(), bottomRight.row())) {
                    updateDetails(); // a no-op unless the task itself changed
                    updateActions(); // it may have just succeeded, or its file arrived
                }
            });
    connect(m_deps.model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateDetails);
    connect(m_list->tableView()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] {
                updateDetails();
                updateActions();
            });
    connect(m_deps.repository, &TaskRepository::storeError, this,
            [this](const QString &text) { showMessage(text, true); });
    connect(m_deps.keys, &KeyRing::stateChanged, this, &MainWindow::onKeyStateChanged);
    connect(m_deps.repository, &TaskRepository::taskFinished, this, &MainWindow::onTaskFinished);
    m_tray = new TrayIcon(m_deps.model, m_refreshAllAction, m_pauseAction, m_quitAction, this);
    m_notifier->setTrayIcon(m_tray->systemTrayIcon());
    connect(m_tray, &TrayIcon::showRequested, this, &MainWindow::bringToFront);
    connect(m_notifier, &Notifier::activated, this, [this](const QString &taskId) {
        bringToFront();
        selectTask(taskId);
    });
    connect(m_notifier, &Notifier::playRequested, this, [this](const QString &taskId) {
        bringToFront();
        selectTask(taskId);
        m_player->selectSource(MediaKind::Result, 0, true);
    });
    connect(m_notifier, &Notifier::showInFolderRequested, this, [this](const QString &taskId) {
        const QStringList files = m_deps.downloads->localFiles(taskId);
        if (!files.isEmpty()) {
            showInFolder(files.constFirst());
        }
    });
    connectDownloads();
    connectKeys();
    connect(m_deps.prober, &KeyProber::notOwnedByAnyKey, this, [this](const QStringList &ids) {
        constexpr int Listed = 5;
        QStringList shown = ids.mid(0, Listed);
        if (ids.size() > Listed) {
            shown << QStringLiteral("…");
        }
        //: %1: one task ID, or several separated by commas
        showMessage(tr("None of your API keys can see %n task(s): %1. Check the IDs, or add the "
                       "key of the account that created them (API Keys…).",
                       nullptr, int(ids.size()))
                        .arg(shown.join(QStringLiteral(", "))),
                    true);
    });
    connect(m_deps.prober, &KeyProber::ownerFound, this,
            [this](const QString &taskId, const QString &keyId) {
                const auto profile = m_deps.keys->profile(keyId);
                //: %1: a task ID; %2: the label of the API key that owns it
                statusBar()->showMessage(
                    profile ? tr("Task %1 belongs to the key “%2”.").arg(taskId, profile->label)
                            : tr("Task %1 belongs to the default key.").arg(taskId),
                    8000);
            });
    // The task selected when the window last closed, once the list is loaded.
    connect(
        m_deps.model, &QAbstractItemModel::modelReset, this,
        [this] { selectTask(m_deps.settings->lastSelectedTask()); }, Qt::SingleShotConnection);

    retranslateUi();
    restoreLayout();
    updateActions();
    onKeyStateChanged();
}

DownloadsPanel *MainWindow::downloadsPanel() const
{
    return m_downloadsDock->panel();
}

QTableView *MainWindow::tableView() const
{
    return m_list->tableView();
}

MainWindow::~MainWindow()
{
    // The model outlives this window; what the providers point to may not.
    disconnect(m_deps.model, nullptr, this, nullptr);
    m_deps.model->setDownloadMarkProvider({});
    m_deps.model->setKeyLabelProvider({});
}

void MainWindow::connectDownloads()
{
    DownloadCoordinator *downloads = m_deps.downloads;
    m_deps.model->setDownloadMarkProvider(
        [downloads](const QString &taskId) { return downloads->mark(taskId); });
    connect(downloads, &DownloadCoordinator::markChanged, m_deps.model,
            &TaskTableModel::downloadMarkChanged);
    const LocalFileProvider localFile = [downloads](const QString &taskId, MediaKind kind,
                                                    int index) {
        return downloads->localFile(taskId, kind, index);
    };
    m_player->setLocalFileProvider(localFile);
    m_details->setLocalFileProvider(localFile);
    connect(downloads, &DownloadCoordinator::localFileChanged, this,
            [this](const QString &taskId, MediaKind kind, int index, const QString &path) {
                if (m_player->task() && m_player->task()->taskId == taskId) {
                    m_player->setLocalFile(kind, index, path);
                }
                if (m_details->task() && m_details->task()->taskId == taskId) {
                    m_details->refresh();
                }
                updateActions();
            });
    connect(downloads, &DownloadCoordinator::markChanged, this, [this](const QString &taskId) {
        if (!m_notifyAfterDownload.contains(taskId)) {
            return;
        }
        switch (m_deps.downloads->mark(taskId).state) {
        case DownloadMark::State::Queued:
        case DownloadMark::State::Downloading:
            return; // the notification waits for the files
        default:
            // Downloaded (the notification offers the file), or failed, paused, cancelled:
            // the video is ready all the same.
            m_notifyAfterDownload.remove(taskId);
            notifyFinished(taskId, true);
        }
    });
    connect(downloads, &DownloadCoordinator::problem, this,
            [this](const QString &text) { showMessage(text, true); });
    connect(m_player, &PlayerPane::downloadRequested, this, &MainWindow::downloadVideo);
    connect(m_details, &TaskDetailsPane::downloadRequested, this, &MainWindow::downloadVideo);
    // Files deleted or moved while the app was in the background show as missing. At most
    // every 10 s: the files may be on a slow or unplugged drive.
    connect(qApp, &QGuiApplication::applicationStateChanged, downloads,
            [this](Qt::ApplicationState state) {
                if (state == Qt::ApplicationActive &&
                    (!m_lastFileCheck.isValid() || m_lastFileCheck.hasExpired(10000))) {
                    m_lastFileCheck.start();
                    m_deps.downloads->checkFiles();
                }
            });
}

void MainWindow::connectKeys()
{
    KeyRing *keys = m_deps.keys;
    const auto label = [keys](const QString &keyId) {
        const auto profile = keys->profile(keyId);
        return profile ? profile->label : QString();
    };
    m_deps.model->setKeyLabelProvider(label);
    m_details->setKeyLabelProvider(label);
    connect(keys, &KeyRing::profilesChanged, this, [this] {
        m_deps.model->keyLabelsChanged();
        m_list->updateKeyFilterItems();
        m_details->refresh(); // its key label
    });
}

void MainWindow::fillChangeKeyMenu()
{
    m_changeKeyMenu->clear();
    const QStringList ids = selectedTaskIds();
    QSet<QString> used;
    for (const QString &id : ids) {
        if (const TaskRecord *t = m_deps.model->task(id)) {
            used.insert(m_deps.keys->profile(t->keyId) ? m_deps.keys->resolve(t->keyId) : t->keyId);
        }
    }
    for (const KeyProfile &p : m_deps.keys->profiles()) {
        QAction *action = m_changeKeyMenu->addAction(m_deps.keys->labelMarkingDefault(p));
        action->setCheckable(true);
        action->setChecked(used.size() == 1 && used.contains(p.id));
        const QString keyId = KeyRing::storedId(p.id);
        const QString label = p.label;
        connect(action, &QAction::triggered, this, [this, ids, keyId, label] {
            m_deps.tracker->setTaskKey(ids, keyId);
            m_deps.prober->stopSearching(ids); // the user's choice ends a "Try all keys"
            m_list->updateKeyFilterItems();
            //: %n tasks now use the API key labelled %1
            statusBar()->showMessage(
                tr("%n task(s) now use the key “%1”.", nullptr, int(ids.size())).arg(label), 6000);
        });
    }
    if (m_changeKeyMenu->isEmpty()) {
        m_changeKeyMenu->addAction(tr("No API keys yet"))->setEnabled(false);
        return;
    }
    if (m_deps.keys->profiles().size() > 1) {
        m_changeKeyMenu->addSeparator();
        //: Change Key menu: ask every key which one can see the selected tasks
        QAction *find = m_changeKeyMenu->addAction(tr("Find the Owner (Try All Keys)"));
        find->setObjectName(QStringLiteral("FindOwnerAction"));
        connect(find, &QAction::triggered, this, [this, ids] {
            const int probing = m_deps.prober->findOwners(ids);
            statusBar()->showMessage(tr("Asking each API key about %n task(s)…", nullptr, probing),
                                     6000);
        });
    }
}

void MainWindow::createDownloadsDock()
{
    m_downloadsDock = new DownloadsDock(m_deps.downloads, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_downloadsDock);
}

void MainWindow::createActions()
{
    m_addAction = new QAction(themedIcon(QStringLiteral("add")), {}, this);
    m_addAction->setObjectName(QStringLiteral("AddAction"));
    m_addAction->setShortcut(QKeySequence::New);
    connect(m_addAction, &QAction::triggered, this, [this] { addTasksDialog(); });

    m_removeAction = new QAction(themedIcon(QStringLiteral("remove")), {}, this);
    m_removeAction->setObjectName(QStringLiteral("RemoveAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeSelected);

    m_refreshAction = new QAction(themedIcon(QStringLiteral("refresh")), {}, this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshNow);

    m_refreshAllAction = new QAction(this);
    connect(m_refreshAllAction, &QAction::triggered, this,
            [this] { m_deps.scheduler->refreshNow(); });

    m_pauseAction = new QAction(themedIcon(QStringLiteral("pause")), {}, this);
    m_pauseAction->setCheckable(true);
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        m_deps.scheduler->setPaused(paused);
        m_statusPanel->refresh();
    });

    m_copyIdAction = new QAction(themedIcon(QStringLiteral("copy")), {}, this);
    m_copyIdAction->setShortcut(QKeySequence::Copy);
    m_copyIdAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copyIdAction, &QAction::triggered, this, &MainWindow::copySelectedIds);

    m_downloadAction = new QAction(themedIcon(QStringLiteral("download")), {}, this);
    m_downloadAction->setObjectName(QStringLiteral("DownloadAction"));
    m_downloadAction->setShortcut(QKeySequence::Save);
    connect(m_downloadAction, &QAction::triggered, this, &MainWindow::downloadSelected);
    m_openFileAction = new QAction(themedIcon(QStringLiteral("open-file")), {}, this);
    m_openFileAction->setShortcut(QKeySequence::Open);
    connect(m_openFileAction, &QAction::triggered, this, [this] {
        const QStringList files = selectedLocalFiles();
        if (!files.isEmpty()) {
            openFile(files.constFirst());
        }
    });
    m_showInFolderAction = new QAction(themedIcon(QStringLiteral("folder")), {}, this);
    connect(m_showInFolderAction, &QAction::triggered, this, [this] {
        const QStringList files = selectedLocalFiles();
        if (!files.isEmpty()) {
            showInFolder(files.constFirst());
        }
    });

    m_changeKeyMenu = new QMenu(this);
    m_changeKeyMenu->setObjectName(QStringLiteral("ChangeKeyMenu"));
    connect(m_changeKeyMenu, &QMenu::aboutToShow, this, &MainWindow::fillChangeKeyMenu);

    m_findAction = new QAction(this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] { m_list->focusSearch(); });
    addAction(m_findAction);

    m_apiKeyAction = new QAction(themedIcon(QStringLiteral("keys")), {}, this);
    connect(m_apiKeyAction, &QAction::triggered, this, [this] { showKeys(false); });
    m_settingsAction = new QAction(themedIcon(QStringLiteral("preferences")), {}, this);
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::editSettings);
    m_aboutAction = new QAction(this);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_quitAction = new QAction(themedIcon(QStringLiteral("quit")), {}, this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, [this] {
        m_quitting = true; // Quit means quit, even with close-to-tray on
        close();
    });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_addAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_tasksMenu = menuBar()->addMenu(QString());
    m_tasksMenu->addAction(m_refreshAction);
    m_tasksMenu->addAction(m_pauseAction);
    m_tasksMenu->addSeparator();
    m_tasksMenu->addAction(m_downloadAction);
    m_tasksMenu->addAction(m_openFileAction);
    m_tasksMenu->addAction(m_showInFolderAction);
    m_tasksMenu->addSeparator();
    m_tasksMenu->addAction(m_copyIdAction);
    m_tasksMenu->addMenu(m_changeKeyMenu);
    m_tasksMenu->addAction(m_findAction);
    m_tasksMenu->addSeparator();
    m_tasksMenu->addAction(m_removeAction);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_downloadsDock->toggleAction());
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    createLanguageMenu();
    m_settingsMenu = menuBar()->addMenu(QString());
    m_settingsMenu->addAction(m_apiKeyAction);
    m_settingsMenu->addSeparator();
    m_settingsMenu->addAction(m_settingsAction);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);

    m_toolBar->setObjectName(QStringLiteral("MainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_addAction);
    m_toolBar->addAction(m_refreshAction);
    m_toolBar->addAction(m_pauseAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_downloadAction);
    m_toolBar->addAction(m_downloadsDock->toggleAction());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_removeAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_apiKeyAction);
    addToolBar(m_toolBar);
}

void MainWindow::createLanguageMenu()
{
    m_languageGroup = new QActionGroup(this);
    m_systemLanguageAction = m_languageMenu->addAction(QString());
    m_systemLanguageAction->setData(QString());
    m_languageMenu->addSeparator();
    QList<QAction *> actions{m_systemLanguageAction};
    for (const QString &lang : LanguageManager::available()) {
        // Each language is named in itself, so a user who cannot read the current one finds it.
        QAction *action = m_languageMenu->addAction(LanguageManager::nativeName(lang));
        action->setData(lang);
        actions << action;
    }
    const QString saved = m_deps.settings->language();
    for (QAction *action : actions) {
        action->setCheckable(true);
        action->setChecked(action->data().toString() == saved);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, action] {
            const QString lang = action->data().toString();
            m_deps.settings->setLanguage(lang);
            m_deps.languages->apply(lang);
        });
    }
}

void MainWindow::createCentralWidget()
{
    m_details->setObjectName(QStringLiteral("DetailsPane"));
    QTableView *table = m_list->tableView();
    table->addAction(m_removeAction);
    table->addAction(m_copyIdAction);
    connect(table, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    m_list->setSearchShortcut(m_findAction->shortcut());

    m_splitter->setObjectName(QStringLiteral("MainSplitter"));
    m_splitter->addWidget(m_list);
    m_rightSplitter->setObjectName(QStringLiteral("RightSplitter"));
    m_rightSplitter->addWidget(m_player);
    m_rightSplitter->addWidget(m_details);
    m_rightSplitter->setStretchFactor(0, 1);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setChildrenCollapsible(false);
    m_player->setObjectName(QStringLiteral("PlayerPane"));
    m_player->setNetworkAccessManager(m_deps.client->network()); // no credentials, ever
    connect(m_player, &PlayerPane::freshLinkRequested, this, &MainWindow::fetchFreshLink);
    m_splitter->addWidget(m_rightSplitter);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_rightSplitter->setMinimumWidth(320);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    if (m_deps.demo) {
        m_demoBar = new MessageBar;
        layout->addWidget(m_demoBar);
    }
    layout->addWidget(m_messageBar);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(m_deps.demo ? tr("Veo Tracker — Demo") : tr("Veo Tracker"));
    if (m_demoBar) {
        m_demoBar->showMessage(
            tr("Demo mode: these sample tasks come from a simulated KIE server on this "
               "computer. Nothing is sent to KIE, and your real task list is not touched."),
            MessageBar::Kind::Info, false);
    }
    m_fileMenu->setTitle(tr("&File"));
    m_tasksMenu->setTitle(tr("&Tasks"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_systemLanguageAction->setText(tr("System Default"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main toolbar"));
    m_addAction->setText(tr("&Add Tasks…"));
    m_addAction->setToolTip(tr("Add task IDs to watch (%1)")
                                .arg(m_addAction->shortcut().toString(QKeySequence::NativeText)));
    m_removeAction->setText(tr("&Remove"));
    m_removeAction->setToolTip(
        tr("Stop tracking the selected tasks (%1)")
            .arg(m_removeAction->shortcut().toString(QKeySequence::NativeText)));
    m_refreshAction->setText(tr("Refresh &Now"));
    m_refreshAction->setToolTip(
        tr("Check the selected tasks now, or all tasks when none is "
           "selected (%1)")
            .arg(m_refreshAction->shortcut().toString(QKeySequence::NativeText)));
    m_refreshAllAction->setText(tr("Refresh &All"));
    m_pauseAction->setText(tr("&Pause Polling"));
    m_pauseAction->setToolTip(tr("Stop checking tasks until you resume"));
    m_copyIdAction->setText(tr("&Copy Task ID"));
    //: Menu/toolbar: download the videos of the selected tasks
    m_downloadAction->setText(tr("&Download"));
    m_downloadAction->setToolTip(
        tr("Download the videos of the selected tasks (%1)")
            .arg(m_downloadAction->shortcut().toString(QKeySequence::NativeText)));
    m_openFileAction->setText(tr("&Open Downloaded Video"));
    m_showInFolderAction->setText(tr("Show in &Folder"));
    m_findAction->setText(tr("&Find…"));
    //: Menu/toolbar: manage the KIE API keys
    m_apiKeyAction->setText(tr("API &Keys…"));
    m_apiKeyAction->setToolTip(tr("Add, test and choose the KIE API keys used to read tasks"));
    m_settingsAction->setText(tr("&Preferences…"));
    m_aboutAction->setText(tr("&About Veo Tracker"));
    m_quitAction->setText(tr("&Quit"));
    //: Tasks menu / context menu: move the selected tasks to another API key
    m_changeKeyMenu->setTitle(tr("Change &Key"));
    if (m_tray) {
        m_tray->retranslate();
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_deps.model->retranslate(); // headers and status cells are translated at call time
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreLayout()
{
    AppSettings &s = *m_deps.settings;
    if (!restoreGeometry(s.layout(AppSettings::Layout::Geometry))) {
        resize(1280, 760);
    }
    restoreState(s.layout(AppSettings::Layout::WindowState));
    m_list->tableView()->horizontalHeader()->restoreState(
        s.layout(AppSettings::Layout::TableHeader));
    if (!m_splitter->restoreState(s.layout(AppSettings::Layout::Splitter))) {
        m_splitter->setSizes({860, 420});
    }
    if (!m_rightSplitter->restoreState(s.layout(AppSettings::Layout::DetailsSplitter))) {
        m_rightSplitter->setSizes({330, 420});
    }
}

void MainWindow::saveLayout()
{
    AppSettings &s = *m_deps.settings;
    s.setLayout(AppSettings::Layout::Geometry, saveGeometry());
    s.setLayout(AppSettings::Layout::WindowState, saveState());
    s.setLayout(AppSettings::Layout::TableHeader,
                m_list->tableView()->horizontalHeader()->saveState());
    s.setLayout(AppSettings::Layout::Splitter, m_splitter->saveState());
    s.setLayout(AppSettings::Layout::DetailsSplitter, m_rightSplitter->saveState());
    const QStringList selected = selectedTaskIds();
    s.setLastSelectedTask(selected.size() == 1 ? selected.constFirst() : QString());
    s.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitting && m_tray && m_tray->isAvailable() &&
        m_deps.settings->flag(AppSettings::Flag::CloseToTray)) {
        hide(); // keeps watching from the tray
        event->ignore();
        return;
    }
    saveLayout();
    m_deps.repository->flush();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasText()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString text = event->mimeData()->text();
    event->acceptProposedAction();
    const TaskIdParseResult parsed = parseTaskIds(text);
    if (parsed.invalid.isEmpty() && !parsed.ids.isEmpty()) {
        addTaskIds(parsed.ids);
    } else {
        addTasksDialog(text); // shows what is not an ID instead of dropping it silently
    }
}

void MainWindow::showMessage(const QString &text, bool warning)
{
    m_messageBar->showMessage(text, warning ? MessageBar::Kind::Warning : MessageBar::Kind::Info);
}

void MainWindow::addTaskIds(const QStringList &taskIds, const QString &keyId, bool tryAllKeys)
{
    if (taskIds.isEmpty()) {
        return;
    }
    // A task belongs to an account: "the default key" means the key that is the default now,
    // not whichever becomes the default later. Only the session key (never stored) stays "".
    QString owner = keyId;
    if (owner.isEmpty() && m_deps.keys->defaultKeyId() != KeyRing::SessionKeyId) {
        owner = m_deps.keys->defaultKeyId();
    }
    const int added = tryAllKeys ? m_deps.prober->addTasksTryingAllKeys(taskIds)
                                 : m_deps.tracker->addTasks(taskIds, owner);
    const int known = int(taskIds.size()) - added;
    QString text = tr("Added %n task(s).", nullptr, added);
    if (known > 0) {
        //: Two sentences in a row (Chinese needs no space after "。")
        text = tr("%1 %2").arg(text, tr("%n already tracked.", nullptr, known));
    }
    statusBar()->showMessage(text, 8000);
    selectTask(taskIds.constFirst());
}

void MainWindow::selectTask(const QString &taskId)
{
    m_list->selectTask(taskId);
}

void MainWindow::addTasksDialog(const QString &prefill)
{
    AddTasksDialog dialog(this);
    dialog.setText(prefill);
    dialog.setKeys(m_deps.keys->profiles(), m_deps.keys->defaultKeyId());
    if (dialog.exec() == QDialog::Accepted) {
        const KeyChoice key = dialog.keyChoice();
        addTaskIds(dialog.taskIds(), key.keyId, key.tryAllKeys);
    }
}

QStringList MainWindow::selectedTaskIds() const
{
    return m_list->selectedTaskIds();
}

void MainWindow::removeSelected()
{
    const QStringList ids = selectedTaskIds();
    if (ids.isEmpty()) {
        return;
    }
    const QString question =
        ids.size() == 1
            ? tr("Stop tracking task %1? Its record is removed from this list; the video on "
                 "KIE is not affected.")
                  .arg(ids.constFirst())
            : tr("Stop tracking %n tasks? Their records are removed from this list; the videos "
                 "on KIE are not affected.",
                 nullptr, int(ids.size()));
    QMessageBox box(QMessageBox::Question, tr("Remove Tasks"), question, QMessageBox::Cancel, this);
    QPushButton *remove = box.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == remove) {
        m_deps.tracker->removeTasks(ids);
        m_deps.downloads->tasksRemoved(ids);
        for (const QString &id : ids) {
            m_notifyAfterDownload.remove(id);
        }
    }
}

void MainWindow::refreshNow()
{
    const QStringList ids = selectedTaskIds();
    m_deps.scheduler->refreshNow(ids);
    statusBar()->showMessage(ids.isEmpty() ? tr("Checking all tasks…")
                                           : tr("Checking %n task(s)…", nullptr, int(ids.size())),
                             4000);
}

void MainWindow::copySelectedIds()
{
    const QStringList ids = selectedTaskIds();
    if (!ids.isEmpty()) {
        QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
        statusBar()->showMessage(tr("Copied %n task ID(s).", nullptr, int(ids.size())), 4000);
    }
}

void MainWindow::showContextMenu(const QPoint &pos)
{
    if (!m_list->tableView()->indexAt(pos).isValid()) {
        return;
    }
    QMenu menu(this);
    menu.addAction(m_downloadAction);
    if (m_openFileAction->isEnabled()) {
        menu.addAction(m_openFileAction);
        menu.addAction(m_showInFolderAction);
    }
    menu.addSeparator();
    menu.addAction(m_refreshAction);
    menu.addMenu(m_changeKeyMenu);
    menu.addAction(m_copyIdAction);
    menu.addSeparator();
    menu.addAction(m_removeAction);
    menu.exec(m_list->tableView()->viewport()->mapToGlobal(pos));
}

void MainWindow::showKeys(bool addPage)
{
    if (m_keysDialog) {
        m_keysDialog->raise();
        m_keysDialog->activateWindow();
    } else {
        m_keysDialog = new KeysDialog(m_deps.keys, m_deps.credits, this);
        m_keysDialog->setAttribute(Qt::WA_DeleteOnClose);
        KeyProfileStore *store = m_deps.keyStore;
        m_keysDialog->setTaskCounter([store] { return store->taskCounts(); });
        m_keysDialog->open(); // not exec(): keychain jobs finish while it is open
    }
    if (addPage) {
        m_keysDialog->showAddPage();
    }
}

void MainWindow::editSettings()
{
    SettingsDialog dialog(m_deps.settings, m_tray && m_tray->isAvailable(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    dialog.apply();
    m_deps.scheduler->setInterval(m_deps.settings->pollInterval());
    m_deps.credits->setLowThreshold(m_deps.settings->lowCreditThreshold());
    m_deps.downloads->applySettings();
    const QString lang = m_deps.settings->language();
    for (QAction *action : m_languageGroup->actions()) {
        action->setChecked(action->data().toString() == lang);
    }
    m_deps.languages->apply(lang);
    m_statusPanel->refresh();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Veo Tracker"),
        tr("<h3>Veo Tracker %1</h3><p>Watches your KIE.AI Veo 3.1 render tasks until they "
           "finish.</p><p>Task data: %2</p>")
            .arg(QStringLiteral(VEO_VERSION), m_deps.storePath.toHtmlEscaped()));
}

void MainWindow::fetchFreshLink(const QString &taskId, const QUrl &url, MediaKind kind, int index)
{
    const TaskRecord *task = m_deps.model->task(taskId);
    const QString token = task ? m_deps.keys->token(task->keyId) : QString();
    QPointer<PlayerPane> player = m_player;
    // KIE's download-url answers with a temporary link (valid 20 minutes) for its own files.
    m_deps.client->downloadUrl(
        url, token, [player, taskId, kind, index](const ApiError &error, const QUrl &fresh) {
            if (!player) {
                return;
            }
            if (error.isError()) {
                player->showFreshLinkError(taskId,
                                           error.text() + QLatin1Char('\n') + error.advice());
            } else {
                player->playFreshLink(taskId, kind, index, fresh);
            }
        });
}

void MainWindow::bringToFront()
{
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::onTaskFinished(const QString &taskId, TaskStatus status)
{
    const TaskRecord *task = m_deps.model->task(taskId);
    if (!task) {
        return;
    }
    const bool success = status == TaskStatus::Succeeded;
    const DownloadCoordinator::Outcome downloading = m_deps.downloads->taskFinished(taskId, status);
    const AppSettings::Flag wanted =
        success ? AppSettings::Flag::NotifyOnSuccess : AppSettings::Flag::NotifyOnFailure;
    if (!m_deps.settings->flag(wanted) || !isFinal(status)) {
        return;
    }
    // Then the notification can offer the file. A download that failed as it was queued (a
    // link that is not http(s)) will not tell when it ends: nothing to wait for.
    const DownloadMark::State mark = m_deps.downloads->mark(taskId).state;
    if (downloading.queued > 0 &&
        (mark == DownloadMark::State::Queued || mark == DownloadMark::State::Downloading)) {
        m_notifyAfterDownload.insert(taskId);
        return;
    }
    notifyFinished(taskId, success);
}

void MainWindow::notifyFinished(const QString &taskId, bool success)
{
    const TaskRecord *task = m_deps.model->task(taskId);
    if (!task) {
        return;
    }
    const QString prompt = task->prompt.section(QLatin1Char('\n'), 0, 0).left(120);
    QString body = prompt.isEmpty() ? taskId : prompt;
    if (!success) {
        body += QLatin1Char('\n') + (task->errorMessage.isEmpty()
                                         ? statusText(task->status, task->successFlag)
                                         : task->errorMessage);
    }
    m_notifier->notify(taskId, success ? tr("Video ready") : tr("Render failed"), body, success,
                       !m_deps.downloads->localFiles(taskId).isEmpty());
    if (m_deps.settings->flag(AppSettings::Flag::NotificationSound)) {
        QApplication::beep();
    }
}

void MainWindow::updateDetails()
{
    const QModelIndexList rows = m_list->tableView()->selectionModel()->selectedRows();
    if (rows.size() != 1) {
        m_details->showTask(std::nullopt, int(rows.size()));
        m_player->setTask(std::nullopt);
        return;
    }
    const QString id = rows.constFirst().data(TaskTableModel::TaskIdRole).toString();
    const TaskRecord *task = m_deps.model->task(id);
    const std::optional<TaskRecord> selected = task ? std::optional(*task) : std::nullopt;
    m_details->showTask(selected);
    m_player->setTask(selected);
}

void MainWindow::updateActions()
{
    const bool selected = m_list->tableView()->selectionModel()->hasSelection();
    m_removeAction->setEnabled(selected);
    m_copyIdAction->setEnabled(selected);
    m_changeKeyMenu->setEnabled(selected);
    bool anySucceeded = false;
    for (const QModelIndex &row : m_list->tableView()->selectionModel()->selectedRows()) {
        if (row.data(TaskTableModel::StatusRole).toInt() == int(TaskStatus::Succeeded)) {
            anySucceeded = true;
            break;
        }
    }
    m_downloadAction->setEnabled(anySucceeded);
    const bool hasFile = !selectedLocalFiles().isEmpty();
    m_openFileAction->setEnabled(hasFile);
    m_showInFolderAction->setEnabled(hasFile);
}

bool MainWindow::selectionTouches(int firstRow, int lastRow) const
{
    const QItemSelectionModel *selection = m_list->tableView()->selectionModel();
    if (!selection->hasSelection()) {
        return false;
    }
    // One row per poll answer or download tick; a whole-list change is not worth the look.
    constexpr int FewRows = 64;
    if (lastRow - firstRow >= FewRows) {
        return true;
    }
    for (int row = firstRow; row <= lastRow; ++row) {
        const QModelIndex shown = m_list->proxy()->mapFromSource(m_deps.model->index(row, 0));
        if (shown.isValid() && selection->isRowSelected(shown.row())) {
            return true;
        }
    }
    return false;
}

int MainWindow::singleSelectedRow() const
{
    const QItemSelection selection = m_list->tableView()->selectionModel()->selection();
    if (selection.size() != 1 || selection.constFirst().height() != 1) {
        return -1;
    }
    return m_list->proxy()->mapToSource(selection.constFirst().topLeft()).row();
}

QStringList MainWindow::selectedLocalFiles() const
{
    const int row = singleSelectedRow();
    return row < 0 ? QStringList() : m_deps.downloads->localFiles(m_deps.model->taskAt(row).taskId);
}

void MainWindow::downloadSelected()
{
    const DownloadCoordinator::Outcome outcome = m_deps.downloads->downloadTasks(selectedTaskIds());
    statusBar()->showMessage(outcome.summary(), 8000);
    if (outcome.queued > 0) {
        m_downloadsDock->reveal();
    }
}

void MainWindow::downloadVideo(const QString &taskId, MediaKind kind, int index)
{
    const DownloadCoordinator::Outcome outcome =
        m_deps.downloads->downloadVideo(taskId, kind, index);
    statusBar()->showMessage(outcome.summary(), 8000);
    if (outcome.queued > 0) {
        m_downloadsDock->reveal();
    }
}

void MainWindow::onKeyStateChanged()
{
    const KeyRing &keys = *m_deps.keys;
    switch (keys.state()) {
    case KeyRing::State::Loading:
    case KeyRing::State::Ready:
        break;
    case KeyRing::State::NoKey:
        if (!m_askedForKey && !m_deps.demo) {
            m_askedForKey = true;
            QTimer::singleShot(0, this, [this] { showKeys(true); });
        }
        break;
    case KeyRing::State::Unavailable:
        showMessage(tr("The system keyring cannot be used: %1 Your task history is shown; "
                       "use API Keys… to enter a key for this session.")
                        .arg(keys.lastResult().userMessage()),
                    true);
        break;
    }
}

} // namespace veo
