// DownloadManager over loopback: complete downloads, resume (dropped connection, pause,
// restart of the app), queue and concurrency, cancel, fresh links, names, no credentials.
// Failures (disk, folder, size limit, HTTP, changed files) are in tst_downloadfailures.
#include "downloadfixture.h"
#include "downloadsidecar.h"
#include "downloadstore.h"
#include "taskstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace veo;
using namespace veo::test;
using Options = FakeKieServer::FileOptions;

namespace {
constexpr qsizetype MiB = 1024 * 1024;
// For a transfer that must still be running when the test acts on it: 3 MiB at this rate take
// 12 s, the first quarter MiB one. The fake server's throttle never catches up after a stall,
// so however slow the machine, the rest cannot arrive in one go before the test acts.
constexpr qint64 SlowBytesPerSecond = 256 * 1024;

Options throttled(qint64 bytesPerSecond, const QByteArray &etag = "\"v1\"")
{
    Options o;
    o.bytesPerSecond = bytesPerSecond;
    o.etag = etag;
    return o;
}
} // namespace

class TestDownloadManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup()
    {
        if (f.media) {
            QVERIFY2(f.noCredentialsSent(), "a media request carried credentials");
        }
        f.tearDown();
    }

    void completeDownload()
    {
        const QByteArray data = randomBytes(3 * MiB + 17, 1);
        f.media->addFile(QStringLiteral("/m/a.mp4"), data, "video/mp4");
        QSignalSpy added(f.manager.get(), &DownloadManager::added);
        QSignalSpy finished(f.manager.get(), &DownloadManager::finished);
        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/a.mp4"), QStringLiteral("a.mp4")));
        QCOMPARE(added.count(), 1);
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        const Download d = f.get(id);
        QCOMPARE(d.filePath, f.path(QStringLiteral("a.mp4")));
        QCOMPARE(d.bytesReceived, data.size());
        QCOMPARE(d.bytesTotal, data.size());
        QVERIFY(!d.error.isError());
        QCOMPARE(readAll(d.filePath), data);
        QVERIFY(!f.leftovers());
        QCOMPARE(finished.count(), 1);
        const auto gets = f.gets(*f.media);
        QCOMPARE(gets.size(), 1);
        QVERIFY(!gets.first().headers.contains("range"));
        QCOMPARE(gets.first().headers.value("accept-encoding"), QByteArray("identity"));
    }

    void realVideo()
    {
        // A real H.264/AAC MP4 made now with ffmpeg (a test dependency, see linux-test-env.md).
        const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
        QVERIFY2(!ffmpeg.isEmpty(), "ffmpeg is required by the tests");
        const QString clip = f.path(QStringLiteral("source-clip.bin"));
        QProcess p;
        p.start(ffmpeg,
                {QStringLiteral("-loglevel"), QStringLiteral("error"),
                 QStringLiteral("-f"),        QStringLiteral("lavfi"),
                 QStringLiteral("-i"),        QStringLiteral("testsrc=size=320x240:rate=24"),
                 QStringLiteral("-f"),        QStringLiteral("lavfi"),
                 QStringLiteral("-i"),        QStringLiteral("sine=frequency=440"),
                 QStringLiteral("-t"),        QStringLiteral("2"),
                 QStringLiteral("-c:v"),      QStringLiteral("libx264"),
                 QStringLiteral("-pix_fmt"),  QStringLiteral("yuv420p"),
                 QStringLiteral("-c:a"),      QStringLiteral("aac"),
                 QStringLiteral("-movflags"), QStringLiteral("+faststart"),
                 QStringLiteral("-f"),        QStringLiteral("mp4"),
                 QStringLiteral("-y"),        clip});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray video = readAll(clip);
        QVERIFY(video.size() > 1000);
        QCOMPARE(video.mid(4, 4), QByteArray("ftyp"));
        f.media->addFileFromDisk(QStringLiteral("/v/clip.mp4"), clip, "video/mp4");
        const int id = f.manager->enqueue(
            f.request(QStringLiteral("/v/clip.mp4"), QStringLiteral("clip.mp4")));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QCOMPARE(readAll(f.get(id).filePath), video);
    }

    void resumeAfterDroppedConnection()
    {
        const QByteArray data = randomBytes(4 * MiB, 2);
        Options o;
        o.etag = "\"abc\"";
        o.dropAfterBytes = 3 * MiB / 2;
        f.media->addFile(QStringLiteral("/m/b.mp4"), data, "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/b.mp4"), o);
        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/b.mp4"), QStringLiteral("b.mp4")));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QCOMPARE(readAll(f.get(id).filePath), data);
        const auto gets = f.gets(*f.media);
        QCOMPARE(gets.size(), 2);
        QCOMPARE(gets.at(1).headers.value("range"),
                 QByteArray("bytes=" + QByteArray::number(3 * MiB / 2) + '-'));
        QCOMPARE(gets.at(1).headers.value("if-range"), QByteArray("\"abc\""));
        QVERIFY(f.media->fileBytesSent() < 2 * data.size());
        QCOMPARE(f.media->fileBytesSent(), data.size()); // not one byte twice
        QVERIFY(!f.leftovers());
    }

    void dropsEveryTimeStillFinish()
    {
        // Each attempt makes progress, so automatic retries do not run out.
        const QByteArray data = randomBytes(2 * MiB, 3);
        Options o;
        o.lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
        o.dropAfterBytes = MiB / 2;
        o.dropEveryTime = true;
        f.media->addFile(QStringLiteral("/m/c.mp4"), data, "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/c.mp4"), o);
        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/c.mp4"), QStringLiteral("c.mp4")));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QCOMPARE(readAll(f.get(id).filePath), data);
        const auto gets = f.gets(*f.media);
        QCOMPARE(gets.size(), 4);
        QCOMPARE(gets.at(3).headers.value("if-range"), o.lastModified);
    }

    void restartOfTheApp()
    {
        // The store the app keeps: unfinished downloads survive; the .part continues.
        const QString db = f.path(QStringLiteral("tasks.sqlite"));
        TaskStore tasks;
        QCOMPARE(tasks.open(db), TaskStore::OpenResult::Opened);
        DownloadStore store;
        QVERIFY2(store.open(db), qPrintable(store.errorString()));
        f.manager->setStore(&store);

        const QByteArray data = randomBytes(3 * MiB, 4);
        f.media->addFile(QStringLiteral("/m/d.mp4"), data, "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/d.mp4"), throttled(SlowBytesPerSecond));
        DownloadRequest r = f.request(QStringLiteral("/m/d.mp4"), QStringLiteral("d.mp4"), 1);
        r.kind = MediaKind::Origin;
        const int id = f.manager->enqueue(r);
        QVERIFY(f.waitForBytes(id, MiB / 4));
        // Atomic: the final name appears only at the end.
        QVERIFY(!QFile::exists(f.path(QStringLiteral("d.mp4"))));
        QVERIFY(QFile::exists(f.path(QStringLiteral("d.mp4.part"))));
        QVERIFY(QFile::exists(f.path(QStringLiteral("d.mp4.part.json"))));

        f.manager.reset(); // the app quits mid-transfer
        const qint64 kept = QFileInfo(f.path(QStringLiteral("d.mp4.part"))).size();
        QVERIFY(kept >= MiB / 4 && kept < data.size());
        QCOMPARE(readAll(f.path(QStringLiteral("d.mp4.part"))), data.left(kept));

        f.media->setFileOptions(QStringLiteral("/m/d.mp4"), throttled(0));
        f.newManager();
        f.manager->setStore(&store);
        const QList<Download> saved = store.loadUnfinished();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().request.fileName, QStringLiteral("d.mp4"));
        QCOMPARE(saved.first().request.kind, MediaKind::Origin);
        const QList<int> ids = f.manager->restore(saved);
        QCOMPARE(ids.size(), 1);
        QVERIFY(f.waitForState(ids.first(), DownloadState::Completed));
        QCOMPARE(readAll(f.path(QStringLiteral("d.mp4"))), data);
        const auto gets = f.gets(*f.media);
        QVERIFY(gets.size() >= 2);
        QCOMPARE(gets.last().headers.value("range"),
                 QByteArray("bytes=" + QByteArray::number(kept) + '-'));
        QVERIFY(f.media->fileBytesSent() < 2 * data.size());
        // The task's local file is known; nothing is left to restore.
        QCOMPARE(store.localFile(QStringLiteral("veo_task_1"), MediaKind::Origin, 1),
                 f.path(QStringLiteral("d.mp4")));
        QVERIFY(store.localFile(QStringLiteral("veo_task_1"), MediaKind::Result, 1).isEmpty());
        QVERIFY(store.loadUnfinished().isEmpty());
        f.manager.reset();
    }

    void concurrencyLimitAndOrder()
    {
        QCOMPARE(f.manager->maxConcurrent(), DownloadManager::DefaultMaxConcurrent);
        QCOMPARE(DownloadManager::DefaultMaxConcurrent, 3);
        QList<QByteArray> files;
        QList<int> ids;
        int peak = 0;
        QList<int> startOrder;
        connect(f.manager.get(), &DownloadManager::changed, this, [&](int id) {
            peak = std::max(peak, f.manager->runningCount());
            if (f.get(id).state == DownloadState::Running && !startOrder.contains(id)) {
                startOrder.append(id);
            }
        });
        for (int i = 0; i < 5; ++i) {
            files.append(randomBytes(256 * 1024, quint32(10 + i)));
            const QString path = QStringLiteral("/m/q%1.mp4").arg(i);
            f.media->addFile(path, files.last(), "video/mp4");
            f.media->setFileOptions(path, throttled(1 * MiB));
            ids.append(f.manager->enqueue(f.request(path, QStringLiteral("q%1.mp4").arg(i), i)));
        }
        QCOMPARE(f.manager->runningCount(), 3);
        QCOMPARE(f.get(ids.at(3)).state, DownloadState::Queued);
        QCOMPARE(f.get(ids.at(4)).state, DownloadState::Queued);
        int peakStreams = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                peakStreams = std::max(peakStreams, f.media->activeFileStreams());
                return std::all_of(ids.cbegin(), ids.cend(), [&](int id) {
                    return f.get(id).state == DownloadState::Completed;
                });
            },
            30000));
        QCOMPARE(peak, 3);
        QVERIFY(peakStreams <= 3);
        QCOMPARE(startOrder, ids);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(readAll(f.get(ids.at(i)).filePath), files.at(i));
        }
    }

    void pauseAndResume()
    {
        const QByteArray data = randomBytes(3 * MiB, 5);
        f.media->addFile(QStringLiteral("/m/p.mp4"), data, "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/p.mp4"), throttled(SlowBytesPerSecond));
        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/p.mp4"), QStringLiteral("p.mp4")));
        QVERIFY(f.waitForBytes(id, MiB / 4));
        QVERIFY(f.manager->pause(id));
        QCOMPARE(f.get(id).state, DownloadState::Paused);
        const qint64 kept = QFileInfo(f.path(QStringLiteral("p.mp4.part"))).size();
        // Bytes still in the socket would reach the .part within this; a paused download
        // signals nothing, and the throttled server keeps sending, so no request marks the end.
        QTest::qWait(300);
        QCOMPARE(QFileInfo(f.path(QStringLiteral("p.mp4.part"))).size(), kept);
        QCOMPARE(f.get(id).bytesReceived, kept);
        QVERIFY(!QFile::exists(f.path(QStringLiteral("p.mp4"))));
        QVERIFY(!f.manager->pause(id));
        f.media->setFileOptions(QStringLiteral("/m/p.mp4"), throttled(0)); // the rest at once
        QVERIFY(f.manager->resume(id));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QCOMPARE(readAll(f.path(QStringLiteral("p.mp4"))), data);
        QCOMPARE(f.gets(*f.media).last().headers.value("range"),
                 QByteArray("bytes=" + QByteArray::number(kept) + '-'));
    }

    void pauseQueued()
    {
        f.manager->setMaxConcurrent(1);
        f.media->addFile(QStringLiteral("/m/s1.mp4"), randomBytes(MiB, 6), "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/s1.mp4"), throttled(2 * MiB));
        f.media->addFile(QStringLiteral("/m/s2.mp4"), randomBytes(1000, 7), "video/mp4");
        const int first =
            f.manager->enqueue(f.request(QStringLiteral("/m/s1.mp4"), QStringLiteral("s1.mp4")));
        const int second =
            f.manager->enqueue(f.request(QStringLiteral("/m/s2.mp4"), QStringLiteral("s2.mp4"), 1));
        QVERIFY(f.manager->pause(second));
        QVERIFY(f.waitForState(first, DownloadState::Completed));
        // The one free slot goes to a later download, not to the paused one.
        f.media->addFile(QStringLiteral("/m/s3.mp4"), randomBytes(1000, 8), "video/mp4");
        const int third =
            f.manager->enqueue(f.request(QStringLiteral("/m/s3.mp4"), QStringLiteral("s3.mp4"), 2));
        QVERIFY(f.waitForState(third, DownloadState::Completed));
        QCOMPARE(f.get(second).state, DownloadState::Paused);
        const auto gets = f.gets(*f.media);
        QVERIFY(std::none_of(gets.cbegin(), gets.cend(),
                             [](const auto &r) { return r.path == "/m/s2.mp4"; }));
        QVERIFY(f.manager->retry(second)); // retry works on a paused download too
        QVERIFY(f.waitForState(second, DownloadState::Completed));
    }

    void cancelDeletesThePart()
    {
        const QByteArray data = randomBytes(3 * MiB, 8);
        f.media->addFile(QStringLiteral("/m/x.mp4"), data, "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/x.mp4"), throttled(SlowBytesPerSecond));
        QSignalSpy finished(f.manager.get(), &DownloadManager::finished);
        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/x.mp4"), QStringLiteral("x.mp4")));
        QVERIFY(f.waitForBytes(id, MiB / 4));
        QVERIFY(f.manager->cancel(id));
        QCOMPARE(f.get(id).state, DownloadState::Cancelled);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!f.leftovers());
        QVERIFY(!QFile::exists(f.path(QStringLiteral("x.mp4"))));
        QVERIFY(!f.manager->cancel(id));
        // Retrying a cancelled download starts from nothing.
        f.media->setFileOptions(QStringLiteral("/m/x.mp4"), throttled(0));
        QVERIFY(f.manager->retry(id));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QCOMPARE(readAll(f.path(QStringLiteral("x.mp4"))), data);
        QVERIFY(!f.gets(*f.media).last().headers.contains("range"));
        f.manager->clearFinished();
        QVERIFY(f.manager->list().isEmpty());
    }

    void freshLinkAfterExpiry_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("403") << 403;
        QTest::newRow("404") << 404;
        QTest::newRow("410") << 410;
    }

    void freshLinkAfterExpiry()
    {
        QFETCH(int, status);
        const QByteArray data = randomBytes(MiB, 9);
        f.media->addFile(QStringLiteral("/m/e.mp4"), data, "video/mp4");
        FakeKieServer::Response gone;
        gone.httpStatus = status;
        gone.body = "<Error><Code>AccessDenied</Code></Error>";
        gone.headers = {{"Content-Type", "application/xml"}};
        f.media->setRouteScript("/m/e.mp4", {gone}); // the old link stays dead
        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/e.mp4"), QStringLiteral("e.mp4")));
        QVERIFY(f.waitForState(id, DownloadState::Failed));
        QCOMPARE(f.get(id).error.category, DownloadError::Category::LinkExpired);
        QCOMPARE(f.get(id).error.httpStatus, status);
        QVERIFY(!f.get(id).error.text().isEmpty());
        QCOMPARE(f.gets(*f.media).size(), 1); // not retried automatically: a new link is needed
        QVERIFY(f.manager->setUrl(id, f.mediaUrl(QStringLiteral("/dl/m/e.mp4"))));
        QVERIFY(f.manager->retry(id));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QCOMPARE(readAll(f.path(QStringLiteral("e.mp4"))), data); // no error page inside
        QCOMPARE(f.get(id).request.originalUrl(), f.mediaUrl(QStringLiteral("/m/e.mp4")));
    }

    void credentialsInTheUrlAreNotSent()
    {
        f.media->addFile(QStringLiteral("/m/u.mp4"), "video", "video/mp4");
        DownloadRequest r = f.request(QStringLiteral("/m/u.mp4"), QStringLiteral("u.mp4"));
        r.url.setUserInfo(QStringLiteral("user:secret"));
        const int id = f.manager->enqueue(r);
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QCOMPARE(f.gets(*f.media).size(), 1);
        QVERIFY(f.noCredentialsSent());
    }

    void followsRedirectsWithoutCredentials()
    {
        // A media link may redirect to another host (as presigned storage links do).
        const QByteArray data = randomBytes(100000, 14);
        f.api->addFile(QStringLiteral("/moved/r.mp4"), data, "video/mp4");
        QUrl target = f.api->baseUrl();
        target.setPath(QStringLiteral("/moved/r.mp4"));
        FakeKieServer::Response moved;
        moved.httpStatus = 302;
        moved.headers = {{"Location", target.toEncoded()}};
        f.media->setRouteScript("/m/r.mp4", {moved});
        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/r.mp4"), QStringLiteral("r.mp4")));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QVERIFY(readAll(f.path(QStringLiteral("r.mp4"))) == data);
        const auto apiRequests = f.api->requests();
        QCOMPARE(apiRequests.size(), 1);
        QVERIFY(!apiRequests.first().headers.contains("authorization"));
    }

    void neverOverwritesAFile()
    {
        QVERIFY(writeFile(f.path(QStringLiteral("clip.mp4")), "old"));
        f.media->addFile(QStringLiteral("/m/clip.mp4"), "new", "video/mp4");
        const int id = f.manager->enqueue(
            f.request(QStringLiteral("/m/clip.mp4"), QStringLiteral("clip.mp4")));
        QCOMPARE(f.get(id).request.fileName, QStringLiteral("clip (2).mp4"));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QCOMPARE(readAll(f.path(QStringLiteral("clip.mp4"))), QByteArray("old"));
        QCOMPARE(readAll(f.path(QStringLiteral("clip (2).mp4"))), QByteArray("new"));

        // Two queued downloads with the same name get different names.
        const int a = f.manager->enqueue(
            f.request(QStringLiteral("/m/clip.mp4"), QStringLiteral("same.mp4"), 1));
        const int b = f.manager->enqueue(
            f.request(QStringLiteral("/m/clip.mp4"), QStringLiteral("same.mp4"), 2));
        QCOMPARE(f.get(b).request.fileName, QStringLiteral("same (2).mp4"));
        QVERIFY(f.waitForState(a, DownloadState::Completed));
        QVERIFY(f.waitForState(b, DownloadState::Completed));

        // A file that appears under the final name during the download is kept. The download
        // must still be running when the file appears, and finish afterwards: 8 s.
        const QByteArray data = randomBytes(MiB / 2, 11);
        f.media->addFile(QStringLiteral("/m/race.mp4"), data, "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/race.mp4"), throttled(MiB / 16));
        const int c = f.manager->enqueue(
            f.request(QStringLiteral("/m/race.mp4"), QStringLiteral("race.mp4"), 3));
        QVERIFY(f.waitForBytes(c, 1000));
        QVERIFY(writeFile(f.path(QStringLiteral("race.mp4")), "someone else's"));
        QVERIFY(f.waitForState(c, DownloadState::Completed));
        QCOMPARE(f.get(c).filePath, f.path(QStringLiteral("race (2).mp4")));
        QCOMPARE(readAll(f.path(QStringLiteral("race.mp4"))), QByteArray("someone else's"));
        QCOMPARE(readAll(f.path(QStringLiteral("race (2).mp4"))), data);
    }

    void unsafeNameStaysInTheFolder()
    {
        f.media->addFile(QStringLiteral("/m/n.mp4"), "n", "video/mp4");
        const int id = f.manager->enqueue(
            f.request(QStringLiteral("/m/n.mp4"), QStringLiteral("../../escape:me?.mp4")));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QCOMPARE(QFileInfo(f.get(id).filePath).absolutePath(), QDir(f.dir->path()).absolutePath());
    }

    void sameVideoIsNotQueuedTwice()
    {
        f.media->addFile(QStringLiteral("/m/t.mp4"), randomBytes(MiB, 12), "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/t.mp4"), throttled(4 * MiB));
        const DownloadRequest r = f.request(QStringLiteral("/m/t.mp4"), QStringLiteral("t.mp4"));
        const int id = f.manager->enqueue(r);
        QCOMPARE(f.manager->enqueue(r), id);
        QCOMPARE(f.manager->findActive(r.taskId, r.kind, r.index), id);
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QCOMPARE(f.manager->findActive(r.taskId, r.kind, r.index), 0);
        QVERIFY(f.manager->enqueue(r) != id); // downloading it again is a new download
    }

    void speedAndEta()
    {
        // 20 s at 1 MiB/s: still running, with a speed and an ETA, however slow the machine.
        f.media->addFile(QStringLiteral("/m/sp.mp4"), randomBytes(20 * MiB, 13), "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/sp.mp4"), throttled(MiB));
        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/sp.mp4"), QStringLiteral("sp.mp4")));
        QTRY_VERIFY_WITH_TIMEOUT(f.get(id).bytesReceived >= 3 * MiB / 2 && f.get(id).speed > 0,
                                 15000);
        const Download d = f.get(id);
        QCOMPARE(d.state, DownloadState::Running);
        QCOMPARE(d.bytesTotal, 20 * MiB);
        // Smoothed over about a second: a stall pulls it down for a while, a burst after one
        // up, but not by a factor of four (the server never sends faster than 1 MiB/s).
        QVERIFY2(d.speed > 0.25 * MiB && d.speed < 4.0 * MiB, qPrintable(QString::number(d.speed)));
        // 18.5 MiB or less to go, at that speed.
        QVERIFY2(d.etaSeconds >= 1 && d.etaSeconds <= 80,
                 qPrintable(QString::number(d.etaSeconds)));
        QVERIFY(f.manager->cancel(id));
    }

    void sidecar()
    {
        TaskRecord t;
        t.taskId = QStringLiteral("veo_side");
        t.prompt = QStringLiteral("雪地里的狐狸");
        t.paramJson = QStringLiteral("{\"prompt\":\"x\",\"model\":\"veo3\"}");
        t.resolution = QStringLiteral("1080p");
        t.createTime = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        const QString media = f.path(QStringLiteral("fox.mp4"));
        const QUrl url(QStringLiteral("https://tempfile.example/fox.mp4"));
        QVERIFY(writeSidecar(t, media, url));
        QCOMPARE(sidecarPath(media), media + QStringLiteral(".json"));
        const QJsonObject o = QJsonDocument::fromJson(readAll(sidecarPath(media))).object();
        QCOMPARE(o.value(QLatin1String("taskId")).toString(), t.taskId);
        QCOMPARE(o.value(QLatin1String("prompt")).toString(), t.prompt);
        QCOMPARE(o.value(QLatin1String("paramJson")).toObject().value(QLatin1String("model")),
                 QJsonValue(QStringLiteral("veo3")));
        QCOMPARE(o.value(QLatin1String("resolution")).toString(), t.resolution);
        QCOMPARE(o.value(QLatin1String("createTime")).toString(),
                 QStringLiteral("2026-01-02T03:04:05.000Z"));
        QVERIFY(o.value(QLatin1String("completeTime")).isNull());
        QCOMPARE(o.value(QLatin1String("sourceUrl")).toString(), url.toString());
        QCOMPARE(o.value(QLatin1String("file")).toString(), QStringLiteral("fox.mp4"));
        QString error;
        QVERIFY(!writeSidecar(t, f.path(QStringLiteral("missing/dir/x.mp4")), url, &error));
        QVERIFY(!error.isEmpty());
    }

private:
    DownloadFixture f;
};

QTEST_GUILESS_MAIN(TestDownloadManager)
#include "tst_downloadmanager.moc"
