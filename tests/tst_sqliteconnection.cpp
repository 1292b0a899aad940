#include "sqliteconnection.h"
#include "taskstore.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace veo;

namespace {

const QString KeysProbe = QStringLiteral("SELECT key_id FROM keys LIMIT 0");

int keyCount(const SqliteConnection &connection)
{
    QSqlQuery q(connection.database());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM keys")) && q.next() ? q.value(0).toInt()
                                                                           : -1;
}

} // namespace

class TestSqliteConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = m_dir->filePath(QStringLiteral("tasks.sqlite"));
        TaskStore tasks; // creates and migrates the file, then lets go of it
        QCOMPARE(tasks.open(m_path), TaskStore::OpenResult::Opened);
    }
    void cleanup() { m_dir.reset(); }

    void opensMigratedFile()
    {
        SqliteConnection connection(QStringLiteral("test"));
        QVERIFY(!connection.isOpen());
        QVERIFY(!connection.database().isValid());
        QVERIFY2(connection.open(m_path, KeysProbe), qPrintable(connection.errorString()));
        QVERIFY(connection.isOpen());
        QVERIFY(connection.errorString().isEmpty());
        QCOMPARE(connection.database().databaseName(), m_path);
        QCOMPARE(connection.database().connectOptions(),
                 QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        QCOMPARE(keyCount(connection), 0);

        connection.close();
        QVERIFY(!connection.isOpen());
        QVERIFY(connection.open(m_path, KeysProbe)); // again, under the same name
        QCOMPARE(keyCount(connection), 0);
    }

    void refusesMissingFile()
    {
        const QStringList before = QSqlDatabase::connectionNames();
        const QString missing = m_dir->filePath(QStringLiteral("missing.sqlite"));
        SqliteConnection connection(QStringLiteral("test"));
        QVERIFY(!connection.open(missing, KeysProbe));
        QVERIFY(!connection.isOpen());
        QVERIFY2(connection.errorString().contains(QDir::toNativeSeparators(missing)),
                 qPrintable(connection.errorString()));
        QVERIFY(!QFile::exists(missing)); // no empty database left behind
        QCOMPARE(QSqlDatabase::connectionNames(), before);
    }

    void refusesFileWithoutSchema_data()
    {
        QTest::addColumn<bool>("migrated");
        QTest::addColumn<QByteArray>("contents"); // what replaces the file unless migrated
        QTest::addColumn<QString>("probe");
        QTest::newRow("empty file") << false << QByteArray() << KeysProbe;
        QTest::newRow("not a database") << false << QByteArray("not a database\n") << KeysProbe;
        QTest::newRow("table missing")
            << true << QByteArray() << QStringLiteral("SELECT id FROM elsewhere LIMIT 0");
    }
    void refusesFileWithoutSchema()
    {
        QFETCH(bool, migrated);
        QFETCH(QByteArray, contents);
        QFETCH(QString, probe);
        if (!migrated) {
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(contents), contents.size());
        }
        const QStringList before = QSqlDatabase::connectionNames();
        SqliteConnection connection(QStringLiteral("test"));
        QVERIFY(!connection.open(m_path, probe));
        QVERIFY(!connection.isOpen());
        QVERIFY(!connection.database().isValid());
        const QString error = connection.errorString();
        QVERIFY2(error.contains(QDir::toNativeSeparators(m_path)) &&
                     error.contains(QLatin1String("expected schema")),
                 qPrintable(error));
        QCOMPARE(QSqlDatabase::connectionNames(), before);
    }

    void twoConnectionsToOneFile()
    {
        SqliteConnection first(QStringLiteral("test"));
        SqliteConnection second(QStringLiteral("test"));
        QVERIFY(first.open(m_path, KeysProbe));
        QVERIFY(second.open(m_path, KeysProbe));
        QVERIFY(first.database().connectionName() != second.database().connectionName());

        QSqlQuery insert(first.database());
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO keys (key_id, label) VALUES ('k', 'K')")));
        QCOMPARE(keyCount(second), 1);

        first.close();
        QVERIFY(second.isOpen());
        QCOMPARE(keyCount(second), 1);
    }

    void destructionRemovesConnection()
    {
        std::optional<SqliteConnection> connection;
        connection.emplace(QStringLiteral("test"));
        QVERIFY(connection->open(m_path, KeysProbe));
        const QString name = connection->database().connectionName();
        QVERIFY(QSqlDatabase::connectionNames().contains(name));
        connection.reset();
        QVERIFY(!QSqlDatabase::connectionNames().contains(name));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestSqliteConnection)
#include "tst_sqliteconnection.moc"
