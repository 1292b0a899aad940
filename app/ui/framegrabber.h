#pragma once

#include <QImage>
#include <QObject>
#include <QUrl>
#include <QVideoFrame>
#include <chrono>

class QMediaPlayer;
class QTimer;
class QVideoSink;

namespace veo {

// Takes one picture from a video about a second in (the middle of a shorter one), with its own
// QMediaPlayer that plays without sound into a QVideoSink. A local file or a URL on a media
// host: the player sends no credentials. Finishes once, with the picture scaled to width or
// with an error, within the timeout.
class FrameGrabber final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameGrabber)

public:
    static constexpr qint64 AtMs = 1000;

    FrameGrabber(const QUrl &source, int width, std::chrono::milliseconds timeout,
                 QObject *parent = nullptr);
    ~FrameGrabber() override;

    void start();
    QUrl source() const { return m_source; }

Q_SIGNALS:
    // image is null when no picture could be taken; error then says why (translated).
    void finished(const QImage &image, const QString &error);

private:
    void onFrame(const QVideoFrame &frame);
    void seekOnce();
    void finishWithFrame();
    void finish(const QImage &image, const QString &error);

    QUrl m_source;
    int m_width;
    QMediaPlayer *m_player;
    QVideoSink *m_sink;
    QTimer *m_timeout;
    qint64 m_targetMs = -1; // the position asked for; -1 until the media is loaded
    QVideoFrame m_last;     // the latest picture (also used when the video ends first)
    bool m_done = false;
};

} // namespace veo
