// Veo Tracker: command line, translators and wiring of the layers. No logic lives here.

#include "apibase.h"
#include "appsettings.h"
#include "commandline.h"
#include "createrequests.h"
#include "dbusservice.h"
#include "demoscenario.h"
#include "downloadstore.h"
#include "engine.h"
#include "fakekieserver.h"
#include "followupcommand.h"
#include "followups.h"
#include "generatecommand.h"
#include "generations.h"
#include "instanceguard.h"
#include "keychaintokenstore.h"
#include "keycommands.h"
#include "keyprofilestore.h"
#include "keyring.h"
#include "kieclient.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "memorytokenstore.h"
#include "refreshscheduler.h"
#include "requestscheduler.h"
#include "scriptcommand.h"
#include "scriptsession.h"
#include "taskchecker.h"
#include "taskexport.h"
#include "taskimport.h"
#include "taskimporter.h"
#include "taskrepository.h"
#include "taskstore.h"
#include "tasktracker.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>
#include <QSaveFile>
#include <cstdio>
#include <memory>
#include <optional>
#include <sys/prctl.h>
#include <sys/resource.h>

using namespace veo;

namespace {

void printLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fprintf(stream, "%s\n", bytes.constData());
    std::fflush(stream);
}

// The simulated KIE endpoint for --demo, on loopback inside this process: the API on
// 127.0.0.1, the videos on 127.0.0.2 (another origin, as KIE's file hosts are; the API's own
// address when that one cannot be used).
struct DemoServers
{
    std::unique_ptr<FakeKieServer> api;
    std::unique_ptr<FakeKieServer> media;
    QUrl baseUrl() const { return api->baseUrl(); }
};

std::optional<DemoServers> startDemoServer(QStringList *demoIds)
{
    DemoServers demo{std::make_unique<FakeKieServer>(), std::make_unique<FakeKieServer>()};
    if (!demo.api->listen(QHostAddress::LocalHost)) {
        return std::nullopt;
    }
    if (!demo.media->listen(QHostAddress(QStringLiteral("127.0.0.2")))) {
        demo.media.reset();
    }
    QFile clip(QStringLiteral(":/demo/demo-clip.mp4"));
    *demoIds = installDemoScenario(*demo.api,
                                   clip.open(QIODevice::ReadOnly) ? clip.readAll() : QByteArray(),
                                   demo.media.get());
    return demo;
}

constexpr auto DemoToken = "demo-key";

int runCheck(const CommandLine &cl, QCoreApplication &app)
{
    QStringList demoIds;
    std::optional<DemoServers> demo;
    QString base = cl.apiBase.isEmpty() ? QString::fromLatin1(DefaultApiBase) : cl.apiBase;
    if (cl.demo) {
        demo = startDemoServer(&demoIds);
        if (!demo) {
            printLine(stderr, QCoreApplication::translate("main", "Could not start the demo."));
            return 2;
        }
        base = demo->baseUrl().toString();
    }
    const ApiBaseCheck api = checkApiBase(base);
    if (!api.error.isEmpty()) {
        printLine(stderr, api.error);
        return 2;
    }
    KieClient client(api.url);
    KeychainTokenStore keychain;
    KeyRing keys(&keychain);
    if (cl.demo) {
        keys.setSessionKey(QString::fromLatin1(DemoToken));
    } else if (const QString env = qEnvironmentVariable("KIE_API_KEY"); !env.isEmpty()) {
        keys.setSessionKey(env);
    }
    RequestScheduler requests(&client, [&keys](const QString &id) { return keys.token(id); });
    int exitCode = 2;
    std::unique_ptr<TaskChecker> checker;
    QObject::connect(&keys, &KeyRing::stateChanged, &app, [&](KeyRing::State state) {
        if (state == KeyRing::State::Loading || checker) {
            return;
        }
        if (!keys.hasKey()) {
            printLine(stderr, QCoreApplication::translate(
                                  "main", "No API key: set KIE_API_KEY, or save a key in "
                                          "Veo Tracker first."));
            if (state == KeyRing::State::Unavailable) {
                printLine(stderr, keys.lastResult().userMessage());
            }
            QCoreApplication::quit();
            return;
        }
        checker = std::make_unique<TaskChecker>(&requests);
        QObject::connect(checker.get(), &TaskChecker::finished, &app,
                         [&exitCode](const QList<CheckResult> &results) {
                             for (const CheckResult &r : results) {
                                 printLine(stdout, QString::fromUtf8(checkResultJson(r)));
                             }
                             exitCode = checkExitCode(results);
                             QCoreApplication::quit();
                         });
        checker->start(cl.taskIds);
    });
    keys.load();
    app.exec();
    return exitCode;
}

