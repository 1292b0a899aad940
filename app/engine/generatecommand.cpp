#include "generatecommand.h"

#include "createrequests.h"
#include "generatebatch.h"
#include "generations.h"
#include "imageupload.h"
#include "keyring.h"
#include "scriptcommand.h"
#include "taskrepository.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <memory>
#include <QJsonArray>
#include <QJsonObject>

namespace veo {

namespace {

const QString QueuedState = QStringLiteral("queued"); // not sent: the window sends it later

} // namespace

GenerateCommand::GenerateCommand(TaskRepository *tasks, CreateRequests *creates,
                                 Generations *generations, KeyRing *keys, KieClient *client,
                                 QObject *parent)
    : QObject(parent), m_tasks(tasks), m_creates(creates), m_generations(generations),
      m_keys(keys), m_client(client)
{
    connect(generations, &Generations::generationSettled, this, &GenerateCommand::onSettled);
    // A request on its way settles with a committed change (or the placeholder's removal).
    connect(tasks, &TaskFeed::changed, this, [this] {
        if (m_stopping) {
            finishWhenQuiet();
        }
    });
    connect(tasks, &TaskFeed::removed, this, [this] {
        if (m_stopping) {
            finishWhenQuiet();
        }
    });
}

void GenerateCommand::run(const QList<GenerateOptions> &generations, const QString &keyLabel,
                          bool batch)
{
    m_batch = generations;
    m_keyLabel = keyLabel;
    m_showProgress = batch;
    m_tasks->load(); // the list alone: nothing else is polled by this command
    // Requests that were on their way when the last run stopped lost their answer: they are
    // never sent again (as at the window's start).
    m_creates->settleInterrupted();
    ScriptCommand::whenKeysReady(m_keys, this, [this] { keysReady(); });
}

void GenerateCommand::runBatch(const QString &filePath, const GenerateOptions &base,
                               const QString &keyLabel)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        //: --batch FILE; %1 = the file, %2 = the system's reason
        refuse(tr("Could not read the batch file %1: %2").arg(filePath, file.errorString()));
        return;
    }
    const GenerateBatch batch = parseGenerateBatch(file.readAll(), base);
    if (!batch.problems.isEmpty()) {
        for (const QString &problem : batch.problems) {
            Q_EMIT progress(problem);
        }
        refuse(tr("The batch was not sent: %n problem(s) to fix first. Nothing was stored.", "",
                  int(batch.problems.size())),
               batch.problems);
        return;
    }
    run(batch.generations, keyLabel, true);
}

void GenerateCommand::keysReady()
{
    if (m_stopping) {
        refuse(tr("Stopped before anything was sent."));
        return;
    }
    const ScriptCommand::KeyChoice key = ScriptCommand::chooseKey(*m_keys, m_keyLabel);
    if (!key.error.isEmpty()) {
        refuse(key.error);
        return;
    }
    m_keyId = key.keyId;
    for (const GenerateOptions &g : std::as_const(m_batch)) {
        for (const QString &image : g.imageUrls) {
            if (!isImageAddress(image) && !m_files.contains(image)) {
                m_files.append(image);
            }
        }
    }
    uploadNext();
}

void GenerateCommand::uploadNext()
{
    if (m_files.isEmpty()) {
        queue();
        return;
    }
    const QString file = m_files.takeFirst();
    m_upload = ImageUpload::create(*m_client, m_keys->token(m_keyId), file, this);
    const QString name = QFileInfo(file).fileName();
    //: --generate --image FILE: %1 = file name, %2 = its size
    Q_EMIT progress(tr("Uploading %1 (%2) to KIE's file storage…")
                        .arg(name, QLocale().formattedDataSize(QFileInfo(file).size())));
    auto lastTenth = std::make_shared<qint64>(0);
    connect(m_upload, &ImageUpload::progress, this, [this, name, lastTenth](qint64 sent, qint64 total) {
        const qint64 tenth = sent * 10 / total;
        if (tenth > *lastTenth && tenth < 10) {
            *lastTenth = tenth;
            //: --generate --image FILE, every 10 %
            Q_EMIT progress(tr("Uploading %1: %2 %").arg(name).arg(tenth * 10));
        }
    });
    connect(m_upload, &ImageUpload::finished, this,
            [this, file](const QString &problem, const QUrl &url) {
                m_upload->deleteLater();
                m_upload.clear();
                if (!problem.isEmpty()) {
                    refuse(problem + QLatin1Char(' ') + tr("Nothing was sent."));
                    return;
                }
                m_uploaded.insert(file, url.toString(QUrl::FullyEncoded));
                uploadNext();
            });
    m_upload->start();
}

void GenerateCommand::queue()
{
    for (GenerateOptions &g : m_batch) {
        for (QString &image : g.imageUrls) {
            image = m_uploaded.value(image, image);
        }
    }
    const Generations::BatchOutcome queued = m_generations->generateMany(m_batch, m_keyId);
    if (!queued.error.isEmpty()) {
        refuse(queued.error);
        return;
    }
    m_ids = queued.taskIds;
    if (m_showProgress) {
        //: --batch: stored in the task list, sent as KIE's limit allows
        Q_EMIT progress(tr("%n generation(s) queued: up to 20 are sent every 10 seconds.", "",
                           int(m_ids.size())));
    }
}

