#include "commandline.h"

#include "languagemanager.h"
#include "taskidparser.h"
#include "veofollowups.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace veo {

CommandLine parseCommandLine(const QStringList &args, const QString &apiBaseFromEnv)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Watches KIE.AI Veo 3.1 render tasks until they finish."));
    const QCommandLineOption help(
        {QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("CommandLine", "Show this help and exit."));
    const QCommandLineOption version(
        {QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("CommandLine", "Show the version and exit."));
    const QCommandLineOption add(
        QStringLiteral("add"),
        QCoreApplication::translate("CommandLine", "Track these task IDs (same as listing "
                                                   "them without an option)."));
    const QCommandLineOption check(
        QStringLiteral("check"),
        QCoreApplication::translate(
            "CommandLine",
            "Check each task ID once, print one JSON line per task and exit: 0 when all "
            "succeeded, 1 when some are still generating, 2 when any failed or could not be "
            "read."));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("CommandLine",
                                    "Try the app with simulated tasks; no API key needed."));
    const QCommandLineOption apiBase(
        QStringLiteral("api-base"),
        QCoreApplication::translate("CommandLine", "API address (default https://api.kie.ai; also "
                                                   "VEO_TRACKER_API_BASE)."),
        QStringLiteral("url"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("CommandLine", "Interface language for this run: en or zh_CN."),
        QStringLiteral("language"));
    const QCommandLineOption addKey(
        QStringLiteral("add-key"),
        QCoreApplication::translate("CommandLine",
                                    "Store an API key under this label. The key is read from "
                                    "standard input, never from the command line."),
        QStringLiteral("label"));
    const QCommandLineOption listKeys(
        QStringLiteral("list-keys"),
        QCoreApplication::translate("CommandLine",
                                    "List the stored API keys (labels, hints, credits; never a "
                                    "secret)."));
    parser.addOptions({help, version, add, check, demo, apiBase, lang, addKey, listKeys});
    parser.addPositionalArgument(
        QStringLiteral("ids"),
        QCoreApplication::translate("CommandLine", "Task IDs to track or check."),
        QStringLiteral("[ID...]"));

    CommandLine cl;
    cl.helpText = parser.helpText();
    if (!parser.parse(args)) {
        cl.mode = CommandLine::Mode::Error;
        cl.errorText = parser.errorText();
        return cl;
    }
    if (parser.isSet(help)) {
        cl.mode = CommandLine::Mode::Help;
        return cl;
    }
    if (parser.isSet(version)) {
        cl.mode = CommandLine::Mode::Version;
        return cl;
    }
    const TaskIdParseResult ids = parseTaskIds(parser.positionalArguments().join(QLatin1Char(' ')));
    cl.taskIds = ids.ids;
    cl.invalidIds = ids.invalid;
    cl.demo = parser.isSet(demo);
    cl.apiBase = parser.isSet(apiBase) ? parser.value(apiBase) : apiBaseFromEnv;
    if (parser.isSet(lang)) {
        cl.language = parser.value(lang);
        if (!LanguageManager::available().contains(cl.language)) {
            cl.mode = CommandLine::Mode::Error;
            cl.errorText =
                QCoreApplication::translate("CommandLine", "Unknown language \"%1\"; use %2.")
                    .arg(cl.language, LanguageManager::available().join(QStringLiteral(" or ")));
            return cl;
        }
    }
    if (parser.isSet(addKey) || parser.isSet(listKeys)) {
        cl.mode = parser.isSet(addKey) ? CommandLine::Mode::AddKey : CommandLine::Mode::ListKeys;
        cl.keyLabel = parser.value(addKey).trimmed();
        if (!parser.positionalArguments().isEmpty()) {
            // Most likely a secret typed after the label, visible in the process list.
            cl.mode = CommandLine::Mode::Error;
            cl.errorText = QCoreApplication::translate(
                "CommandLine", "Give the key on standard input, not as an argument: "
                               "echo \"$KEY\" | veo-tracker --add-key LABEL");
        } else if (cl.mode == CommandLine::Mode::AddKey && cl.keyLabel.isEmpty()) {
            cl.mode = CommandLine::Mode::Error;
            cl.errorText = QCoreApplication::translate("CommandLine", "--add-key needs a label.");
        }
        return cl;
    }
    if (parser.isSet(check)) {
        cl.mode = CommandLine::Mode::Check;
        // A 1080P child ("<parent>:1080p:0", as Copy Task ID gives it) can be read too. A 4K
        // one cannot: KIE reads it only by repeating the request, which charges credits when
        // it was never made.
        QStringList notIds;
        for (const QString &token : std::as_const(cl.invalidIds)) {
            const std::optional<UpgradeRef> upgrade = parseUpgradeTaskId(token);
            if (upgrade && upgrade->kind == TaskKind::Veo4k) {
                cl.mode = CommandLine::Mode::Error;
                cl.errorText = QCoreApplication::translate(
                                   "CommandLine",
                                   "--check does not read 4K versions (%1): reading one repeats "
                                   "its paid request. Watch it in the window.")
                                   .arg(token);
                return cl;
            }
            (upgrade ? cl.taskIds : notIds).append(token);
        }
        cl.invalidIds = notIds;
        if (cl.taskIds.isEmpty()) {
            cl.mode = CommandLine::Mode::Error;
            cl.errorText =
                QCoreApplication::translate("CommandLine", "--check needs at least one task ID.");
        }
    }
    if (!cl.invalidIds.isEmpty()) {
        cl.mode = CommandLine::Mode::Error;
        cl.errorText = QCoreApplication::translate("CommandLine", "Not a task ID: %1")
                           .arg(cl.invalidIds.join(QStringLiteral(", ")));
    }
    return cl;
}

QStringList relaunchArguments(const CommandLine &commandLine, bool demo)
{
    QStringList args;
    if (demo) {
        args << QStringLiteral("--demo");
    } else if (!commandLine.apiBase.isEmpty()) {
        args << QStringLiteral("--api-base") << commandLine.apiBase;
    }
    if (!commandLine.language.isEmpty()) {
        args << QStringLiteral("--lang") << commandLine.language;
    }
    return args;
}

} // namespace veo
