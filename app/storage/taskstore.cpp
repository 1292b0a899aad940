#include "taskstore.h"

#include "taskrow.h"
#include "taskschema.h"
#include "taskstoreseal.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <atomic>
#include <limits>

namespace veo {

namespace {

Q_LOGGING_CATEGORY(lcStore, "veo.storage")

// SQLite's primary result code (Qt reports the extended one as the native error code).
int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

// SQLITE_CORRUPT (11) and SQLITE_NOTADB (26): the file itself is bad. Anything else (read-only,
// disk full, locked, I/O) is no reason to move the user's file away.
bool isCorruption(const QSqlError &error)
{
    const int code = sqliteCode(error);
    return code == 11 || code == 26;
}

// While reading or creating the schema, a plain SQLITE_ERROR (1: "no such column", "table
// already exists") means the file holds something other than our tables.
bool isForeignSchema(const QSqlError &error)
{
    return isCorruption(error) || sqliteCode(error) == 1;
}

QString describe(const QSqlError &error)
{
    return error.text() + QStringLiteral(" [") + error.nativeErrorCode() + QLatin1Char(']');
}

// BEGIN IMMEDIATE takes the write lock up front (no lock upgrade that could fail half-way);
// anything not committed is rolled back when the guard goes out of scope.
class WriteTransaction
{
public:
    explicit WriteTransaction(const QSqlDatabase &db) : m_db(db)
    {
        QSqlQuery q(m_db);
        m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_active) {
            m_error = q.lastError();
        }
    }
    ~WriteTransaction()
    {
        if (m_active) {
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        }
    }
    Q_DISABLE_COPY_MOVE(WriteTransaction)

    bool isActive() const { return m_active; }
    bool commit()
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("COMMIT"))) {
            m_error = q.lastError();
            return false;
        }
        m_active = false;
        return true;
    }
    QSqlError error() const { return m_error; }

private:
    QSqlDatabase m_db;
    QSqlError m_error;
    bool m_active = false;
};

// Runs `step` (bind + exec of one prepared statement) for every item in one transaction:
// either every item is written and committed, or none is.
template <typename Item, typename Step>
bool writeBatch(const QSqlDatabase &db, const QString &sql, const QList<Item> &items,
                const char *what, Step step)
{
    WriteTransaction tx(db);
    QSqlQuery q(db);
    const auto fail = [&](const QSqlError &error) {
        qCWarning(lcStore) << what << "failed:" << describe(error);
        return false;
    };
    if (!tx.isActive()) {
        return fail(tx.error());
    }
    if (!q.prepare(sql)) {
        return fail(q.lastError());
    }
    for (const Item &item : items) {
        if (!step(q, item)) {
            return fail(q.lastError());
        }
    }
    return tx.commit() || fail(tx.error());
}

bool hasSqliteHeader(const QString &path)
{
    QFile file(path);
    if (file.size() == 0) {
        return true; // SQLite treats an empty file as a new, empty database
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return true; // not ours to judge: opening it will report the real problem
    }
    static const QByteArray magic("SQLite format 3\0", 16);
    return file.read(magic.size()) == magic;
}

// Moves the file and its SQLite siblings to "<path>.corrupt-<stamp>" (siblings keep their
// suffix after it, so the set can still be opened together for a rescue attempt).
QString moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n) {
        target = path + QStringLiteral(".corrupt-") + stamp + QLatin1Char('-') + QString::number(n);
    }
    if (!QFile::rename(path, target)) {
        return {};
    }
    for (const QString &suffix :
         {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        if (QFileInfo::exists(path + suffix) && !QFile::rename(path + suffix, target + suffix)) {
            qCWarning(lcStore) << "could not move" << path + suffix << "aside";
            QFile::remove(path + suffix); // a stale WAL must not be replayed into the new file
        }
    }
    return target;
}

std::atomic<int> s_connectionCounter{0};

} // namespace

TaskStore::TaskStore(QObject *parent)
    : QObject(parent),
      m_connection(QStringLiteral("veo.taskstore.") + QString::number(++s_connectionCounter))
{
}

TaskStore::~TaskStore()
{
    close();
}

int TaskStore::schemaVersion()
{
    return static_cast<int>(schemaMigrations().size());
}

