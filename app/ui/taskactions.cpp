#include "taskactions.h"

#include "addtasksdialog.h"
#include "desktopfiles.h"
#include "engine.h"
#include "exportactions.h"
#include "followupactions.h"
#include "generationactions.h"
#include "icons.h"
#include "importactions.h"
#include "keyring.h"
#include "taskfilterproxy.h"
#include "tasklistpane.h"
#include "tasktablemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTableView>

namespace veo {

TaskActions::TaskActions(Engine *engine, TaskTableModel *model, TaskListPane *list, QWidget *window)
    : QObject(window), m_engine(engine), m_followUps(new FollowUpActions(engine, list, window)),
      m_generation(new GenerationActions(engine, list, window)),
      m_export(new ExportActions(engine, list, window)),
      m_import(new ImportActions(engine, list, window)), m_model(model), m_list(list),
      m_window(window)
{
    connect(m_followUps, &FollowUpActions::statusMessage, this, &TaskActions::statusMessage);
    connect(m_generation, &GenerationActions::statusMessage, this, &TaskActions::statusMessage);
    connect(m_export, &ExportActions::statusMessage, this, &TaskActions::statusMessage);
    createActions();
    m_list->addViewAction(m_remove);
    m_list->addViewAction(m_copyId);
    connect(m_list, &TaskListPane::contextMenuRequested, this, &TaskActions::showContextMenu);
    m_list->setSearchShortcut(m_find->shortcut());
    connect(engine, &Engine::ownerFound, this, &TaskActions::reportOwner);
    retranslate();
    update();
}

void TaskActions::createActions()
{
    const auto make = [this](const char *icon, const char *name = nullptr) {
        auto *action = icon ? new QAction(themedIcon(QString::fromLatin1(icon)), {}, m_window)
                            : new QAction(m_window);
        if (name) {
            action->setObjectName(QString::fromLatin1(name));
        }
        return action;
    };
    m_add = make("add", "AddAction");
    m_add->setShortcut(QKeySequence::New);
    connect(m_add, &QAction::triggered, this, [this] { addTasksDialog(); });

    m_remove = make("remove", "RemoveAction");
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_remove, &QAction::triggered, this, &TaskActions::removeSelected);

    m_refresh = make("refresh");
    m_refresh->setShortcut(QKeySequence::Refresh);
    connect(m_refresh, &QAction::triggered, this, &TaskActions::refreshSelected);
    m_refreshAll = make(nullptr);
    connect(m_refreshAll, &QAction::triggered, this, [this] { m_engine->refresh(); });

    m_pause = make("pause");
    m_pause->setCheckable(true);
    connect(m_pause, &QAction::toggled, m_engine, &Engine::setPaused);

    m_copyId = make("copy");
    m_copyId->setShortcut(QKeySequence::Copy);
    m_copyId->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copyId, &QAction::triggered, this, &TaskActions::copySelectedIds);

    m_download = make("download", "DownloadAction");
    m_download->setShortcut(QKeySequence::Save);
    connect(m_download, &QAction::triggered, this, &TaskActions::downloadSelected);
    m_openFile = make("open-file");
    m_openFile->setShortcut(QKeySequence::Open);
    connect(m_openFile, &QAction::triggered, this, [this] {
        if (const QStringList files = selectedLocalFiles(); !files.isEmpty()) {
            veo::openFile(files.constFirst());
        }
    });
    m_showInFolder = make("folder");
    connect(m_showInFolder, &QAction::triggered, this, [this] {
        if (const QStringList files = selectedLocalFiles(); !files.isEmpty()) {
            veo::showInFolder(files.constFirst());
        }
    });

    m_changeKeyMenu = new QMenu(m_window);
    m_changeKeyMenu->setObjectName(QStringLiteral("ChangeKeyMenu"));
    connect(m_changeKeyMenu, &QMenu::aboutToShow, this, &TaskActions::fillChangeKeyMenu);

    m_find = make(nullptr);
    m_find->setShortcut(QKeySequence::Find);
    connect(m_find, &QAction::triggered, m_list, &TaskListPane::focusSearch);
    m_window->addAction(m_find);
}

