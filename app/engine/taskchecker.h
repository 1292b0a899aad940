#pragma once

#include "recordinfoparser.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace veo {

class RequestScheduler;

struct CheckResult
{
    QString taskId;
    RecordInfoResult result;
};

// `veo-tracker --check`: reads each task once with the default key, through the request
// machine (its in-flight bound and per-key rate limit), and reports all results together.
class TaskChecker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskChecker)

public:
    explicit TaskChecker(RequestScheduler *requests, QObject *parent = nullptr);
    void start(const QStringList &taskIds);

Q_SIGNALS:
    void finished(const QList<veo::CheckResult> &results);

private:
    RequestScheduler *m_requests;
    QList<CheckResult> m_results;
    int m_outstanding = 0;
};

// One JSON object per task: taskId, status, successFlag, resultUrls, originUrls, error.
QByteArray checkResultJson(const CheckResult &result);
// 0 when all succeeded, 1 when some are still generating (or not visible yet), 2 when any
// failed or could not be read.
int checkExitCode(const QList<CheckResult> &results);

} // namespace veo
