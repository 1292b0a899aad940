#pragma once

#include <QByteArray>
#include <QStringList>

namespace veo {

class FakeKieServer;

// A dozen sample tasks that move through every status and error over a few minutes, for
// `veo-tracker --demo`. Every result/origin/full URL serves `clip` (an MP4) when given, from
// `media` (another loopback host, as KIE's file hosts are another origin; null = `server`).
// Returns their task IDs.
QStringList installDemoScenario(FakeKieServer &server, const QByteArray &clip = {},
                                FakeKieServer *media = nullptr);

} // namespace veo
