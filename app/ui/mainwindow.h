#pragma once

#include "taskstatus.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QMenu;
class QSplitter;
class QTableView;
class QToolBar;

namespace veo {

class DownloadsDock;
class DownloadsPanel;
class Engine;
class KeysDialog;
class LanguageManager;
class MessageBar;
class Notifier;
class PlayerPane;
class StatusPanel;
class TaskActions;
class TaskDetailsPane;
class TaskListPane;
class TaskTableModel;
class TrayIcon;

// The window: the task list, the player and details of the selected task, menus and toolbar,
// the downloads panel, the tray and notifications. A view of the engine: it shows what the
// engine's parts say and forwards what the user asks for as engine commands.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Neither is owned; both outlive the window.
    MainWindow(Engine *engine, LanguageManager *languages, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shown in the message bar at the top (e.g. "the old database was moved aside").
    void showMessage(const QString &text, bool warning);
    // Adds task IDs from any source (command line, drop, another instance); reports what
    // happened. tryAllKeys: the owner is unknown, every key is asked; otherwise keyId ("" =
    // the current default key).
    void addTaskIds(const QStringList &taskIds, const QString &keyId = {}, bool tryAllKeys = false);
    void selectTask(const QString &taskId);
    QTableView *tableView() const;
    TaskTableModel *taskModel() const { return m_model; }
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
    void connectEngine();
    void retranslateUi();
    void restoreLayout();
    void saveLayout();

    void showKeys(bool addPage);
    void editSettings();
    void showAbout();
    void notify(const QString &taskId, bool success);
    // Whether a selected task is in the source rows firstRow..lastRow.
    bool selectionTouches(int firstRow, int lastRow) const;
    void updateDetails();
    void onKeyStateChanged();
    void bringToFront();

    Engine *m_engine;
    LanguageManager *m_languages;
    TaskTableModel *m_model;
    MessageBar *m_messageBar;
    MessageBar *m_demoBar = nullptr;
    TaskListPane *m_list;
    TaskDetailsPane *m_details;
    PlayerPane *m_player;
    TaskActions *m_actions;
    QSplitter *m_rightSplitter;
    QSplitter *m_splitter;
    QToolBar *m_toolBar;
    StatusPanel *m_statusPanel;
    Notifier *m_notifier;
    DownloadsDock *m_downloadsDock;
    TrayIcon *m_tray = nullptr;
    bool m_quitting = false;
    bool m_askedForKey = false;
    QPointer<KeysDialog> m_keysDialog;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_tasksMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_apiKeyAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_systemLanguageAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace veo
