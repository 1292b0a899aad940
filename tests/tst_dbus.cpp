// Veo Tracker's D-Bus interface through a real bus: a private dbus-daemon per test (so no other
// test's window can hold the name), the real Engine against the fake KIE server over loopback,
// DBusService published on one connection and called from another, as a script would call it.
// The last tests start the real binary: by D-Bus activation with the packaged .service file,
// and without any session bus.
#include "appenv.h"
#include "dbusservice.h"
#include "downloadfixture.h"
#include "enginerig.h"
#include "fakekieserver.h"
#include "keyring.h"
#include "kieresponses.h"
#include "taskexport.h"
#include "taskrepository.h"

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCall>
#include <QDBusReply>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <csignal>
#include <memory>
#include <optional>
#include <sys/types.h>

using namespace veo;

namespace {
constexpr int Timeout = 20000;
constexpr int StartTimeout = 120000; // the app's start, sanitized on a loaded machine
const QString SessionToken = QStringLiteral("sk-dbus-session-0001");
const QString WorkToken = QStringLiteral("sk-dbus-work-0002");
const QString Service = DBusService::serviceName(false);

// A dbus-daemon of our own, with a folder for activatable services.
class PrivateBus
{
public:
    // services: activation files (name, contents) the bus knows from its start; env: what
    // the programs it starts inherit.
    explicit PrivateBus(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                        const QHash<QString, QByteArray> &services = {})
    {
        if (!m_dir.isValid() || !QDir(m_dir.path()).mkdir(QStringLiteral("services"))) {
            return;
        }
        for (auto it = services.begin(); it != services.end(); ++it) {
            QFile file(QDir(servicesDir()).filePath(it.key()));
            if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size()) {
                return;
            }
        }
        m_address = QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("bus"));
        QFile config(m_dir.filePath(QStringLiteral("bus.conf")));
        if (!config.open(QIODevice::WriteOnly)) {
            return;
        }
        config.write("<busconfig><type>session</type><listen>" + m_address.toUtf8() +
                     "</listen><servicedir>" + servicesDir().toUtf8() +
                     "</servicedir><limit name=\"service_start_timeout\">" +
                     QByteArray::number(StartTimeout) +
                     "</limit><policy context=\"default\"><allow send_destination=\"*\" "
                     "eavesdrop=\"true\"/><allow eavesdrop=\"true\"/><allow own=\"*\"/>"
                     "</policy></busconfig>");
        config.close();
        QProcessEnvironment daemonEnv = env; // what activated services inherit
        daemonEnv.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        m_daemon.setProcessEnvironment(daemonEnv);
        m_daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--nofork"), QStringLiteral("--print-address=1"),
                        QStringLiteral("--config-file=") + config.fileName()});
        // It prints its address once it listens.
        m_ready = m_daemon.waitForStarted(Timeout) && m_daemon.waitForReadyRead(Timeout);
    }
    ~PrivateBus()
    {
        for (const QString &name : std::as_const(m_connections)) {
            QDBusConnection::disconnectFromBus(name);
        }
        m_daemon.terminate();
        m_daemon.waitForFinished(Timeout);
    }
    bool isReady() const { return m_ready; }
    QString servicesDir() const { return m_dir.filePath(QStringLiteral("services")); }
    QDBusConnection connect(const QString &name)
    {
        m_connections << name;
        return QDBusConnection::connectToBus(m_address, name);
    }

private:
    QTemporaryDir m_dir;
    QString m_address;
    QProcess m_daemon;
    QStringList m_connections;
    bool m_ready = false;
};

