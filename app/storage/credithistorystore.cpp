#include "credithistorystore.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace veo {

namespace {

Q_LOGGING_CATEGORY(lcCredits, "veo.storage.credits")

CreditReading readingFrom(const QSqlQuery &q, int column)
{
    return {QDateTime::fromMSecsSinceEpoch(q.value(column).toLongLong(), Qt::UTC),
            q.value(column + 1).toLongLong()};
}

} // namespace

CreditHistoryStore::CreditHistoryStore(QObject *parent)
    : QObject(parent), m_db(QStringLiteral("veo-credits"))
{
}

bool CreditHistoryStore::open(const QString &path)
{
    const bool opened =
        m_db.open(path, QStringLiteral("SELECT key_id, read_at, balance FROM credit_readings "
                                       "LIMIT 0"));
    m_error = m_db.errorString();
    return opened;
}

void CreditHistoryStore::close()
{
    m_db.close();
}

bool CreditHistoryStore::isOpen() const
{
    return m_db.isOpen();
}

bool CreditHistoryStore::append(const QString &keyId, const CreditReading &reading)
{
    if (!isOpen() || keyId.isEmpty() || !reading.at.isValid()) {
        return false;
    }
    QSqlDatabase db = m_db.database();
    if (!db.transaction()) {
        m_error = db.lastError().text();
        qCWarning(lcCredits) << "saving a balance reading failed:" << m_error;
        return false;
    }
    const qint64 at = reading.at.toMSecsSinceEpoch();
    QSqlQuery q(db);
    const auto fail = [&] {
        m_error = q.lastError().text();
        qCWarning(lcCredits) << "saving a balance reading failed:" << m_error;
        q.finish();
        db.rollback();
        return false;
    };
    // The key's last two readings: when both say what this one says, the last is the end of a
    // run of equal readings and moves here instead of a row being added.
    q.prepare(QStringLiteral("SELECT rowid, read_at, balance FROM credit_readings WHERE key_id=?"
                             " ORDER BY read_at DESC, rowid DESC LIMIT 2"));
    q.addBindValue(keyId);
    if (!q.exec()) {
        return fail();
    }
    int same = 0;
    qint64 lastRow = -1;
    qint64 lastAt = 0;
    while (q.next()) {
        if (lastRow < 0) {
            lastRow = q.value(0).toLongLong();
            lastAt = q.value(1).toLongLong();
        }
        same += q.value(2).toLongLong() == reading.balance ? 1 : 0;
    }
    q.finish();
    if (same == 2 && at >= lastAt) {
        q.prepare(QStringLiteral("UPDATE credit_readings SET read_at=? WHERE rowid=?"));
        q.addBindValue(at);
        q.addBindValue(lastRow);
    } else {
        q.prepare(QStringLiteral(
            "INSERT INTO credit_readings (key_id, read_at, balance) VALUES (?,?,?)"));
        q.addBindValue(keyId);
        q.addBindValue(at);
        q.addBindValue(reading.balance);
    }
    if (!q.exec()) {
        return fail();
    }
    q.finish();
    if (!db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

QList<CreditReading> CreditHistoryStore::readings(const QString &keyId, const QDateTime &from,
                                                  const QDateTime &to) const
{
    QList<CreditReading> list;
    if (!isOpen()) {
        return list;
    }
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT read_at, balance FROM credit_readings WHERE key_id=? AND "
                             "read_at<? ORDER BY read_at DESC, rowid DESC LIMIT 1"));
    q.addBindValue(keyId);
    q.addBindValue(from.toMSecsSinceEpoch());
    if (!q.exec()) {
        qCWarning(lcCredits) << "reading the balance history failed:" << q.lastError().text();
        return list;
    }
    if (q.next()) {
        list.append(readingFrom(q, 0));
    }
    q.finish();
    q.prepare(QStringLiteral("SELECT read_at, balance FROM credit_readings WHERE key_id=? AND "
                             "read_at>=? AND read_at<=? ORDER BY read_at, rowid"));
    q.addBindValue(keyId);
    q.addBindValue(from.toMSecsSinceEpoch());
    q.addBindValue(to.toMSecsSinceEpoch());
    if (!q.exec()) {
        qCWarning(lcCredits) << "reading the balance history failed:" << q.lastError().text();
        return list;
    }
    while (q.next()) {
        list.append(readingFrom(q, 0));
    }
    return list;
}

int CreditHistoryStore::prune(const QDateTime &before)
{
    if (!isOpen()) {
        return -1;
    }
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM credit_readings WHERE read_at<?"));
    q.addBindValue(before.toMSecsSinceEpoch());
    if (!q.exec()) {
        m_error = q.lastError().text();
        qCWarning(lcCredits) << "pruning old balance readings failed:" << m_error;
        return -1;
    }
    return q.numRowsAffected();
}

} // namespace veo
