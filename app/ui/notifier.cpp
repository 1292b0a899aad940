#include "notifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSystemTrayIcon>

namespace veo {

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
const QString DefaultAction = QStringLiteral("default");
const QString PlayAction = QStringLiteral("play");
const QString FolderAction = QStringLiteral("show-in-folder");
} // namespace

Notifier::Notifier(QObject *parent) : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this,
                    SLOT(onNotificationClosed(uint, uint)));
    }
}

Notifier::~Notifier() = default;

void Notifier::notifyFinished(const TaskRecord &task, bool success, bool hasLocalFile)
{
    const QString prompt = task.prompt.section(QLatin1Char('\n'), 0, 0).left(120);
    QString body = prompt.isEmpty() ? task.taskId : prompt;
    if (!success) {
        body += QLatin1Char('\n') + (task.errorMessage.isEmpty()
                                         ? statusText(task.status, task.successFlag)
                                         : task.errorMessage);
    }
    notify(task.taskId, success ? tr("Video ready") : tr("Render failed"), body, success,
           hasLocalFile);
}

bool Notifier::hasNotificationService() const
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface() &&
           bus.interface()->isServiceRegistered(Service).value();
}

void Notifier::notify(const QString &taskId, const QString &title, const QString &body,
                      bool playable, bool hasLocalFile)
{
    if (!hasNotificationService()) {
        if (m_tray && m_tray->isVisible()) {
            m_lastTrayTask = taskId;
            m_tray->showMessage(title, body, QSystemTrayIcon::Information, 10000);
            connect(
                m_tray, &QSystemTrayIcon::messageClicked, this,
                [this] { Q_EMIT activated(m_lastTrayTask); }, Qt::UniqueConnection);
        }
        return;
    }
    QStringList actions{DefaultAction, tr("Show")};
    if (playable) {
        actions << PlayAction << tr("Play");
    }
    if (hasLocalFile) {
        actions << FolderAction << tr("Show in Folder");
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    const QVariantMap hints{{QStringLiteral("desktop-entry"), QStringLiteral(VEO_APP_ID)},
                            {QStringLiteral("category"), QStringLiteral("transfer.complete")}};
    call << QStringLiteral("Veo Tracker") << uint(0) << QStringLiteral(VEO_APP_ID) << title << body
         << actions << hints << int(-1);
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, taskId](QDBusPendingCallWatcher *w) {
                const QDBusPendingReply<uint> reply = *w;
                if (!reply.isError()) {
                    m_taskById.insert(reply.value(), taskId);
                }
                w->deleteLater();
            });
}

void Notifier::onActionInvoked(uint id, const QString &action)
{
    const QString taskId = m_taskById.value(id);
    if (taskId.isEmpty()) {
        return; // another application's notification
    }
    if (action == PlayAction) {
        Q_EMIT playRequested(taskId);
    } else if (action == FolderAction) {
        Q_EMIT showInFolderRequested(taskId);
    } else {
        Q_EMIT activated(taskId);
    }
}

void Notifier::onNotificationClosed(uint id, uint /*reason*/)
{
    m_taskById.remove(id);
}

} // namespace veo
