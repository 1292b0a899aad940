// Real playback: GStreamer plays MP4s made here with ffmpeg and served by FakeKieServer on
// 127.0.0.2 (the "media host"), offscreen. Timeouts are generous: the machine is shared.
#include "fakekieserver.h"
#include "kieclient.h"
#include "mediahost.h"
#include "playercontrols.h"
#include "playerpane.h"

#include <QAudioOutput>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QLabel>
#include <QMediaMetaData>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QVideoWidget>
#include <algorithm>

using namespace veo;

namespace {
constexpr int Timeout = 20000;
const QString TaskId = QStringLiteral("veo_task_player");
// The test clips' length: long enough that a stall of a few seconds on a loaded machine
// cannot carry playback from one position a test waits for to the end of the clip.
constexpr qint64 ClipMs = 10000;

template <typename T = QAbstractButton> T *named(const QWidget *root, const QString &name)
{
    const QList<T *> all = root->findChildren<T *>();
    for (T *w : all) {
        if (w->accessibleName() == name) {
            return w;
        }
    }
    return nullptr;
}

TaskRecord succeeded(const QStringList &results, const QStringList &origins = {})
{
    TaskRecord t;
    t.taskId = TaskId;
    t.status = TaskStatus::Succeeded;
    t.successFlag = 1;
    t.resultUrls = results;
    t.originUrls = origins;
    return t;
}

bool makeClip(const QString &ffmpeg, const QString &path, const QString &size)
{
    QProcess p;
    p.start(ffmpeg,
            {QStringLiteral("-loglevel"), QStringLiteral("error"),
             QStringLiteral("-f"),        QStringLiteral("lavfi"),
             QStringLiteral("-i"),        QStringLiteral("testsrc=size=%1:rate=24").arg(size),
             QStringLiteral("-f"),        QStringLiteral("lavfi"),
             QStringLiteral("-i"),        QStringLiteral("sine=frequency=440"),
             QStringLiteral("-t"),        QString::number(ClipMs / 1000),
             QStringLiteral("-c:v"),      QStringLiteral("libx264"),
             QStringLiteral("-pix_fmt"),  QStringLiteral("yuv420p"),
             QStringLiteral("-c:a"),      QStringLiteral("aac"),
             QStringLiteral("-movflags"), QStringLiteral("+faststart"),
             QStringLiteral("-y"),        path});
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}
} // namespace

// QDesktopServices::setUrlHandler target: records instead of launching a browser.
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

// Marks every string of the player's contexts, to see a language change arrive.
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        const QByteArray c(context);
        if (c == "veo::PlayerPane" || c == "veo::PlayerControls" || c == "PlayerPane" ||
            c == "PlayerControls" || c == "MediaSource") {
            return QStringLiteral("XX ") + QString::fromUtf8(sourceText);
        }
        return QString();
    }
};

class TestPlayerPane : public QObject
{
    Q_OBJECT

public:
    QUrl media(const QString &path) const
    {
        QUrl url = m_server.baseUrl();
        url.setPath(path);
        return url;
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void formatTime_data();
    void formatTime();
    void classify_data();
    void classify();

    void placeholders();
    void switcherLabels();
    void accessibleNamesAndTooltips();
    void controlsEmitIntentsOnClicks();
    void controlsShortcuts();
    void retranslates();

    void playsToEnd();
    void pauseStopsPosition();
    void seekJumps();
    void refreshKeepsPlaying();
    void switchesSource();
    void loops();
    void volumeAndMute();
    void fullScreenAndEscape();
    void localFilePlaysFromDisk();
    void downloadFinishingSwitchesToDisk();
    void damagedLocalFileOffersOnlineCopy();
    void expiredLinkOffersFreshLink_data();
    void expiredLinkOffersFreshLink();
    void freshLinkFailureShown();
    void freshLinkEndToEnd();
    void networkErrorOffersRetry();
    void garbageGivesReadableError();
    void openInBrowserAndSystemPlayer();
    void mediaHostNeverSeesAuthorization();
    void browsingFetchesNothing();
    void topRowFitsAtAnyWidth_data();
    void topRowFitsAtAnyWidth();
    void screenshots();

private:
    void play(PlayerPane &pane);
    QString m_ffmpeg;
    QTemporaryDir m_dir;
    QByteArray m_resultClip;
    FakeKieServer m_server;
};

void TestPlayerPane::initTestCase()
{
    m_ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (m_ffmpeg.isEmpty()) {
        QSKIP("ffmpeg is needed to make the test videos (Debian package ffmpeg)");
    }
    QVERIFY(m_dir.isValid());
    QVERIFY(makeClip(m_ffmpeg, m_dir.filePath(QStringLiteral("result.mp4")),
                     QStringLiteral("320x240")));
    QVERIFY(makeClip(m_ffmpeg, m_dir.filePath(QStringLiteral("origin.mp4")),
                     QStringLiteral("180x320")));
    QFile result(m_dir.filePath(QStringLiteral("result.mp4")));
    QFile origin(m_dir.filePath(QStringLiteral("origin.mp4")));
    QVERIFY(result.open(QIODevice::ReadOnly) && origin.open(QIODevice::ReadOnly));
    m_resultClip = result.readAll();
    QByteArray garbage(256 * 1024, Qt::Uninitialized);
    QRandomGenerator gen(42);
    for (char &c : garbage) {
        c = static_cast<char>(gen.bounded(256));
    }
    QVERIFY(m_server.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    m_server.addFile(QStringLiteral("/v/result.mp4"), m_resultClip, "video/mp4");
    m_server.addFile(QStringLiteral("/v/origin.mp4"), origin.readAll(), "video/mp4");
    m_server.addFile(QStringLiteral("/v/garbage.mp4"), garbage, "video/mp4");
    FakeKieServer::Response forbidden;
    forbidden.httpStatus = 403;
    forbidden.body =
        "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>";
    forbidden.headers = {{"Content-Type", "application/xml"}};
    m_server.setRouteScript("/v/expired403.mp4", {forbidden});
    FakeKieServer::Response gone;
    gone.httpStatus = 410;
    gone.body = "gone\n";
    m_server.setRouteScript("/v/gone410.mp4", {gone});
}

void TestPlayerPane::init()
{
    m_server.clearRequests();
}

void TestPlayerPane::cleanup()
{
    // Whatever a test did, the media host never got a credential and was only asked as itself.
    const QList<FakeKieServer::Request> requests = m_server.requests();
    for (const FakeKieServer::Request &r : requests) {
        QVERIFY2(!r.headers.contains("authorization"), r.path.constData());
        QCOMPARE(r.localAddress, QHostAddress(QStringLiteral("127.0.0.2")));
    }
}

void TestPlayerPane::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
}

void TestPlayerPane::formatTime_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0:00");
    QTest::newRow("negative") << qint64(-5) << QStringLiteral("0:00");
    QTest::newRow("under a second") << qint64(999) << QStringLiteral("0:00");
    QTest::newRow("seconds") << qint64(8000) << QStringLiteral("0:08");
    QTest::newRow("minute") << qint64(65000) << QStringLiteral("1:05");
    QTest::newRow("59:59") << qint64(3599000) << QStringLiteral("59:59");
    QTest::newRow("hour") << qint64(3725000) << QStringLiteral("1:02:05");
    QTest::newRow("many hours") << qint64(36000000) << QStringLiteral("10:00:00");
}

