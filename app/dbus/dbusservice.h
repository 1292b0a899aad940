#pragma once

#include "taskstatus.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <optional>

namespace veo {

class Engine;
struct TaskRecord;

// Veo Tracker on the session bus, for scripts: add, list, read, refresh and download the tasks
// of the running window's task list and follow their statuses. The interface is
// resources/dbus/org.veotracker.VeoTracker.xml; the adaptor generated from it calls the methods
// below. Commands go to the Engine, the signals follow its task repository. A task's key
// appears only by its label, never its secret.
class DBusService final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DBusService)

public:
    static inline const QString ObjectPath = QStringLiteral("/org/veotracker/VeoTracker");
    static inline const QString InterfaceName = QStringLiteral("org.veotracker.VeoTracker");
    // Each task list has its own name, as it has its own window (InstanceGuard): the user's
    // (D-Bus activation starts it) and the demo's.
    static QString serviceName(bool demo);
    // The errors' names: ErrorPrefix + "UnknownTask", "UnknownKey", ...
    static inline const QString ErrorPrefix = QStringLiteral("org.veotracker.VeoTracker.Error.");

    explicit DBusService(Engine *engine, QObject *parent = nullptr);
    ~DBusService() override; // leaves the bus

    // Exports the object on bus and takes the name. False, and a log line saying why, without
    // a bus or when another program owns the name (it keeps it).
    bool publish(const QDBusConnection &bus, const QString &name);

    // --- the interface's methods (called by the adaptor; errors go back as D-Bus errors) ----
    QStringList AddTasks(const QStringList &ids, const QString &keyLabel, QStringList &skipped);
    QList<QVariantMap> ListTasks(const QString &statusFilter);
    QVariantMap GetTask(const QString &id);
    void Refresh(const QStringList &ids);
    void Download(const QStringList &ids);

Q_SIGNALS:
    // The interface's signals (relayed by the adaptor). Statuses are statusKey()s.
    void TaskChanged(const QString &id, const QString &status);
    void TaskFinished(const QString &id, const QString &status, const QStringList &resultUrls);

private:
    void follow(const QList<veo::TaskRecord> &records);
    void fail(const QString &error, const QString &text);
    // True when every ID is in the task list; otherwise an UnknownTask error naming the
    // others, ending with outcome ("Nothing was refreshed.").
    bool allListed(const QStringList &ids, const QString &outcome);

    Engine *m_engine;
    QHash<QString, TaskStatus> m_statuses; // what TaskChanged last said of each task
    std::optional<QDBusConnection> m_bus;
    QString m_name; // the name owned on m_bus
};

} // namespace veo
