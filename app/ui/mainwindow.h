#pragma once

#include "mediasources.h"
#include "taskstatus.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QPushButton;
class QSplitter;
class QTableView;
class QToolBar;

namespace veo {

class AppSettings;
class CreditsMonitor;
class DownloadCoordinator;
class DownloadsDock;
class DownloadsPanel;
class KeyProber;
class KeyProfileStore;
class KeysDialog;
class KeyRing;
class LanguageManager;
class KieClient;
class MessageBar;
class PlayerPane;
class Notifier;
class TrayIcon;
class RefreshScheduler;
class StatusPanel;
class TaskDetailsPane;
class TaskListPane;
class TaskRepository;
class TaskTableModel;
class TaskTracker;

struct MainWindowDeps
{
    TaskRepository *repository = nullptr;
    TaskTracker *tracker = nullptr;
    TaskTableModel *model = nullptr;
    RefreshScheduler *scheduler = nullptr;
    KieClient *client = nullptr;
    KeyRing *keys = nullptr;
    KeyProfileStore *keyStore = nullptr;
    CreditsMonitor *credits = nullptr;
    AppSettings *settings = nullptr;
    LanguageManager *languages = nullptr;
    DownloadCoordinator *downloads = nullptr;
    KeyProber *prober = nullptr; // "try all keys" in the Add Tasks dialog
    bool demo = false;
    QString storePath; // shown in About
};

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const MainWindowDeps &deps, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shown in the message bar at the top (e.g. "the old database was moved aside").
    void showMessage(const QString &text, bool warning);
    // Adds task IDs from any source (command line, drop, dialog); reports what happened.
    // tryAllKeys: the owner is unknown, every key is asked (KeyProber); otherwise keyId ("" =
    // the current default key, bound by its id) polls them.
    void addTaskIds(const QStringList &taskIds, const QString &keyId = {}, bool tryAllKeys = false);
    void selectTask(const QString &taskId);
    QTableView *tableView() const;
    DownloadsPanel *downloadsPanel() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createLanguageMenu();
    void createCentralWidget();
    void createDownloadsDock();
    void connectDownloads();
    void connectKeys();
    void fillChangeKeyMenu();
    void retranslateUi();
    void restoreLayout();
    void saveLayout();

    void addTasksDialog(const QString &prefill = {});
    void removeSelected();
    void refreshNow();
    void showKeys(bool addPage);
    void editSettings();
    void showAbout();
    void showContextMenu(const QPoint &pos);
    void copySelectedIds();
    void downloadSelected();
    void downloadVideo(const QString &taskId, MediaKind kind, int index);
    void notifyFinished(const QString &taskId, bool success);
    // Whether a selected task is in the source rows firstRow..lastRow.
    bool selectionTouches(int firstRow, int lastRow) const;
    // The source row of the one selected task; -1 for none or several.
    int singleSelectedRow() const;
    // The selected task's downloaded files that are still there (empty for 0 or 2+ rows).
    QStringList selectedLocalFiles() const;

    QStringList selectedTaskIds() const;
    void updateDetails();
    void updateActions();
    void onKeyStateChanged();
    void onTaskFinished(const QString &taskId, TaskStatus status);
    void bringToFront();
    void fetchFreshLink(const QString &taskId, const QUrl &url, MediaKind kind, int index);

    MainWindowDeps m_deps;
    MessageBar *m_messageBar;
    MessageBar *m_demoBar = nullptr;
    TaskListPane *m_list;
    TaskDetailsPane *m_details;
    PlayerPane *m_player;
    QSplitter *m_rightSplitter;
    QSplitter *m_splitter;
    QToolBar *m_toolBar;
    StatusPanel *m_statusPanel;
    Notifier *m_notifier;
    TrayIcon *m_tray = nullptr;
    bool m_quitting = false;
    bool m_askedForKey = false;
    QPointer<KeysDialog> m_keysDialog;
    DownloadsDock *m_downloadsDock = nullptr;
    // Successes whose notification waits for their automatic download (to offer the file).
    QSet<QString> m_notifyAfterDownload;
    QElapsedTimer m_lastFileCheck;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_tasksMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QMenu *m_changeKeyMenu = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_refreshAllAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_downloadAction = nullptr;
    QAction *m_openFileAction = nullptr;
    QAction *m_showInFolderAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_apiKeyAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_systemLanguageAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace veo
