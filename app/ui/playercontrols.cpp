#include "playercontrols.h"

#include "icons.h"

#include <QAbstractSlider>
#include <QApplication>
#include <QAudio>
#include <QBoxLayout>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QShortcut>
#include <QSlider>
#include <QToolButton>
#include <algorithm>
#include <cmath>

namespace veo {

namespace {
constexpr int VolumeSteps = 100;

QToolButton *makeButton(QWidget *parent, bool checkable)
{
    auto *button = new QToolButton(parent);
    button->setCheckable(checkable);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::StrongFocus);
    return button;
}

// "Play (Space)": the shortcut in the tooltip, in the platform's own spelling.
QString withShortcut(const QString &action, const QKeySequence &key)
{
    //: Tooltip of a player control: %1 is the action ("Play"), %2 its keyboard shortcut
    return QCoreApplication::translate("PlayerControls", "%1 (%2)")
        .arg(action, key.toString(QKeySequence::NativeText));
}
} // namespace

PlayerControls::PlayerControls(QWidget *parent)
    : QWidget(parent), m_playButton(makeButton(this, false)), m_elapsedLabel(new QLabel(this)),
      m_seekSlider(new QSlider(Qt::Horizontal, this)), m_totalLabel(new QLabel(this)),
      m_statusLabel(new QLabel(this)), m_statusBar(new QProgressBar(this)),
      m_muteButton(makeButton(this, true)), m_volumeSlider(new QSlider(Qt::Horizontal, this)),
      m_loopButton(makeButton(this, true)), m_fullScreenButton(makeButton(this, true))
{
    m_playButton->setIconSize(QSize(24, 24));
    m_seekSlider->setRange(0, 0);
    m_seekSlider->setSingleStep(static_cast<int>(SeekStepMs));
    m_seekSlider->setPageStep(static_cast<int>(2 * SeekStepMs));
    m_seekSlider->setEnabled(false);
    m_volumeSlider->setRange(0, VolumeSteps);
    m_volumeSlider->setValue(VolumeSteps);
    m_volumeSlider->setSingleStep(5);
    m_volumeSlider->setMaximumWidth(110);
    m_statusBar->setMaximumWidth(90);
    m_statusBar->setMaximumHeight(m_statusLabel->fontMetrics().height());
    m_statusBar->setTextVisible(false);
    for (QLabel *label : {m_elapsedLabel, m_totalLabel}) {
        label->setTextFormat(Qt::PlainText);
        // Tabular width so the slider does not jitter while the time counts.
        label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("0:00:00")));
    }
    m_elapsedLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *timeRow = new QHBoxLayout;
    timeRow->addWidget(m_elapsedLabel);
    timeRow->addWidget(m_seekSlider, 1);
    timeRow->addWidget(m_totalLabel);

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_playButton);
    buttonRow->addWidget(m_statusLabel);
    buttonRow->addWidget(m_statusBar);
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_muteButton);
    buttonRow->addWidget(m_volumeSlider);
    buttonRow->addSpacing(6);
    buttonRow->addWidget(m_loopButton);
    buttonRow->addWidget(m_fullScreenButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(timeRow);
    layout->addLayout(buttonRow);

    connect(m_playButton, &QToolButton::clicked, this, &PlayerControls::togglePlay);
    // The slider's value is set from setPosition() with signals blocked, so valueChanged
    // here is always the user: dragging, clicking the groove, or its own arrow keys.
    connect(m_seekSlider, &QSlider::valueChanged, this,
            [this](int value) { Q_EMIT seek(static_cast<qint64>(value)); });
    connect(m_seekSlider, &QSlider::sliderMoved, this,
            [this](int value) { m_elapsedLabel->setText(formatTime(value)); });
    connect(m_volumeSlider, &QSlider::valueChanged, this,
            [this] { Q_EMIT volumeChanged(volume()); });
    connect(m_muteButton, &QToolButton::clicked, this,
            [this](bool checked) { Q_EMIT muteToggled(checked); });
    connect(m_loopButton, &QToolButton::toggled, this, &PlayerControls::loopToggled);
    connect(m_fullScreenButton, &QToolButton::clicked, this,
            [this](bool checked) { Q_EMIT fullScreenToggled(checked); });

    retranslateUi();
    updateTimes();
    updateStatus();
}

QString PlayerControls::formatTime(qint64 ms, const QLocale &locale)
{
    QLocale l = locale;
    l.setNumberOptions(QLocale::OmitGroupSeparator);
    const qint64 total = std::max<qint64>(ms, 0) / 1000;
    const qint64 hours = total / 3600;
    const qint64 minutes = (total / 60) % 60;
    const qint64 seconds = total % 60;
    const auto twoDigits = [&l](qint64 v) {
        return v < 10 ? l.zeroDigit() + l.toString(v) : l.toString(v);
    };
    const QString sep = QStringLiteral(":");
    if (hours > 0) {
        return l.toString(hours) + sep + twoDigits(minutes) + sep + twoDigits(seconds);
    }
    return l.toString(minutes) + sep + twoDigits(seconds);
}

