#include "downloadstore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace veo {
namespace {

Q_LOGGING_CATEGORY(lcDownloads, "veo.storage.downloads")

MediaKind kindFromKey(const QString &key)
{
    for (const MediaKind kind : {MediaKind::Result, MediaKind::Origin, MediaKind::Full}) {
        if (mediaKindKey(kind) == key) {
            return kind;
        }
    }
    return MediaKind::Result;
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

} // namespace

DownloadStore::DownloadStore(QObject *parent)
    : QObject(parent), m_db(QStringLiteral("veo-downloads"))
{
}

bool DownloadStore::open(const QString &path)
{
    return m_db.open(path, QStringLiteral("SELECT task_id FROM downloads LIMIT 0"));
}

void DownloadStore::close()
{
    m_db.close();
}

bool DownloadStore::isOpen() const
{
    return m_db.isOpen();
}

bool DownloadStore::save(const Download &download)
{
    if (!isOpen()) {
        return false;
    }
    const DownloadRequest &r = download.request;
    QSqlQuery q(m_db.database());
    if (download.state == DownloadState::Cancelled) {
        // Only the row of a video never downloaded goes; a completed copy stays known.
        q.prepare(QStringLiteral("DELETE FROM downloads WHERE task_id=? AND kind=? AND idx=? "
                                 "AND local_path IS NULL"));
        q.addBindValue(r.taskId);
        q.addBindValue(mediaKindKey(r.kind));
        q.addBindValue(r.index);
        if (!q.exec()) {
            qCWarning(lcDownloads) << "removing a download failed:" << q.lastError().text();
            return false;
        }
        q.prepare(QStringLiteral("UPDATE downloads SET state='completed' WHERE task_id=? AND "
                                 "kind=? AND idx=?"));
        q.addBindValue(r.taskId);
        q.addBindValue(mediaKindKey(r.kind));
        q.addBindValue(r.index);
        return q.exec();
    }
    const bool completed = download.state == DownloadState::Completed;
    q.prepare(QStringLiteral(
        "INSERT INTO downloads (task_id, kind, idx, url, source_url, dest_dir, file_name, "
        "expected_size, state, error_category, error_http, error_detail, local_path, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(task_id, kind, idx) DO UPDATE SET "
        "url=excluded.url, source_url=excluded.source_url, dest_dir=excluded.dest_dir, "
        "file_name=excluded.file_name, expected_size=excluded.expected_size, "
        "state=excluded.state, error_category=excluded.error_category, "
        "error_http=excluded.error_http, error_detail=excluded.error_detail, "
        "local_path=COALESCE(excluded.local_path, local_path), updated_at=excluded.updated_at"));
    q.addBindValue(r.taskId);
    q.addBindValue(mediaKindKey(r.kind));
    q.addBindValue(r.index);
    q.addBindValue(r.url.toString(QUrl::FullyEncoded));
    q.addBindValue(textOrNull(r.sourceUrl.toString(QUrl::FullyEncoded)));
    q.addBindValue(r.destinationDir);
    q.addBindValue(r.fileName);
    q.addBindValue(r.expectedSize ? QVariant(*r.expectedSize)
                                  : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(downloadStateKey(download.state));
    q.addBindValue(textOrNull(download.error.isError()
                                  ? DownloadError::categoryKey(download.error.category)
                                  : QString()));
    q.addBindValue(download.error.httpStatus);
    q.addBindValue(textOrNull(download.error.detail));
    q.addBindValue(completed ? textOrNull(download.filePath)
                             : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        qCWarning(lcDownloads) << "saving a download failed:" << q.lastError().text();
        return false;
    }
    return true;
}

QList<Download> DownloadStore::loadUnfinished() const
{
    QList<Download> list;
    if (!isOpen()) {
        return list;
    }
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT task_id, kind, idx, url, source_url, dest_dir, file_name, "
                               "expected_size, state, error_category, error_http, error_detail "
                               "FROM downloads WHERE state IN "
                               "('queued','running','paused','failed') ORDER BY rowid"))) {
        qCWarning(lcDownloads) << "loading downloads failed:" << q.lastError().text();
        return list;
    }
    while (q.next()) {
        Download d;
        DownloadRequest &r = d.request;
        r.taskId = q.value(0).toString();
        r.kind = kindFromKey(q.value(1).toString());
        r.index = q.value(2).toInt();
        r.url = QUrl(q.value(3).toString(), QUrl::StrictMode);
        r.sourceUrl = QUrl(q.value(4).toString(), QUrl::StrictMode);
        r.destinationDir = q.value(5).toString();
        r.fileName = q.value(6).toString();
        if (!q.value(7).isNull()) {
            r.expectedSize = q.value(7).toLongLong();
        }
        d.state = downloadStateFromKey(q.value(8).toString());
        if (d.state == DownloadState::Failed) {
            d.error.category = DownloadError::categoryFromKey(q.value(9).toString());
            d.error.httpStatus = q.value(10).toInt();
            d.error.detail = q.value(11).toString();
        }
        list.append(d);
    }
    return list;
}

QString DownloadStore::localFile(const QString &taskId, MediaKind kind, int index) const
{
    if (!isOpen()) {
        return {};
    }
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT local_path FROM downloads WHERE task_id=? AND kind=? AND idx=?"));
    q.addBindValue(taskId);
    q.addBindValue(mediaKindKey(kind));
    q.addBindValue(index);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QList<LocalCopy> DownloadStore::localCopies() const
{
    QList<LocalCopy> copies;
    if (!isOpen()) {
        return copies;
    }
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT task_id, kind, idx, local_path FROM downloads "
                               "WHERE local_path IS NOT NULL ORDER BY rowid"))) {
        qCWarning(lcDownloads) << "loading local copies failed:" << q.lastError().text();
        return copies;
    }
    while (q.next()) {
        copies.append({q.value(0).toString(), kindFromKey(q.value(1).toString()),
                       q.value(2).toInt(), q.value(3).toString()});
    }
    return copies;
}

bool DownloadStore::removeTask(const QString &taskId)
{
    if (!isOpen()) {
        return false;
    }
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM downloads WHERE task_id=?"));
    q.addBindValue(taskId);
    return q.exec();
}

} // namespace veo
