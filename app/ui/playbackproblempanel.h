#pragma once

#include "taskrecord.h"

#include <QDateTime>
#include <QMediaPlayer>
#include <QString>
#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QUrl;

namespace veo {

// Why a video did not play, in terms of what the user can do about it.
enum class PlaybackProblem {
    None,
    LinkExpired,      // the media host answered 401/403/404/410: KIE's links are temporary
    LocalFileMissing, // the downloaded copy is gone or unreadable
    Network,          // the host could not be reached or answered with another error
    NotAVideo,        // the data is not a video (damaged, truncated, an error page)
    CodecMissing,     // the backend lacks a decoder (GStreamer plugin packages)
    Other,
};

// Maps QMediaPlayer's error and its (backend, English) text to a problem. GStreamer reports an
// HTTP failure as a ResourceError whose text is the server's reason phrase ("Not Found",
// "Forbidden", "Gone"); a stream it cannot identify as "Could not determine type of stream".
PlaybackProblem classifyPlaybackError(QMediaPlayer::Error error, const QString &errorString,
                                      bool localFile);

// Translated at call time (context "PlayerPane").
// Why the player shows no video for the task (none selected, failed, not finished, deleted by
// KIE after 14 days with no copy on disk, or no URL), translated.
QString noVideoText(const std::optional<TaskRecord> &task, const QDateTime &now);
QString playbackProblemTitle(PlaybackProblem problem);
// What happened and what to do; detail is the backend's own text, shown for reference.
QString playbackProblemAdvice(PlaybackProblem problem, const QString &detail);

// The problem an HTTP status of the media URL means: 401/403/404/410 LinkExpired, other
// errors Network, None for success (the answer does not explain the failure).
PlaybackProblem problemForHttpStatus(int httpStatus);

// The player pane's message in place of the video when playback failed: what happened, what
// to do, and the buttons for it. Only emits what the user clicked; the pane acts. Its strings
// are in the pane's translation context ("veo::PlayerPane"): for a translator it is one pane.
class PlaybackProblemPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaybackProblemPanel)

public:
    struct State
    {
        PlaybackProblem problem = PlaybackProblem::None;
        QString detail;         // the backend's error text
        int httpStatus = 0;     // from probeMediaLink, 0 = not asked or no answer
        QString freshLinkError; // why download-url failed
        bool awaitingFreshLink = false;
        bool playedLocal = false; // the failing source was the downloaded file
        bool hasOnlineCopy = false;
    };

    explicit PlaybackProblemPanel(QWidget *parent = nullptr);

    void setState(const State &state);
    const State &state() const { return m_state; }
    // The media host's answer to a probe of the failing link (the HTTP status, or 0 and the
    // network error): a refusal means an expired link, an error a network problem; either
    // explains more than the backend's text. Ignored when no problem shows or the host serves
    // the link (then the backend's own error stands).
    void applyProbe(int httpStatus, const QString &networkError);
    // "Get a fresh link" was clicked: the button waits for the answer.
    void setAwaitingFreshLink();
    // The fresh link could not be obtained: why, and the button again. Ignored when no problem
    // shows.
    void setFreshLinkError(const QString &message);

Q_SIGNALS:
    void freshLinkClicked();
    void retryClicked();
    void playOnlineClicked();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateTexts();

    State m_state;
    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_freshLinkButton;
    QPushButton *m_retryButton;
    QPushButton *m_onlineButton;
};

} // namespace veo
