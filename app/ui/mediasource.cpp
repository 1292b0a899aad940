#include "mediasource.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
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

QString playbackProblemTitle(PlaybackProblem problem)
{
    switch (problem) {
    case PlaybackProblem::None:
        return QString();
    case PlaybackProblem::LinkExpired:
        //: Player error title: the media host no longer serves the video at this address
        return QCoreApplication::translate("veo::PlayerPane", "This video link has expired");
    case PlaybackProblem::LocalFileMissing:
        //: Player error title: the downloaded video file cannot be read
        return QCoreApplication::translate("veo::PlayerPane", "The downloaded file can't be read");
    case PlaybackProblem::Network:
        //: Player error title: a network problem while streaming the video
        return QCoreApplication::translate("veo::PlayerPane", "The video couldn't be loaded");
    case PlaybackProblem::NotAVideo:
        //: Player error title: the received data is not a playable video
        return QCoreApplication::translate("veo::PlayerPane", "This isn't a playable video");
    case PlaybackProblem::CodecMissing:
        //: Player error title: the system lacks a decoder for the video format
        return QCoreApplication::translate("veo::PlayerPane", "A video codec is missing");
    case PlaybackProblem::Other:
        //: Player error title: any other playback failure
        return QCoreApplication::translate("veo::PlayerPane", "The video couldn't be played");
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
            "veo::PlayerPane",
            "KIE's video links work only for a limited time. Get a fresh link to "
            "keep watching, and download the video to keep a copy.");
        break;
    case PlaybackProblem::LocalFileMissing:
        //: Player error advice when the downloaded copy is gone or unreadable
        text = QCoreApplication::translate(
            "veo::PlayerPane", "The file may have been moved or deleted. Play the online copy "
                               "instead, or download the video again.");
        break;
    case PlaybackProblem::Network:
        //: Player error advice for a network problem
        text = QCoreApplication::translate(
            "veo::PlayerPane", "The media server couldn't be reached or answered with an error. "
                               "Check your internet connection, then try again.");
        break;
    case PlaybackProblem::NotAVideo:
        //: Player error advice when the data is not a video
        text = QCoreApplication::translate(
            "veo::PlayerPane", "The file may be damaged or incomplete. Open it in the browser, or "
                               "download it again.");
        break;
    case PlaybackProblem::CodecMissing:
        //: Player error advice when a codec is missing. Keep the Debian package names as
        //: they are.
        text = QCoreApplication::translate(
            "veo::PlayerPane", "Install the packages gstreamer1.0-libav (H.264/AAC) and "
                               "gstreamer1.0-plugins-good, then restart Veo Tracker. Until then, "
                               "open the video with the system player.");
        break;
    case PlaybackProblem::Other:
        //: Player error advice for any other failure
        text = QCoreApplication::translate(
            "veo::PlayerPane", "Try again, or open the video in the browser or with the system "
                               "player.");
        break;
    }
    if (!detail.trimmed().isEmpty()) {
        //: Appended to a player error: %1 is the media backend's own (often English) message
        text += u'\n' +
                QCoreApplication::translate("veo::PlayerPane", "Details: %1").arg(detail.trimmed());
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

void probeMediaLink(QNetworkAccessManager *network, const QUrl &url, QObject *context,
                    std::function<void(int httpStatus, const QString &error)> done)
{
    QNetworkRequest request(url);
    // Only what a browser's first request for a video would carry: no Authorization is ever
    // set, and the manager's cookies are neither sent nor stored.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setRawHeader("Range", "bytes=0-0");
    request.setTransferTimeout(10000);
    QNetworkReply *reply = network->get(request);
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QObject::connect(context, &QObject::destroyed, reply, [reply = QPointer<QNetworkReply>(reply)] {
        if (reply) {
            reply->abort();
        }
    });
    auto reported = std::make_shared<bool>(false);
    const auto report = [reported, done](int status, const QString &error) {
        if (!*reported) {
            *reported = true;
            done(status, error);
        }
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, context, [reply, report] {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid() && (status.toInt() < 300 || status.toInt() >= 400)) {
            report(status.toInt(), QString());
            reply->abort(); // the status is all we wanted, not a whole video
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, report] {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        report(status.isValid() ? status.toInt() : 0, reply->errorString());
    });
}

} // namespace veo
