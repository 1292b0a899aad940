#include "thumbnailcache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>

namespace veo {

namespace {
const QString Suffix = QStringLiteral(".jpg");
}

ThumbnailCache::ThumbnailCache(const QString &folder, qint64 capBytes,
                               std::function<QDateTime()> now)
    : m_folder(folder), m_capBytes(capBytes), m_now(std::move(now))
{
    if (!m_now) {
        m_now = [] { return QDateTime::currentDateTimeUtc(); };
    }
    QDir().mkpath(m_folder);
}

QString ThumbnailCache::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/thumbnails");
}

QString ThumbnailCache::key(const QString &taskId, const QString &videoId)
{
    // Task IDs come from KIE: hashed, they can never make a path of their own.
    const QByteArray id = (taskId + QLatin1Char('\n') + videoId).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(id, QCryptographicHash::Sha1).toHex());
}

QString ThumbnailCache::path(const QString &key) const
{
    return m_folder + QLatin1Char('/') + key + Suffix;
}

bool ThumbnailCache::contains(const QString &key) const
{
    return QFileInfo::exists(path(key));
}

QImage ThumbnailCache::load(const QString &key)
{
    QFile file(path(key));
    if (!file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly)) {
        return {};
    }
    QImage image;
    if (!image.load(&file, "JPEG")) {
        return {};
    }
    file.setFileTime(m_now(), QFileDevice::FileModificationTime); // used now
    return image;
}

bool ThumbnailCache::store(const QString &key, const QImage &image)
{
    const qint64 before = QFileInfo(path(key)).size(); // 0 when new
    QSaveFile file(path(key));
    if (image.isNull() || !file.open(QIODevice::WriteOnly) || !image.save(&file, "JPEG", 85) ||
        !file.commit()) {
        return false;
    }
    QFile stored(path(key));
    if (stored.open(QIODevice::ReadWrite)) {
        stored.setFileTime(m_now(), QFileDevice::FileModificationTime);
    }
    if (m_total < 0) {
        m_total = sizeBytes();
    } else {
        m_total += stored.size() - before;
    }
    if (m_total > m_capBytes) {
        prune();
    }
    return true;
}

qint64 ThumbnailCache::sizeBytes() const
{
    qint64 total = 0;
    QDirIterator it(m_folder, {QLatin1Char('*') + Suffix}, QDir::Files);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

void ThumbnailCache::prune()
{
    QFileInfoList files =
        QDir(m_folder).entryInfoList({QLatin1Char('*') + Suffix}, QDir::Files, QDir::NoSort);
    qint64 total = 0;
    for (const QFileInfo &f : std::as_const(files)) {
        total += f.size();
    }
    std::sort(files.begin(), files.end(), [](const QFileInfo &a, const QFileInfo &b) {
        return a.lastModified() < b.lastModified();
    });
    for (const QFileInfo &f : std::as_const(files)) {
        if (total <= m_capBytes) {
            break;
        }
        if (QFile::remove(f.filePath())) {
            total -= f.size();
        }
    }
    m_total = total;
}

} // namespace veo
