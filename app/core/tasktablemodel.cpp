#include "tasktablemodel.h"

#include "taskfeed.h"
#include "tasktext.h"

#include <QLocale>
#include <QMetaType>
#include <algorithm>

namespace veo {

namespace {

int statusIndex(TaskStatus status)
{
    return static_cast<int>(status);
}

} // namespace

TaskTableModel::TaskTableModel(QObject *parent) : QAbstractTableModel(parent) {}

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
        return displayValue(t, column);
    case Qt::ToolTipRole:
        if (column == PromptColumn && !t.prompt.isEmpty()) {
            return t.prompt;
        }
        if (column == KeyColumn && t.findingOwner) {
            //: Tooltip of "Finding owner…" in the API key column
            return tr("Each of your API keys is asked whether this task is theirs. The task is "
                      "checked with the one that knows it.");
        }
        if (column == KeyColumn && needsKey(t)) {
            return tr("The API key this task was checked with has been removed. Right-click the "
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
    case Qt::ForegroundRole:
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
    case Qt::TextAlignmentRole:
        switch (column) {
        case ResolutionColumn:
            return alignment(Qt::AlignHCenter | Qt::AlignVCenter);
        case CreatedColumn:
        case CompletedColumn:
        case LastCheckedColumn:
            return alignment(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return alignment(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case TaskIdRole:
        return t.taskId;
    case StatusRole:
        return statusIndex(t.status);
    case SortRole:
        return sortValue(t, column);
    case KeyIdRole:
        return t.keyId;
    case SearchTextRole:
        return QString(t.taskId % QLatin1Char('\n') % t.prompt % QLatin1Char('\n') % errorText(t))
            .toLower();
    default:
        return {};
    }
}

QVariant TaskTableModel::displayValue(const TaskRecord &t, int column) const
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
            return tr("Finding owner…");
        }
        if (needsKey(t)) {
            //: API key column: the task's key was removed; the user must pick another
            return tr("Key removed");
        }
        const QString label = keyLabel(t.keyId);
        //: API key column: the task uses the default key
        return label.isEmpty() ? tr("Default") : label;
    }
    case LastCheckedColumn:
        return shortDateTime(t.lastChecked);
    case ErrorColumn:
        return errorText(t);
    default:
        return {};
    }
}

// Untranslated values only, so the order does not depend on the UI language.
QVariant TaskTableModel::sortValue(const TaskRecord &t, int column) const
{
    switch (column) {
    case TaskIdColumn:
        return t.taskId;
    case StatusColumn:
        return statusIndex(t.status);
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

bool TaskTableModel::needsKey(const TaskRecord &task) const
{
    return m_keyLabel && !task.findingOwner && !task.keyId.isEmpty() &&
           m_keyLabel(task.keyId).isEmpty();
}

QString TaskTableModel::keyLabel(const QString &keyId) const
{
    if (m_keyLabel) {
        const QString label = m_keyLabel(keyId);
        if (!label.isEmpty()) {
            return label;
        }
    }
    return keyId;
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TaskIdColumn:
        //: Column header: KIE's task ID
        return tr("Task ID");
    case StatusColumn:
        //: Column header: status of a task
        return tr("Status");
    case DownloadColumn:
        //: Column header: whether the task's video is downloaded (or how far)
        return tr("Download");
    case PromptColumn:
        //: Column header: the text prompt the video was generated from
        return tr("Prompt");
    case ModelColumn:
        //: Column header: the Veo model (veo3, veo3_fast)
        return tr("Model");
    case ResolutionColumn:
        //: Column header: video resolution (720p, 1080p)
        return tr("Resolution");
    case CreatedColumn:
        //: Column header: when KIE created the task
        return tr("Created");
    case CompletedColumn:
        //: Column header: when KIE finished the task
        return tr("Completed");
    case KeyColumn:
        //: Column header: which API key polls the task
        return tr("API key");
    case LastCheckedColumn:
        //: Column header: when the app last asked KIE about the task
        return tr("Last checked");
    case ErrorColumn:
        //: Column header: the last error for the task
        return tr("Error");
    default:
        return {};
    }
}

void TaskTableModel::follow(const TaskFeed *feed)
{
    connect(feed, &TaskFeed::loaded, this, &TaskTableModel::setTasks);
    connect(feed, &TaskFeed::inserted, this, &TaskTableModel::upsertTasks);
    connect(feed, &TaskFeed::changed, this, &TaskTableModel::upsertTasks);
    connect(feed, &TaskFeed::removed, this, &TaskTableModel::removeTasks);
    setTasks(feed->tasks());
}

void TaskTableModel::setTasks(QList<TaskRecord> tasks)
{
    Q_ASSERT(m_gapSize == 0); // not from a slot during removeTasks()
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
    const auto oldCounts = m_counts;
    QList<int> changedRows;
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
            current = t;
            changedRows.append(rowAt(*it));
        } else if (const auto a = addedIndex.constFind(t.taskId); a != addedIndex.cend()) {
            added[*a] = t; // the same new id twice in one batch: the later record wins
        } else {
            addedIndex.insert(t.taskId, added.size());
            added.append(t);
        }
    }

    emitRowsChanged(std::move(changedRows));

    if (!added.isEmpty()) {
        Q_ASSERT(m_gapSize == 0); // not from a slot during removeTasks()
        const int first = rowCount();
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_tasks.reserve(m_tasks.size() + added.size());
        for (TaskRecord &t : added) {
            m_rowById.insert(t.taskId, static_cast<int>(m_tasks.size()));
            ++m_counts[statusIndex(t.status)];
            m_tasks.append(std::move(t));
        }
        endInsertRows();
    }

    if (m_counts != oldCounts) {
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

void TaskTableModel::setKeyLabelProvider(std::function<QString(const QString &)> provider)
{
    m_keyLabel = std::move(provider);
    keyLabelsChanged();
}

void TaskTableModel::keyLabelsChanged()
{
    if (!m_tasks.isEmpty()) {
        Q_EMIT dataChanged(index(0, KeyColumn), index(rowCount() - 1, KeyColumn));
    }
}

DownloadMark TaskTableModel::downloadMark(const QString &taskId) const
{
    return m_downloadMark ? m_downloadMark(taskId) : DownloadMark{};
}

void TaskTableModel::setDownloadMarkProvider(
    std::function<DownloadMark(const QString &taskId)> provider)
{
    m_downloadMark = std::move(provider);
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
    m_counts.fill(0);
    for (int row = 0; row < m_tasks.size(); ++row) {
        const TaskRecord &t = m_tasks.at(row);
        m_rowById.insert(t.taskId, row);
        ++m_counts[statusIndex(t.status)];
    }
}

} // namespace veo