// Every argument of a reply or signal as text, containers opened (to look for secrets).
QString flatten(const QVariant &value)
{
    if (value.userType() == qMetaTypeId<QDBusArgument>()) {
        const auto arg = value.value<QDBusArgument>();
        if (arg.currentSignature() == QLatin1String("a{sv}")) {
            return flatten(qdbus_cast<QVariantMap>(arg));
        }
        return flatten(QVariant::fromValue(qdbus_cast<QList<QVariantMap>>(arg)));
    }
    if (value.userType() == qMetaTypeId<QList<QVariantMap>>()) {
        QString out;
        for (const QVariantMap &map : value.value<QList<QVariantMap>>()) {
            out += flatten(map);
        }
        return out;
    }
    if (value.typeId() == QMetaType::QVariantMap) {
        QString out;
        const QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it) {
            out += it.key() + QLatin1Char('=') + flatten(it.value()) + QLatin1Char(';');
        }
        return out;
    }
    if (value.typeId() == QMetaType::QStringList) {
        return value.toStringList().join(QLatin1Char(','));
    }
    return value.toString();
}

QList<QVariantMap> taskList(const QDBusMessage &reply)
{
    return reply.arguments().isEmpty()
               ? QList<QVariantMap>()
               : qdbus_cast<QList<QVariantMap>>(reply.arguments().constFirst());
}

QVariantMap taskMap(const QDBusMessage &reply)
{
    return reply.arguments().isEmpty() ? QVariantMap()
                                       : qdbus_cast<QVariantMap>(reply.arguments().constFirst());
}

// The interface's shape in introspection XML: its methods and signals with their arguments and
// annotations, one line each, in order (comments and attribute order do not matter).
QStringList interfaceShape(const QString &xml, const QString &interfaceName)
{
    QStringList lines;
    QXmlStreamReader reader(xml);
    bool inside = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const QXmlStreamAttributes a = reader.attributes();
            if (reader.name() == QLatin1String("interface")) {
                inside = a.value(QLatin1String("name")) == interfaceName;
            } else if (inside) {
                QStringList parts{reader.name().toString()};
                for (const QXmlStreamAttribute &attribute : a) {
                    parts << attribute.name().toString() + QLatin1Char('=') +
                                 attribute.value().toString();
                }
                std::sort(parts.begin() + 1, parts.end());
                lines << parts.join(QLatin1Char(' '));
            }
        } else if (reader.isEndElement() && reader.name() == QLatin1String("interface")) {
            inside = false;
        }
    }
    return reader.hasError() ? QStringList{reader.errorString()} : lines;
}

using Instance = veo::test::EngineRig;
} // namespace

class tst_DBus : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    // The client's view of the signals.
    void onTaskChanged(const QString &id, const QString &status);
    void onTaskFinished(const QString &id, const QString &status, const QStringList &resultUrls);

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addTasksAddsNewIdsAndSkipsListedOnes();
    void addTasksBindsTheTasksToTheKeyWithThatLabel();
    void listTasksAndGetTaskGiveTheExportFields();
    void listTasksFiltersByStatus();
    void badCallsAreDBusErrorsThatChangeNothing_data();
    void badCallsAreDBusErrorsThatChangeNothing();
    void refreshAsksKieAgain();
    void downloadSavesTheVideos();
    void signalsFollowATaskUntilItFinishes();
    void theNameStaysWithTheWindowThatHasIt();
    void introspectionIsTheInterfaceFile();
    void callingTheNameStartsTheApp();
    void withoutASessionBusTheWindowStillOpens();

private:
    QDBusMessage call(const QString &method, const QVariantList &args);
    QDBusMessage callOn(QDBusConnection bus, const QString &method, const QVariantList &args,
                        const QString &interfaceName = DBusService::InterfaceName,
                        int timeout = Timeout);
    QString addStoredKey(const QString &label, const QString &secret);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeKieServer> m_server;
    std::unique_ptr<FakeKieServer> m_media;
    std::unique_ptr<PrivateBus> m_bus;
    std::unique_ptr<Instance> m_app;
    std::unique_ptr<DBusService> m_service;
    std::optional<QDBusConnection> m_client;
    QStringList m_seen; // every reply, error and signal the client got, as text
    QList<QStringList> m_changed;
    QList<QVariantList> m_finished;
    pid_t m_started = 0; // the app D-Bus activation started
};

