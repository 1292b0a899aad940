#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;
class QToolBar;

namespace veo {

class AppSettings;
class LanguageManager;
class TaskActions;

// The window's menu bar, its main toolbar and the Language menu, laid out from the task
// actions and the window's own. The actions stay with their owners (what they do and when
// they apply is theirs); this only arranges them and names the menus. Choosing a language
// saves it and applies it at once.
class MainMenus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainMenus)

public:
    // The window's own actions, owned by the window.
    struct WindowActions
    {
        QAction *apiKeys = nullptr;
        QAction *preferences = nullptr;
        QAction *about = nullptr;
        QAction *quit = nullptr;
        QAction *downloads = nullptr; // shows or hides the downloads panel
        QAction *gettingStarted = nullptr;
        QAction *reportProblem = nullptr;
        QAction *switchMode = nullptr;     // Try the Demo, or Leave Demo
        QAction *listView = nullptr;       // the tasks as the table (Ctrl+1)
        QAction *galleryView = nullptr;    // the tasks as a grid of pictures (Ctrl+2)
        QAction *listThumbnails = nullptr; // pictures beside the prompts in the table
    };

    // Fills window's menu bar and adds the toolbar to it. Nothing passed in is owned.
    MainMenus(QMainWindow *window, const TaskActions &tasks, const WindowActions &actions,
              AppSettings *settings, LanguageManager *languages);

    void retranslate();
    // Checks the language saved in the settings (Preferences may have changed it).
    void showSavedLanguage();

private:
    void createLanguageMenu();

    AppSettings *m_settings;
    LanguageManager *m_languages;
    QToolBar *m_toolBar;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_tasksMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_systemLanguageAction = nullptr;
    QActionGroup *m_languageGroup;
};

} // namespace veo
