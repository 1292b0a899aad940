// Pictures of real videos: MP4s made here with ffmpeg (red for 0.6 s, then blue, so a picture
// from about a second in is blue), read by GStreamer offscreen from disk and streamed from
// FakeKieServer on 127.0.0.2 (a media host: never a credential). Timeouts are generous: the
// machine is shared.
#include "fakekieserver.h"
#include "mediahost.h"
#include "thumbnailcache.h"
#include "thumbnailer.h"

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace veo;

namespace {
constexpr int Timeout = 30000;

bool makeRedThenBlue(const QString &ffmpeg, const QString &path)
{
    QProcess p;
    p.start(ffmpeg, {QStringLiteral("-loglevel"),
                     QStringLiteral("error"),
                     QStringLiteral("-f"),
                     QStringLiteral("lavfi"),
                     QStringLiteral("-i"),
                     QStringLiteral("color=c=red:s=320x240:r=24:d=0.6"),
                     QStringLiteral("-f"),
                     QStringLiteral("lavfi"),
                     QStringLiteral("-i"),
                     QStringLiteral("color=c=blue:s=320x240:r=24:d=2.4"),
                     QStringLiteral("-filter_complex"),
                     QStringLiteral("[0:v][1:v]concat=n=2:v=1:a=0"),
                     QStringLiteral("-c:v"),
                     QStringLiteral("libx264"),
                     QStringLiteral("-pix_fmt"),
                     QStringLiteral("yuv420p"),
                     QStringLiteral("-movflags"),
                     QStringLiteral("+faststart"),
                     QStringLiteral("-y"),
                     path});
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool isBlue(const QImage &image)
{
    const QColor c = image.pixelColor(image.width() / 2, image.height() / 2);
    return c.blue() > 180 && c.red() < 80 && c.green() < 80;
}

bool isGreen(const QImage &image)
{
    const QColor c = image.pixelColor(image.width() / 2, image.height() / 2);
    return c.green() > 180 && c.red() < 80 && c.blue() < 80;
}

// A 4K upgrade's preview picture as KIE serves it: a JPEG in the video's size.
QByteArray greenJpeg(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::green);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG");
    return bytes;
}
} // namespace

class TestThumbnailer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void nothingForUnfinishedTasks();
    void fromTheLocalFile();
    void streamedFromTheMediaHost();
    void aCacheHitNeedsNoPlayer();
    void aFailedLinkIsNotTriedAgainUntilItChanges();
    void aVideoThatNeverAnswersTimesOut();
    void newestRequestsFirstAtMostParallel();
    void requestsScrolledAwayAreDropped();
    void a4kUpgradeShowsKiesPreviewPicture();
    void aPreviewPictureThatCannotBeHadFallsBackToTheVideo();
    void aGenerationsImageUrlsAreNotItsPicture();
    void aPictureThatNeverArrivesIsGivenUpInTime();
    void aFetchWhoseAskerWentIsDroppedSilently();

private:
    QUrl media(const QString &path) const;
    TaskRecord task(const QString &id, const QString &path) const;
    std::unique_ptr<Thumbnailer>
    make(const QString &cacheName, int parallel = 2,
         std::chrono::milliseconds timeout = std::chrono::milliseconds(Timeout),
         qint64 pictureMaxBytes = 8'000'000);
    int requestsFor(const QByteArray &path) const;
    QImage waitFor(Thumbnailer &thumbs, const TaskRecord &t);

    QTemporaryDir m_dir;
    QString m_clipPath;
    FakeKieServer m_server;
    QNetworkAccessManager m_network;
    QHash<QString, QString> m_localFiles; // task id -> downloaded copy
};

