#pragma once

#include <QString>

QT_FORWARD_DECLARE_CLASS(QSqlDatabase)

namespace veo {

// A QSqlDatabase connection of its own to the app's SQLite file, for the stores that work
// beside TaskStore (KeyProfileStore, DownloadStore). TaskStore creates and migrates the file; this
// only opens it once it is there, so a store can never start an empty database by mistake.
// Every instance has a unique connection name, removed again by close() and the destructor.
class SqliteConnection final
{
    Q_DISABLE_COPY_MOVE(SqliteConnection)

public:
    // prefix starts the connection name ("veo-keys" gives "veo-keys-1", "veo-keys-2", ...).
    explicit SqliteConnection(const QString &prefix);
    ~SqliteConnection();

    // Opens the existing file at path and runs schemaProbe (such as "SELECT key_id FROM keys
    // LIMIT 0"), which fails unless the file has the schema the store reads. On failure the
    // connection is gone again and errorString() says why.
    bool open(const QString &path, const QString &schemaProbe);
    void close();
    bool isOpen() const;
    QString errorString() const { return m_error; }
    // The open connection; an invalid QSqlDatabase when not open.
    QSqlDatabase database() const;

private:
    QString m_name;
    QString m_error;
};

} // namespace veo
