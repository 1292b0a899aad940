// Fault matrix, storage side: the real Engine and TaskStore (SQLite, WAL) when the database
// is locked by another process, damaged while the app was stopped, or on a read-only file
// system. Nothing the user had is lost or silently replaced, they are told, and once the
// fault is gone the app carries on by itself.
#include "enginerig.h"
#include "fakekieserver.h"
#include "keyring.h"
#include "kieresponses.h"
#include "refreshscheduler.h"
#include "smallfs.h"
#include "taskrepository.h"
#include "taskstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace veo;
using namespace veo::test;

namespace {

const QString Token = QStringLiteral("sk-faults-storage-0001");
const char *const LockVar = "VEO_FAULTS_LOCK_DB";

// The child side of the lock test (this binary again): holds an exclusive lock on the
// database until its standard input closes.
int holdLock(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int result = 0;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
        db.setDatabaseName(qEnvironmentVariable(LockVar));
        QSqlQuery q(db);
        if (!db.open() || !q.exec(QStringLiteral("BEGIN EXCLUSIVE"))) {
            std::printf("failed %s\n", qPrintable(q.lastError().text()));
            result = 1;
        } else {
            std::printf("locked\n");
            std::fflush(stdout);
            while (std::getchar() != EOF) {
            }
            q.exec(QStringLiteral("ROLLBACK"));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    return result;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

FakeKieServer::Record generating(const QString &id)
{
    FakeKieServer::Record r = succeededRecord(id);
    r.successFlag = 0;
    r.resultUrls.clear();
    return r;
}

} // namespace

class tst_FaultsStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lockedDatabaseKeepsAnswersUntilTheyCanBeSaved();
    void damagedWhileStoppedIsKeptAsideAndTold_data();
    void damagedWhileStoppedIsKeptAsideAndTold();
    void readOnlyDataFolder();
    void damagedWhileReadingInStepsIsTold();

private:
    bool start(const QString &folder);
    void stop();
    QString dbPath() const { return m_dir->filePath(QStringLiteral("tasks.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeKieServer> m_server;
    std::unique_ptr<EngineRig> m_app;
};

void tst_FaultsStorage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FakeKieServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost));
    m_server->setValidKeys({Token});
    m_server->setCredits(QString(), 5000);
}

void tst_FaultsStorage::cleanup()
{
    stop();
    m_server.reset();
    m_dir.reset();
}

bool tst_FaultsStorage::start(const QString &folder)
{
    m_app = std::make_unique<EngineRig>(folder, m_server->baseUrl(), Token);
    if (m_app->opened == TaskStore::OpenResult::Failed) {
        return false;
    }
    m_app->engine->start();
    Engine *engine = m_app->engine.get();
    // Keys in memory: a few event-loop turns.
    return QTest::qWaitFor([engine] { return !engine->keys()->isLoading(); }, 15000);
}

void tst_FaultsStorage::stop()
{
    if (m_app) {
        m_app->engine->flush();
    }
    m_app.reset();
}

void tst_FaultsStorage::lockedDatabaseKeepsAnswersUntilTheyCanBeSaved()
{
    const QString done = QStringLiteral("veo_lock_done");
    m_server->setScript(done, {FakeKieServer::ok(succeededRecord(done))});
    QVERIFY(start(m_dir->path()));
    m_app->engine->setPaused(true);
    QCOMPARE(m_app->engine->addTasks({done}).added, 1);
    QSignalSpy messages(m_app->engine.get(), &Engine::message);

    // Another process takes the write lock and keeps it.
    QProcess locker;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(LockVar), dbPath());
    locker.setProcessEnvironment(env);
    locker.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(locker.waitForStarted());
    QVERIFY(locker.waitForReadyRead(15000));
    QCOMPARE(locker.readLine().trimmed(), QByteArray("locked"));

    // A task added now cannot be stored: refused with a message, not listed as if it were.
    const QString added = QStringLiteral("veo_lock_added");
    QCOMPARE(m_app->engine->addTasks({added}).added, 0);
    QVERIFY(!m_app->task(added));
    QVERIFY(!messages.isEmpty());
    QVERIFY2(messages.constFirst().constFirst().toString().contains(QLatin1String("Could not add")),
             qPrintable(messages.constFirst().constFirst().toString()));

