#pragma once

#include "taskrecord.h"

#include <QString>

namespace veo::test {

// A task in a given state with plausible fields, for model/store/benchmark fixtures.
TaskRecord makeTask(const QString &taskId, TaskStatus status, int seed = 0);

} // namespace veo::test
