#pragma once

#include "apierror.h"
#include "download.h"
#include "filechecker.h"
#include "mediasources.h"
#include "postdownloadcommand.h"
#include "taskstatus.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <memory>

namespace veo {

class AppSettings;
class DownloadManager;
class DownloadStore;
class LinkRenewer;
class TaskRepository;
struct TaskRecord;

// Turns "download this task" into downloads: which videos, into which folder, under which
// name (the settings' template), and what happens around them: automatic downloads of new
// successes, the JSON sidecar, a fresh link (download-url, with the task's own key) when a
// media link expired, and the task list's Download column (DownloadMark), including files the
// user deleted since. The DownloadManager does the transfers; this class never touches bytes.
// Whether the files are still there is looked up by a FileChecker, on a worker thread. After
// each completed download, the user's command runs (PostDownloadCommand) when it is on.
class DownloadCoordinator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadCoordinator)

public:
    // None is owned. Expired links are renewed through renewer, with the task's key. probe:
    // how checkFiles() looks at a file (tests stand in a slow network share).
    DownloadCoordinator(DownloadManager *manager, const TaskRepository *tasks,
                        const AppSettings *settings, LinkRenewer *renewer,
                        FileProbe probe = fileExists, QObject *parent = nullptr);
    ~DownloadCoordinator() override;

    DownloadManager *manager() const { return m_manager; }
    // The command run after each download, with its outcome per download.
    const PostDownloadCommand *afterDownload() const { return &m_afterDownload; }

    // Remembers downloads in the store (may be null): loads the downloaded copies and
    // continues the downloads the last run left unfinished.
    void setStore(DownloadStore *store);
    // Applies the concurrency setting (call after the settings changed).
    void applySettings();
    // What a download request did, for the status bar.
    struct Outcome
    {
        Q_DECLARE_TR_FUNCTIONS(DownloadCoordinator)

    public:
        int queued = 0;            // videos added to the queue (or retried)
        int alreadyDownloaded = 0; // videos whose file is on disk
        int inProgress = 0;        // videos already queued or downloading
        int noVideo = 0;           // tasks without a video (not finished, failed)
        int expired = 0;           // tasks whose videos KIE deleted, with no local copy
        // One or more translated sentences.
        QString summary() const;
    };
    // Every result video of each task.
    Outcome downloadTasks(const QStringList &taskIds);
    // One video (as MediaSource: kind and index in the task's list).
    Outcome downloadVideo(const QString &taskId, MediaKind kind, int index);

    // Retries a failed, paused or cancelled download; an expired link is renewed again.
    void retry(int downloadId);

    // The video's downloaded file when it is still there, otherwise empty (a LocalFileProvider).
    QString localFile(const QString &taskId, MediaKind kind, int index) const;
    // The task's downloaded files that are still there, results first.
    QStringList localFiles(const QString &taskId) const;
    // What the list shows for the task.
    DownloadMark mark(const QString &taskId) const;
    // Looks again whether downloaded files are still there (the user may have deleted or
    // moved them): on a worker thread, so this returns at once; when the answers are back,
    // markChanged() and localFileChanged() for every change, then filesChecked(). One check
    // runs at a time: asked for while one runs, it runs once more after it (however often it
    // was asked). setStore() starts one too.
    void checkFiles();

    // A task reached a final status: downloads its results when automatic downloads are on
    // (normally queued already by taskFinishing(): then counted as in progress).
    Outcome taskFinished(const QString &taskId, TaskStatus status);
    // The same for a task about to be committed as finished (TaskRepository::finishing): its
    // downloads are saved before its status, so a crash between the two loses neither.
    Outcome taskFinishing(const TaskRecord &record);
    // Tasks left the list: their unfinished downloads are cancelled and their records
    // forgotten. Files on disk stay.
    void tasksRemoved(const QStringList &taskIds);

Q_SIGNALS:
    void markChanged(const QString &taskId);
    // A video's file appeared (download completed) or disappeared (empty path).
    void localFileChanged(const QString &taskId, veo::MediaKind kind, int index,
                          const QString &path);
    // Something the user should read: a sidecar that could not be written, a link that could
    // not be renewed. Translated.
    void problem(const QString &message);
    // A check of the files is done and its answers applied (after its markChanged()).
    void filesChecked();

private:
    struct Copy
    {
        MediaKind kind = MediaKind::Result;
        int index = 0;
        QString path;
        bool exists = true;
        quint64 version = 0; // new for each path this copy gets (loaded, downloaded again)
    };
    void onAdded(int id);
    void onChanged(int id);
    void onFinished(int id);
    void onRemoved(int id);
    QString keyOf(int downloadId) const; // its task's key id
    // The task's videos that can be downloaded now (offeredSources, with the local copies).
    QList<MediaSource> offered(const TaskRecord &task) const;
    // Nothing to download for the task: counts why (expired or no video).
    static void countMissing(const TaskRecord *task, Outcome &outcome);
    void renewLink(int id, const QUrl &url);
    void linkNotRenewed(int id, const ApiError &error);
    Copy *copy(const QString &taskId, MediaKind kind, int index);
    QList<FileLook> filesToCheck() const;
    void applyCheck(const QList<FileLook> &looks);
    void enqueue(const TaskRecord &task, const MediaSource &source, Outcome &outcome);
    // Every result video of task; returns how many it has (0: nothing to download).
    int enqueueResults(const TaskRecord &task, Outcome &outcome);

    DownloadManager *m_manager; // outlives this
    const TaskRepository *m_tasks;
    const AppSettings *m_settings;
    LinkRenewer *m_renewer;
    QPointer<DownloadStore> m_store;
    QHash<QString, QList<Copy>> m_copies;   // taskId -> downloaded files
    QHash<QString, QSet<int>> m_downloads;  // taskId -> manager ids
    QHash<int, QString> m_taskOf;           // manager id -> taskId
    QSet<int> m_linkRenewed;                // ids that already got a fresh link once
    QSet<int> m_renewing;                   // failed ids waiting for a fresh link
    quint64 m_lastVersion = 0;              // of the copies
    PostDownloadCommand m_afterDownload;    // the command after each download
    std::unique_ptr<FileChecker> m_checker; // last: gone before what its answers change
};

} // namespace veo
