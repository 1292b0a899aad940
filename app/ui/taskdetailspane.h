#pragma once

#include "mediasources.h"
#include "taskrecord.h"

#include <QScrollArea>
#include <functional>
#include <optional>

class QFormLayout;
class QLabel;
class QMenu;

namespace veo {

// Every field of the selected task: the full prompt, paramJson pretty-printed, each URL with
// Copy and Open, and the error with what to do about it.
class TaskDetailsPane final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskDetailsPane)

public:
    explicit TaskDetailsPane(QWidget *parent = nullptr);

    // nullopt shows the "nothing selected" hint; count is how many rows are selected.
    void showTask(const std::optional<TaskRecord> &task, int selectedCount = 1);
    std::optional<TaskRecord> task() const { return m_task; }
    // Where downloaded videos are: a downloaded video's row offers "Show in Folder" instead of
    // "Download". Call refresh() when a file appeared or disappeared, or a key was renamed.
    void setLocalFileProvider(LocalFileProvider provider);
    void refresh();
    // The label of a key id ("" = the default key); empty when the key was removed.
    void setKeyLabelProvider(std::function<QString(const QString &keyId)> provider);
    // A task's paramJson, for a task that holds none (the list is read without it).
    void setParamJsonProvider(std::function<QString(const QString &taskId)> provider);
    // The task's status as the list shows it ("Generating · 2 min 31 s", "Waiting · server
    // error, retry in 40 s"); without one, the bare status. Call refreshStatus() when it
    // changed with time.
    void setStatusTextProvider(std::function<QString(const TaskRecord &)> provider);
    void refreshStatus();
    // The "Upgrade and Extend" menu of the selected task (not owned): a button above its
    // fields.
    void setFollowUpMenu(QMenu *menu);

Q_SIGNALS:
    void copied(const QString &what);
    void downloadRequested(const QString &taskId, veo::MediaKind kind, int index);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    QLabel *caption(const QString &text);
    QLabel *addRow(const QString &label, const QString &value); // null for an empty value
    QString statusOf(const TaskRecord &task) const;
    // One row per URL; a video in `sources` (mediaSources()) gets Download or Show in Folder.
    void addUrlRows(const QString &label, const QStringList &urls, MediaKind kind,
                    const QList<MediaSource> &sources);
    void addBlock(const QString &label, const QString &text, bool monospace);

    QWidget *m_content;
    QFormLayout *m_form;
    std::optional<TaskRecord> m_task;
    int m_selectedCount = 0;
    bool m_linksExpired = false; // the shown task's videos are deleted (14 days)
    LocalFileProvider m_localFile;
    QMenu *m_followUpMenu = nullptr;
    std::function<QString(const QString &)> m_keyLabel;
    std::function<QString(const QString &)> m_paramJson;
    std::function<QString(const TaskRecord &)> m_statusText;
    QLabel *m_statusField = nullptr; // the Status row's value while a task is shown
};

} // namespace veo