void TaskActions::retranslate()
{
    const auto shortcut = [](const QAction *a) {
        return a->shortcut().toString(QKeySequence::NativeText);
    };
    m_followUps->retranslate();
    m_generation->retranslate();
    m_export->retranslate();
    m_import->retranslate();
    m_add->setText(tr("&Add Tasks…"));
    m_add->setToolTip(tr("Add task IDs to watch (%1)").arg(shortcut(m_add)));
    m_remove->setText(tr("&Remove"));
    m_remove->setToolTip(tr("Stop tracking the selected tasks (%1)").arg(shortcut(m_remove)));
    m_refresh->setText(tr("Refresh &Now"));
    m_refresh->setToolTip(tr("Check the selected tasks now, or all tasks when none is "
                             "selected (%1)")
                              .arg(shortcut(m_refresh)));
    m_refreshAll->setText(tr("Refresh &All"));
    m_pause->setText(tr("&Pause Polling"));
    m_pause->setToolTip(tr("Stop checking tasks until you resume"));
    m_copyId->setText(tr("&Copy Task ID"));
    //: Menu/toolbar: download the videos of the selected tasks
    m_download->setText(tr("&Download"));
    m_download->setToolTip(
        tr("Download the videos of the selected tasks (%1)").arg(shortcut(m_download)));
    m_openFile->setText(tr("&Open Downloaded Video"));
    m_showInFolder->setText(tr("Show in &Folder"));
    m_find->setText(tr("&Find…"));
    //: Tasks menu / context menu: move the selected tasks to another API key
    m_changeKeyMenu->setTitle(tr("Change &Key"));
}

void TaskActions::addTaskIds(const QStringList &taskIds, const QString &keyId, bool tryAllKeys)
{
    if (taskIds.isEmpty()) {
        return;
    }
    const Engine::Added result = m_engine->addTasks(taskIds, keyId, tryAllKeys);
    QString text = tr("Added %n task(s).", nullptr, result.added);
    if (result.known > 0) {
        //: Two sentences in a row (Chinese needs no space after "。")
        text = tr("%1 %2").arg(text, tr("%n already tracked.", nullptr, result.known));
    }
    Q_EMIT statusMessage(text, 8000);
    m_list->selectTask(taskIds.constFirst());
}

void TaskActions::addTasksDialog(const QString &prefill)
{
    AddTasksDialog dialog(m_window);
    dialog.setText(prefill);
    dialog.setKeys(m_engine->keys()->profiles(), m_engine->keys()->defaultKeyId());
    if (dialog.exec() == QDialog::Accepted) {
        const KeyChoice key = dialog.keyChoice();
        addTaskIds(dialog.taskIds(), key.keyId, key.tryAllKeys);
    }
}

void TaskActions::removeSelected()
{
    const QStringList ids = m_list->selectedTaskIds();
    if (ids.isEmpty()) {
        return;
    }
    const QString question =
        ids.size() == 1
            ? tr("Stop tracking task %1? Its record is removed from this list; the video on "
                 "KIE is not affected.")
                  .arg(ids.constFirst())
            : tr("Stop tracking %n tasks? Their records are removed from this list; the videos "
                 "on KIE are not affected.",
                 nullptr, int(ids.size()));
    QMessageBox box(QMessageBox::Question, tr("Remove Tasks"), question, QMessageBox::Cancel,
                    m_window);
    QPushButton *remove = box.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == remove) {
        m_engine->removeTasks(ids);
    }
}

void TaskActions::refreshSelected()
{
    const QStringList ids = m_list->selectedTaskIds();
    m_engine->refresh(ids);
    Q_EMIT statusMessage(ids.isEmpty() ? tr("Checking all tasks…")
                                       : tr("Checking %n task(s)…", nullptr, int(ids.size())),
                         4000);
}

void TaskActions::copySelectedIds()
{
    const QStringList ids = m_list->selectedTaskIds();
    if (!ids.isEmpty()) {
        QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
        Q_EMIT statusMessage(tr("Copied %n task ID(s).", nullptr, int(ids.size())), 4000);
    }
}

