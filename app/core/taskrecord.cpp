#include "taskrecord.h"

namespace veo {

void TaskRecord::mergeRemote(const TaskRecord &remote)
{
    status = remote.status;
    successFlag = remote.successFlag;
    paramJson = remote.paramJson;
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
    extraJson = remote.extraJson;
}

bool TaskRecord::sameRemoteState(const TaskRecord &other) const
{
    TaskRecord merged = *this;
    merged.mergeRemote(other);
    return merged == *this;
}

} // namespace veo