    // The task's final answer arrives and cannot be committed: the user is told, and the row
    // keeps showing what is stored.
    messages.clear();
    m_app->engine->setPaused(false);
    // Waits out the real poll and SQLite's 5 s busy timeout on the lock.
    QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 20000);
    QVERIFY2(
        messages.constFirst().constFirst().toString().contains(QLatin1String("Could not save")),
        qPrintable(messages.constFirst().constFirst().toString()));
    QCOMPARE(m_app->status(done), TaskStatus::Pending);

    // The other process lets go: the answer is saved by itself, no new poll needed (the task
    // is finished, none would come).
    locker.closeWriteChannel();
    QVERIFY(locker.waitForFinished(15000));
    QCOMPARE(locker.exitCode(), 0);
    // Waits out the repository's 2 s retry (a real timer, as SQLite's lock wait is real).
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(done), TaskStatus::Succeeded, 15000);
    TaskStore second;
    QCOMPARE(second.open(dbPath()), TaskStore::OpenResult::Opened);
    const QList<TaskRecord> stored = second.loadAll().tasks;
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().status, TaskStatus::Succeeded);
    second.close();
    // And adding works again.
    QCOMPARE(m_app->engine->addTasks({added}).added, 1);
}

void tst_FaultsStorage::damagedWhileStoppedIsKeptAsideAndTold_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("overwritten with garbage") << QStringLiteral("garbage");
    QTest::newRow("truncated") << QStringLiteral("truncated");
    QTest::newRow("pages overwritten") << QStringLiteral("pages");
}

void tst_FaultsStorage::damagedWhileStoppedIsKeptAsideAndTold()
{
    QFETCH(QString, damage);
    QStringList ids;
    for (int i = 0; i < 200; ++i) {
        ids << QStringLiteral("veo_damaged_%1").arg(i);
        m_server->setScript(ids.last(), {FakeKieServer::ok(generating(ids.last()))});
    }
    QVERIFY(start(m_dir->path()));
    QCOMPARE(m_app->engine->addTasks(ids).added, ids.size());
    stop();

    QByteArray bytes = fileBytes(dbPath());
    QVERIFY(bytes.size() > 16 * 1024);
    if (damage == QLatin1String("garbage")) {
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            bytes[i] = char((i * 7919 + 13) % 251);
        }
    } else if (damage == QLatin1String("truncated")) {
        bytes.truncate(bytes.size() / 3);
    } else {
        for (qsizetype i = 4096; i < bytes.size(); i += 4096) {
            bytes.replace(i, 512, QByteArray(512, '\x5a'));
        }
    }
    {
        QFile f(dbPath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(bytes), bytes.size());
    }

    // The next launch: a new, empty list, the damaged file kept byte for byte, and a message
    // saying where it went (main.cpp shows it in the window).
    m_app = std::make_unique<EngineRig>(m_dir->path(), m_server->baseUrl(), Token);
    QCOMPARE(m_app->opened, TaskStore::OpenResult::RecoveredFromCorruption);
    const QString message = m_app->store.message();
    const QStringList aside =
        QDir(m_dir->path()).entryList({QStringLiteral("tasks.sqlite.corrupt-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY2(message.contains(aside.constFirst()), qPrintable(message));
    QCOMPARE(fileBytes(m_dir->filePath(aside.constFirst())), bytes);
    // The app works on: it lists and follows new tasks.
    m_app->engine->start();
    QCOMPARE(m_app->engine->tasks()->count(), 0);
    QCOMPARE(m_app->engine->addTasks({ids.constFirst()}).added, 1);
    // Waits out a real poll over loopback.
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(ids.constFirst()), TaskStatus::Generating, 15000);
}

void tst_FaultsStorage::readOnlyDataFolder()
{
    const QString folder = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(folder));
    SmallFs fs(folder, 8 * 1024 * 1024);
    const bool chmodWorks = ::geteuid() != 0;
    if (!fs.available() && !chmodWorks) {
        QSKIP(qPrintable(QStringLiteral("as root only a read-only mount can refuse writes, and "
                                        "mounting a tmpfs failed: ") +
                         fs.error()));
    }
    const QString path = folder + QStringLiteral("/tasks.sqlite");
    const QString id = QStringLiteral("veo_readonly");
    m_server->setScript(id, {FakeKieServer::ok(generating(id))});
    QVERIFY(start(folder));
    QCOMPARE(m_app->engine->addTasks({id}).added, 1);
    // Waits out a real poll over loopback.
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(id), TaskStatus::Generating, 15000);
    stop();
    const QByteArray before = fileBytes(path);
    const QStringList filesBefore = QDir(folder).entryList(QDir::Files);

    if (fs.available()) {
        QVERIFY(fs.setReadOnly(true));
    } else {
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
    }
    // The launch fails with words, and touches nothing (no "corrupt" move, no new file).
    TaskStore store;
    QCOMPARE(store.open(path), TaskStore::OpenResult::Failed);
    QVERIFY2(store.message().contains(QDir::toNativeSeparators(path)), qPrintable(store.message()));
    QVERIFY2(store.message().contains(QLatin1String("read-only")), qPrintable(store.message()));
    store.close();
    QCOMPARE(fileBytes(path), before);
    QCOMPARE(QDir(folder).entryList(QDir::Files), filesBefore);

    // Writable again: everything is there.
    if (fs.available()) {
        QVERIFY(fs.setReadOnly(false));
    } else {
        QVERIFY(
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    }
    QVERIFY(start(folder));
    QVERIFY(m_app->task(id));
    QCOMPARE(m_app->status(id), TaskStatus::Generating);
    stop();
}

