#include "tasklistpane.h"

#include "galleryview.h"
#include "keyring.h"
#include "listthumbnaildelegate.h"
#include "taskexpiry.h"
#include "taskfilterproxy.h"
#include "tasktablemodel.h"
#include "thumbnailer.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSet>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <iterator>

namespace veo {

TaskListPane::TaskListPane(TaskTableModel *model, const KeyRing *keys, Thumbnailer *thumbnails,
                           QWidget *parent)
    : QWidget(parent), m_model(model), m_keys(keys), m_proxy(new TaskFilterProxy(this)),
      m_search(new QLineEdit), m_searchPause(new QTimer(this)), m_statusFilter(new QComboBox),
      m_keyFilter(new QComboBox), m_table(new QTableView),
      m_gallery(new GalleryView(model, thumbnails)), m_views(new QStackedWidget),
      m_viewGroup(new QActionGroup(this)), m_listAction(new QAction(this)),
      m_galleryAction(new QAction(this)), m_thumbnailsAction(new QAction(this))
{
    m_proxy->setSourceModel(model);
    // "Expires in 3 days" goes down by itself.
    auto *clock = new QTimer(this);
    clock->setInterval(std::chrono::minutes(1));
    connect(clock, &QTimer::timeout, model, [model] { model->timePassed(); });
    connect(clock, &QTimer::timeout, this, &TaskListPane::updateStatusFilterItems);
    clock->start();
    // "Generating · 2 min 31 s", "retry in 40 s": a tick a second while a status counts seconds
    // (only those cells repaint); any change to the model may start one.
    auto *seconds = new QTimer(this);
    seconds->setInterval(std::chrono::seconds(1));
    connect(seconds, &QTimer::timeout, model, [model, seconds] {
        if (!model->timePassed(TaskTableModel::Tick::Second)) {
            seconds->stop();
        }
    });
    const auto wake = [seconds] {
        if (!seconds->isActive()) { // restarting would put the tick off for ever
            seconds->start();
        }
    };
    connect(model, &QAbstractItemModel::dataChanged, seconds, wake);
    connect(model, &QAbstractItemModel::rowsInserted, seconds, wake);
    connect(model, &QAbstractItemModel::modelReset, seconds, wake);
    seconds->start();
    m_search->setObjectName(QStringLiteral("SearchBox"));
    m_search->setClearButtonEnabled(true);
    m_searchPause->setSingleShot(true);
    m_searchPause->setInterval(SearchPause);
    connect(m_searchPause, &QTimer::timeout, this,
            [this] { m_proxy->setSearchText(m_search->text()); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_model->rowCount() < SearchPauseRows) {
            m_searchPause->stop();
            m_proxy->setSearchText(text);
        } else {
            m_searchPause->start();
        }
    });
    // Return searches at once, without waiting for the pause.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_searchPause->isActive()) {
            m_searchPause->stop();
            m_proxy->setSearchText(m_search->text());
        }
    });

    m_statusFilter->setObjectName(QStringLiteral("StatusFilter"));
    m_statusFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this](int index) {
        // Statuses are 0..TaskStatusCount-1; the 14-day clock's entries follow (ExpiryConcern).
        const QVariant v = m_statusFilter->itemData(index);
        const bool status = v.isValid() && v.toInt() < TaskStatusCount;
        const bool expiry = v.isValid() && !status;
        m_proxy->setStatusFilter(status ? std::optional(static_cast<TaskStatus>(v.toInt()))
                                        : std::nullopt);
        m_proxy->setExpiryFilter(expiry ? std::optional(v.toInt() - TaskStatusCount)
                                        : std::nullopt);
    });
    connect(model, &TaskTableModel::countsChanged, this, &TaskListPane::updateStatusFilterItems);

    m_keyFilter->setObjectName(QStringLiteral("KeyFilter"));
    m_keyFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_keyFilter->hide(); // until there is a choice
    connect(m_keyFilter, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant ids = m_keyFilter->itemData(index);
        m_proxy->setKeyFilter(ids.isValid() ? std::optional(ids.toStringList()) : std::nullopt);
    });
    // Tasks of a removed key come and go with rows, not only with key changes.
    connect(model, &QAbstractItemModel::modelReset, this, &TaskListPane::updateKeyFilterItems);
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                // Only the new rows can bring a key the filter does not list yet (a long list
                // arrives in many parts: not a pass over every row for each).
                if (bringUnlistedKey(first, last)) {
                    updateKeyFilterItems();
                }
            });
    // A removal of scattered tasks comes as many ranges: one pass over the rows once it is done.
    auto *afterRemoval = new QTimer(this);
    afterRemoval->setSingleShot(true);
    afterRemoval->setInterval(0);
    connect(afterRemoval, &QTimer::timeout, this, &TaskListPane::updateKeyFilterItems);
    connect(model, &QAbstractItemModel::rowsRemoved, afterRemoval, qOverload<>(&QTimer::start));

    m_table->setObjectName(QStringLiteral("TaskTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TaskTableModel::CreatedColumn, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(tableRowHeight());
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    constexpr int widths[] = {190, 260, 90, 300, 85, 80, 130, 130, 90, 130, 260, 90, 100};
    static_assert(std::size(widths) == TaskTableModel::ColumnCount, "a width for every column");
    for (int c = 0; c < TaskTableModel::ColumnCount; ++c) {
        m_table->setColumnWidth(c, widths[c]);
    }
    // Cost is the last column of the model (older saved layouts fit); shown before Error,
    // which keeps the room left over.
    m_table->horizontalHeader()->moveSection(TaskTableModel::CostColumn,
                                             TaskTableModel::ErrorColumn);

    if (thumbnails) {
        m_listPictures = new ListThumbnailDelegate(model, thumbnails, this);
        connect(thumbnails, &Thumbnailer::thumbnailChanged, m_table->viewport(),
                qOverload<>(&QWidget::update));
        // Rows scrolled away no longer want their pictures; the rows painted next ask again.
        connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, thumbnails,
                &Thumbnailer::dropWaiting);
    }
    // The gallery: the same rows, the same selection.
    m_gallery->setModel(m_proxy);
    QItemSelectionModel *own = m_gallery->selectionModel();
    m_gallery->setSelectionModel(m_table->selectionModel());
    delete own;
    for (QAbstractItemView *view :
         {static_cast<QAbstractItemView *>(m_table), static_cast<QAbstractItemView *>(m_gallery)}) {
        connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &pos) {
            if (view->indexAt(pos).isValid()) {
                Q_EMIT contextMenuRequested(view->viewport()->mapToGlobal(pos));
            }
        });
    }
    m_views->addWidget(m_table);
    m_views->addWidget(m_gallery);
    createViewActions();

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(m_statusFilter);
    filterRow->addWidget(m_keyFilter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_views, 1);
    retranslateUi();
}

