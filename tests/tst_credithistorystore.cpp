// CreditHistoryStore against a real SQLite file migrated by TaskStore: appending and reading a
// range, runs of equal readings collapsed to their ends, pruning, readings gone with their key,
// and a file of the previous schema version upgraded.
#include "credithistorystore.h"
#include "keyprofilestore.h"
#include "sqlfixture.h"
#include "taskstore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace veo;
using veo::test::execOn;

namespace {

const QDateTime T0(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC);

QDateTime minutes(int m)
{
    return T0.addSecs(qint64(m) * 60);
}

int rows(const QString &path, const QString &keyId)
{
    int n = -1;
    execOn(path,
           {QStringLiteral("SELECT COUNT(*) FROM credit_readings WHERE key_id='%1'").arg(keyId)},
           &n);
    return n;
}

KeyProfile profile(const QString &id)
{
    KeyProfile p;
    p.id = id;
    p.label = QStringLiteral("Key ") + id;
    return p;
}

} // namespace

class TestCreditHistoryStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void needsTheMigratedFile();
    void readsARangeWithTheReadingBeforeIt();
    void aRunOfEqualReadingsKeepsItsFirstAndLast();
    void collapsingChangesNeitherTheLineNorTheSpend();
    void eachKeyHasItsOwnRuns();
    void readingsSurviveAReopen();
    void pruneDropsOldReadings();
    void removingAKeyRemovesItsReadings();
    void upgradesAFileOfVersion8();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    TaskStore m_tasks;
    CreditHistoryStore m_store;
};

void TestCreditHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("tasks.sqlite"));
    QCOMPARE(m_tasks.open(m_path), TaskStore::OpenResult::Opened);
    QVERIFY2(m_store.open(m_path), qPrintable(m_store.errorString()));
}

void TestCreditHistoryStore::cleanup()
{
    m_store.close();
    m_tasks.close();
    m_dir.reset();
}

void TestCreditHistoryStore::needsTheMigratedFile()
{
    CreditHistoryStore store;
    QVERIFY(!store.open(m_dir->filePath(QStringLiteral("other.sqlite"))));
    QVERIFY(!store.errorString().isEmpty());
    QVERIFY(!store.isOpen());
    QVERIFY(!store.append(QStringLiteral("k"), {T0, 1}));
    QVERIFY(store.readings(QStringLiteral("k"), T0, T0).isEmpty());
    QCOMPARE(store.prune(T0), -1);
}

void TestCreditHistoryStore::readsARangeWithTheReadingBeforeIt()
{
    const QString key = QStringLiteral("k1");
    for (int i = 0; i < 5; ++i) {
        QVERIFY(m_store.append(key, {minutes(i * 60), 1000 - i * 10}));
    }
    // 08:00 1000, 09:00 990, 10:00 980, 11:00 970, 12:00 960
    const QList<CreditReading> expected{
        {minutes(60), 990}, {minutes(120), 980}, {minutes(180), 970}};
    QCOMPARE(m_store.readings(key, minutes(90), minutes(180)), expected);
    QCOMPARE(m_store.readings(key, minutes(60), minutes(120)),
             (QList<CreditReading>{{T0, 1000}, {minutes(60), 990}, {minutes(120), 980}}));
    QCOMPARE(m_store.readings(key, minutes(600), minutes(700)),
             (QList<CreditReading>{{minutes(240), 960}}));
    QVERIFY(m_store.readings(key, minutes(-100), minutes(-10)).isEmpty());
    QVERIFY(m_store.readings(QStringLiteral("other"), T0, minutes(700)).isEmpty());
}

void TestCreditHistoryStore::aRunOfEqualReadingsKeepsItsFirstAndLast()
{
    const QString key = QStringLiteral("k1");
    // Every 10 minutes: 1000 six times, then 900 three times, then 1000 once.
    for (int i = 0; i < 6; ++i) {
        QVERIFY(m_store.append(key, {minutes(i * 10), 1000}));
    }
    QCOMPARE(rows(m_path, key), 2);
    for (int i = 6; i < 9; ++i) {
        QVERIFY(m_store.append(key, {minutes(i * 10), 900}));
    }
    QVERIFY(m_store.append(key, {minutes(90), 1000}));
    QCOMPARE(rows(m_path, key), 5);
    const QList<CreditReading> expected{{T0, 1000},
                                        {minutes(50), 1000},
                                        {minutes(60), 900},
                                        {minutes(80), 900},
                                        {minutes(90), 1000}};
    QCOMPARE(m_store.readings(key, T0, minutes(100)), expected);

    // A reading older than the run's end (the clock went back) never moves the end back.
    QVERIFY(m_store.append(key, {minutes(100), 1000}));
    QVERIFY(m_store.append(key, {minutes(95), 1000}));
    const QList<CreditReading> kept = m_store.readings(key, T0, minutes(100));
    QCOMPARE(kept.size(), 7);
    QCOMPARE(kept.last(), (CreditReading{minutes(100), 1000}));
}

