#pragma once

#include <QString>
#include <QUrl>

namespace veo {

struct ApiBaseCheck
{
    QUrl url;      // normalised base (scheme, host, port; no trailing slash)
    QString error; // translated; empty when the base is acceptable
};

// https is required unless the host is a loopback address (127.0.0.0/8, ::1, localhost).
ApiBaseCheck checkApiBase(const QString &text);
// 127.0.0.0/8, ::1 or "localhost".
bool isLoopbackHost(const QString &host);
// Same scheme, host and port.
bool sameOrigin(const QUrl &a, const QUrl &b);
inline constexpr auto DefaultApiBase = "https://api.kie.ai";

} // namespace veo
