#include "tasktablemodel.h"

#include "taskexpiry.h"

#include "listfeed.h"
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
    return parent.isValid() ? 0 : m_rows;
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
    if (!m_feed ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const TaskRecord &t = taskAt(index.row());
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
            if (const int row = rowOf(id); row >= 0) {
                rows.append(row);
            }
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
    for (const QMetaObject::Connection &c : std::as_const(m_feedConnections)) {
        disconnect(c);
    }
    m_feedConnections.clear();
    if (m_ownFeed && feed != m_ownFeed) { // changed through the other feed from now on
        delete m_ownFeed;
        m_ownFeed = nullptr;
    }
    m_feed = feed;
    // A feed that goes first leaves nothing to show (the rows read its records).
    m_feedConnections.append(connect(feed, &QObject::destroyed, this, [this] {
        m_feed = nullptr; // nothing reads it from here on
        m_hidden.clear();
        reset();
    }));
    const auto on = [this, feed](auto signal, auto slot,
                                 Qt::ConnectionType type = Qt::AutoConnection) {
        m_feedConnections.append(connect(feed, signal, this, slot, type));
    };
    on(&TaskFeed::loaded, [this] { reset(); });
    // While a long list is read in steps, the counts (whose readers go through every row) are
    // told once, at the end, after the call that brings the last part of the list (and starts
    // the services), not inside it.
    on(&TaskFeed::loadedMore, [this, feed] {
        // Room for the whole list once it is counted (as TaskRepository::makeRoom() does).
        if (const qsizetype expected = feed->expectedCount();
            expected > qsizetype(m_status.capacity())) {
            m_status.reserve(std::size_t(expected));
        }
        const QScopedValueRollback hold(m_holdCounts, true);
        appended();
    });
    on(&TaskFeed::loadFinished, &TaskTableModel::countsChanged, Qt::QueuedConnection);
    on(&TaskFeed::inserted, [this] { appended(); });
    on(&TaskFeed::changed, [this](const QList<TaskRecord> &tasks) { changedTasks(tasks); });
    on(&TaskFeed::aboutToRemove, [this](const QStringList &ids) { hide(ids); });
    on(&TaskFeed::listCompacted, [this] { dropHidden(); });
    if (m_rows > 0 || !feed->tasks().isEmpty()) { // else nothing to tell
        reset();
    }
}

ListFeed *TaskTableModel::ownFeed()
{
    if (!m_ownFeed) {
        Q_ASSERT(!m_feed); // a model that follows a feed is changed through it
        m_ownFeed = new ListFeed(this);
        follow(m_ownFeed);
    }
    return m_ownFeed;
}

void TaskTableModel::setTasks(QList<TaskRecord> tasks)
{
    ownFeed()->setTasks(std::move(tasks));
}

void TaskTableModel::upsertTasks(const QList<TaskRecord> &tasks)
{
    ownFeed()->upsert(tasks);
}

void TaskTableModel::removeTasks(const QStringList &taskIds)
{
    ownFeed()->remove(taskIds);
}

const QList<TaskRecord> &TaskTableModel::tasks() const
{
    static const QList<TaskRecord> none;
    return m_feed ? m_feed->tasks() : none;
}

void TaskTableModel::reset()
{
    Q_ASSERT(m_hidden.isEmpty()); // not from a slot during a removal
    m_expiryCounts.reset();
    const auto oldCounts = m_counts;
    beginResetModel();
    const QList<TaskRecord> &list = tasks();
    m_rows = int(list.size());
    m_status.clear();
    m_status.reserve(list.size());
    m_childIds.clear();
    m_parentOf.clear();
    m_counts.fill(0);
    for (const TaskRecord &t : list) {
        m_status.push_back(quint8(t.status));
        ++m_counts[statusIndex(t.status)];
        addToFamily(t);
    }
    endResetModel();
    if (m_counts != oldCounts) {
        Q_EMIT countsChanged();
    }
}

