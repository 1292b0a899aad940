#pragma once

#include "download.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace veo {

class DownloadManager;
class PostDownloadCommand;

// The download manager's queue as a table, in queue order: a row per download, updated in
// place (changed() repaints one row; no resets after the first fill). A completed download's
// status also tells what the command run after it did (afterDownload, may be null).
class DownloadListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadListModel)

public:
    enum Column {
        FileColumn,
        ProgressColumn,
        SpeedColumn,
        RemainingColumn,
        StateColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // the manager's download id
        StateRole,                 // int(DownloadState)
        PercentRole,               // 0..100, -1 while unknown
        FilePathRole,              // the final file (or where it will be)
    };

    DownloadListModel(DownloadManager *manager, const PostDownloadCommand *afterDownload,
                      QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int rowOf(int id) const; // -1 when unknown
    std::optional<Download> downloadAt(int row) const;
    // Translated texts are produced at call time; this only repaints them.
    void retranslate();

Q_SIGNALS:
    // A download changed state (queued, running, paused...), was added or removed; progress
    // alone does not emit it (it comes several times a second).
    void statesChanged();

private:
    void onAdded(int id);
    void onChanged(int id);
    void onRemoved(int id);
    void onCommandChanged(int id);
    QString stateText(const Download &d) const;
    bool commandFailed(int id) const;
    QVariant stateToolTip(const Download &d) const;

    QPointer<DownloadManager> m_manager;
    QPointer<const PostDownloadCommand> m_afterDownload;
    QList<Download> m_rows; // snapshots, refreshed on changed()
};

} // namespace veo
