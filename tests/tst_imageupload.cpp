#include "fakekieserver.h"
#include "imageupload.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace veo;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(veo::FakeKieServer::Response)

namespace {

const QString Token = QStringLiteral("sk-upload-0123456789abcdef");
const QByteArray PngMagic = QByteArrayLiteral("\x89PNG\r\n\x1a\n\0\0\0\rIHDR");

// A file whose content starts like a PNG (what the upload checks), padded to size bytes with
// a pattern so that a byte out of place changes the hash.
QString writeImage(const QTemporaryDir &dir, const QString &name, qint64 size)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    file.write(PngMagic);
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < chunk.size(); ++i) {
        chunk[i] = char((i * 131 + 7) & 0xff);
    }
    for (qint64 left = size - PngMagic.size(); left > 0; left -= chunk.size()) {
        file.write(chunk.constData(), std::min<qint64>(left, chunk.size()));
    }
    return path;
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (file.open(QIODevice::ReadOnly)) {
        hash.addData(&file);
    }
    return hash.result();
}

struct Outcome
{
    QString problem;
    QUrl url;
    QList<QPair<qint64, qint64>> progress;
};

Outcome runUpload(QNetworkAccessManager &network, const QUrl &origin, const QString &token,
                  const QString &path)
{
    ImageUpload upload(&network, origin, token, path);
    Outcome outcome;
    bool done = false;
    QObject::connect(&upload, &ImageUpload::progress,
                     [&](qint64 sent, qint64 total) { outcome.progress.append({sent, total}); });
    QObject::connect(&upload, &ImageUpload::finished, [&](const QString &problem, const QUrl &url) {
        outcome.problem = problem;
        outcome.url = url;
        done = true;
    });
    upload.start();
    if (!QTest::qWaitFor([&] { return done; }, 60000)) {
        outcome.problem = QStringLiteral("(test) no answer within 60 s");
    }
    return outcome;
}

} // namespace

