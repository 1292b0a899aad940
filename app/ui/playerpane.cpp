#include "playerpane.h"

#include "playercontrols.h"
#include "playersourcebar.h"

#include <QAudioOutput>
#include <QBoxLayout>
#include <QDesktopServices>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QVideoWidget>

namespace veo {

PlayerPane::PlayerPane(QWidget *parent)
    : QWidget(parent), m_player(new QMediaPlayer(this)), m_audio(new QAudioOutput(this)),
      m_pages(new QStackedWidget(this)), m_placeholder(new QLabel(m_pages)),
      m_sourceBar(new PlayerSourceBar), m_view(new QStackedWidget), m_video(new QVideoWidget),
      m_problemPanel(new PlaybackProblemPanel), m_controls(new PlayerControls)
{
    m_player->setAudioOutput(m_audio);
    m_player->setVideoOutput(m_video);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setMargin(24);

    // Black behind the video, as players are; also where letterboxing shows.
    m_video->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_video->setMinimumSize(160, 90);
    QPalette black = m_video->palette();
    black.setColor(QPalette::Window, Qt::black);
    m_video->setPalette(black);
    m_video->setAutoFillBackground(true);
    m_video->setFocusPolicy(Qt::StrongFocus);
    m_video->installEventFilter(this);

    m_view->addWidget(m_video);
    m_view->addWidget(m_problemPanel);

    auto *playerPage = new QWidget;
    auto *playerLayout = new QVBoxLayout(playerPage);
    playerLayout->setContentsMargins(6, 6, 6, 6);
    playerLayout->addWidget(m_sourceBar);
    playerLayout->addWidget(m_view, 1);
    playerLayout->addWidget(m_controls);

    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(playerPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    setFocusPolicy(Qt::StrongFocus); // so the pane itself can hold focus for the shortcuts
    m_controls->attachShortcuts(this);

    // Intents from the controls.
    connect(m_controls, &PlayerControls::playClicked, this, [this] {
        if (problem() != PlaybackProblem::None) {
            retry(); // Play after a failure means: try again
            return;
        }
        if (m_player->source().isEmpty()) {
            load(); // first Play on this source
            return;
        }
        if (m_player->mediaStatus() == QMediaPlayer::EndOfMedia) {
            m_player->setPosition(0); // Play at the end means: again from the start
        }
        m_player->play();
    });
    connect(m_controls, &PlayerControls::pauseClicked, m_player, &QMediaPlayer::pause);
    connect(m_controls, &PlayerControls::seek, m_player, &QMediaPlayer::setPosition);
    connect(m_controls, &PlayerControls::volumeChanged, m_audio, &QAudioOutput::setVolume);
    connect(m_controls, &PlayerControls::muteToggled, m_audio, &QAudioOutput::setMuted);
    connect(m_controls, &PlayerControls::loopToggled, this, [this](bool on) { m_loop = on; });
    connect(m_controls, &PlayerControls::fullScreenToggled, this, &PlayerPane::setFullScreen);
    // State back to the controls.
    connect(m_player, &QMediaPlayer::playbackStateChanged, this,
            [this](QMediaPlayer::PlaybackState state) {
                // After a failure GStreamer may still report "playing": show Play (= retry).
                m_controls->setPlaybackState(
                    problem() == PlaybackProblem::None ? state : QMediaPlayer::StoppedState);
            });
    connect(m_player, &QMediaPlayer::positionChanged, m_controls, &PlayerControls::setPosition);
    connect(m_player, &QMediaPlayer::positionChanged, this, &PlayerPane::onPositionChanged);
    connect(m_player, &QMediaPlayer::durationChanged, m_controls, &PlayerControls::setDuration);
    connect(m_player, &QMediaPlayer::seekableChanged, m_controls, &PlayerControls::setSeekable);
    connect(m_player, &QMediaPlayer::bufferProgressChanged, m_controls,
            &PlayerControls::setBufferProgress);
    connect(m_audio, &QAudioOutput::volumeChanged, m_controls, &PlayerControls::setVolume);
    connect(m_audio, &QAudioOutput::mutedChanged, m_controls, &PlayerControls::setMuted);
    connect(m_video, &QVideoWidget::fullScreenChanged, m_controls, &PlayerControls::setFullScreen);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &PlayerPane::onMediaStatusChanged);
    connect(m_player, &QMediaPlayer::errorOccurred, this, &PlayerPane::onPlayerError);
    m_controls->setVolume(m_audio->volume());
    m_controls->setMuted(m_audio->isMuted());

    connect(m_sourceBar, &PlayerSourceBar::sourceChosen, this, [this] {
        m_forceRemote = false;
        load(); // choosing a source is asking to watch it
    });
    connect(m_problemPanel, &PlaybackProblemPanel::freshLinkClicked, this,
            &PlayerPane::requestFreshLink);
    connect(m_problemPanel, &PlaybackProblemPanel::retryClicked, this, &PlayerPane::retry);
    connect(m_problemPanel, &PlaybackProblemPanel::playOnlineClicked, this, [this] {
        m_forceRemote = true;
        load();
    });
    connect(m_sourceBar, &PlayerSourceBar::openInBrowserClicked, this, &PlayerPane::openInBrowser);
    connect(m_sourceBar, &PlayerSourceBar::downloadClicked, this, [this] {
        if (const std::optional<MediaSource> source = currentSource(); source && m_task) {
            Q_EMIT downloadRequested(m_task->taskId, source->kind, source->index);
        }
    });
    connect(m_sourceBar, &PlayerSourceBar::openWithSystemPlayerClicked, this,
            &PlayerPane::openWithSystemPlayer);

    retranslateUi();
    updatePlaceholder();
}

PlayerPane::~PlayerPane()
{
    // Stop the pipeline before the video widget it renders into goes away.
    m_player->stop();
    m_player->setVideoOutput(static_cast<QObject *>(nullptr));
}

void PlayerPane::setTask(const std::optional<TaskRecord> &task)
{
    const bool sameTask = task && m_task && task->taskId == m_task->taskId;
    if (!sameTask) {
        m_localFiles.clear();
        m_freshUrls.clear();
    }
    m_task = task;
    rebuildSources(sameTask);
}

void PlayerPane::setLocalFileProvider(LocalFileProvider provider)
{
    m_localFileProvider = std::move(provider);
    rebuildSources(true);
}

void PlayerPane::setLocalFile(MediaKind kind, int index, const QString &path)
{
    m_localFiles.insert(sourceKey(kind, index), path);
    rebuildSources(true);
}

void PlayerPane::setLinkProbe(LinkProbe probe)
{
    m_probe = std::move(probe);
}

void PlayerPane::playFreshLink(const QString &taskId, MediaKind kind, int index,
                               const QUrl &freshUrl)
{
    if (!m_task || m_task->taskId != taskId || !freshUrl.isValid()) {
        return;
    }
    m_freshUrls.insert(sourceKey(kind, index), freshUrl);
    const std::optional<MediaSource> current = currentSource();
    if (current && current->kind == kind && current->index == index) {
        m_forceRemote = true; // the user asked for the online copy
        load();
    } else {
        selectSource(kind, index, true);
    }
}

void PlayerPane::showFreshLinkError(const QString &taskId, const QString &message)
{
    if (!m_task || m_task->taskId != taskId) {
        return;
    }
    m_problemPanel->setFreshLinkError(message);
}

QList<MediaSource> PlayerPane::sources() const
{
    return m_sourceBar->sources();
}

std::optional<MediaSource> PlayerPane::currentSource() const
{
    return m_sourceBar->currentSource();
}

bool PlayerPane::selectSource(MediaKind kind, int index, bool autoplay)
{
    if (!m_sourceBar->select(kind, index)) {
        return false;
    }
    m_forceRemote = false;
    if (autoplay) {
        load();
    } else {
        unload();
    }
    return true;
}

void PlayerPane::rebuildSources(bool keepSelection)
{
    QList<MediaSource> sources;
    if (m_task) {
        const LocalFileProvider local = [this](const QString &taskId, MediaKind kind, int index) {
            const QString key = sourceKey(kind, index);
            if (m_localFiles.contains(key)) {
                return m_localFiles.value(key);
            }
            return m_localFileProvider ? m_localFileProvider(taskId, kind, index) : QString();
        };
        sources = offeredSources(*m_task, local, QDateTime::currentDateTimeUtc());
    }
    const std::optional<MediaSource> previous = currentSource();
    if (keepSelection && sources == m_sourceBar->sources()) {
        updatePlaceholder();
        return; // a refresh that changed nothing: no reload, no flicker
    }

    int next = sources.isEmpty() ? -1 : 0;
    bool sameMedia = false;
    if (keepSelection && previous) {
        for (qsizetype i = 0; i < sources.size(); ++i) {
            const MediaSource &s = sources.at(i);
            if (s.kind == previous->kind && s.index == previous->index) {
                next = static_cast<int>(i);
                sameMedia = s == *previous;
                break;
            }
        }
    }
    m_sourceBar->setSources(sources, next);
    updatePlaceholder();

    const bool idle = m_player->playbackState() == QMediaPlayer::StoppedState ||
                      problem() != PlaybackProblem::None;
    if (sameMedia) {
        return;
    }
    if (keepSelection && previous && next >= 0 && !idle &&
        sources.at(next).remoteUrl == previous->remoteUrl) {
        return; // only the local copy changed while it plays: it is used from the next load
    }
    m_forceRemote = false;
    // Not loaded before Play: browsing the list must not stream every video it passes.
    unload();
}

QUrl PlayerPane::remoteUrlOf(const MediaSource &source) const
{
    return m_freshUrls.value(sourceKey(source.kind, source.index), source.remoteUrl);
}

QUrl PlayerPane::playUrlOf(const MediaSource &source) const
{
    return source.isLocal() && !m_forceRemote ? source.playUrl() : remoteUrlOf(source);
}

void PlayerPane::unload()
{
    ++m_loadSerial;
    clearProblem();
    m_controls->setPosition(0);
    m_controls->setDuration(0);
    m_controls->setPlaybackState(QMediaPlayer::StoppedState);
    m_controls->setMediaStatus(QMediaPlayer::NoMedia);
    if (!m_player->source().isEmpty()) {
        m_player->stop();
        m_player->setSource(QUrl());
    }
}

void PlayerPane::load()
{
    unload();
    if (const std::optional<MediaSource> source = currentSource()) {
        // QMediaPlayer makes its own requests with no credentials: nothing may add any.
        m_player->setSource(playUrlOf(*source));
        m_player->play();
    }
}

void PlayerPane::onMediaStatusChanged(QMediaPlayer::MediaStatus status)
{
    m_controls->setMediaStatus(status);
    if (status == QMediaPlayer::EndOfMedia && m_loop) {
        m_player->setPosition(0);
        m_player->play();
    } else if (status == QMediaPlayer::EndOfMedia) {
        // The last position report is a frame short: "0:02 / 0:03" at the end looks wrong.
        m_controls->setPosition(m_player->duration());
    } else if (status == QMediaPlayer::InvalidMedia && !m_errorHandled) {
        onPlayerError(m_player->error() == QMediaPlayer::NoError ? QMediaPlayer::ResourceError
                                                                 : m_player->error(),
                      m_player->errorString());
    }
}

void PlayerPane::onPositionChanged(qint64 position)
{
    // GStreamer can deliver the last errors of the previous source after the next one has
    // started loading, and they then look like this load's. A video that plays is not broken.
    if (problem() == PlaybackProblem::None || position <= 0 ||
        m_player->playbackState() != QMediaPlayer::PlayingState) {
        return;
    }
    const QMediaPlayer::MediaStatus status = m_player->mediaStatus();
    if (status == QMediaPlayer::BufferedMedia || status == QMediaPlayer::BufferingMedia) {
        clearProblem();
        m_controls->setPlaybackState(QMediaPlayer::PlayingState);
    }
}

void PlayerPane::onPlayerError(QMediaPlayer::Error error, const QString &errorString)
{
    // GStreamer follows the real cause with generic ones ("Internal data stream error."):
    // the first error of a load is the one that explains it.
    if (m_errorHandled || error == QMediaPlayer::NoError || m_sourceBar->currentRow() < 0) {
        return;
    }
    m_errorHandled = true;
    const QUrl source = m_player->source();
    const PlaybackProblem problem = classifyPlaybackError(error, errorString, source.isLocalFile());
    showProblem(problem, errorString);
    const bool unclear = problem == PlaybackProblem::Network || problem == PlaybackProblem::Other;
    if (unclear && m_probe && !source.isLocalFile()) {
        m_probe(source, this,
                [this, serial = m_loadSerial](int httpStatus, const QString &networkError) {
                    if (serial == m_loadSerial) {
                        m_problemPanel->applyProbe(httpStatus, networkError);
                    }
                });
    }
}

void PlayerPane::showProblem(PlaybackProblem problem, const QString &detail)
{
    const std::optional<MediaSource> source = currentSource();
    PlaybackProblemPanel::State state;
    state.problem = problem;
    state.detail = detail;
    state.playedLocal = m_player->source().isLocalFile();
    state.hasOnlineCopy = source && source->remoteUrl.isValid();
    // Show Play, which now means "try again". Not m_player->stop(): GStreamer's pipeline,
    // stopped in this state, does not load the next source properly.
    m_controls->setPlaybackState(QMediaPlayer::StoppedState);
    if (m_video->isFullScreen()) {
        setFullScreen(false); // the message is in the pane
    }
    showProblemPanel(state);
}

void PlayerPane::showProblemPanel(PlaybackProblemPanel::State state)
{
    m_problemPanel->setState(state);
    m_view->setCurrentWidget(state.problem == PlaybackProblem::None
                                 ? static_cast<QWidget *>(m_video)
                                 : static_cast<QWidget *>(m_problemPanel));
}

void PlayerPane::clearProblem()
{
    m_errorHandled = false;
    showProblemPanel({});
}

void PlayerPane::setFollowUpMenu(QMenu *menu)
{
    m_sourceBar->setFollowUpMenu(menu);
}

void PlayerPane::updatePlaceholder()
{
    if (!m_sourceBar->sources().isEmpty()) {
        m_pages->setCurrentIndex(1);
        return;
    }
    m_placeholder->setText(noVideoText(m_task, QDateTime::currentDateTimeUtc()));
    m_pages->setCurrentIndex(0);
    if (m_video->isFullScreen()) {
        setFullScreen(false);
    }
}

void PlayerPane::requestFreshLink()
{
    const std::optional<MediaSource> source = currentSource();
    if (!m_task || !source) {
        return;
    }
    m_problemPanel->setAwaitingFreshLink();
    // The original KIE URL: download-url accepts only URLs KIE generated.
    Q_EMIT freshLinkRequested(m_task->taskId, source->remoteUrl, source->kind, source->index);
}

void PlayerPane::retry()
{
    load();
}

void PlayerPane::openInBrowser()
{
    if (const std::optional<MediaSource> source = currentSource()) {
        m_player->pause();
        QDesktopServices::openUrl(remoteUrlOf(*source));
    }
}

void PlayerPane::openWithSystemPlayer()
{
    if (const std::optional<MediaSource> source = currentSource()) {
        m_player->pause();
        QDesktopServices::openUrl(source->isLocal() ? source->playUrl() : remoteUrlOf(*source));
    }
}

void PlayerPane::setFullScreen(bool on)
{
    if (on == m_video->isFullScreen()) {
        m_controls->setFullScreen(on);
        return;
    }
    if (on && m_view->currentWidget() != m_video) {
        m_controls->setFullScreen(false); // nothing to show full screen
        return;
    }
    m_video->setFullScreen(on);
    m_controls->setFullScreen(on);
    if (on) {
        m_video->activateWindow();
        m_video->setFocus(Qt::ShortcutFocusReason);
    } else {
        window()->activateWindow(); // the keys come back to the pane's window
        setFocus(Qt::ShortcutFocusReason);
    }
}

bool PlayerPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_video) {
        if (event->type() == QEvent::KeyPress && m_video->isFullScreen()) {
            // Full screen, the video is its own window: the pane's shortcuts do not reach it.
            if (m_controls->handleKey(static_cast<QKeyEvent *>(event)->keyCombination())) {
                return true;
            }
        } else if (event->type() == QEvent::MouseButtonDblClick) {
            setFullScreen(!m_video->isFullScreen());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PlayerPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void PlayerPane::retranslateUi()
{
    //: Accessible name of the video area
    m_video->setAccessibleName(tr("Video"));
    //: Tooltip of the video area
    m_video->setToolTip(tr("Double-click for full screen"));
    //: Accessible name of the whole player pane and of its placeholder text
    const QString player = tr("Player");
    m_placeholder->setAccessibleName(player);
    setAccessibleName(player);
    updatePlaceholder();
}

QString PlayerPane::sourceKey(MediaKind kind, int index)
{
    return mediaKindKey(kind) + u'/' + QString::number(index);
}

} // namespace veo
