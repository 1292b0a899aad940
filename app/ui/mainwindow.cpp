#include "mainwindow.h"

#include "appsettings.h"
#include "desktopfiles.h"
#include "downloadsdock.h"
#include "engine.h"
#include "icons.h"
#include "importactions.h"
#include "keyring.h"
#include "languagemanager.h"
#include "mainmenus.h"
#include "messagebar.h"
#include "notifier.h"
#include "playerpane.h"
#include "problemreport.h"
#include "refreshscheduler.h"
#include "selectionpanes.h"
#include "settingsdialog.h"
#include "startguide.h"
#include "statuspanel.h"
#include "taskactions.h"
#include "taskdetailspane.h"
#include "taskidparser.h"
#include "tasklistpane.h"
#include "taskrepository.h"
#include "tasktablemodel.h"
#include "thumbnailcache.h"
#include "thumbnailer.h"
#include "trayicon.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace veo {

MainWindow::MainWindow(Engine *engine, LanguageManager *languages, QWidget *parent)
    : QMainWindow(parent), m_engine(engine), m_languages(languages),
      m_model(new TaskTableModel(this)), m_messageBar(new MessageBar),
      m_thumbnails(new Thumbnailer(
          std::make_unique<ThumbnailCache>(ThumbnailCache::defaultFolder()),
          [downloads = engine->downloads()](const QString &taskId, MediaKind kind, int index) {
              return downloads->localFile(taskId, kind, index);
          },
          [engine](const QUrl &url, qint64 maxBytes, std::chrono::milliseconds timeout,
                   QObject *context, auto done) {
              engine->fetchMediaFile(url, maxBytes, timeout, context, std::move(done));
          },
          {}, this)),
      m_list(new TaskListPane(m_model, engine->keys(), m_thumbnails)),
      m_panes(new SelectionPanes(engine, m_model, m_list, this)),
      m_actions(new TaskActions(engine, m_model, m_list, this)),
      m_rightSplitter(new QSplitter(Qt::Vertical)), m_splitter(new QSplitter),
      m_statusPanel(new StatusPanel(m_model, engine->scheduler(), engine->keys(), engine->credits(),
                                    engine->isDemo())),
      m_notifier(new Notifier(this)), m_downloadsDock(new DownloadsDock(engine->downloads(), this)),
      m_report(new ProblemReport(engine, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/veo-tracker.svg")));
    setAcceptDrops(true);
    m_model->follow(engine->tasks());
    addDockWidget(Qt::BottomDockWidgetArea, m_downloadsDock);
    createActions();
    createCentralWidget();
    m_menus = new MainMenus(this, *m_actions,
                            {m_apiKeyAction, m_settingsAction, m_aboutAction, m_quitAction,
                             m_downloadsDock->toggleAction(), m_guide->gettingStarted(),
                             m_report->action(), m_guide->switchMode(), m_list->listViewAction(),
                             m_list->galleryViewAction(), m_list->listThumbnailsAction()},
                            engine->settings(), languages);

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
        m_panes->player()->selectSource(MediaKind::Result, 0, true);
    });
    connect(m_notifier, &Notifier::showInFolderRequested, this, [this](const QString &taskId) {
        if (const QStringList files = m_engine->downloads()->localFiles(taskId); !files.isEmpty()) {
            showInFolder(files.constFirst());
        }
    });
    m_panes->player()->setFollowUpMenu(m_actions->followUpMenu());
    m_panes->details()->setFollowUpMenu(m_actions->followUpMenu());
    connect(m_actions, &TaskActions::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_actions, &TaskActions::downloadsQueued, m_downloadsDock, &DownloadsDock::reveal);
    connect(m_guide, &StartGuide::addTasksRequested, m_actions,
            [this] { m_actions->addTasksDialog(); });
    connect(m_guide, &StartGuide::modeSwitchRequested, this, &MainWindow::modeSwitchRequested);
    connect(m_guide, &StartGuide::warning, this,
            [this](const QString &text) { showMessage(text, true); });
    // The view and the list's pictures are remembered as soon as they are chosen.
    connect(m_list->listViewAction(), &QAction::triggered, this,
            [this] { m_engine->settings()->setTaskView(AppSettings::TaskView::List); });
    connect(m_list->galleryViewAction(), &QAction::triggered, this,
            [this] { m_engine->settings()->setTaskView(AppSettings::TaskView::Gallery); });
    connect(m_list->listThumbnailsAction(), &QAction::toggled, this, [this](bool on) {
        m_engine->settings()->setFlag(AppSettings::Flag::ListThumbnails, on);
    });
    connect(m_report, &ProblemReport::copied, this,
            [this](const QString &text) { showMessage(text, false); });
    connectEngine();
    // The task selected when the window last closed, once the list is loaded and the engine
    // has started (which may start tasks over: the demo's).
    connect(
        engine->tasks(), &TaskFeed::loadFinished, this,
        [this] { selectTask(m_engine->settings()->lastSelectedTask()); },
        Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));

    retranslateUi();
    restoreLayout();
}