void TestThumbnailer::initTestCase()
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty()) {
        QSKIP("ffmpeg is needed to make the test videos (Debian package ffmpeg)");
    }
    QVERIFY(m_dir.isValid());
    m_clipPath = m_dir.filePath(QStringLiteral("clip.mp4"));
    QVERIFY(makeRedThenBlue(ffmpeg, m_clipPath));
    QFile clip(m_clipPath);
    QVERIFY(clip.open(QIODevice::ReadOnly));
    const QByteArray bytes = clip.readAll();
    QByteArray garbage(128 * 1024, Qt::Uninitialized);
    QRandomGenerator gen(42);
    for (char &c : garbage) {
        c = static_cast<char>(gen.bounded(256));
    }
    QVERIFY(m_server.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    for (int i = 0; i < 6; ++i) {
        m_server.addFile(QStringLiteral("/v/clip%1.mp4").arg(i), bytes, "video/mp4");
    }
    m_server.addFile(QStringLiteral("/v/garbage.mp4"), garbage, "video/mp4");
    m_server.addFile(QStringLiteral("/v/garbage-renewed.mp4"), garbage, "video/mp4");
    m_server.addFile(QStringLiteral("/i/preview.jpg"), greenJpeg({3840, 2160}), "image/jpeg");
    m_server.addFile(QStringLiteral("/i/garbage.jpg"), garbage, "image/jpeg");
    FakeKieServer::Response never;
    never.fault = FakeKieServer::Response::Fault::NeverAnswer;
    m_server.setRouteScript("/v/never.mp4", {never});
    m_server.setRouteScript("/i/never.jpg", {never});
}

void TestThumbnailer::init()
{
    m_server.clearRequests();
    m_localFiles.clear();
}

void TestThumbnailer::cleanup()
{
    // The media host never got a credential.
    const QList<FakeKieServer::Request> requests = m_server.requests();
    for (const FakeKieServer::Request &r : requests) {
        QVERIFY2(!r.headers.contains("authorization"), r.path.constData());
    }
}

QUrl TestThumbnailer::media(const QString &path) const
{
    QUrl url = m_server.baseUrl();
    url.setPath(path);
    return url;
}

TaskRecord TestThumbnailer::task(const QString &id, const QString &path) const
{
    TaskRecord t;
    t.taskId = id;
    t.status = TaskStatus::Succeeded;
    t.successFlag = 1;
    t.createTime = QDateTime::currentDateTimeUtc(); // KIE still has the videos
    t.completeTime = t.createTime;
    t.resultUrls = {media(path).toString()};
    return t;
}

std::unique_ptr<Thumbnailer> TestThumbnailer::make(const QString &cacheName, int parallel,
                                                   std::chrono::milliseconds timeout,
                                                   qint64 pictureMaxBytes)
{
    Thumbnailer::Options options;
    options.parallel = parallel;
    options.timeout = timeout;
    options.pictureMaxBytes = pictureMaxBytes;
    return std::make_unique<Thumbnailer>(
        std::make_unique<ThumbnailCache>(m_dir.filePath(cacheName)),
        [this](const QString &taskId, MediaKind, int) { return m_localFiles.value(taskId); },
        [this](const QUrl &url, qint64 maxBytes, std::chrono::milliseconds limit, QObject *context,
               auto done) {
            fetchMediaFile(&m_network, url, maxBytes, limit, context, std::move(done));
        },
        options);
}

int TestThumbnailer::requestsFor(const QByteArray &path) const
{
    const QList<FakeKieServer::Request> requests = m_server.requests();
    return int(std::count_if(requests.cbegin(), requests.cend(),
                             [&](const FakeKieServer::Request &r) { return r.path == path; }));
}

QImage TestThumbnailer::waitFor(Thumbnailer &thumbs, const TaskRecord &t)
{
    thumbs.thumbnail(t);
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(thumbs.state(t.taskId) == Thumbnailer::State::Ready ||
                                     thumbs.state(t.taskId) == Thumbnailer::State::Failed,
                                 Timeout);
    }();
    return thumbs.thumbnail(t);
}

void TestThumbnailer::nothingForUnfinishedTasks()
{
    auto thumbs = make(QStringLiteral("c0"));
    TaskRecord t = task(QStringLiteral("veo_generating"), QStringLiteral("/v/clip0.mp4"));
    t.status = TaskStatus::Generating;
    QVERIFY(thumbs->thumbnail(t).isNull());
    QCOMPARE(thumbs->state(t.taskId), Thumbnailer::State::None);
    // Succeeded long ago: KIE deleted the video and there is no copy on disk.
    TaskRecord old = task(QStringLiteral("veo_expired"), QStringLiteral("/v/clip0.mp4"));
    old.createTime = old.completeTime = QDateTime::currentDateTimeUtc().addDays(-20);
    QVERIFY(thumbs->thumbnail(old).isNull());
    QCOMPARE(thumbs->state(old.taskId), Thumbnailer::State::None);
    QTest::qWait(0);
    QCOMPARE(m_server.requests().size(), 0);
}

