#include "framegrabber.h"

#include <QMediaPlayer>
#include <QTimer>
#include <QVideoFrame>
#include <QVideoSink>

namespace veo {

FrameGrabber::FrameGrabber(const QUrl &source, int width, std::chrono::milliseconds timeout,
                           QObject *parent)
    : QObject(parent), m_source(source), m_width(width), m_player(new QMediaPlayer(this)),
      m_sink(new QVideoSink(this)), m_timeout(new QTimer(this))
{
    m_player->setVideoSink(m_sink); // no audio output: it plays silently
    m_timeout->setSingleShot(true);
    m_timeout->setInterval(timeout);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::milliseconds(m_timeout->interval()));
        //: A video preview could not be made; %n is a number of seconds
        finish({}, tr("The video gave no picture within %n second(s).", nullptr,
                      int(std::max<qint64>(1, seconds.count()))));
    });
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &FrameGrabber::onFrame);
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error, const QString &text) {
                finish({}, text.isEmpty() ? tr("The video could not be read.") : text);
            });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this,
            [this](QMediaPlayer::MediaStatus status) {
                switch (status) {
                case QMediaPlayer::LoadedMedia:
                case QMediaPlayer::BufferedMedia:
                    seekOnce();
                    break;
                case QMediaPlayer::EndOfMedia:
                    finishWithFrame(); // shorter than the seek: its last picture
                    break;
                case QMediaPlayer::InvalidMedia:
                    finish({}, tr("The video could not be read."));
                    break;
                default:
                    break;
                }
            });
}

FrameGrabber::~FrameGrabber() = default;

void FrameGrabber::start()
{
    m_timeout->start();
    m_player->setSource(m_source);
    m_player->play();
}

void FrameGrabber::seekOnce()
{
    if (m_targetMs >= 0 || m_done) {
        return;
    }
    const qint64 duration = m_player->duration();
    m_targetMs = duration > 0 && duration < 2 * AtMs ? duration / 2 : AtMs;
    if (m_player->isSeekable() && m_targetMs > 0) {
        m_player->setPosition(m_targetMs);
    }
}

void FrameGrabber::onFrame(const QVideoFrame &frame)
{
    if (m_done || !frame.isValid()) {
        return;
    }
    // Frames before the target (shown before the seek took effect) are only kept in case the
    // video ends first. A frame's start time is in microseconds; without one, the player's
    // position tells.
    const qint64 atMs = frame.startTime() >= 0 ? frame.startTime() / 1000 : m_player->position();
    m_last = frame;
    if (m_targetMs >= 0 && atMs + 50 >= m_targetMs) {
        finishWithFrame();
    }
}

void FrameGrabber::finishWithFrame()
{
    QImage image = m_last.toImage();
    if (image.isNull()) {
        finish({}, tr("The video has no picture."));
        return;
    }
    if (image.width() > m_width) {
        image = image.scaledToWidth(m_width, Qt::SmoothTransformation);
    }
    finish(image.convertToFormat(QImage::Format_RGB32), {});
}

void FrameGrabber::finish(const QImage &image, const QString &error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_timeout->stop();
    disconnect(m_sink, nullptr, this, nullptr);
    disconnect(m_player, nullptr, this, nullptr);
    m_player->stop();
    Q_EMIT finished(image, error);
}

} // namespace veo
