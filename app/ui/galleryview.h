#pragma once

#include <QListView>

namespace veo {

class GalleryDelegate;
class TaskTableModel;
class Thumbnailer;

// The tasks as a grid of tiles (GalleryDelegate) over the task list's own filter proxy and
// selection model, so search, filters, sorting, selection and the context menu are shared.
// Tiles have one size and are laid out in batches, so long lists stay smooth; pictures are
// asked for only by the tiles painted, and requests not started are dropped on a scroll.
class GalleryView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GalleryView)

public:
    // thumbnails may be null (status placeholders only). Nothing is owned.
    GalleryView(const TaskTableModel *model, Thumbnailer *thumbnails, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateGrid();

    GalleryDelegate *m_delegate;
};

} // namespace veo