void TestThumbnailer::fromTheLocalFile()
{
    auto thumbs = make(QStringLiteral("c1"));
    const TaskRecord t = task(QStringLiteral("veo_local"), QStringLiteral("/v/clip0.mp4"));
    m_localFiles.insert(t.taskId, m_clipPath);
    QSignalSpy changed(thumbs.get(), &Thumbnailer::thumbnailChanged);
    QVERIFY(thumbs->thumbnail(t).isNull()); // not at hand yet: asked for
    QCOMPARE(thumbs->state(t.taskId), Thumbnailer::State::Waiting);
    const QImage image = waitFor(*thumbs, t);
    QVERIFY2(!image.isNull(), qPrintable(thumbs->error(t.taskId)));
    QCOMPARE(image.size(), QSize(256, 192)); // 320x240 scaled to 256 wide
    QVERIFY2(isBlue(image), "the picture is from about a second in, not the first frame");
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().constFirst().toString(), t.taskId);
    QCOMPARE(m_server.requests().size(), 0); // the downloaded copy, not the link
    QVERIFY(ThumbnailCache(m_dir.filePath(QStringLiteral("c1")))
                .contains(ThumbnailCache::key(t.taskId, QStringLiteral("result0"))));
}

void TestThumbnailer::streamedFromTheMediaHost()
{
    auto thumbs = make(QStringLiteral("c2"));
    const TaskRecord t = task(QStringLiteral("veo_stream"), QStringLiteral("/v/clip1.mp4"));
    const QImage image = waitFor(*thumbs, t);
    QVERIFY2(!image.isNull(), qPrintable(thumbs->error(t.taskId)));
    QVERIFY(isBlue(image));
    QVERIFY(requestsFor("/v/clip1.mp4") > 0);
    for (const FakeKieServer::Request &r : m_server.requests()) {
        QCOMPARE(r.localAddress, QHostAddress(QStringLiteral("127.0.0.2")));
    }
}

void TestThumbnailer::aCacheHitNeedsNoPlayer()
{
    const TaskRecord t = task(QStringLiteral("veo_cached"), QStringLiteral("/v/clip2.mp4"));
    {
        auto first = make(QStringLiteral("c3"));
        QVERIFY(!waitFor(*first, t).isNull());
    }
    // The next run: the same video's link is now one that nothing answers (port 1). A player
    // would fail on it; the cache answers without one.
    TaskRecord renewed = t;
    renewed.resultUrls = {QStringLiteral("http://127.0.0.2:1/gone.mp4")};
    auto second = make(QStringLiteral("c3"));
    QSignalSpy changed(second.get(), &Thumbnailer::thumbnailChanged);
    QVERIFY(second->thumbnail(renewed).isNull());
    QVERIFY(changed.wait(Timeout));
    QCOMPARE(second->state(t.taskId), Thumbnailer::State::Ready);
    QVERIFY(isBlue(second->thumbnail(renewed)));
    QCOMPARE(changed.count(), 1);
}

void TestThumbnailer::aFailedLinkIsNotTriedAgainUntilItChanges()
{
    auto thumbs = make(QStringLiteral("c4"));
    TaskRecord t = task(QStringLiteral("veo_garbage"), QStringLiteral("/v/garbage.mp4"));
    QVERIFY(waitFor(*thumbs, t).isNull());
    QCOMPARE(thumbs->state(t.taskId), Thumbnailer::State::Failed);
    QVERIFY(!thumbs->error(t.taskId).isEmpty());
    const int asked = requestsFor("/v/garbage.mp4");
    QVERIFY(asked > 0);
    // Views paint again and again: no retry storm.
    for (int i = 0; i < 20; ++i) {
        QVERIFY(thumbs->thumbnail(t).isNull());
        QCoreApplication::processEvents();
    }
    QCOMPARE(thumbs->state(t.taskId), Thumbnailer::State::Failed);
    QCOMPARE(requestsFor("/v/garbage.mp4"), asked);
    // A fresh link is tried.
    t.resultUrls = {media(QStringLiteral("/v/garbage-renewed.mp4")).toString()};
    thumbs->thumbnail(t);
    QCOMPARE(thumbs->state(t.taskId), Thumbnailer::State::Waiting);
    QVERIFY(waitFor(*thumbs, t).isNull());
    QVERIFY(requestsFor("/v/garbage-renewed.mp4") > 0);
}

