#pragma once

#include "apirequest.h"
#include "recordinfoparser.h"
#include "taskkind.h"
#include "taskrecord.h"

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
};

// The source for a kind; null for kinds that cannot be read yet (they arrive with their
// features: 1080P, 4K, Market jobs).
const StatusSource *statusSource(TaskKind kind);

} // namespace veo
