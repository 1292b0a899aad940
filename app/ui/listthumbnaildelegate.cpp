#include "listthumbnaildelegate.h"

#include "tasktablemodel.h"
#include "thumbnailer.h"

#include <QPainter>

namespace veo {

ListThumbnailDelegate::ListThumbnailDelegate(const TaskTableModel *model, Thumbnailer *thumbnails,
                                             QObject *parent)
    : QStyledItemDelegate(parent), m_model(model), m_thumbnails(thumbnails), m_small(400)
{
    // A picture that arrived replaces the scaled copy (or the lack of one).
    connect(thumbnails, &Thumbnailer::thumbnailChanged, this,
            [this](const QString &taskId) { m_small.remove(taskId); });
}

QSize ListThumbnailDelegate::pictureSize(int rowHeight)
{
    const int height = std::max(8, rowHeight - 6);
    return {height * 16 / 9, height};
}

void ListThumbnailDelegate::setPictureSize(const QSize &size)
{
    m_size = size;
    m_small.clear();
    m_blank = QPixmap(size);
    m_blank.fill(Qt::transparent);
}

void ListThumbnailDelegate::initStyleOption(QStyleOptionViewItem *option,
                                            const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString taskId = index.data(TaskTableModel::TaskIdRole).toString();
    const QPixmap *small = m_small.object(taskId);
    if (!small) {
        const TaskRecord *task = m_model->task(taskId);
        const QImage image = task ? m_thumbnails->thumbnail(*task) : QImage();
        if (!image.isNull()) {
            // Letterboxed into the 16:9 box, so portrait videos keep their shape.
            QPixmap boxed(m_size);
            boxed.fill(Qt::transparent);
            QPainter p(&boxed);
            p.setRenderHint(QPainter::SmoothPixmapTransform);
            const QSize fitted = image.size().scaled(m_size, Qt::KeepAspectRatio);
            const QRect target(QPoint((m_size.width() - fitted.width()) / 2,
                                      (m_size.height() - fitted.height()) / 2),
                               fitted);
            p.drawImage(target, image);
            p.end();
            auto *scaled = new QPixmap(boxed);
            m_small.insert(taskId, scaled);
            small = scaled;
        }
    }
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = m_size;
    option->decorationAlignment = Qt::AlignCenter;
    option->icon = QIcon(small ? *small : m_blank);
}

} // namespace veo
