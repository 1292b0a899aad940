#pragma once

#include "mediasources.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>
#include <optional>

namespace veo {

// Value types of the download manager (net/downloadmanager.h). They live in core because the
// storage layer persists them (storage/downloadstore.h) and the UI shows them.

// One file to fetch.
struct DownloadRequest
{
    QString taskId;
    MediaKind kind = MediaKind::Result;
    int index = 0; // position in the task's URL list of this kind (as MediaSource::index)
    QUrl url;      // what is fetched: the KIE media URL, or a fresh link from download-url
    // The URL KIE gave in record-info, for download-url and the JSON sidecar; empty = url.
    QUrl sourceUrl;
    QString destinationDir; // created when missing
    // The final name (FileNameTemplate::fileName()). enqueue() makes it unique in the folder;
    // the transfer writes "<fileName>.part" and renames it at the end.
    QString fileName;
    std::optional<qint64> expectedSize; // checked against the server's size when known

    QUrl originalUrl() const { return sourceUrl.isEmpty() ? url : sourceUrl; }
    // destinationDir/fileName
    QString finalPath() const;
    friend bool operator==(const DownloadRequest &, const DownloadRequest &) = default;
};

// Why a download failed. The text is translated when asked for (a language switch updates it).
struct DownloadError
{
    Q_DECLARE_TR_FUNCTIONS(DownloadError)

public:
    enum class Category {
        None,
        Network,       // connection refused/dropped, timeout, refused redirect
        Http,          // an HTTP error status other than the ones below
        DiskFull,      // ENOSPC / quota: the .part so far is kept
        NotWritable,   // the folder is missing and cannot be created, or is read-only
        FileTooLarge,  // the file system or a process limit (RLIMIT_FSIZE) refuses the size
        LinkExpired,   // 403, 404 or 410 on the media URL: get a fresh link (download-url)
        SizeMismatch,  // the file does not have the size the server (or the request) announced
        ServerChanged, // the file kept changing on the server during the download
    };

    Category category = Category::None;
    int httpStatus = 0; // the status for Http and LinkExpired
    QString detail;     // the system's or network's own words (untranslated); may be empty

    bool isError() const { return category != Category::None; }
    // One translated sentence: what happened (with the detail when there is one).
    QString text() const;
    // One translated sentence: what the user can do.
    QString advice() const;

    // Stable untranslated names for storage ("network", "link-expired"...).
    static QString categoryKey(Category category);
    static Category categoryFromKey(const QString &key);

    friend bool operator==(const DownloadError &, const DownloadError &) = default;
};

enum class DownloadState { Queued, Running, Paused, Completed, Failed, Cancelled };

// Stable untranslated names for storage ("queued", "running"...), and back.
QString downloadStateKey(DownloadState state);
DownloadState downloadStateFromKey(const QString &key);

// A snapshot of one download, as DownloadManager::list() reports it.
struct Download
{
    Q_DECLARE_TR_FUNCTIONS(Download)

public:
    int id = 0; // DownloadManager's id; not stable across runs
    DownloadRequest request;
    DownloadState state = DownloadState::Queued;
    qint64 bytesReceived = 0; // what is on disk (including a resumed .part)
    qint64 bytesTotal = -1;   // -1 while unknown
    double speed = 0;         // bytes per second, smoothed; 0 unless running
    qint64 etaSeconds = -1;   // -1 while unknown
    DownloadError error;      // for Failed
    QString filePath;         // the final file once Completed (may differ from request's name)

    // Nothing left to do: Completed or Cancelled (a Failed download can still be retried).
    bool isDone() const
    {
        return state == DownloadState::Completed || state == DownloadState::Cancelled;
    }
    // "Queued", "Downloading", "Paused"...: translated at call time.
    QString stateText() const;
    // "12.4 MB of 48 MB", "12.4 MB" while the size is unknown; translated.
    QString progressText() const;
    // 0..100, or -1 while the size is unknown.
    int percent() const;
    // "2.1 MB/s" while running, otherwise empty.
    QString speedText() const;
    // "3 min 20 s left" while running with a known rate, otherwise empty.
    QString remainingText() const;
};

// What the task list shows about a task's videos on disk (TaskTableModel's Download column).
struct DownloadMark
{
    Q_DECLARE_TR_FUNCTIONS(DownloadMark)

public:
    enum class State {
        None,        // nothing downloaded, nothing going on
        Queued,      // waiting for a free slot
        Downloading, // percent tells how far (all of the task's running videos together)
        Paused,
        Failed,     // a download failed and can be retried from the Downloads panel
        Downloaded, // every downloaded copy is still on disk
        Missing,    // a downloaded copy was deleted or moved away since
    };

    State state = State::None;
    int percent = -1; // Downloading: 0..100, -1 while the size is unknown
    int files = 0;    // Downloaded: how many videos are on disk

    // "Downloaded", "Downloaded (2)", "45%", "File missing"...: translated at call time.
    QString text() const;
    // A sentence for the tooltip, or empty.
    QString toolTip() const;
    friend bool operator==(const DownloadMark &, const DownloadMark &) = default;
};

// Where a task video's downloaded copy is (see DownloadStore::localCopies()).
struct LocalCopy
{
    QString taskId;
    MediaKind kind = MediaKind::Result;
    int index = 0;
    QString path;

    friend bool operator==(const LocalCopy &, const LocalCopy &) = default;
};

} // namespace veo
