#include "gallerydelegate.h"

#include "tasktablemodel.h"
#include "thumbnailer.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOption>
#include <QTextLayout>
#include <QToolTip>

namespace veo {

namespace {
QColor badgeColor(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Succeeded:
        return QColor(QLatin1String(SuccessColorName));
    case TaskStatus::Failed:
    case TaskStatus::GenerationFailed:
    case TaskStatus::OtherFailure:
        return QColor(QLatin1String(FailureColorName));
    case TaskStatus::Generating:
        return QColor(0x1c, 0x7e, 0xd6);
    case TaskStatus::Pending:
    case TaskStatus::Unavailable:
        break;
    }
    return QColor(0x6c, 0x75, 0x7d);
}
} // namespace

GalleryDelegate::GalleryDelegate(const TaskTableModel *model, Thumbnailer *thumbnails,
                                 QObject *parent)
    : QStyledItemDelegate(parent), m_model(model), m_thumbnails(thumbnails)
{
}

QSize GalleryDelegate::tileSize(const QFontMetrics &metrics)
{
    return {PictureWidth + 2 * Margin,
            Margin + PictureHeight + Margin + 2 * metrics.lineSpacing() + Margin};
}

QSize GalleryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return tileSize(option.fontMetrics);
}

QStringList GalleryDelegate::elidedLines(const QString &text, const QFont &font, int width,
                                         int lines)
{
    QString simple = text.simplified();
    QStringList out;
    QTextLayout layout(simple, font);
    layout.beginLayout();
    const QFontMetrics metrics(font);
    while (out.size() < lines) {
        QTextLine line = layout.createLine();
        if (!line.isValid()) {
            break;
        }
        line.setLineWidth(width);
        if (out.size() == lines - 1) { // the last line takes the rest, elided
            out << metrics.elidedText(simple.mid(line.textStart()), Qt::ElideRight, width);
        } else {
            out << simple.mid(line.textStart(), line.textLength()).trimmed();
        }
    }
    layout.endLayout();
    return out;
}

bool GalleryDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QString taskId = index.data(TaskTableModel::TaskIdRole).toString();
    if (event->type() != QEvent::ToolTip || !m_thumbnails ||
        m_thumbnails->state(taskId) != Thumbnailer::State::Failed) {
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }
    //: Tooltip of a gallery tile; %1 says why the video gave no preview picture
    const QString why = tr("No preview: %1").arg(m_thumbnails->error(taskId));
    const QString tip = index.data(Qt::ToolTipRole).toString();
    QToolTip::showText(event->globalPos(), tip.isEmpty() ? why : why + QStringLiteral("\n\n") + tip,
                       view);
    return true;
}

QString GalleryDelegate::placeholderText(const QModelIndex &index, bool succeeded) const
{
    const QString taskId = index.data(TaskTableModel::TaskIdRole).toString();
    if (succeeded && m_thumbnails) {
        switch (m_thumbnails->state(taskId)) {
        case Thumbnailer::State::Waiting:
        case Thumbnailer::State::Loading:
            //: Gallery tile of a finished video whose preview picture is being made
            return tr("Loading preview…");
        case Thumbnailer::State::Failed:
            //: Gallery tile of a finished video whose preview picture could not be made
            return tr("No preview");
        case Thumbnailer::State::None:
        case Thumbnailer::State::Ready:
            break;
        }
    }
    // What the list's Status cell says ("Generating · 2 min", "Failed: …", "Expired").
    return index.siblingAtColumn(TaskTableModel::StatusColumn).data().toString();
}

void GalleryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The whole tile shows the selection (the item view's own drawing would mark only the
    // text and icon areas, which a tile paints itself).
    opt.showDecorationSelected = true;
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    if (opt.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.backgroundColor = opt.palette.color(
            opt.state & QStyle::State_Selected ? QPalette::Highlight : QPalette::Base);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }

    const QString taskId = index.data(TaskTableModel::TaskIdRole).toString();
    const TaskRecord *task = m_model->task(taskId);
    const auto status = static_cast<TaskStatus>(index.data(TaskTableModel::StatusRole).toInt());
    const QImage image = task && m_thumbnails ? m_thumbnails->thumbnail(*task) : QImage();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    const QRect box(opt.rect.left() + (opt.rect.width() - PictureWidth) / 2,
                    opt.rect.top() + Margin, PictureWidth, PictureHeight);
    painter->fillRect(box, QColor(0x20, 0x20, 0x20));
    if (!image.isNull()) {
        const QSize fitted = image.size().scaled(box.size(), Qt::KeepAspectRatio);
        painter->drawImage(QRect(QPoint(box.left() + (box.width() - fitted.width()) / 2,
                                        box.top() + (box.height() - fitted.height()) / 2),
                                 fitted),
                           image);
    } else {
        painter->setPen(QColor(0xd0, 0xd0, 0xd0));
        const QString text = placeholderText(index, status == TaskStatus::Succeeded);
        painter->drawText(box.adjusted(Margin, Margin, -Margin, -Margin),
                          Qt::AlignCenter | Qt::TextWordWrap, text);
    }

    // The status badge, top left on the picture.
    QFont small = opt.font;
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    small.setBold(true);
    const QFontMetrics sm(small);
    const QString badge = statusText(status, task ? task->successFlag : -1);
    const QRect badgeRect(box.left() + 4, box.top() + 4, sm.horizontalAdvance(badge) + 10,
                          sm.height() + 2);
    QPainterPath pill;
    pill.addRoundedRect(badgeRect, 4, 4);
    painter->fillPath(pill, badgeColor(status));
    painter->setFont(small);
    painter->setPen(Qt::white);
    painter->drawText(badgeRect, Qt::AlignCenter, badge);

    // The prompt, two lines below the picture.
    painter->setFont(opt.font);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QString prompt = index.siblingAtColumn(TaskTableModel::PromptColumn).data().toString();
    const QStringList lines =
        elidedLines(prompt.isEmpty() ? taskId : prompt, opt.font, PictureWidth, 2);
    int y = box.bottom() + 1 + Margin;
    for (const QString &line : lines) {
        painter->drawText(QRect(box.left(), y, PictureWidth, opt.fontMetrics.lineSpacing()),
                          Qt::AlignLeft | Qt::AlignVCenter, line);
        y += opt.fontMetrics.lineSpacing();
    }
    painter->restore();
}

} // namespace veo
