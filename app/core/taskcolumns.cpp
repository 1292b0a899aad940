#include "taskcolumns.h"

#include "taskage.h"
#include "taskexpiry.h"
#include "tasktext.h"

#include <QCoreApplication>
#include <QStringBuilder>
#include <algorithm>

namespace veo {

QVariant TaskColumns::title(int column)
{
    switch (column) {
    case TaskIdColumn:
        //: Column header: KIE's task ID
        return QCoreApplication::translate("veo::TaskTableModel", "Task ID");
    case StatusColumn:
        //: Column header: status of a task
        return QCoreApplication::translate("veo::TaskTableModel", "Status");
    case DownloadColumn:
        //: Column header: whether the task's video is downloaded (or how far)
        return QCoreApplication::translate("veo::TaskTableModel", "Download");
    case PromptColumn:
        //: Column header: the text prompt the video was generated from
        return QCoreApplication::translate("veo::TaskTableModel", "Prompt");
    case ModelColumn:
        //: Column header: the Veo model (veo3, veo3_fast)
        return QCoreApplication::translate("veo::TaskTableModel", "Model");
    case ResolutionColumn:
        //: Column header: video resolution (720p, 1080p)
        return QCoreApplication::translate("veo::TaskTableModel", "Resolution");
    case CreatedColumn:
        //: Column header: when KIE created the task
        return QCoreApplication::translate("veo::TaskTableModel", "Created");
    case CompletedColumn:
        //: Column header: when KIE finished the task
        return QCoreApplication::translate("veo::TaskTableModel", "Completed");
    case ExpiresColumn:
        //: Column header: when KIE deletes the task's videos (14 days after they were made)
        return QCoreApplication::translate("veo::TaskTableModel", "Expires");
    case KeyColumn:
        //: Column header: which API key polls the task
        return QCoreApplication::translate("veo::TaskTableModel", "API key");
    case LastCheckedColumn:
        //: Column header: when the app last asked KIE about the task
        return QCoreApplication::translate("veo::TaskTableModel", "Last checked");
    case ErrorColumn:
        //: Column header: the last error for the task
        return QCoreApplication::translate("veo::TaskTableModel", "Error");
    case CostColumn:
        //: Column header: how many credits the task cost
        return QCoreApplication::translate("veo::TaskTableModel", "Cost");
    default:
        return {};
    }
}

Qt::Alignment TaskColumns::textAlignment(int column)
{
    switch (column) {
    case ResolutionColumn:
        return Qt::AlignHCenter | Qt::AlignVCenter;
    case CreatedColumn:
    case CompletedColumn:
    case LastCheckedColumn:
    case CostColumn:
        return Qt::AlignRight | Qt::AlignVCenter;
    default:
        return Qt::AlignLeft | Qt::AlignVCenter;
    }
}

QVariant TaskColumns::display(const TaskRecord &t, int column) const
{
    switch (column) {
    case TaskIdColumn:
        return name(t);
    case StatusColumn:
        return status(t);
    case DownloadColumn:
        return downloadMark(t.taskId).text();
    case PromptColumn:
        return firstLine(prompt(t));
    case ModelColumn:
        return t.model;
    case ResolutionColumn:
        return t.resolution.isEmpty() ? t.requestedResolution : t.resolution;
    case CreatedColumn:
        return shortDateTime(t.createTime);
    case CompletedColumn:
        return shortDateTime(t.completeTime);
    case ExpiresColumn:
        return t.status == TaskStatus::Succeeded ? expiryText(t, now()) : QString();
    case KeyColumn: {
        if (t.findingOwner) {
            //: API key column: "Try all keys" is asking each key whether the task is theirs
            return QCoreApplication::translate("veo::TaskTableModel", "Finding owner…");
        }
        if (needsKey(t)) {
            //: API key column: the task's key was removed; the user must pick another
            return QCoreApplication::translate("veo::TaskTableModel", "Key removed");
        }
        const QString label = keyLabel(t.keyId);
        //: API key column: the task uses the default key
        return label.isEmpty() ? QCoreApplication::translate("veo::TaskTableModel", "Default")
                               : label;
    }
    case LastCheckedColumn:
        return shortDateTime(t.lastChecked);
    case ErrorColumn:
        return errorText(t);
    case CostColumn:
        return t.cost ? costText(*t.cost) : QString(); // unknown is not 0
    default:
        return {};
    }
}

QVariant TaskColumns::toolTip(const TaskRecord &t, int column) const
{
    if (column == PromptColumn && !prompt(t).isEmpty()) {
        return prompt(t);
    }
    if (column == TaskIdColumn && !t.parentTaskId.isEmpty()) {
        //: Tooltip of a child task (an upgrade or extension): its ID and its parent's
        return QCoreApplication::translate("veo::TaskTableModel", "%1\nMade from task %2")
            .arg(t.awaitsTaskId()
                     ? QCoreApplication::translate("veo::TaskTableModel", "No task ID yet")
                     : t.taskId,
                 t.parentTaskId);
    }
    if (column == StatusColumn) {
        if (QString problem = pollProblemToolTip(t, nextCheck(t.taskId)); !problem.isEmpty()) {
            return problem;
        }
        if (QString why = longerThanUsualToolTip(t, now()); !why.isEmpty()) {
            return why;
        }
    }
    if (column == StatusColumn && m_children && !m_children(t.taskId).isEmpty()) {
        return status(t); // with its children's states: often wider than the column
    }
    if (column == ExpiresColumn && t.status == TaskStatus::Succeeded) {
        const QDateTime expiry = videoExpiry(t);
        if (expiry.isValid()) {
            //: Tooltip of the Expires column: %1 = date and time
            return QCoreApplication::translate(
                       "veo::TaskTableModel",
                       "KIE deletes this task's videos on %1 (14 days after they were made). "
                       "Download them before then; a downloaded copy stays.")
                .arg(shortDateTime(expiry));
        }
    }
    if (column == KeyColumn && t.findingOwner) {
        //: Tooltip of "Finding owner…" in the API key column
        return QCoreApplication::translate(
            "veo::TaskTableModel",
            "Each of your API keys is asked whether this task is theirs. The task is "
            "checked with the one that knows it.");
    }
    if (column == KeyColumn && needsKey(t)) {
        return QCoreApplication::translate(
            "veo::TaskTableModel",
            "The API key this task was checked with has been removed. Right-click the "
            "task and choose Change Key to pick another.");
    }
    if (column == DownloadColumn) {
        const QString tip = downloadMark(t.taskId).toolTip();
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    if (column == ErrorColumn) {
        if (t.lastError.isError()) {
            return QString(t.lastError.text() % QLatin1Char('\n') % t.lastError.advice());
        }
        const QString failure = failureText(t);
        return failure.isEmpty() ? QVariant() : QVariant(failure);
    }
    return {};
}

QVariant TaskColumns::foreground(const TaskRecord &t, int column) const
{
    if (column == StatusColumn || column == ErrorColumn) {
        if (isFailure(t.status) || t.lastError.isFinal()) {
            return failureColor();
        }
        if (t.status == TaskStatus::Succeeded && column == StatusColumn) {
            return successColor();
        }
    }
    if (column == KeyColumn && needsKey(t)) {
        return failureColor();
    }
    if (column == ExpiresColumn && t.status == TaskStatus::Succeeded &&
        (videosExpired(t, now()) || videosExpireSoon(t, now()))) {
        return failureColor();
    }
    if (column == DownloadColumn) {
        switch (downloadMark(t.taskId).state) {
        case DownloadMark::State::Failed:
        case DownloadMark::State::Missing:
            return failureColor();
        case DownloadMark::State::Downloaded:
            return successColor();
        default:
            break;
        }
    }
    return {};
}

// Untranslated values only, so the order does not depend on the UI language.
QVariant TaskColumns::sortValue(const TaskRecord &t, int column) const
{
    switch (column) {
    case TaskIdColumn:
        return t.taskId;
    case StatusColumn:
        return static_cast<int>(t.status);
    case DownloadColumn: {
        const DownloadMark mark = downloadMark(t.taskId);
        // State first, then progress, then how many files (each field in its own digits).
        return qint64(mark.state) * 1'000'000 + (mark.percent + 1) * 1000 +
               std::min(mark.files, 999);
    }
    case PromptColumn:
        return prompt(t);
    case ModelColumn:
        return t.model;
    case ResolutionColumn:
        return t.resolution.isEmpty() ? t.requestedResolution : t.resolution;
    case CreatedColumn:
        return t.createTime;
    case CompletedColumn:
        return t.completeTime;
    case ExpiresColumn:
        return t.status == TaskStatus::Succeeded ? videoExpiry(t) : QDateTime();
    case KeyColumn:
        return keyLabel(t.keyId); // empty (sorts first) for the default key
    case LastCheckedColumn:
        return t.lastChecked;
    case ErrorColumn:
        if (t.lastError.isError()) {
            return codeAndMessage(t.lastError.code, t.lastError.serverMessage);
        }
        if (!isFailure(t.status)) {
            return QString();
        }
        return t.errorCode ? codeAndMessage(*t.errorCode, t.errorMessage) : t.errorMessage;
    case CostColumn:
        return t.cost ? QVariant(*t.cost) : QVariant(); // a number: 60 before 1200
    default:
        return {};
    }
}

namespace {

// "1080P", "4K", "Extension": what a child is, in a parent's status.
QString childKindName(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Veo1080p:
        return QStringLiteral("1080P");
    case TaskKind::Veo4k:
        return QStringLiteral("4K");
    default:
        //: A child task that extends the video of its parent
        return QCoreApplication::translate("veo::TaskTableModel", "Extension");
    }
}

// "4K ready", "1080P processing", "Extension failed".
QString childSummary(const TaskRecord &child)
{
    const QString kind = childKindName(child.kind);
    if (child.status == TaskStatus::Succeeded) {
        //: In a task's status: %1 = 1080P, 4K or Extension, whose video is ready
        return QCoreApplication::translate("veo::TaskTableModel", "%1 ready").arg(kind);
    }
    if (isFailure(child.status) || child.status == TaskStatus::Unavailable ||
        child.submission == TaskSubmission::Refused) {
        //: In a task's status: %1 = 1080P, 4K or Extension, which failed
        return QCoreApplication::translate("veo::TaskTableModel", "%1 failed").arg(kind);
    }
    //: In a task's status: %1 = 1080P, 4K or Extension, still being made
    return QCoreApplication::translate("veo::TaskTableModel", "%1 processing").arg(kind);
}

} // namespace

QDateTime TaskColumns::now() const
{
    return m_now ? m_now() : QDateTime::currentDateTimeUtc();
}

int TaskColumns::expiryConcernOf(const TaskRecord &task, const std::optional<QDateTime> &now) const
{
    if (task.status != TaskStatus::Succeeded) {
        return int(ExpiryConcern::None); // no videos: no need to ask after downloads
    }
    const bool downloaded = downloadMark(task.taskId).state == DownloadMark::State::Downloaded;
    return int(expiryConcern(task, downloaded, now ? *now : this->now()));
}

QString TaskColumns::prompt(const TaskRecord &task) const
{
    if ((task.kind == TaskKind::Veo1080p || task.kind == TaskKind::Veo4k) && m_task) {
        if (const TaskRecord *parent = m_task(task.parentTaskId)) {
            return parent->prompt;
        }
    }
    return task.prompt;
}

QString TaskColumns::name(const TaskRecord &task) const
{
    const QString arrow = QStringLiteral("\u21b3 "); // ↳
    switch (task.kind) {
    case TaskKind::Veo1080p:
        //: A child task in the list: the 1080P version of the parent's video %1 (1, 2...)
        return arrow + QCoreApplication::translate("veo::TaskTableModel", "1080P of video %1")
                           .arg(task.videoIndex + 1);
    case TaskKind::Veo4k:
        //: A child task in the list: the 4K version of the parent's video %1 (1, 2...)
        return arrow + QCoreApplication::translate("veo::TaskTableModel", "4K of video %1")
                           .arg(task.videoIndex + 1);
    case TaskKind::VeoExtension:
        if (task.parentTaskId.isEmpty()) {
            break;
        }
        //: A child task in the list: an extension whose request was not accepted yet
        return arrow + (task.awaitsTaskId()
                            ? QCoreApplication::translate("veo::TaskTableModel",
                                                          "Extension (no task ID yet)")
                            : task.taskId);
    default:
        break;
    }
    return task.taskId;
}

QString TaskColumns::status(const TaskRecord &task) const
{
    const bool is4k = task.kind == TaskKind::Veo4k;
    switch (task.submission) {
    case TaskSubmission::Sending:
        //: Status of a 4K upgrade (requested, no answer yet) or an extension being sent
        return is4k ? QCoreApplication::translate("veo::TaskTableModel", "Requested")
                    : QCoreApplication::translate("veo::TaskTableModel", "Sending…");
    case TaskSubmission::AnswerLost:
        //: Status: the request went out but its answer never came; it is not sent again
        return is4k ? QCoreApplication::translate("veo::TaskTableModel", "Requested, answer lost")
                    : QCoreApplication::translate("veo::TaskTableModel", "Sent, answer lost");
    case TaskSubmission::Refused:
        //: Status: KIE refused the request (nothing was made or charged)
        return QCoreApplication::translate("veo::TaskTableModel", "Refused");
    case TaskSubmission::Queued:
        //: Status: a new generation stored and waiting for its turn (KIE takes 20 per 10 s)
        return QCoreApplication::translate("veo::TaskTableModel", "Queued");
    case TaskSubmission::Paused:
        //: Status: a queued generation the user held back; it is not sent until resumed
        return QCoreApplication::translate("veo::TaskTableModel", "Paused");
    case TaskSubmission::None:
        break;
    }
    // A failed check says more than the time: the task's state is not known right now.
    QString text = statusText(task.status, task.successFlag) +
                   (hasPollProblem(task) ? pollProblemSuffix(task, nextCheck(task.taskId), now())
                                         : generatingSuffix(task, now()));
    if (m_children) {
        QStringList parts;
        for (const TaskRecord *child : m_children(task.taskId)) {
            const QString part = childSummary(*child);
            if (!parts.contains(part)) {
                parts.append(part);
            }
        }
        for (const QString &part : std::as_const(parts)) {
            text += QStringLiteral(" · ") + part;
        }
    }
    return text;
}

bool TaskColumns::statusCountsSeconds(const TaskRecord &task) const
{
    if (task.submission != TaskSubmission::None) {
        return false; // status() says where the request stands, no time
    }
    if (hasPollProblem(task)) {
        return true; // the countdown, or one that comes when polling resumes
    }
    return secondsGenerating(task, now()) && !minutesLongerThanUsual(task, now());
}

bool TaskColumns::needsKey(const TaskRecord &task) const
{
    return m_keyLabel && !task.findingOwner && !task.keyId.isEmpty() &&
           m_keyLabel(task.keyId).isEmpty();
}

QString TaskColumns::keyLabel(const QString &keyId) const
{
    if (m_keyLabel) {
        const QString label = m_keyLabel(keyId);
        if (!label.isEmpty()) {
            return label;
        }
    }
    return keyId;
}

QDateTime TaskColumns::nextCheck(const QString &taskId) const
{
    return m_nextCheck ? m_nextCheck(taskId) : QDateTime();
}

DownloadMark TaskColumns::downloadMark(const QString &taskId) const
{
    return m_downloadMark ? m_downloadMark(taskId) : DownloadMark{};
}

} // namespace veo
