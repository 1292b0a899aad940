#include "mainmenus.h"

#include "appsettings.h"
#include "exportactions.h"
#include "generationactions.h"
#include "importactions.h"
#include "languagemanager.h"
#include "taskactions.h"

#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace veo {

MainMenus::MainMenus(QMainWindow *window, const TaskActions &a, const WindowActions &actions,
                     AppSettings *settings, LanguageManager *languages)
    : QObject(window), m_settings(settings), m_languages(languages),
      m_toolBar(new QToolBar(window)), m_languageGroup(new QActionGroup(this))
{
    QMenuBar *bar = window->menuBar();
    m_fileMenu = bar->addMenu(QString());
    m_fileMenu->addAction(a.add());
    m_fileMenu->addAction(a.generation()->newGeneration());
    m_fileMenu->addAction(a.generation()->fromFile());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(a.importing()->importTasks());
    m_fileMenu->addAction(a.exporting()->exportTasks());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(actions.switchMode);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(actions.quit);
    m_tasksMenu = bar->addMenu(QString());
    m_tasksMenu->addActions({a.refresh(), a.pause()});
    m_tasksMenu->addSeparator();
    m_tasksMenu->addActions({a.download(), a.openFile(), a.showInFolder()});
    m_tasksMenu->addMenu(a.followUpMenu());
    m_tasksMenu->addActions({a.generation()->editAndRun(), a.generation()->addTaskId(),
                             a.generation()->sendAgain(), a.generation()->pause(),
                             a.generation()->resume(), a.generation()->cancel()});
    m_tasksMenu->addSeparator();
    m_tasksMenu->addAction(a.copyId());
    m_tasksMenu->addMenu(a.changeKeyMenu());
    m_tasksMenu->addAction(a.find());
    m_tasksMenu->addSeparator();
    m_tasksMenu->addAction(a.remove());
    m_viewMenu = bar->addMenu(QString());
    m_viewMenu->addActions({actions.listView, actions.galleryView, actions.listThumbnails});
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(actions.downloads);
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    createLanguageMenu();
    m_settingsMenu = bar->addMenu(QString());
    m_settingsMenu->addAction(actions.apiKeys);
    m_settingsMenu->addSeparator();
    m_settingsMenu->addAction(actions.preferences);
    m_helpMenu = bar->addMenu(QString());
    m_helpMenu->addActions({actions.gettingStarted, actions.reportProblem});
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(actions.about);

    m_toolBar->setObjectName(QStringLiteral("MainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addActions({a.add(), a.generation()->newGeneration(), a.refresh(), a.pause()});
    m_toolBar->addSeparator();
    m_toolBar->addActions({a.download(), actions.downloads});
    m_toolBar->addSeparator();
    m_toolBar->addAction(a.remove());
    m_toolBar->addSeparator();
    m_toolBar->addAction(actions.apiKeys);
    window->addToolBar(m_toolBar);
}

void MainMenus::createLanguageMenu()
{
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
    const QString saved = m_settings->language();
    for (QAction *action : actions) {
        action->setCheckable(true);
        action->setChecked(action->data().toString() == saved);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, action] {
            const QString lang = action->data().toString();
            m_settings->setLanguage(lang);
            m_languages->apply(lang);
        });
    }
}

void MainMenus::showSavedLanguage()
{
    const QString lang = m_settings->language();
    for (QAction *action : m_languageGroup->actions()) {
        action->setChecked(action->data().toString() == lang);
    }
}

void MainMenus::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_tasksMenu->setTitle(tr("&Tasks"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_systemLanguageAction->setText(tr("System Default"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main toolbar"));
}

} // namespace veo