void TestPlayerPane::formatTime()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(PlayerControls::formatTime(ms, QLocale::c()), expected);
    // Digits follow the locale (Arabic-Indic digits where the locale uses them).
    const QLocale arabic(QLocale::Arabic, QLocale::Egypt);
    QString localized = expected;
    for (QChar &c : localized) {
        if (c.isDigit()) {
            c = arabic.toString(c.digitValue()).at(0);
        }
    }
    QCOMPARE(PlayerControls::formatTime(ms, arabic), localized);
}

void TestPlayerPane::classify_data()
{
    QTest::addColumn<QMediaPlayer::Error>("error");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("local");
    QTest::addColumn<PlaybackProblem>("expected");
    using P = PlaybackProblem;
    using E = QMediaPlayer;
    QTest::newRow("404") << E::ResourceError << QStringLiteral("Not Found") << false
                         << P::LinkExpired;
    // Said before the connection error when a retried link gets nothing (flaky under ASan).
    QTest::newRow("nothing arrived")
        << E::ResourceError << QStringLiteral("Stream doesn't contain enough data.") << false
        << P::Network;
    QTest::newRow("a cut file") << E::ResourceError
                                << QStringLiteral("Stream doesn't contain enough data.") << true
                                << P::NotAVideo;
    QTest::newRow("404 python") << E::ResourceError << QStringLiteral("File not found") << false
                                << P::LinkExpired;
    QTest::newRow("403") << E::ResourceError << QStringLiteral("Forbidden") << false
                         << P::LinkExpired;
    QTest::newRow("410") << E::ResourceError << QStringLiteral("Gone") << false << P::LinkExpired;
    QTest::newRow("code") << E::ResourceError << QStringLiteral("HTTP status 403") << false
                          << P::LinkExpired;
    QTest::newRow("access denied") << E::AccessDeniedError << QString() << false << P::LinkExpired;
    QTest::newRow("500") << E::ResourceError << QStringLiteral("Internal Server Error") << false
                         << P::Network;
    QTest::newRow("refused") << E::ResourceError << QStringLiteral("Internal data stream error.")
                             << false << P::Network;
    QTest::newRow("network") << E::NetworkError << QStringLiteral("Host not found") << false
                             << P::Network;
    QTest::newRow("garbage") << E::ResourceError
                             << QStringLiteral("Could not determine type of stream.") << false
                             << P::NotAVideo;
    QTest::newRow("garbage 6.5") << E::FormatError
                                 << QStringLiteral("Could not determine type of stream.") << false
                                 << P::NotAVideo;
    QTest::newRow("codec") << E::FormatError
                           << QStringLiteral("Cannot play stream of type: <unknown>") << false
                           << P::CodecMissing;
    QTest::newRow("plugin") << E::ResourceError
                            << QStringLiteral("Your GStreamer installation is missing a plug-in.")
                            << false << P::CodecMissing;
    QTest::newRow("local missing")
        << E::ResourceError << QStringLiteral("Resource not found.") << true << P::LocalFileMissing;
    QTest::newRow("local text file")
        << E::ResourceError << QStringLiteral("This appears to be a text file") << true
        << P::NotAVideo;
    QTest::newRow("local other") << E::ResourceError
                                 << QStringLiteral("Internal data stream error.") << true
                                 << P::Other;
    QTest::newRow("no error") << E::NoError << QString() << false << P::None;
}

void TestPlayerPane::classify()
{
    QFETCH(QMediaPlayer::Error, error);
    QFETCH(QString, text);
    QFETCH(bool, local);
    QFETCH(PlaybackProblem, expected);
    QCOMPARE(classifyPlaybackError(error, text, local), expected);
    if (expected != PlaybackProblem::None) {
        QVERIFY(!playbackProblemTitle(expected).isEmpty());
        QVERIFY(playbackProblemAdvice(expected, text).contains(text));
    }
    if (expected == PlaybackProblem::CodecMissing) {
        QVERIFY(playbackProblemAdvice(expected, text).contains(u"gstreamer1.0-libav"));
        QVERIFY(playbackProblemAdvice(expected, text).contains(u"gstreamer1.0-plugins-good"));
    }
}

void TestPlayerPane::placeholders()
{
    PlayerPane pane;
    auto *placeholder = pane.findChild<QLabel *>();
    QVERIFY(placeholder);
    const auto shown = [&pane] {
        for (QLabel *l : pane.findChildren<QLabel *>()) {
            if (l->isVisibleTo(&pane) && l->accessibleName() == QStringLiteral("Player")) {
                return l->text();
            }
        }
        return QString();
    };
    QVERIFY(shown().contains(u"Select a task"));

    TaskRecord running = succeeded({media(QStringLiteral("/v/result.mp4")).toString()});
    running.status = TaskStatus::Generating;
    running.successFlag = 0;
    pane.setTask(running);
    QCOMPARE(shown(), QStringLiteral("The video appears here when the task has succeeded."));
    QVERIFY(pane.sources().isEmpty());
    QVERIFY(pane.mediaPlayer()->source().isEmpty());

    running.status = TaskStatus::GenerationFailed;
    running.successFlag = 3;
    pane.setTask(running);
    QCOMPARE(shown(), QStringLiteral("This task failed, so it has no video."));

    pane.setTask(succeeded({}));
    QVERIFY(shown().contains(u"no video"));

    pane.setTask(succeeded({media(QStringLiteral("/v/result.mp4")).toString()}));
    QVERIFY(shown().isEmpty());
    QCOMPARE(pane.currentSource()->remoteUrl, media(QStringLiteral("/v/result.mp4")));
    QVERIFY(pane.mediaPlayer()->source().isEmpty()); // nothing fetched before Play
    QCOMPARE(pane.mediaPlayer()->playbackState(), QMediaPlayer::StoppedState);

    // Fifteen days on KIE has deleted the video: its link is not offered, a copy on disk is.
    TaskRecord old = succeeded({media(QStringLiteral("/v/result.mp4")).toString()});
    old.createTime = QDateTime::currentDateTimeUtc().addDays(-15);
    pane.setTask(old);
    QVERIFY(pane.sources().isEmpty());
    QVERIFY(shown().contains(u"deleted"));
    const QString copy = m_dir.filePath(QStringLiteral("kept.mp4"));
    QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("result.mp4")), copy));
    pane.setLocalFileProvider([&copy](const QString &, MediaKind, int) { return copy; });
    pane.setTask(std::nullopt);
    pane.setTask(old);
    QCOMPARE(pane.sources().size(), 1);
    QVERIFY(pane.currentSource()->isLocal());
    QVERIFY(shown().isEmpty());

    pane.setTask(std::nullopt);
    QVERIFY(shown().contains(u"Select a task"));
    QVERIFY(pane.mediaPlayer()->source().isEmpty());
}

