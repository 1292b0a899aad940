#include "keyprofilestore.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace veo {

namespace {

Q_LOGGING_CATEGORY(lcKeys, "veo.storage.keys")

QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime timeFrom(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant textOrNull(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

} // namespace

KeyProfileStore::KeyProfileStore(QObject *parent)
    : QObject(parent), m_db(QStringLiteral("veo-keys"))
{
}

bool KeyProfileStore::open(const QString &path)
{
    const bool opened = m_db.open(path, QStringLiteral("SELECT key_id FROM keys LIMIT 0"));
    m_error = m_db.errorString();
    return opened;
}

void KeyProfileStore::close()
{
    m_db.close();
}

bool KeyProfileStore::isOpen() const
{
    return m_db.isOpen();
}

QList<KeyProfile> KeyProfileStore::loadAll() const
{
    QList<KeyProfile> keys;
    if (!isOpen()) {
        return keys;
    }
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT key_id, label, hint, is_default, credits, credits_checked,"
                               " health, health_detail, added_at FROM keys ORDER BY rowid"))) {
        qCWarning(lcKeys) << "loading keys failed:" << q.lastError().text();
        return keys;
    }
    while (q.next()) {
        KeyProfile p;
        p.id = q.value(0).toString();
        p.label = q.value(1).toString();
        p.hint = q.value(2).toString();
        p.isDefault = q.value(3).toInt() != 0;
        if (!q.value(4).isNull()) {
            p.credits = q.value(4).toLongLong();
        }
        p.creditsCheckedAt = timeFrom(q.value(5));
        p.health = keyHealthFromName(q.value(6).toString());
        p.healthDetail = q.value(7).toString();
        p.addedAt = timeFrom(q.value(8));
        keys.append(p);
    }
    return keys;
}

bool KeyProfileStore::save(const KeyProfile &p)
{
    if (!isOpen() || p.sessionOnly || p.id.isEmpty()) {
        return false;
    }
    QSqlQuery q(m_db.database());
    // An upsert keeps the rowid, and so the order of the list.
    q.prepare(QStringLiteral(
        "INSERT INTO keys (key_id, label, hint, is_default, credits, credits_checked, health,"
        " health_detail, added_at) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(key_id) DO UPDATE SET"
        " label=excluded.label, hint=excluded.hint, is_default=excluded.is_default,"
        " credits=excluded.credits, credits_checked=excluded.credits_checked,"
        " health=excluded.health, health_detail=excluded.health_detail,"
        " added_at=excluded.added_at"));
    q.addBindValue(p.id);
    q.addBindValue(p.label);
    q.addBindValue(textOrNull(p.hint));
    q.addBindValue(p.isDefault ? 1 : 0);
    q.addBindValue(p.credits ? QVariant(*p.credits) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(msOrNull(p.creditsCheckedAt));
    q.addBindValue(keyHealthName(p.health));
    q.addBindValue(textOrNull(p.healthDetail));
    q.addBindValue(msOrNull(p.addedAt));
    if (!q.exec()) {
        m_error = q.lastError().text();
        qCWarning(lcKeys) << "saving a key's metadata failed:" << m_error;
        return false;
    }
    return true;
}

bool KeyProfileStore::remove(const QString &keyId)
{
    if (!isOpen()) {
        return false;
    }
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM keys WHERE key_id=?"));
    q.addBindValue(keyId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool KeyProfileStore::setDefault(const QString &keyId)
{
    if (!isOpen()) {
        return false;
    }
    QSqlDatabase db = m_db.database();
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE keys SET is_default = (key_id = ?)"));
    q.addBindValue(keyId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        q.finish();
        db.rollback();
        return false;
    }
    q.finish();
    return db.commit();
}

QHash<QString, int> KeyProfileStore::taskCounts() const
{
    QHash<QString, int> counts;
    if (!isOpen()) {
        return counts;
    }
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral(
            "SELECT COALESCE(key_id, ''), COUNT(*) FROM tasks GROUP BY COALESCE(key_id, '')"))) {
        while (q.next()) {
            counts.insert(q.value(0).toString(), q.value(1).toInt());
        }
    }
    return counts;
}

} // namespace veo
