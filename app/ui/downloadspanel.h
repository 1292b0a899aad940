#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace veo {

class DownloadCoordinator;
class DownloadListModel;
class DownloadManager;

// The Downloads panel: every download with its progress, speed and time left; pause,
// resume, retry, cancel, open the file, show it in its folder, clear finished ones. Acts on
// all selected rows. Failed rows say why (the tooltip says what to do); completed rows say
// what the command run after the download did (the tooltip has its last lines of errors).
class DownloadsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadsPanel)

public:
    DownloadsPanel(DownloadManager *manager, DownloadCoordinator *coordinator,
                   QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    DownloadListModel *model() const { return m_model; }
    // Downloads queued or running right now.
    int activeCount() const;
    void selectDownload(int id);

Q_SIGNALS:
    void activityChanged(); // activeCount() may have changed

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    QList<int> selectedIds() const;
    void forSelected(const std::function<void(int id)> &action);
    QString selectedFile() const; // the first selected completed download's file, if it exists
    // The row's downloaded file while the coordinator knows it is there; empty otherwise.
    QString fileOf(const QModelIndex &index) const;
    void showContextMenu(const QPoint &pos);

    DownloadManager *m_manager;
    DownloadCoordinator *m_coordinator;
    DownloadListModel *m_model;
    QStackedWidget *m_pages; // placeholder | list
    QLabel *m_placeholder;
    QTreeView *m_view;
    QAction *m_pause;
    QAction *m_resume;
    QAction *m_retry;
    QAction *m_cancel;
    QAction *m_open;
    QAction *m_showInFolder;
    QAction *m_clear;
    QList<QToolButton *> m_buttons;
};

} // namespace veo
