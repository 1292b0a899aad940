#pragma once

#include <QObject>
#include <QPointer>

class QAbstractItemModel;
class QAction;
class QDialog;
class QStackedWidget;
class QWidget;

namespace veo {

class Engine;
class KeysDialog;
class MessageBar;
class StartPage;

// The way to a working set-up: a key and a first task. The start page stands in for the task
// list while there is no task (never in the demo, which always has its own); Help → Getting
// Started shows the same steps in a dialog; the Keys dialog opens from them and by itself when
// tasks exist but no key can read them. In the demo a bar says so, with Leave Demo. Switching is
// a request (modeSwitchRequested): the app starts again in the other mode, each on its own task
// list, so the demo's tasks never mix with the user's.
class StartGuide final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartGuide)

public:
    // content: the task list and panes the page stands in for (reparented into stack()).
    // The engine's keys and the task model are followed; nothing is owned. window: parent of
    // the dialogs and actions.
    StartGuide(Engine *engine, const QAbstractItemModel *tasks, QWidget *content, QWidget *window);

    // The start page or the content, for the window's layout.
    QStackedWidget *stack() const { return m_stack; }
    StartPage *page() const { return m_page; }
    MessageBar *demoBar() const { return m_demoBar; } // nullptr outside the demo
    QAction *gettingStarted() const { return m_gettingStarted; }
    QAction *switchMode() const { return m_switchMode; } // Try the Demo, or Leave Demo
    void retranslate();
    // The Keys dialog (one at a time), on its "add a key" page when addPage.
    void showKeys(bool addPage);

Q_SIGNALS:
    void addTasksRequested();
    // A warning for the window's message bar (translated).
    void warning(const QString &text);
    // Start again in the demo (true) or for real use (false).
    void modeSwitchRequested(bool demo);

private:
    void update();
    void onKeyStateChanged();
    void connectPage(StartPage *page, QDialog *dialog);
    void showGettingStarted();

    Engine *m_engine;
    const QAbstractItemModel *m_tasks;
    bool m_demo;
    bool m_askedForKey = false;
    QWidget *m_window;
    QWidget *m_content;
    QStackedWidget *m_stack;
    StartPage *m_page;
    MessageBar *m_demoBar = nullptr;
    QAction *m_gettingStarted;
    QAction *m_switchMode;
    QPointer<QDialog> m_dialog; // Getting Started
    QPointer<KeysDialog> m_keysDialog;
};

} // namespace veo
