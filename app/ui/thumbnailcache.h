#pragma once

#include <QDateTime>
#include <QImage>
#include <QString>
#include <functional>

namespace veo {

// Thumbnails on disk, one JPEG per key, under a folder (the app's CacheLocation/thumbnails).
// The folder is kept under a size cap: when a store goes over it, the pictures used longest
// ago go first. A file's modification time is when it was last used (stored or loaded).
class ThumbnailCache final
{
public:
    static constexpr qint64 DefaultCapBytes = 100LL * 1024 * 1024;

    // now: the time recorded as "used" (the current time unless a test gives another).
    explicit ThumbnailCache(const QString &folder, qint64 capBytes = DefaultCapBytes,
                            std::function<QDateTime()> now = {});

    // The default folder: QStandardPaths::CacheLocation + "/thumbnails".
    static QString defaultFolder();
    // A file-name-safe key for a task's video (the same task and video give the same key).
    static QString key(const QString &taskId, const QString &videoId);

    // The stored picture, marked as used now; a null image when there is none.
    QImage load(const QString &key);
    // Stores the picture (replacing one under the same key), then prunes to the cap.
    bool store(const QString &key, const QImage &image);
    bool contains(const QString &key) const;
    // Bytes of all stored pictures.
    qint64 sizeBytes() const;
    QString folder() const { return m_folder; }

private:
    QString path(const QString &key) const;
    void prune();

    QString m_folder;
    qint64 m_capBytes;
    std::function<QDateTime()> m_now;
    qint64 m_total = -1; // bytes stored, counted at the first store; -1 = not counted yet
};

} // namespace veo