// The user's task list for a command that does not track tasks (running its migrations;
// the window may be open). Says why on standard error when it cannot be opened.
bool openTaskList(TaskStore &store)
{
    if (store.open(TaskStore::defaultPath(false)) == TaskStore::OpenResult::Failed) {
        printLine(stderr, store.message());
        return false;
    }
    return true;
}

int runKeyCommand(const CommandLine &cl, QCoreApplication &app)
{
    const ApiBaseCheck api =
        checkApiBase(cl.apiBase.isEmpty() ? QString::fromLatin1(DefaultApiBase) : cl.apiBase);
    if (!api.error.isEmpty()) {
        printLine(stderr, api.error);
        return 2;
    }
    TaskStore store;
    if (!openTaskList(store)) {
        return 3;
    }
    KeyProfileStore meta;
    meta.open(store.path());
    KieClient client(api.url);
    KeychainTokenStore keychain;
    KeyRing keys(&keychain, &meta);
    QFile out;
    QFile err;
    out.open(stdout, QIODevice::WriteOnly, QFileDevice::DontCloseHandle);
    err.open(stderr, QIODevice::WriteOnly, QFileDevice::DontCloseHandle);
    RequestScheduler requests(&client, [&keys](const QString &id) { return keys.token(id); });
    KeyCommands command(&keys, &requests, &out, &err);
    int code = 0;
    QObject::connect(&command, &KeyCommands::finished, &app, [&code](int result) {
        code = result;
        QCoreApplication::quit();
    });
    if (cl.mode == CommandLine::Mode::AddKey) {
        command.addKey(cl.keyLabel, KeyCommands::readStandardInput());
    } else {
        command.listKeys();
    }
    app.exec();
    return code;
}

// --export: reads the task list (the window may be open: nothing is written to it).
int runExport(const CommandLine &cl)
{
    TaskStore store;
    if (!openTaskList(store)) {
        return 3;
    }
    KeyProfileStore meta;
    meta.open(store.path());
    DownloadStore downloads;
    downloads.open(store.path());
    TaskStore::Read read = store.loadAll();
    if (read.failed()) {
        //: --export; %1 = SQLite's reason
        printLine(stderr, QCoreApplication::translate(
                              "main", "Could not read the whole task list (%1); nothing was "
                                      "exported.")
                              .arg(read.error));
        return 3;
    }
    QList<TaskRecord> tasks = std::move(read.tasks);
    tasks.removeIf(
        [&cl](const TaskRecord &t) { return !exportKeeps(t, cl.exportStatus, cl.exportSince); });
    const QByteArray data =
        exportTasks(exportedTasks(tasks, meta.loadAll(), downloads.localCopies()),
                    exportFormatForPath(cl.exportFile));
    QSaveFile file(cl.exportFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        //: --export FILE; %2 = the system's reason
        printLine(stderr, QCoreApplication::translate("main", "Could not write %1: %2")
                              .arg(cl.exportFile, file.errorString()));
        return 2;
    }
    //: --export FILE
    printLine(
        stderr,
        QCoreApplication::translate("main", "Exported %n task(s) to %1.", "", int(tasks.size()))
            .arg(QDir::toNativeSeparators(QFileInfo(cl.exportFile).absoluteFilePath())));
    return 0;
}