void tst_DBus::initTestCase()
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
}

void tst_DBus::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FakeKieServer>();
    m_media = std::make_unique<FakeKieServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost));
    QVERIFY(m_media->listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    m_server->setValidKeys({SessionToken, WorkToken});
    m_server->setCredits(QString(), 10'000);
    const QByteArray test = QTest::currentTestFunction();
    if (test == "callingTheNameStartsTheApp" || test == "withoutASessionBusTheWindowStillOpens") {
        return; // the real binary is the service, with a bus of its own (or none)
    }
    m_bus = std::make_unique<PrivateBus>();
    QVERIFY2(m_bus->isReady(), "dbus-daemon did not start (package dbus)");
    m_app = std::make_unique<Instance>(m_dir->path(), m_server->baseUrl(), SessionToken);
    QVERIFY(m_app->opened != TaskStore::OpenResult::Failed);
    m_app->engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(!m_app->engine->keys()->isLoading(), Timeout);
    m_service = std::make_unique<DBusService>(m_app->engine.get());
    QVERIFY(m_service->publish(m_bus->connect(QStringLiteral("service")), Service));
    m_client = m_bus->connect(QStringLiteral("client"));
    QVERIFY(m_client->isConnected());
    QVERIFY(m_client->connect(Service, DBusService::ObjectPath, DBusService::InterfaceName,
                              QStringLiteral("TaskChanged"), this,
                              SLOT(onTaskChanged(QString, QString))));
    QVERIFY(m_client->connect(Service, DBusService::ObjectPath, DBusService::InterfaceName,
                              QStringLiteral("TaskFinished"), this,
                              SLOT(onTaskFinished(QString, QString, QStringList))));
}

void tst_DBus::cleanup()
{
    // Never a secret in anything a script got back.
    for (const QString &text : std::as_const(m_seen)) {
        QVERIFY2(!text.contains(SessionToken) && !text.contains(WorkToken), qPrintable(text));
    }
    m_seen.clear();
    if (m_started > 0) {
        ::kill(m_started, SIGKILL);
        m_started = 0;
    }
    m_changed.clear();
    m_finished.clear();
    m_client.reset();
    m_service.reset();
    m_app.reset();
    m_bus.reset();
    m_media.reset();
    m_server.reset();
    m_dir.reset();
}

void tst_DBus::onTaskChanged(const QString &id, const QString &status)
{
    m_changed.append({id, status});
    m_seen << id + QLatin1Char(' ') + status;
}

void tst_DBus::onTaskFinished(const QString &id, const QString &status,
                              const QStringList &resultUrls)
{
    m_finished.append({id, status, resultUrls});
    m_seen << id + QLatin1Char(' ') + status + QLatin1Char(' ') + resultUrls.join(QLatin1Char(' '));
}

QDBusMessage tst_DBus::call(const QString &method, const QVariantList &args)
{
    return callOn(*m_client, method, args);
}

QDBusMessage tst_DBus::callOn(QDBusConnection bus, const QString &method, const QVariantList &args,
                              const QString &interfaceName, int timeout)
{
    QDBusMessage message =
        QDBusMessage::createMethodCall(Service, DBusService::ObjectPath, interfaceName, method);
    message.setArguments(args);
    // Asynchronous: the service may live in this thread, and must be able to answer.
    const QDBusPendingCall pending = bus.asyncCall(message, timeout);
    if (!QTest::qWaitFor([&pending] { return pending.isFinished(); }, timeout + 5000)) {
        return {};
    }
    const QDBusMessage reply = pending.reply();
    QString text = reply.errorName() + QLatin1Char(' ') + reply.errorMessage();
    for (const QVariant &arg : reply.arguments()) {
        text += QLatin1Char(' ') + flatten(arg);
    }
    m_seen << text;
    return reply;
}

QString tst_DBus::addStoredKey(const QString &label, const QString &secret)
{
    bool done = false;
    QString id;
    m_app->engine->keys()->addKey(label, secret, KeyHealth::Ok, std::nullopt, this,
                                  [&done, &id](const TokenResult &result, const QString &keyId) {
                                      done = true;
                                      id = result.ok() ? keyId : QString();
                                  });
    return QTest::qWaitFor([&done] { return done; }, Timeout) ? id : QString();
}

void tst_DBus::addTasksAddsNewIdsAndSkipsListedOnes()
{
    const QString a = QStringLiteral("veo_dbus_add_a");
    const QString b = QStringLiteral("veo_dbus_add_b");
    const QString c = QStringLiteral("veo_dbus_add_c");
    QDBusMessage reply = call(QStringLiteral("AddTasks"), {QStringList{a, b, a}, QString()});
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    QCOMPARE(reply.arguments().at(0).toStringList(), (QStringList{a, b}));
    QCOMPARE(reply.arguments().at(1).toStringList(), QStringList());

    reply = call(QStringLiteral("AddTasks"), {QStringList{QStringLiteral(" ") + b, c}, QString()});
    QCOMPARE(reply.arguments().at(0).toStringList(), QStringList{c});
    QCOMPARE(reply.arguments().at(1).toStringList(), QStringList{b});
    QCOMPARE(m_app->engine->tasks()->count(), 3);
    // Committed: a second reader of the task database sees them.
    TaskStore reader;
    QVERIFY(reader.open(m_app->store.path()) != TaskStore::OpenResult::Failed);
    QCOMPARE(reader.loadAll().tasks.size(), 3);
}

void tst_DBus::addTasksBindsTheTasksToTheKeyWithThatLabel()
{
    const QString keyId = addStoredKey(QStringLiteral("Client A"), WorkToken);
    QVERIFY(!keyId.isEmpty());
    const QString id = QStringLiteral("veo_dbus_key_0001");
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 1))});
    m_server->setTaskOwner(id, WorkToken);

    const QDBusMessage reply =
        call(QStringLiteral("AddTasks"), {QStringList{id}, QStringLiteral(" client a ")});
    QCOMPARE(reply.arguments().at(0).toStringList(), QStringList{id});
    QCOMPARE(m_app->task(id)->keyId, keyId);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(id), TaskStatus::Succeeded, Timeout); // with its key
    const QVariantMap task = taskMap(call(QStringLiteral("GetTask"), {id}));
    QCOMPARE(task.value(QStringLiteral("keyLabel")).toString(), QStringLiteral("Client A"));
}