void PlayerControls::attachShortcuts(QWidget *scope)
{
    const QList<QKeyCombination> keys{Qt::Key_Space, Qt::Key_Left, Qt::Key_Right,
                                      Qt::Key_M,     Qt::Key_F,    Qt::Key_Escape};
    for (const QKeyCombination key : keys) {
        auto *shortcut = new QShortcut(QKeySequence(key), scope);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        shortcut->setAutoRepeat(key.key() == Qt::Key_Left || key.key() == Qt::Key_Right);
        if (key.key() == Qt::Key_Escape) {
            // Only ours in full screen; otherwise Esc stays with dialogs and the window.
            shortcut->setEnabled(m_fullScreen);
            m_escapeShortcuts.append(shortcut);
        }
        connect(shortcut, &QShortcut::activated, this, [this, key] {
            // Keys the focused widget has its own use for stay with it: Space presses the
            // focused button, arrows move the focused volume slider.
            QWidget *focus = QApplication::focusWidget();
            if (key.key() == Qt::Key_Space) {
                auto *button = qobject_cast<QAbstractButton *>(focus);
                if (button && button != m_playButton && button->isEnabled()) {
                    button->click();
                    return;
                }
            }
            if (key.key() == Qt::Key_Left || key.key() == Qt::Key_Right) {
                auto *slider = qobject_cast<QAbstractSlider *>(focus);
                if (slider && slider != m_seekSlider) {
                    slider->triggerAction(key.key() == Qt::Key_Left
                                              ? QAbstractSlider::SliderSingleStepSub
                                              : QAbstractSlider::SliderSingleStepAdd);
                    return;
                }
            }
            handleKey(key);
        });
    }
}

bool PlayerControls::handleKey(QKeyCombination key)
{
    if (key.keyboardModifiers() != Qt::NoModifier) {
        return false;
    }
    switch (key.key()) {
    case Qt::Key_Space:
        togglePlay();
        return true;
    case Qt::Key_Left:
        seekBy(-SeekStepMs);
        return true;
    case Qt::Key_Right:
        seekBy(SeekStepMs);
        return true;
    case Qt::Key_M:
        Q_EMIT muteToggled(!m_muted);
        return true;
    case Qt::Key_F:
        Q_EMIT fullScreenToggled(!m_fullScreen);
        return true;
    case Qt::Key_Escape:
        if (!m_fullScreen) {
            return false;
        }
        Q_EMIT fullScreenToggled(false);
        return true;
    default:
        return false;
    }
}

float PlayerControls::volume() const
{
    const float logarithmic = static_cast<float>(m_volumeSlider->value()) / VolumeSteps;
    return QAudio::convertVolume(logarithmic, QAudio::LogarithmicVolumeScale,
                                 QAudio::LinearVolumeScale);
}

void PlayerControls::setPlaybackState(QMediaPlayer::PlaybackState state)
{
    m_state = state;
    updatePlayButton();
}

void PlayerControls::setPosition(qint64 ms)
{
    m_position = ms;
    if (!m_seekSlider->isSliderDown()) {
        const QSignalBlocker blocker(m_seekSlider);
        m_seekSlider->setValue(static_cast<int>(std::min<qint64>(ms, m_seekSlider->maximum())));
        updateTimes();
    }
}

void PlayerControls::setDuration(qint64 ms)
{
    m_duration = std::max<qint64>(ms, 0);
    const QSignalBlocker blocker(m_seekSlider);
    m_seekSlider->setRange(0, static_cast<int>(std::min<qint64>(m_duration, INT_MAX)));
    m_seekSlider->setEnabled(m_duration > 0);
    updateTimes();
}

void PlayerControls::setSeekable(bool seekable)
{
    m_seekSlider->setEnabled(seekable && m_duration > 0);
}

void PlayerControls::setVolume(float linearVolume)
{
    const float logarithmic = QAudio::convertVolume(linearVolume, QAudio::LinearVolumeScale,
                                                    QAudio::LogarithmicVolumeScale);
    const QSignalBlocker blocker(m_volumeSlider);
    m_volumeSlider->setValue(static_cast<int>(std::lround(logarithmic * VolumeSteps)));
}

void PlayerControls::setMuted(bool muted)
{
    m_muted = muted;
    updateMuteButton();
}

void PlayerControls::setFullScreen(bool on)
{
    m_fullScreen = on;
    m_fullScreenButton->setChecked(on);
    for (QShortcut *shortcut : std::as_const(m_escapeShortcuts)) {
        if (shortcut) {
            shortcut->setEnabled(on);
        }
    }
}

void PlayerControls::setMediaStatus(QMediaPlayer::MediaStatus status)
{
    m_status = status;
    updateStatus();
}

void PlayerControls::setBufferProgress(float progress)
{
    m_bufferProgress = progress;
    updateStatus();
}

void PlayerControls::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    } else if (event->type() == QEvent::LocaleChange) {
        updateTimes();
        updateStatus();
    }
    QWidget::changeEvent(event);
}

