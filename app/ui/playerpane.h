#pragma once

#include "mediasources.h"
#include "playbackproblempanel.h"
#include "taskrecord.h"

#include <QHash>
#include <QMediaPlayer>
#include <QUrl>
#include <QWidget>
#include <functional>
#include <optional>

class QAudioOutput;
class QLabel;
class QMenu;
class QStackedWidget;
class QVideoWidget;

namespace veo {

class PlayerControls;
class PlayerSourceBar;

// Plays the selected task's videos: a switcher between its sources (result, origin, full;
// numbered when a list has several), the video, the controls, and when playback fails a
// message saying why and what to do. Owns the QMediaPlayer; PlayerControls only asks.
// A downloaded video plays from disk. QMediaPlayer fetches remote URLs itself, with no
// credentials: the API token never reaches the media host.
class PlayerPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlayerPane)

public:
    explicit PlayerPane(QWidget *parent = nullptr);
    ~PlayerPane() override;

    // Shows a task with its first source selected; nothing is fetched before Play. nullopt
    // clears the pane. Calling it again for the same task (a refresh) keeps the current
    // source and playback going unless its sources changed.
    void setTask(const std::optional<TaskRecord> &task);
    std::optional<TaskRecord> task() const { return m_task; }

    // Where downloaded videos are. Asked whenever the sources are rebuilt.
    void setLocalFileProvider(LocalFileProvider provider);
    // A download of the current task finished (or was removed: empty path). The source plays
    // from disk from its next load: the next Play, unless it is playing or paused right now.
    void setLocalFile(MediaKind kind, int index, const QString &path);

    // Asks the media host how it answers a URL (the HTTP status, or 0 and the network error);
    // done is not called once context is gone. The engine's is probeMediaLink (no credentials,
    // no cookies).
    using LinkProbe =
        std::function<void(const QUrl &url, QObject *context,
                           std::function<void(int httpStatus, const QString &error)>)>;
    // Optional: lets the pane ask for the HTTP status when the backend's error does not tell
    // an expired link from a network problem. Without it, the backend's error text decides.
    void setLinkProbe(LinkProbe probe);
    // The "Upgrade and Extend" menu of the selected task (not owned), on the row above the
    // video.
    void setFollowUpMenu(QMenu *menu);

    // The answer to freshLinkRequested: plays that source from freshUrl (a temporary
    // download-url link). Ignored when the pane shows another task by now.
    void playFreshLink(const QString &taskId, MediaKind kind, int index, const QUrl &freshUrl);
    // The fresh link could not be obtained: shows why, and offers the button again.
    void showFreshLinkError(const QString &taskId, const QString &message);

    // The switcher's entries, in order, and the one selected (nullopt when none).
    QList<MediaSource> sources() const;
    std::optional<MediaSource> currentSource() const;
    // Selects a source as the switcher does; it is loaded and played when autoplay is set.
    bool selectSource(MediaKind kind, int index, bool autoplay = true);

    PlaybackProblem problem() const { return m_problemPanel->state().problem; }
    QMediaPlayer *mediaPlayer() const { return m_player; }
    PlayerControls *controls() const { return m_controls; }
    QVideoWidget *videoWidget() const { return m_video; }

Q_SIGNALS:
    // The media host refused the link (expired). The app connects it to Engine::renewLink and
    // answers with playFreshLink() or showFreshLinkError().
    void freshLinkRequested(const QString &taskId, const QUrl &url, veo::MediaKind kind, int index);
    // "Download" for the current source (shown while it is not downloaded).
    void downloadRequested(const QString &taskId, veo::MediaKind kind, int index);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void rebuildSources(bool keepSelection);
    // Loads the current source and plays it (a retry loads again).
    void load();
    // Back to "nothing loaded": the next Play loads the current source.
    void unload();
    QUrl remoteUrlOf(const MediaSource &source) const;
    QUrl playUrlOf(const MediaSource &source) const;
    void onMediaStatusChanged(QMediaPlayer::MediaStatus status);
    void onPositionChanged(qint64 position);
    void onPlayerError(QMediaPlayer::Error error, const QString &errorString);
    void showProblem(PlaybackProblem problem, const QString &detail);
    void clearProblem();
    void showProblemPanel(PlaybackProblemPanel::State state);
    void updatePlaceholder();
    void requestFreshLink();
    void retry();
    void openInBrowser();
    void openWithSystemPlayer();
    void setFullScreen(bool on);
    static QString sourceKey(MediaKind kind, int index);

    QMediaPlayer *m_player;
    QAudioOutput *m_audio;
    QStackedWidget *m_pages; // placeholder | player
    QLabel *m_placeholder;
    PlayerSourceBar *m_sourceBar; // the switcher and the current source's buttons
    QStackedWidget *m_view;       // video | error panel
    QVideoWidget *m_video;
    PlaybackProblemPanel *m_problemPanel;
    PlayerControls *m_controls;

    std::optional<TaskRecord> m_task;
    LocalFileProvider m_localFileProvider;
    LinkProbe m_probe;
    quint64 m_loadSerial = 0;             // tells a late probe answer from a stale load
    QHash<QString, QString> m_localFiles; // sourceKey -> path, from setLocalFile()
    QHash<QString, QUrl> m_freshUrls;     // sourceKey -> download-url link
    bool m_forceRemote = false;           // "Play online copy" after a local file failed
    bool m_loop = false;
    bool m_errorHandled = false; // only the first error of a load is shown
};

} // namespace veo