void TestThumbnailer::aVideoThatNeverAnswersTimesOut()
{
    auto thumbs = make(QStringLiteral("c5"), 2, std::chrono::milliseconds(700));
    const TaskRecord t = task(QStringLiteral("veo_never"), QStringLiteral("/v/never.mp4"));
    QVERIFY(waitFor(*thumbs, t).isNull());
    QCOMPARE(thumbs->state(t.taskId), Thumbnailer::State::Failed);
    QVERIFY2(thumbs->error(t.taskId).contains(QLatin1String("second")),
             qPrintable(thumbs->error(t.taskId)));
}

void TestThumbnailer::newestRequestsFirstAtMostParallel()
{
    auto thumbs = make(QStringLiteral("c6"), 1);
    QList<TaskRecord> tasks;
    for (int i = 0; i < 3; ++i) {
        tasks << task(QStringLiteral("veo_queue_%1").arg(i),
                      QStringLiteral("/v/clip%1.mp4").arg(i + 3));
        thumbs->thumbnail(tasks.constLast());
    }
    QSignalSpy changed(thumbs.get(), &Thumbnailer::thumbnailChanged);
    QTRY_COMPARE(thumbs->state(tasks.at(2).taskId), Thumbnailer::State::Loading);
    QCOMPARE(thumbs->state(tasks.at(1).taskId), Thumbnailer::State::Waiting);
    QCOMPARE(thumbs->state(tasks.at(0).taskId), Thumbnailer::State::Waiting);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 3, 3 * Timeout);
    QStringList order;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        order << args.constFirst().toString();
    }
    QCOMPARE(order, (QStringList{tasks.at(2).taskId, tasks.at(1).taskId, tasks.at(0).taskId}));
    for (const TaskRecord &t : std::as_const(tasks)) {
        QCOMPARE(thumbs->state(t.taskId), Thumbnailer::State::Ready);
    }
}

void TestThumbnailer::requestsScrolledAwayAreDropped()
{
    auto thumbs = make(QStringLiteral("c7"), 1);
    const TaskRecord away = task(QStringLiteral("veo_away"), QStringLiteral("/v/clip0.mp4"));
    const TaskRecord shown = task(QStringLiteral("veo_shown"), QStringLiteral("/v/clip1.mp4"));
    thumbs->thumbnail(away);
    thumbs->thumbnail(shown);
    QTRY_COMPARE(thumbs->state(shown.taskId), Thumbnailer::State::Loading);
    thumbs->dropWaiting(); // scrolled: away's row is gone
    QCOMPARE(thumbs->state(away.taskId), Thumbnailer::State::None);
    QCOMPARE(thumbs->state(shown.taskId), Thumbnailer::State::Loading); // started: finishes
    QVERIFY(!waitFor(*thumbs, shown).isNull());
    QCoreApplication::processEvents();
    QCOMPARE(thumbs->state(away.taskId), Thumbnailer::State::None);
    QCOMPARE(requestsFor("/v/clip0.mp4"), 0);
}

void TestThumbnailer::a4kUpgradeShowsKiesPreviewPicture()
{
    auto thumbs = make(QStringLiteral("c8"));
    TaskRecord t = task(QStringLiteral("veo_4k"), QStringLiteral("/v/clip3.mp4"));
    t.kind = TaskKind::Veo4k;
    t.imageUrls = {media(QStringLiteral("/i/preview.jpg")).toString()};
    const QImage image = waitFor(*thumbs, t);
    QVERIFY2(!image.isNull(), qPrintable(thumbs->error(t.taskId)));
    QVERIFY2(isGreen(image), "KIE's picture, not a frame of the 4K video");
    QCOMPARE(image.size(), QSize(256, 144));
    QCOMPARE(requestsFor("/i/preview.jpg"), 1);
    QCOMPARE(requestsFor("/v/clip3.mp4"), 0); // no 4K video streamed for a picture
    QVERIFY(ThumbnailCache(m_dir.filePath(QStringLiteral("c8")))
                .contains(ThumbnailCache::key(t.taskId, QStringLiteral("result0"))));

    // Downloaded: the local copy is at hand, so nothing is fetched at all.
    m_server.clearRequests();
    auto other = make(QStringLiteral("c9"));
    TaskRecord local = t;
    local.taskId = QStringLiteral("veo_4k_local");
    m_localFiles.insert(local.taskId, m_clipPath);
    QVERIFY(isBlue(waitFor(*other, local)));
    QCOMPARE(m_server.requests().size(), 0);
}

