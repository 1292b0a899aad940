#include "selectionpanes.h"

#include "engine.h"
#include "keyring.h"
#include "playerpane.h"
#include "taskdetailspane.h"
#include "taskfilterproxy.h"
#include "tasklistpane.h"
#include "taskrepository.h"
#include "tasktablemodel.h"

#include <QItemSelectionModel>
#include <QTableView>

namespace veo {

SelectionPanes::SelectionPanes(Engine *engine, TaskTableModel *model, TaskListPane *list,
                               QWidget *window)
    : QObject(window), m_model(model), m_list(list), m_details(new TaskDetailsPane(window)),
      m_player(new PlayerPane(window))
{
    m_details->setObjectName(QStringLiteral("DetailsPane"));
    m_player->setObjectName(QStringLiteral("PlayerPane"));

    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                // Download progress ticks change only the Download column: the panes show no
                // mark, and a file that arrives or goes comes through localFileChanged.
                if (topLeft.column() == TaskTableModel::DownloadColumn &&
                    bottomRight.column() == TaskTableModel::DownloadColumn) {
                    return;
                }
                // Polls of other tasks arrive all the time.
                if (selectionTouches(topLeft.row(), bottomRight.row())) {
                    update();                     // a no-op unless the task itself changed
                    m_details->refreshStatus();   // its time generating, its next check
                    Q_EMIT selectedTaskChanged(); // it may have just succeeded, or its file arrived
                }
            });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &SelectionPanes::update);
    connect(list->tableView()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] {
                update();
                Q_EMIT selectedTaskChanged();
            });

    m_details->setStatusTextProvider(
        [model](const TaskRecord &task) { return model->statusText(task); });
    // The key's label in the details.
    KeyRing *keys = engine->keys();
    m_details->setKeyLabelProvider([keys](const QString &keyId) {
        const auto profile = keys->profile(keyId);
        return profile ? profile->label : QString();
    });
    connect(keys, &KeyRing::profilesChanged, m_details, &TaskDetailsPane::refresh);
    // The request, read when a task is shown: the list holds none.
    TaskRepository *tasks = engine->tasks();
    m_details->setParamJsonProvider(
        [tasks](const QString &taskId) { return tasks->paramJson(taskId); });

    // Downloaded files play from disk and show in the details.
    DownloadCoordinator *downloads = engine->downloads();
    const LocalFileProvider localFile = [downloads](const QString &taskId, MediaKind kind,
                                                    int index) {
        return downloads->localFile(taskId, kind, index);
    };
    m_player->setLocalFileProvider(localFile);
    m_details->setLocalFileProvider(localFile);
    connect(downloads, &DownloadCoordinator::localFileChanged, this,
            [this](const QString &taskId, MediaKind kind, int index, const QString &path) {
                if (m_player->task() && m_player->task()->taskId == taskId) {
                    m_player->setLocalFile(kind, index, path);
                }
                if (m_details->task() && m_details->task()->taskId == taskId) {
                    m_details->refresh();
                }
            });

    // The player's expired links: the engine asks KIE for fresh ones.
    m_player->setLinkProbe([engine](const QUrl &url, QObject *context, auto done) {
        engine->probeMediaLink(url, context, std::move(done));
    });
    connect(m_player, &PlayerPane::freshLinkRequested, engine, &Engine::renewLink);
    connect(engine, &Engine::linkRenewed, m_player, &PlayerPane::playFreshLink);
    connect(engine, &Engine::linkNotRenewed, m_player, &PlayerPane::showFreshLinkError);
}

void SelectionPanes::update()
{
    const QModelIndexList rows = m_list->tableView()->selectionModel()->selectedRows();
    if (rows.size() != 1) {
        m_details->showTask(std::nullopt, int(rows.size()));
        m_player->setTask(std::nullopt);
        return;
    }
    const TaskRecord *task =
        m_model->task(rows.constFirst().data(TaskTableModel::TaskIdRole).toString());
    const std::optional<TaskRecord> selected = task ? std::optional(*task) : std::nullopt;
    m_details->showTask(selected);
    m_player->setTask(selected);
}

bool SelectionPanes::selectionTouches(int firstRow, int lastRow) const
{
    const QItemSelectionModel *selection = m_list->tableView()->selectionModel();
    if (!selection->hasSelection()) {
        return false;
    }
    // One row per poll answer or download tick; a whole-list change is not worth the look.
    constexpr int FewRows = 64;
    if (lastRow - firstRow >= FewRows) {
        return true;
    }
    for (int row = firstRow; row <= lastRow; ++row) {
        const QModelIndex shown = m_list->proxy()->mapFromSource(m_model->index(row, 0));
        if (shown.isValid() && selection->isRowSelected(shown.row())) {
            return true;
        }
    }
    return false;
}

} // namespace veo
