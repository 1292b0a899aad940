#pragma once

// A raw HTTP/1.1 server on loopback that misbehaves on purpose, for the fault-matrix tests
// (tst_faults_*). In Pass mode it forwards each request to an upstream server (the fake KIE
// server) on a connection of its own and closes afterwards, so the fault set now applies to
// the very next request: a test can switch a fault on and off in the middle of a run. The
// faults the fake server itself cannot do (resets, a silent or trickling peer, a cut-off
// chunked body, an endless body, canned bytes) are written here, byte by byte.

#include <QByteArray>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <memory>
#include <sys/socket.h>

namespace veo::test {

class FaultServer
{
public:
    enum class Fault {
        Pass,           // forwarded to the upstream server
        ResetInHeaders, // half a status line and headers, then a TCP reset
        ResetInBody,    // headers (Content-Length 4096), 100 body bytes, then a reset
        NeverAnswer,    // reads the request, never writes
        Trickle,        // a valid answer's head, then its body one byte every trickleMs
        ChunkedCut,     // a chunked body that stops in its second chunk, then a close
        Huge,           // a body of hugeBytes, generated as the client reads it
        Canned,         // the bytes in canned, then a close
    };

    FaultServer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                accept(socket);
            }
        });
    }

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0)
    {
        return m_server.listen(address, port);
    }
    // Stops listening: new connections are refused until listenAgain().
    void refuse()
    {
        m_port = m_server.serverPort();
        m_address = m_server.serverAddress();
        m_server.close();
    }
    bool listenAgain() { return m_server.listen(m_address, m_port); }

    QUrl baseUrl() const
    {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(m_server.isListening() ? m_server.serverAddress().toString()
                                           : m_address.toString());
        url.setPort(m_server.isListening() ? m_server.serverPort() : m_port);
        return url;
    }

    void setUpstream(const QUrl &upstream) { m_upstream = upstream; }
    void setFault(Fault fault) { m_fault = fault; }

    Fault fault() const { return m_fault; }
    int faultsServed() const { return m_faultsServed; } // requests answered with a fault
    int passed() const { return m_passed; }
    qint64 hugeBytesWritten() const { return m_hugeWritten; }
    QList<QByteArray> requestHeads() const { return m_heads; } // request line + headers

    qint64 hugeBytes = 3LL * 1024 * 1024 * 1024; // 3 GiB
    bool hugeAnnounced = true;                   // Content-Length sent; else until close
    int trickleMs = 1000;
    QByteArray canned;

