#include "tasktablemodel.h"

#include "taskexpiry.h"

#include "taskfeed.h"
#include "tasktext.h"

#include <QScopedValueRollback>

#include <algorithm>

namespace veo {

namespace {

int statusIndex(TaskStatus status)
{
    return static_cast<int>(status);
}

} // namespace

TaskTableModel::TaskTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_columns.setFamily([this](const QString &id) { return task(id); },
                        [this](const QString &id) { return children(id); });
}

TaskTableModel::~TaskTableModel() = default;

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_tasks.size() - m_gapSize);
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags TaskTableModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    return index.isValid() ? base | Qt::ItemNeverHasChildren : base;
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const TaskRecord &t = m_tasks.at(position(index.row()));
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return m_columns.display(t, column);
    case Qt::ToolTipRole:
        return m_columns.toolTip(t, column);
    case Qt::ForegroundRole:
        return m_columns.foreground(t, column);
    case Qt::TextAlignmentRole:
        return alignment(TaskColumns::textAlignment(column));
    case TaskIdRole:
        return t.taskId;
    case StatusRole:
        return statusIndex(t.status);
    case SortRole:
        return m_columns.sortValue(t, column);
    case KeyIdRole:
        return t.keyId;
    case SearchTextRole: // the texts themselves (shared, not copied): a keystroke reads every row
        return QStringList{t.taskId, m_columns.prompt(t), errorText(t)};
    case ExpiryRole:
        return m_columns.expiryConcernOf(t);
    case ParentRowRole:
        return t.parentTaskId.isEmpty() ? -1 : rowOf(t.parentTaskId);
    case FamilyRowsRole: {
        QList<int> rows;
        if (const int parentRow = t.parentTaskId.isEmpty() ? -1 : rowOf(t.parentTaskId);
            parentRow >= 0) {
            rows.append(parentRow);
        }
        for (const QString &id : m_childIds.value(t.taskId)) {
            rows.append(rowOf(id));
        }
        return QVariant::fromValue(rows);
    }
    default:
        return {};
    }
}

bool TaskTableModel::needsKey(const TaskRecord &task) const
{
    return m_columns.needsKey(task);
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    return TaskColumns::title(section);
}

void TaskTableModel::follow(const TaskFeed *feed)
{
    connect(feed, &TaskFeed::loaded, this, &TaskTableModel::setTasks);
    // While a long list is read in steps, the counts (whose readers go through every row) are
    // told once, at the end, after the call that brings the last part of the list (and starts
    // the services), not inside it.
    connect(feed, &TaskFeed::loadedMore, this, [this, feed](const QList<TaskRecord> &tasks) {
        // Room for the whole list once it is counted (as TaskRepository::makeRoom() does).
        if (const qsizetype expected = feed->expectedCount(); expected > m_tasks.capacity()) {
            m_tasks.reserve(expected);
            m_rowById.reserve(expected);
        }
        const QScopedValueRollback hold(m_holdCounts, true);
        upsertTasks(tasks);
    });
    connect(feed, &TaskFeed::loadFinished, this, &TaskTableModel::countsChanged,
            Qt::QueuedConnection);
    connect(feed, &TaskFeed::inserted, this, &TaskTableModel::upsertTasks);
    connect(feed, &TaskFeed::changed, this, &TaskTableModel::upsertTasks);
    connect(feed, &TaskFeed::removed, this, &TaskTableModel::removeTasks);
    setTasks(feed->tasks());
}

void TaskTableModel::setTasks(QList<TaskRecord> tasks)
{
    Q_ASSERT(m_gapSize == 0); // not from a slot during removeTasks()
    m_expiryCounts.reset();
    const auto oldCounts = m_counts;
    beginResetModel();
    m_tasks.clear();
    m_tasks.reserve(tasks.size());
    m_rowById.clear();
    m_rowById.reserve(tasks.size());
    for (TaskRecord &t : tasks) {
        if (const auto it = m_rowById.constFind(t.taskId); it != m_rowById.cend()) {
            m_tasks[*it] = std::move(t); // a duplicate id: the later record wins
        } else {
            m_rowById.insert(t.taskId, static_cast<int>(m_tasks.size()));
            m_tasks.append(std::move(t));
        }
    }
    rebuildIndex();
    endResetModel();
    if (m_counts != oldCounts) {
        Q_EMIT countsChanged();
    }
}

