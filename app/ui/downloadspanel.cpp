#include "downloadspanel.h"

#include "desktopfiles.h"
#include "downloadcoordinator.h"
#include "downloadlistmodel.h"
#include "downloadmanager.h"
#include "icons.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace veo {

namespace {
// Draws the Progress column as a progress bar with the "12 MB of 48 MB" text on it.
class ProgressDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        item.text.clear();
        QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, option.widget);

        const int percent = index.data(DownloadListModel::PercentRole).toInt();
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.state = option.state | QStyle::State_Horizontal;
        bar.direction = option.direction;
        bar.fontMetrics = option.fontMetrics;
        bar.palette = option.palette;
        bar.minimum = 0;
        bar.maximum = percent < 0 ? 0 : 100; // busy indicator while the size is unknown
        bar.progress = std::max(0, percent);
        bar.text = index.data(Qt::DisplayRole).toString();
        bar.textVisible = true;
        bar.textAlignment = Qt::AlignCenter;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
    }
};

bool isActive(DownloadState state)
{
    return state == DownloadState::Queued || state == DownloadState::Running;
}
} // namespace

DownloadsPanel::DownloadsPanel(DownloadManager *manager, DownloadCoordinator *coordinator,
                               QWidget *parent)
    : QWidget(parent), m_manager(manager), m_coordinator(coordinator),
      m_model(new DownloadListModel(manager, coordinator->afterDownload(), this)),
      m_pages(new QStackedWidget), m_placeholder(new QLabel), m_view(new QTreeView),
      m_pause(new QAction(themedIcon(QStringLiteral("pause")), {}, this)),
      m_resume(new QAction(themedIcon(QStringLiteral("resume")), {}, this)),
      m_retry(new QAction(themedIcon(QStringLiteral("retry")), {}, this)),
      m_cancel(new QAction(themedIcon(QStringLiteral("cancel")), {}, this)),
      m_open(new QAction(themedIcon(QStringLiteral("open-file")), {}, this)),
      m_showInFolder(new QAction(themedIcon(QStringLiteral("folder")), {}, this)),
      m_clear(new QAction(themedIcon(QStringLiteral("clear")), {}, this))
{
    setObjectName(QStringLiteral("DownloadsPanel"));
    m_view->setObjectName(QStringLiteral("DownloadList"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setItemDelegateForColumn(DownloadListModel::ProgressColumn,
                                     new ProgressDelegate(m_view));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(DownloadListModel::FileColumn, 360);
    m_view->setColumnWidth(DownloadListModel::ProgressColumn, 200);
    m_view->setColumnWidth(DownloadListModel::SpeedColumn, 90);
    m_view->setColumnWidth(DownloadListModel::RemainingColumn, 110);
    connect(m_view, &QWidget::customContextMenuRequested, this, &DownloadsPanel::showContextMenu);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.data(DownloadListModel::StateRole).toInt() == int(DownloadState::Completed)) {
            openFile(index.data(DownloadListModel::FilePathRole).toString());
        }
    });

    m_cancel->setShortcut(QKeySequence::Delete);
    m_cancel->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_pause, &QAction::triggered, this,
            [this] { forSelected([this](int id) { m_manager->pause(id); }); });
    connect(m_resume, &QAction::triggered, this,
            [this] { forSelected([this](int id) { m_manager->resume(id); }); });
    connect(m_retry, &QAction::triggered, this,
            [this] { forSelected([this](int id) { m_coordinator->retry(id); }); });
    connect(m_cancel, &QAction::triggered, this,
            [this] { forSelected([this](int id) { m_manager->cancel(id); }); });
    connect(m_open, &QAction::triggered, this, [this] { openFile(selectedFile()); });
    connect(m_showInFolder, &QAction::triggered, this, [this] {
        const QString file = selectedFile();
        if (!file.isEmpty()) {
            showInFolder(file);
        }
    });
    connect(m_clear, &QAction::triggered, m_manager, &DownloadManager::clearFinished);
    for (QAction *action : {m_pause, m_resume, m_retry, m_cancel, m_open, m_showInFolder}) {
        m_view->addAction(action);
    }

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : {m_pause, m_resume, m_retry, m_cancel, m_open, m_showInFolder}) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        buttons->addWidget(button);
        m_buttons << button;
    }
    buttons->addStretch(1);
    auto *clear = new QToolButton;
    clear->setDefaultAction(m_clear);
    clear->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    buttons->addWidget(clear);
    m_buttons << clear;

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_pages, 1);

    auto refresh = [this] {
        m_pages->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_view)
                                                          : m_placeholder);
        updateActions();
        Q_EMIT activityChanged();
    };
    connect(m_model, &DownloadListModel::statesChanged, this, refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DownloadsPanel::updateActions);
    // A file deleted or back (the coordinator's check): Open and Show in Folder follow.
    connect(m_coordinator, &DownloadCoordinator::localFileChanged, this,
            &DownloadsPanel::updateActions);
    retranslateUi();
    refresh();
}

