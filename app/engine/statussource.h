#pragma once

#include "apirequest.h"
#include "recordinfoparser.h"
#include "taskkind.h"
#include "taskrecord.h"

#include <chrono>
#include <optional>

namespace veo {

// How the state of one kind of task is read: the request that asks KIE, and its answer turned
// into the common record (status, links, error). One small class per TaskKind; the scheduler,
// the key prober and --check read any kind through it (the request goes through the
// RequestScheduler). Requests never hold the token.
class StatusSource
{
public:
    virtual ~StatusSource();
    virtual ApiRequest request(const TaskRecord &task) const = 0;
    // The answer for task; network errors arrive here too (answer.networkError).
    virtual RecordInfoResult parse(const TaskRecord &task, const HttpAnswer &answer) const = 0;
    // How often an unfinished task of this kind is asked, given the user's interval (KIE asks
    // for 20-30 s between 1080P polls and at least 30 s between 4K ones). interval({}) is the
    // least time between two requests for the kind, after errors too.
    virtual std::chrono::milliseconds interval(std::chrono::milliseconds chosen) const
    {
        return chosen;
    }
    // When a task of this kind is asked next after a check at this age (time since it
    // started), when the user's interval is the longest wait rather than a fixed pace. Upgrades
    // keep the pace KIE prescribes for them.
    virtual std::chrono::milliseconds adaptiveInterval(std::chrono::milliseconds /*age*/,
                                                       std::chrono::milliseconds maximum) const
    {
        return interval(maximum);
    }
    // Unfinished this long after it was requested (TaskRecord::addedAt): given up (failed,
    // with a Retry). None: asked until it finishes.
    virtual std::optional<std::chrono::minutes> giveUpAfter() const { return std::nullopt; }
};

// The source for a kind; null for kinds that cannot be read yet (Market jobs).
const StatusSource *statusSource(TaskKind kind);

} // namespace veo