void tst_DBus::listTasksAndGetTaskGiveTheExportFields()
{
    const QString id = QStringLiteral("veo_dbus_fields_1");
    const QString url = QStringLiteral("https://media.invalid/fields.mp4");
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 1, {url}))});
    call(QStringLiteral("AddTasks"), {QStringList{id}, QString()});
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(id), TaskStatus::Succeeded, Timeout);

    const QList<QVariantMap> tasks = taskList(call(QStringLiteral("ListTasks"), {QString()}));
    QCOMPARE(tasks.size(), 1);
    const QVariantMap task = tasks.constFirst();
    const QStringList fields = exportFields();
    for (auto it = task.begin(); it != task.end(); ++it) {
        QVERIFY2(fields.contains(it.key()), qPrintable(it.key()));
    }
    QCOMPARE(task.value(QStringLiteral("taskId")).toString(), id);
    QCOMPARE(task.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(task.value(QStringLiteral("kind")).toString(), taskKindKey(TaskKind::VeoGeneration));
    QCOMPARE(task.value(QStringLiteral("prompt")).toString(), test::taskRecord(id, 1).prompt);
    QCOMPARE(task.value(QStringLiteral("resultUrls")).toStringList(), QStringList{url});
    QVERIFY(task.value(QStringLiteral("addedAt")).toString().endsWith(QLatin1Char('Z')));
    QVERIFY(!task.contains(QStringLiteral("errorMessage"))); // no value: left out
    QVERIFY(!task.contains(QStringLiteral("keyLabel")));     // the session key has no label

    QCOMPARE(taskMap(call(QStringLiteral("GetTask"), {id})), task);
}

