#include "medialinkprobe.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <memory>

namespace veo {

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
