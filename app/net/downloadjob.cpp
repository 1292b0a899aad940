#include "downloadjob.h"

#include "downloadpart.h"
#include "filenametemplate.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStorageInfo>
#include <algorithm>
#include <cerrno>
#include <limits>
#include <cstdio>

namespace veo {
namespace {

using Category = DownloadError::Category;

// A file that changes under us this often is not going to hold still: give up.
constexpr int MaxRestarts = 3;

DownloadError error(Category category, const QString &detail = {}, int httpStatus = 0)
{
    DownloadError e;
    e.category = category;
    e.detail = detail;
    e.httpStatus = httpStatus;
    return e;
}

bool isExpiredStatus(int status)
{
    return status == 403 || status == 404 || status == 410;
}

} // namespace

DownloadJob::DownloadJob(QNetworkAccessManager *network, const DownloadRequest &request,
                         const Options &options, QObject *parent)
    : QObject(parent), m_network(network), m_request(request), m_options(options),
      m_finalPath(request.finalPath())
{
}

DownloadJob::~DownloadJob()
{
    stop();
}

QString DownloadJob::partPath(const QString &finalPath)
{
    return finalPath + QStringLiteral(".part");
}

QString DownloadJob::metaPath(const QString &finalPath)
{
    return finalPath + QStringLiteral(".part.json");
}

void DownloadJob::start()
{
    // Every outcome, even an immediate failure, reaches the caller from the event loop.
    QMetaObject::invokeMethod(this, &DownloadJob::begin, Qt::QueuedConnection);
}

void DownloadJob::stop()
{
    m_done = true;
    dropReply();
    m_file.close();
}

void DownloadJob::begin()
{
    if (m_done) {
        return;
    }
    const QString dir = m_request.destinationDir;
    const QString shownDir = QDir::toNativeSeparators(dir);
    const QFileInfo dirInfo(dir);
    if (dir.isEmpty() || (dirInfo.exists() && !dirInfo.isDir()) ||
        (!dirInfo.exists() && !QDir().mkpath(dir))) {
        fail(error(Category::NotWritable, shownDir));
        return;
    }
    m_file.setFileName(partPath(m_finalPath));
    // Unbuffered: a write error (disk full, size limit) shows at the write that caused it.
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        fail(writeError(QDir::toNativeSeparators(m_file.fileName()) + QStringLiteral(": ") +
                            m_file.errorString(),
                        0));
        return;
    }
    const qint64 partSize = m_file.size();
    m_meta = readPartMeta(metaPath(m_finalPath));
    const bool resumable =
        partSize > 0 && m_meta.isUsable() && (m_meta.total < 0 || partSize <= m_meta.total);
    m_offset = resumable ? partSize : 0;
    if (!resumable) {
        // Without what the server said about these bytes they cannot be trusted: start over.
        if (partSize > 0 && !m_file.resize(0)) {
            fail(writeError(m_file.errorString(), errno));
            return;
        }
        m_meta = {};
        QFile::remove(metaPath(m_finalPath));
    }
    m_written = m_offset;
    sendRequest();
}

void DownloadJob::sendRequest()
{
    QUrl url = m_request.url;
    url.setUserInfo({}); // credentials in a URL would turn into an Authorization header
    QNetworkRequest request(url);
    // Media hosts are other origins than the API: never send them a token. An https link must
    // not be redirected to http.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(10);
    request.setTransferTimeout(int(std::min<std::chrono::milliseconds::rep>(
        m_options.transferTimeout.count(), std::numeric_limits<int>::max())));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("VeoTracker/" VEO_VERSION));
    // Ranges count bytes of the stored file: no transparent decompression.
    request.setRawHeader("Accept-Encoding", "identity");
    // Memory: Qt 6.4 hands the reply's read buffer limit to its HTTP thread through a queued
    // signal. On a reused keep-alive connection the body can start streaming before the limit
    // arrives, and what was not counted then inflates the budget for the rest of the transfer
    // (measured: tens of MiB buffered). A fresh connection per transfer gives the limit the
    // connect round-trip to arrive first; HTTP/2 stays off so that this HTTP/1.1 path is the
    // one in use. One TCP handshake per video is nothing next to its size.
    request.setRawHeader("Connection", "close");
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    m_validatorSent = false;
    if (m_offset > 0) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + '-');
        // A weak ETag cannot be used in If-Range (RFC 9110 13.1.5).
        const QByteArray validator = !m_meta.etag.isEmpty() && !m_meta.etag.startsWith("W/")
                                         ? m_meta.etag
                                         : m_meta.lastModified;
        if (!validator.isEmpty()) {
            request.setRawHeader("If-Range", validator);
            m_validatorSent = true;
        }
    }
    Q_ASSERT_X(!request.hasRawHeader("Authorization"), "DownloadJob",
               "a media request must never carry credentials");
    m_headersDone = false;
    m_reply = m_network->get(request);
    m_reply->setReadBufferSize(m_options.readBufferSize);
    // Qt 6.4 passes the limit to its HTTP thread with a queued signal that is dropped when it
    // arrives before that thread has set the request up. Repeating it once the connection is
    // being made and once the request is out puts it in place before the first body byte.
    const auto applyLimit = [this] {
        if (m_reply) {
            m_reply->setReadBufferSize(m_options.readBufferSize);
        }
    };
    connect(m_reply, &QNetworkReply::socketStartedConnecting, this, applyLimit);
    connect(m_reply, &QNetworkReply::requestSent, this, applyLimit);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &DownloadJob::onHeaders);
    connect(m_reply, &QNetworkReply::readyRead, this, &DownloadJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &DownloadJob::onFinished);
}

