#include "taskchecker.h"

#include "requestscheduler.h"
#include "statussource.h"
#include "veofollowups.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace veo {

TaskChecker::TaskChecker(RequestScheduler *requests, QObject *parent)
    : QObject(parent), m_requests(requests)
{
}

void TaskChecker::start(const QStringList &taskIds)
{
    m_results.clear();
    m_outstanding = int(taskIds.size());
    for (const QString &id : taskIds) {
        TaskRecord task;
        task.taskId = id;
        if (const std::optional<UpgradeRef> upgrade = parseUpgradeTaskId(id)) {
            task.kind = upgrade->kind; // read like the app reads it (a 4K repeats its request)
            task.parentTaskId = upgrade->parentTaskId;
            task.videoIndex = upgrade->videoIndex;
        }
        const StatusSource *source = statusSource(task.kind);
        // On demand: someone waits at the terminal, and a pause of polling is the app's.
        m_requests->submit({}, source->request(task), RequestScheduler::Pace::OnDemand, this,
                           [this, source, task](const HttpAnswer &answer) {
                               m_results.append({task.taskId, source->parse(task, answer)});
                               if (--m_outstanding == 0) {
                                   Q_EMIT finished(m_results);
                               }
                           });
    }
}

QByteArray checkResultJson(const CheckResult &r)
{
    const TaskRecord &t = r.result.record;
    QJsonObject o;
    o.insert(QStringLiteral("taskId"), r.taskId);
    if (r.result.error.isError()) {
        const ApiError &e = r.result.error;
        // "error" = could not be read this time (key, network, server), unlike a task state.
        const QString status = e.kind == ApiError::Kind::NotFoundYet
                                   ? statusKey(TaskStatus::Pending)
                               : e.isFinal() ? statusKey(TaskStatus::Unavailable)
                                             : QStringLiteral("error");
        o.insert(QStringLiteral("status"), status);
        o.insert(QStringLiteral("successFlag"), QJsonValue::Null);
        o.insert(QStringLiteral("resultUrls"), QJsonArray());
        o.insert(QStringLiteral("originUrls"), QJsonArray());
        o.insert(QStringLiteral("error"), r.result.error.text());
    } else {
        o.insert(QStringLiteral("status"), statusKey(t.status));
        o.insert(QStringLiteral("successFlag"), t.successFlag);
        o.insert(QStringLiteral("resultUrls"), QJsonArray::fromStringList(t.resultUrls));
        o.insert(QStringLiteral("originUrls"), QJsonArray::fromStringList(t.originUrls));
        o.insert(QStringLiteral("error"), t.errorMessage.isEmpty() && !t.errorCode
                                              ? QJsonValue(QJsonValue::Null)
                                              : QJsonValue(t.errorMessage));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

int checkExitCode(const QList<CheckResult> &results)
{
    int code = 0;
    for (const CheckResult &r : results) {
        if (r.result.error.isError()) {
            if (r.result.error.kind != ApiError::Kind::NotFoundYet) {
                return 2;
            }
            code = 1;
        } else if (isFailure(r.result.record.status)) {
            return 2;
        } else if (r.result.record.status != TaskStatus::Succeeded) {
            code = 1;
        }
    }
    return code;
}

} // namespace veo
