#pragma once

#include "veogenerate.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace veo {

class CreateRequests;
class Generations;
class ImageUpload;
class KeyRing;
class KieClient;
class TaskRepository;

// `veo-tracker --generate` and `--batch`: New Generation for a script, on the user's task
// list. Images given as files are uploaded first (ImageUpload, one after the other, with
// progress); a failed upload stores and sends nothing. The generations go through Generations (stored before they are sent, 20 per 10 s per
// key, a 429 puts one back; a request whose answer is lost is never sent again); the command
// ends when every one of them was answered, and the window follows the new tasks from its
// next start.
class GenerateCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GenerateCommand)

public:
    // None is owned; keys is loaded by the caller (run() waits for it). client: for uploads.
    GenerateCommand(TaskRepository *tasks, CreateRequests *creates, Generations *generations,
                    KeyRing *keys, KieClient *client, QObject *parent = nullptr);

    // Loads the task list and queues these generations (all or none), charged to the key
    // labelled keyLabel (empty: the default key). batch: a progress line per answer.
    void run(const QList<GenerateOptions> &generations, const QString &keyLabel, bool batch);
    // A batch file (parseGenerateBatch; base: what its rows leave out): refused whole when
    // any row has a problem, else run().
    void runBatch(const QString &filePath, const GenerateOptions &base, const QString &keyLabel);
    // Ctrl+C: nothing more is sent (the rest stay queued for the window's next start); the
    // answers on their way are awaited, then finished().
    void stop();

Q_SIGNALS:
    // One JSON object per generation as it is answered (index from 1, placeholderId, taskId,
    // state, error), or one for the whole command when it was refused before anything was
    // stored.
    void line(const QByteArray &jsonLine);
    // For people (standard error), translated.
    void progress(const QString &text);
    // Once, with ScriptCommand::ExitCode: 0 all accepted, 2 any refused (or not sent), 3 any
    // answer lost (3 wins).
    void finished(int exitCode);

private:
    void keysReady();
    void uploadNext();
    void queue();
    void onSettled(const QString &placeholderId, const QString &taskId, const QString &error);
    void print(const QString &placeholderId, const QString &taskId, const QString &state,
               const QString &error);
    void refuse(const QString &error, const QStringList &problems = {});
    void reportProgress();
    // Finishes once nothing is waiting for an answer (this command's or another's).
    void finishWhenQuiet();

    QPointer<TaskRepository> m_tasks;
    QPointer<CreateRequests> m_creates;
    QPointer<Generations> m_generations;
    QPointer<KeyRing> m_keys;
    KieClient *m_client;
    QString m_keyId;                 // the chosen key, once the keys are ready
    QStringList m_files;             // images still to upload, in order
    QHash<QString, QString> m_uploaded; // file -> its address at KIE
    QPointer<ImageUpload> m_upload;  // the one running
    QList<GenerateOptions> m_batch;
    QString m_keyLabel;
    bool m_showProgress = false;
    QStringList m_ids;                // placeholders, in the batch's order
    QHash<QString, QString> m_states; // placeholder -> state, once answered
    int m_accepted = 0;
    int m_refused = 0;
    int m_lost = 0;
    bool m_stopping = false;
    bool m_done = false;
};

} // namespace veo