void TaskListPane::createViewActions()
{
    m_listAction->setObjectName(QStringLiteral("ListViewAction"));
    m_listAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_galleryAction->setObjectName(QStringLiteral("GalleryViewAction"));
    m_galleryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    for (QAction *action : {m_listAction, m_galleryAction}) {
        action->setCheckable(true);
        m_viewGroup->addAction(action);
        addAction(action); // the shortcuts work without the menu too
    }
    m_listAction->setChecked(true);
    connect(m_listAction, &QAction::triggered, this, [this] { setView(View::List); });
    connect(m_galleryAction, &QAction::triggered, this, [this] { setView(View::Gallery); });
    m_thumbnailsAction->setObjectName(QStringLiteral("ListThumbnailsAction"));
    m_thumbnailsAction->setCheckable(true);
    m_thumbnailsAction->setEnabled(m_listPictures != nullptr);
    connect(m_thumbnailsAction, &QAction::toggled, this, &TaskListPane::setListThumbnails);
}

QAbstractItemView *TaskListPane::currentView() const
{
    return view() == View::Gallery ? static_cast<QAbstractItemView *>(m_gallery) : m_table;
}

TaskListPane::View TaskListPane::view() const
{
    return m_views->currentWidget() == m_gallery ? View::Gallery : View::List;
}

void TaskListPane::setView(View view)
{
    const bool hadFocus = currentView()->hasFocus();
    m_views->setCurrentWidget(view == View::Gallery ? static_cast<QWidget *>(m_gallery) : m_table);
    (view == View::Gallery ? m_galleryAction : m_listAction)->setChecked(true);
    QAbstractItemView *shown = currentView();
    if (hadFocus) {
        shown->setFocus(Qt::OtherFocusReason);
    }
    if (const QModelIndex current = shown->selectionModel()->currentIndex(); current.isValid()) {
        shown->scrollTo(current);
    }
}

bool TaskListPane::listThumbnails() const
{
    return m_listPictures && m_table->itemDelegateForColumn(TaskTableModel::PromptColumn);
}

void TaskListPane::setListThumbnails(bool on)
{
    if (!m_listPictures) {
        return;
    }
    m_table->setItemDelegateForColumn(TaskTableModel::PromptColumn, on ? m_listPictures : nullptr);
    const int height = tableRowHeight();
    m_listPictures->setPictureSize(ListThumbnailDelegate::pictureSize(height));
    m_table->verticalHeader()->setDefaultSectionSize(height);
    m_thumbnailsAction->setChecked(on);
}

int TaskListPane::tableRowHeight() const
{
    const int text = m_table->fontMetrics().height();
    return listThumbnails() ? text * 2 + 6 : text + 10; // room for a picture, or for text
}

void TaskListPane::addViewAction(QAction *action)
{
    m_table->addAction(action);
    m_gallery->addAction(action);
}

QStringList TaskListPane::selectedTaskIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    ids.reserve(rows.size());
    for (const QModelIndex &index : rows) {
        ids << index.data(TaskTableModel::TaskIdRole).toString();
    }
    return ids;
}

