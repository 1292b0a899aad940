#include "sqliteconnection.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace veo {

namespace {

// Returns what went wrong, or an empty string. Every QSqlDatabase and QSqlQuery handle is gone
// when it returns, as removeDatabase() requires.
QString openAndProbe(const QString &name, const QString &path, const QString &schemaProbe)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (!QFileInfo(path).isFile()) {
        return QStringLiteral("no database file at %1").arg(shown);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    // TaskStore, the other stores and a command-line action may write the file at the same time.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        return db.lastError().text();
    }
    QSqlQuery q(db);
    if (!q.exec(schemaProbe)) { // not migrated: TaskStore::open() was not called on it
        return QStringLiteral("%1 does not have the expected schema: %2")
            .arg(shown, q.lastError().text());
    }
    return {};
}

std::atomic<int> s_serial{0};

} // namespace

SqliteConnection::SqliteConnection(const QString &prefix)
    : m_name(prefix + QLatin1Char('-') + QString::number(++s_serial))
{
}

SqliteConnection::~SqliteConnection()
{
    close();
}

bool SqliteConnection::open(const QString &path, const QString &schemaProbe)
{
    close();
    m_error = openAndProbe(m_name, path, schemaProbe);
    if (!m_error.isEmpty()) {
        close();
        return false;
    }
    return true;
}

void SqliteConnection::close()
{
    if (!QSqlDatabase::contains(m_name)) {
        return;
    }
    database().close(); // the temporary handle is gone before removeDatabase(), as it requires
    QSqlDatabase::removeDatabase(m_name);
}

bool SqliteConnection::isOpen() const
{
    return QSqlDatabase::contains(m_name) && database().isOpen();
}

QSqlDatabase SqliteConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

} // namespace veo
