#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace veo {

// The steps from an empty window to a first real task: add a KIE API key, paste a task ID,
// or try the demo instead. Shown in place of the empty task list and in Help → Getting
// Started. Once a key is there the key step is marked done and the page points at the next
// one. It only asks; the window decides what each request opens.
class StartPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartPage)

public:
    explicit StartPage(QWidget *parent = nullptr);

    void setHasKey(bool hasKey);
    // In the demo the demo step offers to leave it instead.
    void setDemo(bool demo);

Q_SIGNALS:
    void addKeyRequested();
    void addTasksRequested();
    // Try the demo, or (in the demo) leave it for real use.
    void switchModeRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    bool m_hasKey = false;
    bool m_demo = false;
    QLabel *m_title;
    QLabel *m_next; // what to do now
    QLabel *m_keyText;
    QPushButton *m_addKey;
    QLabel *m_taskText;
    QPushButton *m_addTasks;
    QLabel *m_demoText;
    QPushButton *m_switchMode;
};

} // namespace veo
