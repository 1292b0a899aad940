#pragma once

#include <QMediaPlayer>
#include <QString>
#include <functional>

class QNetworkAccessManager;
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

// Translated at call time (context "veo::PlayerPane", as the pane's own strings).
QString playbackProblemTitle(PlaybackProblem problem);
// What happened and what to do; detail is the backend's own text, shown for reference.
QString playbackProblemAdvice(PlaybackProblem problem, const QString &detail);

// The problem an HTTP status of the media URL means: 401/403/404/410 LinkExpired, other
// errors Network, None for success (the answer does not explain the failure).
PlaybackProblem problemForHttpStatus(int httpStatus);

// Asks the media host how it answers url, for when the backend's error does not say: a GET
// for the first byte (a HEAD would not do: signed links are signed for GET only) with no
// credentials and no cookies, aborted as soon as the status line is in. done gets the HTTP
// status, or 0 and the network error text; it is not called once context is gone.
void probeMediaLink(QNetworkAccessManager *network, const QUrl &url, QObject *context,
                    std::function<void(int httpStatus, const QString &error)> done);

} // namespace veo