void TestPlayerPane::switcherLabels()
{
    PlayerPane pane;
    pane.setTask(succeeded({media(QStringLiteral("/v/a.mp4")).toString(),
                            media(QStringLiteral("/v/b.mp4")).toString()},
                           {media(QStringLiteral("/v/o.mp4")).toString()}));
    auto *switcher = pane.findChild<QComboBox *>();
    QVERIFY(switcher);
    QCOMPARE(switcher->count(), 3);
    QCOMPARE(switcher->itemText(0), QStringLiteral("Result 1"));
    QCOMPARE(switcher->itemText(1), QStringLiteral("Result 2"));
    QCOMPARE(switcher->itemText(2), QStringLiteral("Origin"));
    QVERIFY(switcher->isEnabled());
    pane.setTask(succeeded({media(QStringLiteral("/v/a.mp4")).toString()}));
    QCOMPARE(switcher->count(), 1);
    QCOMPARE(switcher->itemText(0), QStringLiteral("Result"));
}

void TestPlayerPane::accessibleNamesAndTooltips()
{
    PlayerPane pane;
    pane.setTask(succeeded({media(QStringLiteral("/v/result.mp4")).toString()}));
    const QList<QWidget *> widgets = pane.findChildren<QWidget *>();
    int controls = 0;
    for (QWidget *w : widgets) {
        if (qobject_cast<QScrollBar *>(w)) {
            continue; // part of the switcher's popup list
        }
        if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QAbstractSlider *>(w) ||
            qobject_cast<QComboBox *>(w) || qobject_cast<QVideoWidget *>(w)) {
            ++controls;
            QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
            QVERIFY2(!w->toolTip().isEmpty() || qobject_cast<QPushButton *>(w),
                     qPrintable(w->accessibleName()));
        }
    }
    QVERIFY(controls >= 12);
    const QString space = QKeySequence(Qt::Key_Space).toString(QKeySequence::NativeText);
    QVERIFY(named(&pane, QStringLiteral("Play"))->toolTip().contains(space));
    QVERIFY(named(&pane, QStringLiteral("Mute"))->toolTip().contains(u'M'));
    QVERIFY(named(&pane, QStringLiteral("Full screen"))->toolTip().contains(u'F'));
}

void TestPlayerPane::controlsEmitIntentsOnClicks()
{
    PlayerControls c;
    c.show();
    QSignalSpy play(&c, &PlayerControls::playClicked);
    QSignalSpy pause(&c, &PlayerControls::pauseClicked);
    QSignalSpy seek(&c, &PlayerControls::seek);
    QSignalSpy volume(&c, &PlayerControls::volumeChanged);
    QSignalSpy mute(&c, &PlayerControls::muteToggled);
    QSignalSpy loop(&c, &PlayerControls::loopToggled);
    QSignalSpy full(&c, &PlayerControls::fullScreenToggled);

    QTest::mouseClick(named(&c, QStringLiteral("Play")), Qt::LeftButton);
    QCOMPARE(play.size(), 1);
    c.setPlaybackState(QMediaPlayer::PlayingState);
    QVERIFY(named(&c, QStringLiteral("Play")) == nullptr); // now it is the pause button
    QTest::mouseClick(named(&c, QStringLiteral("Pause")), Qt::LeftButton);
    QCOMPARE(pause.size(), 1);
    QCOMPARE(play.size(), 1);

    QTest::mouseClick(named(&c, QStringLiteral("Mute")), Qt::LeftButton);
    QCOMPARE(mute.size(), 1);
    QCOMPARE(mute.at(0).at(0).toBool(), true);
    c.setMuted(true);
    QVERIFY(named(&c, QStringLiteral("Unmute")));
    QTest::mouseClick(named(&c, QStringLiteral("Loop")), Qt::LeftButton);
    QCOMPARE(loop.size(), 1);
    QCOMPARE(loop.at(0).at(0).toBool(), true);
    QTest::mouseClick(named(&c, QStringLiteral("Full screen")), Qt::LeftButton);
    QCOMPARE(full.size(), 1);
    QCOMPARE(full.at(0).at(0).toBool(), true);

    auto *volumeSlider = named<QSlider>(&c, QStringLiteral("Volume"));
    volumeSlider->setValue(50);
    QCOMPARE(volume.size(), 1);
    QVERIFY(volume.at(0).at(0).toFloat() > 0.0f && volume.at(0).at(0).toFloat() < 0.5f);
    c.setVolume(1.0f); // a setter is not an intent
    QCOMPARE(volume.size(), 1);

    auto *position = named<QSlider>(&c, QStringLiteral("Position"));
    QVERIFY(!position->isEnabled()); // no media yet
    c.setDuration(30000);
    c.setPosition(1000); // state, not an intent
    QCOMPARE(seek.size(), 0);
    position->setValue(12000);
    QCOMPARE(seek.size(), 1);
    QCOMPARE(seek.at(0).at(0).toLongLong(), 12000);
    QCOMPARE(named<QLabel>(&c, QStringLiteral("Total time"))->text(), QStringLiteral("0:30"));
}

