#include "mediahost.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace veo {

namespace {

QNetworkRequest mediaHostRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    // No Authorization is ever set here, and no cookies go either way.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    return request;
}

// The reply is aborted when context goes (and tells it nothing more), and deleted when it
// finishes.
QNetworkReply *getFor(QNetworkAccessManager *network, const QNetworkRequest &request,
                      QObject *context)
{
    QNetworkReply *reply = network->get(request);
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    // destroyed() comes before the context's own connections go: they are cut first, so the
    // abort's finished() reaches nothing of what is being destroyed.
    QObject::connect(context, &QObject::destroyed, reply,
                     [reply = QPointer<QNetworkReply>(reply), context] {
                         if (reply) {
                             QObject::disconnect(reply, nullptr, context, nullptr);
                             reply->abort();
                         }
                     });
    return reply;
}

} // namespace

void probeMediaLink(QNetworkAccessManager *network, const QUrl &url, QObject *context,
                    std::function<void(int httpStatus, const QString &error)> done)
{
    QNetworkRequest request = mediaHostRequest(url);
    request.setRawHeader("Range", "bytes=0-0");
    request.setTransferTimeout(10000);
    QNetworkReply *reply = getFor(network, request, context);
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

void fetchMediaFile(QNetworkAccessManager *network, const QUrl &url, qint64 maxBytes,
                    std::chrono::milliseconds timeout, QObject *context,
                    std::function<void(const QByteArray &body, const QString &error)> done)
{
    QNetworkReply *reply = getFor(network, mediaHostRequest(url), context);
    // Why the reply was cut short by us; empty while it runs on its own.
    auto refusal = std::make_shared<QString>();
    const auto refuse = [reply, refusal](const QString &why) {
        if (refusal->isEmpty()) {
            *refusal = why;
            reply->abort();
        }
    };
    const auto tooLarge = [maxBytes] {
        //: a preview picture on the media host; %1 = a size limit in MB
        return QCoreApplication::translate("MediaHost", "The file is larger than %1 MB.")
            .arg(double(maxBytes) / 1e6, 0, 'f', 0);
    };
    // Qt 6.4's lupdate never finishes on a division inside a translate() call.
    const auto seconds = int(std::chrono::duration_cast<std::chrono::seconds>(timeout).count());
    QTimer::singleShot(timeout, reply, [refuse, seconds] {
        //: a preview picture on the media host
        refuse(QCoreApplication::translate("MediaHost", "No answer within %n second(s).", "",
                                           seconds));
    });
    QObject::connect(
        reply, &QNetworkReply::metaDataChanged, reply, [reply, maxBytes, refuse, tooLarge] {
            if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > maxBytes) {
                refuse(tooLarge());
            }
        });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [maxBytes, refuse, tooLarge](qint64 received, qint64) {
                         if (received > maxBytes) {
                             refuse(tooLarge());
                         }
                     });
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, refusal, done] {
        if (!refusal->isEmpty()) {
            done({}, *refusal);
        } else if (reply->error() != QNetworkReply::NoError) {
            done({}, reply->errorString());
        } else {
            done(reply->readAll(), QString());
        }
    });
}

} // namespace veo
