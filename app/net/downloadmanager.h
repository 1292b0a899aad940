#pragma once

#include "download.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <chrono>
#include <map>
#include <optional>

namespace veo {

class DownloadJob;
class DownloadStore;
class KieClient;

// Downloads task videos to disk (see DownloadJob for one transfer): a queue with at most
// maxConcurrent() transfers at a time, in the order they were added; pause, resume, cancel,
// retry; a fresh link for an expired one; smoothed speed and ETA; automatic retries of
// network failures (continuing from the .part). Uses the client's one QNetworkAccessManager
// and never sends an Authorization header (media hosts are not the API's origin).
//
// With a DownloadStore, every state change is saved; at the next start,
// restore(store->loadUnfinished()) continues where the last run stopped. Destroying the
// manager stops transfers and keeps their .part files for that.
class DownloadManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadManager)

public:
    explicit DownloadManager(KieClient *client, QObject *parent = nullptr);
    ~DownloadManager() override;

    static constexpr int DefaultMaxConcurrent = 3;
    // The reply's read buffer: the network thread stops reading when it is full, so memory
    // does not grow with the file (or with a slow disk). Measured with bench_download:
    // 256 KiB keeps resident memory flat and costs no more CPU than curl; 1 MiB blocks churn
    // glibc's arenas (page faults, resident spikes of tens of MiB); 64 KiB costs more wake-ups.
    static constexpr qint64 ReadBufferBytes = 256 * 1024;

    // Not owned; may be null (nothing is saved).
    void setStore(DownloadStore *store);
    void setMaxConcurrent(int count); // at least 1; more start at once when raised
    int maxConcurrent() const { return m_maxConcurrent; }
    // A transfer that receives nothing for this long fails (and is retried automatically).
    void setTransferTimeout(std::chrono::milliseconds timeout);
    // Network failures in a row retried automatically before a download is Failed (default
    // 3); a failure after progress retries at once, otherwise after `delay`, doubling.
    void setAutoRetry(int count, std::chrono::milliseconds delay);

    // Adds a download and returns its id. The file name is made safe and unique in the folder
    // (never overwriting a file, another download's .part or a queued download's name). A
    // video (task, kind, index) that already has an unfinished download returns that id.
    int enqueue(const DownloadRequest &request);
    // Downloads saved by a previous run (DownloadStore::loadUnfinished()): each keeps its file
    // name (its .part continues); paused and failed ones stay so, the others are queued.
    // Returns the new ids in order.
    QList<int> restore(const QList<Download> &saved);

    bool pause(int id);  // Queued or Running -> Paused; the .part stays
    bool resume(int id); // Paused -> Queued
    bool cancel(int id); // anything unfinished -> Cancelled; deletes the .part
    bool retry(int id);  // Failed, Cancelled or Paused -> Queued
    // A fresh link for the same file (download-url); a running transfer continues from the
    // .part with it. Call retry() afterwards for a failed download.
    bool setUrl(int id, const QUrl &url);
    // Forgets completed and cancelled downloads (removed() for each); files are not touched.
    void clearFinished();

    QList<Download> list() const; // in queue order
    std::optional<Download> download(int id) const;
    // The unfinished download of a video, or 0.
    int findActive(const QString &taskId, MediaKind kind, int index) const;
    int runningCount() const;

Q_SIGNALS:
    void added(int id);
    void changed(int id);  // state, error, progress (at most about four times a second)
    void finished(int id); // Completed, Failed or Cancelled
    void removed(int id);

private:
    struct Entry
    {
        Download d;
        QPointer<DownloadJob> job;
        int failuresInARow = 0;
        qint64 bytesAtLaunch = 0;
        quint64 generation = 0; // bumped when the user acts: stale retry timers do nothing
        qint64 speedBytes = 0;  // bytes and time of the last speed sample
        qint64 speedMs = 0;
    };

    Entry *entry(int id);
    const Entry *entry(int id) const;
    QSet<QString> reservedPaths() const;
    void schedule();
    void launch(Entry &e);
    void stopJob(Entry &e);
    void onJobFinished(int id, const DownloadError &error, const QString &path);
    void tick();
    void save(const Entry &e);
    void setState(Entry &e, DownloadState state);

    KieClient *m_client;
    QPointer<DownloadStore> m_store;
    std::map<int, Entry> m_entries; // by id, which is queue order
    int m_nextId = 0;
    int m_maxConcurrent = DefaultMaxConcurrent;
    std::chrono::milliseconds m_transferTimeout{30000};
    int m_autoRetries = 3;
    std::chrono::milliseconds m_retryDelay{1000};
    QTimer m_tick;
    QElapsedTimer m_clock;
};

} // namespace veo
