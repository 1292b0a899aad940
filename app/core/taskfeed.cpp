#include "taskfeed.h"

namespace veo {

TaskFeed::~TaskFeed() = default;

} // namespace veo
