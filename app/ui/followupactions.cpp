#include "followupactions.h"

#include "engine.h"
#include "extenddialog.h"
#include "followups.h"
#include "keyring.h"
#include "tasklistpane.h"
#include "taskrepository.h"
#include "tasktext.h"

#include <QAction>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

namespace veo {

namespace {

bool stopped(const TaskRecord &t)
{
    return isFailure(t.status) || t.status == TaskStatus::Unavailable || t.lastError.isFinal() ||
           t.submission == TaskSubmission::Refused;
}

} // namespace

FollowUpActions::FollowUpActions(Engine *engine, TaskListPane *list, QWidget *window)
    : QObject(window), m_engine(engine), m_list(list), m_window(window), m_menu(new QMenu(window))
{
    m_menu->setObjectName(QStringLiteral("FollowUpMenu"));
    m_menu->setToolTipsVisible(true); // why an action is not available
    connect(m_menu, &QMenu::aboutToShow, this, &FollowUpActions::fill);
    connect(engine->followUps(), &FollowUps::extensionSettled, this,
            [this](const QString &, const QString &taskId, const QString &error) {
                // An answer arriving later: said in the status bar, never a box over the work.
                Q_EMIT statusMessage(error.isEmpty()
                                         ? tr("KIE accepted the extension: task %1.").arg(taskId)
                                         : error,
                                     15000);
            });
    retranslate();
    update();
}

void FollowUpActions::retranslate()
{
    //: Menu with Get 1080P, Get 4K and Extend for the selected task
    m_menu->setTitle(tr("&Upgrade and Extend"));
}

void FollowUpActions::update()
{
    m_menu->setEnabled(m_list->selectedTaskIds().size() == 1);
}

void FollowUpActions::fill()
{
    m_menu->clear();
    const QStringList ids = m_list->selectedTaskIds();
    const TaskRecord *task = ids.size() == 1 ? m_engine->tasks()->task(ids.constFirst()) : nullptr;
    if (!task) {
        m_menu->addAction(tr("Select one task"))->setEnabled(false);
        return;
    }
    if (task->parentTaskId.isEmpty()) {
        fillForParent(*task);
    } else {
        fillForChild(*task);
    }
}

void FollowUpActions::fillForParent(const TaskRecord &task)
{
    const FollowUps *followUps = m_engine->followUps();
    const int videos = std::max<int>(1, int(task.resultUrls.size()));
    for (int i = 0; i < videos; ++i) {
        if (videos > 1) {
            //: Section of the Upgrade and Extend menu for one of several result videos
            m_menu->addSection(tr("Video %1").arg(i + 1));
        }
        for (const TaskKind kind : {TaskKind::Veo1080p, TaskKind::Veo4k}) {
            QAction *action =
                m_menu->addAction(kind == TaskKind::Veo1080p ? tr("Get &1080P") : tr("Get &4K…"));
            action->setObjectName(kind == TaskKind::Veo1080p ? QStringLiteral("Get1080pAction")
                                                             : QStringLiteral("Get4kAction"));
            QString why = followUps->blocker(task, kind, i);
            if (const TaskRecord *child = followUps->child(task.taskId, kind, i);
                child && !stopped(*child)) {
                why = tr("Already requested: see the task under this one.");
            }
            action->setEnabled(why.isEmpty());
            action->setToolTip(why.isEmpty() ? (kind == TaskKind::Veo1080p
                                                    ? tr("Free; ready in about 1-3 minutes.")
                                                    : tr("Costs extra credits; ready in about "
                                                         "5-10 minutes."))
                                             : why);
            const QString parentId = task.taskId;
            connect(action, &QAction::triggered, this,
                    [this, parentId, kind, i] { getUpgrade(parentId, kind, i); });
        }
    }
    m_menu->addSeparator();
    QAction *extend = m_menu->addAction(tr("&Extend…"));
    extend->setObjectName(QStringLiteral("ExtendAction"));
    const QString why = followUps->blocker(task, TaskKind::VeoExtension);
    extend->setEnabled(why.isEmpty());
    extend->setToolTip(why.isEmpty() ? tr("Continue the video with a new prompt (costs "
                                          "credits).")
                                     : why);
    const QString parentId = task.taskId;
    connect(extend, &QAction::triggered, this, [this, parentId] { this->extend(parentId); });
}

void FollowUpActions::fillForChild(const TaskRecord &task)
{
    const QString id = task.taskId;
    const bool lost = task.kind == TaskKind::VeoExtension && task.awaitsTaskId() &&
                      task.submission != TaskSubmission::Refused;
    if (lost) {
        QAction *adopt = m_menu->addAction(tr("Add Its &Task ID…"));
        adopt->setObjectName(QStringLiteral("AdoptTaskIdAction"));
        adopt->setToolTip(tr("KIE may have made this extension: find its task ID in your "
                             "kie.ai logs and enter it here."));
        connect(adopt, &QAction::triggered, this, [this, id] { adoptTaskId(id); });
    }
    QAction *retry = m_menu->addAction(tr("&Retry"));
    retry->setObjectName(QStringLiteral("RetryFollowUpAction"));
    retry->setEnabled(stopped(task) && !lost);
    if (!retry->isEnabled()) {
        retry->setToolTip(lost ? tr("It may have reached KIE: it is never sent again by "
                                    "itself. Add its task ID instead.")
                               : tr("Only a request that failed or was refused can be retried."));
    }
    connect(retry, &QAction::triggered, this, [this, id] {
        const FollowUps::Outcome outcome = m_engine->followUps()->retry(id);
        report(outcome.taskId, outcome.error, tr("Asked again: %1.").arg(id));
    });
    QAction *parent = m_menu->addAction(tr("Show &Original Task"));
    const QString parentId = task.parentTaskId;
    connect(parent, &QAction::triggered, this, [this, parentId] {
        if (!m_list->selectTask(parentId)) {
            Q_EMIT statusMessage(tr("The original task is hidden by the filters."), 8000);
        }
    });
}

void FollowUpActions::getUpgrade(const QString &parentTaskId, TaskKind kind, int videoIndex)
{
    const TaskRecord *parent = m_engine->tasks()->task(parentTaskId);
    if (!parent || (kind == TaskKind::Veo4k && !confirm4k(*parent, videoIndex))) {
        return;
    }
    const FollowUps::Outcome outcome =
        m_engine->followUps()->requestUpgrade(parentTaskId, kind, videoIndex);
    report(outcome.taskId, outcome.error,
           kind == TaskKind::Veo4k
               ? tr("4K requested: follow it in the task under the original one.")
               : tr("1080P requested: follow it in the task under the original one."));
}

bool FollowUpActions::confirm4k(const TaskRecord &parent, int videoIndex)
{
    QMessageBox box(QMessageBox::Question, tr("Get 4K Version"),
                    tr("Get the 4K version of video %1 of this task?").arg(videoIndex + 1),
                    QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("Confirm4kBox"));
    box.setInformativeText(
        tr("KIE charges extra credits for 4K (about twice a Fast generation), to the key "
           "%1.\n\nThe request is sent once. If its answer is lost, the next check (every "
           "30 s or more) settles it: nothing is charged twice by this app.")
            .arg(keyText(m_engine->keys(), parent.keyId)));
    QPushButton *go = box.addButton(tr("Get 4K"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == go;
}

void FollowUpActions::extend(const QString &parentTaskId)
{
    const TaskRecord *parent = m_engine->tasks()->task(parentTaskId);
    if (!parent) {
        return;
    }
    ExtendDialog dialog(parentTaskId, parent->prompt, keyText(m_engine->keys(), parent->keyId),
                        m_window);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const FollowUps::Outcome outcome = m_engine->followUps()->extend(dialog.options());
    report(outcome.taskId, outcome.error,
           tr("Extension sent: follow it in the task under the original one."));
}

QString FollowUpActions::askTaskId(QWidget *parent, const QString &label)
{
    bool ok = false;
    const QString id =
        QInputDialog::getText(parent, tr("Add Its Task ID"), label, QLineEdit::Normal, {}, &ok);
    return ok ? id.trimmed() : QString();
}

void FollowUpActions::adoptTaskId(const QString &placeholderId)
{
    const QString id =
        askTaskId(m_window, tr("The task ID of this extension (from your kie.ai logs):"));
    if (id.isEmpty()) {
        return;
    }
    const FollowUps::Outcome outcome = m_engine->followUps()->adoptTaskId(placeholderId, id);
    report(outcome.taskId, outcome.error, tr("Now checking task %1.").arg(outcome.taskId));
}

QString FollowUpActions::keyText(const KeyRing *keys, const QString &keyId)
{
    const std::optional<KeyProfile> profile = keys->profile(keyId);
    if (!profile) {
        return tr("(no key)");
    }
    if (!profile->credits) {
        //: %1 = key label
        return tr("%1 (credits not checked yet)").arg(profile->label);
    }
    //: %1 = key label, %2 = credits, %3 = when they were checked
    return tr("%1 (%2 credits left, checked %3)")
        .arg(profile->label, QLocale().toString(*profile->credits),
             shortDateTime(profile->creditsCheckedAt));
}

void FollowUpActions::report(const QString &taskId, const QString &error, const QString &done)
{
    if (!error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Upgrade and Extend"), error);
        return;
    }
    Q_EMIT statusMessage(done, 10000);
    if (!taskId.isEmpty()) {
        m_list->selectTask(taskId);
    }
}

} // namespace veo
