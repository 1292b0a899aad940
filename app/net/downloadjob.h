#pragma once

#include "download.h"
#include "downloadpart.h"

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;

namespace veo {

// One attempt at one file (DownloadManager runs these): streams the body into
// "<final>.part", remembers the server's validators in "<final>.part.json", resumes a .part
// with Range + If-Range, restarts cleanly when the server ignores the range or the file
// changed, checks the size and renames the .part to the final name (a unique one when the
// name was taken meanwhile). Never sends an Authorization header. finished() comes exactly
// once, from the event loop, unless stop() was called first.
class DownloadJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadJob)

public:
    struct Options
    {
        std::chrono::milliseconds transferTimeout{30000};
        qint64 readBufferSize = 256 * 1024; // bounded: memory does not grow with file size
    };

    DownloadJob(QNetworkAccessManager *network, const DownloadRequest &request,
                const Options &options, QObject *parent = nullptr);
    ~DownloadJob() override; // stops; the .part stays for a later resume

    void start();
    // Aborts the transfer and keeps the .part and its validators; no finished() follows.
    void stop();

    qint64 bytesReceived() const { return m_written; }
    qint64 bytesTotal() const { return m_total; }

    static QString partPath(const QString &finalPath);
    static QString metaPath(const QString &finalPath);

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    // error.isError() false: finalPath is the completed file.
    void finished(const DownloadError &error, const QString &finalPath);

private:
    void begin();
    void sendRequest();
    void onHeaders();
    void onReadyRead();
    void onFinished();
    bool acceptPartial();
    void restartClean();
    bool writeChunk(const char *data, qint64 size);
    void complete();
    void fail(const DownloadError &error);
    void dropReply();
    bool writeMeta();
    DownloadError writeError(const QString &what, int savedErrno) const;

    QNetworkAccessManager *m_network;
    DownloadRequest m_request;
    Options m_options;
    QString m_finalPath;
    QFile m_file;
    QPointer<QNetworkReply> m_reply;
    PartMeta m_meta;
    qint64 m_offset = 0;  // bytes of the .part this request continues from
    qint64 m_written = 0; // bytes in the .part now
    qint64 m_total = -1;  // the whole file's size; -1 while unknown
    bool m_validatorSent = false;
    bool m_headersDone = false;
    bool m_done = false;
    int m_restarts = 0;
};

} // namespace veo
