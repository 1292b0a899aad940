#pragma once

#include "fakekieserver.h"

#include <QStringList>
#include <QUrl>
#include <memory>
#include <optional>

namespace veo {

// The simulated KIE endpoint for --demo, on loopback inside this process: the API on
// 127.0.0.1, the videos on 127.0.0.2 (another origin, as KIE's file hosts are; the API's own
// address when that one cannot be used).
struct DemoServers
{
    std::unique_ptr<FakeKieServer> api;
    std::unique_ptr<FakeKieServer> media;
    QUrl baseUrl() const { return api->baseUrl(); }
};

// The key the demo's server accepts (it is no secret: the server lives in this process).
inline constexpr auto DemoToken = "demo-key";

// Starts the servers with the demo's tasks, whose IDs go to demoIds; nullopt when the API's
// address cannot be listened on.
std::optional<DemoServers> startDemoServer(QStringList *demoIds);

// The API a command talks to: with --demo the demo's servers, started here; otherwise apiBase,
// or KIE's when it is empty. error (translated) says why not when the demo cannot start or the
// address is refused.
struct Endpoint
{
    std::optional<DemoServers> demo;
    QStringList demoIds; // the demo's tasks
    QUrl url;
    QString error;
};
Endpoint openEndpoint(bool demo, const QString &apiBase);

} // namespace veo