void DownloadJob::onHeaders()
{
    if (m_headersDone || m_done || !m_reply) {
        return;
    }
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0 || (status >= 300 && status < 400)) {
        return; // nothing yet, or a redirect that is being followed
    }
    m_headersDone = true;
    // Again, now that Qt's HTTP thread certainly has its side of the reply (see sendRequest()).
    m_reply->setReadBufferSize(m_options.readBufferSize);
    if (isExpiredStatus(status)) {
        fail(error(Category::LinkExpired, {}, status));
        return;
    }
    if (status == 416) {
        // With If-Range the server judged our validator current: the .part may be complete.
        const ContentRange range = parseContentRange(m_reply->rawHeader("Content-Range"));
        if (m_validatorSent && range.ok && range.total == m_offset && m_meta.total == m_offset) {
            m_total = m_offset;
            complete();
        } else {
            restartClean();
        }
        return;
    }
    if (status < 200 || status >= 300) {
        fail(error(Category::Http, {}, status));
        return;
    }
    if (status == 206) {
        if (!acceptPartial()) {
            return;
        }
    } else {
        // The whole file from its first byte: the server ignored the range, or the file
        // changed (If-Range). What the .part held is replaced.
        if (m_offset > 0 && !m_file.resize(0)) {
            fail(writeError(m_file.errorString(), errno));
            return;
        }
        m_offset = 0;
        m_written = 0;
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        m_total = length.isValid() ? length.toLongLong() : -1;
        m_meta.etag = m_reply->rawHeader("ETag");
        m_meta.lastModified = m_reply->rawHeader("Last-Modified");
    }
    if (m_file.pos() != m_offset && !m_file.seek(m_offset)) {
        fail(writeError(m_file.errorString(), errno));
        return;
    }
    if (m_request.expectedSize && m_total >= 0 && m_total != *m_request.expectedSize) {
        fail(error(Category::SizeMismatch, QStringLiteral("server %1 bytes, expected %2")
                                               .arg(m_total)
                                               .arg(*m_request.expectedSize)));
        return;
    }
    if (m_total > 0) {
        const QStorageInfo storage(m_request.destinationDir);
        const qint64 needed = m_total - m_offset;
        if (storage.isValid() && storage.bytesAvailable() >= 0 &&
            storage.bytesAvailable() < needed) {
            fail(error(Category::DiskFull, QStringLiteral("%1 bytes needed, %2 free")
                                               .arg(needed)
                                               .arg(storage.bytesAvailable())));
            return;
        }
    }
    m_meta.url = m_request.url.toString(QUrl::FullyEncoded);
    m_meta.total = m_total;
    if (!writeMeta()) {
        return;
    }
    Q_EMIT progress(m_written, m_total);
}

bool DownloadJob::acceptPartial()
{
    const ContentRange range = parseContentRange(m_reply->rawHeader("Content-Range"));
    const QByteArray etag = m_reply->rawHeader("ETag");
    const QByteArray lastModified = m_reply->rawHeader("Last-Modified");
    // A server that does not honour If-Range still shows a changed file in its validators.
    const bool changed = !range.ok || range.first != m_offset ||
                         (!m_meta.etag.isEmpty() && !etag.isEmpty() && etag != m_meta.etag) ||
                         (!m_meta.lastModified.isEmpty() && !lastModified.isEmpty() &&
                          lastModified != m_meta.lastModified) ||
                         (m_meta.total >= 0 && range.total >= 0 && range.total != m_meta.total);
    if (changed) {
        restartClean();
        return false;
    }
    m_total = range.total;
    if (!etag.isEmpty()) {
        m_meta.etag = etag;
    }
    if (!lastModified.isEmpty()) {
        m_meta.lastModified = lastModified;
    }
    return true;
}

void DownloadJob::restartClean()
{
    dropReply();
    if (++m_restarts > MaxRestarts) {
        fail(error(Category::ServerChanged));
        return;
    }
    if (!m_file.resize(0)) {
        fail(writeError(m_file.errorString(), errno));
        return;
    }
    QFile::remove(metaPath(m_finalPath));
    m_meta = {};
    m_offset = 0;
    m_written = 0;
    m_total = -1;
    sendRequest();
}

