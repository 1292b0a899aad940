#include "mainwindow.h"

#include "appsettings.h"
#include "desktopfiles.h"
#include "downloadsdock.h"
#include "engine.h"
#include "icons.h"
#include "keyring.h"
#include "keysdialog.h"
#include "languagemanager.h"
#include "messagebar.h"
#include "notifier.h"
#include "playerpane.h"
#include "refreshscheduler.h"
#include "settingsdialog.h"
#include "statuspanel.h"
#include "taskactions.h"
#include "taskdetailspane.h"
#include "taskfilterproxy.h"
#include "taskidparser.h"
#include "tasklistpane.h"
#include "taskrepository.h"
#include "tasktablemodel.h"
#include "trayicon.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace veo {

MainWindow::MainWindow(Engine *engine, LanguageManager *languages, QWidget *parent)
    : QMainWindow(parent), m_engine(engine), m_languages(languages),
      m_model(new TaskTableModel(this)), m_messageBar(new MessageBar),
      m_list(new TaskListPane(m_model, engine->keys())), m_details(new TaskDetailsPane),
      m_player(new PlayerPane), m_actions(new TaskActions(engine, m_model, m_list, this)),
      m_rightSplitter(new QSplitter(Qt::Vertical)), m_splitter(new QSplitter),
      m_toolBar(new QToolBar(this)),
      m_statusPanel(new StatusPanel(m_model, engine->scheduler(), engine->keys(), engine->credits(),
                                    engine->isDemo())),
      m_notifier(new Notifier(this)), m_downloadsDock(new DownloadsDock(engine->downloads(), this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/veo-tracker.svg")));
    setAcceptDrops(true);
    m_model->follow(engine->tasks());
    addDockWidget(Qt::BottomDockWidgetArea, m_downloadsDock);
    createActions();
    createMenus();
    createCentralWidget();

    statusBar()->addWidget(m_statusPanel, 1);
    statusBar()->addPermanentWidget(m_downloadsDock->indicator());
    for (QWidget *w : m_statusPanel->permanentWidgets()) {
        statusBar()->addPermanentWidget(w);
    }
    m_tray = new TrayIcon(m_model, m_actions->refreshAll(), m_actions->pause(), m_quitAction, this);
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
        if (const QStringList files = m_engine->downloads()->localFiles(taskId); !files.isEmpty()) {
            showInFolder(files.constFirst());
        }
    });
    connect(m_actions, &TaskActions::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_actions, &TaskActions::downloadsQueued, m_downloadsDock, &DownloadsDock::reveal);
    connectEngine();
    // The task selected when the window last closed, once the list is loaded.
    connect(
        m_model, &QAbstractItemModel::modelReset, this,
        [this] { selectTask(m_engine->settings()->lastSelectedTask()); }, Qt::SingleShotConnection);

    retranslateUi();
    restoreLayout();
    onKeyStateChanged();
}

MainWindow::~MainWindow()
{
    // The model lives as long as this window; what its providers point to may not.
    m_model->setDownloadMarkProvider({});
    m_model->setKeyLabelProvider({});
}

DownloadsPanel *MainWindow::downloadsPanel() const
{
    return m_downloadsDock->panel();
}

QTableView *MainWindow::tableView() const
{
    return m_list->tableView();
}

