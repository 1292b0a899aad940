#include "statussource.h"

#include <QUrl>

namespace veo {

namespace {

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
            RecordInfoResult result;
            result.error = answer.networkError;
            result.record.taskId = task.taskId;
            return result;
        }
        return parseRecordInfo(answer.httpStatus, answer.body, task.taskId, answer.retryAfter);
    }
};

} // namespace

StatusSource::~StatusSource() = default;

const StatusSource *statusSource(TaskKind kind)
{
    static const RecordInfoSource recordInfo;
    switch (kind) {
    case TaskKind::VeoGeneration:
    case TaskKind::VeoExtension:
        return &recordInfo;
    case TaskKind::Veo1080p:
    case TaskKind::Veo4k:
    case TaskKind::MarketJob:
        break;
    }
    return nullptr;
}

} // namespace veo
