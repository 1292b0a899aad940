#pragma once

#include "download.h"
#include "sqliteconnection.h"

#include <QList>
#include <QObject>
#include <QString>

namespace veo {

// Downloads in the app's SQLite file (the `downloads` table that TaskStore's migration 3
// creates): one row per task video (task, kind, index). It remembers unfinished downloads for
// DownloadManager::restore() and where each video's downloaded copy is (localFile()).
// Like KeyProfileStore it uses its own connection to the same file; open it after
// TaskStore::open().
class DownloadStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadStore)

public:
    explicit DownloadStore(QObject *parent = nullptr);

    // The file must already have the current schema (TaskStore::open() migrates it).
    bool open(const QString &path);
    void close();
    bool isOpen() const;
    QString errorString() const { return m_db.errorString(); }

    // Writes the download's request, state and error (insert or update). A Completed download
    // also records filePath as the video's local file; a Cancelled one that never completed
    // is removed.
    bool save(const Download &download);
    // Queued, running, paused and failed downloads, in the order they were first saved, for
    // DownloadManager::restore() (ids are 0: the manager assigns them).
    QList<Download> loadUnfinished() const;
    // The video's last completed download; empty when there is none. The file may have been
    // moved or deleted since (mediaSources() checks). Fits LocalFileProvider.
    QString localFile(const QString &taskId, MediaKind kind, int index) const;
    // Every video's last completed download (one per task/kind/index), for the list's
    // "downloaded" mark at start, in the order the videos were first saved. The files may have
    // been deleted since.
    QList<LocalCopy> localCopies() const;
    // Forgets a task's downloads (when the task is removed from the list); files stay.
    bool removeTask(const QString &taskId);

private:
    SqliteConnection m_db;
};

} // namespace veo