// --import: adds the file's task IDs to the task list, which only one process may write: while
// the window owns it, the window imports the file and shows its report. 0 all listed (or
// handed to the window), 1 some lines or key labels were left out, 2 nothing could be imported.
int runImport(const CommandLine &cl, const AppSettings &settings)
{
    QFile file(cl.importFile);
    if (!file.open(QIODevice::ReadOnly)) {
        //: --import FILE; %2 = the system's reason
        printLine(stderr, QCoreApplication::translate("main", "Could not read %1: %2")
                              .arg(QDir::toNativeSeparators(cl.importFile), file.errorString()));
        return 2;
    }
    const TaskImport read = readTaskImport(file.readAll());
    if (const QString why = TaskImporter::unreadable(read, cl.importFile); !why.isEmpty()) {
        printLine(stderr, why);
        return 2;
    }
    const QString windowOpen = QCoreApplication::translate(
        "main", "Veo Tracker is running but does not answer: use File > Import Tasks… in its "
                "window (or drop the file on it), or quit it and run this again. Nothing was "
                "added.");
    const QString path = QFileInfo(cl.importFile).absoluteFilePath();
    const auto handOver = [&path](InstanceGuard &window) {
        if (!window.handOverImport({path})) {
            return false;
        }
        //: --import while the window is open; %1 = the file
        printLine(stdout, QCoreApplication::translate(
                              "main", "Veo Tracker is running: its window imports %1 and shows "
                                      "what it added.")
                              .arg(QDir::toNativeSeparators(path)));
        return true;
    };
    return runOnTaskList(
        cl.apiBase, settings, windowOpen,
        [&read](const ScriptSession &s) {
            s.tasks.load();
            const ImportOutcome outcome = TaskImporter::add(read.tasks, s.keys, s.tracker);
            printLine(stdout, TaskImporter::report(read, outcome));
            if (read.tasks.isEmpty() || outcome.failed > 0) {
                return 2;
            }
            return read.skipped.isEmpty() && outcome.missingLabels.isEmpty() ? 0 : 1;
        },
        SessionKeys::LabelsOnly, handOver);
}

// Prints a command's JSON line on standard output and ends the event loop with its code.
void quitWith(const QByteArray &jsonLine, int exitCode, int *code)
{
    if (!jsonLine.isEmpty()) {
        printLine(stdout, QString::fromUtf8(jsonLine));
    }
    *code = exitCode;
    // Queued: it may finish before the event loop runs (a stored answer).
    QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit,
                              Qt::QueuedConnection);
}

// --get-1080p, --get-4k, --extend: on the user's task list, which only one process may write.
int runFollowUp(const CommandLine &cl, QCoreApplication &app, const AppSettings &settings)
{
    const QString windowOpen = QCoreApplication::translate(
        "main", "Veo Tracker is running and owns the task list: use Upgrade and Extend in its "
                "window, or quit it and run this again. Nothing was sent.");
    return runOnTaskList(cl.apiBase, settings, windowOpen, [&](const ScriptSession &s) {
        FollowUps followUps(&s.tasks, &s.tracker, &s.creates, &s.keys);
        FollowUpCommand command(&s.tasks, &s.tracker, &followUps, &s.keys);
        int code = ScriptCommand::Refused;
        QObject::connect(
            &command, &FollowUpCommand::finished, &app,
            [&code](const QByteArray &json, int exitCode) { quitWith(json, exitCode, &code); });
        command.run({cl.followUpKind, cl.parentTaskId, cl.videoIndex, cl.prompt, cl.model});
        app.exec();
        return code;
    });
}

// --generate, --batch: the same, with New Generation's queue.
int runGenerate(const CommandLine &cl, QCoreApplication &app, const AppSettings &settings)
{
    const QString windowOpen = QCoreApplication::translate(
        "main", "Veo Tracker is running and owns the task list: use New Generation in its "
                "window, or quit it and run this again. Nothing was sent.");
    return runOnTaskList(cl.apiBase, settings, windowOpen, [&](const ScriptSession &s) {
        Generations generations(&s.tasks, &s.creates, &s.keys);
        GenerateCommand command(&s.tasks, &s.creates, &generations, &s.keys, &s.client);
        int code = ScriptCommand::Refused;
        QObject::connect(&command, &GenerateCommand::line, &app, [](const QByteArray &json) {
            printLine(stdout, QString::fromUtf8(json));
        });
        QObject::connect(&command, &GenerateCommand::progress, &app,
                         [](const QString &text) { printLine(stderr, text); });
        QObject::connect(&command, &GenerateCommand::finished, &app,
                         [&code](int exitCode) { quitWith({}, exitCode, &code); });
        // Ctrl+C: what was not sent stays queued; the answers on their way are awaited.
        const TerminationSignals interrupts([&command] { command.stop(); });
        if (cl.mode == CommandLine::Mode::Batch) {
            command.runBatch(cl.batchFile, cl.generate, cl.keyLabel);
        } else {
            command.run({cl.generate}, cl.keyLabel, false);
        }
        app.exec();
        return code;
    });
}

