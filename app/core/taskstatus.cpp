#include "taskstatus.h"

#include <QCoreApplication>

namespace veo {

TaskStatus statusFromSuccessFlag(int successFlag)
{
    switch (successFlag) {
    case 0:
        return TaskStatus::Generating;
    case 1:
        return TaskStatus::Succeeded;
    case 2:
        return TaskStatus::Failed;
    case 3:
        return TaskStatus::GenerationFailed;
    default:
        return TaskStatus::OtherFailure; // KIE: any other value is a terminal failure
    }
}

bool isFinal(TaskStatus status)
{
    return status != TaskStatus::Pending && status != TaskStatus::Generating;
}

bool isFailure(TaskStatus status)
{
    return status == TaskStatus::Failed || status == TaskStatus::GenerationFailed ||
           status == TaskStatus::OtherFailure;
}

QString statusText(TaskStatus status, int rawSuccessFlag)
{
    switch (status) {
    case TaskStatus::Pending:
        //: Task status: added, KIE has not reported it yet
        return QCoreApplication::translate("TaskStatus", "Waiting");
    case TaskStatus::Generating:
        //: Task status, successFlag 0 (KIE CN docs: 生成中)
        return QCoreApplication::translate("TaskStatus", "Generating");
    case TaskStatus::Succeeded:
        //: Task status, successFlag 1 (KIE CN docs: 成功)
        return QCoreApplication::translate("TaskStatus", "Succeeded");
    case TaskStatus::Failed:
        //: Task status, successFlag 2 (KIE CN docs: 失败)
        return QCoreApplication::translate("TaskStatus", "Failed");
    case TaskStatus::GenerationFailed:
        //: Task status, successFlag 3 (KIE CN docs: 生成失败)
        return QCoreApplication::translate("TaskStatus", "Generation failed");
    case TaskStatus::OtherFailure:
        //: Task status for an undocumented successFlag value; %1 is that raw value
        return QCoreApplication::translate("TaskStatus", "Failed (flag %1)").arg(rawSuccessFlag);
    case TaskStatus::Unavailable:
        //: Task status: KIE no longer has the record (expired after 14 days, or never existed)
        return QCoreApplication::translate("TaskStatus", "Unavailable");
    }
    return {};
}

namespace {
constexpr const char *Keys[TaskStatusCount] = {"pending",    "generating",        "succeeded",
                                               "failed",     "generation_failed", "other_failure",
                                               "unavailable"};
}

QString statusKey(TaskStatus status)
{
    // A value read from a corrupt database must not index past the table.
    const int index = static_cast<int>(status);
    if (index < 0 || index >= TaskStatusCount) {
        return {};
    }
    return QString::fromLatin1(Keys[index]);
}

TaskStatus statusFromKey(const QString &key, bool *ok)
{
    for (int i = 0; i < TaskStatusCount; ++i) {
        if (key == QLatin1String(Keys[i])) {
            if (ok) {
                *ok = true;
            }
            return static_cast<TaskStatus>(i);
        }
    }
    if (ok) {
        *ok = false;
    }
    return TaskStatus::Pending;
}

} // namespace veo