MainWindow::~MainWindow()
{
    // The model lives as long as this window; what its providers point to may not.
    m_model->setDownloadMarkProvider({});
    m_model->setKeyLabelProvider({});
    m_model->setNextCheckProvider({});
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
    // What applies to the selection: its task may have just succeeded, or its file arrived.
    connect(m_panes, &SelectionPanes::selectedTaskChanged, m_actions, &TaskActions::update);
    connect(engine, &Engine::message, this, &MainWindow::showMessage);
    connect(engine, &Engine::notificationDue, this, &MainWindow::notify);
    connect(engine, &Engine::keepingBeforeExpiry, this,
            [this](const QStringList &taskIds, int videos) {
                const int hours = m_engine->settings()->keepBeforeExpiryHours();
                //: %n videos; %1 the hours of Keep before expiry (Preferences)
                const QString text = tr("Keep before expiry: downloading %n video(s) that KIE "
                                        "deletes within %1 hours.",
                                        nullptr, videos)
                                         .arg(hours);
                showMessage(text, false);
                m_notifier->notify(taskIds.constFirst(), tr("Keeping videos before they expire"),
                                   text, true, false);
                m_downloadsDock->reveal();
            });
    connect(engine->tasks(), &TaskFeed::loadedMore, m_statusPanel,
            [this] { m_statusPanel->showLoading(m_model->rowCount()); });
    connect(engine->scheduler(), &RefreshScheduler::pausedChanged, m_statusPanel,
            &StatusPanel::refresh);

    // Keys: labels in the list (SelectionPanes has the details').
    KeyRing *keys = engine->keys();
    m_model->setKeyLabelProvider([keys](const QString &keyId) {
        const auto profile = keys->profile(keyId);
        return profile ? profile->label : QString();
    });
    connect(keys, &KeyRing::profilesChanged, this, [this] {
        m_model->keyLabelsChanged();
        m_list->updateKeyFilterItems();
    });

    // Polls: the Status column counts down to the next check after a failed one.
    RefreshScheduler *polls = engine->scheduler();
    m_model->setNextCheckProvider(
        [polls](const QString &taskId) { return polls->nextCheckAt(taskId); });

    // Downloads: the Download column, and what applies once a file arrived or went.
    DownloadCoordinator *downloads = engine->downloads();
    m_model->setDownloadMarkProvider(
        [downloads](const QString &taskId) { return downloads->mark(taskId); });
    connect(downloads, &DownloadCoordinator::markChanged, m_model,
            &TaskTableModel::downloadMarkChanged);
    connect(downloads, &DownloadCoordinator::localFileChanged, m_actions, &TaskActions::update);
    connect(m_panes->player(), &PlayerPane::downloadRequested, m_actions,
            &TaskActions::downloadVideo);
    connect(m_panes->details(), &TaskDetailsPane::downloadRequested, m_actions,
            &TaskActions::downloadVideo);
    // Files deleted or moved while the app was in the background show as missing.
    connect(qApp, &QGuiApplication::applicationStateChanged, engine,
            [engine](Qt::ApplicationState state) {
                if (state == Qt::ApplicationActive) {
                    engine->checkFiles();
                }
            });
}