void TaskTableModel::upsertTasks(const QList<TaskRecord> &tasks)
{
    m_expiryCounts.reset();
    const auto oldCounts = m_counts;
    QList<int> changedRows;
    QList<const TaskRecord *> changed;
    QList<TaskRecord> added;
    QHash<QString, qsizetype> addedIndex;

    for (const TaskRecord &t : tasks) {
        if (const auto it = m_rowById.constFind(t.taskId); it != m_rowById.cend()) {
            if (m_tasks.at(*it) == t) {
                continue; // compared through at(): no detach for a no-op
            }
            TaskRecord &current = m_tasks[*it];
            --m_counts[statusIndex(current.status)];
            ++m_counts[statusIndex(t.status)];
            if (current.parentTaskId != t.parentTaskId) {
                removeFromFamily(current);
                addToFamily(t);
            }
            current = t;
            changedRows.append(rowAt(*it));
            changed.append(&current);
        } else if (const auto a = addedIndex.constFind(t.taskId); a != addedIndex.cend()) {
            added[*a] = t; // the same new id twice in one batch: the later record wins
        } else {
            addedIndex.insert(t.taskId, added.size());
            added.append(t);
        }
    }

    changedRows += relatedRows(changed);
    emitRowsChanged(std::move(changedRows));

    if (!added.isEmpty()) {
        Q_ASSERT(m_gapSize == 0); // not from a slot during removeTasks()
        const int first = rowCount();
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (TaskRecord &t : added) {
            m_rowById.insert(t.taskId, static_cast<int>(m_tasks.size()));
            ++m_counts[statusIndex(t.status)];
            addToFamily(t);
            m_tasks.append(std::move(t));
        }
        endInsertRows();
        QList<const TaskRecord *> inserted;
        for (qsizetype pos = m_tasks.size() - added.size(); pos < m_tasks.size(); ++pos) {
            inserted.append(&m_tasks.at(pos));
        }
        emitRowsChanged(relatedRows(inserted)); // a parent shows its new child
    }

    if (m_counts != oldCounts && !m_holdCounts) {
        Q_EMIT countsChanged();
    }
}

// Like qBittorrent's TransferListModel: one signal per run of adjacent rows, or a single
// full-range signal when more than half of the rows changed.
void TaskTableModel::emitRowsChanged(QList<int> rows)
{
    if (rows.isEmpty()) {
        return;
    }
    constexpr int lastColumn = ColumnCount - 1;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.size() * 2 > rowCount()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, lastColumn));
        return;
    }
    int first = rows.constFirst();
    int last = first;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        if (rows.at(i) != last + 1) {
            Q_EMIT dataChanged(index(first, 0), index(last, lastColumn));
            first = rows.at(i);
        }
        last = rows.at(i);
    }
    Q_EMIT dataChanged(index(first, 0), index(last, lastColumn));
}

