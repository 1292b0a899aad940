#pragma once

#include "keyprofile.h"
#include "sqliteconnection.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace veo {

// Key metadata in the app's SQLite file (the `keys` table that TaskStore's migrations create).
// Uses its own connection to the same file, so it can be opened after TaskStore::open() by the
// window and by command-line actions alike.
class KeyProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyProfileStore)

public:
    explicit KeyProfileStore(QObject *parent = nullptr);

    // The file must already have the current schema (TaskStore::open() migrates it).
    bool open(const QString &path);
    void close();
    bool isOpen() const;
    QString errorString() const { return m_error; }

    QList<KeyProfile> loadAll() const; // in the order keys were added
    // Inserts or replaces one profile (session-only profiles are refused).
    bool save(const KeyProfile &profile);
    bool remove(const QString &keyId);
    // Marks one key as the default and clears the mark on every other key.
    bool setDefault(const QString &keyId);
    // Tasks per key_id; tasks of the default key may be stored with an empty key_id.
    QHash<QString, int> taskCounts() const;

private:
    SqliteConnection m_db;
    QString m_error;
};

} // namespace veo
