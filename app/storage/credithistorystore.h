#pragma once

#include "creditspend.h"
#include "sqliteconnection.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace veo {

// Every reading of a stored key's balance, in the app's SQLite file (the `credit_readings`
// table of TaskStore's migration 9), for the balance and spend charts. Readings every 10
// minutes for a year would be 50,000 rows a key, most of them repeating the last: a run of
// equal readings keeps only its first and its last (the run's end moves with each new
// reading), which draws the same line. Readings older than KeepDays are pruned; a key's
// readings are deleted with its row in `keys` (a trigger). Like KeyProfileStore it uses its own
// connection to the same file; open it after TaskStore::open().
class CreditHistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreditHistoryStore)

public:
    static constexpr int KeepDays = 400;

    explicit CreditHistoryStore(QObject *parent = nullptr);

    // The file must already have the current schema (TaskStore::open() migrates it).
    bool open(const QString &path);
    void close();
    bool isOpen() const;
    QString errorString() const { return m_error; }

    // Adds a reading of the key (collapsing a run of equal ones, see above).
    bool append(const QString &keyId, const CreditReading &reading);
    // The key's readings from `from` to `to`, oldest first, preceded by the last one before
    // `from` when there is one (the balance as the range starts, see balanceLine()).
    QList<CreditReading> readings(const QString &keyId, const QDateTime &from,
                                  const QDateTime &to) const;
    // Deletes the readings taken before `before`; returns how many went (-1 on failure).
    int prune(const QDateTime &before);

private:
    SqliteConnection m_db;
    QString m_error;
};

} // namespace veo