private:
    static void reset(QTcpSocket *socket)
    {
        // SO_LINGER 0: close() sends RST instead of FIN.
        const linger hard{1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        socket->abort();
        socket->deleteLater();
    }

    static QByteArray validAnswer()
    {
        const QByteArray body = "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"x\","
                                "\"successFlag\":0}}";
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

    void accept(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            if (socket->property("veoHandled").toBool()) {
                socket->readAll();
                return;
            }
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            qsizetype length = 0;
            for (const QByteArray &line : buffer->left(end).split('\n')) {
                if (line.toLower().startsWith("content-length:")) {
                    length = line.mid(15).trimmed().toLongLong();
                }
            }
            if (buffer->size() < end + 4 + length) {
                return;
            }
            socket->setProperty("veoHandled", true);
            m_heads.append(buffer->left(end));
            handle(socket, buffer->left(end + 4 + length));
        });
    }

    void handle(QTcpSocket *socket, const QByteArray &request)
    {
        if (m_fault == Fault::Pass) {
            ++m_passed;
            forward(socket, request);
            return;
        }
        ++m_faultsServed;
        switch (m_fault) {
        case Fault::Pass:
            break;
        case Fault::ResetInHeaders:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: applica");
            socket->flush();
            QTimer::singleShot(20, socket, [socket] { reset(socket); });
            break;
        case Fault::ResetInBody:
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                "Content-Length: 4096\r\n\r\n{\"code\":200,\"msg\":\"success\",\"data\":" +
                QByteArray(64, ' '));
            socket->flush();
            QTimer::singleShot(20, socket, [socket] { reset(socket); });
            break;
        case Fault::NeverAnswer:
            break;
        case Fault::Trickle: {
            // The status line and headers at once, then the body a byte at a time: a stalled
            // head is caught by the transfer timeout, a body that keeps moving is not.
            const QByteArray whole = validAnswer();
            const qsizetype bodyAt = whole.indexOf("\r\n\r\n") + 4;
            socket->write(whole.left(bodyAt));
            auto left = std::make_shared<QByteArray>(whole.mid(bodyAt));
            auto *timer = new QTimer(socket);
            QObject::connect(timer, &QTimer::timeout, socket, [socket, left] {
                if (!left->isEmpty()) {
                    socket->write(left->left(1));
                    left->remove(0, 1);
                }
            });
            timer->start(trickleMs);
            break;
        }
        case Fault::ChunkedCut:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n"
                          "14\r\n{\"code\":200,\"msg\":\"s\r\n"
                          "40\r\nuccess\",\"data\":{\"taskId\"");
            socket->flush();
            QTimer::singleShot(20, socket, [socket] { socket->disconnectFromHost(); });
            break;
        case Fault::Huge:
            startHuge(socket);
            break;
        case Fault::Canned:
            socket->write(canned);
            socket->disconnectFromHost();
            break;
        }
    }

    // The body is made as the client reads it: never more than a few hundred KiB in memory.
    void startHuge(QTcpSocket *socket)
    {
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
        head += hugeAnnounced
                    ? QByteArray("Content-Length: " + QByteArray::number(hugeBytes) + "\r\n")
                    : QByteArray("Connection: close\r\n");
        socket->write(head + "\r\n{\"code\":200,\"msg\":\"");
        auto sent = std::make_shared<qint64>(19);
        const auto pump = [this, socket, sent] {
            static const QByteArray block(64 * 1024, 'x');
            while (socket->bytesToWrite() < 256 * 1024 && *sent < hugeBytes &&
                   socket->state() == QAbstractSocket::ConnectedState) {
                const qint64 n = std::min<qint64>(block.size(), hugeBytes - *sent);
                socket->write(block.constData(), n);
                *sent += n;
                m_hugeWritten += n;
            }
        };
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, pump);
        pump();
    }

    void forward(QTcpSocket *client, const QByteArray &request)
    {
        // Connection: close upstream, so that the next request comes on a new connection.
        QByteArray rewritten;
        const qsizetype end = request.indexOf("\r\n\r\n");
        const QList<QByteArray> lines = request.left(end).split('\n');
        for (const QByteArray &line : lines) {
            if (!line.toLower().startsWith("connection:")) {
                rewritten += line.trimmed() + "\r\n";
            }
        }
        rewritten += "Connection: close\r\n\r\n" + request.mid(end + 4);
        auto *up = new QTcpSocket(client);
        QPointer<QTcpSocket> guard(client);
        QObject::connect(up, &QTcpSocket::connected, up, [up, rewritten] { up->write(rewritten); });
        QObject::connect(up, &QTcpSocket::readyRead, client,
                         [up, client] { client->write(up->readAll()); });
        QObject::connect(up, &QTcpSocket::disconnected, client, [up, client] {
            client->write(up->readAll());
            client->disconnectFromHost();
        });
        up->connectToHost(m_upstream.host(), quint16(m_upstream.port()));
    }

    QTcpServer m_server;
    Fault m_fault = Fault::Pass;
    QUrl m_upstream;
    QHostAddress m_address;
    quint16 m_port = 0;
    int m_faultsServed = 0;
    int m_passed = 0;
    qint64 m_hugeWritten = 0;
    QList<QByteArray> m_heads;
};

} // namespace veo::test
