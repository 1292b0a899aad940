#include "taskfilterproxy.h"

#include "tasktablemodel.h"

#include <QDateTime>
#include <QScopedValueRollback>
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
            m_words.emplace_back(word);
        }
    }
    refilter();
}

void TaskFilterProxy::setStatusFilter(std::optional<TaskStatus> status)
{
    if (status == m_status) {
        return;
    }
    m_status = status;
    refilter();
}

void TaskFilterProxy::setExpiryFilter(std::optional<int> concern)
{
    if (concern == m_expiry) {
        return;
    }
    m_expiry = concern;
    refilter();
}

void TaskFilterProxy::setKeyFilter(const std::optional<QStringList> &keyIds)
{
    if (keyIds == m_keys) {
        return;
    }
    m_keys = keyIds;
    refilter();
}

void TaskFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections)) {
        disconnect(connection);
    }
    m_sourceConnections.clear();
    m_shown.clear();
    // The base class filters every changed row again, whatever changed. A change that names
    // only roles the filters do not read (the clock's: texts, the expiry when no expiry filter
    // is set) keeps each row where it is: these two bracket the base class's handling.
    if (model) {
        m_sourceConnections << connect(
            model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                const bool keep = !roles.isEmpty() && !readsAnyOf(roles);
                if (keep) {
                    rowCount(); // the rows shown now are known (filterAcceptsRow asks for them)
                }
                m_keepRows = keep;
            });
    }
    QSortFilterProxyModel::setSourceModel(model);
    if (model) {
        const auto forget = [this] { m_shown.clear(); };
        m_sourceConnections << connect(model, &QAbstractItemModel::dataChanged, this,
                                       [this] { m_keepRows = false; })
                            << connect(model, &QAbstractItemModel::rowsInserted, this, forget)
                            << connect(model, &QAbstractItemModel::rowsRemoved, this, forget)
                            << connect(model, &QAbstractItemModel::rowsMoved, this, forget)
                            << connect(model, &QAbstractItemModel::modelReset, this, forget)
                            << connect(model, &QAbstractItemModel::layoutChanged, this, forget);
    }
}

bool TaskFilterProxy::readsAnyOf(const QList<int> &roles) const
{
    return std::any_of(roles.cbegin(), roles.cend(), [this](int role) {
        switch (role) {
        case TaskTableModel::StatusRole:
        case TaskTableModel::KeyIdRole:
        case TaskTableModel::SearchTextRole:
        case TaskTableModel::FamilyRowsRole:
            return true;
        case TaskTableModel::ExpiryRole:
            return m_expiry.has_value();
        default:
            return false;
        }
    });
}

void TaskFilterProxy::refilter()
{
    QAbstractItemModel *source = sourceModel();
    const int rows = source ? source->rowCount() : 0;
    if (m_shown.size() != size_t(rows)) { // rows came or went: what is shown now, row by row
        m_shown.assign(size_t(rows), false);
        for (int row = 0; row < rows; ++row) {
            m_shown[size_t(row)] = mapFromSource(source->index(row, 0)).isValid();
        }
    }
    qsizetype changes = 0;
    for (int row = 0; row < rows; ++row) {
        const bool shown = accepts(row);
        changes += shown != m_shown[size_t(row)];
        m_shown[size_t(row)] = shown;
    }
    const QScopedValueRollback applying(m_applying, true);
    // Removing or inserting a row range costs the base class about as much as sorting a
    // hundred rows: past that, one new layout (filtered and sorted afresh) is quicker.
    if (changes > 100 + rows / 100) {
        invalidate();
        rowCount(); // the new layout is built now, from m_shown, not on the next call
    } else {
        invalidateRowsFilter();
    }
}

bool TaskFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_keepRows) { // shown when it is shown now
        return mapFromSource(sourceModel()->index(sourceRow, 0, sourceParent)).isValid();
    }
    return m_applying ? m_shown.at(size_t(sourceRow)) : accepts(sourceRow);
}

bool TaskFilterProxy::accepts(int sourceRow) const
{
    if (!m_status && !m_expiry && !m_keys && m_words.empty()) {
        return true;
    }
    // A family shows together: a child with its parent, a parent with its children.
    if (matches(sourceRow)) {
        return true;
    }
    const QList<int> family =
        sourceModel()->index(sourceRow, 0).data(TaskTableModel::FamilyRowsRole).value<QList<int>>();
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
    return std::all_of(m_words.cbegin(), m_words.cend(), [&texts](const Word &word) {
        return std::any_of(texts.cbegin(), texts.cend(),
                           [&word](const QString &text) { return word.isIn(text); });
    });
}

TaskFilterProxy::Word::Word(const QString &lowerCased)
    : m_word(lowerCased),
      m_lower(static_cast<char16_t>(QChar::toLower(lowerCased.front().unicode()))),
      m_upper(static_cast<char16_t>(QChar::toUpper(lowerCased.front().unicode()))),
      m_folded(static_cast<char16_t>(QChar::toCaseFolded(lowerCased.front().unicode())))
{
}

// A keystroke reads every row's texts: QStringMatcher's caseless search folds the case of each
// character it looks at, this looks for the first letter as it is written and compares the
// whole word (caseless) only where it starts.
bool TaskFilterProxy::Word::isIn(QStringView text) const
{
    const qsizetype last = text.size() - m_word.size();
    const char16_t *chars = text.utf16();
    for (qsizetype i = 0; i <= last; ++i) {
        const char16_t c = chars[i];
        if ((c == m_lower || c == m_upper || (c > 0x7f && QChar::toCaseFolded(c) == m_folded)) &&
            text.sliced(i, m_word.size()).compare(m_word, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
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
