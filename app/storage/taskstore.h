#pragma once

#include "taskrecord.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

QT_FORWARD_DECLARE_CLASS(QSqlDatabase)

namespace veo {

// SQLite task store (QtSql). The store is the truth: every state change is committed before
// the model mirrors it. Versioned schema with migrations; a corrupt file is moved aside.
class TaskStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskStore)

public:
    explicit TaskStore(QObject *parent = nullptr);
    ~TaskStore() override;

    enum class OpenResult { Opened, RecoveredFromCorruption, Failed };
    // Opens (creating folders and schema as needed). When the file is not a usable database it
    // is renamed to "<path>.corrupt-<yyyyMMdd-HHmmss>" and a fresh one is created;
    // message() then says where the old file went.
    OpenResult open(const QString &path);
    // Closes the database (the destructor does too); open() may be called again afterwards.
    void close();
    bool isOpen() const;
    // Whether the last open() ran SQLite's integrity check over the whole file: always, unless
    // the file is exactly as this class left it at a clean close() (see taskstore.cpp).
    bool checkedAtOpen() const { return m_checked; }
    // Translated text for the last open(): empty after a plain success.
    QString message() const { return m_message; }
    QString path() const { return m_path; }
    static int schemaVersion();

    // What one read gave: the tasks read, the row to go on from, and why it stopped short
    // (empty when it did not: then `tasks` is all there was to read).
    struct Read
    {
        QList<TaskRecord> tasks;
        qint64 last = 0;
        QString error;
        bool failed() const { return !error.isEmpty(); }
    };
    // Whether a read fills in each task's paramJson (its request: the heaviest field).
    enum class Request { Read, Left };
    // In the order they were added. Request::Left leaves each task's paramJson null, for a
    // list that does not show it: paramJson() reads it when needed.
    Read loadAll(Request request = Request::Read) const;
    // Part of the list, for reading it a little at a time: the tasks stored after the row
    // `after` (0: from the first), at most `limit`, in the order they were added. A read of
    // fewer than `limit` tasks (or failed) is the end.
    Read loadBatch(qint64 after, int limit, Request request = Request::Read) const;
    // A task's stored paramJson (null when it has none or is unknown).
    QString paramJson(const QString &taskId) const;
    // Every stored task's paramJson by task ID, in one read: a tenth of the time of looking
    // each one up.
    QHash<QString, QString> paramJsons() const;
    // How many tasks are stored (0 when the count cannot be read): what a reader in batches
    // makes room for at once.
    qsizetype count() const;
    // Adds tasks not yet stored, in one transaction; returns the ones actually added.
    QList<TaskRecord> insertNew(const QList<TaskRecord> &tasks);
    // Writes every field of the given (known) tasks in one transaction; a null paramJson keeps
    // the stored one (a task read with Request::Left).
    bool update(const QList<TaskRecord> &tasks);
    bool remove(const QStringList &taskIds);
    // The task oldTaskId becomes task (another ID: a placeholder whose KIE task ID arrived),
    // atomically. False when oldTaskId is unknown or task.taskId is taken.
    bool replace(const QString &oldTaskId, const TaskRecord &task);
    bool contains(const QString &taskId) const;

    // Default location: QStandardPaths::AppDataLocation + "/tasks.sqlite" (or "demo.sqlite").
    static QString defaultPath(bool demo);

private:
    enum class Attempt { Ready, Unusable, TooNew, Failed };
    Attempt attemptOpen();
    QSqlDatabase database() const;
    Attempt migrate(int fromVersion);

    QString m_connection; // unique QSqlDatabase connection name
    QString m_path;
    QString m_message;
    QString m_detail; // SQLite's own (untranslated) words for the last problem, for logs
    bool m_checked = false;
    // Opened as ours and no read met a damaged page: close() leaves a seal.
    mutable bool m_clean = false;
};

} // namespace veo
