#include "taskchecker.h"

#include "kieclient.h"
#include "statussource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace veo {

namespace {
constexpr int MaxParallel = 4;
constexpr int SpacingMs = 100; // 10 requests per second per key, KIE's documented limit
} // namespace

TaskChecker::TaskChecker(KieClient *client, const QString &token, QObject *parent)
    : QObject(parent), m_client(client), m_token(token)
{
}

void TaskChecker::start(const QStringList &taskIds)
{
    m_queue = taskIds;
    m_results.clear();
    for (int i = 0; i < MaxParallel && !m_queue.isEmpty(); ++i) {
        QTimer::singleShot(i * SpacingMs, this, &TaskChecker::sendNext);
    }
}

void TaskChecker::sendNext()
{
    if (m_queue.isEmpty()) {
        return;
    }
    const QString id = m_queue.takeFirst();
    ++m_outstanding;
    TaskRecord task; // --check reads Veo tasks by ID
    task.taskId = id;
    readStatus(*m_client, task, m_token, [this, id](const RecordInfoResult &result) {
        --m_outstanding;
        m_results.append({id, result});
        if (m_queue.isEmpty() && m_outstanding == 0) {
            Q_EMIT finished(m_results);
        } else {
            QTimer::singleShot(SpacingMs, this, &TaskChecker::sendNext);
        }
    });
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
