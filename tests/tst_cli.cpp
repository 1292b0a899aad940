// The real veo-tracker binary, run as a script would run it.
#include "fakekieserver.h"
#include "taskstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace veo;

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void versionAndHelpWithoutWindow();
    void badArguments_data();
    void badArguments();
    void checkPrintsJsonLines();
    void checkWithoutKeySaysWhatToDo();
    void checkDemo();
    void secondLaunchHandsIdsToTheRunningWindow();
    void upgradesAndExtensionsFromAScript();
    void generateSendsEveryFlag();
    void generateRefusedOrLostIsNeverResent();
    void batchOfTwentyFiveIsPaced();
    void batchWithABadRowSendsNothing();
    void batchStoppedKeepsTheRestQueued();
    void generateChargesTheKeyNamedByItsLabel();
    void generateUploadsImagesFromDisk();
    void exportWritesTheTaskList();
    void exportRefusesAListItCannotReadToTheEnd();
    void exportOfADamagedListSaysItWasMovedAside();
    void importAddsTheIdsOfAFile();
    void importWhileTheWindowIsOpenGoesToTheWindow();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &args, const QProcessEnvironment &env = {});
    void exportIsRefused(const QTemporaryDir &home, const QByteArray &why);
    QProcessEnvironment baseEnv() const;
    // A user of their own (data and settings in home) with the key, on the fake server.
    QProcessEnvironment userEnv(const QTemporaryDir &home) const;
    // The generate requests the fake server received.
    QList<FakeKieServer::Request> generateRequests() const;
    // Everything in that user's task list.
    static QList<TaskRecord> storedTasks(const QTemporaryDir &home);
    static QString writeCsv(const QTemporaryDir &home, const QStringList &prompts);
    FakeKieServer m_server;
};

namespace {
const QString Token = QStringLiteral("sk-cli-secret-777");
const QString Done = QStringLiteral("cli_task_done_0001");
const QString Running = QStringLiteral("cli_task_running_1");
} // namespace

void TestCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(VEO_TRACKER_BINARY)));
    QVERIFY(m_server.listen());
    m_server.setValidKeys({Token});
    FakeKieServer::Record done;
    done.taskId = Done;
    done.successFlag = 1;
    done.resultUrls = {QStringLiteral("https://media.example/done.mp4")};
    m_server.setScript(Done, {FakeKieServer::ok(done)});
    FakeKieServer::Record running;
    running.taskId = Running;
    m_server.setScript(Running, {FakeKieServer::ok(running)});
}

QProcessEnvironment TestCli::baseEnv() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("KIE_API_KEY"));
    env.remove(QStringLiteral("VEO_TRACKER_API_BASE"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

QProcessEnvironment TestCli::userEnv(const QTemporaryDir &home) const
{
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("KIE_API_KEY"), Token);
    env.insert(QStringLiteral("VEO_TRACKER_API_BASE"), m_server.baseUrl().toString());
    return env;
}

TestCli::Run TestCli::run(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env.isEmpty() ? baseEnv() : env);
    p.start(QStringLiteral(VEO_TRACKER_BINARY), args);
    Run r;
    if (!p.waitForStarted(10000)) {
        return r;
    }
    // Wait with the event loop turning: the fake server lives in this process.
    QSignalSpy finished(&p, &QProcess::finished);
    if (!finished.wait(30000)) {
        p.kill();
        p.waitForFinished();
        r.out = p.readAllStandardOutput(); // what it said before it hung, for the failure
        r.err = p.readAllStandardError();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestCli::versionAndHelpWithoutWindow()
{
    QProcessEnvironment env = baseEnv();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY")); // no display at all: must still answer
    const Run version = run({QStringLiteral("--version")}, env);
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.startsWith("Veo Tracker " VEO_VERSION), version.out.constData());
    const Run help = run({QStringLiteral("--help")}, env);
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--check"));
    QVERIFY(help.out.contains("--demo"));
}

void TestCli::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--nope")} << QByteArray("nope");
    QTest::newRow("invalid id") << QStringList{QStringLiteral("--check"), QStringLiteral("bad!")}
                                << QByteArray("bad!");
    QTest::newRow("4K without --yes")
        << QStringList{QStringLiteral("--get-4k"), Done} << QByteArray("--yes");
    QTest::newRow("extend without a prompt")
        << QStringList{QStringLiteral("--extend"), Done} << QByteArray("--prompt");
    QTest::newRow("extend with an unknown model")
        << QStringList{QStringLiteral("--extend"), Done,
                       QStringLiteral("--prompt"), QStringLiteral("more"),
                       QStringLiteral("--model"),  QStringLiteral("veo9")}
        << QByteArray("veo9");
    QTest::newRow("a video index that is not a number")
        << QStringList{QStringLiteral("--get-1080p"), Done + QStringLiteral(":x")}
        << QByteArray("index");
    QTest::newRow("two follow-ups at once")
        << QStringList{QStringLiteral("--get-1080p"), Done, QStringLiteral("--extend"), Done}
        << QByteArray("one of");
    QTest::newRow("generate without a prompt")
        << QStringList{QStringLiteral("--generate")} << QByteArray("--prompt");
    QTest::newRow("plain http to a remote host")
        << QStringList{QStringLiteral("--api-base"), QStringLiteral("http://api.kie.ai"),
                       QStringLiteral("--check"), Done}
        << QByteArray("https");
}

