#pragma once

#include "taskkind.h"

#include <QObject>

class QMenu;
class QWidget;

namespace veo {

class Engine;
class KeyRing;
class TaskListPane;
struct TaskRecord;

// The "Upgrade and Extend" menu of the selected task (context menu and Tasks menu): Get 1080P,
// Get 4K (confirmed first: it costs credits) and Extend (a dialog) for each video of a
// finished Veo task, what is not allowed disabled with the reason in its tooltip; Retry and
// "Add Its Task ID" for a child whose request failed or lost its answer. Carried out by the
// engine's FollowUps.
class FollowUpActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUpActions)

public:
    FollowUpActions(Engine *engine, TaskListPane *list, QWidget *window);

    QMenu *menu() const { return m_menu; }
    // "Work (1,280 credits left, checked 14:02)": the key that pays, for confirmations.
    static QString keyText(const KeyRing *keys, const QString &keyId);
    // Asks for a task ID found in the kie.ai logs; empty when cancelled.
    static QString askTaskId(QWidget *parent, const QString &label);
    void retranslate();
    // Enabled for one selected task.
    void update();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);

private:
    void fill();
    void fillForParent(const TaskRecord &task);
    void fillForChild(const TaskRecord &task);
    void getUpgrade(const QString &parentTaskId, TaskKind kind, int videoIndex);
    bool confirm4k(const TaskRecord &parent, int videoIndex);
    void extend(const QString &parentTaskId);
    void adoptTaskId(const QString &placeholderId);

    void report(const QString &taskId, const QString &error, const QString &done);

    Engine *m_engine;
    TaskListPane *m_list;
    QWidget *m_window;
    QMenu *m_menu;
};

} // namespace veo
