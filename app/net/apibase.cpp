#include "apibase.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace veo {
namespace {

ApiBaseCheck refuse(const QString &error)
{
    return ApiBaseCheck{QUrl(), error};
}

int defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("https")) {
        return 443;
    }
    if (scheme == QLatin1String("http")) {
        return 80;
    }
    return -1;
}

} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

ApiBaseCheck checkApiBase(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return refuse(QCoreApplication::translate(
            "ApiBase", "The API address is empty. Enter one such as https://api.kie.ai."));
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid()) {
        return refuse(QCoreApplication::translate(
            "ApiBase", "The API address is not a valid URL. Enter one such as "
                       "https://api.kie.ai."));
    }
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        return refuse(QCoreApplication::translate(
            "ApiBase", "The API address must start with https://, for example "
                       "https://api.kie.ai."));
    }
    if (url.host().isEmpty()) {
        return refuse(QCoreApplication::translate(
            "ApiBase", "The API address has no host name. Enter one such as "
                       "https://api.kie.ai."));
    }
    if (!url.userInfo().isEmpty()) {
        return refuse(QCoreApplication::translate(
            "ApiBase", "The API address must not contain a user name or password. Remove "
                       "them; the API key is entered separately."));
    }
    if (url.hasQuery() || url.hasFragment() ||
        (!url.path().isEmpty() && url.path() != QLatin1String("/"))) {
        return refuse(QCoreApplication::translate(
            "ApiBase", "The API address must be just the server, without a path such as "
                       "/api/v1. Enter it like https://api.kie.ai."));
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        return refuse(QCoreApplication::translate(
            "ApiBase", "The API address uses http://, which would send the API key "
                       "unencrypted. Use https:// (plain http:// is allowed only for a test "
                       "server on this computer)."));
    }

    QUrl normalised;
    normalised.setScheme(scheme);
    normalised.setHost(url.host().toLower());
    if (url.port() != -1 && url.port() != defaultPort(scheme)) {
        normalised.setPort(url.port());
    }
    return ApiBaseCheck{normalised, QString()};
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    if (!a.isValid() || !b.isValid() || a.host().isEmpty()) {
        return false;
    }
    const QString scheme = a.scheme().toLower();
    return scheme == b.scheme().toLower() &&
           a.host(QUrl::FullyEncoded).compare(b.host(QUrl::FullyEncoded), Qt::CaseInsensitive) ==
               0 &&
           a.port(defaultPort(scheme)) == b.port(defaultPort(scheme));
}

} // namespace veo
