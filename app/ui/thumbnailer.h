#pragma once

#include "mediasources.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QStringList>
#include <chrono>
#include <functional>
#include <memory>

namespace veo {

class FrameGrabber;
class ThumbnailCache;

// The pictures the task list and the gallery show for succeeded tasks: a frame about a second
// into the task's first video, from the downloaded file when there is one, otherwise streamed
// from its link. A 4K upgrade that is not downloaded shows KIE's preview picture (its
// imageUrls) instead of streaming 4K video, and falls back to the video when that picture
// cannot be had. Pictures come from memory, then from the disk cache (no player), then from
// the media host or a FrameGrabber: at most `parallel` at a time, the latest asked first. A
// video that gave no picture is not tried again until its link (or local file) changes.
class Thumbnailer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Thumbnailer)

public:
    struct Options
    {
        int width = 256;  // pictures are scaled down to this width
        int parallel = 2; // players at a time
        std::chrono::milliseconds timeout{std::chrono::seconds(30)}; // per video or picture
        qint64 pictureMaxBytes = 8'000'000; // a preview picture larger than this is refused
    };
    // Fetches a file from a media host with no credentials (Engine::fetchMediaFile).
    using MediaFileFetch = std::function<void(
        const QUrl &url, qint64 maxBytes, std::chrono::milliseconds timeout, QObject *context,
        std::function<void(const QByteArray &body, const QString &error)> done)>;
    enum class State { None, Waiting, Loading, Ready, Failed };

    Thumbnailer(std::unique_ptr<ThumbnailCache> cache, LocalFileProvider localFile,
                MediaFileFetch fetch, const Options &options, QObject *parent = nullptr);
    ~Thumbnailer() override;

    // The task's picture, or a null image when there is none yet. Asking for a succeeded
    // task's picture that is not at hand starts getting it (views ask for what they paint).
    QImage thumbnail(const TaskRecord &task);
    State state(const QString &taskId) const;
    // Why the picture of a task in State::Failed could not be made (translated).
    QString error(const QString &taskId) const;
    // Drops the requests not started yet: their rows were scrolled away, and views ask again
    // for what they show.
    void dropWaiting();

Q_SIGNALS:
    // The task's picture arrived, or failed (state() tells).
    void thumbnailChanged(const QString &taskId);

private:
    struct Entry
    {
        State state = State::None;
        QString key;  // the disk cache's key
        QUrl url;     // the video the picture is (or was) taken from
        QUrl picture; // KIE's preview picture, tried before the video; empty = none
        bool diskChecked = false;
        QString error;
    };
    void schedulePump();
    void pump();
    void start(const QString &taskId, Entry &entry);
    void grabFrame(const QString &taskId, const QUrl &video);
    void finished(const QString &taskId, const QImage &image, const QString &error);

    std::unique_ptr<ThumbnailCache> m_cache;
    LocalFileProvider m_localFile;
    MediaFileFetch m_fetch;
    Options m_options;
    QCache<QString, QImage> m_images; // by task id; cost in KiB
    QHash<QString, Entry> m_entries;  // tasks waiting, loading or failed
    QStringList m_waiting;            // task ids; the newest request last
    int m_running = 0;
    bool m_pumpScheduled = false;
};

} // namespace veo
