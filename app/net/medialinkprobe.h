#pragma once

#include <QString>
#include <functional>

class QNetworkAccessManager;
class QObject;
class QUrl;

namespace veo {

// Asks the media host how it answers url, for when the backend's error does not say: a GET
// for the first byte (a HEAD would not do: signed links are signed for GET only) with no
// credentials and no cookies, aborted as soon as the status line is in. done gets the HTTP
// status, or 0 and the network error text; it is not called once context is gone.
void probeMediaLink(QNetworkAccessManager *network, const QUrl &url, QObject *context,
                    std::function<void(int httpStatus, const QString &error)> done);

} // namespace veo
