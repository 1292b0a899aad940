#include "commandline.h"

#include "languagemanager.h"
#include "taskidparser.h"
#include "veofollowups.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace veo {

namespace {

struct FollowUpOptions
{
    QCommandLineOption get1080p, get4k, extend, yes, prompt, model;
};

CommandLine error(CommandLine cl, const QString &text)
{
    cl.mode = CommandLine::Mode::Error;
    cl.errorText = text;
    return cl;
}

// --get-1080p, --get-4k, --extend and their companions.
CommandLine followUpCommand(CommandLine cl, const QCommandLineParser &parser,
                            const FollowUpOptions &o)
{
    const int chosen =
        int(parser.isSet(o.get1080p)) + int(parser.isSet(o.get4k)) + int(parser.isSet(o.extend));
    if (chosen > 1 || parser.isSet(QStringLiteral("check")) || !cl.taskIds.isEmpty() ||
        !cl.invalidIds.isEmpty()) {
        return error(cl, QCoreApplication::translate(
                             "CommandLine", "Give one of --get-1080p, --get-4k or --extend, "
                                            "with one task ID."));
    }
    cl.mode = CommandLine::Mode::FollowUp;
    if (parser.isSet(o.extend)) {
        cl.followUpKind = TaskKind::VeoExtension;
        cl.parentTaskId = parser.value(o.extend).trimmed();
        cl.prompt = parser.value(o.prompt).trimmed();
        cl.model = parser.isSet(o.model) ? parser.value(o.model).trimmed() : QStringLiteral("fast");
        if (cl.prompt.isEmpty()) {
            return error(cl, QCoreApplication::translate(
                                 "CommandLine", "--extend needs --prompt: what happens next."));
        }
        if (!QStringList{QStringLiteral("fast"), QStringLiteral("quality"), QStringLiteral("lite")}
                 .contains(cl.model)) {
            return error(cl, QCoreApplication::translate(
                                 "CommandLine", "Unknown model \"%1\"; use fast, quality or "
                                                "lite.")
                                 .arg(cl.model));
        }
    } else {
        const bool uhd = parser.isSet(o.get4k);
        cl.followUpKind = uhd ? TaskKind::Veo4k : TaskKind::Veo1080p;
        const QString value = parser.value(uhd ? o.get4k : o.get1080p).trimmed();
        const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
        cl.parentTaskId = colon < 0 ? value : value.left(colon);
        bool ok = true;
        cl.videoIndex = colon < 0 ? 0 : value.mid(colon + 1).toInt(&ok);
        if (!ok || cl.videoIndex < 0) {
            return error(cl, QCoreApplication::translate(
                                 "CommandLine", "The video index after \":\" must be a number "
                                                "from 0: %1")
                                 .arg(value));
        }
        if (uhd && !parser.isSet(o.yes)) {
            return error(cl, QCoreApplication::translate(
                                 "CommandLine", "--get-4k costs extra credits: add --yes to "
                                                "agree. It is sent once."));
        }
    }
    const TaskIdParseResult id = parseTaskIds(cl.parentTaskId);
    if (id.ids.size() != 1 || !id.invalid.isEmpty()) {
        return error(
            cl,
            QCoreApplication::translate("CommandLine", "Not a task ID: %1").arg(cl.parentTaskId));
    }
    cl.parentTaskId = id.ids.constFirst();
    return cl;
}

} // namespace

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
    const QCommandLineOption get1080p(
        QStringLiteral("get-1080p"),
        QCoreApplication::translate("CommandLine",
                                    "Ask KIE for the 1080P version of a finished task's video "
                                    "(INDEX from 0, default 0; free). Prints one JSON line: 0 "
                                    "when accepted, 2 when refused."),
        QStringLiteral("ID[:INDEX]"));
    const QCommandLineOption get4k(
        QStringLiteral("get-4k"),
        QCoreApplication::translate("CommandLine",
                                    "Ask KIE for the 4K version (costs credits: needs --yes). "
                                    "Exits 3 when its answer was lost: it is never sent again."),
        QStringLiteral("ID[:INDEX]"));
    const QCommandLineOption yes(
        QStringLiteral("yes"),
        QCoreApplication::translate("CommandLine", "Agree to spend credits (--get-4k)."));
    const QCommandLineOption extend(
        QStringLiteral("extend"),
        QCoreApplication::translate("CommandLine",
                                    "Extend a finished task's video with --prompt (costs "
                                    "credits). Exits 3 when its answer was lost: it is never "
                                    "sent again."),
        QStringLiteral("ID"));
    const QCommandLineOption prompt(
        QStringLiteral("prompt"),
        QCoreApplication::translate("CommandLine", "What happens next in the video (--extend)."),
        QStringLiteral("text"));
    const QCommandLineOption model(
        QStringLiteral("model"),
        QCoreApplication::translate("CommandLine", "fast (default), quality or lite (--extend)."),
        QStringLiteral("model"));
    parser.addOptions({help, version, add, check, demo, apiBase, lang, addKey, listKeys, get1080p,
                       get4k, yes, extend, prompt, model});
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
    if (parser.isSet(get1080p) || parser.isSet(get4k) || parser.isSet(extend)) {
        return followUpCommand(cl, parser, {get1080p, get4k, extend, yes, prompt, model});
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