int runGui(const CommandLine &cl, QApplication &app, AppSettings &settings,
           LanguageManager &languages)
{
    QStringList demoIds;
    std::optional<DemoServers> demo;
    QString base = cl.apiBase.isEmpty() ? QString::fromLatin1(DefaultApiBase) : cl.apiBase;
    if (cl.demo) {
        demo = startDemoServer(&demoIds);
        if (!demo) {
            QMessageBox::critical(
                nullptr, QCoreApplication::translate("main", "Veo Tracker"),
                QCoreApplication::translate("main", "Could not start the simulated KIE server for "
                                                    "the demo on 127.0.0.1."));
            return 1;
        }
        base = demo->baseUrl().toString();
    }
    const ApiBaseCheck api = checkApiBase(base);
    if (!api.error.isEmpty()) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Veo Tracker"),
                              api.error);
        return 2;
    }

    const QString storePath = TaskStore::defaultPath(cl.demo);
    InstanceGuard instance(storePath);
    switch (instance.claim()) {
    case InstanceGuard::Role::Secondary:
        // Another window owns this task list: hand the IDs over and let it come forward.
        if (instance.handOver(cl.taskIds)) {
            return 0;
        }
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Veo Tracker"),
                              QCoreApplication::translate(
                                  "main", "Veo Tracker is already running but does not answer "
                                          "(%1). Close it, or end its process, and try again.")
                                  .arg(instance.errorString()));
        return 1;
    case InstanceGuard::Role::Failed:
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Veo Tracker"),
                              instance.errorString());
        return 1;
    case InstanceGuard::Role::Primary:
        break;
    }

    TaskStore store;
    const TaskStore::OpenResult opened = store.open(storePath);
    if (opened == TaskStore::OpenResult::Failed) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Veo Tracker"),
                              store.message());
        return 1;
    }

    Engine::Options options;
    options.apiBase = api.url;
    options.demo = cl.demo;
    options.storePath = store.path();
    options.sessionKey =
        cl.demo ? QString::fromLatin1(DemoToken) : qEnvironmentVariable("KIE_API_KEY");
    options.demoTaskIds = demoIds;
    // The system's network state says nothing about a server on this machine (the demo).
    options.followSystemNetwork = !isLoopbackHost(api.url.host());
    options.loadInSteps = true;   // the window shows at once; a long list fills in behind
    MemoryTokenStore demoSecrets; // the demo never touches the real keychain
    KeychainTokenStore keychain;
    Engine engine(options, &store, cl.demo ? static_cast<TokenStore *>(&demoSecrets) : &keychain,
                  &settings);
    MainWindow window(&engine, &languages);
    if (opened == TaskStore::OpenResult::RecoveredFromCorruption) {
        window.showMessage(store.message(), true);
    }
    const auto comeForward = [&window] {
        window.showNormal();
        window.raise();
        window.activateWindow();
    };
    QObject::connect(&instance, &InstanceGuard::activated, &window,
                     [&window, comeForward](const QStringList &ids) {
                         comeForward();
                         window.addTaskIds(ids);
                     });
    QObject::connect(&instance, &InstanceGuard::importRequested, &window,
                     [&window, comeForward](const QStringList &files) {
                         comeForward();
                         window.importFiles(files);
                     });
    // Try the Demo / Leave Demo: the other mode is another process on another task list.
    QObject::connect(
        &window, &MainWindow::modeSwitchRequested, &window, [&window, &cl](bool toDemo) {
            const QStringList args = relaunchArguments(cl, toDemo);
            if (QProcess::startDetached(QCoreApplication::applicationFilePath(), args)) {
                window.quit();
                return;
            }
            window.showMessage(
                QCoreApplication::translate(
                    "main", "Veo Tracker could not start itself again (%1). Quit it "
                            "and start it yourself: veo-tracker %2")
                    .arg(QCoreApplication::applicationFilePath(), args.join(QLatin1Char(' '))),
                true);
        });
    engine.start();
    // Scripts reach this window over D-Bus (the demo's under a name of its own). InstanceGuard
    // made it the only window of its task list: a name another program holds stays with it.
    DBusService dbus(&engine);
    dbus.publish(QDBusConnection::sessionBus(), DBusService::serviceName(cl.demo));
    window.show();
    window.addTaskIds(cl.taskIds);
    return app.exec();
}