void TestCli::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("KIE_API_KEY"), Token);
    const Run r = run(args, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QVERIFY(!r.err.contains(Token.toUtf8()));
}

void TestCli::checkPrintsJsonLines()
{
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("KIE_API_KEY"), Token);
    env.insert(QStringLiteral("VEO_TRACKER_API_BASE"), m_server.baseUrl().toString());
    Run r = run({QStringLiteral("--check"), Done}, env);
    QCOMPARE(r.exitCode, 0);
    QJsonObject o = QJsonDocument::fromJson(r.out.trimmed()).object();
    QCOMPARE(o.value(QStringLiteral("taskId")).toString(), Done);
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));

    r = run({QStringLiteral("--check"), Done, Running}, env);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out.trimmed().split('\n').size(), 2);
    QVERIFY(!r.out.contains(Token.toUtf8()));
}

void TestCli::checkWithoutKeySaysWhatToDo()
{
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("VEO_TRACKER_API_BASE"), m_server.baseUrl().toString());
    const Run r = run({QStringLiteral("--check"), Done}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("KIE_API_KEY"), r.err.constData());
}

void TestCli::checkDemo()
{
    // --demo needs no key and no network: the simulated endpoint runs inside the process.
    // An ID the demo does not know is "not visible yet", like a task created a moment ago.
    const Run r = run({QStringLiteral("--demo"), QStringLiteral("--check"),
                       QStringLiteral("not_a_demo_task_0001")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out.trimmed()).object();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
}

void TestCli::secondLaunchHandsIdsToTheRunningWindow()
{
    QTemporaryDir home;
    const QProcessEnvironment env = userEnv(home);

    QProcess first;
    first.setProcessEnvironment(env);
    first.start(QStringLiteral(VEO_TRACKER_BINARY), {Done});
    QVERIFY(first.waitForStarted(10000));
    const QString storePath = home.filePath(QStringLiteral("data/veo-tracker/tasks.sqlite"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(storePath + QStringLiteral(".lock")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_server.requestsFor(Done).isEmpty(), 30000); // window is up

    const Run second = run({QStringLiteral("--add"), Running}, env);
    QCOMPARE(second.exitCode, 0); // handed over, no second window
    QTRY_VERIFY_WITH_TIMEOUT(!m_server.requestsFor(Running).isEmpty(), 30000);
    // The window owns the list: a script's follow-up or generation says so and sends nothing.
    const Run followUp = run({QStringLiteral("--get-1080p"), Done}, env);
    QCOMPARE(followUp.exitCode, 2);
    QVERIFY2(followUp.err.contains("running"), followUp.err.constData());
    const qsizetype generated = generateRequests().size();
    const Run generate =
        run({QStringLiteral("--generate"), QStringLiteral("--prompt"), QStringLiteral("x")}, env);
    QCOMPARE(generate.exitCode, 2);
    QVERIFY2(generate.err.contains("New Generation"), generate.err.constData());
    QCOMPARE(generateRequests().size(), generated);
    first.kill(); // like kill -9: everything must already be committed
    first.waitForFinished();

    TaskStore store;
    QCOMPARE(store.open(storePath), TaskStore::OpenResult::Opened);
    QVERIFY(store.contains(Done));
    QVERIFY(store.contains(Running));
}

void TestCli::upgradesAndExtensionsFromAScript()
{
    QTemporaryDir home;
    const QProcessEnvironment env = userEnv(home);
    const auto json = [](const Run &r) {
        return QJsonDocument::fromJson(r.out.trimmed()).object();
    };
    const auto sent = [this](const char *path) {
        const QList<FakeKieServer::Request> all = m_server.requests();
        return std::count_if(all.cbegin(), all.cend(),
                             [path](const auto &r) { return r.path == path; });
    };

    // 1080P of a task not listed yet: it is read, listed, and its child asked for.
    m_server.setUpgradeScript(FakeKieServer::Upgrade::Hd1080p, Done, 0,
                              {FakeKieServer::kieError(422, QStringLiteral("processing"))});
    Run r = run({QStringLiteral("--get-1080p"), Done}, env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonObject o = json(r);
    const QString hd = Done + QStringLiteral(":1080p:0");
    QCOMPARE(o.value(QStringLiteral("taskId")).toString(), hd);
    QCOMPARE(o.value(QStringLiteral("parentTaskId")).toString(), Done);
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("generating"));
    QCOMPARE(sent("/api/v1/veo/get-1080p-video"), 1);
    // Asked again: it is already on its way; nothing is sent.
    r = run({QStringLiteral("--get-1080p"), Done + QStringLiteral(":0")}, env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(json(r).value(QStringLiteral("taskId")).toString(), hd);
    QCOMPARE(sent("/api/v1/veo/get-1080p-video"), 1);

    // 4K whose answer is lost: exit 3, sent once, and a later run sends nothing either.
    FakeKieServer::Response dropped;
    dropped.fault = FakeKieServer::Response::Fault::DropConnection;
    m_server.setUpgradeScript(FakeKieServer::Upgrade::Uhd4k, Done, 0, {dropped});
    r = run({QStringLiteral("--get-4k"), Done, QStringLiteral("--yes")}, env);
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(json(r).value(QStringLiteral("state")).toString(), QStringLiteral("answerLost"));
    QCOMPARE(sent("/api/v1/veo/get-4k-video"), 1);
    r = run({QStringLiteral("--get-4k"), Done, QStringLiteral("--yes")}, env);
    QCOMPARE(sent("/api/v1/veo/get-4k-video"), 1);

    // An extension (of another video: KIE extends none whose 1080P was asked for): KIE's
    // new task ID, under its parent.
    const QString original = QStringLiteral("cli_task_extend_01");
    FakeKieServer::Record done;
    done.taskId = original;
    done.successFlag = 1;
    done.resultUrls = {QStringLiteral("https://media.example/extend.mp4")};
    m_server.setScript(original, {FakeKieServer::ok(done)});
    r = run({QStringLiteral("--extend"), Done, QStringLiteral("--prompt"), QStringLiteral("x")},
            env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(json(r).value(QStringLiteral("error")).toString().contains(QLatin1String("1080P")),
             r.out.constData());
    FakeKieServer::Record extended;
    extended.taskId = QStringLiteral("@TASK_ID@");
    m_server.setExtendScript({FakeKieServer::ok(extended)});
    r = run({QStringLiteral("--extend"), original, QStringLiteral("--prompt"),
             QStringLiteral("The fox jumps"), QStringLiteral("--model"), QStringLiteral("lite")},
            env);
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QCOMPARE(m_server.extendedTaskIds().size(), 1);
    const QString ext = m_server.extendedTaskIds().constFirst();
    QCOMPARE(json(r).value(QStringLiteral("taskId")).toString(), ext);
    QCOMPARE(sent("/api/v1/veo/extend"), 1);

    // A task that has not succeeded cannot be extended: refused before anything is sent.
    r = run(
        {QStringLiteral("--extend"), Running, QStringLiteral("--prompt"), QStringLiteral("more")},
        env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(
        json(r).value(QStringLiteral("error")).toString().contains(QLatin1String("not succeeded")),
        r.out.constData());
    QCOMPARE(sent("/api/v1/veo/extend"), 1);
    QVERIFY(!r.out.contains(Token.toUtf8()) && !r.err.contains(Token.toUtf8()));

    // The window finds them under their parent.
    TaskStore store;
    QCOMPARE(store.open(home.filePath(QStringLiteral("data/veo-tracker/tasks.sqlite"))),
             TaskStore::OpenResult::Opened);
    const QList<TaskRecord> all = store.loadAll().tasks;
    QStringList children;
    for (const TaskRecord &t : all) {
        if (!t.parentTaskId.isEmpty()) {
            children << t.parentTaskId + QLatin1Char('>') + t.taskId;
        }
    }
    children.sort();
    QStringList expected{Done + QLatin1Char('>') + hd,
                         Done + QStringLiteral(">") + Done + QStringLiteral(":4k:0"),
                         original + QLatin1Char('>') + ext};
    expected.sort();
    QCOMPARE(children, expected);
}

QList<FakeKieServer::Request> TestCli::generateRequests() const
{
    QList<FakeKieServer::Request> found;
    for (const FakeKieServer::Request &r : m_server.requests()) {
        if (r.path == "/api/v1/veo/generate") {
            found.append(r);
        }
    }
    return found;
}

QList<TaskRecord> TestCli::storedTasks(const QTemporaryDir &home)
{
    TaskStore store;
    if (store.open(home.filePath(QStringLiteral("data/veo-tracker/tasks.sqlite"))) !=
        TaskStore::OpenResult::Opened) {
        return {};
    }
    return store.loadAll().tasks;
}

QString TestCli::writeCsv(const QTemporaryDir &home, const QStringList &prompts)
{
    const QString path = home.filePath(QStringLiteral("batch.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    file.write("prompt,seeds\n");
    for (const QString &prompt : prompts) {
        file.write(prompt.toUtf8() + ",\n"); // seeds from --seeds
    }
    return path;
}

namespace {
QJsonObject jsonObject(const QByteArray &line)
{
    return QJsonDocument::fromJson(line.trimmed()).object();
}
} // namespace

void TestCli::generateSendsEveryFlag()
{
    QTemporaryDir home;
    const QProcessEnvironment env = userEnv(home);
    m_server.clearRequests();
    const Run r = run({QStringLiteral("--generate"),
                       QStringLiteral("--prompt"),
                       QStringLiteral("A red fox in snow"),
                       QStringLiteral("--model"),
                       QStringLiteral("quality"),
                       QStringLiteral("--aspect"),
                       QStringLiteral("9:16"),
                       QStringLiteral("--resolution"),
                       QStringLiteral("1080p"),
                       QStringLiteral("--seeds"),
                       QStringLiteral("12345"),
                       QStringLiteral("--watermark"),
                       QStringLiteral("Studio"),
                       QStringLiteral("--no-translation"),
                       QStringLiteral("--type"),
                       QStringLiteral("FIRST_AND_LAST_FRAMES_2_VIDEO"),
                       QStringLiteral("--image"),
                       QStringLiteral("https://img.example/a.png"),
                       QStringLiteral("--image"),
                       QStringLiteral("https://img.example/b.png")},
                      env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<FakeKieServer::Request> sent = generateRequests();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.constFirst().headers.value("authorization"), "Bearer " + Token.toUtf8());
    const QJsonObject body = QJsonDocument::fromJson(sent.constFirst().body).object();
    QCOMPARE(body.value(QStringLiteral("prompt")).toString(), QStringLiteral("A red fox in snow"));
    QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("veo3"));
    QCOMPARE(body.value(QStringLiteral("aspect_ratio")).toString(), QStringLiteral("9:16"));
    QCOMPARE(body.value(QStringLiteral("resolution")).toString(), QStringLiteral("1080p"));
    QCOMPARE(body.value(QStringLiteral("seeds")).toInt(), 12345);
    QCOMPARE(body.value(QStringLiteral("watermark")).toString(), QStringLiteral("Studio"));
    QCOMPARE(body.value(QStringLiteral("enableTranslation")), QJsonValue(false));
    QCOMPARE(body.value(QStringLiteral("generationType")).toString(),
             QStringLiteral("FIRST_AND_LAST_FRAMES_2_VIDEO"));
    QCOMPARE(body.value(QStringLiteral("imageUrls")).toVariant().toStringList(),
             QStringList({QStringLiteral("https://img.example/a.png"),
                          QStringLiteral("https://img.example/b.png")}));

    // One line: KIE's new task ID, tracked in the user's list for the window.
    QCOMPARE(r.out.trimmed().count('\n'), 0);
    const QJsonObject o = jsonObject(r.out);
    const QString taskId = o.value(QStringLiteral("taskId")).toString();
    QCOMPARE(taskId, m_server.generatedTaskIds().constLast());
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(o.value(QStringLiteral("index")).toInt(), 1);
    QVERIFY(o.value(QStringLiteral("error")).isNull());
    const QList<TaskRecord> stored = storedTasks(home);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().taskId, taskId);
    QCOMPARE(stored.constFirst().submission, TaskSubmission::None);
    QCOMPARE(stored.constFirst().kind, TaskKind::VeoGeneration);
    QVERIFY(!r.out.contains(Token.toUtf8()) && !r.err.contains(Token.toUtf8()));
}

void TestCli::generateRefusedOrLostIsNeverResent()
{
    QTemporaryDir home;
    const QProcessEnvironment env = userEnv(home);
    const QStringList args{QStringLiteral("--generate"), QStringLiteral("--prompt"),
                           QStringLiteral("A lighthouse at dusk")};
    m_server.clearRequests();

    // A key no one stored: nothing is sent.
    Run r = run(args + QStringList{QStringLiteral("--key"), QStringLiteral("Nobody")}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(jsonObject(r.out)
                 .value(QStringLiteral("error"))
                 .toString()
                 .contains(QLatin1String("Nobody")),
             r.out.constData());
    QCOMPARE(generateRequests().size(), 0);

    // Refused (402): exit 2, KIE's reason, nothing left waiting to be sent.
    m_server.setRouteScript("/api/v1/veo/generate",
                            {FakeKieServer::kieError(402, QStringLiteral("Insufficient Credits"))});
    r = run(args, env);
    QCOMPARE(r.exitCode, 2);
    QJsonObject o = jsonObject(r.out);
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
    QVERIFY(o.value(QStringLiteral("taskId")).isNull());
    QVERIFY2(!o.value(QStringLiteral("error")).toString().isEmpty(), r.out.constData());
    QCOMPARE(generateRequests().size(), 1);
    for (const TaskRecord &t : storedTasks(home)) {
        QVERIFY(t.submission != TaskSubmission::Queued && t.submission != TaskSubmission::Sending);
        QVERIFY(t.status != TaskStatus::Generating);
    }

    // Its answer lost: exit 3, sent exactly once.
    FakeKieServer::Response dropped;
    dropped.fault = FakeKieServer::Response::Fault::DropConnection;
    m_server.setRouteScript("/api/v1/veo/generate", {dropped, FakeKieServer::builtInAnswer()});
    r = run(args, env);
    QCOMPARE(r.exitCode, 3);
    o = jsonObject(r.out);
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("answerLost"));
    QVERIFY2(o.value(QStringLiteral("error")).toString().contains(QLatin1String("kie.ai")),
             r.out.constData());
    const QString lost = o.value(QStringLiteral("placeholderId")).toString();
    QVERIFY(!lost.isEmpty());
    QCOMPARE(generateRequests().size(), 2);

    // The same command again is a new generation, not the old one sent again: that one stays
    // "Sent, answer lost".
    r = run(args, env);
    QVERIFY2(r.exitCode == 0, r.out.constData());
    o = jsonObject(r.out);
    QCOMPARE(o.value(QStringLiteral("taskId")).toString(), m_server.generatedTaskIds().constLast());
    QVERIFY(o.value(QStringLiteral("placeholderId")).toString() != lost);
    QCOMPARE(generateRequests().size(), 3);
    bool stillLost = false;
    for (const TaskRecord &t : storedTasks(home)) {
        stillLost = stillLost || (t.taskId == lost && t.submission == TaskSubmission::AnswerLost);
    }
    QVERIFY(stillLost);
    m_server.setRouteScript("/api/v1/veo/generate", {});
}

void TestCli::batchOfTwentyFiveIsPaced()
{
    // KIE takes 20 new requests per 10 s per account: the 21st waits for the window to pass
    // (about 10 s of real time; the queue's own tests use a manual clock).
    QTemporaryDir home;
    const QProcessEnvironment env = userEnv(home);
    QStringList prompts;
    for (int i = 1; i <= 25; ++i) {
        prompts << QStringLiteral("Scene %1").arg(i);
    }
    const QString csv = writeCsv(home, prompts);
    m_server.clearRequests();
    const Run r = run({QStringLiteral("--batch"), csv, QStringLiteral("--seeds"),
                       QStringLiteral("54321"), QStringLiteral("--model"), QStringLiteral("lite")},
                      env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<FakeKieServer::Request> sent = generateRequests();
    QCOMPARE(sent.size(), 25);
    QVERIFY2(sent.at(20).atMs - sent.at(0).atMs >= 9500,
             QByteArray::number(sent.at(20).atMs - sent.at(0).atMs).constData());
    QStringList sentPrompts;
    for (const FakeKieServer::Request &request : sent) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        sentPrompts << body.value(QStringLiteral("prompt")).toString();
        QCOMPARE(body.value(QStringLiteral("seeds")).toInt(), 54321); // the flag's default
        QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("veo3_lite"));
    }
    // In the file's order: the first 20 are the first 20 rows. Within a window they may
    // arrive in any order (several connections in parallel).
    QCOMPARE(QSet<QString>(sentPrompts.cbegin(), sentPrompts.cbegin() + 20),
             QSet<QString>(prompts.cbegin(), prompts.cbegin() + 20));
    QCOMPARE(QSet<QString>(sentPrompts.cbegin(), sentPrompts.cend()),
             QSet<QString>(prompts.cbegin(), prompts.cend()));

    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 25);
    QSet<int> indexes;
    for (const QByteArray &line : lines) {
        const QJsonObject o = jsonObject(line);
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        QVERIFY(m_server.generatedTaskIds().contains(o.value(QStringLiteral("taskId")).toString()));
        indexes.insert(o.value(QStringLiteral("index")).toInt());
    }
    QCOMPARE(indexes.size(), 25);
    QVERIFY2(r.err.contains("25 of 25"), r.err.constData());
    int generations = 0;
    for (const TaskRecord &t : storedTasks(home)) {
        generations +=
            int(t.kind == TaskKind::VeoGeneration && t.submission == TaskSubmission::None);
    }
    QCOMPARE(generations, 25);
}

void TestCli::batchWithABadRowSendsNothing()
{
    QTemporaryDir home;
    const QProcessEnvironment env = userEnv(home);
    const QString csv = home.filePath(QStringLiteral("bad.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("prompt,seeds\nFine,\nBad seeds,12\nAlso fine,\n"); // row 3: seeds too small
    file.close();
    m_server.clearRequests();
    const Run r = run({QStringLiteral("--batch"), csv}, env);
    QCOMPARE(r.exitCode, 2);
    const QJsonObject o = jsonObject(r.out);
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
    const QStringList problems = o.value(QStringLiteral("problems")).toVariant().toStringList();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.constFirst().contains(QLatin1String("3")), qPrintable(problems.join('|')));
    QVERIFY(r.err.contains(problems.constFirst().toUtf8()));
    QCOMPARE(generateRequests().size(), 0);
    QVERIFY(storedTasks(home).isEmpty());

    const Run missing =
        run({QStringLiteral("--batch"), home.filePath(QStringLiteral("none.json"))}, env);
    QCOMPARE(missing.exitCode, 2);
    QCOMPARE(generateRequests().size(), 0);
}

void TestCli::batchStoppedKeepsTheRestQueued()
{
    QTemporaryDir home;
    QStringList prompts;
    for (int i = 1; i <= 23; ++i) {
        prompts << QStringLiteral("Take %1").arg(i);
    }
    const QString csv = writeCsv(home, prompts);
    m_server.clearRequests();
    QProcess p;
    p.setProcessEnvironment(userEnv(home));
    p.start(QStringLiteral(VEO_TRACKER_BINARY), {QStringLiteral("--batch"), csv});
    QVERIFY(p.waitForStarted(10000));
    // 20 go at once; the other 3 wait about 10 s for KIE's limit.
    QTRY_COMPARE_WITH_TIMEOUT(generateRequests().size(), 20, 30000);
    p.terminate(); // SIGTERM, as Ctrl+C
    QSignalSpy finished(&p, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 2);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(err.contains("not sent yet stay queued"), err.constData());
    QCOMPARE(p.readAllStandardOutput().count("\"state\":\"queued\""), 3);
    QCOMPARE(generateRequests().size(), 20);
    int queued = 0;
    int accepted = 0;
    for (const TaskRecord &t : storedTasks(home)) {
        queued += int(t.submission == TaskSubmission::Queued);
        accepted += int(t.submission == TaskSubmission::None);
    }
    QCOMPARE(queued, 3);
    QCOMPARE(accepted, 20);
}

void TestCli::generateChargesTheKeyNamedByItsLabel()
{
    QTemporaryDir home;
    QProcessEnvironment env = userEnv(home);
    env.remove(QStringLiteral("KIE_API_KEY")); // only the stored keys
    const QString stored = QStringLiteral("sk-cli-stored-888");
    m_server.setValidKeys({Token, stored});
    m_server.setCredits(stored, 500); // --add-key reads them: a key with none pays for nothing
    QProcess add;
    add.setProcessEnvironment(env);
    add.start(QStringLiteral(VEO_TRACKER_BINARY),
              {QStringLiteral("--add-key"), QStringLiteral("Client B")});
    QVERIFY(add.waitForStarted(10000));
    add.write(stored.toUtf8() + '\n');
    add.closeWriteChannel();
    QSignalSpy added(&add, &QProcess::finished);
    QVERIFY(added.wait(30000)); // the keychain write and the key's credits check
    if (add.exitCode() != 0) {
        QSKIP(qPrintable(QStringLiteral("no keychain to store a key in: ") +
                         QString::fromUtf8(add.readAllStandardError())));
    }
    m_server.clearRequests();
    const Run r =
        run({QStringLiteral("--generate"), QStringLiteral("--prompt"), QStringLiteral("Paid by B"),
             QStringLiteral("--key"), QStringLiteral("client b")},
            env);
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    const QList<FakeKieServer::Request> sent = generateRequests();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.constFirst().headers.value("authorization"), "Bearer " + stored.toUtf8());
    QVERIFY(!r.out.contains(stored.toUtf8()) && !r.err.contains(stored.toUtf8()));
    m_server.setValidKeys({Token});
}

namespace {

// A file that starts like a PNG (what the upload checks), size bytes long.
QString writePng(const QTemporaryDir &home, const QString &name, qint64 size)
{
    const QString path = home.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    file.write(QByteArrayLiteral("\x89PNG\r\n\x1a\n"));
    file.resize(size); // the rest reads as zeros
    return path;
}

// The child's peak resident memory (VmHWM, kB), sampled while it runs: it only grows, so the
// last sample before the end holds the peak of the upload that came before.
qint64 peakKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
        }
    }
    return -1;
}

} // namespace

// --image FILE: the file is uploaded first (streamed: a 20 MiB image costs the program no more
// memory than a 64 KiB one, give or take a few MiB), then the generation names its address;
// a file that cannot be uploaded sends and stores nothing.
void TestCli::generateUploadsImagesFromDisk()
{
    QTemporaryDir home;
    const QProcessEnvironment env = userEnv(home);
    const auto generate = [&](const QString &image, qint64 *peak) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(home.path()); // a relative --image is relative to it
        p.start(QStringLiteral(VEO_TRACKER_BINARY),
                {QStringLiteral("--generate"), QStringLiteral("--prompt"),
                 QStringLiteral("A kite over the dunes"), QStringLiteral("--type"),
                 QStringLiteral("FIRST_AND_LAST_FRAMES_2_VIDEO"), QStringLiteral("--image"), image,
                 QStringLiteral("--image"), QStringLiteral("https://img.example/last.png")});
        Run r;
        if (!p.waitForStarted(10000)) {
            return r;
        }
        QTimer sampler;
        const qint64 pid = p.processId();
        QObject::connect(&sampler, &QTimer::timeout, [&] {
            if (const qint64 kb = peakKb(pid); kb > 0) {
                *peak = kb;
            }
        });
        sampler.start(5);
        QSignalSpy finished(&p, &QProcess::finished);
        if (!finished.wait(60000)) {
            p.kill();
            p.waitForFinished();
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    };

    m_server.clearRequests();
    const qsizetype uploadsBefore = m_server.uploads().size();
    qint64 smallPeak = 0;
    const Run small = generate(writePng(home, QStringLiteral("small.png"), 64 * 1024), &smallPeak);
    QVERIFY2(small.exitCode == 0, small.err.constData());
    qint64 bigPeak = 0;
    QVERIFY(!writePng(home, QStringLiteral("big.png"), 20 * 1024 * 1024).isEmpty());
    const Run large = generate(QStringLiteral("big.png"), &bigPeak);
    QVERIFY2(large.exitCode == 0, large.err.constData());
    QVERIFY2(large.err.contains("Uploading big.png (20.00 MiB)"), large.err.constData());

    QCOMPARE(m_server.uploads().size(), uploadsBefore + 2);
    const FakeKieServer::Upload upload = m_server.uploads().constLast();
    QCOMPARE(upload.size, 20 * 1024 * 1024);
    QCOMPARE(upload.key, Token);
    const QList<FakeKieServer::Request> sent = generateRequests();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(QJsonDocument::fromJson(sent.constLast().body)
                 .object()
                 .value(QStringLiteral("imageUrls"))
                 .toArray(),
             (QJsonArray{upload.url.toString(QUrl::FullyEncoded),
                         QStringLiteral("https://img.example/last.png")}));
    qInfo("peak memory: %lld kB with a 64 KiB image, %lld kB with a 20 MiB one", smallPeak,
          bigPeak);
    QVERIFY(smallPeak > 0 && bigPeak > 0);
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer keeps freed memory in quarantine: every piece read and sent stays
    // resident, so memory grows with the file whether it is streamed or not. The normal build
    // measures it.
    qInfo("memory not compared under AddressSanitizer (its quarantine keeps freed pieces)");
#else
    QVERIFY2(bigPeak - smallPeak < 8 * 1024, "the 20 MiB image was held in memory");
#endif

    // A file that is not there: said, nothing stored or sent.
    qint64 ignored = 0;
    const Run missing = generate(home.filePath(QStringLiteral("gone.png")), &ignored);
    QCOMPARE(missing.exitCode, 2);
    const QJsonObject o = jsonObject(missing.out);
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
    QVERIFY2(o.value(QStringLiteral("error")).toString().contains(QLatin1String("cannot be read")),
             missing.out.constData());
    QCOMPARE(generateRequests().size(), 2);
    QCOMPARE(storedTasks(home).size(), 2);
    QVERIFY(!large.out.contains(Token.toUtf8()) && !large.err.contains(Token.toUtf8()));
}

// --export reads the user's task list (the window may be open) and writes every field.
void TestCli::exportWritesTheTaskList()
{
    QTemporaryDir home;
    const QProcessEnvironment env = userEnv(home);
    {
        TaskStore store;
        QCOMPARE(store.open(home.filePath(QStringLiteral("data/veo-tracker/tasks.sqlite"))),
                 TaskStore::OpenResult::Opened);
        TaskRecord done;
        done.taskId = QStringLiteral("cli_export_done_0001");
        done.status = TaskStatus::Succeeded;
        done.prompt = QStringLiteral("雪地里的红狐狸, \"slow motion\"");
        done.addedAt = QDateTime::currentDateTimeUtc();
        TaskRecord failed;
        failed.taskId = QStringLiteral("cli_export_fail_0002");
        failed.status = TaskStatus::Failed;
        failed.addedAt = done.addedAt;
        QCOMPARE(store.insertNew({done, failed}).size(), 2);
    }
    const QString json = home.filePath(QStringLiteral("out/succeeded.json"));
    QVERIFY(QDir().mkpath(home.filePath(QStringLiteral("out"))));
    Run r = run(
        {QStringLiteral("--export"), json, QStringLiteral("--status"), QStringLiteral("succeeded")},
        env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains("Exported 1 task to "), r.err.constData());
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonArray tasks = QJsonDocument::fromJson(jsonFile.readAll())
                                 .object()
                                 .value(QLatin1String("tasks"))
                                 .toArray();
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.at(0).toObject().value(QLatin1String("prompt")).toString(),
             QStringLiteral("雪地里的红狐狸, \"slow motion\""));

    const QString csv = home.filePath(QStringLiteral("out/all.csv"));
    r = run({QStringLiteral("--export"), csv}, env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QByteArray text = csvFile.readAll();
    QVERIFY(text.contains("cli_export_done_0001") && text.contains("cli_export_fail_0002"));
    QVERIFY(!text.contains(Token.toUtf8()));

    // A folder that is not there: said, exit 2.
    r = run({QStringLiteral("--export"), home.filePath(QStringLiteral("missing/x.csv"))}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("Could not write"), r.err.constData());
}

namespace {
// A task list at path with count succeeded tasks; false when it cannot be written.
bool storeTasks(const QString &path, int count)
{
    TaskStore store;
    if (store.open(path) != TaskStore::OpenResult::Opened) {
        return false;
    }
    QList<TaskRecord> tasks;
    for (int i = 0; i < count; ++i) {
        TaskRecord t;
        t.taskId = QStringLiteral("cli_export_%1").arg(i, 4, 10, QLatin1Char('0'));
        t.status = TaskStatus::Succeeded;
        t.prompt = QStringLiteral("A lighthouse in a storm at night, take %1.").arg(i);
        t.addedAt = QDateTime::currentDateTimeUtc();
        tasks.append(t);
    }
    return store.insertNew(tasks).size() == tasks.size();
}
} // namespace

// --export refuses the list with exit code 3 and why on standard error, and writes no file
// (nor a temporary one).
void TestCli::exportIsRefused(const QTemporaryDir &home, const QByteArray &why)
{
    const QString out = home.filePath(QStringLiteral("refused.csv"));
    const Run r = run({QStringLiteral("--export"), out}, userEnv(home));
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(why), r.err.constData());
    QVERIFY2(!r.err.contains("Exported"), r.err.constData());
    QVERIFY(QDir(home.path()).entryList({QStringLiteral("refused.csv*")}, QDir::Files).isEmpty());
}

