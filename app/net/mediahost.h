#pragma once

#include <QByteArray>
#include <QString>
#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QObject;
class QUrl;

namespace veo {

// Requests to the hosts that serve KIE's videos and pictures. They carry only what a browser's
// first request for a file would: never an Authorization header, and the manager's cookies are
// neither sent nor stored.

// Asks the media host how it answers url, for when the backend's error does not say: a GET
// for the first byte (a HEAD would not do: signed links are signed for GET only), aborted as
// soon as the status line is in. done gets the HTTP status, or 0 and the network error text;
// it is not called once context is gone.
void probeMediaLink(QNetworkAccessManager *network, const QUrl &url, QObject *context,
                    std::function<void(int httpStatus, const QString &error)> done);

// Fetches a small file from a media host (a preview picture): done gets its bytes, or an empty
// array and why not (a network error, an HTTP error, more than maxBytes, or no answer within
// timeout). done is called once, and not at all once context is gone.
void fetchMediaFile(QNetworkAccessManager *network, const QUrl &url, qint64 maxBytes,
                    std::chrono::milliseconds timeout, QObject *context,
                    std::function<void(const QByteArray &body, const QString &error)> done);

} // namespace veo
