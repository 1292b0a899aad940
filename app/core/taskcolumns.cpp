#include "taskcolumns.h"

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
    case KeyColumn:
        //: Column header: which API key polls the task
        return QCoreApplication::translate("veo::TaskTableModel", "API key");
    case LastCheckedColumn:
        //: Column header: when the app last asked KIE about the task
        return QCoreApplication::translate("veo::TaskTableModel", "Last checked");
    case ErrorColumn:
        //: Column header: the last error for the task
        return QCoreApplication::translate("veo::TaskTableModel", "Error");
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
        return Qt::AlignRight | Qt::AlignVCenter;
    default:
        return Qt::AlignLeft | Qt::AlignVCenter;
    }
}

QVariant TaskColumns::display(const TaskRecord &t, int column) const
{
    switch (column) {
    case TaskIdColumn:
        return t.taskId;
    case StatusColumn:
        return statusText(t.status, t.successFlag);
    case DownloadColumn:
        return downloadMark(t.taskId).text();
    case PromptColumn:
        return firstLine(t.prompt);
    case ModelColumn:
        return t.model;
    case ResolutionColumn:
        return t.resolution.isEmpty() ? t.requestedResolution : t.resolution;
    case CreatedColumn:
        return shortDateTime(t.createTime);
    case CompletedColumn:
        return shortDateTime(t.completeTime);
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
    default:
        return {};
    }
}

QVariant TaskColumns::toolTip(const TaskRecord &t, int column) const
{
    if (column == PromptColumn && !t.prompt.isEmpty()) {
        return t.prompt;
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
        return t.prompt;
    case ModelColumn:
        return t.model;
    case ResolutionColumn:
        return t.resolution.isEmpty() ? t.requestedResolution : t.resolution;
    case CreatedColumn:
        return t.createTime;
    case CompletedColumn:
        return t.completeTime;
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
    default:
        return {};
    }
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

DownloadMark TaskColumns::downloadMark(const QString &taskId) const
{
    return m_downloadMark ? m_downloadMark(taskId) : DownloadMark{};
}

} // namespace veo