QString TaskStore::defaultPath(bool demo)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           (demo ? QStringLiteral("/demo.sqlite") : QStringLiteral("/tasks.sqlite"));
}

QSqlDatabase TaskStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool TaskStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && database().isOpen();
}

void TaskStore::close()
{
    if (!QSqlDatabase::contains(m_connection)) {
        return;
    }
    const bool clean = isOpen() && m_clean;
    database().close(); // the temporary handle is gone before removeDatabase(), as it requires
    QSqlDatabase::removeDatabase(m_connection);
    if (clean) {
        sealTaskStore(m_path);
    }
}

TaskStore::OpenResult TaskStore::open(const QString &path)
{
    close();
    m_path = path;
    m_message.clear();
    m_detail.clear();
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);

    if (!QDir().mkpath(info.absolutePath())) {
        m_message = tr("Could not create the folder %1 for the task list.")
                        .arg(QDir::toNativeSeparators(info.absolutePath()));
        return OpenResult::Failed;
    }
    if (info.exists() && !info.isFile()) {
        m_message = tr("Could not open the task list: %1 is not a file.").arg(shown);
        return OpenResult::Failed;
    }

    Attempt attempt = Attempt::Unusable;
    if (hasSqliteHeader(path)) {
        attempt = attemptOpen();
    } else {
        m_detail = QStringLiteral("no SQLite header");
    }
    if (attempt == Attempt::Unusable) {
        qCWarning(lcStore) << "task list is unusable, moving it aside:" << path << m_detail;
        close();
        const QString moved = moveAside(path);
        if (moved.isEmpty()) {
            m_message = tr("The task list %1 is damaged and could not be moved aside.").arg(shown);
            return OpenResult::Failed;
        }
        attempt = attemptOpen();
        if (attempt == Attempt::Ready) {
            m_message = tr("The task list could not be read. It was moved to %1 and a new, empty "
                           "task list was created.")
                            .arg(QDir::toNativeSeparators(moved));
            return OpenResult::RecoveredFromCorruption;
        }
    }
    if (attempt == Attempt::Ready) {
        return OpenResult::Opened;
    }
    close();
    if (attempt != Attempt::TooNew) { // TooNew has already said what it needs to
        qCWarning(lcStore) << "could not open the task list" << path << m_detail;
        // SQLite only says "unable to open database file": say what the user can change.
        const bool readOnly = !QFileInfo(info.absolutePath()).isWritable() ||
                              (QFileInfo::exists(path) && !QFileInfo(path).isWritable());
        m_message = readOnly ? tr("Could not open the task list %1: its folder or the file is "
                                  "read-only (%2). Make them writable and start Veo Tracker "
                                  "again.")
                                   .arg(shown, m_detail)
                             : tr("Could not open the task list %1: %2").arg(shown, m_detail);
    }
    return OpenResult::Failed;
}

// Opens m_path and brings it to the current schema. Checks before it writes anything, so that a
// file from a newer version, or one that is not ours, is left exactly as it was.
TaskStore::Attempt TaskStore::attemptOpen()
{
    m_clean = false;
    m_checked = !takeTaskStoreSeal(m_path); // before SQLite opens the file and starts a new log
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    if (!db.isValid()) {
        m_detail = tr("the SQLite driver for Qt is not installed");
        return Attempt::Failed;
    }
    db.setDatabaseName(m_path);
    if (!db.open()) {
        m_detail = describe(db.lastError());
        return Attempt::Failed;
    }
    QSqlQuery q(db);
    const auto failure = [&] {
        m_detail = describe(q.lastError());
        return isCorruption(q.lastError()) ? Attempt::Unusable : Attempt::Failed;
    };

    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        return failure();
    }
    const int version = q.value(0).toInt();
    if (version > schemaVersion()) {
        m_message = tr("The task list %1 was written by a newer version of Veo Tracker (format "
                       "%2; this version understands up to %3). It was left unchanged: please "
                       "update Veo Tracker.")
                        .arg(QDir::toNativeSeparators(m_path))
                        .arg(version)
                        .arg(schemaVersion());
        m_detail = QStringLiteral("user_version %1 > %2").arg(version).arg(schemaVersion());
        return Attempt::TooNew;
    }
    if (m_checked) {
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()) {
            return failure();
        }
        if (const QString check = q.value(0).toString(); check != QLatin1String("ok")) {
            m_detail = QStringLiteral("quick_check: ") + check.left(300);
            return Attempt::Unusable;
        }
        q.finish();
    }
    // Migrations run in transactions: a file that turns out not to be ours is left as it was.
    if (const Attempt migrated = migrate(version); migrated != Attempt::Ready) {
        return migrated;
    }
    // The schema must hold every column we read: otherwise this is not our file.
    if (!q.exec(selectSql() + QStringLiteral(" LIMIT 0"))) {
        m_detail = describe(q.lastError());
        return isForeignSchema(q.lastError()) ? Attempt::Unusable : Attempt::Failed;
    }
    q.finish();
    // WAL + FULL: a commit is on disk when it returns, and survives a crash or a power cut.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next()) {
        return failure();
    }
    if (const QString mode = q.value(0).toString(); mode != QLatin1String("wal")) {
        qCWarning(lcStore) << "WAL journal unavailable, using" << mode;
    }
    q.finish();
    if (!q.exec(QStringLiteral("PRAGMA synchronous=FULL"))) {
        return failure();
    }
    m_clean = true;
    return Attempt::Ready;
}

