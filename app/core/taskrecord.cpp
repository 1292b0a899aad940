#include "taskrecord.h"

#include <array>

namespace veo {

namespace {
constexpr std::array<const char *, 6> SubmissionKeys = {"none",    "sending", "lost",
                                                        "refused", "queued",  "paused"};
} // namespace

QString taskSubmissionKey(TaskSubmission submission)
{
    return QString::fromLatin1(SubmissionKeys.at(std::size_t(submission)));
}

TaskSubmission taskSubmissionFromKey(const QString &key)
{
    for (std::size_t i = 0; i < SubmissionKeys.size(); ++i) {
        if (key == QLatin1String(SubmissionKeys.at(i))) {
            return TaskSubmission(i);
        }
    }
    // Unknown (a newer version's value): the answer may have been lost, never send again.
    return TaskSubmission::AnswerLost;
}

void TaskRecord::mergeRemote(const TaskRecord &remote)
{
    status = remote.status;
    successFlag = remote.successFlag;
    if (!remote.paramJson.isNull()) { // an answer without it does not take back the request
        paramJson = remote.paramJson;
    }
    prompt = remote.prompt;
    model = remote.model;
    aspectRatio = remote.aspectRatio;
    requestedResolution = remote.requestedResolution;
    generationType = remote.generationType;
    errorCode = remote.errorCode;
    errorMessage = remote.errorMessage;
    createTime = remote.createTime;
    completeTime = remote.completeTime;
    fallbackFlag = remote.fallbackFlag;
    resolution = remote.resolution;
    resultUrls = remote.resultUrls;
    originUrls = remote.originUrls;
    fullResultUrls = remote.fullResultUrls;
    imageUrls = remote.imageUrls;
    extraJson = remote.extraJson;
}

TaskRecord TaskRecord::identity() const
{
    TaskRecord fresh;
    fresh.taskId = taskId;
    fresh.kind = kind;
    fresh.parentTaskId = parentTaskId;
    fresh.sourceTaskId = sourceTaskId;
    fresh.videoIndex = videoIndex;
    fresh.keyId = keyId;
    fresh.addedAt = addedAt;
    fresh.findingOwner = findingOwner;
    return fresh;
}

bool TaskRecord::awaitsTaskId() const
{
    const bool createsId = kind == TaskKind::VeoGeneration || kind == TaskKind::VeoExtension ||
                           kind == TaskKind::MarketJob;
    return createsId && submission != TaskSubmission::None;
}

} // namespace veo