bool TaskListPane::selectTask(const QString &taskId)
{
    const int row = m_model->rowOf(taskId);
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        return false; // hidden by the filter
    }
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    currentView()->scrollTo(index);
    return true;
}

void TaskListPane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void TaskListPane::setSearchShortcut(const QKeySequence &shortcut)
{
    m_searchShortcut = shortcut;
    retranslateUi();
}

void TaskListPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void TaskListPane::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search task ID, prompt or error (%1)")
                                     .arg(m_searchShortcut.toString(QKeySequence::NativeText)));
    m_search->setAccessibleName(tr("Search tasks"));
    m_statusFilter->setAccessibleName(tr("Filter by status"));
    m_keyFilter->setAccessibleName(tr("Filter by API key"));
    m_table->setAccessibleName(tr("Tasks"));
    //: The task list shown as a grid of video pictures
    m_gallery->setAccessibleName(tr("Task gallery"));
    //: View menu: show the tasks as the table (Ctrl+1)
    m_listAction->setText(tr("&List"));
    //: View menu: show the tasks as a grid of video pictures (Ctrl+2)
    m_galleryAction->setText(tr("&Gallery"));
    //: View menu: a small picture of each finished video beside its prompt in the list
    m_thumbnailsAction->setText(tr("&Pictures in the List"));
    m_thumbnailsAction->setToolTip(tr("Show a picture of each finished video beside its prompt "
                                      "(taken from the video, kept in the cache)"));
    updateStatusFilterItems();
    updateKeyFilterItems();
}

void TaskListPane::updateStatusFilterItems()
{
    const QSignalBlocker blocker(m_statusFilter);
    const int current = m_statusFilter->currentIndex();
    m_statusFilter->clear();
    m_statusFilter->addItem(tr("All statuses (%L1)").arg(m_model->rowCount()));
    for (int i = 0; i < TaskStatusCount; ++i) {
        const auto status = static_cast<TaskStatus>(i);
        //: Status filter entry: status name and how many tasks have it
        m_statusFilter->addItem(
            tr("%1 (%L2)").arg(statusText(status, -1)).arg(m_model->countByStatus(status)), i);
    }
    //: Status filter entry: finished videos not downloaded that KIE deletes within 48 hours
    m_statusFilter->addItem(
        tr("Expiring soon, not downloaded (%L1)")
            .arg(m_model->countByExpiry(int(ExpiryConcern::ExpiringSoon)).tasks),
        TaskStatusCount + int(ExpiryConcern::ExpiringSoon));
    //: Status filter entry: videos KIE has deleted (14 days) with no copy on disk
    m_statusFilter->addItem(
        tr("Expired, not downloaded (%L1)")
            .arg(m_model->countByExpiry(int(ExpiryConcern::ExpiredNotDownloaded)).tasks),
        TaskStatusCount + int(ExpiryConcern::ExpiredNotDownloaded));
    m_statusFilter->setCurrentIndex(std::max(0, current));
}

bool TaskListPane::bringUnlistedKey(int first, int last) const
{
    QSet<QString> listed{QString()}; // "": the default key, never an orphan
    for (int i = 1; i < m_keyFilter->count(); ++i) {
        for (const QString &id : m_keyFilter->itemData(i).toStringList()) {
            listed.insert(id);
        }
    }
    for (int row = first; row <= last; ++row) {
        if (!listed.contains(m_model->taskAt(row).keyId)) {
            return true;
        }
    }
    return false;
}

void TaskListPane::updateKeyFilterItems()
{
    const QVariant current = m_keyFilter->currentData();
    const QSignalBlocker blocker(m_keyFilter);
    m_keyFilter->clear();
    m_keyFilter->addItem(tr("All keys"));
    const QList<KeyProfile> profiles = m_keys->profiles();
    QStringList known{QString()};
    for (const KeyProfile &p : profiles) {
        known << p.id;
        // Tasks bound to "" follow the default key.
        const QStringList ids =
            p.id == m_keys->defaultKeyId() ? QStringList{QString(), p.id} : QStringList{p.id};
        m_keyFilter->addItem(m_keys->labelMarkingDefault(p), ids);
    }
    QStringList orphans;
    // Row by row: while a removal is announced, the list behind the rows still holds what goes.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString &keyId = m_model->taskAt(row).keyId;
        if (!known.contains(keyId) && !orphans.contains(keyId)) {
            orphans << keyId;
        }
    }
    if (!orphans.isEmpty()) {
        //: Key filter entry: tasks whose key was removed
        m_keyFilter->addItem(tr("Key removed"), orphans);
    }
    const int index = current.isValid() ? m_keyFilter->findData(current) : 0;
    m_keyFilter->setCurrentIndex(std::max(0, index));
    m_proxy->setKeyFilter(index > 0 ? std::optional(current.toStringList()) : std::nullopt);
    // Worth a control only when there is a choice.
    m_keyFilter->setVisible(profiles.size() > 1 || !orphans.isEmpty());
}

} // namespace veo