void tst_DBus::listTasksFiltersByStatus()
{
    const QString done = QStringLiteral("veo_dbus_filter_ok");
    const QString failed = QStringLiteral("veo_dbus_filter_no");
    m_server->setScript(done, {FakeKieServer::ok(test::taskRecord(done, 1))});
    m_server->setScript(failed, {FakeKieServer::ok(test::taskRecord(failed, 2))});
    call(QStringLiteral("AddTasks"), {QStringList{done, failed}, QString()});
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(done), TaskStatus::Succeeded, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(failed), TaskStatus::Failed, Timeout);

    const auto ids = [this](const QString &filter) {
        QStringList out;
        for (const QVariantMap &t : taskList(call(QStringLiteral("ListTasks"), {filter}))) {
            out << t.value(QStringLiteral("taskId")).toString();
        }
        return out;
    };
    QCOMPARE(ids(QStringLiteral("succeeded")), QStringList{done});
    QCOMPARE(ids(QStringLiteral("failed")), QStringList{failed});
    QCOMPARE(ids(QStringLiteral("generating")), QStringList());
    QCOMPARE(ids(QString()).size(), 2);
}

void tst_DBus::badCallsAreDBusErrorsThatChangeNothing_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QVariantList>("args");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("says"); // part of the message

    const QString listed = QStringLiteral("veo_dbus_listed_01"); // listed, KIE has no record yet
    const QString missing = QStringLiteral("veo_dbus_missing_1");
    QTest::newRow("AddTasks, no ID")
        << "AddTasks" << QVariantList{QStringList(), QString()} << "InvalidArgument"
        << "No task ID given";
    QTest::newRow("AddTasks, not an ID")
        << "AddTasks" << QVariantList{QStringList{missing, QStringLiteral("no such/id")}, QString()}
        << "InvalidArgument"
        << "\"no such/id\"";
    QTest::newRow("AddTasks, unknown key")
        << "AddTasks" << QVariantList{QStringList{missing}, QStringLiteral("Nobody")}
        << "UnknownKey"
        << "\"Nobody\"";
    QTest::newRow("ListTasks, unknown status")
        << "ListTasks" << QVariantList{QStringLiteral("done")} << "InvalidArgument"
        << "\"succeeded\"";
    QTest::newRow("GetTask, unknown")
        << "GetTask" << QVariantList{missing} << "UnknownTask" << missing;
    QTest::newRow("Refresh, one unknown")
        << "Refresh" << QVariantList{QStringList{listed, missing}} << "UnknownTask"
        << "Nothing was refreshed";
    QTest::newRow("Download, no ID")
        << "Download" << QVariantList{QStringList()} << "InvalidArgument"
        << "No task ID given";
    QTest::newRow("Download, unknown")
        << "Download" << QVariantList{QStringList{missing}} << "UnknownTask"
        << "Nothing was downloaded";
    QTest::newRow("Download, no video yet")
        << "Download" << QVariantList{QStringList{listed}} << "NothingToDownload"
        << "";
}

void tst_DBus::badCallsAreDBusErrorsThatChangeNothing()
{
    QFETCH(QString, method);
    QFETCH(QVariantList, args);
    QFETCH(QString, error);
    QFETCH(QString, says);
    const QString listed = QStringLiteral("veo_dbus_listed_01");
    QCOMPARE(call(QStringLiteral("AddTasks"), {QStringList{listed}, QString()})
                 .arguments()
                 .at(0)
                 .toStringList(),
             QStringList{listed});
    const QDBusMessage reply = call(method, args);
    QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
    QCOMPARE(reply.errorName(), DBusService::ErrorPrefix + error);
    QVERIFY2(!reply.errorMessage().isEmpty() && reply.errorMessage().contains(says),
             qPrintable(reply.errorMessage()));
    QCOMPARE(m_app->engine->tasks()->count(), 1); // nothing added
}