// A task list that opens but cannot be read to its end is not exported: the file would pass for
// the whole list. SQLite's check at open finds damaged pages (the list is then moved aside), so
// the read that stops part-way is a view here whose 201st row cannot be read.
void TestCli::exportRefusesAListItCannotReadToTheEnd()
{
    QTemporaryDir home;
    const QString path = home.filePath(QStringLiteral("data/veo-tracker/tasks.sqlite"));
    QVERIFY(storeTasks(path, 300));
    const QString connection = QStringLiteral("tst_cli.unreadable");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QStringList columns;
        QVERIFY(q.exec(QStringLiteral("PRAGMA table_info(tasks)")));
        while (q.next()) {
            columns << q.value(1).toString();
        }
        QVERIFY(columns.size() > 2);
        columns.last() = QStringLiteral("CASE WHEN rowid = 201 THEN json('unreadable') ELSE %1 END "
                                        "AS %1")
                             .arg(columns.last());
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE tasks RENAME TO stored_tasks")));
        QVERIFY2(q.exec(QStringLiteral("CREATE VIEW tasks AS SELECT rowid AS rowid,") +
                        columns.join(QLatin1Char(',')) + QStringLiteral(" FROM stored_tasks")),
                 qPrintable(q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);

    exportIsRefused(home, "Could not read the whole task list");
}

// A list damaged on disk fails SQLite's check when it is opened and is moved aside, as the
// window does: --export says so and exports nothing, rather than the new, empty list.
void TestCli::exportOfADamagedListSaysItWasMovedAside()
{
    QTemporaryDir home;
    const QString folder = home.filePath(QStringLiteral("data/veo-tracker"));
    const QString path = folder + QStringLiteral("/tasks.sqlite");
    // Once stored, the list is closed: everything is in the main file, none in the log.
    QVERIFY(storeTasks(path, 3000));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 length = file.size() * 3 / 10;
        QVERIFY(file.seek(file.size() * 4 / 10));
        QCOMPARE(file.write(QByteArray(length, '\xff')), length);
    }

    exportIsRefused(home, "It was moved to");
    QCOMPARE(QDir(folder).entryList({QStringLiteral("tasks.sqlite.corrupt-*")}, QDir::Files).size(),
             1);
}

