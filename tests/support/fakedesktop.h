#pragma once

// Fakes of the desktop's D-Bus services the app talks to, registered by a test on the test
// run's private session bus (tests/run-in-session.sh): org.freedesktop.Notifications and
// org.freedesktop.FileManager1. They record the calls they receive.

#include <QDBusConnection>
#include <QDBusPendingCallWatcher>
#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <functional>

namespace veo::test {

// Whether the caller (e.g. the app's Notifier) has read every answer to its asynchronous
// calls: it deletes each QDBusPendingCallWatcher child when the reply arrives. A notification
// is known to the app (its id) only then; an action invoked before is not the app's yet.
inline bool repliesRead(const QObject &caller)
{
    return caller.findChildren<QDBusPendingCallWatcher *>().isEmpty();
}

class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString appName, icon, summary, body;
        QStringList actions; // pairs: key, shown text
        QVariantMap hints;
        uint id = 0; // what Notify answered: 100 + the number of calls so far
    };
    QList<Call> calls;
    // Runs for each call before Notify answers, e.g. to record what the app had done by then.
    std::function<void(const Call &)> onNotify;

    // Exports this object and takes the service name; false when either fails (no bus?).
    bool registerOn(QDBusConnection bus);
    // Emits ActionInvoked(id, action), as the desktop does when the user clicks.
    bool invokeAction(uint id, const QString &action);

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &icon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int timeout);
};

class FakeFileManager : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.FileManager1")

public:
    QList<QStringList> shownItems; // the URIs of each ShowItems call

    bool registerOn(QDBusConnection bus);

public Q_SLOTS:
    void ShowItems(const QStringList &uris, const QString &startupId);
};

} // namespace veo::test