void tst_DBus::refreshAsksKieAgain()
{
    const QString a = QStringLiteral("veo_dbus_refresh_a");
    const QString b = QStringLiteral("veo_dbus_refresh_b");
    m_server->setScript(a, {FakeKieServer::ok(test::taskRecord(a, 1))});
    m_server->setScript(b, {FakeKieServer::ok(test::taskRecord(b, 1))});
    call(QStringLiteral("AddTasks"), {QStringList{a, b}, QString()});
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(a), TaskStatus::Succeeded, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(b), TaskStatus::Succeeded, Timeout);
    const qsizetype pollsA = m_server->requestsFor(a).size();
    const qsizetype pollsB = m_server->requestsFor(b).size();

    QCOMPARE(call(QStringLiteral("Refresh"), {QStringList{a}}).type(), QDBusMessage::ReplyMessage);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsFor(a).size(), pollsA + 1, Timeout);
    QCOMPARE(call(QStringLiteral("Refresh"), {QStringList()}).type(), // every task
             QDBusMessage::ReplyMessage);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsFor(b).size(), pollsB + 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsFor(a).size(), pollsA + 2, Timeout);
}

void tst_DBus::downloadSavesTheVideos()
{
    const QString id = QStringLiteral("veo_dbus_download_1");
    const QString path = QStringLiteral("/v/dbus.mp4");
    const QByteArray video = test::randomBytes(64 * 1024, 7);
    m_media->addFile(path, video, "video/mp4");
    QUrl link = m_media->baseUrl();
    link.setPath(path);
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 1, {link.toString()}))});
    call(QStringLiteral("AddTasks"), {QStringList{id}, QString()});
    QTRY_COMPARE_WITH_TIMEOUT(m_app->status(id), TaskStatus::Succeeded, Timeout);

    QCOMPARE(call(QStringLiteral("Download"), {QStringList{id}}).type(),
             QDBusMessage::ReplyMessage);
    QStringList files;
    QTRY_VERIFY_WITH_TIMEOUT(!(files = taskMap(call(QStringLiteral("GetTask"), {id}))
                                           .value(QStringLiteral("files"))
                                           .toStringList())
                                  .isEmpty(),
                             Timeout);
    QCOMPARE(test::readAll(files.constFirst()), video);
    // Asking again is no error: the video is there.
    QCOMPARE(call(QStringLiteral("Download"), {QStringList{id}}).type(),
             QDBusMessage::ReplyMessage);
}

void tst_DBus::signalsFollowATaskUntilItFinishes()
{
    const QString id = QStringLiteral("veo_dbus_signal_1");
    const QString url = QStringLiteral("https://media.invalid/signal.mp4");
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 0)),
                             FakeKieServer::ok(test::taskRecord(id, 0)),
                             FakeKieServer::ok(test::taskRecord(id, 1, {url}))});
    call(QStringLiteral("AddTasks"), {QStringList{id}, QString()});

    QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), 1, Timeout);
    QCOMPARE(m_finished.constFirst(),
             (QVariantList{id, QStringLiteral("succeeded"), QStringList{url}}));
    // Once per status, in order; the polls in between change no status.
    QCOMPARE(m_changed, (QList<QStringList>{{id, QStringLiteral("pending")},
                                            {id, QStringLiteral("generating")},
                                            {id, QStringLiteral("succeeded")}}));
}

void tst_DBus::theNameStaysWithTheWindowThatHasIt()
{
    // The window of another task list (another data folder) on the same bus.
    QTemporaryDir otherDir;
    Instance other(otherDir.path(), m_server->baseUrl(), SessionToken);
    other.engine->start();
    DBusService second(other.engine.get());
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression(QStringLiteral("The D-Bus name %1 is taken").arg(Service)));
    QVERIFY(!second.publish(m_bus->connect(QStringLiteral("second")), Service));

    const QString id = QStringLiteral("veo_dbus_first_01");
    QCOMPARE(call(QStringLiteral("AddTasks"), {QStringList{id}, QString()}).arguments().at(0),
             QVariant(QStringList{id}));
    QVERIFY(m_app->engine->tasks()->contains(id));
    QVERIFY(!other.engine->tasks()->contains(id));
}