TaskStore::Attempt TaskStore::migrate(int fromVersion)
{
    const QSqlDatabase db = database();
    const QList<QStringList> &steps = schemaMigrations();
    for (int version = fromVersion + 1; version <= steps.size(); ++version) {
        WriteTransaction tx(db);
        QSqlQuery q(db);
        const auto failure = [&](const QSqlError &error) {
            m_detail = QStringLiteral("migration %1: ").arg(version) + describe(error);
            return isForeignSchema(error) ? Attempt::Unusable : Attempt::Failed;
        };
        if (!tx.isActive()) {
            return failure(tx.error());
        }
        for (const QString &sql : steps.at(version - 1)) {
            if (!q.exec(sql)) {
                return failure(q.lastError());
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))) {
            return failure(q.lastError());
        }
        if (!tx.commit()) {
            return failure(tx.error());
        }
    }
    return Attempt::Ready;
}

TaskStore::Read TaskStore::loadAll(Request request) const
{
    return loadBatch(0, std::numeric_limits<int>::max(), request);
}

QString TaskStore::paramJson(const QString &taskId) const
{
    if (!isOpen()) {
        return {};
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT param_json FROM tasks WHERE task_id=?"));
    q.addBindValue(taskId);
    if (q.exec() && q.next()) {
        return q.value(0).toString();
    }
    if (q.lastError().isValid()) {
        m_clean = m_clean && !isCorruption(q.lastError());
        qCWarning(lcStore) << "reading a task's request failed:" << describe(q.lastError());
    }
    return {};
}

qsizetype TaskStore::count() const
{
    if (!isOpen()) {
        return 0;
    }
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SELECT count(*) FROM tasks")) && q.next()) {
        return qsizetype(q.value(0).toLongLong());
    }
    m_clean = m_clean && !isCorruption(q.lastError()); // a damaged page: not sealed at close
    qCWarning(lcStore) << "counting tasks failed:" << describe(q.lastError());
    return 0;
}

QHash<QString, QString> TaskStore::paramJsons() const
{
    QHash<QString, QString> byId;
    if (!isOpen()) {
        return byId;
    }
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (q.exec(
            QStringLiteral("SELECT task_id,param_json FROM tasks WHERE param_json IS NOT NULL"))) {
        while (q.next()) {
            byId.insert(q.value(0).toString(), q.value(1).toString());
        }
    }
    if (q.lastError().isValid()) {
        m_clean = m_clean && !isCorruption(q.lastError());
        qCWarning(lcStore) << "reading the tasks' requests failed:" << describe(q.lastError());
    }
    return byId;
}

