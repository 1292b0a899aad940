#include "generationactions.h"

#include "appsettings.h"
#include "engine.h"
#include "followupactions.h"
#include "generatedialog.h"
#include "generations.h"
#include "icons.h"
#include "keyring.h"
#include "tasklistpane.h"
#include "taskrepository.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>

namespace veo {

namespace {
// A generation this app sent that has no KIE task ID: refused, or its answer was lost.
const TaskRecord *waitingGeneration(Engine *engine, const QString &taskId)
{
    const TaskRecord *t = taskId.isEmpty() ? nullptr : engine->tasks()->task(taskId);
    return t && t->kind == TaskKind::VeoGeneration &&
                   (t->submission == TaskSubmission::Refused ||
                    t->submission == TaskSubmission::AnswerLost)
               ? t
               : nullptr;
}
} // namespace

GenerationActions::GenerationActions(Engine *engine, TaskListPane *list, QWidget *window)
    : QObject(window), m_engine(engine), m_list(list), m_window(window),
      m_new(new QAction(themedIcon(QStringLiteral("generate")), {}, window)),
      m_rerun(new QAction(window)), m_sendAgain(new QAction(window)), m_adopt(new QAction(window))
{
    m_new->setObjectName(QStringLiteral("NewGenerationAction"));
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_rerun->setObjectName(QStringLiteral("EditAndRunAction"));
    m_sendAgain->setObjectName(QStringLiteral("SendAgainAction"));
    m_adopt->setObjectName(QStringLiteral("AddGenerationTaskIdAction"));
    connect(m_new, &QAction::triggered, this, [this] { open({}); });
    connect(m_rerun, &QAction::triggered, this, [this] { open(selectedId()); });
    connect(m_sendAgain, &QAction::triggered, this, &GenerationActions::resend);
    connect(m_adopt, &QAction::triggered, this, &GenerationActions::adopt);
    connect(engine->generations(), &Generations::generationSettled, this,
            [this](const QString &, const QString &taskId, const QString &error) {
                // An answer arriving later: said in the status bar, never a box over the work.
                Q_EMIT statusMessage(error.isEmpty()
                                         ? tr("KIE accepted the generation: task %1.").arg(taskId)
                                         : error,
                                     15000);
                if (!taskId.isEmpty()) {
                    m_list->selectTask(taskId);
                }
            });
    retranslate();
    update();
}

void GenerationActions::retranslate()
{
    m_new->setText(tr("&New Generation…"));
    m_new->setToolTip(tr("Start a Veo 3.1 generation (%1)")
                          .arg(m_new->shortcut().toString(QKeySequence::NativeText)));
    //: Opens New Generation filled from the selected task's request
    m_rerun->setText(tr("&Edit and Run…"));
    m_rerun->setToolTip(tr("Start a new generation from this task's prompt and settings"));
    m_sendAgain->setText(tr("Send &Again…"));
    m_adopt->setText(tr("Add Its &Task ID…"));
    m_adopt->setToolTip(tr("KIE may have made this generation: find its task ID in your kie.ai "
                           "logs and enter it here."));
}

QString GenerationActions::selectedId() const
{
    const QStringList ids = m_list->selectedTaskIds();
    return ids.size() == 1 ? ids.constFirst() : QString();
}

void GenerationActions::update()
{
    const QString id = selectedId();
    const TaskRecord *task = id.isEmpty() ? nullptr : m_engine->tasks()->task(id);
    m_rerun->setEnabled(task && task->parentTaskId.isEmpty() &&
                        m_engine->generations()->optionsOf(id).has_value());
    const TaskRecord *waiting = waitingGeneration(m_engine, id);
    m_sendAgain->setEnabled(waiting != nullptr);
    m_adopt->setEnabled(waiting && waiting->submission == TaskSubmission::AnswerLost);
    m_sendAgain->setToolTip(waiting && waiting->submission == TaskSubmission::AnswerLost
                                ? tr("It may already have been made and charged: look in your "
                                     "kie.ai logs first.")
                                : tr("KIE made nothing: sending it again is safe."));
}

void GenerationActions::open(const QString &sourceTaskId)
{
    AppSettings *settings = m_engine->settings();
    std::optional<GenerateOptions> options =
        sourceTaskId.isEmpty() ? generateOptionsFromParamJson(settings->lastGeneration())
                               : m_engine->generations()->optionsOf(sourceTaskId);
    KeyRing *keys = m_engine->keys();
    QString keyId = KeyRing::storedId(keys->defaultKeyId());
    if (const TaskRecord *source =
            sourceTaskId.isEmpty() ? nullptr : m_engine->tasks()->task(sourceTaskId)) {
        keyId = source->keyId; // a re-run goes to the account that made the original
    }
    QList<GenerateDialog::Key> choices;
    for (const KeyProfile &profile : keys->profiles()) {
        const QString id = KeyRing::storedId(profile.id);
        if (keys->hasSecret(id)) {
            choices.append({id, FollowUpActions::keyText(keys, id)});
        }
    }
    GenerateDialog dialog(options.value_or(GenerateOptions{}), choices, keyId, m_window);
    if (!sourceTaskId.isEmpty()) {
        dialog.setWindowTitle(tr("Edit and Run"));
    }
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const GenerateOptions chosen = dialog.options();
    settings->setLastGeneration(generateParamJson(chosen));
    const Generations::Outcome outcome =
        m_engine->generations()->generate(chosen, dialog.keyId(), sourceTaskId);
    if (!outcome.error.isEmpty()) {
        QMessageBox::warning(m_window, tr("New Generation"), outcome.error);
        return;
    }
    Q_EMIT statusMessage(tr("Generation sent: it appears in the list with KIE's task ID."), 10000);
    m_list->selectTask(outcome.taskId);
}

void GenerationActions::resend()
{
    const TaskRecord *waiting = waitingGeneration(m_engine, selectedId());
    if (!waiting) {
        return;
    }
    const QString id = waiting->taskId;
    if (waiting->submission == TaskSubmission::AnswerLost) {
        QMessageBox box(QMessageBox::Warning, tr("Send Again"),
                        tr("This generation may already have been made and charged."),
                        QMessageBox::Cancel, m_window);
        box.setObjectName(QStringLiteral("SendAgainBox"));
        box.setInformativeText(
            tr("Its answer was lost, so nobody knows whether KIE accepted it. Look in your "
               "kie.ai logs first; if it is there, use Add Its Task ID instead. Sending it "
               "again may be billed twice."));
        QPushButton *go = box.addButton(tr("Send Again"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != go) {
            return;
        }
    }
    const Generations::Outcome outcome = m_engine->generations()->sendAgain(id);
    if (!outcome.error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Send Again"), outcome.error);
        return;
    }
    Q_EMIT statusMessage(tr("Sent again: %1.").arg(id), 10000);
}

void GenerationActions::adopt()
{
    const TaskRecord *waiting = waitingGeneration(m_engine, selectedId());
    if (!waiting) {
        return;
    }
    const QString placeholderId = waiting->taskId;
    const QString found = FollowUpActions::askTaskId(
        m_window, tr("The task ID of this generation (from your kie.ai logs):"));
    if (found.isEmpty()) {
        return;
    }
    const Generations::Outcome outcome = m_engine->generations()->adoptTaskId(placeholderId, found);
    if (!outcome.error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Add Its Task ID"), outcome.error);
        return;
    }
    Q_EMIT statusMessage(tr("Now checking task %1.").arg(outcome.taskId), 10000);
    m_list->selectTask(outcome.taskId);
}

} // namespace veo
