#pragma once

// Reads a task once through its kind's status source and the client directly, without the
// request machine: for tests of the client and the sources themselves.
#include "kieclient.h"
#include "statussource.h"

#include <functional>

namespace veo::test {

inline void readRecord(KieClient &client, const TaskRecord &task, const QString &token,
                       std::function<void(const RecordInfoResult &)> done)
{
    const StatusSource *source = statusSource(task.kind);
    client.send(source->request(task), token,
                [source, task, done = std::move(done)](const HttpAnswer &answer) {
                    done(source->parse(task, answer));
                });
}

} // namespace veo::test
