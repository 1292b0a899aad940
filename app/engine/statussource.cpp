#include "statussource.h"

#include "veofollowups.h"

#include <QUrl>
#include <algorithm>

namespace veo {

namespace {

RecordInfoResult networkFailure(const TaskRecord &task, const HttpAnswer &answer)
{
    RecordInfoResult result;
    result.error = answer.networkError;
    result.record.taskId = task.taskId;
    return result;
}

// Veo generations and extensions: GET /api/v1/veo/record-info?taskId=... (kie-api.md §2).
class RecordInfoSource final : public StatusSource
{
public:
    ApiRequest request(const TaskRecord &task) const override
    {
        ApiRequest r;
        r.path = QStringLiteral("/api/v1/veo/record-info");
        // QUrlQuery leaves '+', '&' and '=' alone in values; encode fully so that the server
        // sees exactly this ID ('+' would otherwise read as a space).
        r.query.addQueryItem(QStringLiteral("taskId"),
                             QString::fromLatin1(QUrl::toPercentEncoding(task.taskId)));
        return r;
    }

    RecordInfoResult parse(const TaskRecord &task, const HttpAnswer &answer) const override
    {
        if (answer.networkError.isError()) {
            return networkFailure(task, answer);
        }
        return parseRecordInfo(answer.httpStatus, answer.body, task.taskId, answer.retryAfter);
    }
};

using namespace std::chrono_literals;

// 1080P of a parent's result video: GET get-1080p-video until it has a resultUrl (§4.2).
class Upgrade1080pSource final : public StatusSource
{
public:
    ApiRequest request(const TaskRecord &task) const override
    {
        return upgrade1080pRequest(task.parentTaskId, task.videoIndex);
    }
    RecordInfoResult parse(const TaskRecord &task, const HttpAnswer &answer) const override
    {
        if (answer.networkError.isError()) {
            return networkFailure(task, answer);
        }
        return parse1080pAnswer(answer.httpStatus, answer.body, task.taskId, answer.retryAfter);
    }
    std::chrono::milliseconds interval(std::chrono::milliseconds chosen) const override
    {
        return std::clamp<std::chrono::milliseconds>(chosen, 20s, 30s);
    }
    std::optional<std::chrono::minutes> giveUpAfter() const override { return 15min; }
};

// 4K of a parent's result video: the first POST charges; repeating it reads the state (§4.3).
class Upgrade4kSource final : public StatusSource
{
public:
    ApiRequest request(const TaskRecord &task) const override
    {
        return upgrade4kRequest(task.parentTaskId, task.videoIndex);
    }
    RecordInfoResult parse(const TaskRecord &task, const HttpAnswer &answer) const override
    {
        if (answer.networkError.isError()) {
            return networkFailure(task, answer);
        }
        return parse4kAnswer(answer.httpStatus, answer.body, task.taskId, answer.retryAfter);
    }
    std::chrono::milliseconds interval(std::chrono::milliseconds chosen) const override
    {
        return std::max<std::chrono::milliseconds>(chosen, 30s);
    }
    std::optional<std::chrono::minutes> giveUpAfter() const override { return 20min; }
};

} // namespace

StatusSource::~StatusSource() = default;

const StatusSource *statusSource(TaskKind kind)
{
    static const RecordInfoSource recordInfo;
    static const Upgrade1080pSource upgrade1080p;
    static const Upgrade4kSource upgrade4k;
    switch (kind) {
    case TaskKind::VeoGeneration:
    case TaskKind::VeoExtension:
        return &recordInfo;
    case TaskKind::Veo1080p:
        return &upgrade1080p;
    case TaskKind::Veo4k:
        return &upgrade4k;
    case TaskKind::MarketJob:
        break;
    }
    return nullptr;
}

} // namespace veo
