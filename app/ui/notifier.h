#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include "taskrecord.h"

class QSystemTrayIcon;

namespace veo {

// Desktop notifications for finished tasks. Uses the freedesktop Notifications D-Bus service
// (GNOME shows no tray without an extension, so notifications must not depend on one), with
// QSystemTrayIcon balloons as the fallback when that service is absent.
class Notifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    explicit Notifier(QObject *parent = nullptr);
    ~Notifier() override;

    // Used for the fallback; may be null (then nothing is shown without the D-Bus service).
    void setTrayIcon(QSystemTrayIcon *tray) { m_tray = tray; }
    // title: one line; body: plain text. playable/localFile decide which actions are offered.
    void notify(const QString &taskId, const QString &title, const QString &body, bool playable,
                bool hasLocalFile);
    // A task finished: "Video ready" or "Render failed", the first line of its prompt (or its
    // ID) and, when it failed, why.
    void notifyFinished(const TaskRecord &task, bool success, bool hasLocalFile);
    bool hasNotificationService() const;

Q_SIGNALS:
    void activated(const QString &taskId); // clicked: bring the window up with it selected
    void playRequested(const QString &taskId);
    void showInFolderRequested(const QString &taskId);

private Q_SLOTS:
    // D-Bus signals of org.freedesktop.Notifications (old-style slots: QtDBus needs them).
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    QHash<uint, QString> m_taskById; // notification id -> task id
    QString m_lastTrayTask;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace veo
