#pragma once

// Hand-made database fixtures: SQL run on a file through a short-lived connection of its own.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace veo::test {

// Runs the statements in order, stopping at the first that fails; true when all ran. With
// firstValue, the last statement's first column of its first row is read into it.
inline bool execOn(const QString &path, const QStringList &statements, int *firstValue = nullptr)
{
    const QString name = QStringLiteral("fixture");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            ok = ok && q.exec(sql);
        }
        if (ok && firstValue && q.next()) {
            *firstValue = q.value(0).toInt();
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace veo::test
