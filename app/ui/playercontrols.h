#pragma once

#include <QKeyCombination>
#include <QList>
#include <QLocale>
#include <QMediaPlayer>
#include <QPointer>
#include <QShortcut>
#include <QWidget>

class QAbstractButton;
class QLabel;
class QProgressBar;
class QSlider;
class QToolButton;

namespace veo {

// The player's buttons and sliders. It holds no player: it shows the state it is given through
// the setters and only emits what the user asked for (as Qt's player example does).
class PlayerControls final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlayerControls)

public:
    static constexpr qint64 SeekStepMs = 5000; // Left / Right

    explicit PlayerControls(QWidget *parent = nullptr);

    // Elapsed / total time: m:ss below an hour, h:mm:ss from an hour, digits of the locale.
    static QString formatTime(qint64 ms, const QLocale &locale = QLocale());

    // Keyboard shortcuts, active while scope or one of its children has the focus:
    // Space play/pause, Left/Right seek -/+5 s, M mute, F full screen, Esc leave full screen.
    void attachShortcuts(QWidget *scope);
    // Acts on one of those keys as the shortcuts do; true when the key is one of them. For a
    // window the shortcuts do not reach (the full-screen video).
    bool handleKey(QKeyCombination key);

    QMediaPlayer::PlaybackState playbackState() const { return m_state; }
    qint64 position() const { return m_position; }
    qint64 duration() const { return m_duration; }
    float volume() const; // linear, 0..1
    bool isMuted() const { return m_muted; }
    bool isFullScreen() const { return m_fullScreen; }

public Q_SLOTS:
    void setPlaybackState(QMediaPlayer::PlaybackState state);
    void setPosition(qint64 ms);
    void setDuration(qint64 ms);
    void setSeekable(bool seekable);
    void setVolume(float linearVolume);
    void setMuted(bool muted);
    void setFullScreen(bool on);
    // "Loading…" / "Buffering 45%" while the media is not ready to play.
    void setMediaStatus(QMediaPlayer::MediaStatus status);
    void setBufferProgress(float progress); // 0..1

Q_SIGNALS:
    void playClicked();
    void pauseClicked();
    void seek(qint64 ms);
    void volumeChanged(float linearVolume);
    void muteToggled(bool muted);
    void loopToggled(bool on);
    void fullScreenToggled(bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updatePlayButton();
    void updateMuteButton();
    void updateTimes();
    void updateStatus();
    void togglePlay();
    void seekBy(qint64 deltaMs);

    QToolButton *m_playButton;
    QLabel *m_elapsedLabel;
    QSlider *m_seekSlider;
    QLabel *m_totalLabel;
    QLabel *m_statusLabel;
    QProgressBar *m_statusBar;
    QToolButton *m_muteButton;
    QSlider *m_volumeSlider;
    QToolButton *m_loopButton;
    QToolButton *m_fullScreenButton;
    QList<QPointer<QShortcut>> m_escapeShortcuts; // enabled only in full screen

    QMediaPlayer::PlaybackState m_state = QMediaPlayer::StoppedState;
    QMediaPlayer::MediaStatus m_status = QMediaPlayer::NoMedia;
    qint64 m_position = 0;
    qint64 m_duration = 0;
    float m_bufferProgress = 0;
    bool m_muted = false;
    bool m_fullScreen = false;
};

} // namespace veo