void TestCreditHistoryStore::collapsingChangesNeitherTheLineNorTheSpend()
{
    // A day and a half of readings every 10 minutes, with spending now and then.
    const QString key = QStringLiteral("k1");
    QList<CreditReading> all;
    qint64 balance = 5000;
    for (int i = 0; i < 216; ++i) {
        if (i % 17 == 0) {
            balance -= 40;
        }
        if (i == 100) {
            balance += 1000; // a top-up
        }
        all.append({minutes(i * 10), balance});
        QVERIFY(m_store.append(key, all.last()));
    }
    QVERIFY(rows(m_path, key) < 40);
    const QList<CreditReading> kept = m_store.readings(key, T0, minutes(216 * 10));
    const QTimeZone zone(QByteArray("Asia/Shanghai"));
    const QDate first = T0.toTimeZone(zone).date();
    QCOMPARE(spendPerDay(kept, first, first.addDays(2), zone),
             spendPerDay(all, first, first.addDays(2), zone));
    // Every reading's balance is on the line: the kept points bracket it with equal values.
    for (const CreditReading &r : all) {
        const auto after = std::find_if(kept.cbegin(), kept.cend(),
                                        [&r](const CreditReading &k) { return k.at >= r.at; });
        QVERIFY(after != kept.cend());
        QCOMPARE(after->balance, r.balance);
    }
}

void TestCreditHistoryStore::eachKeyHasItsOwnRuns()
{
    for (int i = 0; i < 4; ++i) {
        QVERIFY(m_store.append(QStringLiteral("a"), {minutes(i), 10}));
        QVERIFY(m_store.append(QStringLiteral("b"), {minutes(i), 10}));
    }
    QCOMPARE(rows(m_path, QStringLiteral("a")), 2);
    QCOMPARE(rows(m_path, QStringLiteral("b")), 2);
    QCOMPARE(m_store.readings(QStringLiteral("b"), T0, minutes(10)),
             (QList<CreditReading>{{T0, 10}, {minutes(3), 10}}));
}

void TestCreditHistoryStore::readingsSurviveAReopen()
{
    QVERIFY(m_store.append(QStringLiteral("k"), {T0, 42}));
    m_store.close();
    m_tasks.close();
    QCOMPARE(m_tasks.open(m_path), TaskStore::OpenResult::Opened);
    CreditHistoryStore again;
    QVERIFY(again.open(m_path));
    QCOMPARE(again.readings(QStringLiteral("k"), T0, T0), (QList<CreditReading>{{T0, 42}}));
}

void TestCreditHistoryStore::pruneDropsOldReadings()
{
    const QDateTime now = T0;
    const QDateTime keepFrom = now.addDays(-CreditHistoryStore::KeepDays);
    QVERIFY(m_store.append(QStringLiteral("a"), {keepFrom.addDays(-30), 3000}));
    QVERIFY(m_store.append(QStringLiteral("a"), {keepFrom.addSecs(-1), 2000}));
    QVERIFY(m_store.append(QStringLiteral("a"), {keepFrom, 1500}));
    QVERIFY(m_store.append(QStringLiteral("a"), {now, 1000}));
    QVERIFY(m_store.append(QStringLiteral("b"), {keepFrom.addDays(-1), 7}));
    QCOMPARE(m_store.prune(keepFrom), 3);
    QCOMPARE(m_store.readings(QStringLiteral("a"), keepFrom.addDays(-100), now),
             (QList<CreditReading>{{keepFrom, 1500}, {now, 1000}}));
    QVERIFY(m_store.readings(QStringLiteral("b"), keepFrom.addDays(-100), now).isEmpty());
    QCOMPARE(m_store.prune(keepFrom), 0);
}

void TestCreditHistoryStore::removingAKeyRemovesItsReadings()
{
    KeyProfileStore keys;
    QVERIFY(keys.open(m_path));
    QVERIFY(keys.save(profile(QStringLiteral("a"))));
    QVERIFY(keys.save(profile(QStringLiteral("b"))));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(m_store.append(QStringLiteral("a"), {minutes(i), 100 - i}));
        QVERIFY(m_store.append(QStringLiteral("b"), {minutes(i), 200 - i}));
    }
    // Saving a profile again (an upsert) is no removal.
    KeyProfile renamed = profile(QStringLiteral("a"));
    renamed.label = QStringLiteral("Renamed");
    QVERIFY(keys.save(renamed));
    QCOMPARE(rows(m_path, QStringLiteral("a")), 3);

    QVERIFY(keys.remove(QStringLiteral("a")));
    QCOMPARE(rows(m_path, QStringLiteral("a")), 0);
    QCOMPARE(m_store.readings(QStringLiteral("b"), T0, minutes(5)).size(), 3);
}

void TestCreditHistoryStore::upgradesAFileOfVersion8()
{
    // A file as version 8 left it: a key and a task, no credit readings table.
    {
        KeyProfileStore keys;
        QVERIFY(keys.open(m_path));
        QVERIFY(keys.save(profile(QStringLiteral("a"))));
    }
    m_store.close();
    m_tasks.close();
    QVERIFY(execOn(m_path, {QStringLiteral("DROP TRIGGER keys_forget_readings"),
                            QStringLiteral("DROP TABLE credit_readings"),
                            QStringLiteral("PRAGMA user_version = 8")}));
    QVERIFY(!m_store.open(m_path)); // not migrated yet: the store does not start a table

    QCOMPARE(m_tasks.open(m_path), TaskStore::OpenResult::Opened);
    QVERIFY(m_tasks.message().isEmpty());
    QCOMPARE(TaskStore::schemaVersion(), 9);
    QVERIFY2(m_store.open(m_path), qPrintable(m_store.errorString()));
    QVERIFY(m_store.readings(QStringLiteral("a"), T0, minutes(10)).isEmpty());
    QVERIFY(m_store.append(QStringLiteral("a"), {T0, 5}));
    KeyProfileStore keys;
    QVERIFY(keys.open(m_path));
    QCOMPARE(keys.loadAll().size(), 1);
    QVERIFY(keys.remove(QStringLiteral("a")));
    QCOMPARE(rows(m_path, QStringLiteral("a")), 0);
}

QTEST_GUILESS_MAIN(TestCreditHistoryStore)
#include "tst_credithistorystore.moc"
