#include "demoservers.h"

#include "demoscenario.h"

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

} // namespace veo