void PlayerControls::retranslateUi()
{
    const auto key = [](Qt::Key k) { return QKeySequence(k).toString(QKeySequence::NativeText); };
    //: Accessible name of the player's position slider
    m_seekSlider->setAccessibleName(tr("Position"));
    //: Tooltip of the position slider: %1 and %2 are the Left and Right arrow keys
    m_seekSlider->setToolTip(tr("Position (%1 / %2: 5 seconds back / ahead)")
                                 .arg(key(Qt::Key_Left), key(Qt::Key_Right)));
    //: Accessible name of the label showing how much of the video has played
    m_elapsedLabel->setAccessibleName(tr("Elapsed time"));
    //: Accessible name of the label showing the video's length
    m_totalLabel->setAccessibleName(tr("Total time"));
    //: Accessible name of the "Loading…" / "Buffering 45%" text
    m_statusLabel->setAccessibleName(tr("Loading state"));
    //: Accessible name of the small bar beside "Loading…" / "Buffering 45%"
    m_statusBar->setAccessibleName(tr("Loading progress"));
    //: Accessible name and tooltip of the volume slider
    const QString volumeName = tr("Volume");
    m_volumeSlider->setAccessibleName(volumeName);
    m_volumeSlider->setToolTip(volumeName);
    //: Player button (a toggle): play the video again from the start when it ends
    const QString loop = tr("Loop");
    m_loopButton->setText(loop);
    m_loopButton->setAccessibleName(loop);
    //: Tooltip of the Loop button
    m_loopButton->setToolTip(tr("Play the video again from the start when it ends"));
    //: Player button (a toggle): show the video on the whole screen
    const QString fullScreen = tr("Full screen");
    m_fullScreenButton->setText(fullScreen);
    m_fullScreenButton->setAccessibleName(fullScreen);
    //: Tooltip of the full-screen button: %1 enters, %2 leaves full screen (keys)
    m_fullScreenButton->setToolTip(
        tr("Full screen (%1; %2 to leave)").arg(key(Qt::Key_F), key(Qt::Key_Escape)));
    updatePlayButton();
    updateMuteButton();
    updateStatus();
}

void PlayerControls::updatePlayButton()
{
    const bool playing = m_state == QMediaPlayer::PlayingState;
    m_playButton->setIcon(themedIcon(playing ? QStringLiteral("pause") : QStringLiteral("play")));
    QString action;
    if (playing) {
        //: Player button (accessible name and tooltip)
        action = tr("Pause");
    } else {
        //: Player button (accessible name and tooltip)
        action = tr("Play");
    }
    m_playButton->setAccessibleName(action);
    m_playButton->setToolTip(withShortcut(action, QKeySequence(Qt::Key_Space)));
}

void PlayerControls::updateMuteButton()
{
    m_muteButton->setChecked(m_muted);
    m_muteButton->setIcon(
        themedIcon(m_muted ? QStringLiteral("volume-muted") : QStringLiteral("volume")));
    QString action;
    if (m_muted) {
        //: Player button (accessible name and tooltip): sound back on
        action = tr("Unmute");
    } else {
        //: Player button (accessible name and tooltip): sound off
        action = tr("Mute");
    }
    m_muteButton->setAccessibleName(action);
    m_muteButton->setToolTip(withShortcut(action, QKeySequence(Qt::Key_M)));
}

void PlayerControls::updateTimes()
{
    m_elapsedLabel->setText(formatTime(m_position, locale()));
    m_totalLabel->setText(m_duration > 0 ? formatTime(m_duration, locale())
                                         : QStringLiteral("-:--"));
}

void PlayerControls::updateStatus()
{
    bool visible = true;
    switch (m_status) {
    case QMediaPlayer::LoadingMedia:
        //: Player status while the video is being opened
        m_statusLabel->setText(tr("Loading…"));
        m_statusBar->setRange(0, 0); // busy indicator
        break;
    case QMediaPlayer::BufferingMedia:
    case QMediaPlayer::StalledMedia: {
        const int percent =
            std::clamp(static_cast<int>(std::lround(m_bufferProgress * 100)), 0, 100);
        //: Player status while data is being fetched; %1 is a percentage (0-100)
        m_statusLabel->setText(tr("Buffering %1%").arg(locale().toString(percent)));
        m_statusBar->setRange(0, 100);
        m_statusBar->setValue(percent);
        break;
    }
    default:
        visible = false;
        break;
    }
    m_statusLabel->setVisible(visible);
    m_statusBar->setVisible(visible);
}

void PlayerControls::togglePlay()
{
    if (m_state == QMediaPlayer::PlayingState) {
        Q_EMIT pauseClicked();
    } else {
        Q_EMIT playClicked();
    }
}

void PlayerControls::seekBy(qint64 deltaMs)
{
    qint64 target = std::max<qint64>(m_position + deltaMs, 0);
    if (m_duration > 0) {
        target = std::min(target, m_duration);
    }
    Q_EMIT seek(target);
}

} // namespace veo