void MainWindow::connectEngine()
{
    Engine *engine = m_engine;
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                // Polls and download progress of other tasks arrive all the time.
                if (selectionTouches(topLeft.row(), bottomRight.row())) {
                    updateDetails();     // a no-op unless the task itself changed
                    m_actions->update(); // it may have just succeeded, or its file arrived
                }
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateDetails);
    connect(m_list->tableView()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] {
                updateDetails();
                m_actions->update();
            });
    connect(engine, &Engine::message, this, &MainWindow::showMessage);
    connect(engine, &Engine::notificationDue, this, &MainWindow::notify);
    connect(engine, &Engine::ownerFound, this, [this](const QString &taskId, const QString &keyId) {
        const auto profile = m_engine->keys()->profile(keyId);
        //: %1: a task ID; %2: the label of the API key that owns it
        statusBar()->showMessage(
            profile ? tr("Task %1 belongs to the key “%2”.").arg(taskId, profile->label)
                    : tr("Task %1 belongs to the default key.").arg(taskId),
            8000);
    });
    connect(engine->scheduler(), &RefreshScheduler::pausedChanged, m_statusPanel,
            &StatusPanel::refresh);

    // Keys: labels in the list and details.
    KeyRing *keys = engine->keys();
    const auto label = [keys](const QString &keyId) {
        const auto profile = keys->profile(keyId);
        return profile ? profile->label : QString();
    };
    m_model->setKeyLabelProvider(label);
    m_details->setKeyLabelProvider(label);
    connect(keys, &KeyRing::stateChanged, this, &MainWindow::onKeyStateChanged);
    connect(keys, &KeyRing::profilesChanged, this, [this] {
        m_model->keyLabelsChanged();
        m_list->updateKeyFilterItems();
        m_details->refresh(); // its key label
    });

    // Downloads: the Download column, local files for the player and details.
    DownloadCoordinator *downloads = engine->downloads();
    m_model->setDownloadMarkProvider(
        [downloads](const QString &taskId) { return downloads->mark(taskId); });
    connect(downloads, &DownloadCoordinator::markChanged, m_model,
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
                m_actions->update();
            });
    connect(m_player, &PlayerPane::downloadRequested, m_actions, &TaskActions::downloadVideo);
    connect(m_details, &TaskDetailsPane::downloadRequested, m_actions, &TaskActions::downloadVideo);
    // Files deleted or moved while the app was in the background show as missing.
    connect(qApp, &QGuiApplication::applicationStateChanged, engine,
            [engine](Qt::ApplicationState state) {
                if (state == Qt::ApplicationActive) {
                    engine->checkFiles();
                }
            });

    // The player's expired links: the engine asks KIE for fresh ones.
    m_player->setLinkProbe([engine](const QUrl &url, QObject *context, auto done) {
        engine->probeMediaLink(url, context, std::move(done));
    });
    connect(m_player, &PlayerPane::freshLinkRequested, engine, &Engine::renewLink);
    connect(engine, &Engine::linkRenewed, m_player, &PlayerPane::playFreshLink);
    connect(engine, &Engine::linkNotRenewed, m_player, &PlayerPane::showFreshLinkError);
}

void MainWindow::createActions()
{
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
    const TaskActions &a = *m_actions;
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(a.add());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_tasksMenu = menuBar()->addMenu(QString());
    m_tasksMenu->addActions({a.refresh(), a.pause()});
    m_tasksMenu->addSeparator();
    m_tasksMenu->addActions({a.download(), a.openFile(), a.showInFolder()});
    m_tasksMenu->addSeparator();
    m_tasksMenu->addAction(a.copyId());
    m_tasksMenu->addMenu(a.changeKeyMenu());
    m_tasksMenu->addAction(a.find());
    m_tasksMenu->addSeparator();
    m_tasksMenu->addAction(a.remove());
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
    m_toolBar->addActions({a.add(), a.refresh(), a.pause()});
    m_toolBar->addSeparator();
    m_toolBar->addActions({a.download(), m_downloadsDock->toggleAction()});
    m_toolBar->addSeparator();
    m_toolBar->addAction(a.remove());
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
    const QString saved = m_engine->settings()->language();
    for (QAction *action : actions) {
        action->setCheckable(true);
        action->setChecked(action->data().toString() == saved);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, action] {
            const QString lang = action->data().toString();
            m_engine->settings()->setLanguage(lang);
            m_languages->apply(lang);
        });
    }
}

