#include "consolecommands.h"

#include "commandline.h"
#include "demoservers.h"
#include "downloadstore.h"
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
#include "requestscheduler.h"
#include "scriptcommand.h"
#include "scriptsession.h"
#include "taskchecker.h"
#include "taskexport.h"
#include "taskimport.h"
#include "taskimporter.h"
#include "taskrepository.h"
#include "taskstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <memory>
#include <optional>

namespace veo {

namespace {

// The user's task list for a command that does not track tasks (running its migrations;
// the window may be open). Says on standard error why it cannot be opened, or that it was
// damaged and a new, empty one took its place (moved aside, as the window does).
TaskStore::OpenResult openTaskList(TaskStore &store)
{
    const TaskStore::OpenResult opened = store.open(TaskStore::defaultPath(false));
    if (!store.message().isEmpty()) {
        printLine(stderr, store.message());
    }
    return opened;
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

} // namespace

void printLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fprintf(stream, "%s\n", bytes.constData());
    std::fflush(stream);
}

int runCheck(const CommandLine &cl, QCoreApplication &app)
{
    const Endpoint api = openEndpoint(cl.demo, cl.apiBase);
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

int runKeyCommand(const CommandLine &cl, QCoreApplication &app)
{
    const Endpoint api = openEndpoint(false, cl.apiBase);
    if (!api.error.isEmpty()) {
        printLine(stderr, api.error);
        return 2;
    }
    TaskStore store;
    if (openTaskList(store) == TaskStore::OpenResult::Failed) {
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

int runExport(const CommandLine &cl)
{
    TaskStore store;
    // A damaged list was moved aside: the new, empty one in its place is not the user's list.
    if (openTaskList(store) != TaskStore::OpenResult::Opened) {
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

} // namespace veo
