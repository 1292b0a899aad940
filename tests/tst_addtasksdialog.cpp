// AddTasksDialog offscreen: the key choice (default preselected, "Try all keys" last, hidden
// without keys) and the ID parsing it always did.
#include "addtasksdialog.h"
#include "keyring.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <algorithm>

using namespace veo;

namespace {

KeyProfile profile(const QString &id, const QString &label, const QString &hint,
                   bool isDefault = false)
{
    KeyProfile p;
    p.id = id;
    p.label = label;
    p.hint = hint;
    p.isDefault = isDefault;
    return p;
}

QList<KeyProfile> threeKeys()
{
    return {
        profile(QStringLiteral("k-personal"), QStringLiteral("Personal"), QStringLiteral("aaaa")),
        profile(QStringLiteral("k-client"), QStringLiteral("Client A"), QStringLiteral("bbbb"),
                true),
        profile(QStringLiteral("k-spare"), QStringLiteral("Spare"), QString())};
}

QComboBox *keyCombo(AddTasksDialog &dialog)
{
    return dialog.findChild<QComboBox *>(QStringLiteral("keyCombo"));
}

QPushButton *addButton(AddTasksDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestAddTasksDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultKeyIsPreselectedAndMarked();
    void choosingAKeyOrTryAll();
    void noKeyHidesTheChoice();
    void oneKeyIsShownWithoutAChoice();
    void sessionKeyIsTheDefaultNotAStoredId();
    void idsParseAsBefore();
};

void TestAddTasksDialog::defaultKeyIsPreselectedAndMarked()
{
    AddTasksDialog dialog;
    dialog.setKeys(threeKeys(), QStringLiteral("k-client"));
    dialog.show();
    QComboBox *combo = keyCombo(dialog);
    QVERIFY(combo);
    QVERIFY(combo->isVisible());
    QVERIFY(combo->isEnabled());
    QCOMPARE(combo->count(), 4);
    QCOMPARE(combo->currentIndex(), 1);
    QCOMPARE(combo->itemText(0), QStringLiteral("Personal (…aaaa)"));
    QCOMPARE(combo->itemText(1), QStringLiteral("Client A (…bbbb) — default"));
    QCOMPARE(combo->itemText(2), QStringLiteral("Spare")); // no hint for a short secret
    QCOMPARE(combo->itemText(3), QStringLiteral("Try all keys"));
    QCOMPARE(dialog.keyChoice(), (KeyChoice{false, QStringLiteral("k-client")}));
    QVERIFY(!combo->accessibleName().isEmpty());
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    const auto label = std::find_if(labels.cbegin(), labels.cend(),
                                    [combo](QLabel *l) { return l->buddy() == combo; });
    QVERIFY(label != labels.cend());
    QVERIFY((*label)->isVisible());
}

void TestAddTasksDialog::choosingAKeyOrTryAll()
{
    AddTasksDialog dialog;
    dialog.setKeys(threeKeys(), QStringLiteral("k-client"));
    QComboBox *combo = keyCombo(dialog);
    combo->setCurrentIndex(0);
    QCOMPARE(dialog.keyChoice(), (KeyChoice{false, QStringLiteral("k-personal")}));
    combo->setCurrentIndex(3);
    QCOMPARE(dialog.keyChoice(), (KeyChoice{true, QString()}));
    // A language change rebuilds the texts but keeps the choice.
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&dialog, &change);
    QCOMPARE(combo->count(), 4);
    QCOMPARE(dialog.keyChoice(), (KeyChoice{true, QString()}));
}

void TestAddTasksDialog::noKeyHidesTheChoice()
{
    AddTasksDialog dialog;
    dialog.setKeys({}, QString());
    dialog.show();
    QComboBox *combo = keyCombo(dialog);
    QVERIFY(!combo->isVisible());
    QCOMPARE(dialog.keyChoice(), KeyChoice{}); // the default key, whenever there is one
    // Without setKeys() at all (callers that do not know about keys) it is hidden too.
    AddTasksDialog plain;
    plain.show();
    QVERIFY(!keyCombo(plain)->isVisible());
    QCOMPARE(plain.keyChoice(), KeyChoice{});
}

void TestAddTasksDialog::oneKeyIsShownWithoutAChoice()
{
    AddTasksDialog dialog;
    dialog.setKeys(
        {profile(QStringLiteral("k-only"), QStringLiteral("Mine"), QStringLiteral("zzzz"), true)},
        QStringLiteral("k-only"));
    dialog.show();
    QComboBox *combo = keyCombo(dialog);
    QVERIFY(combo->isVisible());
    QVERIFY(!combo->isEnabled());
    QCOMPARE(combo->count(), 1); // no "Try all keys" with a single key
    QCOMPARE(combo->itemText(0), QStringLiteral("Mine (…zzzz) — default"));
    QCOMPARE(dialog.keyChoice(), (KeyChoice{false, QStringLiteral("k-only")}));
}

void TestAddTasksDialog::sessionKeyIsTheDefaultNotAStoredId()
{
    AddTasksDialog dialog;
    QList<KeyProfile> keys = threeKeys();
    keys.prepend(profile(KeyRing::SessionKeyId, QStringLiteral("Session key"),
                         QStringLiteral("ssss"), true));
    dialog.setKeys(keys, KeyRing::SessionKeyId);
    QCOMPARE(keyCombo(dialog)->currentIndex(), 0);
    // A task bound to "session" would have no key in the next run.
    QCOMPARE(dialog.keyChoice(), KeyChoice{});
    keyCombo(dialog)->setCurrentIndex(2);
    QCOMPARE(dialog.keyChoice(), (KeyChoice{false, QStringLiteral("k-client")}));
}

void TestAddTasksDialog::idsParseAsBefore()
{
    AddTasksDialog dialog;
    dialog.setKeys(threeKeys(), QStringLiteral("k-client"));
    QVERIFY(!addButton(dialog)->isEnabled());
    dialog.setText(QStringLiteral("veo_task_abcdef123456, veo_task_abcdef123456\n"
                                  "https://kie.ai/x?taskId=7f3e0a1b2c3d4e5f9a8b\n"
                                  "no"));
    QCOMPARE(dialog.taskIds(), (QStringList{QStringLiteral("veo_task_abcdef123456"),
                                            QStringLiteral("7f3e0a1b2c3d4e5f9a8b")}));
    QVERIFY(addButton(dialog)->isEnabled());
    // No translator is loaded: the source texts, %n filled in.
    const QString summary = [&dialog] {
        QStringList texts;
        for (QLabel *l : dialog.findChildren<QLabel *>()) {
            texts << l->text();
        }
        return texts.join(QLatin1Char('\n'));
    }();
    QVERIFY2(summary.contains(QStringLiteral("2 task ID(s) ready to add.")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("1 repeated ID(s) will be added once.")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("not task IDs and will be skipped: no")),
             qPrintable(summary));
    // Editing the IDs leaves the key choice alone.
    QCOMPARE(dialog.keyChoice(), (KeyChoice{false, QStringLiteral("k-client")}));
}

QTEST_MAIN(TestAddTasksDialog)
#include "tst_addtasksdialog.moc"