void GenerateCommand::onSettled(const QString &placeholderId, const QString &taskId,
                                const QString &error)
{
    if (m_done || !m_ids.contains(placeholderId) || m_states.contains(placeholderId)) {
        return; // another's (a generation queued before this command), or already said
    }
    QString state;
    if (!taskId.isEmpty() && error.isEmpty()) {
        state = statusKey(TaskStatus::Pending);
        ++m_accepted;
    } else if (ScriptCommand::answerWasLost(m_tasks->task(placeholderId))) {
        state = ScriptCommand::AnswerLostState;
        ++m_lost;
    } else {
        state = ScriptCommand::RefusedState;
        ++m_refused;
    }
    m_states.insert(placeholderId, state);
    print(placeholderId, taskId, state, error);
    reportProgress();
    if (m_states.size() == m_ids.size() && !m_stopping) {
        // Done: generations queued before this command stay for the window.
        m_generations->stopSending();
        m_stopping = true;
    }
    if (m_stopping) {
        finishWhenQuiet();
    }
}

void GenerateCommand::print(const QString &placeholderId, const QString &taskId,
                            const QString &state, const QString &error)
{
    const qsizetype index = m_ids.indexOf(placeholderId);
    QJsonObject o;
    o.insert(QStringLiteral("index"), index < 0 ? QJsonValue() : QJsonValue(int(index) + 1));
    o.insert(QStringLiteral("placeholderId"), placeholderId);
    o.insert(QStringLiteral("taskId"), taskId);
    o.insert(QStringLiteral("state"), state);
    o.insert(QStringLiteral("error"), error);
    Q_EMIT line(ScriptCommand::jsonLine(o));
}

void GenerateCommand::refuse(const QString &error, const QStringList &problems)
{
    if (m_done) {
        return;
    }
    m_done = true;
    QJsonObject o;
    o.insert(QStringLiteral("index"), QJsonValue());
    o.insert(QStringLiteral("placeholderId"), QJsonValue());
    o.insert(QStringLiteral("taskId"), QJsonValue());
    o.insert(QStringLiteral("state"), ScriptCommand::RefusedState);
    o.insert(QStringLiteral("error"), error);
    if (!problems.isEmpty()) {
        o.insert(QStringLiteral("problems"), QJsonArray::fromStringList(problems));
    }
    Q_EMIT line(ScriptCommand::jsonLine(o));
    Q_EMIT finished(ScriptCommand::Refused);
}

void GenerateCommand::reportProgress()
{
    if (!m_showProgress) {
        return;
    }
    //: --batch progress; %n = generations in the batch
    Q_EMIT progress(tr("%1 of %n generation(s) answered: %2 accepted, %3 refused, %4 answer "
                       "lost.",
                       "", int(m_ids.size()))
                        .arg(m_states.size())
                        .arg(m_accepted)
                        .arg(m_refused)
                        .arg(m_lost));
}

void GenerateCommand::stop()
{
    if (m_done || m_stopping) {
        return; // stopping already (or done sending): the answers on their way are awaited
    }
    m_stopping = true;
    m_generations->stopSending();
    if (m_upload) { // nothing stored yet
        m_upload->abort();
        refuse(tr("Stopped before anything was sent."));
        return;
    }
    if (m_ids.isEmpty()) {
        return; // keysReady() refuses
    }
    int waiting = 0;
    for (const QString &id : std::as_const(m_ids)) {
        const TaskRecord *t = m_tasks->task(id);
        waiting += int(t && (t->submission == TaskSubmission::Queued ||
                             t->submission == TaskSubmission::Paused));
    }
    //: Ctrl+C during --batch
    Q_EMIT progress(tr("Stopping: %n generation(s) not sent yet stay queued in the task list; "
                       "Veo Tracker sends them at its next start. Waiting for the answers on "
                       "their way.",
                       "", waiting));
    finishWhenQuiet();
}

void GenerateCommand::finishWhenQuiet()
{
    if (m_done) {
        return;
    }
    for (const TaskRecord &t : m_tasks->tasks()) {
        if (t.submission == TaskSubmission::Sending) {
            return; // its answer settles it: changed() calls again
        }
    }
    QStringList unsent;
    for (const QString &id : std::as_const(m_ids)) {
        if (m_states.contains(id)) {
            continue;
        }
        const TaskRecord *t = m_tasks->task(id);
        if (!t ||
            (t->submission != TaskSubmission::Queued && t->submission != TaskSubmission::Paused)) {
            return; // answered, and generationSettled is on its way: onSettled calls again
        }
        unsent.append(id);
    }
    m_done = true;
    for (const QString &id : std::as_const(unsent)) {
        print(id, {}, QueuedState, {});
    }
    m_tasks->flush();
    const int code = m_lost > 0                        ? ScriptCommand::AnswerLost
                     : (m_refused + unsent.size() > 0) ? ScriptCommand::Refused
                                                       : ScriptCommand::Accepted;
    Q_EMIT finished(code);
}

} // namespace veo
