#pragma once

#include <QCache>
#include <QPixmap>
#include <QStyledItemDelegate>

namespace veo {

class TaskTableModel;
class Thumbnailer;

// The task list's Prompt cells with a small picture of the video before the text (when
// pictures are on). Asking for the pictures of the rows painted is what requests them.
class ListThumbnailDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListThumbnailDelegate)

public:
    // Neither is owned; both outlive the delegate.
    ListThumbnailDelegate(const TaskTableModel *model, Thumbnailer *thumbnails,
                          QObject *parent = nullptr);

    // The picture's size in a row of this height (16:9, a small margin above and below).
    static QSize pictureSize(int rowHeight);
    void setPictureSize(const QSize &size);
    QSize pictureSize() const { return m_size; }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    const TaskTableModel *m_model;
    Thumbnailer *m_thumbnails;
    QSize m_size;
    QPixmap m_blank;                          // keeps prompts aligned when there is no picture
    mutable QCache<QString, QPixmap> m_small; // scaled pictures by task id
};

} // namespace veo
