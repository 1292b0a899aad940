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
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
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
      m_fromFile(new QAction(window)), m_pause(new QAction(window)),
      m_resume(new QAction(window)), m_cancel(new QAction(window)),
      m_rerun(new QAction(window)), m_sendAgain(new QAction(window)), m_adopt(new QAction(window))
{
    m_new->setObjectName(QStringLiteral("NewGenerationAction"));
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_rerun->setObjectName(QStringLiteral("EditAndRunAction"));
    m_sendAgain->setObjectName(QStringLiteral("SendAgainAction"));
    m_adopt->setObjectName(QStringLiteral("AddGenerationTaskIdAction"));
    m_fromFile->setObjectName(QStringLiteral("GenerateFromFileAction"));
    m_pause->setObjectName(QStringLiteral("PauseSendingAction"));
    m_resume->setObjectName(QStringLiteral("ResumeSendingAction"));
    m_cancel->setObjectName(QStringLiteral("CancelSendingAction"));
    connect(m_new, &QAction::triggered, this, [this] { open({}); });
    connect(m_fromFile, &QAction::triggered, this, &GenerationActions::generateFromFile);
    connect(m_pause, &QAction::triggered, this, [this] {
        const qsizetype n = m_engine->generations()->pause(m_list->selectedTaskIds()).size();
        Q_EMIT statusMessage(
            tr("%n generation(s) paused: not sent until resumed.", nullptr, int(n)), 8000);
        update();
    });
    connect(m_resume, &QAction::triggered, this, [this] {
        const qsizetype n = m_engine->generations()->resume(m_list->selectedTaskIds()).size();
        Q_EMIT statusMessage(tr("%n generation(s) back in the queue.", nullptr, int(n)), 8000);
        update();
    });
    connect(m_cancel, &QAction::triggered, this, [this] {
        const qsizetype n = m_engine->generations()->cancel(m_list->selectedTaskIds()).size();
        Q_EMIT statusMessage(
            tr("%n generation(s) removed before they were sent: nothing was charged.", nullptr,
               int(n)),
            8000);
        update();
    });
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
                // The selection follows a selected placeholder to its task (replaced, it left
                // the selection empty), and stays where the user put it otherwise: a batch
                // settles one by one.
                if (!taskId.isEmpty() && m_list->selectedTaskIds().isEmpty()) {
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
    m_fromFile->setText(tr("Generate from &File…"));
    m_fromFile->setToolTip(tr("Queue many generations from a CSV or JSON file: a row per "
                              "generation, a column per field (prompt, model, aspect_ratio…)"));
    m_pause->setText(tr("Pause &Before Sending"));
    m_pause->setToolTip(tr("Hold the selected queued generations back until you resume them"));
    m_resume->setText(tr("Resume Sendin&g"));
    m_cancel->setText(tr("Cance&l Before Sending"));
    m_cancel->setToolTip(tr("Remove the selected generations that were not sent yet"));
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
    bool queued = false;
    bool paused = false;
    for (const QString &selected : m_list->selectedTaskIds()) {
        const TaskRecord *t = m_engine->tasks()->task(selected);
        queued = queued || (t && t->submission == TaskSubmission::Queued);
        paused = paused || (t && t->submission == TaskSubmission::Paused);
    }
    m_pause->setEnabled(queued);
    m_resume->setEnabled(paused);
    m_cancel->setEnabled(queued || paused);
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
    Engine *engine = m_engine;
    GenerateDialog dialog(
        options.value_or(GenerateOptions{}), choices, keyId,
        [engine](const QString &key, const QString &path, QObject *parent) {
            return engine->uploadImage(key, path, parent);
        },
        m_window);
    if (!sourceTaskId.isEmpty()) {
        dialog.setWindowTitle(tr("Edit and Run"));
    }
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    settings->setLastGeneration(generateParamJson(dialog.options()));
    send(dialog.generations().generations, dialog.keyId(), sourceTaskId);
}

void GenerationActions::send(const QList<GenerateOptions> &generations, const QString &keyId,
                             const QString &sourceTaskId)
{
    Generations *engine = m_engine->generations();
    if (generations.size() == 1) {
        const Generations::Outcome outcome =
            engine->generate(generations.constFirst(), keyId, sourceTaskId);
        if (!outcome.error.isEmpty()) {
            QMessageBox::warning(m_window, tr("New Generation"), outcome.error);
            return;
        }
        const TaskRecord *stored = m_engine->tasks()->task(outcome.taskId);
        Q_EMIT statusMessage(
            stored && stored->submission == TaskSubmission::Queued
                ? tr("Generation saved: it waits in the list (%1) and is sent once it can be.")
                      .arg(stored->lastError.isError() ? stored->lastError.text()
                                                       : tr("KIE's limit of 20 every 10 seconds"))
                : tr("Generation sent: it appears in the list with KIE's task ID."),
            10000);
        m_list->selectTask(outcome.taskId);
        return;
    }
    const Generations::BatchOutcome outcome = engine->generateMany(generations, keyId);
    if (!outcome.error.isEmpty()) {
        QMessageBox::warning(m_window, tr("New Generation"), outcome.error);
        return;
    }
    Q_EMIT statusMessage(tr("%n generation(s) queued: KIE takes 20 every 10 seconds, the rest "
                            "wait in the list in order.",
                            nullptr, int(outcome.taskIds.size())),
                         10000);
    m_list->selectTask(outcome.taskIds.constFirst());
}

void GenerationActions::generateFromFile()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Generate from File"), QString(),
        tr("Batch files (*.csv *.json *.txt);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    constexpr qint64 MaxBytes = 16 * 1024 * 1024;
    if (file.size() > MaxBytes) {
        QMessageBox::warning(m_window, tr("Generate from File"),
                             tr("%1 is too large for a batch (%2 MB at most): is it the right "
                                "file?")
                                 .arg(name)
                                 .arg(MaxBytes / (1024 * 1024)));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(m_window, tr("Generate from File"),
                             tr("Could not read %1: %2.").arg(name, file.errorString()));
        return;
    }
    // Fields a row leaves empty take the last values of New Generation.
    const GenerateBatch batch = parseGenerateBatch(
        file.readAll(), generateOptionsFromParamJson(m_engine->settings()->lastGeneration())
                            .value_or(GenerateOptions{}));
    if (!batch.problems.isEmpty() || batch.generations.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Generate from File"),
                        tr("Nothing was queued: %1 cannot be sent as it is.").arg(name),
                        QMessageBox::Ok, m_window);
        box.setInformativeText(batch.problems.mid(0, 10).join(QLatin1Char('\n')));
        box.setDetailedText(batch.problems.join(QLatin1Char('\n')));
        box.exec();
        return;
    }
    KeyRing *keys = m_engine->keys();
    const QString keyId = KeyRing::storedId(keys->defaultKeyId());
    QMessageBox box(QMessageBox::Question, tr("Generate from File"),
                    tr("Queue %n generation(s) from %1?", nullptr, int(batch.generations.size()))
                        .arg(name),
                    QMessageBox::Cancel, m_window);
    box.setInformativeText(
        tr("They are charged to %1. KIE takes 20 new generations every 10 seconds: they are "
           "sent in order, and can be paused or cancelled in the list until then. Empty fields "
           "take the last values of New Generation.")
            .arg(FollowUpActions::keyText(keys, keyId)));
    QPushButton *queue = box.addButton(tr("&Queue"), QMessageBox::AcceptRole);
    box.setDefaultButton(queue);
    box.exec();
    if (box.clickedButton() == queue) {
        send(batch.generations, keyId, {});
    }
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