// API keys live in this process's memory (headers are built from them), so a core dump would
// write them to disk, where crash reporters and backups pick them up. As KeePassXC does: no
// core file (RLIMIT_CORE 0) and not dumpable, which also keeps other processes of the user
// from attaching to this one. VEO_TRACKER_ALLOW_CORE_DUMPS=1 keeps them for debugging.
void disableCoreDumps()
{
    if (qEnvironmentVariableIntValue("VEO_TRACKER_ALLOW_CORE_DUMPS") == 1) {
        return;
    }
    const rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

bool wantsConsoleOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg = QByteArray(argv[i]).split('=').constFirst(); // --opt=value too
        if (arg == "--check" || arg == "--help" || arg == "-h" || arg == "--version" ||
            arg == "-v" || arg == "--help-all" || arg == "--add-key" || arg == "--list-keys" ||
            arg == "--get-1080p" || arg == "--get-4k" || arg == "--extend" || arg == "--generate" ||
            arg == "--batch" || arg == "--import") {
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    disableCoreDumps();
    QCoreApplication::setApplicationName(QStringLiteral("veo-tracker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VEO_VERSION));
    QCoreApplication::setOrganizationName(QString());
    const bool console = wantsConsoleOnly(argc, argv);
    std::unique_ptr<QCoreApplication> app = console ? std::make_unique<QCoreApplication>(argc, argv)
                                                    : std::make_unique<QApplication>(argc, argv);
    if (!console) {
        QGuiApplication::setApplicationDisplayName(QStringLiteral("Veo Tracker"));
        QGuiApplication::setDesktopFileName(QStringLiteral(VEO_APP_ID));
    }
    const QString envBase = qEnvironmentVariable("VEO_TRACKER_API_BASE");
    CommandLine cl = parseCommandLine(QCoreApplication::arguments(), envBase);
    AppSettings settings;
    LanguageManager languages;
    languages.apply(cl.language.isEmpty() ? settings.language() : cl.language);
    if (cl.mode == CommandLine::Mode::Help || cl.mode == CommandLine::Mode::Error) {
        cl = parseCommandLine(QCoreApplication::arguments(), envBase); // now translated
    }
    switch (cl.mode) {
    case CommandLine::Mode::Help:
        printLine(stdout, cl.helpText);
        return 0;
    case CommandLine::Mode::Version:
        printLine(stdout, QStringLiteral("Veo Tracker %1").arg(QStringLiteral(VEO_VERSION)));
        return 0;
    case CommandLine::Mode::Error:
        printLine(stderr, cl.errorText);
        printLine(stderr, QCoreApplication::translate("main", "Try `veo-tracker --help`."));
        return 2;
    case CommandLine::Mode::Check:
        return runCheck(cl, *app);
    case CommandLine::Mode::AddKey:
    case CommandLine::Mode::ListKeys:
        return runKeyCommand(cl, *app);
    case CommandLine::Mode::FollowUp:
        return runFollowUp(cl, *app, settings);
    case CommandLine::Mode::Export:
        return runExport(cl);
    case CommandLine::Mode::Import:
        return runImport(cl, settings);
    case CommandLine::Mode::Generate:
    case CommandLine::Mode::Batch:
        return runGenerate(cl, *app, settings);
    case CommandLine::Mode::Gui:
        return runGui(cl, *static_cast<QApplication *>(app.get()), settings, languages);
    }
    return 0;
}