// The file is damaged after the start-up check passed, while the list is still being read in
// steps: the tasks read so far stay, and the user is told how many and why.
void tst_FaultsStorage::damagedWhileReadingInStepsIsTold()
{
    const QString path = dbPath();
    constexpr int Tasks = 10000; // about 10 MB
    {
        TaskStore writer;
        QCOMPARE(writer.open(path), TaskStore::OpenResult::Opened);
        QList<TaskRecord> tasks;
        for (int i = 0; i < Tasks; ++i) {
            TaskRecord t;
            t.taskId = QStringLiteral("veo_read_%1").arg(i, 5, 10, QLatin1Char('0'));
            t.status = TaskStatus::Succeeded;
            t.prompt =
                QStringLiteral("A lighthouse in a storm at night, take %1. ").arg(i).repeated(20);
            t.addedAt = QDateTime::currentDateTimeUtc();
            tasks.append(t);
        }
        QCOMPARE(writer.insertNew(tasks).size(), tasks.size());
    } // closed: everything is in the main file, none in the write-ahead log

    TaskStore store;
    QCOMPARE(store.open(path), TaskStore::OpenResult::Opened);
    TaskRepository repository(&store, std::chrono::milliseconds(50));
    QSignalSpy errors(&repository, &TaskRepository::storeError);
    QSignalSpy finished(&repository, &TaskFeed::loadFinished);
    repository.loadInSteps(std::chrono::milliseconds(0)); // one batch a turn of the event loop
    QVERIFY(repository.isLoading());
    const int readFirst = repository.count();
    QVERIFY(readFirst > 0 && readFirst < Tasks);

    // Pages in the middle of the file (rows not read yet) become garbage. The start-up check
    // left the end of the file in SQLite's page cache (2 MB, a fifth of it): not there.
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 from = file.size() * 4 / 10;
        const qint64 length = file.size() * 3 / 10;
        QVERIFY(file.seek(from));
        QCOMPARE(file.write(QByteArray(length, '\xff')), length);
    }
    const QByteArray damaged = fileBytes(path);

    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!repository.isLoading());
    const int read = repository.count();
    QVERIFY2(read >= readFirst && read < Tasks, qPrintable(QString::number(read)));
    QCOMPARE(errors.size(), 1);
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(message.contains(QString::number(read)), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("malformed")), qPrintable(message));
    QCOMPARE(repository.tasks().constFirst().taskId, QStringLiteral("veo_read_00000"));
    QCOMPARE(fileBytes(path), damaged); // nothing written to it
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(LockVar)) {
        return holdLock(argc, argv);
    }
    QCoreApplication app(argc, argv);
    tst_FaultsStorage test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_faults_storage.moc"
