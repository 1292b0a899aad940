// Notifications through a real D-Bus session (the test run's private bus), with a fake
// org.freedesktop.Notifications service registered by the test.
#include "fakedesktop.h"
#include "notifier.h"

#include <QDBusConnection>
#include <QSignalSpy>
#include <QTest>

using namespace veo;
using veo::test::FakeNotifications;
using veo::test::repliesRead;

namespace {
// D-Bus round trips through the session bus: generous, the machine may be loaded.
constexpr int Timeout = 15000;
} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void notifyOffersActions();
    void actionsComeBackAsIntents();
    void foreignNotificationsIgnored();

private:
    void invoke(uint id, const QString &action);
    FakeNotifications m_service;
};

void TestNotifier::initTestCase()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY2(bus.isConnected(), "no session bus: run via tests/run-in-session.sh");
    QVERIFY(m_service.registerOn(bus));
}

void TestNotifier::invoke(uint id, const QString &action)
{
    QVERIFY(m_service.invokeAction(id, action));
}

void TestNotifier::notifyOffersActions()
{
    Notifier notifier;
    QVERIFY(notifier.hasNotificationService());
    notifier.notify(QStringLiteral("task_one_000001"), QStringLiteral("Render finished"),
                    QStringLiteral("A fox in the snow"), true, true);
    QTRY_COMPARE_WITH_TIMEOUT(m_service.calls.size(), 1, Timeout);
    const FakeNotifications::Call &c = m_service.calls.constLast();
    QCOMPARE(c.appName, QStringLiteral("Veo Tracker"));
    QCOMPARE(c.summary, QStringLiteral("Render finished"));
    QCOMPARE(c.body, QStringLiteral("A fox in the snow"));
    QCOMPARE(c.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral(VEO_APP_ID));
    QVERIFY(c.actions.contains(QStringLiteral("default")));
    QVERIFY(c.actions.contains(QStringLiteral("play")));
    QVERIFY(c.actions.contains(QStringLiteral("show-in-folder")));

    notifier.notify(QStringLiteral("task_two_000002"), QStringLiteral("Render failed"),
                    QStringLiteral("Content policy"), false, false);
    QTRY_COMPARE_WITH_TIMEOUT(m_service.calls.size(), 2, Timeout);
    QVERIFY(!m_service.calls.constLast().actions.contains(QStringLiteral("play")));
    QVERIFY(!m_service.calls.constLast().actions.contains(QStringLiteral("show-in-folder")));
}

void TestNotifier::actionsComeBackAsIntents()
{
    m_service.calls.clear();
    Notifier notifier;
    QSignalSpy activated(&notifier, &Notifier::activated);
    QSignalSpy play(&notifier, &Notifier::playRequested);
    QSignalSpy folder(&notifier, &Notifier::showInFolderRequested);
    notifier.notify(QStringLiteral("task_three_00003"), QStringLiteral("Done"), {}, true, true);
    QTRY_COMPARE_WITH_TIMEOUT(m_service.calls.size(), 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(repliesRead(notifier), Timeout); // the id comes with the reply
    const uint id = 101;
    invoke(id, QStringLiteral("play"));
    QTRY_COMPARE_WITH_TIMEOUT(play.size(), 1, Timeout);
    QCOMPARE(play.at(0).at(0).toString(), QStringLiteral("task_three_00003"));
    invoke(id, QStringLiteral("show-in-folder"));
    QTRY_COMPARE_WITH_TIMEOUT(folder.size(), 1, Timeout);
    invoke(id, QStringLiteral("default"));
    QTRY_COMPARE_WITH_TIMEOUT(activated.size(), 1, Timeout);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("task_three_00003"));
}

void TestNotifier::foreignNotificationsIgnored()
{
    m_service.calls.clear();
    Notifier notifier;
    QSignalSpy activated(&notifier, &Notifier::activated);
    notifier.notify(QStringLiteral("task_four_000004"), QStringLiteral("Done"), {}, false, false);
    QTRY_VERIFY_WITH_TIMEOUT(m_service.calls.size() == 1 && repliesRead(notifier), Timeout);
    invoke(4242, QStringLiteral("default")); // not ours
    // Signals arrive in order: when our own notification's click comes in, the other one
    // has been seen before it, however slow the bus. Had it been taken, it would be first.
    invoke(101, QStringLiteral("default"));
    QTRY_COMPARE_WITH_TIMEOUT(activated.size(), 1, Timeout);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("task_four_000004"));
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
