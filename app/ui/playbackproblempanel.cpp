#include "playbackproblempanel.h"

#include "taskexpiry.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <memory>

namespace veo {

namespace {
bool mentionsExpiredLink(const QString &text)
{
    // Status codes and reason phrases of the answers a temporary (signed) link gets once it
    // is no longer valid. Python-style servers say "File not found" for 404.
    static const QRegularExpression expired(
        QStringLiteral("\\b(401|403|404|410)\\b|forbidden|not found|gone|unauthori[sz]ed|"
                       "not authori[sz]ed|access denied|request ?expired"),
        QRegularExpression::CaseInsensitiveOption);
    return expired.match(text).hasMatch();
}

bool mentionsUnknownType(const QString &text)
{
    static const QRegularExpression unknown(
        QStringLiteral("could not determine type|text file|not a valid|invalid (data|file)|"
                       "demux|moov atom|no valid frames|stream doesn'?t contain"),
        QRegularExpression::CaseInsensitiveOption);
    return unknown.match(text).hasMatch();
}

bool mentionsMissingFile(const QString &text)
{
    static const QRegularExpression missing(
        QStringLiteral("not found|no such file|could not open|permission denied|"
                       "not authori[sz]ed|resource"),
        QRegularExpression::CaseInsensitiveOption);
    return missing.match(text).hasMatch();
}

bool mentionsMissingCodec(const QString &text)
{
    // GStreamer: "Your GStreamer installation is missing a plug-in.", "No decoder available
    // for type ...", and Qt's own "Cannot play stream of type: <unknown>".
    static const QRegularExpression codec(
        QStringLiteral("missing a plug-?in|missing plug-?in|no decoder|decoder .*not found|"
                       "cannot play stream of type"),
        QRegularExpression::CaseInsensitiveOption);
    return codec.match(text).hasMatch();
}
} // namespace

PlaybackProblem classifyPlaybackError(QMediaPlayer::Error error, const QString &errorString,
                                      bool localFile)
{
    // GStreamer's type finder says "Stream doesn't contain enough data." when (next to)
    // nothing arrived, and may say it before the connection error that explains it: for a
    // link that is the network's doing (the link probe then tells more), for a file a cut one.
    static const QRegularExpression tooLittle(QStringLiteral("doesn'?t contain enough data"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (!localFile && error != QMediaPlayer::NoError && tooLittle.match(errorString).hasMatch()) {
        return PlaybackProblem::Network;
    }
    switch (error) {
    case QMediaPlayer::NoError:
        return PlaybackProblem::None;
    case QMediaPlayer::FormatError:
        return mentionsUnknownType(errorString) && !mentionsMissingCodec(errorString)
                   ? PlaybackProblem::NotAVideo
                   : PlaybackProblem::CodecMissing;
    case QMediaPlayer::NetworkError:
        return localFile ? PlaybackProblem::Other : PlaybackProblem::Network;
    case QMediaPlayer::AccessDeniedError:
        return localFile ? PlaybackProblem::LocalFileMissing : PlaybackProblem::LinkExpired;
    case QMediaPlayer::ResourceError:
        if (mentionsMissingCodec(errorString)) {
            return PlaybackProblem::CodecMissing;
        }
        if (mentionsUnknownType(errorString)) {
            return PlaybackProblem::NotAVideo;
        }
        if (localFile) {
            return mentionsMissingFile(errorString) ? PlaybackProblem::LocalFileMissing
                                                    : PlaybackProblem::Other;
        }
        return mentionsExpiredLink(errorString) ? PlaybackProblem::LinkExpired
                                                : PlaybackProblem::Network;
    }
    return PlaybackProblem::Other;
}

QString noVideoText(const std::optional<TaskRecord> &task, const QDateTime &now)
{
    if (!task) {
        //: Player pane when no task is selected
        return QCoreApplication::translate("veo::PlayerPane", "Select a task to watch its video.");
    }
    if (isFailure(task->status)) {
        //: Player pane for a failed task
        return QCoreApplication::translate("veo::PlayerPane",
                                           "This task failed, so it has no video.");
    }
    if (task->status != TaskStatus::Succeeded) {
        //: Player pane for a task that is still waiting or generating (or no longer known)
        return QCoreApplication::translate("veo::PlayerPane",
                                           "The video appears here when the task has succeeded.");
    }
    if (videosExpired(*task, now)) {
        //: Player pane for a task whose videos KIE deleted (14 days) with no downloaded copy
        return QCoreApplication::translate(
            "veo::PlayerPane", "KIE deleted the videos of this task 14 days after they were "
                               "made, and none was downloaded. Its prompt and details stay "
                               "in the list.");
    }
    //: Player pane for a succeeded task whose answer had no video URL
    return QCoreApplication::translate("veo::PlayerPane", "KIE reported no video for this task.");
}

QString playbackProblemTitle(PlaybackProblem problem)
{
    switch (problem) {
    case PlaybackProblem::None:
        return QString();
    case PlaybackProblem::LinkExpired:
        //: Player error title: the media host no longer serves the video at this address
        return QCoreApplication::translate("PlayerPane", "This video link has expired");
    case PlaybackProblem::LocalFileMissing:
        //: Player error title: the downloaded video file cannot be read
        return QCoreApplication::translate("PlayerPane", "The downloaded file can't be read");
    case PlaybackProblem::Network:
        //: Player error title: a network problem while streaming the video
        return QCoreApplication::translate("PlayerPane", "The video couldn't be loaded");
    case PlaybackProblem::NotAVideo:
        //: Player error title: the received data is not a playable video
        return QCoreApplication::translate("PlayerPane", "This isn't a playable video");
    case PlaybackProblem::CodecMissing:
        //: Player error title: the system lacks a decoder for the video format
        return QCoreApplication::translate("PlayerPane", "A video codec is missing");
    case PlaybackProblem::Other:
        //: Player error title: any other playback failure
        return QCoreApplication::translate("PlayerPane", "The video couldn't be played");
    }
    return QString();
}

QString playbackProblemAdvice(PlaybackProblem problem, const QString &detail)
{
    QString text;
    switch (problem) {
    case PlaybackProblem::None:
        return QString();
    case PlaybackProblem::LinkExpired:
        //: Player error advice for an expired link
        text = QCoreApplication::translate(
            "PlayerPane", "KIE's video links work only for a limited time. Get a fresh link to "
                          "keep watching, and download the video to keep a copy.");
        break;
    case PlaybackProblem::LocalFileMissing:
        //: Player error advice when the downloaded copy is gone or unreadable
        text = QCoreApplication::translate(
            "PlayerPane", "The file may have been moved or deleted. Play the online copy "
                          "instead, or download the video again.");
        break;
    case PlaybackProblem::Network:
        //: Player error advice for a network problem
        text = QCoreApplication::translate(
            "PlayerPane", "The media server couldn't be reached or answered with an error. "
                          "Check your internet connection, then try again.");
        break;
    case PlaybackProblem::NotAVideo:
        //: Player error advice when the data is not a video
        text = QCoreApplication::translate(
            "PlayerPane", "The file may be damaged or incomplete. Open it in the browser, or "
                          "download it again.");
        break;
    case PlaybackProblem::CodecMissing:
        //: Player error advice when a codec is missing. Keep the Debian package names as
        //: they are.
        text = QCoreApplication::translate(
            "PlayerPane", "Install the packages gstreamer1.0-libav (H.264/AAC) and "
                          "gstreamer1.0-plugins-good, then restart Veo Tracker. Until then, "
                          "open the video with the system player.");
        break;
    case PlaybackProblem::Other:
        //: Player error advice for any other failure
        text = QCoreApplication::translate(
            "PlayerPane", "Try again, or open the video in the browser or with the system "
                          "player.");
        break;
    }
    if (!detail.trimmed().isEmpty()) {
        //: Appended to a player error: %1 is the media backend's own (often English) message
        text +=
            u'\n' + QCoreApplication::translate("PlayerPane", "Details: %1").arg(detail.trimmed());
    }
    return text;
}

PlaybackProblem problemForHttpStatus(int httpStatus)
{
    switch (httpStatus) {
    case 401:
    case 403:
    case 404:
    case 410:
        return PlaybackProblem::LinkExpired;
    default:
        return httpStatus >= 200 && httpStatus < 400 ? PlaybackProblem::None
                                                     : PlaybackProblem::Network;
    }
}

// --- PlaybackProblemPanel ------------------------------------------------------------------

PlaybackProblemPanel::PlaybackProblemPanel(QWidget *parent)
    : QWidget(parent), m_title(new QLabel), m_text(new QLabel), m_freshLinkButton(new QPushButton),
      m_retryButton(new QPushButton), m_onlineButton(new QPushButton)
{
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *icon = new QLabel;
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_freshLinkButton);
    buttons->addWidget(m_retryButton);
    buttons->addWidget(m_onlineButton);
    buttons->addStretch(1);
    auto *body = new QVBoxLayout;
    body->addWidget(m_title);
    body->addWidget(m_text);
    body->addSpacing(6);
    body->addLayout(buttons);
    auto *row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addSpacing(8);
    row->addLayout(body, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    connect(m_freshLinkButton, &QPushButton::clicked, this,
            &PlaybackProblemPanel::freshLinkClicked);
    connect(m_retryButton, &QPushButton::clicked, this, &PlaybackProblemPanel::retryClicked);
    connect(m_onlineButton, &QPushButton::clicked, this, &PlaybackProblemPanel::playOnlineClicked);
    retranslateUi();
}

void PlaybackProblemPanel::setState(const State &state)
{
    m_state = state;
    const PlaybackProblem p = state.problem;
    m_freshLinkButton->setVisible(p == PlaybackProblem::LinkExpired && !state.playedLocal);
    m_freshLinkButton->setEnabled(!state.awaitingFreshLink);
    m_onlineButton->setVisible(state.playedLocal && state.hasOnlineCopy);
    m_retryButton->setVisible(p == PlaybackProblem::Network || p == PlaybackProblem::Other);
    updateTexts();
}

void PlaybackProblemPanel::applyProbe(int httpStatus, const QString &networkError)
{
    const PlaybackProblem problem = problemForHttpStatus(httpStatus);
    if (problem == PlaybackProblem::None || m_state.problem == PlaybackProblem::None) {
        return;
    }
    State state = m_state;
    state.problem = problem;
    state.httpStatus = httpStatus;
    if (httpStatus == 0 && !networkError.isEmpty()) {
        state.detail += QStringLiteral("; ") + networkError;
    }
    setState(state);
}

void PlaybackProblemPanel::setAwaitingFreshLink()
{
    State state = m_state;
    state.awaitingFreshLink = true;
    state.freshLinkError.clear();
    setState(state);
}

void PlaybackProblemPanel::setFreshLinkError(const QString &message)
{
    if (m_state.problem == PlaybackProblem::None) {
        return;
    }
    State state = m_state;
    state.awaitingFreshLink = false;
    state.freshLinkError = message;
    setState(state);
}

void PlaybackProblemPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void PlaybackProblemPanel::retranslateUi()
{
    //: Accessible name of the title of a playback error ("This video link has expired")
    m_title->setAccessibleName(QCoreApplication::translate("veo::PlayerPane", "Playback problem"));
    //: Accessible name of the explanation under a playback error
    m_text->setAccessibleName(QCoreApplication::translate("veo::PlayerPane", "What to do"));
    //: Player button after an expired link: ask KIE (download-url) for a new link
    m_freshLinkButton->setAccessibleName(
        QCoreApplication::translate("veo::PlayerPane", "Get a fresh link"));
    //: Tooltip of "Get a fresh link"
    m_freshLinkButton->setToolTip(QCoreApplication::translate(
        "veo::PlayerPane",
        "Ask KIE for a new temporary link to this video (valid for 20 minutes)"));
    //: Player button after a network error: load the video again
    const QString retry = QCoreApplication::translate("veo::PlayerPane", "Try again");
    m_retryButton->setText(retry);
    m_retryButton->setAccessibleName(retry);
    //: Player button when the downloaded file fails: stream the online copy instead
    const QString online = QCoreApplication::translate("veo::PlayerPane", "Play online copy");
    m_onlineButton->setText(online);
    m_onlineButton->setAccessibleName(online);
    updateTexts();
}

void PlaybackProblemPanel::updateTexts()
{
    m_title->setText(playbackProblemTitle(m_state.problem));
    QString detail = m_state.detail;
    if (m_state.httpStatus > 0) {
        //: Detail of a playback error: the media server's HTTP status code
        const QString http =
            QCoreApplication::translate("veo::PlayerPane", "the server answered HTTP %1")
                .arg(m_state.httpStatus);
        detail = detail.isEmpty() ? http : detail + QStringLiteral("; ") + http;
    }
    QString text = playbackProblemAdvice(m_state.problem, detail);
    if (!m_state.freshLinkError.isEmpty()) {
        //: Shown under an expired-link error when asking KIE for a new link failed;
        //: %1 is KIE's or the network's error message
        text += u'\n' + QCoreApplication::translate("veo::PlayerPane",
                                                    "A fresh link could not be obtained: %1")
                            .arg(m_state.freshLinkError);
    }
    m_text->setText(text);
    if (m_state.awaitingFreshLink) {
        //: The "Get a fresh link" button while KIE is being asked
        m_freshLinkButton->setText(
            QCoreApplication::translate("veo::PlayerPane", "Getting a fresh link…"));
    } else {
        //: Player button after an expired link: ask KIE (download-url) for a new link
        m_freshLinkButton->setText(
            QCoreApplication::translate("veo::PlayerPane", "Get a fresh link"));
    }
}

} // namespace veo
