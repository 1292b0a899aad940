#pragma once

#include "mediasources.h"

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QPoint;
class QWidget;

namespace veo {

class Engine;
class FollowUpActions;
class ExportActions;
class ImportActions;
class GenerationActions;
class TaskListPane;
class TaskTableModel;

// What can be done to the tasks selected in the list: the actions (menus, toolbar, context
// menu), whether each applies to the selection, and carrying them out through the engine.
// Results are reported as status-bar text; nothing here decides policy.
class TaskActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskActions)

public:
    // window: the parent of dialogs and of the actions. None is owned.
    TaskActions(Engine *engine, TaskTableModel *model, TaskListPane *list, QWidget *window);

    QAction *add() const { return m_add; }
    QAction *remove() const { return m_remove; }
    QAction *refresh() const { return m_refresh; }
    QAction *refreshAll() const { return m_refreshAll; }
    QAction *pause() const { return m_pause; }
    QAction *copyId() const { return m_copyId; }
    QAction *download() const { return m_download; }
    QAction *openFile() const { return m_openFile; }
    QAction *showInFolder() const { return m_showInFolder; }
    QAction *find() const { return m_find; }
    QMenu *changeKeyMenu() const { return m_changeKeyMenu; }
    // Get 1080P, Get 4K, Extend, and Retry for children.
    QMenu *followUpMenu() const;
    // New Generation, Edit and Run, Send Again, Add Its Task ID.
    GenerationActions *generation() const { return m_generation; }
    ExportActions *exporting() const { return m_export; }
    ImportActions *importing() const { return m_import; }

    // Adds task IDs from any source (command line, drop, dialog) and reports what happened.
    void addTaskIds(const QStringList &taskIds, const QString &keyId = {}, bool tryAllKeys = false);
    // The Add Tasks dialog, with text already in it (a drop that is not only IDs).
    void addTasksDialog(const QString &prefill = {});
    void downloadVideo(const QString &taskId, MediaKind kind, int index);
    // The selected task's downloaded files that are still there (empty for 0 or 2+ rows).
    QStringList selectedLocalFiles() const;
    // Enables what applies to the selection.
    void update();
    void retranslate();
    void showContextMenu(const QPoint &globalPos);

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);
    // Downloads were queued: the downloads panel may want to show.
    void downloadsQueued();

private:
    void createActions();
    void fillChangeKeyMenu();
    void removeSelected();
    void refreshSelected();
    void copySelectedIds();
    void downloadSelected();
    // The answer to Find the Owner: which key a task turned out to belong to.
    void reportOwner(const QString &taskId, const QString &keyId);

    Engine *m_engine;
    FollowUpActions *m_followUps;
    GenerationActions *m_generation;
    ExportActions *m_export;
    ImportActions *m_import;
    TaskTableModel *m_model;
    TaskListPane *m_list;
    QWidget *m_window;
    QAction *m_add = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_refreshAll = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_download = nullptr;
    QAction *m_openFile = nullptr;
    QAction *m_showInFolder = nullptr;
    QAction *m_find = nullptr;
    QMenu *m_changeKeyMenu = nullptr;
};

} // namespace veo