int DownloadsPanel::activeCount() const
{
    int count = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (const auto d = m_model->downloadAt(row); d && isActive(d->state)) {
            ++count;
        }
    }
    return count;
}

void DownloadsPanel::selectDownload(int id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        const QModelIndex index = m_model->index(row, 0);
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
        m_view->scrollTo(index);
    }
}

void DownloadsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_model->retranslate();
    }
    QWidget::changeEvent(event);
}

void DownloadsPanel::retranslateUi()
{
    m_placeholder->setText(
        tr("No downloads yet. Select finished tasks and choose Download "
           "(%1), or turn on automatic downloads in Preferences.")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_S).toString(QKeySequence::NativeText)));
    //: Downloads panel button
    m_pause->setText(tr("Pause"));
    //: Downloads panel button
    m_resume->setText(tr("Resume"));
    //: Downloads panel button: try a failed download again
    m_retry->setText(tr("Retry"));
    //: Downloads panel button: stop a download and delete what was downloaded of it
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the selected downloads and delete their partial files (%1)")
                             .arg(m_cancel->shortcut().toString(QKeySequence::NativeText)));
    //: Downloads panel button: open the downloaded video with the system's player
    m_open->setText(tr("Open"));
    m_showInFolder->setText(tr("Show in Folder"));
    //: Downloads panel button: remove finished and cancelled downloads from this list
    m_clear->setText(tr("Clear Finished"));
    m_clear->setToolTip(tr("Remove completed and cancelled downloads from this list; the files "
                           "stay on disk"));
    m_view->setAccessibleName(tr("Downloads"));
}

QList<int> DownloadsPanel::selectedIds() const
{
    QList<int> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        ids << index.data(DownloadListModel::IdRole).toInt();
    }
    return ids;
}

void DownloadsPanel::forSelected(const std::function<void(int)> &action)
{
    for (const int id : selectedIds()) {
        action(id);
    }
    updateActions();
}

QString DownloadsPanel::fileOf(const QModelIndex &index) const
{
    // What the coordinator's background check knows: no disk access on the GUI thread (the
    // folder may be on a sleeping network share).
    const std::optional<Download> d = m_model->downloadAt(index.row());
    if (!d || d->state != DownloadState::Completed) {
        return {};
    }
    const QString known =
        m_coordinator->localFile(d->request.taskId, d->request.kind, d->request.index);
    return known == d->filePath ? known : QString();
}

QString DownloadsPanel::selectedFile() const
{
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (const QString path = fileOf(index); !path.isEmpty()) {
            return path;
        }
    }
    return {};
}

void DownloadsPanel::updateActions()
{
    bool canPause = false;
    bool canResume = false;
    bool canRetry = false;
    bool canCancel = false;
    bool hasFile = false;
    bool finished = false;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        const auto state = DownloadState(index.data(DownloadListModel::StateRole).toInt());
        canPause = canPause || isActive(state);
        canResume = canResume || state == DownloadState::Paused;
        canRetry = canRetry || state == DownloadState::Failed || state == DownloadState::Cancelled;
        canCancel = canCancel || isActive(state) || state == DownloadState::Paused ||
                    state == DownloadState::Failed;
        hasFile = hasFile || !fileOf(index).isEmpty();
    }
    for (int row = 0; row < m_model->rowCount() && !finished; ++row) {
        finished = m_model->downloadAt(row)->isDone();
    }
    m_pause->setEnabled(canPause);
    m_resume->setEnabled(canResume);
    m_retry->setEnabled(canRetry);
    m_cancel->setEnabled(canCancel);
    m_open->setEnabled(hasFile);
    m_showInFolder->setEnabled(hasFile);
    m_clear->setEnabled(finished);
}

void DownloadsPanel::showContextMenu(const QPoint &pos)
{
    if (!m_view->indexAt(pos).isValid()) {
        return;
    }
    QMenu menu(this);
    menu.addAction(m_open);
    menu.addAction(m_showInFolder);
    menu.addSeparator();
    menu.addAction(m_pause);
    menu.addAction(m_resume);
    menu.addAction(m_retry);
    menu.addAction(m_cancel);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace veo