// --import FILE: the IDs of a file (an export of another list, text) go into the user's list;
// the summary says what was added, already tracked and left out; the exit code whether all of
// it could be used.
void TestCli::importAddsTheIdsOfAFile()
{
    QTemporaryDir source;
    QTemporaryDir home;
    const QProcessEnvironment env = userEnv(home);
    const QString storePath = home.filePath(QStringLiteral("data/veo-tracker/tasks.sqlite"));
    {
        TaskStore store;
        QCOMPARE(store.open(source.filePath(QStringLiteral("data/veo-tracker/tasks.sqlite"))),
                 TaskStore::OpenResult::Opened);
        TaskRecord known;
        known.taskId = QStringLiteral("cli_import_known_001");
        known.prompt = QStringLiteral("红狐狸, \"quoted\"\nsecond line");
        known.addedAt = QDateTime::currentDateTimeUtc();
        TaskRecord extension = known;
        extension.taskId = QStringLiteral("cli_import_extend_02");
        extension.kind = TaskKind::VeoExtension;
        extension.parentTaskId = known.taskId;
        QCOMPARE(store.insertNew({known, extension}).size(), 2);
        TaskStore mine;
        QCOMPARE(mine.open(storePath), TaskStore::OpenResult::Opened);
        QCOMPARE(mine.insertNew({known}).size(), 1);
    }
    // Another list's export: one task already here, one new (an extension, kept as one).
    const QString exported = source.filePath(QStringLiteral("moved.csv"));
    QProcessEnvironment sourceEnv = userEnv(source);
    Run r = run({QStringLiteral("--export"), exported}, sourceEnv);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run({QStringLiteral("--import"), exported}, env);
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QVERIFY2(r.out.contains("Added 1 task"), r.out.constData());
    QVERIFY2(r.out.contains("1 already tracked."), r.out.constData());
    QList<TaskRecord> tasks = storedTasks(home);
    QCOMPARE(tasks.size(), 2);
    const auto extension = std::find_if(tasks.cbegin(), tasks.cend(), [](const TaskRecord &t) {
        return t.taskId == QLatin1String("cli_import_extend_02");
    });
    QVERIFY(extension != tasks.cend());
    QCOMPARE(extension->kind, TaskKind::VeoExtension);
    QCOMPARE(extension->parentTaskId, QStringLiteral("cli_import_known_001"));

    // Text with a line that is no ID: the IDs are added, the line is named, exit 1.
    const QString text = home.filePath(QStringLiteral("ids.txt"));
    {
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("cli_import_text_0003 cli_import_known_001\nplease track these\n"
                   "cli_import_text_0004\n");
    }
    r = run({QStringLiteral("--import"), text}, env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("Added 2 task"), r.out.constData());
    QVERIFY2(r.out.contains("1 already tracked."), r.out.constData());
    QVERIFY2(r.out.contains("line 2: please track these"), r.out.constData());
    QCOMPARE(storedTasks(home).size(), 4);
    QVERIFY(!r.out.contains(Token.toUtf8()) && !r.err.contains(Token.toUtf8()));

    // Nothing to import: a missing file, a file without IDs, not text. Exit 2, list unchanged.
    r = run({QStringLiteral("--import"), home.filePath(QStringLiteral("missing.csv"))}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("Could not read"), r.err.constData());
    const QString words = home.filePath(QStringLiteral("words.txt"));
    {
        QFile file(words);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("no ids here!\n");
    }
    r = run({QStringLiteral("--import"), words}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.contains("Added 0 task"), r.out.constData());
    const QString binary = home.filePath(QStringLiteral("clip.mp4"));
    {
        QFile file(binary);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromHex("000000186674797069736f6d")); // an MP4's first box
    }
    r = run({QStringLiteral("--import"), binary}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("not a text file"), r.err.constData());
    QCOMPARE(storedTasks(home).size(), 4);
}

