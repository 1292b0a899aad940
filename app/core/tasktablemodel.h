#pragma once

#include "download.h"
#include "taskcolumns.h"
#include "taskrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <array>
#include <functional>
#include <optional>
#include <vector>

namespace veo {

class ListFeed;
class TaskFeed;

// The task list as a table: the rows are the feed's tasks, read where the feed holds them
// (no copy), in its order. Updates change only the rows that changed (dataChanged per row,
// one full-range signal when more than half changed); a reset only when the whole list is
// read anew, another feed is followed, or the feed goes.
class TaskTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskTableModel)

public:
    using enum TaskColumns::Column; // TaskIdColumn ... ColumnCount, under the model's name too
    enum Role {
        TaskIdRole = Qt::UserRole + 1,
        StatusRole,     // int(TaskStatus)
        SortRole,       // untranslated value for sorting (QDateTime, int, QString)
        SearchTextRole, // QStringList: task id, prompt, error; what the filter searches
        KeyIdRole,      // the task's key id ("" = the default key)
        ParentRowRole,  // a child's parent row (upgrade, extension); -1 for none listed
        FamilyRowsRole, // QList<int>: the rows of a task's parent (when listed) and children
        ExpiryRole,     // int(ExpiryConcern): videos not on disk that expire soon or did
    };

    explicit TaskTableModel(QObject *parent = nullptr);
    ~TaskTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Shows the feed from now on: its tasks now, then every committed change. A feed that
    // goes first leaves the model empty.
    void follow(const TaskFeed *feed);

    // Without a feed to follow, the model shows a list of its own (a ListFeed), changed here:
    // anew (the only reset), new tasks appended and known ones changed in place (only changed
    // rows signal), tasks removed.
    void setTasks(QList<TaskRecord> tasks);
    void upsertTasks(const QList<TaskRecord> &tasks);
    void removeTasks(const QStringList &taskIds);

    int rowOf(const QString &taskId) const; // -1 when unknown
    const TaskRecord *task(const QString &taskId) const;
    // The Status column's text for a task (its time generating, its next check, its children).
    QString statusText(const TaskRecord &task) const { return m_columns.status(task); }
    const TaskRecord &taskAt(int row) const;
    // All tasks in row order (the feed's list); not to be used from a slot connected to a
    // removal signal.
    const QList<TaskRecord> &tasks() const;
    int countByStatus(TaskStatus status) const;
    // Tasks with this int(ExpiryConcern) now, and their result videos (counted when asked:
    // the clock moves).
    struct ExpiryCount
    {
        int tasks = 0;
        int videos = 0;
    };
    ExpiryCount countByExpiry(int concern) const;

    // Display name of a key id for the "API key" column (labels come from the key profiles).
    // An empty answer for a task's own key id means the key was removed: "Needs a key".
    void setKeyLabelProvider(std::function<QString(const QString &keyId)> provider);
    // The provider's answers changed (a key was added, renamed or removed).
    void keyLabelsChanged();
    // A task bound to a key that no longer exists (the provider has no label for it), unless
    // its owner is being looked for.
    bool needsKey(const TaskRecord &task) const;

    // What the Download column shows for a task (videos on disk, downloads going on).
    void setDownloadMarkProvider(std::function<DownloadMark(const QString &taskId)> provider);
    // The provider's answer for this task changed: repaints its Download cell.
    void downloadMarkChanged(const QString &taskId);

    // When each task is checked next (the poll scheduler's): the Status column counts down
    // to it after a failed check.
    void setNextCheckProvider(std::function<QDateTime(const QString &taskId)> provider);

    // Call after a translator was installed or removed: texts are translated in data() at
    // call time, this only tells views to fetch them again (no reset).
    void retranslate();

    // The children listed for a task (upgrades, extensions), in the order they were added.
    QList<const TaskRecord *> children(const QString &taskId) const;
    // The 14-day clock's time (UTC); the current time unless a test sets another.
    void setNow(std::function<QDateTime()> now);
    // Time passed. A minute: the Expires column and the statuses are shown again ("in 3 days"
    // becomes "in 2 days"). A second: only the statuses that count seconds (time generating,
    // the countdown to the next check). Returns whether any status counts seconds: a view
    // ticks every second while it does (and after the model changed, to learn it).
    enum class Tick { Minute, Second };
    bool timePassed(Tick tick = Tick::Minute);

Q_SIGNALS:
    void countsChanged();

private:
    // The feed's steps, as they are announced.
    void reset();
    // New tasks come at the end of the feed: the rows catch up with it (a change a slot made
    // before this model heard of the one before is caught up with too).
    void appended();
    void changedTasks(const QList<TaskRecord> &tasks);
    void hide(const QStringList &taskIds);
    void dropHidden();
    // Rows that show something of these tasks' parents or children (their status, their
    // prompt), to repaint with them.
    QList<int> relatedRows(const QList<const TaskRecord *> &tasks) const;
    void addToFamily(const TaskRecord &task);
    void removeFromFamily(const QString &taskId);
    void emitRowsChanged(QList<int> rows);
    ListFeed *ownFeed(); // made, and followed, the first time the model is changed directly
    // The feed's position of a row, and back (-1 for a position being removed).
    qsizetype position(int row) const;
    int rowAt(qsizetype pos) const;
    const TaskRecord &at(qsizetype pos) const;

    const TaskFeed *m_feed = nullptr;
    ListFeed *m_ownFeed = nullptr; // a child
    QList<QMetaObject::Connection> m_feedConnections;
    int m_rows = 0;
    // While a removal is announced: the positions of its tasks, descending. Their rows are
    // removed already; the feed still holds them until removed().
    QList<qsizetype> m_hidden;
    std::vector<quint8> m_status;                // each position's TaskStatus, for the counts
    std::array<int, TaskStatusCount> m_counts{}; // kept current so countByStatus() is O(1)
    TaskColumns m_columns;                       // what the cells show
    QHash<QString, QStringList> m_childIds;      // parent task id -> its children's ids
    QHash<QString, QString> m_parentOf;          // child task id -> its parent's id
    QStringList m_parentsToRepaint;              // of the tasks being removed
    bool m_holdCounts = false; // countsChanged() waits for the feed's loadFinished()
    // countByExpiry()'s answers by concern, until the tasks, their downloads or the minute change.
    mutable std::optional<QHash<int, ExpiryCount>> m_expiryCounts;
};

} // namespace veo