void TaskActions::fillChangeKeyMenu()
{
    m_changeKeyMenu->clear();
    const QStringList ids = m_list->selectedTaskIds();
    const KeyRing *keys = m_engine->keys();
    QSet<QString> used;
    for (const QString &id : ids) {
        if (const TaskRecord *t = m_model->task(id)) {
            used.insert(keys->profile(t->keyId) ? keys->resolve(t->keyId) : t->keyId);
        }
    }
    for (const KeyProfile &p : keys->profiles()) {
        QAction *action = m_changeKeyMenu->addAction(keys->labelMarkingDefault(p));
        action->setCheckable(true);
        action->setChecked(used.size() == 1 && used.contains(p.id));
        const QString keyId = KeyRing::storedId(p.id);
        const QString label = p.label;
        connect(action, &QAction::triggered, this, [this, ids, keyId, label] {
            m_engine->changeKey(ids, keyId);
            m_list->updateKeyFilterItems();
            //: %n tasks now use the API key labelled %1
            Q_EMIT statusMessage(
                tr("%n task(s) now use the key “%1”.", nullptr, int(ids.size())).arg(label), 6000);
        });
    }
    if (m_changeKeyMenu->isEmpty()) {
        m_changeKeyMenu->addAction(tr("No API keys yet"))->setEnabled(false);
        return;
    }
    if (keys->profiles().size() > 1) {
        m_changeKeyMenu->addSeparator();
        //: Change Key menu: ask every key which one can see the selected tasks
        QAction *find = m_changeKeyMenu->addAction(tr("Find the Owner (Try All Keys)"));
        find->setObjectName(QStringLiteral("FindOwnerAction"));
        connect(find, &QAction::triggered, this, [this, ids] {
            const int probing = m_engine->findOwners(ids);
            Q_EMIT statusMessage(tr("Asking each API key about %n task(s)…", nullptr, probing),
                                 6000);
        });
    }
}

void TaskActions::reportOwner(const QString &taskId, const QString &keyId)
{
    const auto profile = m_engine->keys()->profile(keyId);
    //: %1: a task ID; %2: the label of the API key that owns it
    Q_EMIT statusMessage(profile
                             ? tr("Task %1 belongs to the key “%2”.").arg(taskId, profile->label)
                             : tr("Task %1 belongs to the default key.").arg(taskId),
                         8000);
}

void TaskActions::showContextMenu(const QPoint &globalPos)
{
    QMenu menu(m_window);
    menu.addAction(m_download);
    if (m_openFile->isEnabled()) {
        menu.addAction(m_openFile);
        menu.addAction(m_showInFolder);
    }
    menu.addMenu(m_followUps->menu());
    menu.addAction(m_generation->editAndRun());
    if (m_generation->sendAgain()->isEnabled()) {
        menu.addAction(m_generation->addTaskId());
        menu.addAction(m_generation->sendAgain());
    }
    for (QAction *queue : {m_generation->pause(), m_generation->resume(), m_generation->cancel()}) {
        if (queue->isEnabled()) {
            menu.addAction(queue);
        }
    }
    menu.addSeparator();
    menu.addAction(m_refresh);
    menu.addMenu(m_changeKeyMenu);
    menu.addAction(m_copyId);
    menu.addSeparator();
    menu.addAction(m_remove);
    menu.exec(globalPos);
}

void TaskActions::downloadSelected()
{
    const DownloadCoordinator::Outcome outcome = m_engine->download(m_list->selectedTaskIds());
    Q_EMIT statusMessage(outcome.summary(), 8000);
    if (outcome.queued > 0) {
        Q_EMIT downloadsQueued();
    }
}

void TaskActions::downloadVideo(const QString &taskId, MediaKind kind, int index)
{
    const DownloadCoordinator::Outcome outcome = m_engine->downloadVideo(taskId, kind, index);
    Q_EMIT statusMessage(outcome.summary(), 8000);
    if (outcome.queued > 0) {
        Q_EMIT downloadsQueued();
    }
}

QStringList TaskActions::selectedLocalFiles() const
{
    const QItemSelection selection = m_list->tableView()->selectionModel()->selection();
    if (selection.size() != 1 || selection.constFirst().height() != 1) {
        return {};
    }
    const int row = m_list->proxy()->mapToSource(selection.constFirst().topLeft()).row();
    return m_engine->downloads()->localFiles(m_model->taskAt(row).taskId);
}

QMenu *TaskActions::followUpMenu() const
{
    return m_followUps->menu();
}

void TaskActions::update()
{
    m_followUps->update();
    m_generation->update();
    const QItemSelectionModel *selection = m_list->tableView()->selectionModel();
    const bool selected = selection->hasSelection();
    m_remove->setEnabled(selected);
    m_copyId->setEnabled(selected);
    m_changeKeyMenu->setEnabled(selected);
    bool anySucceeded = false;
    for (const QModelIndex &row : selection->selectedRows()) {
        if (row.data(TaskTableModel::StatusRole).toInt() == int(TaskStatus::Succeeded)) {
            anySucceeded = true;
            break;
        }
    }
    m_download->setEnabled(anySucceeded);
    const bool hasFile = !selectedLocalFiles().isEmpty();
    m_openFile->setEnabled(hasFile);
    m_showInFolder->setEnabled(hasFile);
}

} // namespace veo