void MainWindow::createCentralWidget()
{
    m_details->setObjectName(QStringLiteral("DetailsPane"));
    m_splitter->setObjectName(QStringLiteral("MainSplitter"));
    m_splitter->addWidget(m_list);
    m_rightSplitter->setObjectName(QStringLiteral("RightSplitter"));
    m_rightSplitter->addWidget(m_player);
    m_rightSplitter->addWidget(m_details);
    m_rightSplitter->setStretchFactor(0, 1);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setChildrenCollapsible(false);
    m_player->setObjectName(QStringLiteral("PlayerPane"));
    m_splitter->addWidget(m_rightSplitter);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_rightSplitter->setMinimumWidth(320);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    if (m_engine->isDemo()) {
        m_demoBar = new MessageBar;
        layout->addWidget(m_demoBar);
    }
    layout->addWidget(m_messageBar);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(m_engine->isDemo() ? tr("Veo Tracker — Demo") : tr("Veo Tracker"));
    if (m_demoBar) {
        m_demoBar->showMessage(
            tr("Demo mode: these sample tasks come from a simulated KIE server on this "
               "computer, and start over at every launch. Nothing is sent to KIE, and your real "
               "task list is not touched."),
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
    m_actions->retranslate();
    //: Menu/toolbar: manage the KIE API keys
    m_apiKeyAction->setText(tr("API &Keys…"));
    m_apiKeyAction->setToolTip(tr("Add, test and choose the KIE API keys used to read tasks"));
    m_settingsAction->setText(tr("&Preferences…"));
    m_aboutAction->setText(tr("&About Veo Tracker"));
    m_quitAction->setText(tr("&Quit"));
    if (m_tray) {
        m_tray->retranslate();
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_model->retranslate(); // headers and status cells are translated at call time
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreLayout()
{
    const AppSettings &s = *m_engine->settings();
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
    AppSettings &s = *m_engine->settings();
    s.setLayout(AppSettings::Layout::Geometry, saveGeometry());
    s.setLayout(AppSettings::Layout::WindowState, saveState());
    s.setLayout(AppSettings::Layout::TableHeader,
                m_list->tableView()->horizontalHeader()->saveState());
    s.setLayout(AppSettings::Layout::Splitter, m_splitter->saveState());
    s.setLayout(AppSettings::Layout::DetailsSplitter, m_rightSplitter->saveState());
    const QStringList selected = m_list->selectedTaskIds();
    s.setLastSelectedTask(selected.size() == 1 ? selected.constFirst() : QString());
    s.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitting && m_tray && m_tray->isAvailable() &&
        m_engine->settings()->flag(AppSettings::Flag::CloseToTray)) {
        hide(); // keeps watching from the tray
        event->ignore();
        return;
    }
    saveLayout();
    m_engine->flush();
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
        m_actions->addTasksDialog(text); // shows what is not an ID instead of dropping it
    }
}

void MainWindow::showMessage(const QString &text, bool warning)
{
    m_messageBar->showMessage(text, warning ? MessageBar::Kind::Warning : MessageBar::Kind::Info);
}

void MainWindow::addTaskIds(const QStringList &taskIds, const QString &keyId, bool tryAllKeys)
{
    m_actions->addTaskIds(taskIds, keyId, tryAllKeys);
}

void MainWindow::selectTask(const QString &taskId)
{
    m_list->selectTask(taskId);
}

void MainWindow::showKeys(bool addPage)
{
    if (m_keysDialog) {
        m_keysDialog->raise();
        m_keysDialog->activateWindow();
    } else {
        m_keysDialog = new KeysDialog(m_engine->keys(), m_engine->credits(), this);
        m_keysDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_keysDialog->setTaskCounter([engine = m_engine] { return engine->taskCountsPerKey(); });
        m_keysDialog->open(); // not exec(): keychain jobs finish while it is open
    }
    if (addPage) {
        m_keysDialog->showAddPage();
    }
}

void MainWindow::editSettings()
{
    SettingsDialog dialog(m_engine->settings(), m_tray && m_tray->isAvailable(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    dialog.apply();
    m_engine->applySettings();
    const QString lang = m_engine->settings()->language();
    for (QAction *action : m_languageGroup->actions()) {
        action->setChecked(action->data().toString() == lang);
    }
    m_languages->apply(lang);
    m_statusPanel->refresh();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Veo Tracker"),
        tr("<h3>Veo Tracker %1</h3><p>Watches your KIE.AI Veo 3.1 render tasks until they "
           "finish.</p><p>Task data: %2</p>")
            .arg(QStringLiteral(VEO_VERSION), m_engine->storePath().toHtmlEscaped()));
}

void MainWindow::bringToFront()
{
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::notify(const QString &taskId, bool success)
{
    const TaskRecord *task = m_engine->tasks()->task(taskId);
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
                       !m_engine->downloads()->localFiles(taskId).isEmpty());
    if (m_engine->settings()->flag(AppSettings::Flag::NotificationSound)) {
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
    const TaskRecord *task =
        m_model->task(rows.constFirst().data(TaskTableModel::TaskIdRole).toString());
    const std::optional<TaskRecord> selected = task ? std::optional(*task) : std::nullopt;
    m_details->showTask(selected);
    m_player->setTask(selected);
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
        const QModelIndex shown = m_list->proxy()->mapFromSource(m_model->index(row, 0));
        if (shown.isValid() && selection->isRowSelected(shown.row())) {
            return true;
        }
    }
    return false;
}

void MainWindow::onKeyStateChanged()
{
    const KeyRing &keys = *m_engine->keys();
    switch (keys.state()) {
    case KeyRing::State::Loading:
    case KeyRing::State::Ready:
        break;
    case KeyRing::State::NoKey:
        if (!m_askedForKey && !m_engine->isDemo()) {
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
