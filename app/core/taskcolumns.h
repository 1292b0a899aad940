#pragma once

#include "download.h"
#include "taskrecord.h"

#include <QString>
#include <QVariant>
#include <functional>

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
        KeyColumn,
        LastCheckedColumn,
        ErrorColumn,
        ColumnCount
    };

    using KeyLabelProvider = std::function<QString(const QString &keyId)>;
    using DownloadMarkProvider = std::function<DownloadMark(const QString &taskId)>;

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
    // A task bound to a key that no longer exists, unless its owner is being looked for.
    bool needsKey(const TaskRecord &task) const;

private:
    QString keyLabel(const QString &keyId) const;
    DownloadMark downloadMark(const QString &taskId) const;

    KeyLabelProvider m_keyLabel;
    DownloadMarkProvider m_downloadMark;
};

} // namespace veo