void TestPlayerPane::controlsShortcuts()
{
    QWidget host;
    host.setFocusPolicy(Qt::StrongFocus);
    auto *c = new PlayerControls(&host);
    c->attachShortcuts(&host);
    host.show();
    host.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&host));
    host.setFocus();
    QSignalSpy play(c, &PlayerControls::playClicked);
    QSignalSpy pause(c, &PlayerControls::pauseClicked);
    QSignalSpy seek(c, &PlayerControls::seek);
    QSignalSpy mute(c, &PlayerControls::muteToggled);
    QSignalSpy full(c, &PlayerControls::fullScreenToggled);

    QTest::keyClick(&host, Qt::Key_Space);
    QCOMPARE(play.size(), 1);
    c->setPlaybackState(QMediaPlayer::PlayingState);
    QTest::keyClick(&host, Qt::Key_Space);
    QCOMPARE(pause.size(), 1);

    c->setDuration(30000);
    c->setPosition(10000);
    QTest::keyClick(&host, Qt::Key_Right);
    QTest::keyClick(&host, Qt::Key_Left);
    QCOMPARE(seek.size(), 2);
    QCOMPARE(seek.at(0).at(0).toLongLong(), 15000);
    QCOMPARE(seek.at(1).at(0).toLongLong(), 5000);
    c->setPosition(2000);
    QTest::keyClick(&host, Qt::Key_Left);
    QCOMPARE(seek.at(2).at(0).toLongLong(), 0); // clamped

    QTest::keyClick(&host, Qt::Key_M);
    QCOMPARE(mute.size(), 1);
    QCOMPARE(mute.at(0).at(0).toBool(), true);

    QTest::keyClick(&host, Qt::Key_Escape); // not full screen: Esc is not ours
    QCOMPARE(full.size(), 0);
    QTest::keyClick(&host, Qt::Key_F);
    QCOMPARE(full.size(), 1);
    QCOMPARE(full.at(0).at(0).toBool(), true);
    c->setFullScreen(true);
    QTest::keyClick(&host, Qt::Key_Escape);
    QCOMPARE(full.size(), 2);
    QCOMPARE(full.at(1).at(0).toBool(), false);

    // The focused volume slider keeps its arrows.
    auto *volume = named<QSlider>(c, QStringLiteral("Volume"));
    volume->setFocus();
    const int before = volume->value();
    QTest::keyClick(volume, Qt::Key_Left);
    QCOMPARE(seek.size(), 3);
    QVERIFY(volume->value() < before);
}

void TestPlayerPane::retranslates()
{
    PlayerPane pane;
    pane.setTask(succeeded({media(QStringLiteral("/v/result.mp4")).toString()}));
    auto *switcher = pane.findChild<QComboBox *>();
    QCOMPARE(switcher->itemText(0), QStringLiteral("Result"));
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QTRY_COMPARE(switcher->itemText(0), QStringLiteral("XX Result"));
    QVERIFY2(named(&pane, QStringLiteral("XX Play")),
             qPrintable(pane.controls()->findChild<QToolButton *>()->accessibleName()));
    QVERIFY(named(&pane, QStringLiteral("XX Open in browser")));
    QCoreApplication::removeTranslator(&translator);
    QTRY_COMPARE(switcher->itemText(0), QStringLiteral("Result"));
    QVERIFY(named(&pane, QStringLiteral("Play")));
}

void TestPlayerPane::play(PlayerPane &pane)
{
    QTest::mouseClick(named(&pane, QStringLiteral("Play")), Qt::LeftButton);
}

