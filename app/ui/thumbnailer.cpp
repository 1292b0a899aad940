#include "thumbnailer.h"

#include "framegrabber.h"
#include "thumbnailcache.h"

#include <QBuffer>
#include <QDateTime>
#include <QImageReader>
#include <QTimer>

namespace veo {

namespace {
// Pictures kept in memory (about 130 KiB each at 256x144).
constexpr int MemoryKiB = 48 * 1024;
// Disk cache reads per turn of the event loop, so a screenful does not stall painting.
constexpr int DiskReadsPerTurn = 8;

// KIE's preview picture of a 4K upgrade's video that would otherwise be streamed. Other tasks'
// imageUrls are the pictures a generation started from, not pictures of its result.
QUrl previewPicture(const TaskRecord &task, const MediaSource &video)
{
    if (task.kind != TaskKind::Veo4k || video.kind != MediaKind::Result || video.isLocal() ||
        task.imageUrls.isEmpty()) {
        return {};
    }
    return QUrl(task.imageUrls.value(video.index, task.imageUrls.constFirst()));
}

// The picture in bytes, decoded straight to width (a JPEG decodes at a fraction of its size);
// null when the bytes are not a picture.
QImage decodedPicture(const QByteArray &bytes, int width)
{
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    const QSize size = reader.size();
    if (size.isValid() && size.width() > width) {
        reader.setScaledSize(size.scaled(width, size.height(), Qt::KeepAspectRatio));
    }
    QImage image = reader.read();
    if (image.width() > width) {
        image = image.scaledToWidth(width, Qt::SmoothTransformation);
    }
    return image;
}
} // namespace

Thumbnailer::Thumbnailer(std::unique_ptr<ThumbnailCache> cache, LocalFileProvider localFile,
                         MediaFileFetch fetch, const Options &options, QObject *parent)
    : QObject(parent), m_cache(std::move(cache)), m_localFile(std::move(localFile)),
      m_fetch(std::move(fetch)), m_options(options), m_images(MemoryKiB)
{
}

Thumbnailer::~Thumbnailer() = default;

QImage Thumbnailer::thumbnail(const TaskRecord &task)
{
    if (const QImage *image = m_images.object(task.taskId)) {
        return *image;
    }
    if (task.status != TaskStatus::Succeeded) {
        return {};
    }
    const QList<MediaSource> sources =
        offeredSources(task, m_localFile, QDateTime::currentDateTimeUtc());
    if (sources.isEmpty()) {
        return {};
    }
    const MediaSource &video = sources.constFirst();
    const QUrl url = video.playUrl();
    const QUrl picture = previewPicture(task, video);
    Entry &entry = m_entries[task.taskId];
    switch (entry.state) {
    case State::Loading:
        return {};
    case State::Failed:
        if (entry.url == url && entry.picture == picture) {
            return {}; // not again until the links or the file change
        }
        break;
    case State::Waiting:
        m_waiting.removeOne(task.taskId); // asked again: the newest request
        break;
    case State::None:
    case State::Ready:
        break;
    }
    // The same video whether streamed or downloaded, whatever its link: one picture.
    entry.key =
        ThumbnailCache::key(task.taskId, mediaKindKey(video.kind) + QString::number(video.index));
    entry.url = url;
    entry.picture = picture;
    entry.state = State::Waiting;
    entry.error.clear();
    m_waiting.append(task.taskId);
    schedulePump();
    return {};
}

Thumbnailer::State Thumbnailer::state(const QString &taskId) const
{
    if (m_images.contains(taskId)) {
        return State::Ready;
    }
    const auto it = m_entries.constFind(taskId);
    return it == m_entries.cend() ? State::None : it->state;
}

QString Thumbnailer::error(const QString &taskId) const
{
    return m_entries.value(taskId).error;
}

void Thumbnailer::dropWaiting()
{
    for (const QString &taskId : std::as_const(m_waiting)) {
        m_entries.remove(taskId);
    }
    m_waiting.clear();
}

void Thumbnailer::schedulePump()
{
    if (!m_pumpScheduled) {
        m_pumpScheduled = true;
        QTimer::singleShot(0, this, &Thumbnailer::pump);
    }
}

void Thumbnailer::pump()
{
    m_pumpScheduled = false;
    int diskReads = 0;
    bool more = false;
    // Newest first: the rows just scrolled into view.
    for (qsizetype i = m_waiting.size() - 1; i >= 0; --i) {
        const QString taskId = m_waiting.at(i);
        Entry &entry = m_entries[taskId];
        if (!entry.diskChecked) {
            if (diskReads == DiskReadsPerTurn) {
                more = true;
                continue;
            }
            ++diskReads;
            entry.diskChecked = true;
            if (const QImage image = m_cache->load(entry.key); !image.isNull()) {
                m_waiting.removeAt(i);
                m_entries.remove(taskId);
                m_images.insert(taskId, new QImage(image), int(image.sizeInBytes() / 1024));
                Q_EMIT thumbnailChanged(taskId);
                continue;
            }
        }
        if (m_running < m_options.parallel) {
            m_waiting.removeAt(i);
            start(taskId, entry);
        }
    }
    if (more) {
        schedulePump();
    }
}

void Thumbnailer::start(const QString &taskId, Entry &entry)
{
    entry.state = State::Loading;
    ++m_running;
    if (entry.picture.isEmpty()) {
        grabFrame(taskId, entry.url);
        return;
    }
    m_fetch(entry.picture, m_options.pictureMaxBytes, m_options.timeout, this,
            [this, taskId, video = entry.url](const QByteArray &bytes, const QString &) {
                const QImage image = decodedPicture(bytes, m_options.width);
                if (image.isNull()) {
                    grabFrame(taskId, video); // the video is still there to take it from
                    return;
                }
                --m_running;
                finished(taskId, image, QString());
            });
}

void Thumbnailer::grabFrame(const QString &taskId, const QUrl &video)
{
    auto *grabber = new FrameGrabber(video, m_options.width, m_options.timeout, this);
    connect(grabber, &FrameGrabber::finished, this,
            [this, grabber, taskId](const QImage &image, const QString &error) {
                grabber->deleteLater();
                --m_running;
                finished(taskId, image, error);
            });
    grabber->start();
}

void Thumbnailer::finished(const QString &taskId, const QImage &image, const QString &error)
{
    const auto it = m_entries.find(taskId);
    if (it != m_entries.end()) {
        if (image.isNull()) {
            it->state = State::Failed;
            it->error = error;
        } else {
            m_cache->store(it->key, image);
            m_images.insert(taskId, new QImage(image), int(image.sizeInBytes() / 1024));
            m_entries.erase(it);
        }
        Q_EMIT thumbnailChanged(taskId);
    }
    schedulePump();
}

} // namespace veo
