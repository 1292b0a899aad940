#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QWidget;

namespace veo {

class Engine;
class TaskListPane;

// File → Export Tasks…: the selected tasks (when more than one is selected, the user chooses
// them or all) or all of them, to a CSV or JSON file chosen in a save dialog, with every field
// (core/taskexport; the same as `--export`).
class ExportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportActions)

public:
    ExportActions(Engine *engine, TaskListPane *list, QWidget *window);

    QAction *exportTasks() const { return m_export; }
    void retranslate();
    // Writes these tasks (all when empty) to path, as its name says (.json or CSV); says how it
    // went (statusMessage, or a warning box when the file cannot be written).
    bool exportTo(const QString &path, const QStringList &taskIds);

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);

private:
    void run();

    Engine *m_engine;
    TaskListPane *m_list;
    QWidget *m_window;
    QAction *m_export;
};

} // namespace veo
