// Veo Tracker: command line, translators and wiring of the layers. No logic lives here.

#include "apibase.h"
#include "appsettings.h"
#include "commandline.h"
#include "creditsmonitor.h"
#include "demoscenario.h"
#include "downloadcoordinator.h"
#include "downloadmanager.h"
#include "downloadstore.h"
#include "fakekieserver.h"
#include "instanceguard.h"
#include "keychaintokenstore.h"
#include "keycommands.h"
#include "keyprober.h"
#include "keyprofilestore.h"
#include "keyring.h"
#include "kieclient.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "memorytokenstore.h"
#include "refreshscheduler.h"
#include "taskchecker.h"
#include "taskrepository.h"
#include "taskstore.h"
#include "tasktablemodel.h"
#include "tasktracker.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>

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
        checker = std::make_unique<TaskChecker>(&client, keys.token({}));
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

int runKeyCommand(const CommandLine &cl, QCoreApplication &app)
{
    const ApiBaseCheck api =
        checkApiBase(cl.apiBase.isEmpty() ? QString::fromLatin1(DefaultApiBase) : cl.apiBase);
    if (!api.error.isEmpty()) {
        printLine(stderr, api.error);
        return 2;
    }
    TaskStore store; // runs the migrations
    if (store.open(TaskStore::defaultPath(false)) == TaskStore::OpenResult::Failed) {
        printLine(stderr, store.message());
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
    KeyCommands command(&keys, &client, &out, &err);
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

    TaskTableModel model;
    KieClient client(api.url);
    KeyProfileStore keyMeta;
    keyMeta.open(store.path());
    MemoryTokenStore demoSecrets; // the demo never touches the real keychain
    KeychainTokenStore keychain;
    KeyRing keys(cl.demo ? static_cast<TokenStore *>(&demoSecrets) : &keychain, &keyMeta);
    CreditsMonitor credits(&client, &keys);
    credits.setLowThreshold(settings.lowCreditThreshold());
    RefreshScheduler scheduler(&client,
                               [&keys](const QString &keyId) { return keys.token(keyId); });
    // The demo's tasks move within minutes; poll them at the shortest allowed interval.
    scheduler.setInterval(cl.demo ? std::chrono::seconds(AppSettings::MinPollSeconds)
                                  : settings.pollInterval());
    // The system's network state says nothing about a server on this machine (the demo).
    scheduler.setFollowSystemNetwork(!isLoopbackHost(api.url.host()));
    TaskRepository repository(&store);
    model.follow(&repository);
    TaskTracker tracker(&repository, &scheduler);
    KeyProber prober(&client, &scheduler, &tracker, &keys); // after what it uses: goes first
    DownloadStore downloadRecords;
    downloadRecords.open(store.path());
    DownloadManager downloadManager(&client); // never sends the token: media hosts are not KIE
    DownloadCoordinator downloads(&downloadManager, &repository, &settings,
                                  [&keys](const QString &keyId) { return keys.token(keyId); });
    downloads.setRateLimiter(scheduler.rateLimiter()); // renewals count against the key's limit
    MainWindow window({&repository, &tracker, &model, &scheduler, &client, &keys, &keyMeta,
                       &credits, &settings, &languages, &downloads, &prober, cl.demo,
                       store.path()});
    QObject::connect(&keys, &KeyRing::stateChanged, &credits, [&credits](KeyRing::State state) {
        if (state == KeyRing::State::Ready && !credits.isRunning()) {
            credits.start(); // at start, then every 10 minutes
        }
    });
    QObject::connect(&repository, &TaskRepository::taskFinished, &credits,
                     [&](const QString &taskId, TaskStatus) {
                         if (const TaskRecord *t = repository.task(taskId)) {
                             credits.taskFinished(keys.resolve(t->keyId));
                         }
                     });
    QObject::connect(&credits, &CreditsMonitor::lowCredits, &window,
                     [&](const QString &keyId, qint64 left, qint64 threshold) {
                         const auto profile = keys.profile(keyId);
                         const int count =
                             int(std::min<qint64>(left, std::numeric_limits<int>::max()));
                         //: %n: credits left; %1: the key's label; %L2: the warning level
                         const QString text =
                             QCoreApplication::translate(
                                 "main",
                                 "The API key “%1” has %n credit(s) left (you are warned below "
                                 "%L2). Top up on kie.ai to keep rendering.",
                                 nullptr, count)
                                 .arg(profile ? profile->label : keyId)
                                 .arg(threshold);
                         window.showMessage(text, true);
                     });
    if (opened == TaskStore::OpenResult::RecoveredFromCorruption) {
        window.showMessage(store.message(), true);
    }
    if (cl.demo) {
        keys.setSessionKey(QString::fromLatin1(DemoToken));
    } else if (const QString env = qEnvironmentVariable("KIE_API_KEY"); !env.isEmpty()) {
        keys.setSessionKey(env); // used for this run only, never stored
    }
    QObject::connect(&instance, &InstanceGuard::activated, &window,
                     [&window](const QStringList &ids) {
                         window.showNormal();
                         window.raise();
                         window.activateWindow();
                         window.addTaskIds(ids);
                     });
    tracker.load();
    downloads.setStore(&downloadRecords); // after the tasks: unfinished downloads continue
    window.show();
    keys.load();
    if (cl.demo) {
        tracker.addTasks(demoIds); // a no-op for the ones already in the demo store
    }
    window.addTaskIds(cl.taskIds);
    return app.exec();
}

bool wantsConsoleOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--check" || arg == "--help" || arg == "-h" || arg == "--version" ||
            arg == "-v" || arg == "--help-all" || arg == "--add-key" || arg == "--list-keys") {
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
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
    case CommandLine::Mode::Gui:
        return runGui(cl, *static_cast<QApplication *>(app.get()), settings, languages);
    }
    return 0;
}
