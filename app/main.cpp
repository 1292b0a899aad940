// Veo Tracker: command line, translators and wiring of the layers. No logic lives here.

#include "apibase.h"
#include "appsettings.h"
#include "commandline.h"
#include "consolecommands.h"
#include "dbusservice.h"
#include "demoservers.h"
#include "engine.h"
#include "instanceguard.h"
#include "keychaintokenstore.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "memorytokenstore.h"
#include "taskstore.h"

#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <cstdio>
#include <memory>
#include <optional>
#include <sys/prctl.h>
#include <sys/resource.h>

using namespace veo;

namespace {

int runGui(const CommandLine &cl, QApplication &app, AppSettings &settings,
           LanguageManager &languages)
{
    const Endpoint api = openEndpoint(cl.demo, cl.apiBase);
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
    options.demoTaskIds = api.demoIds;
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
