#pragma once

#include <QStringList>
#include <QWidget>
#include <chrono>

class QAbstractItemView;
class QAction;
class QActionGroup;
class QComboBox;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;

namespace veo {

class GalleryView;
class KeyRing;
class ListThumbnailDelegate;
class TaskFilterProxy;
class TaskTableModel;
class Thumbnailer;

// The task list: a search box, a status filter with live counts, a key filter (shown when
// there is a choice: several keys, or tasks whose key was removed), and the tasks over a
// TaskFilterProxy, shown as the sortable table or as the gallery (one proxy, one selection
// model). Selection and context menu are the window's business.
class TaskListPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskListPane)

public:
    // Lists of at least SearchPauseRows tasks are searched SearchPause after the last keystroke
    // (a keystroke over 100,000 rows takes a good part of a second); shorter ones at once.
    static constexpr int SearchPauseRows = 5000;
    static constexpr std::chrono::milliseconds SearchPause{250};

    // thumbnails (not owned) gives the pictures of the gallery and the list; null for none.
    TaskListPane(TaskTableModel *model, const KeyRing *keys, Thumbnailer *thumbnails = nullptr,
                 QWidget *parent = nullptr);

    // The table's selection model is the gallery's too.
    QTableView *tableView() const { return m_table; }
    GalleryView *galleryView() const { return m_gallery; }
    enum class View { List, Gallery };
    View view() const;
    void setView(View view);
    bool listThumbnails() const;
    void setListThumbnails(bool on);
    // View menu: List (Ctrl+1), Gallery (Ctrl+2), pictures in the list. Owned by the pane.
    QAction *listViewAction() const { return m_listAction; }
    QAction *galleryViewAction() const { return m_galleryAction; }
    QAction *listThumbnailsAction() const { return m_thumbnailsAction; }
    // Shortcut actions (Delete, Copy) that work in whichever view has the focus.
    void addViewAction(QAction *action);
    TaskFilterProxy *proxy() const { return m_proxy; }
    QStringList selectedTaskIds() const;
    // Selects and shows the task; false when it is unknown or hidden by the filters.
    bool selectTask(const QString &taskId);
    void focusSearch();
    // The search box's hint names the shortcut that focuses it (Find).
    void setSearchShortcut(const QKeySequence &shortcut);
    // Rebuilds the key filter's entries (keys added, removed or renamed; tasks moved).
    void updateKeyFilterItems();

Q_SIGNALS:
    // A context menu for the selection at this global position (either view).
    void contextMenuRequested(const QPoint &globalPos);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateStatusFilterItems();
    // Whether a task in these rows of the model has a key the key filter does not list.
    bool bringUnlistedKey(int first, int last) const;
    void createViewActions();
    QAbstractItemView *currentView() const;
    int tableRowHeight() const;

    TaskTableModel *m_model;
    const KeyRing *m_keys;
    TaskFilterProxy *m_proxy;
    QLineEdit *m_search;
    // Long lists are searched once typing pauses (SearchPause), short ones at every keystroke.
    QTimer *m_searchPause;
    QComboBox *m_statusFilter;
    QComboBox *m_keyFilter;
    QTableView *m_table;
    GalleryView *m_gallery;
    QStackedWidget *m_views;
    ListThumbnailDelegate *m_listPictures = nullptr; // with a Thumbnailer
    QActionGroup *m_viewGroup;
    QAction *m_listAction;
    QAction *m_galleryAction;
    QAction *m_thumbnailsAction;
    QKeySequence m_searchShortcut;
};

} // namespace veo
