#include "statussource.h"

#include "pollcurve.h"
#include "veofollowups.h"

#include <QUrl>
#include <algorithm>

namespace veo {

using namespace std::chrono_literals;

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

    std::chrono::milliseconds adaptiveInterval(std::chrono::milliseconds age,
                                               std::chrono::milliseconds maximum) const override
    {
        // Extensions take "several minutes to over ten" (§4.1): the same curve, whose slower
        // tail still checks them every maximum interval.
        return PollCurve{}.nextPollIn(age, maximum);
    }
};

// An upgrade of a parent's result video: 1080P (GET get-1080p-video until it has a resultUrl,
// §4.2) or 4K (the first POST charges; repeating it reads the state, §4.3). They differ only in
// their endpoint, parser, pace and time limit.
class UpgradeSource final : public StatusSource
{
public:
    using Request = ApiRequest (*)(const QString &parentTaskId, int videoIndex);
    using Parser = RecordInfoResult (*)(int, const QByteArray &, const QString &,
                                        const QByteArray &);
    UpgradeSource(Request build, Parser parser, std::chrono::milliseconds least,
                  std::chrono::milliseconds most, std::chrono::minutes limit)
        : m_request(build), m_parser(parser), m_least(least), m_most(most), m_limit(limit)
    {
    }
    ApiRequest request(const TaskRecord &task) const override
    {
        return m_request(task.parentTaskId, task.videoIndex);
    }
    RecordInfoResult parse(const TaskRecord &task, const HttpAnswer &answer) const override
    {
        if (answer.networkError.isError()) {
            return networkFailure(task, answer);
        }
        return m_parser(answer.httpStatus, answer.body, task.taskId, answer.retryAfter);
    }
    std::chrono::milliseconds interval(std::chrono::milliseconds chosen) const override
    {
        return std::clamp(chosen, m_least, m_most);
    }
    std::optional<std::chrono::minutes> giveUpAfter() const override { return m_limit; }

private:
    Request m_request;
    Parser m_parser;
    std::chrono::milliseconds m_least;
    std::chrono::milliseconds m_most;
    std::chrono::minutes m_limit;
};

} // namespace

StatusSource::~StatusSource() = default;

const StatusSource *statusSource(TaskKind kind)
{
    static const RecordInfoSource recordInfo;
    // KIE: 1080P every 20-30 s, ready in 1-3 minutes; 4K every 30 s or more, 5-10 minutes.
    static const UpgradeSource upgrade1080p(&upgrade1080pRequest, &parse1080pAnswer, 20s, 30s,
                                            15min);
    static const UpgradeSource upgrade4k(&upgrade4kRequest, &parse4kAnswer, 30s,
                                         std::chrono::milliseconds::max(), 20min);
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
