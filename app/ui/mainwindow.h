#pragma once

#include "taskstatus.h"

#include <QMainWindow>

class QAction;
class QSplitter;
class QTableView;

namespace veo {

class DownloadsDock;
class DownloadsPanel;
class Engine;
class LanguageManager;
class MainMenus;
class MessageBar;
class Notifier;
class ProblemReport;
class SelectionPanes;
class StartGuide;
class StatusPanel;
class TaskActions;
class TaskListPane;
class TaskTableModel;
class Thumbnailer;
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
    // Imports the task IDs in these files (a drop, another launch's --import) and shows what
    // was added in a message box.
    void importFiles(const QStringList &filePaths);
    void selectTask(const QString &taskId);
    QTableView *tableView() const;
    TaskTableModel *taskModel() const { return m_model; }
    DownloadsPanel *downloadsPanel() const;
    // Quits the app (closing the window may only hide it to the tray).
    void quit();

Q_SIGNALS:
    // The user wants the app started again in the demo (true) or for real use (false).
    void modeSwitchRequested(bool demo);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createCentralWidget();
    void connectEngine();
    void retranslateUi();
    void restoreLayout();
    void saveLayout();

    void editSettings();
    void showAbout();
    void notify(const QString &taskId, bool success);
    void bringToFront();

    Engine *m_engine;
    LanguageManager *m_languages;
    TaskTableModel *m_model;
    MessageBar *m_messageBar;
    Thumbnailer *m_thumbnails; // the gallery's and the list's pictures
    TaskListPane *m_list;
    SelectionPanes *m_panes; // the player and details of the selected task
    TaskActions *m_actions;
    QSplitter *m_rightSplitter;
    QSplitter *m_splitter;
    StatusPanel *m_statusPanel;
    Notifier *m_notifier;
    DownloadsDock *m_downloadsDock;
    TrayIcon *m_tray = nullptr;
    StartGuide *m_guide = nullptr; // the start page, Getting Started, the demo bar
    ProblemReport *m_report;
    bool m_quitting = false;

    MainMenus *m_menus = nullptr;
    QAction *m_apiKeyAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace veo
