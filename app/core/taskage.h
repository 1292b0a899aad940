#pragma once

#include "taskrecord.h"

#include <QDateTime>
#include <chrono>
#include <optional>

namespace veo {

// Veo renders take 2-5 minutes (kie-api.md §3.1) and KIE gives up on upstream after about 10
// (code 408): a render still going after 15 minutes is worth a word to the user.
inline constexpr std::chrono::minutes LongerThanUsualAfter{15};

// When the task started: KIE's createTime, or when it was added here when that is earlier or
// KIE's is unknown (a createTime after addedAt is a zone mix-up: KIE's times carry no zone).
// Invalid when neither is known.
QDateTime taskStartedAt(const TaskRecord &task);

// A task KIE last said is generating: how many seconds since it started (taskStartedAt; never
// negative). None for every other task, and when its start is unknown.
std::optional<qint64> secondsGenerating(const TaskRecord &task, const QDateTime &now);

// A Veo generation or extension KIE last said is generating, LongerThanUsualAfter its start: how
// many whole minutes it has run. None for every other task.
std::optional<qint64> minutesLongerThanUsual(const TaskRecord &task, const QDateTime &now);

} // namespace veo
