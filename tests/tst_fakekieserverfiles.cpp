// FakeKieServer's file options for download tests, seen on the wire: files served from disk,
// validators and If-Range, status overrides, dropped connections, throttling.
#include "fakekieserver.h"
#include "rawserverfixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace veo;
using veo::test::RawClient;
using veo::test::RawReply;
using Options = FakeKieServer::FileOptions;

namespace {

QByteArray pattern(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        data[i] = char('a' + (i * 7 + i / 251) % 26);
    }
    return data;
}

Options validators()
{
    Options o;
    o.etag = "\"v1\"";
    o.lastModified = "Tue, 01 Dec 2026 10:00:00 GMT";
    return o;
}

} // namespace

class TestFakeKieServerFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_net.setUp()); }
    void cleanup() { m_net.tearDown(); }

    void fileFromDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.bin"));
        const QByteArray data = pattern(3 * 1024 * 1024 + 5);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(data), data.size());
        file.close();
        m_net.server->addFileFromDisk(QStringLiteral("/d/big.bin"), path, "video/mp4");

        RawReply r = m_net.client->get("/d/big.bin");
        QVERIFY(r.complete);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), QByteArray("video/mp4"));
        QVERIFY(r.body == data);
        // Same connection: a range, then HEAD, then the /dl alias.
        r = m_net.client->get("/d/big.bin", "Range: bytes=1000000-1000099\r\n");
        QCOMPARE(r.status, 206);
        QCOMPARE(r.body, data.mid(1000000, 100));
        QCOMPARE(r.headers.value("content-range"),
                 "bytes 1000000-1000099/" + QByteArray::number(data.size()));
        m_net.client->send("HEAD /d/big.bin HTTP/1.1\r\nHost: t\r\n\r\n");
        r = m_net.client->read(false);
        QCOMPARE(r.headers.value("content-length").toLongLong(), data.size());
        r = m_net.client->get("/dl/d/big.bin", "Range: bytes=-3\r\n");
        QCOMPARE(r.body, data.right(3));
        QCOMPARE(m_net.server->fileBytesSent(), data.size() + 100 + 3);
        QCOMPARE(m_net.server->activeFileStreams(), 0);

        QVERIFY(QFile::remove(path)); // a vanished file is a server error, not a crash
        r = m_net.client->get("/d/big.bin");
        QCOMPARE(r.status, 500);
    }

    void validatorsAndIfRange_data()
    {
        QTest::addColumn<QByteArray>("ifRange");
        QTest::addColumn<bool>("honour");
        QTest::addColumn<int>("status");
        QTest::newRow("no If-Range") << QByteArray() << true << 206;
        QTest::newRow("same ETag") << QByteArray("\"v1\"") << true << 206;
        QTest::newRow("other ETag") << QByteArray("\"v0\"") << true << 200;
        QTest::newRow("weak ETag") << QByteArray("W/\"v1\"") << true << 200;
        QTest::newRow("same date") << QByteArray("Tue, 01 Dec 2026 10:00:00 GMT") << true << 206;
        QTest::newRow("other date") << QByteArray("Mon, 30 Nov 2026 10:00:00 GMT") << true << 200;
        QTest::newRow("ignored") << QByteArray("\"v0\"") << false << 206;
    }

    void validatorsAndIfRange()
    {
        QFETCH(QByteArray, ifRange);
        QFETCH(bool, honour);
        QFETCH(int, status);
        const QByteArray data = pattern(1000);
        m_net.server->addFile(QStringLiteral("/m/v.mp4"), data, "video/mp4");
        Options o = validators();
        o.honourIfRange = honour;
        m_net.server->setFileOptions(QStringLiteral("/m/v.mp4"), o);
        const QByteArray extra =
            "Range: bytes=500-\r\n" +
            (ifRange.isEmpty() ? QByteArray() : "If-Range: " + ifRange + "\r\n");
        const RawReply r = m_net.client->get("/m/v.mp4", extra);
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, status == 206 ? data.mid(500) : data);
        QCOMPARE(r.headers.value("etag"), o.etag);
        QCOMPARE(r.headers.value("last-modified"), o.lastModified);
    }

    void statusOverrides()
    {
        m_net.server->addFile(QStringLiteral("/m/s.mp4"), "video", "video/mp4");
        Options o;
        o.statuses = {403, 410};
        m_net.server->setFileOptions(QStringLiteral("/m/s.mp4"), o);
        QCOMPARE(m_net.client->get("/m/s.mp4").status, 403);
        QCOMPARE(m_net.client->get("/dl/m/s.mp4").status, 410); // the alias is the same file
        const RawReply r = m_net.client->get("/m/s.mp4");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("video"));
    }

    void dropAfterBytes_data()
    {
        QTest::addColumn<bool>("everyTime");
        QTest::newRow("once") << false;
        QTest::newRow("every time") << true;
    }

    void dropAfterBytes()
    {
        QFETCH(bool, everyTime);
        const QByteArray data = pattern(200000);
        m_net.server->addFile(QStringLiteral("/m/d.mp4"), data, "video/mp4");
        Options o;
        o.dropAfterBytes = 70000;
        o.dropEveryTime = everyTime;
        m_net.server->setFileOptions(QStringLiteral("/m/d.mp4"), o);
        m_net.client->send("GET /m/d.mp4 HTTP/1.1\r\nHost: t\r\n\r\n");
        const RawReply cut = m_net.client->read();
        QVERIFY(!cut.complete);
        QVERIFY(m_net.client->waitForClose());
        const QByteArray all = m_net.client->pending();
        QCOMPARE(all.size() - all.indexOf("\r\n\r\n") - 4, 70000); // exactly that many bytes
        QVERIFY(all.endsWith(data.left(70000)));

        RawClient again;
        QVERIFY(again.connectTo(m_net.server->baseUrl()));
        const RawReply second = again.get("/m/d.mp4", "Range: bytes=70000-\r\n");
        QCOMPARE(second.complete, !everyTime);
        if (!everyTime) {
            QCOMPARE(second.body, data.mid(70000));
        }
    }

    void throttle()
    {
        const QByteArray data = pattern(200 * 1024);
        m_net.server->addFile(QStringLiteral("/m/t.mp4"), data, "video/mp4");
        Options o;
        o.bytesPerSecond = 400 * 1024;
        m_net.server->setFileOptions(QStringLiteral("/m/t.mp4"), o);
        QElapsedTimer timer;
        timer.start();
        m_net.client->send("GET /m/t.mp4 HTTP/1.1\r\nHost: t\r\n\r\n");
        QTRY_COMPARE(m_net.server->activeFileStreams(), 1);
        const RawReply r = m_net.client->read();
        QVERIFY(r.complete);
        QVERIFY(r.body == data);
        QVERIFY2(timer.elapsed() >= 400, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_net.server->activeFileStreams(), 0);
        // The connection stays usable after a streamed body.
        QCOMPARE(m_net.client->get("/m/t.mp4", "Range: bytes=0-9\r\n").body, data.left(10));
    }

private:
    test::RawServerFixture m_net;
};

QTEST_GUILESS_MAIN(TestFakeKieServerFiles)
#include "tst_fakekieserverfiles.moc"