// The window owns the task list: --import hands it the file, and the window adds its tasks
// (it polls them), as launching with IDs hands them over.
void TestCli::importWhileTheWindowIsOpenGoesToTheWindow()
{
    QTemporaryDir home;
    const QProcessEnvironment env = userEnv(home);
    QProcess window;
    window.setProcessEnvironment(env);
    window.start(QStringLiteral(VEO_TRACKER_BINARY), {Done});
    QVERIFY(window.waitForStarted(10000));
    const QString storePath = home.filePath(QStringLiteral("data/veo-tracker/tasks.sqlite"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(storePath + QStringLiteral(".lock")), 30000);
    const QString text = home.filePath(QStringLiteral("ids.txt"));
    {
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("cli_import_handed_001\n");
    }
    const Run r = run({QStringLiteral("--import"), text}, env);
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QVERIFY2(r.out.contains("its window imports"), r.out.constData());
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_server.requestsFor(QStringLiteral("cli_import_handed_001")).isEmpty(), 30000);
    window.kill(); // like kill -9: the import was committed before its task was polled
    window.waitForFinished();
    TaskStore store;
    QCOMPARE(store.open(storePath), TaskStore::OpenResult::Opened);
    QVERIFY(store.contains(QStringLiteral("cli_import_handed_001")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
