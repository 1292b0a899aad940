#pragma once

#include "taskstatus.h"

#include <QCollator>
#include <QSortFilterProxyModel>
#include <QStringList>
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

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // Runs the filters over every row once, then has the base class apply the outcome: row
    // range by row range when few rows come or go, or as one new layout when many do (the
    // base class removes thousands of scattered rows one range at a time, for seconds).
    void refilter();
    // Whether a change naming these roles can change what the filters decide.
    bool readsAnyOf(const QList<int> &roles) const;
    // Whether a row is shown: its own match, or a match in its family.
    bool accepts(int sourceRow) const;
    // The row's own match of the search, status and key filters.
    bool matches(int sourceRow) const;
    // The sort column's values compared (the base order, without families).
    bool valueLess(const QModelIndex &left, const QModelIndex &right) const;

    // One word of the search, found in a text regardless of case.
    class Word
    {
    public:
        explicit Word(const QString &lowerCased);
        bool isIn(QStringView text) const;

    private:
        QString m_word;
        char16_t m_lower; // its first letter in both cases: the cheap test run on each
        char16_t m_upper; // character before comparing the whole word
        char16_t m_folded;
    };

    QString m_search;          // lower-cased, whitespace simplified
    std::vector<Word> m_words; // m_search's words; every word must match
    QCollator m_collator;      // locale-aware, case-insensitive, numeric text comparison
    std::optional<TaskStatus> m_status;
    std::optional<int> m_expiry;
    std::optional<QStringList> m_keys;
    // Each source row's outcome at the last refilter(), to count what the next one changes
    // (an estimate once rows changed in place; emptied when rows come or go).
    std::vector<bool> m_shown;
    bool m_applying = false; // refilter() is handing m_shown to the base class
    bool m_keepRows = false; // the base class handles a change the filters do not read
    QList<QMetaObject::Connection> m_sourceConnections; // ours to the source model
};

} // namespace veo
