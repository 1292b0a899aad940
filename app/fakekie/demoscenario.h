#pragma once

#include <QStringList>

namespace veo {

class FakeKieServer;

// A dozen sample tasks that move through every status and error over a few minutes, for
// `veo-tracker --demo`. Returns their task IDs.
QStringList installDemoScenario(FakeKieServer &server);

} // namespace veo
