#pragma once

#include "download.h"
#include "taskrecord.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>
#include <functional>
#include <optional>

namespace veo {

// What each column of the task list (TaskTableModel) shows for a task, per role: texts
// translated at call time in the model's context ("veo::TaskTableModel"), sort values
// untranslated. Key labels and download marks come from providers the app sets.
class TaskColumns final
{
public:
    enum Column {
        TaskIdColumn,
        StatusColumn,
        DownloadColumn,
        PromptColumn,
        ModelColumn,
        ResolutionColumn,
        CreatedColumn,
        CompletedColumn,
        ExpiresColumn, // when KIE deletes the videos (14 days)
        KeyColumn,
        LastCheckedColumn,
        ErrorColumn,
        // Last, after the columns of older versions: their saved header layouts still fit.
        CostColumn, // credits, when known (CostLedger)
        ColumnCount
    };

    using KeyLabelProvider = std::function<QString(const QString &keyId)>;
    using DownloadMarkProvider = std::function<DownloadMark(const QString &taskId)>;
    // A task's parent and children (upgrades, extensions), from the model.
    using TaskLookup = std::function<const TaskRecord *(const QString &taskId)>;
    using ChildrenLookup = std::function<QList<const TaskRecord *>(const QString &taskId)>;
    using Now = std::function<QDateTime()>; // UTC; the 14-day clock reads it
    // When a task is checked next (UTC; invalid when it is not scheduled): the poll scheduler's.
    using NextCheckProvider = std::function<QDateTime(const QString &taskId)>;

    static QVariant title(int column); // null past the last column
    static Qt::Alignment textAlignment(int column);

    QVariant display(const TaskRecord &t, int column) const;
    QVariant toolTip(const TaskRecord &t, int column) const;
    QVariant foreground(const TaskRecord &t, int column) const;
    QVariant sortValue(const TaskRecord &t, int column) const;

    // An empty label for a task's own key id means the key was removed: "Key removed".
    void setKeyLabelProvider(KeyLabelProvider provider) { m_keyLabel = std::move(provider); }
    void setDownloadMarkProvider(DownloadMarkProvider provider)
    {
        m_downloadMark = std::move(provider);
    }
    void setFamily(TaskLookup task, ChildrenLookup children)
    {
        m_task = std::move(task);
        m_children = std::move(children);
    }
    void setNow(Now now) { m_now = std::move(now); }
    void setNextCheckProvider(NextCheckProvider provider) { m_nextCheck = std::move(provider); }
    QDateTime now() const;
    // expiryConcern() of the task, its download mark and now (now() unless given: a pass over
    // many tasks reads the clock once).
    int expiryConcernOf(const TaskRecord &task, const std::optional<QDateTime> &now = {}) const;
    // A task bound to a key that no longer exists, unless its owner is being looked for.
    bool needsKey(const TaskRecord &task) const;
    // The prompt a task shows: an upgrade's is its parent's.
    QString prompt(const TaskRecord &task) const;
    // A child's place in the list ("↳ 4K of video 1"); the ID for others.
    QString name(const TaskRecord &task) const;
    // The status, with what its children are doing for a parent ("Succeeded · 4K ready") and
    // where a request sent from here stands for a child ("Sent, answer lost").
    QString status(const TaskRecord &task) const;
    // Its status shows seconds going by: time generating (until "longer than usual", which
    // counts minutes) or a countdown to the next check after a failed one.
    bool statusCountsSeconds(const TaskRecord &task) const;

private:
    QString keyLabel(const QString &keyId) const;
    DownloadMark downloadMark(const QString &taskId) const;
    QDateTime nextCheck(const QString &taskId) const;

    KeyLabelProvider m_keyLabel;
    DownloadMarkProvider m_downloadMark;
    TaskLookup m_task;
    ChildrenLookup m_children;
    Now m_now;
    NextCheckProvider m_nextCheck;
};

} // namespace veo
