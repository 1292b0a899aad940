#include "dbusservice.h"

#include "engine.h"
#include "keyring.h"
#include "taskexport.h"
#include "taskidparser.h"
#include "taskrepository.h"
#include "veotrackeradaptor.h"

#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>

namespace veo {

namespace {

Q_LOGGING_CATEGORY(lcDBus, "veo.dbus")

// D-Bus has no null: a field without a value is left out. Lists are string lists (as), numbers
// 64-bit integers (x).
QVariantMap toDBus(const QJsonObject &object)
{
    QVariantMap map;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isString()) {
            map.insert(it.key(), value.toString());
        } else if (value.isDouble()) {
            map.insert(it.key(), value.toInteger());
        } else if (value.isArray()) {
            QStringList items;
            for (const QJsonValue &item : value.toArray()) {
                items << item.toString();
            }
            map.insert(it.key(), items);
        }
    }
    return map;
}

// The first few, quoted, for an error message (a script may send thousands).
QString listed(const QStringList &items)
{
    constexpr qsizetype Shown = 5;
    QStringList quoted;
    for (const QString &item : items.mid(0, Shown)) {
        quoted << QLatin1Char('"') + item + QLatin1Char('"');
    }
    if (items.size() > Shown) {
        quoted << QStringLiteral("…");
    }
    return quoted.join(QStringLiteral(", "));
}

} // namespace

QString DBusService::serviceName(bool demo)
{
    return demo ? InterfaceName + QStringLiteral(".Demo") : InterfaceName;
}

DBusService::DBusService(Engine *engine, QObject *parent) : QObject(parent), m_engine(engine)
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
    new VeoTrackerAdaptor(this); // owned by this; relays the signals
    TaskRepository *tasks = engine->tasks();
    const auto remember = [this](const QList<TaskRecord> &records) {
        m_statuses.clear();
        for (const TaskRecord &t : records) {
            m_statuses.insert(t.taskId, t.status);
        }
    };
    remember(tasks->tasks());
    connect(tasks, &TaskFeed::loaded, this, remember);
    connect(tasks, &TaskFeed::inserted, this, &DBusService::follow);
    connect(tasks, &TaskFeed::changed, this, &DBusService::follow);
    connect(tasks, &TaskFeed::removed, this, [this](const QStringList &ids) {
        for (const QString &id : ids) {
            m_statuses.remove(id);
        }
    });
    connect(tasks, &TaskRepository::taskFinished, this,
            [this, tasks](const QString &id, TaskStatus status) {
                const TaskRecord *task = tasks->task(id);
                Q_EMIT TaskFinished(id, statusKey(status), task ? task->resultUrls : QStringList());
            });
}

DBusService::~DBusService()
{
    if (m_bus) {
        m_bus->unregisterService(m_name);
        m_bus->unregisterObject(ObjectPath);
    }
}

bool DBusService::publish(const QDBusConnection &bus, const QString &name)
{
    if (!bus.isConnected()) {
        qCWarning(lcDBus).noquote() << "No D-Bus session bus:" << bus.lastError().message()
                                    << "- scripts cannot reach Veo Tracker over D-Bus.";
        return false;
    }
    QDBusConnection connection = bus;
    if (!connection.registerObject(ObjectPath, this, QDBusConnection::ExportAdaptors)) {
        qCWarning(lcDBus).noquote() << "Could not export" << ObjectPath
                                    << "on the session bus:" << connection.lastError().message();
        return false;
    }
    if (!connection.registerService(name)) {
        // InstanceGuard made this the only window of its task list: the owner is another
        // program (or a window of a task list elsewhere), and it keeps the name.
        const QDBusReply<uint> pid = connection.interface()->servicePid(name);
        qCWarning(lcDBus).noquote()
            << "The D-Bus name" << name << "is taken"
            << (pid.isValid() ? QStringLiteral("by process %1").arg(pid.value()) : QString())
            << connection.lastError().message()
            << "- scripts that call it reach that program, not this window.";
        connection.unregisterObject(ObjectPath);
        return false;
    }
    m_bus = connection;
    m_name = name;
    return true;
}