class TestImageUpload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeKieServer>();
        QVERIFY(m_server->listen());
        QVERIFY(m_dir.isValid());
    }

    void origins()
    {
        QCOMPARE(ImageUpload::uploadOrigin(QUrl(QStringLiteral("https://api.kie.ai"))),
                 QUrl(QStringLiteral("https://kieai.redpandaai.co")));
        // Any other API base (the demo's, a test's, a proxy) answers uploads itself: the token
        // never goes to a third origin.
        const QUrl local(QStringLiteral("http://127.0.0.1:8123"));
        QCOMPARE(ImageUpload::uploadOrigin(local), local);
    }

    // The file arrives whole in the documented form (file, uploadPath, fileName), with the
    // token in the header only; the address comes from data.downloadUrl and serves the file.
    void uploadsTheFileAndReturnsItsAddress()
    {
        const QString path = writeImage(m_dir, QStringLiteral("first frame (été).png"), 300000);
        QNetworkAccessManager network;
        const Outcome outcome = runUpload(network, m_server->baseUrl(), Token, path);
        QVERIFY2(outcome.problem.isEmpty(), qPrintable(outcome.problem));

        QCOMPARE(m_server->uploads().size(), 1);
        const FakeKieServer::Upload upload = m_server->uploads().constFirst();
        QCOMPARE(upload.key, Token);
        QCOMPARE(upload.folder, QString::fromLatin1(ImageUpload::UploadFolder));
        QCOMPARE(upload.contentType, QByteArray("image/png"));
        QCOMPARE(upload.size, 300000);
        QCOMPARE(upload.sha256, sha256Of(path));
        // A random part keeps two uploads of one name apart (KIE overwrites equal names); the
        // rest is the name in plain characters.
        QVERIFY2(upload.fileName.endsWith(QLatin1String("-first_frame___t__.png")),
                 qPrintable(upload.fileName));
        QCOMPARE(outcome.url, upload.url);

        const FakeKieServer::Request request = m_server->requests().constFirst();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray(ImageUpload::StreamUploadPath));
        QCOMPARE(request.headers.value("authorization"), "Bearer " + Token.toLatin1());
        QVERIFY(!request.query.toString().contains(Token));

        // Progress climbs to the whole request.
        QVERIFY(!outcome.progress.isEmpty());
        for (qsizetype i = 1; i < outcome.progress.size(); ++i) {
            QVERIFY(outcome.progress.at(i).first >= outcome.progress.at(i - 1).first);
        }
        QCOMPARE(outcome.progress.constLast().first, outcome.progress.constLast().second);
        QVERIFY(outcome.progress.constLast().second > 300000);

        // The address serves what was sent.
        QNetworkReply *reply = network.get(QNetworkRequest(outcome.url));
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
        QCOMPARE(QCryptographicHash::hash(reply->readAll(), QCryptographicHash::Sha256),
                 upload.sha256);
        reply->deleteLater();
    }

    // Two uploads of the same file are two files at KIE, not one overwriting the other.
    void sameNameTwiceKeepsBoth()
    {
        const QString path = writeImage(m_dir, QStringLiteral("frame.png"), 2000);
        QNetworkAccessManager network;
        const Outcome a = runUpload(network, m_server->baseUrl(), Token, path);
        const Outcome b = runUpload(network, m_server->baseUrl(), Token, path);
        QVERIFY(a.problem.isEmpty() && b.problem.isEmpty());
        QVERIFY(a.url != b.url);
    }

    // 20 MiB goes out in many pieces as it is read (the progress of a streamed body), and
    // arrives intact. Memory is measured on the real program in tst_cli.
    void twentyMebibytesInPieces()
    {
        const qint64 size = 20 * 1024 * 1024;
        const QString path = writeImage(m_dir, QStringLiteral("big.png"), size);
        QNetworkAccessManager network;
        const Outcome outcome = runUpload(network, m_server->baseUrl(), Token, path);
        QVERIFY2(outcome.problem.isEmpty(), qPrintable(outcome.problem));
        QCOMPARE(m_server->uploads().constFirst().size, size);
        QCOMPARE(m_server->uploads().constFirst().sha256, sha256Of(path));
        QVERIFY2(outcome.progress.size() >= 10, qPrintable(QString::number(outcome.progress.size())));
    }

    void refusedBeforeSending_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not an image") << "notes.png" << QByteArray("just some text\n") << Token
                                      << "not a JPEG, PNG or WebP image";
        QTest::newRow("missing") << "gone.png" << QByteArray() << Token << "cannot be read";
        QTest::newRow("empty") << "empty.png" << QByteArray("\0", 0) << Token << "is empty";
        QTest::newRow("no key") << "a.png" << PngMagic << QString() << "no usable API key";
        QTest::newRow("header injection") << "a.png" << PngMagic << "sk-1\r\nX-Evil: 1"
                                          << "no usable API key";
    }

    void refusedBeforeSending()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(QString, token);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath(fileName);
        if (fileName != QLatin1String("gone.png")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        QNetworkAccessManager network;
        const Outcome outcome = runUpload(network, m_server->baseUrl(), token, path);
        QVERIFY2(outcome.problem.contains(expected), qPrintable(outcome.problem));
        QVERIFY(outcome.url.isEmpty());
        QVERIFY(m_server->requests().isEmpty());
    }

    // The key would travel in clear text to another machine: refused, nothing sent.
    void refusesAnUnencryptedOrigin()
    {
        const QString path = writeImage(m_dir, QStringLiteral("a.png"), 100);
        QNetworkAccessManager network;
        const Outcome outcome =
            runUpload(network, QUrl(QStringLiteral("http://uploads.example.com")), Token, path);
        QVERIFY2(outcome.problem.contains(QLatin1String("unencrypted")), qPrintable(outcome.problem));
    }

    void serverProblems_data()
    {
        QTest::addColumn<FakeKieServer::Response>("response");
        QTest::addColumn<QString>("expected");
        QTest::newRow("401") << FakeKieServer::kieError(401, QStringLiteral("Unauthorized"), 401)
                             << "refused (401)";
        QTest::newRow("no downloadUrl")
            << FakeKieServer::okJson("{\"fileName\":\"a.png\",\"fileUrl\":\"https://x/a.png\"}")
            << "could not be read";
        QTest::newRow("not http") << FakeKieServer::okJson("{\"downloadUrl\":\"file:///etc/passwd\"}")
                                  << "could not be read";
        FakeKieServer::Response dropped;
        dropped.fault = FakeKieServer::Response::Fault::DropConnection;
        QTest::newRow("dropped") << dropped << "Could not reach KIE";
    }

    void serverProblems()
    {
        QFETCH(FakeKieServer::Response, response);
        QFETCH(QString, expected);
        m_server->setRouteScript(ImageUpload::StreamUploadPath, {response});
        const QString path = writeImage(m_dir, QStringLiteral("a.png"), 5000);
        QNetworkAccessManager network;
        const Outcome outcome = runUpload(network, m_server->baseUrl(), Token, path);
        QVERIFY2(outcome.problem.startsWith(QLatin1String("Could not upload a.png:")),
                 qPrintable(outcome.problem));
        QVERIFY2(outcome.problem.contains(expected), qPrintable(outcome.problem));
        QVERIFY(outcome.url.isEmpty());
    }

    // A stalled server fails the upload after the transfer timeout; an aborted upload never
    // reports.
    void stallAndAbort()
    {
        FakeKieServer::Response never;
        never.fault = FakeKieServer::Response::Fault::NeverAnswer;
        m_server->setRouteScript(ImageUpload::StreamUploadPath, {never});
        const QString path = writeImage(m_dir, QStringLiteral("a.png"), 5000);
        QNetworkAccessManager network;
        {
            ImageUpload upload(&network, m_server->baseUrl(), Token, path);
            upload.setTransferTimeout(300ms);
            QSignalSpy finished(&upload, &ImageUpload::finished);
            upload.start();
            QVERIFY(finished.wait(10000));
            QVERIFY2(finished.constFirst().constFirst().toString().contains(
                         QLatin1String("did not answer in time")),
                     qPrintable(finished.constFirst().constFirst().toString()));
        }
        ImageUpload upload(&network, m_server->baseUrl(), Token, path);
        QSignalSpy finished(&upload, &ImageUpload::finished);
        upload.start();
        QVERIFY(QTest::qWaitFor([&] { return m_server->requests().size() == 2; }, 10000));
        upload.abort();
        QVERIFY(!upload.isRunning());
        QVERIFY(!finished.wait(500));
    }

private:
    std::unique_ptr<FakeKieServer> m_server;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestImageUpload)
#include "tst_imageupload.moc"
