#pragma once

#include "apirequest.h"
#include "recordinfoparser.h"
#include "taskkind.h"

#include <QString>
#include <optional>

// The Veo follow-up endpoints (kie-api.md §4): 1080P and 4K versions of a result video, and
// extensions. Requests never hold the token; answers become the common record.
namespace veo {

// Upgrades have no KIE task ID of their own (4K answers echo the parent's): the child task is
// "<parent>:1080p:<index>" or "<parent>:4k:<index>", which no pasted task ID can be.
QString upgradeTaskId(const QString &parentTaskId, TaskKind kind, int videoIndex);
struct UpgradeRef
{
    QString parentTaskId;
    TaskKind kind = TaskKind::Veo1080p;
    int videoIndex = 0;
};
std::optional<UpgradeRef> parseUpgradeTaskId(const QString &id);

// GET get-1080p-video?taskId=&index= (free, repeatable).
ApiRequest upgrade1080pRequest(const QString &parentTaskId, int videoIndex);
// POST get-4k-video {taskId, index}: charges credits the first time; a repeat answers 422
// "processing" or the URLs, which is how its state is read.
ApiRequest upgrade4kRequest(const QString &parentTaskId, int videoIndex);

// "Not ready yet" (the endpoint answers a non-200 code until it is) reads as Generating; the
// URL as Succeeded; a refusal that will not change (501, 505, "unavailable") as Failed with
// KIE's code and message. Transport and account problems (401, 429, 455, network, HTML) stay
// errors for the scheduler to retry. childTaskId fills record.taskId.
RecordInfoResult parse1080pAnswer(int httpStatus, const QByteArray &body,
                                  const QString &childTaskId, const QByteArray &retryAfter = {});
RecordInfoResult parse4kAnswer(int httpStatus, const QByteArray &body, const QString &childTaskId,
                               const QByteArray &retryAfter = {});

// POST extend (not idempotent: never resent automatically).
struct ExtendOptions
{
    QString parentTaskId;
    QString prompt;
    QString model = QStringLiteral("fast"); // fast | quality | lite (not generate's names)
    std::optional<int> seeds;               // 10000..99999
    QString watermark;
};
ApiRequest extendRequest(const ExtendOptions &options);
// The request as the child's paramJson, and back (for a Retry after a refusal).
QString extendParamJson(const ExtendOptions &options);
std::optional<ExtendOptions> extendOptionsFromParamJson(const QString &parentTaskId,
                                                        const QString &paramJson);

// The answer of a create request (extend, generate): {"data": {"taskId": ...}}.
struct CreatedTask
{
    ApiError error; // None: taskId is set
    QString taskId;
};
CreatedTask parseCreatedTask(int httpStatus, const QByteArray &body,
                             const QByteArray &retryAfter = {});

} // namespace veo
