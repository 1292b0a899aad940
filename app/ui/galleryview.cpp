#include "galleryview.h"

#include "gallerydelegate.h"
#include "tasktablemodel.h"
#include "thumbnailer.h"

#include <QEvent>
#include <QScrollBar>

namespace veo {

GalleryView::GalleryView(const TaskTableModel *model, Thumbnailer *thumbnails, QWidget *parent)
    : QListView(parent), m_delegate(new GalleryDelegate(model, thumbnails, this))
{
    setObjectName(QStringLiteral("TaskGallery"));
    setItemDelegate(m_delegate);
    setViewMode(QListView::IconMode);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setDragDropMode(QAbstractItemView::NoDragDrop);
    setUniformItemSizes(true);
    setLayoutMode(QListView::Batched);
    setBatchSize(500);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setContextMenuPolicy(Qt::CustomContextMenu);
    // The prompt: what type-ahead finds and what a tile's tooltip shows.
    setModelColumn(TaskTableModel::PromptColumn);
    updateGrid();
    if (thumbnails) {
        connect(thumbnails, &Thumbnailer::thumbnailChanged, viewport(),
                qOverload<>(&QWidget::update));
        // Tiles scrolled away no longer want their pictures; the ones painted next ask again.
        connect(verticalScrollBar(), &QScrollBar::valueChanged, thumbnails,
                &Thumbnailer::dropWaiting);
    }
}

void GalleryView::updateGrid()
{
    const QSize tile = GalleryDelegate::tileSize(fontMetrics());
    setGridSize(tile + QSize(8, 8));
    verticalScrollBar()->setSingleStep(tile.height() / 4);
}

void GalleryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        updateGrid();
    }
    QListView::changeEvent(event);
}

} // namespace veo
