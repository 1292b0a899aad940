// FakeKieServer's static files (media): ranges, If-Range, validators, status overrides,
// throttling, dropped connections, and bodies streamed in chunks with backpressure.
#include "fakekieserver.h"

#include "httpwire.h"

#include <QFile>
#include <QFileInfo>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

namespace veo {
namespace {

const QByteArray AliasPrefix = QByteArrayLiteral("/dl/");
// File bodies go out in chunks while the socket's own buffer stays under the high-water mark:
// a 1 GiB file costs no more memory than a small one.
constexpr qint64 StreamChunkBytes = 64 * 1024;
constexpr qint64 StreamHighWaterBytes = 256 * 1024;
// The throttle is a token bucket refilled every tick. Unspent budget is capped at two ticks'
// worth: after a stall (a loaded machine, a paused event loop) the body goes on at the set
// rate instead of catching up in one burst, so a transfer that should take seconds does.
constexpr int ThrottleTickMs = 10;
constexpr int ThrottleBurstTicks = 2;

// If-Range holds either an entity tag (strong comparison; a weak tag never matches) or a date
// (compared as the exact Last-Modified text, as RFC 9110 allows for one representation).
bool ifRangeMatches(const QByteArray &ifRange, const FakeKieServer::FileOptions &options)
{
    if (ifRange.startsWith("W/")) {
        return false;
    }
    if (ifRange.startsWith('"')) {
        return !options.etag.isEmpty() && !options.etag.startsWith("W/") && ifRange == options.etag;
    }
    return !options.lastModified.isEmpty() && ifRange == options.lastModified;
}

} // namespace

struct FakeKieServer::Stream
{
    QByteArray data;             // in-memory file (implicitly shared, never copied)
    std::unique_ptr<QFile> file; // or a file on disk, read chunk by chunk
    qint64 pos = 0;              // next byte of the file to send
    qint64 end = 0;              // one past the last byte to send
    qint64 sent = 0;             // body bytes sent in this answer
    qint64 dropAt = -1;          // close the connection once `sent` reaches this
    qint64 bytesPerSecond = 0;
    QElapsedTimer clock;    // for the throttle
    qint64 refilledMs = 0;  // clock time of the last refill
    qint64 milliBudget = 0; // bytes that may go out now, times 1000 (fractions carry over)
    bool tickPending = false;
    bool closeAfter = false;
};

void FakeKieServer::addFileFromDisk(const QString &path, const QString &filePath,
                                    const QByteArray &contentType)
{
    m_files.insert(path, File{{}, contentType, filePath});
}

void FakeKieServer::setFileOptions(const QString &path, const FileOptions &options)
{
    m_fileStates.insert(path, FileState{options, false});
}

int FakeKieServer::activeFileStreams() const
{
    return int(std::count_if(m_connections.cbegin(), m_connections.cend(),
                             [](const Connection &c) { return bool(c.stream); }));
}

QString FakeKieServer::filePathFor(const Request &request) const
{
    if ((request.method != "GET" && request.method != "HEAD") || m_routes.contains(request.path)) {
        return {};
    }
    const QString decoded = QString::fromUtf8(QByteArray::fromPercentEncoding(request.path));
    if (m_files.contains(decoded)) {
        return decoded;
    }
    if (request.path.startsWith(AliasPrefix)) {
        const QString aliased = decoded.mid(AliasPrefix.size() - 1);
        if (m_files.contains(aliased)) {
            return aliased;
        }
    }
    return {};
}

qint64 FakeKieServer::fileSize(const QString &filePath) const
{
    const File &file = m_files[filePath];
    if (file.diskPath.isEmpty()) {
        return file.data.size();
    }
    const QFileInfo info(file.diskPath);
    return info.isFile() ? info.size() : -1;
}

bool FakeKieServer::serveFile(QTcpSocket *socket, const Request &request, const QString &filePath,
                              bool keepAlive, bool headOnly)
{
    FileState &state = m_fileStates[filePath];
    const FileOptions &options = state.options;
    const qint64 size = fileSize(filePath);
    if (!state.options.statuses.isEmpty() || size < 0) {
        Response r;
        r.httpStatus = size < 0 ? 500 : state.options.statuses.takeFirst();
        r.body = httpwire::reasonPhrase(r.httpStatus) + QByteArray("\n");
        r.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
        return writeResponse(socket, r, keepAlive, headOnly);
    }
    const File &file = m_files[filePath];
    int status = 200;
    qint64 first = 0;
    qint64 length = size;
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", file.contentType}};
    if (!options.etag.isEmpty()) {
        headers.append({QByteArray("ETag"), options.etag});
    }
    if (!options.lastModified.isEmpty()) {
        headers.append({QByteArray("Last-Modified"), options.lastModified});
    }
    if (m_rangeSupport) {
        headers.append({QByteArray("Accept-Ranges"), QByteArray("bytes")});
        QByteArray rangeHeader = request.headers.value("range");
        const QByteArray ifRange = request.headers.value("if-range");
        if (!ifRange.isEmpty() && options.honourIfRange && !ifRangeMatches(ifRange, options)) {
            rangeHeader.clear(); // the file changed: send all of it
        }
        const httpwire::ByteRange range = httpwire::parseRange(rangeHeader, size);
        if (range.kind == httpwire::ByteRange::Kind::Unsatisfiable) {
            Response r;
            r.httpStatus = 416;
            r.headers = headers;
            r.headers.append({QByteArray("Content-Range"), "bytes */" + QByteArray::number(size)});
            return writeResponse(socket, r, keepAlive, headOnly);
        }
        if (range.kind == httpwire::ByteRange::Kind::Satisfiable) {
            status = 206;
            first = range.first;
            length = range.last - range.first + 1;
            headers.append({QByteArray("Content-Range"),
                            "bytes " + QByteArray::number(range.first) + '-' +
                                QByteArray::number(range.last) + '/' + QByteArray::number(size)});
        }
    }

    const auto conn = m_connections.find(socket);
    if (conn == m_connections.end()) {
        return false;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' +
                      httpwire::reasonPhrase(status) +
                      "\r\nContent-Length: " + QByteArray::number(length) + "\r\n" +
                      (keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
    for (const auto &[name, value] : std::as_const(headers)) {
        head += name + ": " + value + "\r\n";
    }
    head += "\r\n";
    socket->write(head);
    if (headOnly || length == 0) {
        if (keepAlive) {
            return true;
        }
        conn->busy = true;
        socket->disconnectFromHost();
        return false;
    }

    auto stream = std::make_shared<Stream>();
    if (file.diskPath.isEmpty()) {
        stream->data = file.data;
    } else {
        stream->file = std::make_unique<QFile>(file.diskPath);
        if (!stream->file->open(QIODevice::ReadOnly) || !stream->file->seek(first)) {
            conn->busy = true;
            socket->abort();
            return false;
        }
    }
    stream->pos = first;
    stream->end = first + length;
    stream->bytesPerSecond = options.bytesPerSecond;
    stream->milliBudget = options.bytesPerSecond * ThrottleTickMs; // one tick's worth to start
    stream->closeAfter = !keepAlive;
    stream->clock.start();
    if (options.dropAfterBytes >= 0 && (options.dropEveryTime || !state.dropped)) {
        stream->dropAt = options.dropAfterBytes;
        state.dropped = true;
    }
    conn->busy = true;
    conn->stream = std::move(stream);
    pumpStream(socket);
    return false;
}

void FakeKieServer::pumpStream(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || !it->stream) {
        return;
    }
    Stream &s = *it->stream;
    while (s.pos < s.end) {
        if (s.dropAt >= 0 && s.sent >= s.dropAt) {
            it->stream.reset();
            socket->disconnectFromHost(); // sends what is buffered, then closes: a cut body
            return;
        }
        if (socket->bytesToWrite() >= StreamHighWaterBytes) {
            return; // bytesWritten() calls us again
        }
        qint64 chunk = std::min(StreamChunkBytes, s.end - s.pos);
        if (s.dropAt >= 0) {
            chunk = std::min(chunk, s.dropAt - s.sent);
        }
        if (s.bytesPerSecond > 0) {
            const qint64 now = s.clock.elapsed();
            s.milliBudget = std::min(s.milliBudget + s.bytesPerSecond * (now - s.refilledMs),
                                     s.bytesPerSecond * ThrottleTickMs * ThrottleBurstTicks);
            s.refilledMs = now;
            const qint64 allowance = s.milliBudget / 1000;
            if (allowance <= 0) {
                if (!s.tickPending) {
                    s.tickPending = true;
                    QTimer::singleShot(ThrottleTickMs, socket, [this, socket] {
                        const auto conn = m_connections.find(socket);
                        if (conn != m_connections.end() && conn->stream) {
                            conn->stream->tickPending = false;
                            pumpStream(socket);
                        }
                    });
                }
                return;
            }
            chunk = std::min(chunk, allowance);
        }
        const QByteArray bytes = s.file ? s.file->read(chunk) : s.data.mid(s.pos, chunk);
        if (bytes.isEmpty()) { // the file shrank under us
            it->stream.reset();
            socket->abort(); // may remove the connection right here: return at once
            return;
        }
        socket->write(bytes);
        s.pos += bytes.size();
        s.sent += bytes.size();
        s.milliBudget -= s.bytesPerSecond > 0 ? bytes.size() * 1000 : 0;
        m_fileBytesSent += bytes.size();
    }
    const bool close = s.closeAfter;
    it->stream.reset();
    if (close) {
        socket->disconnectFromHost();
        return;
    }
    it->busy = false;
    processBuffer(socket); // the next pipelined request
}

} // namespace veo
