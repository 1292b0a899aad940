#pragma once

#include "waitfor.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrl>

namespace veo::test {

struct RawReply
{
    bool complete = false;
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-cased names
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    int code() const { return json().value(QLatin1String("code")).toInt(-1); } // KIE body code
    QString msg() const { return json().value(QLatin1String("msg")).toString(); }
};

// A raw HTTP/1.1 client, so a test sees exactly what goes over the wire (no QNAM retries,
// no decoding). Single-threaded: it spins the event loop while waiting. Waits are generous
// (15 s): they only bound a hang, and a loaded CI machine can stall for seconds.
class RawClient
{
public:
    bool connectTo(const QUrl &base)
    {
        m_socket.connectToHost(base.host(), quint16(base.port()));
        return waitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                       15000);
    }

    void send(const QByteArray &bytes) { m_socket.write(bytes); }

    RawReply get(const QByteArray &target, const QByteArray &extraHeaders = {})
    {
        send("GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extraHeaders + "\r\n");
        return read();
    }

    // Reads one response; incomplete when the server closed or timed out first.
    RawReply read(bool expectBody = true, int timeoutMs = 15000)
    {
        RawReply reply;
        waitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return parse(reply, expectBody) ||
                       m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
        if (!reply.complete) {
            m_buffer += m_socket.readAll();
            parse(reply, expectBody);
        }
        return reply;
    }

    QByteArray pending() const { return m_buffer; }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool waitForClose(int timeoutMs = 15000)
    {
        return waitFor(
            [this] {
                m_buffer += m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }

private:
    bool parse(RawReply &reply, bool expectBody)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            reply.headers.clear();
            return false;
        }
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        reply.status = lines.first().split(' ').value(1).toInt();
        reply.headers.clear();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            reply.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                 lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length =
            expectBody ? reply.headers.value("content-length").toLongLong() : 0;
        reply.body = m_buffer.mid(end + 4, length);
        if (m_buffer.size() < end + 4 + length) {
            return false;
        }
        reply.complete = true;
        m_buffer.remove(0, end + 4 + length);
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace veo::test