void tst_DBus::introspectionIsTheInterfaceFile()
{
    const QDBusMessage reply = callOn(*m_client, QStringLiteral("Introspect"), {},
                                      QStringLiteral("org.freedesktop.DBus.Introspectable"));
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    QFile file(QStringLiteral(VEO_DBUS_XML));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList expected =
        interfaceShape(QString::fromUtf8(file.readAll()), DBusService::InterfaceName);
    QCOMPARE(expected.size(), 24); // 5 methods, 2 signals, their 15 arguments, 2 annotations
    QCOMPARE(interfaceShape(reply.arguments().at(0).toString(), DBusService::InterfaceName),
             expected);
}

void tst_DBus::callingTheNameStartsTheApp()
{
    // The package's activation file, pointing at the binary built here.
    QFile in(QStringLiteral(VEO_DBUS_SERVICE_IN));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray activation = in.readAll();
    activation.replace("@VEO_APP_ID@", Service.toUtf8())
        .replace("@VEO_DBUS_EXEC@", VEO_TRACKER_BINARY);
    const QTemporaryDir home;
    const QString id = QStringLiteral("veo_dbus_started_1");
    const QString url = QStringLiteral("https://media.invalid/started.mp4");
    m_server->setScript(id, {FakeKieServer::ok(test::taskRecord(id, 1, {url}))});
    m_bus = std::make_unique<PrivateBus>(
        test::appEnvironment(home.path(), SessionToken, m_server->baseUrl()),
        QHash<QString, QByteArray>{{Service + QStringLiteral(".service"), activation}});
    QVERIFY(m_bus->isReady());
    m_client = m_bus->connect(QStringLiteral("client"));
    QVERIFY(m_client->connect(Service, DBusService::ObjectPath, DBusService::InterfaceName,
                              QStringLiteral("TaskFinished"), this,
                              SLOT(onTaskFinished(QString, QString, QStringList))));
    QVERIFY(!m_client->interface()->isServiceRegistered(Service).value());

    const QDBusMessage reply =
        callOn(*m_client, QStringLiteral("AddTasks"), {QStringList{id}, QString()},
               DBusService::InterfaceName, StartTimeout);
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    QCOMPARE(reply.arguments().at(0).toStringList(), QStringList{id});
    const QDBusReply<uint> pid = m_client->interface()->servicePid(Service);
    QVERIFY(pid.isValid());
    m_started = pid_t(pid.value());
    QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), 1, Timeout);
    QCOMPARE(m_finished.constFirst(),
             (QVariantList{id, QStringLiteral("succeeded"), QStringList{url}}));

    QCOMPARE(::kill(m_started, SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_client->interface()->isServiceRegistered(Service).value(), Timeout);
}

void tst_DBus::withoutASessionBusTheWindowStillOpens()
{
    const QTemporaryDir home;
    QProcessEnvironment env = test::appEnvironment(home.path(), SessionToken, m_server->baseUrl());
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-bus-here")));
    env.remove(QStringLiteral("DISPLAY")); // no bus autolaunched either
    env.remove(QStringLiteral("DBUS_STARTER_ADDRESS"));
    QProcess app;
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(VEO_TRACKER_BINARY), {});
    QVERIFY(app.waitForStarted(Timeout));
    QByteArray errors;
    QTRY_VERIFY_WITH_TIMEOUT(
        (errors += app.readAllStandardError()).contains("No D-Bus session bus"), StartTimeout);
    QCOMPARE(app.state(), QProcess::Running); // logged, and the window is up
    app.kill();
    app.waitForFinished(Timeout);
}

QTEST_GUILESS_MAIN(tst_DBus)
#include "tst_dbus.moc"
