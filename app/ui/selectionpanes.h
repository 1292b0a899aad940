#pragma once

#include <QObject>

namespace veo {

class Engine;
class PlayerPane;
class TaskDetailsPane;
class TaskListPane;
class TaskTableModel;

// The panes that show the task selected in the list, the player and the details, and what
// keeps them current: the selection, changes of that task, its downloaded files, key labels,
// and the engine's fresh links for the player. The window places the panes; this feeds them.
class SelectionPanes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionPanes)

public:
    // The panes are children of window until it lays them out. None of the arguments is owned.
    SelectionPanes(Engine *engine, TaskTableModel *model, TaskListPane *list, QWidget *window);

    PlayerPane *player() const { return m_player; }
    TaskDetailsPane *details() const { return m_details; }

Q_SIGNALS:
    // The selection changed, or the selected task did: what applies to it may have changed.
    void selectedTaskChanged();

private:
    // Shows the selected task, or nothing when 0 or 2+ rows are selected.
    void update();
    // Whether a selected task is in the source rows firstRow..lastRow.
    bool selectionTouches(int firstRow, int lastRow) const;

    TaskTableModel *m_model;
    TaskListPane *m_list;
    TaskDetailsPane *m_details;
    PlayerPane *m_player;
};

} // namespace veo