void TaskTableModel::removeTasks(const QStringList &taskIds)
{
    m_expiryCounts.reset();
    QList<int> rows;
    rows.reserve(taskIds.size());
    for (const QString &id : taskIds) {
        if (const auto it = m_rowById.constFind(id); it != m_rowById.cend()) {
            rows.append(*it);
        }
    }
    if (rows.isEmpty()) {
        return;
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QStringList parentsToRepaint;
    for (const int row : std::as_const(rows)) {
        const TaskRecord &t = m_tasks.at(row);
        removeFromFamily(t);
        if (!t.parentTaskId.isEmpty()) {
            parentsToRepaint.append(t.parentTaskId);
        }
    }

    // Bottom-up, so that the rows of the ranges still to remove keep their numbers. Instead of
    // moving the whole tail for every range (quadratic for scattered rows), the records between
    // two ranges move up across a gap that travels down the list: each record moves at most
    // once, and the index is kept right before every endRemoveRows() for the slots.
    Q_ASSERT(m_gapSize == 0);
    m_gapStart = m_tasks.size();
    qsizetype i = 0;
    while (i < rows.size()) {
        const int last = rows.at(i);
        int first = last;
        while (++i < rows.size() && rows.at(i) == first - 1) {
            first = rows.at(i);
        }
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r) { // below the gap: position == row
            const TaskRecord &t = m_tasks.at(r);
            m_rowById.remove(t.taskId);
            --m_counts[statusIndex(t.status)];
        }
        qsizetype target = m_gapStart + m_gapSize;
        if (m_gapSize > 0) {
            for (qsizetype from = m_gapStart - 1; from > last; --from) {
                TaskRecord &moved = m_tasks[--target];
                moved = std::move(m_tasks[from]);
                m_rowById[moved.taskId] = static_cast<int>(target);
            }
        } else {
            target = last + 1; // the first range ends the list or is followed by kept rows
        }
        m_gapStart = first;
        m_gapSize = target - first;
        endRemoveRows();
    }

    // Close the gap: one move of the tail, then positions are rows again.
    m_tasks.remove(m_gapStart, m_gapSize);
    m_gapSize = 0;
    for (qsizetype pos = m_gapStart; pos < m_tasks.size(); ++pos) {
        m_rowById[m_tasks.at(pos).taskId] = static_cast<int>(pos);
    }
    m_gapStart = 0;
    QList<int> parentRows;
    for (const QString &id : std::as_const(parentsToRepaint)) {
        if (const int row = rowOf(id); row >= 0) {
            parentRows.append(row);
        }
    }
    emitRowsChanged(std::move(parentRows)); // a parent no longer shows the removed child
    Q_EMIT countsChanged();
}

int TaskTableModel::rowOf(const QString &taskId) const
{
    const auto it = m_rowById.constFind(taskId);
    return it == m_rowById.cend() ? -1 : rowAt(*it);
}

int TaskTableModel::rowAt(qsizetype pos) const
{
    Q_ASSERT(pos < m_gapStart || pos >= m_gapStart + m_gapSize);
    return static_cast<int>(pos < m_gapStart ? pos : pos - m_gapSize);
}

const TaskRecord *TaskTableModel::task(const QString &taskId) const
{
    const auto it = m_rowById.constFind(taskId);
    return it == m_rowById.cend() ? nullptr : &m_tasks.at(*it);
}

const TaskRecord &TaskTableModel::taskAt(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return m_tasks.at(position(row));
}

int TaskTableModel::countByStatus(TaskStatus status) const
{
    return m_counts[statusIndex(status)];
}

TaskTableModel::ExpiryCount TaskTableModel::countByExpiry(int concern) const
{
    // The status bar, the tray and the status filter each ask after every change: one pass over
    // the list for all of them (100,000 tasks take about 25 ms).
    if (!m_expiryCounts) {
        QHash<int, ExpiryCount> counts;
        const QDateTime now = m_columns.now();
        for (const TaskRecord &t : m_tasks) {
            ExpiryCount &count = counts[m_columns.expiryConcernOf(t, now)];
            ++count.tasks;
            count.videos += std::max(1, int(t.resultUrls.size()));
        }
        m_expiryCounts = std::move(counts);
    }
    return m_expiryCounts->value(concern);
}

void TaskTableModel::setKeyLabelProvider(std::function<QString(const QString &)> provider)
{
    m_columns.setKeyLabelProvider(std::move(provider));
    keyLabelsChanged();
}

void TaskTableModel::keyLabelsChanged()
{
    if (!m_tasks.isEmpty()) {
        Q_EMIT dataChanged(index(0, KeyColumn), index(rowCount() - 1, KeyColumn));
    }
}

void TaskTableModel::setDownloadMarkProvider(
    std::function<DownloadMark(const QString &taskId)> provider)
{
    m_columns.setDownloadMarkProvider(std::move(provider));
    m_expiryCounts.reset();
    if (!m_tasks.isEmpty()) {
        Q_EMIT dataChanged(index(0, DownloadColumn), index(rowCount() - 1, DownloadColumn));
    }
}

