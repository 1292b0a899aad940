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
    m_words.clear();
    if (!m_search.isEmpty()) {
        for (const QString &word : m_search.split(QLatin1Char(' '))) {
            m_words.emplace_back(word, Qt::CaseInsensitive);
        }
    }
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

void TaskFilterProxy::setExpiryFilter(std::optional<int> concern)
{
    if (concern == m_expiry) {
        return;
    }
    m_expiry = concern;
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
    if (!m_status && !m_expiry && !m_keys && m_words.empty()) {
        return true;
    }
    // A family shows together: a child with its parent, a parent with its children.
    if (matches(sourceRow)) {
        return true;
    }
    const QList<int> family = sourceModel()
                                  ->index(sourceRow, 0, sourceParent)
                                  .data(TaskTableModel::FamilyRowsRole)
                                  .value<QList<int>>();
    return std::any_of(family.cbegin(), family.cend(),
                       [this](int row) { return row >= 0 && matches(row); });
}

bool TaskFilterProxy::matches(int sourceRow) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
    if (m_status && index.data(TaskTableModel::StatusRole).toInt() != static_cast<int>(*m_status)) {
        return false;
    }
    if (m_expiry && index.data(TaskTableModel::ExpiryRole).toInt() != *m_expiry) {
        return false;
    }
    if (m_keys && !m_keys->contains(index.data(TaskTableModel::KeyIdRole).toString())) {
        return false;
    }
    if (m_words.empty()) {
        return true;
    }
    const QStringList texts = index.data(TaskTableModel::SearchTextRole).toStringList();
    return std::all_of(m_words.cbegin(), m_words.cend(), [&texts](const QStringMatcher &word) {
        return std::any_of(texts.cbegin(), texts.cend(),
                           [&word](const QString &text) { return word.indexIn(text) >= 0; });
    });
}

bool TaskFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Children stay right under their parent: families are ordered by their parents' values,
    // and inside a family the parent comes first, then its children as they were added, in
    // either sort order (a descending sort compares the other way round, so that order is
    // turned here too).
    const int leftParent = left.data(TaskTableModel::ParentRowRole).toInt();
    const int rightParent = right.data(TaskTableModel::ParentRowRole).toInt();
    const int leftHead = leftParent >= 0 ? leftParent : left.row();
    const int rightHead = rightParent >= 0 ? rightParent : right.row();
    if (leftHead != rightHead) {
        const QModelIndex a = left.sibling(leftHead, left.column());
        const QModelIndex b = right.sibling(rightHead, right.column());
        if (valueLess(a, b)) {
            return true;
        }
        if (valueLess(b, a)) {
            return false;
        }
        return leftHead < rightHead;
    }
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    if (leftParent < 0 || rightParent < 0) { // one of them is the parent
        return ascending ? leftParent < 0 : rightParent < 0;
    }
    return ascending ? left.row() < right.row() : left.row() > right.row();
}

bool TaskFilterProxy::valueLess(const QModelIndex &left, const QModelIndex &right) const
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
