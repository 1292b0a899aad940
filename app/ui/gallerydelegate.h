#pragma once

#include <QStyledItemDelegate>

namespace veo {

class TaskTableModel;
class Thumbnailer;

// One gallery tile: the video's picture (16:9 box, letterboxed), a status badge on it, and the
// prompt in two lines below. Tasks without a picture show their status in the box instead.
// Every tile has the same size, so the view lays out 10,000 tiles without asking each one.
class GalleryDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GalleryDelegate)

public:
    static constexpr int PictureWidth = 224;
    static constexpr int PictureHeight = 126;
    static constexpr int Margin = 6;

    // Neither is owned. thumbnails may be null: tiles then show their status only.
    GalleryDelegate(const TaskTableModel *model, Thumbnailer *thumbnails,
                    QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // A tile whose picture could not be made says why in its tooltip, above the prompt.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
    // The tile's size in a view with this font.
    static QSize tileSize(const QFontMetrics &metrics);
    // text in at most `lines` lines of `width`, the last one elided.
    static QStringList elidedLines(const QString &text, const QFont &font, int width, int lines);

private:
    QString placeholderText(const QModelIndex &index, bool succeeded) const;

    const TaskTableModel *m_model;
    Thumbnailer *m_thumbnails;
};

} // namespace veo
