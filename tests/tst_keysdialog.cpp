// KeysDialog offscreen: adding checks the key first, hold-to-reveal, rename, set default.
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
} // namespace

class TestKeysDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addRefusedUncheckedAndValid();
    void renameAndDefaultInTheTable();
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
    int added = 0;
    for (const QString &l : {QStringLiteral("A"), QStringLiteral("B")}) {
        keys.addKey(l, QStringLiteral("secret-for-") + l + QStringLiteral("-xyz"), KeyHealth::Ok,
                    {}, this, [&](const TokenResult &, const QString &) { ++added; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(added, 2, 15000);
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

QTEST_MAIN(TestKeysDialog)
#include "tst_keysdialog.moc"