void TaskTableModel::downloadMarkChanged(const QString &taskId)
{
    const int row = rowOf(taskId);
    if (row >= 0) {
        const QModelIndex cell = index(row, DownloadColumn);
        Q_EMIT dataChanged(cell, cell);
        // A video on disk no longer expires undownloaded (progress ticks of others: no count).
        if (expiryConcern(taskAt(row), false, m_columns.now()) != ExpiryConcern::None) {
            m_expiryCounts.reset();
            Q_EMIT countsChanged();
        }
    }
}

void TaskTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_tasks.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole, SearchTextRole});
    }
}

void TaskTableModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_tasks.size());
    m_childIds.clear();
    m_counts.fill(0);
    for (int row = 0; row < m_tasks.size(); ++row) {
        const TaskRecord &t = m_tasks.at(row);
        m_rowById.insert(t.taskId, row);
        addToFamily(t);
        ++m_counts[statusIndex(t.status)];
    }
}

void TaskTableModel::addToFamily(const TaskRecord &task)
{
    if (!task.parentTaskId.isEmpty()) {
        m_childIds[task.parentTaskId].append(task.taskId);
    }
}

void TaskTableModel::removeFromFamily(const TaskRecord &task)
{
    if (task.parentTaskId.isEmpty()) {
        return;
    }
    const auto it = m_childIds.find(task.parentTaskId);
    if (it != m_childIds.end()) {
        it->removeOne(task.taskId);
        if (it->isEmpty()) {
            m_childIds.erase(it);
        }
    }
}

QList<const TaskRecord *> TaskTableModel::children(const QString &taskId) const
{
    QList<const TaskRecord *> list;
    for (const QString &id : m_childIds.value(taskId)) {
        if (const TaskRecord *child = task(id)) {
            list.append(child);
        }
    }
    return list;
}

QList<int> TaskTableModel::relatedRows(const QList<const TaskRecord *> &tasks) const
{
    QList<int> rows;
    for (const TaskRecord *t : tasks) {
        if (!t->parentTaskId.isEmpty()) {
            if (const int row = rowOf(t->parentTaskId); row >= 0) {
                rows.append(row);
            }
        }
        for (const QString &id : m_childIds.value(t->taskId)) {
            if (const int row = rowOf(id); row >= 0) {
                rows.append(row);
            }
        }
    }
    return rows;
}

void TaskTableModel::setNow(std::function<QDateTime()> now)
{
    m_columns.setNow(std::move(now));
    timePassed();
}

bool TaskTableModel::timePassed(Tick tick)
{
    if (tick == Tick::Minute) {
        m_expiryCounts.reset();
    }
    if (m_tasks.isEmpty()) {
        return false;
    }
    QList<int> rows;
    for (int row = 0; row < rowCount(); ++row) {
        if (m_columns.statusCountsSeconds(m_tasks.at(row))) {
            rows.append(row);
        }
    }
    if (tick == Tick::Minute) {
        // Only the roles that time changes: a filter or a sort on others (a search) is not run
        // again over every row each minute.
        Q_EMIT dataChanged(index(0, ExpiresColumn), index(rowCount() - 1, ExpiresColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, ExpiryRole});
        // "Generating · 17 min, longer than usual" counts up.
        Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, StatusColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole});
        Q_EMIT countsChanged(); // videos may have come within 48 hours of expiry, or expired
        return !rows.isEmpty();
    }
    // The Status cells of runs of adjacent rows, the text only.
    for (qsizetype i = 0; i < rows.size();) {
        const int first = rows.at(i);
        int last = first;
        while (++i < rows.size() && rows.at(i) == last + 1) {
            last = rows.at(i);
        }
        Q_EMIT dataChanged(index(first, StatusColumn), index(last, StatusColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole});
    }
    return !rows.isEmpty();
}

void TaskTableModel::setNextCheckProvider(std::function<QDateTime(const QString &)> provider)
{
    m_columns.setNextCheckProvider(std::move(provider));
    timePassed(Tick::Second);
}

} // namespace veo