void TestThumbnailer::aPreviewPictureThatCannotBeHadFallsBackToTheVideo()
{
    // Gone (404), not a picture, and larger than the limit (the JPEG is far over 1,000 bytes).
    const QStringList pictures = {QStringLiteral("/i/gone.jpg"), QStringLiteral("/i/garbage.jpg"),
                                  QStringLiteral("/i/preview.jpg")};
    auto thumbs = make(QStringLiteral("c10"), 2, std::chrono::milliseconds(Timeout), 1000);
    for (int i = 0; i < pictures.size(); ++i) {
        m_server.clearRequests();
        TaskRecord t = task(QStringLiteral("veo_4k_fallback%1").arg(i),
                            QStringLiteral("/v/clip%1.mp4").arg(i + 3));
        t.kind = TaskKind::Veo4k;
        t.imageUrls = {media(pictures.at(i)).toString()};
        const QImage image = waitFor(*thumbs, t);
        QVERIFY2(!image.isNull(), qPrintable(pictures.at(i) + thumbs->error(t.taskId)));
        QVERIFY2(isBlue(image), qPrintable(pictures.at(i)));
        QCOMPARE(requestsFor(pictures.at(i).toUtf8()), 1);
        QVERIFY(requestsFor(QStringLiteral("/v/clip%1.mp4").arg(i + 3).toUtf8()) > 0);
    }
}

void TestThumbnailer::aGenerationsImageUrlsAreNotItsPicture()
{
    // A generation's imageUrls are the pictures it started from: its picture is its video's.
    auto thumbs = make(QStringLiteral("c11"));
    TaskRecord t = task(QStringLiteral("veo_from_image"), QStringLiteral("/v/clip4.mp4"));
    t.imageUrls = {media(QStringLiteral("/i/preview.jpg")).toString()};
    QVERIFY(isBlue(waitFor(*thumbs, t)));
    QCOMPARE(requestsFor("/i/preview.jpg"), 0);
}

void TestThumbnailer::aPictureThatNeverArrivesIsGivenUpInTime()
{
    QObject context;
    bool called = false;
    QByteArray body("untouched");
    QString error;
    fetchMediaFile(&m_network, media(QStringLiteral("/i/never.jpg")), 1000,
                   std::chrono::milliseconds(1000), &context,
                   [&](const QByteArray &bytes, const QString &why) {
                       QVERIFY(!called); // once
                       called = true;
                       body = bytes;
                       error = why;
                   });
    QTRY_VERIFY_WITH_TIMEOUT(called, Timeout);
    QVERIFY(body.isEmpty());
    QCOMPARE(error, QStringLiteral("No answer within 1 second(s)."));
    QTest::qWait(200);
    QVERIFY(called);
}

void TestThumbnailer::aFetchWhoseAskerWentIsDroppedSilently()
{
    // The thumbnailer goes (the window closes) while a picture is on its way: the fetch is
    // aborted and nothing is called on what is gone.
    auto context = std::make_unique<QObject>();
    bool called = false;
    fetchMediaFile(&m_network, media(QStringLiteral("/i/never.jpg")), 1000,
                   std::chrono::milliseconds(500), context.get(),
                   [&called](const QByteArray &, const QString &) { called = true; });
    QTRY_COMPARE_WITH_TIMEOUT(requestsFor("/i/never.jpg"), 1, Timeout);
    context.reset();
    QTest::qWait(1000); // past the fetch's own deadline: its answer would have come by now
    QVERIFY(!called);
}

QTEST_MAIN(TestThumbnailer)
#include "tst_thumbnailer.moc"
