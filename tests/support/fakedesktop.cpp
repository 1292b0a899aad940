#include "fakedesktop.h"

#include <QDBusMessage>

namespace veo::test {

namespace {
const QString NotificationsName = QStringLiteral("org.freedesktop.Notifications");
const QString NotificationsPath = QStringLiteral("/org/freedesktop/Notifications");
const QString FileManagerName = QStringLiteral("org.freedesktop.FileManager1");
const QString FileManagerPath = QStringLiteral("/org/freedesktop/FileManager1");
} // namespace

bool FakeNotifications::registerOn(QDBusConnection bus)
{
    return bus.isConnected() &&
           bus.registerObject(NotificationsPath, this, QDBusConnection::ExportAllSlots) &&
           bus.registerService(NotificationsName);
}

bool FakeNotifications::invokeAction(uint id, const QString &action)
{
    QDBusMessage signal = QDBusMessage::createSignal(NotificationsPath, NotificationsName,
                                                     QStringLiteral("ActionInvoked"));
    signal << id << action;
    return QDBusConnection::sessionBus().send(signal);
}

uint FakeNotifications::Notify(const QString &appName, uint replacesId, const QString &icon,
                               const QString &summary, const QString &body,
                               const QStringList &actions, const QVariantMap &hints, int timeout)
{
    Q_UNUSED(replacesId)
    Q_UNUSED(timeout)
    const Call call{appName, icon, summary, body, actions, hints, uint(100 + calls.size() + 1)};
    if (onNotify) {
        onNotify(call);
    }
    calls.append(call);
    return call.id;
}

bool FakeFileManager::registerOn(QDBusConnection bus)
{
    return bus.isConnected() &&
           bus.registerObject(FileManagerPath, this, QDBusConnection::ExportAllSlots) &&
           bus.registerService(FileManagerName);
}

void FakeFileManager::ShowItems(const QStringList &uris, const QString &startupId)
{
    Q_UNUSED(startupId)
    shownItems.append(uris);
}

} // namespace veo::test