void TestPlayerPane::playsToEnd()
{
    PlayerPane pane;
    pane.resize(480, 400);
    pane.show();
    pane.setTask(succeeded({media(QStringLiteral("/v/result.mp4")).toString()}));
    play(pane);
    QMediaPlayer *player = pane.mediaPlayer();
    QTRY_COMPARE_WITH_TIMEOUT(player->playbackState(), QMediaPlayer::PlayingState, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(player->mediaStatus(), QMediaPlayer::EndOfMedia, Timeout);
    QVERIFY2(qAbs(player->duration() - ClipMs) < 500,
             qPrintable(QString::number(player->duration())));
    QCOMPARE(pane.problem(), PlaybackProblem::None);
    QCOMPARE(pane.controls()->duration(), player->duration());
    QVERIFY(!m_server.requests().isEmpty());
    QCOMPARE(m_server.requests().constFirst().path, QByteArray("/v/result.mp4"));
    QCOMPARE(pane.controls()->position(), player->duration()); // "0:10 / 0:10", not 0:09
    // Play at the end plays again from the start.
    play(pane);
    QTRY_COMPARE_WITH_TIMEOUT(player->playbackState(), QMediaPlayer::PlayingState, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(player->position() > 100 && player->position() < ClipMs - 2000,
                             Timeout);
}

void TestPlayerPane::pauseStopsPosition()
{
    PlayerPane pane;
    pane.show();
    pane.setTask(succeeded({media(QStringLiteral("/v/result.mp4")).toString()}));
    play(pane);
    QMediaPlayer *player = pane.mediaPlayer();
    QTRY_VERIFY_WITH_TIMEOUT(player->position() > 300, Timeout);
    QTest::mouseClick(named(&pane, QStringLiteral("Pause")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(player->playbackState(), QMediaPlayer::PausedState, Timeout);
    QCOMPARE(pane.controls()->playbackState(), QMediaPlayer::PausedState);
    // GStreamer settles the position of a paused pipeline a little after PausedState, and a
    // position that does not move sends no signal: watching it for a while is the test.
    QTest::qWait(200);
    const qint64 paused = player->position();
    QTest::qWait(800); // GStreamer's clock, as above: no event says "did not move"
    QVERIFY2(qAbs(player->position() - paused) < 100,
             qPrintable(QStringLiteral("%1 -> %2").arg(paused).arg(player->position())));
    QVERIFY(player->position() < ClipMs - 100); // paused, not played to the end
}

void TestPlayerPane::seekJumps()
{
    PlayerPane pane;
    pane.show();
    pane.setTask(succeeded({media(QStringLiteral("/v/result.mp4")).toString()}));
    QMediaPlayer *player = pane.mediaPlayer();
    play(pane);
    QTRY_VERIFY_WITH_TIMEOUT(player->position() > 100, Timeout);
    QTest::mouseClick(named(&pane, QStringLiteral("Pause")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(player->playbackState(), QMediaPlayer::PausedState, Timeout);
    auto *slider = named<QSlider>(&pane, QStringLiteral("Position"));
    QTRY_VERIFY_WITH_TIMEOUT(slider->isEnabled(), Timeout);
    slider->setValue(2000); // as a drag or a click on the groove does
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(player->position() - 2000) < 300, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(pane.controls()->position() - 2000) < 300, Timeout);
    // Left jumps 5 s back, clamped at the start.
    pane.setFocus();
    QTest::keyClick(&pane, Qt::Key_Left);
    QTRY_VERIFY_WITH_TIMEOUT(player->position() < 300, Timeout);
}

void TestPlayerPane::refreshKeepsPlaying()
{
    PlayerPane pane;
    pane.show();
    TaskRecord task = succeeded({media(QStringLiteral("/v/result.mp4")).toString()});
    pane.setTask(task);
    play(pane);
    QMediaPlayer *player = pane.mediaPlayer();
    QTRY_VERIFY_WITH_TIMEOUT(player->position() > 300, Timeout);
    const qint64 before = player->position();
    task.lastChecked = QDateTime::currentDateTimeUtc();
    pane.setTask(task);
    QCOMPARE(player->playbackState(), QMediaPlayer::PlayingState);
    QVERIFY(player->position() >= before);
}

void TestPlayerPane::switchesSource()
{
    PlayerPane pane;
    pane.show();
    const QUrl result = media(QStringLiteral("/v/result.mp4"));
    const QUrl origin = media(QStringLiteral("/v/origin.mp4"));
    pane.setTask(succeeded({result.toString()}, {origin.toString()}));
    QMediaPlayer *player = pane.mediaPlayer();
    play(pane);
    QTRY_VERIFY_WITH_TIMEOUT(player->position() > 200, Timeout);

    auto *switcher = pane.findChild<QComboBox *>();
    QCOMPARE(switcher->itemText(1), QStringLiteral("Origin"));
    switcher->setCurrentIndex(1);
    QCOMPARE(player->source(), origin);
    QCOMPARE(pane.currentSource()->kind, MediaKind::Origin);
    QTRY_COMPARE_WITH_TIMEOUT(player->playbackState(), QMediaPlayer::PlayingState, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(player->position() > 200, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        player->metaData().value(QMediaMetaData::Resolution).toSize() == QSize(180, 320), Timeout);
    bool originFetched = false;
    for (const FakeKieServer::Request &r : m_server.requests()) {
        originFetched = originFetched || r.path == "/v/origin.mp4";
    }
    QVERIFY(originFetched);

    switcher->setCurrentIndex(0);
    QCOMPARE(player->source(), result);
    QTRY_VERIFY_WITH_TIMEOUT(player->position() > 200, Timeout);
    QCOMPARE(player->playbackState(), QMediaPlayer::PlayingState);
}

void TestPlayerPane::loops()
{
    PlayerPane pane;
    pane.show();
    pane.setTask(succeeded({media(QStringLiteral("/v/result.mp4")).toString()}));
    QTest::mouseClick(named(&pane, QStringLiteral("Loop")), Qt::LeftButton);
    play(pane);
    QMediaPlayer *player = pane.mediaPlayer();
    QTRY_VERIFY_WITH_TIMEOUT(player->position() > 2000, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(player->position() > 0 && player->position() < 1500, Timeout);
    QCOMPARE(player->playbackState(), QMediaPlayer::PlayingState);
}

void TestPlayerPane::volumeAndMute()
{
    PlayerPane pane;
    pane.show();
    auto *audio = pane.mediaPlayer()->audioOutput();
    QTest::mouseClick(named(&pane, QStringLiteral("Mute")), Qt::LeftButton);
    QVERIFY(audio->isMuted());
    QVERIFY(pane.controls()->isMuted());
    QVERIFY(named(&pane, QStringLiteral("Unmute")));
    named<QSlider>(&pane, QStringLiteral("Volume"))->setValue(50);
    QVERIFY(audio->volume() < 0.5f);
    QCOMPARE(audio->volume(), pane.controls()->volume());
}

void TestPlayerPane::fullScreenAndEscape()
{
    PlayerPane pane;
    pane.setTask(succeeded({media(QStringLiteral("/v/result.mp4")).toString()}));
    pane.show();
    pane.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&pane));
    pane.setFocus();
    QTest::keyClick(&pane, Qt::Key_F);
    QVideoWidget *video = pane.videoWidget();
    QTRY_VERIFY(video->isFullScreen());
    QVERIFY(pane.controls()->isFullScreen());
    QVERIFY(video->isWindow());
    // Full screen, the video window has the keys: Space still plays, Esc leaves.
    QTest::keyClick(video, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(pane.mediaPlayer()->playbackState(), QMediaPlayer::PlayingState,
                              Timeout);
    QTest::keyClick(video, Qt::Key_Escape);
    QTRY_VERIFY(!video->isFullScreen());
    QVERIFY(!video->isWindow());
    QVERIFY(!pane.controls()->isFullScreen());
    // The button does the same.
    QTest::mouseClick(named(&pane, QStringLiteral("Full screen")), Qt::LeftButton);
    QTRY_VERIFY(video->isFullScreen());
    QTest::mouseDClick(video, Qt::LeftButton);
    QTRY_VERIFY(!video->isFullScreen());
}

void TestPlayerPane::localFilePlaysFromDisk()
{
    PlayerPane pane;
    pane.show();
    const QString path = m_dir.filePath(QStringLiteral("result.mp4"));
    pane.setLocalFileProvider([&path](const QString &taskId, MediaKind kind, int index) {
        return taskId == TaskId && kind == MediaKind::Result && index == 0 ? path : QString();
    });
    // A link of its own: earlier tests' players may still be fetching theirs.
    pane.setTask(succeeded({media(QStringLiteral("/v/local.mp4")).toString()}));
    QMediaPlayer *player = pane.mediaPlayer();
    QVERIFY(pane.currentSource()->isLocal());
    play(pane);
    QCOMPARE(player->source(), QUrl::fromLocalFile(path));
    QTRY_COMPARE_WITH_TIMEOUT(player->mediaStatus(), QMediaPlayer::EndOfMedia, Timeout);
    const auto requests = m_server.requests();
    QVERIFY(std::none_of(requests.cbegin(), requests.cend(), [](const auto &r) {
        return r.path == "/v/local.mp4";
    })); // not one byte from the media host
}

void TestPlayerPane::downloadFinishingSwitchesToDisk()
{
    PlayerPane pane;
    pane.show();
    pane.setTask(succeeded({media(QStringLiteral("/v/result.mp4")).toString()}));
    play(pane);
    QCOMPARE(pane.mediaPlayer()->source(), media(QStringLiteral("/v/result.mp4")));
    QTRY_COMPARE_WITH_TIMEOUT(pane.mediaPlayer()->mediaStatus(), QMediaPlayer::EndOfMedia, Timeout);
    const QString path = m_dir.filePath(QStringLiteral("result.mp4"));
    pane.setLocalFile(MediaKind::Result, 0, path); // not playing: the next Play uses the file
    QVERIFY(pane.currentSource()->isLocal());
    play(pane);
    QCOMPARE(pane.mediaPlayer()->source(), QUrl::fromLocalFile(path));
    QTRY_VERIFY_WITH_TIMEOUT(pane.mediaPlayer()->position() > 200, Timeout);
}

void TestPlayerPane::damagedLocalFileOffersOnlineCopy()
{
    PlayerPane pane;
    pane.show();
    const QString path = m_dir.filePath(QStringLiteral("broken-download.mp4"));
    QFile broken(path);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(QByteArray(64 * 1024, 'x')); // what an interrupted or bogus download leaves
    broken.close();
    pane.setTask(succeeded({media(QStringLiteral("/v/result.mp4")).toString()}));
    pane.setLocalFile(MediaKind::Result, 0, path);
    play(pane);
    QCOMPARE(pane.mediaPlayer()->source(), QUrl::fromLocalFile(path));
    QTRY_VERIFY_WITH_TIMEOUT(pane.problem() != PlaybackProblem::None, Timeout);
    QVERIFY2(pane.problem() == PlaybackProblem::NotAVideo,
             qPrintable(named<QLabel>(&pane, QStringLiteral("What to do"))->text()));
    auto *online = named(&pane, QStringLiteral("Play online copy"));
    QVERIFY(online && online->isVisibleTo(&pane));
    QVERIFY(!named(&pane, QStringLiteral("Get a fresh link"))->isVisibleTo(&pane));
    QTest::mouseClick(online, Qt::LeftButton);
    QCOMPARE(pane.mediaPlayer()->source(), media(QStringLiteral("/v/result.mp4")));
    QTRY_VERIFY_WITH_TIMEOUT(pane.mediaPlayer()->position() > 200, Timeout);
    QCOMPARE(pane.problem(), PlaybackProblem::None);
}

void TestPlayerPane::expiredLinkOffersFreshLink_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("404") << QStringLiteral("/v/missing.mp4");
    QTest::newRow("403") << QStringLiteral("/v/expired403.mp4");
    QTest::newRow("410") << QStringLiteral("/v/gone410.mp4");
}

void TestPlayerPane::expiredLinkOffersFreshLink()
{
    QFETCH(QString, path);
    PlayerPane pane;
    pane.resize(480, 400);
    pane.show();
    const QUrl expired = media(path);
    // Hosts may give any reason phrase (the fake one says "Status" for 403 and 410): the pane
    // then asks for the status code itself.
    QNetworkAccessManager network;
    pane.setLinkProbe([&network](const QUrl &url, QObject *context, auto done) {
        probeMediaLink(&network, url, context, std::move(done));
    });
    pane.setTask(succeeded({expired.toString()}));
    QSignalSpy requested(&pane, &PlayerPane::freshLinkRequested);
    play(pane);
    QTRY_COMPARE_WITH_TIMEOUT(pane.problem(), PlaybackProblem::LinkExpired, Timeout);
    auto *title = named<QLabel>(&pane, QStringLiteral("Playback problem"));
    QTRY_VERIFY(title->isVisibleTo(&pane));
    QCOMPARE(title->text(), QStringLiteral("This video link has expired"));
    QVERIFY(named<QLabel>(&pane, QStringLiteral("What to do"))->text().contains(u"fresh link"));
    auto *fresh = named(&pane, QStringLiteral("Get a fresh link"));
    QVERIFY(fresh->isVisibleTo(&pane));
    // The fallbacks stay.
    QVERIFY(named(&pane, QStringLiteral("Open in browser"))->isEnabled());
    QVERIFY(named(&pane, QStringLiteral("Open with system player"))->isEnabled());

    QTest::mouseClick(fresh, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), TaskId);
    QCOMPARE(requested.at(0).at(1).toUrl(), expired);
    QCOMPARE(requested.at(0).at(2).value<MediaKind>(), MediaKind::Result);
    QCOMPARE(requested.at(0).at(3).toInt(), 0);
    QVERIFY(!fresh->isEnabled()); // waiting for the answer

    pane.playFreshLink(QStringLiteral("another task"), MediaKind::Result, 0,
                       media(QStringLiteral("/v/result.mp4")));
    QCOMPARE(pane.problem(), PlaybackProblem::LinkExpired); // not for this task: ignored
    QUrl freshUrl = media(QStringLiteral("/dl/v/result.mp4"));
    freshUrl.setQuery(QStringLiteral("expires=1200"));
    pane.playFreshLink(TaskId, MediaKind::Result, 0, freshUrl);
    QCOMPARE(pane.problem(), PlaybackProblem::None);
    QCOMPARE(pane.mediaPlayer()->source(), freshUrl);
    QTRY_VERIFY_WITH_TIMEOUT(pane.mediaPlayer()->position() > 200, Timeout);
    QCOMPARE(pane.mediaPlayer()->playbackState(), QMediaPlayer::PlayingState);
    QVERIFY(!title->isVisibleTo(&pane));
    QCOMPARE(pane.currentSource()->remoteUrl, expired); // KIE's URL, for the next request
}

void TestPlayerPane::freshLinkFailureShown()
{
    PlayerPane pane;
    pane.show();
    pane.setTask(succeeded({media(QStringLiteral("/v/missing.mp4")).toString()}));
    play(pane);
    QTRY_COMPARE_WITH_TIMEOUT(pane.problem(), PlaybackProblem::LinkExpired, Timeout);
    auto *fresh = named(&pane, QStringLiteral("Get a fresh link"));
    QTest::mouseClick(fresh, Qt::LeftButton);
    QVERIFY(!fresh->isEnabled());
    pane.showFreshLinkError(TaskId, QStringLiteral("Insufficient credits"));
    QVERIFY(fresh->isEnabled());
    QVERIFY(named<QLabel>(&pane, QStringLiteral("What to do"))
                ->text()
                .contains(u"Insufficient credits"));
}

void TestPlayerPane::freshLinkEndToEnd()
{
    // Wired as MainWindow does: KieClient (API host, with the token) answers download-url;
    // the video then comes from the link without it.
    FakeKieServer api;
    QVERIFY(api.listen(QHostAddress::LocalHost));
    api.addFile(QStringLiteral("/v/only-on-api.mp4"), m_resultClip, "video/mp4");
    KieClient client(api.baseUrl());
    const QString token = QStringLiteral("sk-secret-token");
    PlayerPane pane;
    pane.show();
    connect(&pane, &PlayerPane::freshLinkRequested, &client,
            [&](const QString &taskId, const QUrl &url, MediaKind kind, int index) {
                client.downloadUrl(url, token,
                                   [&, taskId, kind, index](const ApiError &e, const QUrl &fresh) {
                                       if (e.isError()) {
                                           pane.showFreshLinkError(taskId, e.text());
                                       } else {
                                           pane.playFreshLink(taskId, kind, index, fresh);
                                       }
                                   });
            });
    // Gone from the media host; download-url answers the API host's /dl alias of that path.
    const QUrl expired = media(QStringLiteral("/v/only-on-api.mp4"));
    pane.setTask(succeeded({expired.toString()}));
    play(pane);
    QTRY_COMPARE_WITH_TIMEOUT(pane.problem(), PlaybackProblem::LinkExpired, Timeout);
    QTest::mouseClick(named(&pane, QStringLiteral("Get a fresh link")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(pane.mediaPlayer()->source().host(), QStringLiteral("127.0.0.1"),
                              Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(pane.mediaPlayer()->position() > 200, Timeout);
    bool sawApi = false;
    bool sawMedia = false;
    for (const FakeKieServer::Request &r : api.requests()) {
        if (r.path == "/api/v1/common/download-url") {
            sawApi = true;
            QCOMPARE(r.headers.value("authorization"), "Bearer " + token.toUtf8());
        } else {
            sawMedia = true;
            QVERIFY2(!r.headers.contains("authorization"), r.path.constData());
        }
    }
    QVERIFY(sawApi);
    QVERIFY(sawMedia);
}

void TestPlayerPane::networkErrorOffersRetry()
{
    PlayerPane pane;
    pane.show();
    pane.setTask(succeeded({QStringLiteral("http://127.0.0.2:1/v/result.mp4")}));
    play(pane);
    QTRY_COMPARE_WITH_TIMEOUT(pane.problem(), PlaybackProblem::Network, Timeout);
    auto *retry = named(&pane, QStringLiteral("Try again"));
    QVERIFY(retry->isVisibleTo(&pane));
    QVERIFY(!named(&pane, QStringLiteral("Get a fresh link"))->isVisibleTo(&pane));
    QVERIFY(named<QLabel>(&pane, QStringLiteral("What to do"))->text().contains(u"connection"));
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(pane.problem(), PlaybackProblem::None); // trying again
    QTRY_COMPARE_WITH_TIMEOUT(pane.problem(), PlaybackProblem::Network, Timeout);
}

void TestPlayerPane::garbageGivesReadableError()
{
    PlayerPane pane;
    pane.show();
    pane.setTask(succeeded({media(QStringLiteral("/v/garbage.mp4")).toString()}));
    play(pane);
    QTRY_VERIFY_WITH_TIMEOUT(pane.problem() != PlaybackProblem::None, Timeout);
    QCOMPARE(pane.problem(), PlaybackProblem::NotAVideo);
    QCOMPARE(named<QLabel>(&pane, QStringLiteral("Playback problem"))->text(),
             QStringLiteral("This isn't a playable video"));
    QVERIFY(named<QLabel>(&pane, QStringLiteral("What to do"))->text().contains(u"damaged"));
    QVERIFY(pane.mediaPlayer()->playbackState() != QMediaPlayer::PlayingState ||
            pane.mediaPlayer()->mediaStatus() == QMediaPlayer::InvalidMedia);
}

void TestPlayerPane::openInBrowserAndSystemPlayer()
{
    UrlRecorder recorder;
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &recorder, "open");
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &recorder, "open");
    PlayerPane pane;
    pane.show();
    const QUrl remote = media(QStringLiteral("/v/result.mp4"));
    pane.setTask(succeeded({remote.toString()}));
    QTest::mouseClick(named(&pane, QStringLiteral("Open in browser")), Qt::LeftButton);
    QTest::mouseClick(named(&pane, QStringLiteral("Open with system player")), Qt::LeftButton);
    const QString path = m_dir.filePath(QStringLiteral("result.mp4"));
    pane.setLocalFile(MediaKind::Result, 0, path);
    QTest::mouseClick(named(&pane, QStringLiteral("Open in browser")), Qt::LeftButton);
    QTest::mouseClick(named(&pane, QStringLiteral("Open with system player")), Qt::LeftButton);
    QCOMPARE(recorder.urls, (QList<QUrl>{remote, remote, remote, QUrl::fromLocalFile(path)}));
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
}

void TestPlayerPane::mediaHostNeverSeesAuthorization()
{
    PlayerPane pane;
    pane.show();
    pane.setTask(succeeded({media(QStringLiteral("/v/result.mp4")).toString()},
                           {media(QStringLiteral("/v/origin.mp4")).toString()}));
    play(pane);
    QTRY_VERIFY_WITH_TIMEOUT(pane.mediaPlayer()->position() > 200, Timeout);
    pane.selectSource(MediaKind::Origin, 0);
    QTRY_VERIFY_WITH_TIMEOUT(pane.mediaPlayer()->position() > 200, Timeout);
    const QList<FakeKieServer::Request> requests = m_server.requests();
    QVERIFY(requests.size() >= 2);
    for (const FakeKieServer::Request &r : requests) {
        QVERIFY(!r.headers.contains("authorization"));
        QVERIFY(!r.headers.contains("cookie"));
    }
}

void TestPlayerPane::browsingFetchesNothing()
{
    PlayerPane pane;
    pane.show();
    // Links of their own: earlier tests' players may still be fetching theirs.
    for (int i = 0; i < 5; ++i) { // arrowing through the list
        pane.setTask(succeeded({media(QStringLiteral("/v/browse%1.mp4").arg(i)).toString()},
                               {media(QStringLiteral("/v/browse-origin.mp4")).toString()}));
        pane.selectSource(MediaKind::Origin, 0, false);
    }
    QTest::qWait(500); // a source GStreamer would load sends no signal before its request
    const auto requests = m_server.requests();
    QVERIFY(std::none_of(requests.cbegin(), requests.cend(),
                         [](const auto &r) { return r.path.startsWith("/v/browse"); }));
    QVERIFY(pane.mediaPlayer()->source().isEmpty());
}

void TestPlayerPane::topRowFitsAtAnyWidth_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("onDisk");
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        for (const bool onDisk : {false, true}) {
            QTest::addRow("%s, %s", qPrintable(language), onDisk ? "on disk" : "online")
                << language << onDisk;
        }
    }
}

// Every button of the row above the video is whole where it is, or in the "…" menu: never
// squeezed to a clipped text ("pen in browse"), whatever the pane's width and language.
void TestPlayerPane::topRowFitsAtAnyWidth()
{
    QFETCH(QString, language);
    QFETCH(bool, onDisk);
    QTranslator translator;
    if (language != QStringLiteral("en")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/veo-tracker_%1.qm").arg(language)));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    const auto removeTranslator =
        qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
    PlayerPane pane;
    const QString path = m_dir.filePath(QStringLiteral("result.mp4"));
    pane.setLocalFileProvider([&](const QString &, MediaKind kind, int) {
        return onDisk && kind == MediaKind::Result ? path : QString();
    });
    QMenu followUps;
    followUps.addAction(QStringLiteral("Get 4K"));
    pane.setFollowUpMenu(&followUps);
    pane.setTask(succeeded({media(QStringLiteral("/v/fit.mp4")).toString()},
                           {media(QStringLiteral("/v/fit-origin.mp4")).toString()}));
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));

    const auto *download = pane.findChild<QToolButton *>(QStringLiteral("PlayerDownloadButton"));
    const auto *more = pane.findChild<QToolButton *>(QStringLiteral("PlayerMoreButton"));
    QVERIFY(download && more && more->menu());
    QList<QToolButton *> buttons;
    for (const char *name : {"PlayerDownloadButton", "PlayerBrowserButton",
                             "PlayerSystemPlayerButton", "PlayerFollowUpButton"}) {
        buttons.append(pane.findChild<QToolButton *>(QLatin1String(name)));
        QVERIFY2(buttons.last(), name);
    }
    if (onDisk) {
        buttons.removeOne(download); // a video on disk is not downloaded again
    }
    const QWidget *row = buttons.last()->parentWidget();
    bool overflowed = false;
    // Down to the pane's own minimum (the controls below the video, the collapsed row).
    const int narrowest = pane.minimumSizeHint().width();
    for (const int width : {1200, 800, 640, 520, 440, 380, 320}) {
        pane.resize(width, 420);
        QTRY_COMPARE(pane.width(), std::max(width, narrowest));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        const QString at = QStringLiteral("%1 px: ").arg(pane.width());
        QVERIFY2(row->width() <= pane.width(), qPrintable(at + QString::number(row->width())));
        // The menu is filled when it opens.
        Q_EMIT more->menu()->aboutToShow();
        QStringList inMenu;
        for (const QAction *action : more->menu()->actions()) {
            inMenu.append(action->text());
        }
        QCOMPARE(more->isVisible(), !inMenu.isEmpty());
        overflowed = overflowed || !inMenu.isEmpty();
        QVERIFY(download->isVisible() == (!onDisk && !inMenu.contains(download->accessibleName())));
        QList<const QWidget *> shown = {more};
        for (const QToolButton *button : std::as_const(buttons)) {
            const QString name = at + button->accessibleName();
            QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(name));
            if (button->isVisible()) {
                QVERIFY2(!inMenu.contains(button->accessibleName()), qPrintable(name));
                shown.append(button);
            } else {
                QVERIFY2(inMenu.contains(button->accessibleName()), qPrintable(name));
            }
        }
        for (const QWidget *w : std::as_const(shown)) {
            if (!w->isVisible()) {
                continue;
            }
            const QString name = at + w->objectName() + QLatin1Char(' ') +
                                 QString::number(w->width()) + QLatin1Char('<') +
                                 QString::number(w->sizeHint().width());
            QVERIFY2(w->width() >= w->sizeHint().width(), qPrintable(name)); // not squeezed
            QVERIFY2(row->rect().contains(w->geometry()), qPrintable(name)); // not cut off
        }
    }
    QVERIFY(overflowed || onDisk); // with Download, the narrowest widths need the menu

    // A button in the menu does what the button does (Download, when it went there).
    QSignalSpy opened(&pane, &PlayerPane::downloadRequested);
    QAction *inMenu = nullptr;
    for (QAction *action : more->menu()->actions()) {
        if (action->text() == buttons.constFirst()->accessibleName()) {
            inMenu = action;
        }
    }
    if (!onDisk && inMenu) {
        inMenu->trigger();
        QCOMPARE(opened.size(), 1);
    }
    pane.resize(1200, 420);
    QTRY_VERIFY(!more->isVisible()); // room again: every button back in the row
}

void TestPlayerPane::screenshots()
{
    // Renders the pane in each state; VEO_PLAYERPANE_SHOTS=<dir> keeps the pictures to look at.
    QTemporaryDir scratch;
    QString dir = qEnvironmentVariable("VEO_PLAYERPANE_SHOTS");
    if (dir.isEmpty()) {
        dir = scratch.path();
    }
    QDir().mkpath(dir);
    PlayerPane pane;
    pane.resize(520, 420);
    pane.show();
    QVERIFY(pane.grab().save(dir + QStringLiteral("/empty.png")));
    TaskRecord running = succeeded({});
    running.status = TaskStatus::Generating;
    pane.setTask(running);
    QVERIFY(pane.grab().save(dir + QStringLiteral("/running.png")));
    pane.setTask(succeeded({media(QStringLiteral("/v/result.mp4")).toString(),
                            media(QStringLiteral("/v/result.mp4?2")).toString()},
                           {media(QStringLiteral("/v/origin.mp4")).toString()}));
    play(pane);
    QTRY_VERIFY_WITH_TIMEOUT(pane.mediaPlayer()->position() > 1000, Timeout);
    QVERIFY(pane.grab().save(dir + QStringLiteral("/playing.png")));
    pane.setTask(succeeded({media(QStringLiteral("/v/missing.mp4")).toString()}));
    play(pane);
    QTRY_COMPARE_WITH_TIMEOUT(pane.problem(), PlaybackProblem::LinkExpired, Timeout);
    QVERIFY(pane.grab().save(dir + QStringLiteral("/expired.png")));
    pane.setTask(succeeded({QStringLiteral("http://127.0.0.2:1/v/result.mp4")}));
    play(pane);
    QTRY_COMPARE_WITH_TIMEOUT(pane.problem(), PlaybackProblem::Network, Timeout);
    QVERIFY(pane.grab().save(dir + QStringLiteral("/network.png")));
    pane.resize(pane.minimumSizeHint().width(), 360); // as narrow as the layout allows
    QTest::qWait(50); // the video sink repaints at the new size in its own time (no signal)
    QVERIFY(pane.grab().save(dir + QStringLiteral("/narrow.png")));
}

QTEST_MAIN(TestPlayerPane)
#include "tst_playerpane.moc"
