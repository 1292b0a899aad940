#pragma once

#include "taskstatus.h"

#include <QCollator>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QStringMatcher>
#include <optional>
#include <vector>

namespace veo {

// Search text (task ID, prompt, error), a status filter and sorting on SortRole. Children
// (upgrades, extensions) are kept right under their parent, and shown whenever it is.
class TaskFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskFilterProxy)

public:
    explicit TaskFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    // nullopt = all statuses.
    void setStatusFilter(std::optional<TaskStatus> status);
    std::optional<TaskStatus> statusFilter() const { return m_status; }
    // Only tasks with this int(ExpiryConcern) (TaskTableModel::ExpiryRole); nullopt = any.
    void setExpiryFilter(std::optional<int> concern);
    std::optional<int> expiryFilter() const { return m_expiry; }
    // Only tasks whose key id (TaskTableModel::KeyIdRole) is one of these; nullopt = any key.
    void setKeyFilter(const std::optional<QStringList> &keyIds);
    std::optional<QStringList> keyFilter() const { return m_keys; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // The row's own match of the search, status and key filters.
    bool matches(int sourceRow) const;
    // The sort column's values compared (the base order, without families).
    bool valueLess(const QModelIndex &left, const QModelIndex &right) const;

    QString m_search;                    // lower-cased, whitespace simplified
    std::vector<QStringMatcher> m_words; // m_search's words; every word must match
    QCollator m_collator;                // locale-aware, case-insensitive, numeric text comparison
    std::optional<TaskStatus> m_status;
    std::optional<int> m_expiry;
    std::optional<QStringList> m_keys;
};

} // namespace veo