TaskStore::Read TaskStore::loadBatch(qint64 after, int limit, Request request) const
{
    Read batch;
    batch.last = after;
    if (!isOpen()) {
        batch.error = tr("the task list is not open");
        return batch;
    }
    QSqlQuery q(database());
    q.setForwardOnly(true);
    // rowid last: readRecord() reads the columns before it.
    const QString sql =
        selectSql(request == Request::Read)
            .replace(QStringLiteral(" FROM tasks"), QStringLiteral(",rowid FROM tasks")) +
        QStringLiteral(" WHERE rowid > ? ORDER BY rowid LIMIT ?");
    const int rowidColumn = int(fieldColumns().size()) + 1;
    q.prepare(sql);
    q.addBindValue(after);
    q.addBindValue(limit);
    if (q.exec()) {
        while (q.next()) {
            batch.tasks.append(readRecord(q));
            batch.last = q.value(rowidColumn).toLongLong();
        }
    }
    if (q.lastError().isValid()) { // the statement, or a row on the way (a damaged page)
        m_clean = m_clean && !isCorruption(q.lastError());
        batch.error = describe(q.lastError());
        qCWarning(lcStore) << "loading tasks failed after row" << batch.last << ":" << batch.error;
    }
    return batch;
}

QList<TaskRecord> TaskStore::insertNew(const QList<TaskRecord> &tasks)
{
    QList<TaskRecord> added;
    if (!isOpen() || tasks.isEmpty()) {
        return added;
    }
    const QString sql = QStringLiteral("INSERT OR IGNORE INTO tasks (task_id,") +
                        joinedColumns({}, {}) + QStringLiteral(") VALUES (?") +
                        QStringLiteral(",?").repeated(fieldColumns().size()) + QLatin1Char(')');
    const auto insertOne = [&added](QSqlQuery &q, const TaskRecord &task) {
        if (task.taskId.isEmpty()) {
            return true; // not a task
        }
        q.bindValue(0, task.taskId);
        bindFields(q, 1, task);
        if (!q.exec()) {
            return false;
        }
        if (q.numRowsAffected() > 0) { // 0: already stored, ignored
            added.append(task);
        }
        return true;
    };
    return writeBatch(database(), sql, tasks, "insert", insertOne) ? added : QList<TaskRecord>();
}

bool TaskStore::update(const QList<TaskRecord> &tasks)
{
    if (!isOpen()) {
        return false;
    }
    const QString sql =
        QStringLiteral("UPDATE tasks SET ") + assignments() + QStringLiteral(" WHERE task_id=?");
    const int idIndex = static_cast<int>(fieldColumns().size());
    const auto updateOne = [idIndex](QSqlQuery &q, const TaskRecord &task) {
        bindFields(q, 0, task);
        q.bindValue(idIndex, task.taskId);
        return q.exec();
    };
    return tasks.isEmpty() || writeBatch(database(), sql, tasks, "update", updateOne);
}

bool TaskStore::replace(const QString &oldTaskId, const TaskRecord &task)
{
    if (!isOpen() || task.taskId.isEmpty() || contains(task.taskId)) {
        return false;
    }
    // One statement: the row keeps its place (rowid) and nothing is half done.
    const QString sql = QStringLiteral("UPDATE tasks SET task_id=?,") + assignments() +
                        QStringLiteral(" WHERE task_id=?");
    const int idIndex = 1 + static_cast<int>(fieldColumns().size());
    bool found = false;
    const auto replaceOne = [&](QSqlQuery &q, const TaskRecord &t) {
        q.bindValue(0, t.taskId);
        bindFields(q, 1, t);
        q.bindValue(idIndex, oldTaskId);
        if (!q.exec()) {
            return false;
        }
        found = q.numRowsAffected() == 1;
        return true;
    };
    return writeBatch(database(), sql, QList<TaskRecord>{task}, "replace", replaceOne) && found;
}

bool TaskStore::remove(const QStringList &taskIds)
{
    if (!isOpen()) {
        return false;
    }
    const auto removeOne = [](QSqlQuery &q, const QString &id) {
        q.bindValue(0, id);
        return q.exec();
    };
    return taskIds.isEmpty() ||
           writeBatch(database(), QStringLiteral("DELETE FROM tasks WHERE task_id=?"), taskIds,
                      "remove", removeOne);
}

bool TaskStore::contains(const QString &taskId) const
{
    if (!isOpen()) {
        return false;
    }
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT 1 FROM tasks WHERE task_id=?"));
    q.bindValue(0, taskId);
    return q.exec() && q.next();
}

} // namespace veo
