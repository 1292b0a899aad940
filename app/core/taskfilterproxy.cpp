#include "taskfilterproxy.h"

#include "tasktablemodel.h"

#include <QDateTime>
#include <algorithm>

namespace veo {

TaskFilterProxy::TaskFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(TaskTableModel::SortRole);
    setDynamicSortFilter(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true); // "Prompt 9" before "Prompt 10"
}

void TaskFilterProxy::setSearchText(const QString &text)
{
    const QString normalized = text.simplified().toLower();
    if (normalized == m_search) {
        return; // typing a space or changing case must not re-filter 10,000 rows
    }
    m_search = normalized;
    m_words = m_search.isEmpty() ? QStringList() : m_search.split(QLatin1Char(' '));
    invalidateRowsFilter();
}

void TaskFilterProxy::setStatusFilter(std::optional<TaskStatus> status)
{
    if (status == m_status) {
        return;
    }
    m_status = status;
    invalidateRowsFilter();
}

void TaskFilterProxy::setKeyFilter(const std::optional<QStringList> &keyIds)
{
    if (keyIds == m_keys) {
        return;
    }
    m_keys = keyIds;
    invalidateRowsFilter();
}

bool TaskFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_status && !m_keys && m_words.isEmpty()) {
        return true;
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status && index.data(TaskTableModel::StatusRole).toInt() != static_cast<int>(*m_status)) {
        return false;
    }
    if (m_keys && !m_keys->contains(index.data(TaskTableModel::KeyIdRole).toString())) {
        return false;
    }
    if (m_words.isEmpty()) {
        return true;
    }
    const QString haystack = index.data(TaskTableModel::SearchTextRole).toString();
    return std::all_of(m_words.cbegin(), m_words.cend(),
                       [&haystack](const QString &word) { return haystack.contains(word); });
}

bool TaskFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    const int type = l.metaType().id();
    if (type != r.metaType().id()) {
        return QSortFilterProxyModel::lessThan(left, right);
    }
    switch (type) {
    case QMetaType::QDateTime: {
        const QDateTime a = l.toDateTime();
        const QDateTime b = r.toDateTime();
        if (a.isValid() != b.isValid()) {
            return !a.isValid(); // no date yet sorts before every date
        }
        return a < b;
    }
    case QMetaType::Int:
        return l.toInt() < r.toInt();
    case QMetaType::QString:
        return m_collator.compare(l.toString(), r.toString()) < 0;
    default:
        return QSortFilterProxyModel::lessThan(left, right);
    }
}

} // namespace veo
