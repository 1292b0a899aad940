#pragma once

#include <QStringList>
#include <QWidget>
#include <chrono>

class QComboBox;
class QLineEdit;
class QTableView;
class QTimer;

namespace veo {

class KeyRing;
class TaskFilterProxy;
class TaskTableModel;

// The task list: a search box, a status filter with live counts, a key filter (shown when
// there is a choice: several keys, or tasks whose key was removed), and the sortable table
// over a TaskFilterProxy. Selection and context menu are the window's business.
class TaskListPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskListPane)

public:
    // Lists of at least SearchPauseRows tasks are searched SearchPause after the last keystroke
    // (a keystroke over 100,000 rows takes a good part of a second); shorter ones at once.
    static constexpr int SearchPauseRows = 5000;
    static constexpr std::chrono::milliseconds SearchPause{250};

    TaskListPane(TaskTableModel *model, const KeyRing *keys, QWidget *parent = nullptr);

    QTableView *tableView() const { return m_table; }
    TaskFilterProxy *proxy() const { return m_proxy; }
    QStringList selectedTaskIds() const;
    // Selects and shows the task; false when it is unknown or hidden by the filters.
    bool selectTask(const QString &taskId);
    void focusSearch();
    // The search box's hint names the shortcut that focuses it (Find).
    void setSearchShortcut(const QKeySequence &shortcut);
    // Rebuilds the key filter's entries (keys added, removed or renamed; tasks moved).
    void updateKeyFilterItems();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateStatusFilterItems();
    // Whether a task in these rows of the model has a key the key filter does not list.
    bool bringUnlistedKey(int first, int last) const;

    TaskTableModel *m_model;
    const KeyRing *m_keys;
    TaskFilterProxy *m_proxy;
    QLineEdit *m_search;
    // Long lists are searched once typing pauses (SearchPause), short ones at every keystroke.
    QTimer *m_searchPause;
    QComboBox *m_statusFilter;
    QComboBox *m_keyFilter;
    QTableView *m_table;
    QKeySequence m_searchShortcut;
};

} // namespace veo
