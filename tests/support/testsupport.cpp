#include "testsupport.h"

namespace veo::test {

TaskRecord makeTask(const QString &taskId, TaskStatus status, int seed)
{
    TaskRecord t;
    t.taskId = taskId;
    t.status = status;
    switch (status) {
    case TaskStatus::Generating: t.successFlag = 0; break;
    case TaskStatus::Succeeded: t.successFlag = 1; break;
    case TaskStatus::Failed: t.successFlag = 2; break;
    case TaskStatus::GenerationFailed: t.successFlag = 3; break;
    case TaskStatus::OtherFailure: t.successFlag = 7; break;
    case TaskStatus::Pending:
    case TaskStatus::Unavailable: t.successFlag = -1; break;
    }
    t.prompt = QStringLiteral("Prompt %1: a lighthouse at dusk, waves, cinematic").arg(seed);
    t.model = (seed % 2) ? QStringLiteral("veo3") : QStringLiteral("veo3_fast");
    t.aspectRatio = QStringLiteral("16:9");
    t.paramJson = QStringLiteral(R"({"prompt":"%1","model":"%2","aspect_ratio":"16:9"})")
                      .arg(t.prompt, t.model);
    const QDateTime base = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
    t.addedAt = base.addSecs(seed * 60);
    t.createTime = base.addSecs(seed * 60);
    if (isFinal(status) && status != TaskStatus::Unavailable) {
        t.completeTime = t.createTime.addSecs(180);
    }
    if (status == TaskStatus::Succeeded) {
        t.resolution = QStringLiteral("720p");
        t.resultUrls = {QStringLiteral("https://media.example/%1.mp4").arg(taskId)};
    }
    if (isFailure(status)) {
        t.errorCode = 400;
        t.errorMessage = QStringLiteral("Prompt flagged for content policy");
    }
    return t;
}

} // namespace veo::test