void DownloadJob::onReadyRead()
{
    if (m_done || !m_reply) {
        return;
    }
    if (!m_headersDone) {
        onHeaders();
        if (m_done || !m_headersDone) {
            return; // failed, or restarted with a new reply
        }
    }
    // Reading exactly what is buffered takes over the reply's own block without a copy (Qt 6
    // does that when the size is the next block's, the usual case right after readyRead).
    // The reply's read buffer size bounds it.
    while (m_reply->bytesAvailable() > 0) {
        const QByteArray chunk = m_reply->read(m_reply->bytesAvailable());
        if (chunk.isEmpty() || !writeChunk(chunk.constData(), chunk.size())) {
            return;
        }
    }
    Q_EMIT progress(m_written, m_total);
}

bool DownloadJob::writeChunk(const char *data, qint64 size)
{
    while (size > 0) {
        errno = 0;
        const qint64 written = m_file.write(data, size);
        if (written <= 0) {
            const int savedErrno = errno;
            fail(writeError(m_file.errorString(), savedErrno));
            return false;
        }
        data += written;
        size -= written;
        m_written += written;
    }
    if (m_total >= 0 && m_written > m_total) {
        fail(error(Category::SizeMismatch,
                   QStringLiteral("more than the announced %1 bytes").arg(m_total)));
        return false;
    }
    return true;
}

void DownloadJob::onFinished()
{
    if (m_done || !m_reply) {
        return;
    }
    QNetworkReply *reply = m_reply;
    onReadyRead(); // headers (if still due) and the rest of the body
    if (m_done || m_reply != reply) {
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        const bool timedOut = reply->error() == QNetworkReply::TimeoutError ||
                              reply->error() == QNetworkReply::OperationCanceledError;
        fail(error(Category::Network,
                   timedOut ? QStringLiteral("no data for %1 s")
                                  .arg(double(m_options.transferTimeout.count()) / 1000.0)
                            : reply->errorString()));
        return;
    }
    if (!m_headersDone) {
        fail(error(Category::Network, QStringLiteral("no HTTP answer")));
        return;
    }
    const qint64 expected =
        m_total >= 0 ? m_total : (m_request.expectedSize ? *m_request.expectedSize : -1);
    if (expected >= 0 && m_written < expected) {
        // Cut off: what arrived is good, a retry continues from there.
        fail(error(Category::Network, QStringLiteral("the connection closed after %1 of %2 bytes")
                                          .arg(m_written)
                                          .arg(expected)));
        return;
    }
    if (expected >= 0 && m_written != expected) {
        fail(error(Category::SizeMismatch,
                   QStringLiteral("%1 bytes instead of %2").arg(m_written).arg(expected)));
        return;
    }
    complete();
}

void DownloadJob::complete()
{
    dropReply();
    m_file.close();
    const QString part = partPath(m_finalPath);
    QString target = m_finalPath;
    for (int attempt = 0; attempt < 5; ++attempt) {
        // QFile::rename() never replaces an existing file (renameat2 RENAME_NOREPLACE or
        // link + unlink on Linux): a name taken meanwhile makes it fail, and we pick another.
        if (QFileInfo::exists(target) || QFileInfo(target).isSymLink()) {
            target = FileNameTemplate::uniquePath(m_request.destinationDir, m_request.fileName);
        }
        if (QFile::rename(part, target)) {
            QFile::remove(metaPath(m_finalPath));
            m_done = true;
            Q_EMIT finished(DownloadError{}, target);
            return;
        }
        if (!QFileInfo::exists(target)) {
            break; // not a name clash
        }
    }
    fail(error(Category::NotWritable,
               QStringLiteral("cannot rename %1").arg(QDir::toNativeSeparators(part))));
}

void DownloadJob::fail(const DownloadError &e)
{
    if (m_done) {
        return;
    }
    m_done = true;
    dropReply();
    m_file.close();
    const QFileInfo part(partPath(m_finalPath));
    if (e.category == Category::SizeMismatch ||
        (m_written == 0 && part.isFile() && !part.isSymLink() && part.size() == 0)) {
        // Wrong bytes, or none at all: a retry starts from nothing, and no empty .part stays.
        QFile::remove(part.filePath());
        QFile::remove(metaPath(m_finalPath));
    }
    Q_EMIT finished(e, {});
}

void DownloadJob::dropReply()
{
    if (!m_reply) {
        return;
    }
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    // Qt 6.4 reports an HTTP error status as a reply error after the headers; aborting such a
    // reply first makes that a second error (a Qt warning). Deleting it closes it just as well.
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 400 && reply->error() == QNetworkReply::NoError) {
        reply->abort();
    }
    reply->deleteLater();
}

bool DownloadJob::writeMeta()
{
    QString message;
    int savedErrno = 0;
    if (!writePartMeta(metaPath(m_finalPath), m_meta, &message, &savedErrno)) {
        fail(writeError(message, savedErrno));
        return false;
    }
    return true;
}

DownloadError DownloadJob::writeError(const QString &what, int savedErrno) const
{
    if (savedErrno == EFBIG) {
        return error(Category::FileTooLarge, what);
    }
#ifdef EDQUOT
    if (savedErrno == EDQUOT) {
        return error(Category::DiskFull, what);
    }
#endif
    if (savedErrno == ENOSPC || m_file.error() == QFileDevice::ResourceError) {
        return error(Category::DiskFull, what);
    }
    return error(Category::NotWritable, what);
}

} // namespace veo