void MainWindow::createActions()
{
    m_apiKeyAction = new QAction(themedIcon(QStringLiteral("keys")), {}, this);
    connect(m_apiKeyAction, &QAction::triggered, this, [this] { m_guide->showKeys(false); });
    m_settingsAction = new QAction(themedIcon(QStringLiteral("preferences")), {}, this);
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::editSettings);
    m_aboutAction = new QAction(this);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_quitAction = new QAction(themedIcon(QStringLiteral("quit")), {}, this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quit);
}

void MainWindow::quit()
{
    m_quitting = true; // Quit means quit, even with close-to-tray on
    close();
}

void MainWindow::createCentralWidget()
{
    m_splitter->setObjectName(QStringLiteral("MainSplitter"));
    m_splitter->addWidget(m_list);
    m_rightSplitter->setObjectName(QStringLiteral("RightSplitter"));
    m_rightSplitter->addWidget(m_panes->player());
    m_rightSplitter->addWidget(m_panes->details());
    m_rightSplitter->setStretchFactor(0, 1);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_rightSplitter);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_rightSplitter->setMinimumWidth(320);

    m_guide = new StartGuide(m_engine, m_model, m_splitter, this);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    if (m_guide->demoBar()) {
        layout->addWidget(m_guide->demoBar());
    }
    layout->addWidget(m_messageBar);
    layout->addWidget(m_guide->stack(), 1);
    setCentralWidget(central);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(m_engine->isDemo() ? tr("Veo Tracker — Demo") : tr("Veo Tracker"));
    m_guide->retranslate();
    m_report->retranslate();
    m_menus->retranslate();
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
        // 1280x760, or the screen on a smaller one (1024x768).
        const QSize room = screen()->availableSize();
        resize(std::min(1280, room.width()), std::min(760, room.height()));
    }
    restoreState(s.layout(AppSettings::Layout::WindowState));
    m_list->tableView()->horizontalHeader()->restoreState(
        s.layout(AppSettings::Layout::TableHeader));
    m_list->setListThumbnails(s.flag(AppSettings::Flag::ListThumbnails));
    m_list->setView(s.taskView() == AppSettings::TaskView::Gallery ? TaskListPane::View::Gallery
                                                                   : TaskListPane::View::List);
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

namespace {

// The dropped files to import (.csv, .json, .txt): a file manager's drop.
QStringList importableFiles(const QMimeData *mime)
{
    QStringList paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && ImportActions::isImportable(url.toLocalFile())) {
            paths << url.toLocalFile();
        }
    }
    return paths;
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!importableFiles(event->mimeData()).isEmpty() || event->mimeData()->hasText()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    event->acceptProposedAction();
    if (const QStringList files = importableFiles(event->mimeData()); !files.isEmpty()) {
        importFiles(files);
        return;
    }
    const QString text = event->mimeData()->text();
    const TaskIdParseResult parsed = parseTaskIds(text);
    if (parsed.invalid.isEmpty() && !parsed.ids.isEmpty()) {
        addTaskIds(parsed.ids);
    } else {
        m_actions->addTasksDialog(text); // shows what is not an ID instead of dropping it
    }
}

void MainWindow::showMessage(const QString &text, bool warning)
{
    if (warning) {
        m_report->recordError(text);
    }
    m_messageBar->showMessage(text, warning ? MessageBar::Kind::Warning : MessageBar::Kind::Info);
}

void MainWindow::addTaskIds(const QStringList &taskIds, const QString &keyId, bool tryAllKeys)
{
    m_actions->addTaskIds(taskIds, keyId, tryAllKeys);
}

void MainWindow::importFiles(const QStringList &filePaths)
{
    m_actions->importing()->importFiles(filePaths);
}

void MainWindow::selectTask(const QString &taskId)
{
    m_list->selectTask(taskId);
}

void MainWindow::editSettings()
{
    SettingsDialog dialog(m_engine->settings(), m_tray && m_tray->isAvailable(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    dialog.apply();
    m_engine->applySettings();
    m_menus->showSavedLanguage();
    m_languages->apply(m_engine->settings()->language());
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
    m_notifier->notifyFinished(*task, success,
                               !m_engine->downloads()->localFiles(taskId).isEmpty());
    if (m_engine->settings()->flag(AppSettings::Flag::NotificationSound)) {
        QApplication::beep();
    }
}

} // namespace veo