QStringList DBusService::AddTasks(const QStringList &ids, const QString &keyLabel,
                                  QStringList &skipped)
{
    QStringList wanted;
    QSet<QString> seen;
    QStringList invalid;
    for (const QString &raw : ids) {
        const QString id = raw.trimmed();
        if (!isValidTaskId(id)) {
            invalid << raw;
        } else if (!seen.contains(id)) {
            seen.insert(id);
            wanted << id;
        }
    }
    if (!invalid.isEmpty()) {
        //: D-Bus AddTasks; %1: the refused entries, quoted
        fail(QStringLiteral("InvalidArgument"),
             tr("Not task IDs: %1. A task ID is 8 to 128 letters, digits, _ or -. Nothing was "
                "added.")
                 .arg(listed(invalid)));
        return {};
    }
    if (wanted.isEmpty()) {
        fail(QStringLiteral("InvalidArgument"), tr("No task ID given: pass one or more."));
        return {};
    }
    QString keyId; // "" = the key that is the default now (Engine::addTasks)
    if (!keyLabel.trimmed().isEmpty()) {
        const std::optional<KeyProfile> key = m_engine->keys()->profileLabelled(keyLabel);
        if (!key) {
            //: D-Bus AddTasks with a key label no stored key has
            fail(QStringLiteral("UnknownKey"),
                 tr("No key is labelled \"%1\": API Keys… in the window (or `veo-tracker "
                    "--list-keys`) shows the labels, \"\" is the default key. Nothing was added.")
                     .arg(keyLabel.trimmed()));
            return {};
        }
        keyId = key->id;
    }
    const TaskRepository *tasks = m_engine->tasks();
    QStringList fresh;
    for (const QString &id : std::as_const(wanted)) {
        (tasks->contains(id) ? skipped : fresh) << id;
    }
    QString storeError;
    const QMetaObject::Connection refused =
        connect(tasks, &TaskRepository::storeError, this,
                [&storeError](const QString &text) { storeError = text; });
    m_engine->addTasks(fresh, keyId);
    disconnect(refused);
    QStringList added;
    for (const QString &id : std::as_const(fresh)) {
        if (tasks->contains(id)) {
            added << id;
        }
    }
    if (added.size() < fresh.size()) {
        fail(QStringLiteral("StoreFailed"), storeError);
        return {};
    }
    return added;
}

QList<QVariantMap> DBusService::ListTasks(const QString &statusFilter)
{
    bool known = statusFilter.isEmpty();
    if (!known) {
        statusFromKey(statusFilter, &known);
    }
    if (!known) {
        QStringList keys;
        for (int i = 0; i < TaskStatusCount; ++i) {
            keys << QLatin1Char('"') + statusKey(static_cast<TaskStatus>(i)) + QLatin1Char('"');
        }
        //: D-Bus ListTasks; %2: the status keys, e.g. "pending", "succeeded"
        fail(QStringLiteral("InvalidArgument"),
             tr("Unknown status \"%1\": use one of %2, or \"\" for every task.")
                 .arg(statusFilter, keys.join(QStringLiteral(", "))));
        return {};
    }
    QList<QVariantMap> out;
    for (const ExportedTask &e : m_engine->exportTasks({})) {
        if (exportKeeps(e.task, statusFilter, {})) {
            out << toDBus(exportObject(e));
        }
    }
    return out;
}

QVariantMap DBusService::GetTask(const QString &id)
{
    //: D-Bus GetTask of a task that is not listed
    if (!allListed({id}, tr("AddTasks adds a task."))) {
        return {};
    }
    return toDBus(exportObject(m_engine->exportTasks({id}).constFirst()));
}

void DBusService::Refresh(const QStringList &ids)
{
    if (allListed(ids, tr("Nothing was refreshed."))) {
        m_engine->refresh(ids); // none: every task
    }
}

void DBusService::Download(const QStringList &ids)
{
    if (ids.isEmpty()) {
        fail(QStringLiteral("InvalidArgument"), tr("No task ID given: pass one or more."));
        return;
    }
    if (!allListed(ids, tr("Nothing was downloaded."))) {
        return;
    }
    const DownloadCoordinator::Outcome outcome = m_engine->download(ids);
    if (outcome.queued + outcome.inProgress + outcome.alreadyDownloaded == 0) {
        fail(QStringLiteral("NothingToDownload"), outcome.summary());
    }
}

void DBusService::follow(const QList<TaskRecord> &records)
{
    for (const TaskRecord &t : records) {
        const auto known = m_statuses.constFind(t.taskId);
        if (known == m_statuses.cend() || *known != t.status) {
            m_statuses.insert(t.taskId, t.status);
            Q_EMIT TaskChanged(t.taskId, statusKey(t.status));
        }
    }
}

void DBusService::fail(const QString &error, const QString &text)
{
    sendErrorReply(ErrorPrefix + error, text);
}

bool DBusService::allListed(const QStringList &ids, const QString &outcome)
{
    QStringList unknown;
    for (const QString &id : ids) {
        if (!m_engine->tasks()->contains(id)) {
            unknown << id;
        }
    }
    if (unknown.isEmpty()) {
        return true;
    }
    //: D-Bus: %1 the task IDs that are not listed, %2 what was not done ("Nothing was
    //: refreshed.")
    fail(QStringLiteral("UnknownTask"),
         tr("Not in the task list: %1. %2").arg(listed(unknown), outcome));
    return false;
}

} // namespace veo
