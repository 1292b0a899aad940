// KeysDialog offscreen: adding checks the key first, hold-to-reveal, rename, set default, the
// selected key's balance chart.
#include "creditchart.h"
#include "creditsmonitor.h"
#include "fakekieserver.h"
#include "keyring.h"
#include "keysdialog.h"
#include "kieclient.h"
#include "memorytokenstore.h"
#include "requestscheduler.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <memory>

using namespace veo;

namespace {
const QString Good = QStringLiteral("sk-good-dialog-1234");

QPushButton *button(QWidget &w, const QString &text)
{
    for (QPushButton *b : w.findChildren<QPushButton *>()) {
        if (b->text().remove(QLatin1Char('&')) == text) {
            return b;
        }
    }
    return nullptr;
}

// Two stored keys, "A" (the default, the first added) and "B".
bool addKeysAAndB(KeyRing &keys)
{
    int added = 0;
    QObject context;
    for (const QString &l : {QStringLiteral("A"), QStringLiteral("B")}) {
        keys.addKey(l, QStringLiteral("secret-for-") + l + QStringLiteral("-xyz"), KeyHealth::Ok,
                    {}, &context, [&added](const TokenResult &, const QString &) { ++added; });
    }
    return QTest::qWaitFor([&added] { return added == 2; }, 15000);
}
} // namespace

class TestKeysDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addRefusedUncheckedAndValid();
    void renameAndDefaultInTheTable();
    void theSelectedKeysReadingsAreCharted();
};

