#include "demoservers.h"

#include "apibase.h"
#include "demoscenario.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>

namespace veo {

std::optional<DemoServers> startDemoServer(QStringList *demoIds)
{
    DemoServers demo{std::make_unique<FakeKieServer>(), std::make_unique<FakeKieServer>()};
    if (!demo.api->listen(QHostAddress::LocalHost)) {
        return std::nullopt;
    }
    if (!demo.media->listen(QHostAddress(QStringLiteral("127.0.0.2")))) {
        demo.media.reset();
    }
    QFile clip(QStringLiteral(":/demo/demo-clip.mp4"));
    *demoIds = installDemoScenario(*demo.api,
                                   clip.open(QIODevice::ReadOnly) ? clip.readAll() : QByteArray(),
                                   demo.media.get());
    return demo;
}

Endpoint openEndpoint(bool demo, const QString &apiBase)
{
    Endpoint endpoint;
    QString base = apiBase.isEmpty() ? QString::fromLatin1(DefaultApiBase) : apiBase;
    if (demo) {
        endpoint.demo = startDemoServer(&endpoint.demoIds);
        if (!endpoint.demo) {
            endpoint.error = QCoreApplication::translate(
                "main", "Could not start the simulated KIE server for the demo on 127.0.0.1.");
            return endpoint;
        }
        base = endpoint.demo->baseUrl().toString();
    }
    const ApiBaseCheck api = checkApiBase(base);
    endpoint.url = api.url;
    endpoint.error = api.error;
    return endpoint;
}

} // namespace veo