void TaskTableModel::appended()
{
    Q_ASSERT(m_hidden.isEmpty()); // not from a slot during a removal
    const qsizetype count = tasks().size() - qsizetype(m_status.size());
    if (count <= 0) {
        return;
    }
    m_expiryCounts.reset();
    const auto oldCounts = m_counts;
    const int first = m_rows;
    beginInsertRows({}, first, first + int(count) - 1);
    for (qsizetype pos = first; pos < first + count; ++pos) {
        const TaskRecord &t = at(pos);
        m_status.push_back(quint8(t.status));
        ++m_counts[statusIndex(t.status)];
        addToFamily(t);
    }
    m_rows += int(count);
    endInsertRows();
    QList<const TaskRecord *> inserted;
    for (qsizetype pos = first; pos < first + count; ++pos) {
        inserted.append(&at(pos));
    }
    emitRowsChanged(relatedRows(inserted)); // a parent shows its new child
    if (m_counts != oldCounts && !m_holdCounts) {
        Q_EMIT countsChanged();
    }
}

void TaskTableModel::changedTasks(const QList<TaskRecord> &changed)
{
    m_expiryCounts.reset();
    const auto oldCounts = m_counts;
    QList<int> rows;
    QList<const TaskRecord *> shown;
    for (const TaskRecord &t : changed) {
        const qsizetype pos = m_feed->indexOf(t.taskId);
        const int row = pos < 0 ? -1 : rowAt(pos);
        if (row < 0) {
            continue;
        }
        const TaskRecord &now = at(pos); // the feed's, already changed
        --m_counts[m_status[std::size_t(pos)]];
        ++m_counts[statusIndex(now.status)];
        m_status[std::size_t(pos)] = quint8(now.status);
        if (m_parentOf.value(now.taskId) != now.parentTaskId) {
            removeFromFamily(now.taskId);
            addToFamily(now);
        }
        rows.append(row);
        shown.append(&now);
    }
    rows += relatedRows(shown);
    emitRowsChanged(std::move(rows));
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

void TaskTableModel::hide(const QStringList &taskIds)
{
    Q_ASSERT(m_hidden.isEmpty());
    m_expiryCounts.reset();
    QList<qsizetype> positions;
    positions.reserve(taskIds.size());
    for (const QString &id : taskIds) {
        if (const qsizetype pos = m_feed->indexOf(id);
            pos >= 0 && pos < qsizetype(m_status.size())) {
            positions.append(pos);
        }
    }
    std::sort(positions.begin(), positions.end(), std::greater<>());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    m_parentsToRepaint.clear();
    for (const qsizetype pos : std::as_const(positions)) {
        const TaskRecord &t = at(pos);
        removeFromFamily(t.taskId);
        if (!t.parentTaskId.isEmpty()) {
            m_parentsToRepaint.append(t.parentTaskId);
        }
    }
    // Bottom-up: the positions above a range are hidden already, so below it a position is
    // its row. The feed still holds the records, so slots of each removal read them right.
    qsizetype i = 0;
    while (i < positions.size()) {
        const qsizetype last = positions.at(i);
        qsizetype first = last;
        while (++i < positions.size() && positions.at(i) == first - 1) {
            first = positions.at(i);
        }
        beginRemoveRows({}, int(first), int(last));
        for (qsizetype pos = first; pos <= last; ++pos) {
            --m_counts[m_status[std::size_t(pos)]];
        }
        for (qsizetype pos = last; pos >= first; --pos) {
            m_hidden.append(pos); // stays descending: each range is below the ones before
        }
        m_rows -= int(last - first + 1);
        endRemoveRows();
    }
}

void TaskTableModel::dropHidden()
{
    // The feed has let them go: their positions close up.
    if (!m_hidden.isEmpty()) {          // one pass from the first of them
        auto next = m_hidden.crbegin(); // ascending
        std::size_t kept = std::size_t(*next);
        for (std::size_t pos = kept; pos < m_status.size(); ++pos) {
            if (next != m_hidden.crend() && std::size_t(*next) == pos) {
                ++next;
            } else {
                m_status[kept++] = m_status[pos];
            }
        }
        m_status.resize(kept);
    }
    const bool any = !m_hidden.isEmpty();
    m_hidden.clear();
    // Tasks a slot appended before this model heard of them are caught up with by appended().
    Q_ASSERT(qsizetype(m_status.size()) <= tasks().size() || !m_feed);
    QList<int> parentRows;
    for (const QString &id : std::as_const(m_parentsToRepaint)) {
        if (const int row = rowOf(id); row >= 0) {
            parentRows.append(row);
        }
    }
    m_parentsToRepaint.clear();
    emitRowsChanged(std::move(parentRows)); // a parent no longer shows the removed child
    if (any) {
        Q_EMIT countsChanged();
    }
}

qsizetype TaskTableModel::position(int row) const
{
    // m_hidden is empty but while a removal is announced, and descending. Ascending, the i-th
    // hidden position less i never goes down: the row's position is the row plus the hidden
    // positions whose value less their rank is at most the row (found by halving).
    const auto k = m_hidden.size();
    const auto ascending = [this, k](qsizetype i) { return m_hidden.at(k - 1 - i); };
    qsizetype low = 0;
    qsizetype high = k;
    while (low < high) {
        const qsizetype mid = low + (high - low) / 2;
        if (ascending(mid) - mid <= row) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return row + low;
}

int TaskTableModel::rowAt(qsizetype pos) const
{
    if (pos >= qsizetype(m_status.size())) {
        return -1; // appended to the feed, not announced yet
    }
    // m_hidden is descending: the ones below pos are at its end.
    const auto atOrBelow =
        std::lower_bound(m_hidden.cbegin(), m_hidden.cend(), pos, std::greater<>());
    if (atOrBelow != m_hidden.cend() && *atOrBelow == pos) {
        return -1;
    }
    return int(pos - std::distance(atOrBelow, m_hidden.cend()));
}

const TaskRecord &TaskTableModel::at(qsizetype pos) const
{
    return m_feed->tasks().at(pos);
}

int TaskTableModel::rowOf(const QString &taskId) const
{
    const qsizetype pos = m_feed ? m_feed->indexOf(taskId) : -1;
    return pos < 0 ? -1 : rowAt(pos);
}

const TaskRecord *TaskTableModel::task(const QString &taskId) const
{
    const qsizetype pos = m_feed ? m_feed->indexOf(taskId) : -1;
    return pos < 0 || rowAt(pos) < 0 ? nullptr : &at(pos);
}

const TaskRecord &TaskTableModel::taskAt(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return at(position(row));
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
        for (int row = 0; row < m_rows; ++row) {
            const TaskRecord &t = taskAt(row);
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
    if (m_rows > 0) {
        Q_EMIT dataChanged(index(0, KeyColumn), index(rowCount() - 1, KeyColumn));
    }
}

void TaskTableModel::setDownloadMarkProvider(
    std::function<DownloadMark(const QString &taskId)> provider)
{
    m_columns.setDownloadMarkProvider(std::move(provider));
    m_expiryCounts.reset();
    if (m_rows > 0) {
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
    if (m_rows > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole, SearchTextRole});
    }
}

void TaskTableModel::addToFamily(const TaskRecord &task)
{
    if (!task.parentTaskId.isEmpty()) {
        m_childIds[task.parentTaskId].append(task.taskId);
        m_parentOf.insert(task.taskId, task.parentTaskId);
    }
}

void TaskTableModel::removeFromFamily(const QString &taskId)
{
    const QString parent = m_parentOf.take(taskId);
    if (parent.isEmpty()) {
        return;
    }
    const auto it = m_childIds.find(parent);
    if (it != m_childIds.end()) {
        it->removeOne(taskId);
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
    if (m_rows == 0) {
        return false;
    }
    QList<int> rows;
    for (int row = 0; row < rowCount(); ++row) {
        if (m_columns.statusCountsSeconds(taskAt(row))) {
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