void TestKeysDialog::addRefusedUncheckedAndValid()
{
    FakeKieServer server;
    QVERIFY(server.listen());
    server.setValidKeys({Good});
    server.setCredits(Good, 77);
    KieClient client(server.baseUrl());
    MemoryTokenStore store;
    KeyRing keys(&store);
    RequestScheduler requests(&client, [&keys](const QString &id) { return keys.token(id); });
    requests.setFollowSystemNetwork(false);
    CreditsMonitor monitor(&requests, &keys);
    KeysDialog dialog(&keys, &monitor);
    dialog.show();
    dialog.showAddPage();
    auto edits = dialog.findChildren<QLineEdit *>();
    QLineEdit *secret = nullptr, *label = nullptr;
    for (QLineEdit *e : edits) {
        (e->echoMode() == QLineEdit::Password ? secret : label) = e;
    }
    QVERIFY(secret && label);
    QToolButton *reveal = dialog.findChild<QToolButton *>();
    QTest::mousePress(reveal, Qt::LeftButton);
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    QTest::mouseRelease(reveal, Qt::LeftButton);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);

    // 1. A key KIE refuses: nothing is saved.
    label->setText(QStringLiteral("Wrong"));
    secret->setText(QStringLiteral("sk-wrong-key-0000"));
    button(dialog, QStringLiteral("Check and Save"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(label->isEnabled(), 15000);
    QVERIFY(keys.profiles().isEmpty());
    QVERIFY(!button(dialog, QStringLiteral("Save Anyway"))->isVisible());

    // 2. KIE unreachable: "Save Anyway" stores it, marked as not checked.
    server.setRouteScript(
        "/api/v1/chat/credit",
        {FakeKieServer::Response{0, {}, {}, 0, FakeKieServer::Response::Fault::DropConnection, 0}});
    label->setText(QStringLiteral("Offline"));
    secret->setText(QStringLiteral("sk-offline-key-5555"));
    button(dialog, QStringLiteral("Check and Save"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(button(dialog, QStringLiteral("Save Anyway"))->isVisible(), 15000);
    button(dialog, QStringLiteral("Save Anyway"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(keys.profiles().size(), 1, 15000);
    QCOMPARE(keys.profiles().at(0).health, KeyHealth::Unchecked);
    QCOMPARE(dialog.table()->rowCount(), 1);

    // 3. A valid key is saved with its credits.
    server.setRouteScript("/api/v1/chat/credit", {});
    dialog.showAddPage();
    label->setText(QStringLiteral("Good"));
    secret->setText(Good);
    button(dialog, QStringLiteral("Check and Save"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(keys.profiles().size(), 2, 15000);
    QCOMPARE(keys.profiles().at(1).credits, std::optional<qint64>(77));
    QVERIFY(secret->text().isEmpty()); // not left in the widget
    QCOMPARE(dialog.table()->item(1, KeysDialog::HintColumn)->text(), QStringLiteral("…1234"));
    QCOMPARE(dialog.table()->item(1, KeysDialog::CreditsColumn)->text(), QStringLiteral("77"));
}

void TestKeysDialog::renameAndDefaultInTheTable()
{
    MemoryTokenStore store;
    KeyRing keys(&store);
    QVERIFY(addKeysAAndB(keys));
    KeysDialog dialog(&keys, nullptr);
    dialog.setTaskCounter([] { return QHash<QString, int>{{QString(), 3}}; });
    dialog.show();
    QTableWidget *t = dialog.table();
    QCOMPARE(t->rowCount(), 2);
    QCOMPARE(t->item(0, KeysDialog::TasksColumn)->text(), QStringLiteral("3")); // default's
    QVERIFY(!t->item(0, KeysDialog::DefaultColumn)->text().isEmpty());
    t->item(1, KeysDialog::LabelColumn)->setText(QStringLiteral("Client B"));
    QCOMPARE(keys.profiles().at(1).label, QStringLiteral("Client B"));
    t->setCurrentCell(1, 0);
    button(dialog, QStringLiteral("Set as Default"))->click();
    QCOMPARE(keys.defaultKeyId(), keys.profiles().at(1).id);
    QVERIFY(!t->item(1, KeysDialog::DefaultColumn)->text().isEmpty());
}

void TestKeysDialog::theSelectedKeysReadingsAreCharted()
{
    MemoryTokenStore store;
    KeyRing keys(&store);
    QVERIFY(addKeysAAndB(keys));
    const QString a = keys.profiles().at(0).id;
    // Key A: spending, a top-up, more spending over the last three days; B: nothing read yet.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<CreditReading> readings{{now.addSecs(-50 * 3600), 1000},
                                  {now.addSecs(-49 * 3600), 900},
                                  {now.addSecs(-26 * 3600), 1500},
                                  {now.addSecs(-25 * 3600), 1400},
                                  {now.addSecs(-3600), 1300}};
    QList<QString> asked;
    KeysDialog dialog(&keys, nullptr);
    dialog.setCreditHistory([&](const QString &keyId, const QDateTime &from, const QDateTime &to) {
        asked << keyId;
        QList<CreditReading> in;
        for (const CreditReading &r : readings) {
            if (keyId == a && r.at >= from.addDays(-1) && r.at <= to) {
                in << r;
            }
        }
        return in;
    });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    CreditChart *chart = dialog.creditChart();
    QVERIFY(chart->isVisible());
    QVERIFY(chart->isEmpty());
    QVERIFY(chart->message().contains(QStringLiteral("Select a key")));

    dialog.table()->setCurrentCell(0, 0);
    QCOMPARE(asked.last(), a);
    QVERIFY(!chart->isEmpty());
    QVERIFY(chart->message().isEmpty());
    QCOMPARE(chart->line(), readings); // every reading is in the last 30 days
    const QList<CreditDay> &days = chart->days();
    QCOMPARE(days.size(), CreditChart::Days);
    QCOMPARE(days.last().date, QDate::currentDate());
    qint64 spent = 0, toppedUp = 0;
    QSet<QDate> known, read;
    for (const CreditDay &d : days) {
        spent += d.spent;
        toppedUp += d.toppedUp;
        if (d.known) {
            known.insert(d.date);
        }
    }
    for (const CreditReading &r : readings) {
        read.insert(r.at.toLocalTime().date());
    }
    QCOMPARE(spent, qint64(300));
    QCOMPARE(toppedUp, qint64(600));
    QCOMPARE(known, read); // every balance changed between the days read

    // Hovering the day of the last reading reads it out.
    const QDate lastDay = readings.last().at.toLocalTime().date();
    const int index = int(days.size()) - 1 - int(lastDay.daysTo(QDate::currentDate()));
    QCOMPARE(days.at(index).date, lastDay);
    const int y = chart->height() / 2;
    int x = 0;
    while (x < chart->width() && chart->dayAt(QPoint(x, y)) != index) {
        ++x;
    }
    QVERIFY(x < chart->width());
    QTest::mouseMove(chart, QPoint(x, y));
    QTRY_COMPARE(chart->currentDay(), index);
    const QString balance =
        QStringLiteral("Last balance read: %1 credits").arg(QLocale().toString(1300));
    QVERIFY2(chart->readout().contains(balance), qPrintable(chart->readout()));
    QCOMPARE(chart->dayAt(QPoint(x, 1)), -1); // the readout line is no day
    QTest::keyClick(chart, Qt::Key_Home);
    QCOMPARE(chart->currentDay(), 0);
    QVERIFY(chart->readout().contains(QStringLiteral("No balance readings this day")));

    // A new reading shows once the key's check is recorded.
    readings.append({QDateTime::currentDateTimeUtc(), 1250});
    keys.recordCheck(a, ApiError{}, 1250);
    QCOMPARE(chart->line().last().balance, qint64(1250));

    // A key without readings: the empty state says when readings come.
    dialog.table()->setCurrentCell(1, 0);
    QVERIFY(chart->isEmpty());
    QVERIFY(chart->message().contains(QStringLiteral("read every 10 minutes")));
    chart->grab(); // paints without readings, too
}

QTEST_MAIN(TestKeysDialog)
#include "tst_keysdialog.moc"
