#include "commandline.h"

#include "languagemanager.h"
#include "taskidparser.h"
#include "taskstatus.h"
#include "veofollowups.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace veo {

namespace {

struct FollowUpOptions
{
    QCommandLineOption get1080p, get4k, extend, yes, prompt, model;
};

struct GenerateFlags
{
    QCommandLineOption generate, batch, key, prompt, model, aspect, resolution, seeds, watermark,
        noTranslation, type, image;
    // The ones only --generate and --batch take.
    QList<QCommandLineOption> own() const
    {
        return {key, aspect, resolution, seeds, watermark, noTranslation, type, image};
    }
};

CommandLine error(CommandLine cl, const QString &text)
{
    cl.mode = CommandLine::Mode::Error;
    cl.errorText = text;
    return cl;
}

// The option's value when it is one of allowed, else an error naming them.
QString oneOf(const QString &value, const QStringList &allowed, const QString &option,
              QString *problem)
{
    if (!allowed.contains(value)) {
        //: %1 = an option (--aspect), %2 = what was given, %3 = the values it takes
        *problem = QCoreApplication::translate("CommandLine", "%1 takes %3, not \"%2\".")
                       .arg(option, value, allowed.join(QStringLiteral(", ")));
    }
    return value;
}

// --generate and --batch: the request the flags describe (for --batch, what rows leave out).
CommandLine generateCommand(CommandLine cl, const QCommandLineParser &parser,
                            const GenerateFlags &o)
{
    const bool batch = parser.isSet(o.batch);
    if ((batch && parser.isSet(o.generate)) || !cl.taskIds.isEmpty() || !cl.invalidIds.isEmpty() ||
        parser.isSet(QStringLiteral("check"))) {
        return error(
            cl, QCoreApplication::translate(
                    "CommandLine", "Give either --generate or --batch FILE, without task IDs."));
    }
    if (cl.demo) {
        // The demo's tasks are simulated; these are paid requests on the real task list.
        return error(cl, QCoreApplication::translate(
                             "CommandLine", "--generate and --batch do not work in the demo: "
                                            "try New Generation in the demo's window."));
    }
    cl.mode = batch ? CommandLine::Mode::Batch : CommandLine::Mode::Generate;
    cl.batchFile = parser.value(o.batch);
    cl.keyLabel = parser.value(o.key).trimmed();
    GenerateOptions &g = cl.generate;
    g.prompt = parser.value(o.prompt).trimmed();
    QString problem;
    if (parser.isSet(o.model)) {
        // KIE's names, or the words the window and --extend use.
        const QHash<QString, QString> words{{QStringLiteral("quality"), QStringLiteral("veo3")},
                                            {QStringLiteral("fast"), QStringLiteral("veo3_fast")},
                                            {QStringLiteral("lite"), QStringLiteral("veo3_lite")}};
        const QString model = parser.value(o.model).trimmed();
        g.model = oneOf(words.value(model.toLower(), model), generateModels(),
                        QStringLiteral("--model"), &problem);
        if (!problem.isEmpty()) {
            problem = QCoreApplication::translate(
                          "CommandLine",
                          "Unknown model \"%1\"; use veo3, veo3_fast or veo3_lite (or quality, "
                          "fast, lite).")
                          .arg(model);
        }
    }
    if (parser.isSet(o.aspect)) {
        g.aspectRatio = oneOf(parser.value(o.aspect).trimmed(), generateAspectRatios(),
                              QStringLiteral("--aspect"), &problem);
    }
    if (parser.isSet(o.resolution)) {
        g.resolution = oneOf(parser.value(o.resolution).trimmed(), generateResolutions(),
                             QStringLiteral("--resolution"), &problem);
    }
    if (parser.isSet(o.type)) {
        g.generationType = oneOf(parser.value(o.type).trimmed(), generationTypes(),
                                 QStringLiteral("--type"), &problem);
    }
    if (parser.isSet(o.seeds)) {
        bool ok = false;
        g.seeds = parser.value(o.seeds).trimmed().toInt(&ok);
        if (!ok || *g.seeds < 10000 || *g.seeds > 99999) {
            problem = QCoreApplication::translate(
                          "CommandLine", "--seeds takes a number from 10000 to 99999, not \"%1\".")
                          .arg(parser.value(o.seeds));
        }
    }
    g.watermark = parser.value(o.watermark);
    g.enableTranslation = !parser.isSet(o.noTranslation);
    for (const QString &image : parser.values(o.image)) {
        const QString value = image.trimmed();
        if (isImageAddress(value)) {
            g.imageUrls.append(value);
        } else if (batch) {
            return error(cl, QCoreApplication::translate(
                                 "CommandLine",
                                 "With --batch, --image takes an https address, not a file "
                                 "(%1): upload files with --generate --image or in the window. "
                                 "Nothing was sent.")
                                 .arg(value));
        } else {
            // Uploaded before the generation is sent (GenerateCommand); relative to the
            // folder the command runs in.
            g.imageUrls.append(QFileInfo(value).absoluteFilePath());
        }
    }
    if (!problem.isEmpty()) {
        return error(cl, problem);
    }
    if (batch) {
        return cl; // each row is checked with what it adds
    }
    if (g.prompt.isEmpty()) {
        return error(cl, QCoreApplication::translate(
                             "CommandLine", "--generate needs --prompt: what the video shows."));
    }
    // Files count as the addresses they will get.
    GenerateOptions uploaded = g;
    for (QString &image : uploaded.imageUrls) {
        if (!isImageAddress(image)) {
            image = QStringLiteral("https://upload.invalid/") + QFileInfo(image).fileName();
        }
    }
    if (const QString why = generateOptionsProblem(uploaded); !why.isEmpty()) {
        return error(cl, why);
    }
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

// --export FILE [--status S] [--since DATE].
CommandLine exportCommand(CommandLine cl, const QCommandLineParser &parser,
                          const QCommandLineOption &file, const QCommandLineOption &status,
                          const QCommandLineOption &since)
{
    if (!parser.isSet(file)) {
        return error(cl, QCoreApplication::translate("CommandLine",
                                                     "--status and --since go with --export."));
    }
    if (!parser.positionalArguments().isEmpty()) {
        return error(cl, QCoreApplication::translate(
                             "CommandLine", "--export writes the whole list (or --status and "
                                            "--since of it): it takes no task IDs."));
    }
    cl.mode = CommandLine::Mode::Export;
    cl.exportFile = parser.value(file).trimmed();
    cl.exportStatus = parser.value(status).trimmed().toLower();
    bool known = false;
    statusFromKey(cl.exportStatus, &known);
    if (parser.isSet(status) && !known) {
        return error(cl, QCoreApplication::translate(
                             "CommandLine", "Unknown status \"%1\" for --status; use one of: "
                                            "pending, generating, succeeded, failed, "
                                            "generation_failed, other_failure, unavailable.")
                             .arg(parser.value(status)));
    }
    if (parser.isSet(since)) {
        const QString text = parser.value(since).trimmed();
        // A time (local unless it names its zone), else a day from local midnight.
        cl.exportSince = text.contains(QLatin1Char('T'))
                             ? QDateTime::fromString(text, Qt::ISODate)
                             : QDate::fromString(text, Qt::ISODate).startOfDay();
        if (!cl.exportSince.isValid()) {
            return error(cl, QCoreApplication::translate(
                                 "CommandLine", "--since takes a date such as 2026-12-01 (or "
                                                "2026-12-01T08:00), not \"%1\".")
                                 .arg(text));
        }
    }
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
    const QCommandLineOption exportTo(
        QStringLiteral("export"),
        QCoreApplication::translate(
            "CommandLine",
            "Write the task list to this file and exit: JSON when it ends in .json, else CSV. "
            "Every field, key labels but never a secret."),
        QStringLiteral("file"));
    const QCommandLineOption importFrom(
        QStringLiteral("import"),
        QCoreApplication::translate(
            "CommandLine",
            "Add the task IDs in this file to the task list and exit: a CSV or JSON file as "
            "--export writes (keys by label), or text with IDs. An open window imports it."),
        QStringLiteral("file"));
    const QCommandLineOption status(
        QStringLiteral("status"),
        QCoreApplication::translate("CommandLine",
                                    "With --export: only tasks with this status (pending, "
                                    "generating, succeeded, failed, generation_failed, "
                                    "other_failure, unavailable)."),
        QStringLiteral("status"));
    const QCommandLineOption since(
        QStringLiteral("since"),
        QCoreApplication::translate("CommandLine",
                                    "With --export: only tasks created on or after this date "
                                    "(2026-12-01, or a time such as 2026-12-01T08:00)."),
        QStringLiteral("date"));
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
    const QCommandLineOption generate(
        QStringLiteral("generate"),
        QCoreApplication::translate(
            "CommandLine",
            "Start a new Veo 3.1 generation with --prompt (costs credits) and print one JSON "
            "line with its task ID: exit 0 when accepted, 2 when refused, 3 when its answer "
            "was lost (it may have been accepted: check kie.ai's logs; it is never sent "
            "again). Veo Tracker's window follows it from its next start."));
    const QCommandLineOption batch(
        QStringLiteral("batch"),
        QCoreApplication::translate(
            "CommandLine",
            "Start every generation of a CSV or JSON file (one per row; the options below are "
            "the defaults for what a row leaves out), 20 every 10 seconds. One JSON line per "
            "generation as it is answered; exit 0 when all were accepted, 2 when any was "
            "refused, 3 when any answer was lost."),
        QStringLiteral("file"));
    const QCommandLineOption key(
        QStringLiteral("key"),
        QCoreApplication::translate(
            "CommandLine",
            "The stored API key that pays (--generate, --batch; default: the default key)."),
        QStringLiteral("label"));
    const QCommandLineOption prompt(
        QStringLiteral("prompt"),
        QCoreApplication::translate(
            "CommandLine",
            "What the video shows (--generate), or what happens next in it (--extend)."),
        QStringLiteral("text"));
    const QCommandLineOption model(
        QStringLiteral("model"),
        QCoreApplication::translate(
            "CommandLine",
            "--generate: veo3_fast (default), veo3 or veo3_lite (also fast, quality, lite). "
            "--extend: fast (default), quality or lite."),
        QStringLiteral("model"));
    const QCommandLineOption aspect(
        QStringLiteral("aspect"),
        QCoreApplication::translate("CommandLine", "Aspect ratio: 16:9 (default), 9:16 or Auto."),
        QStringLiteral("ratio"));
    const QCommandLineOption resolution(
        QStringLiteral("resolution"),
        QCoreApplication::translate("CommandLine", "720p (default), 1080p or 4k."),
        QStringLiteral("resolution"));
    const QCommandLineOption seeds(
        QStringLiteral("seeds"),
        QCoreApplication::translate("CommandLine",
                                    "A seed from 10000 to 99999 (default: KIE picks one)."),
        QStringLiteral("number"));
    const QCommandLineOption watermark(
        QStringLiteral("watermark"),
        QCoreApplication::translate("CommandLine", "Watermark text on the video."),
        QStringLiteral("text"));
    const QCommandLineOption noTranslation(
        QStringLiteral("no-translation"),
        QCoreApplication::translate(
            "CommandLine", "Send the prompt as it is (KIE translates it to English by default)."));
    const QCommandLineOption type(
        QStringLiteral("type"),
        QCoreApplication::translate(
            "CommandLine",
            "TEXT_2_VIDEO, FIRST_AND_LAST_FRAMES_2_VIDEO or REFERENCE_2_VIDEO (default: KIE "
            "decides from the images)."),
        QStringLiteral("type"));
    const QCommandLineOption image(
        QStringLiteral("image"),
        QCoreApplication::translate(
            "CommandLine",
            "An image: a JPEG, PNG or WebP file (uploaded to KIE's file storage first) or its "
            "https address. Repeat for up to 3."),
        QStringLiteral("file-or-url"));
    parser.addOptions({help,      version,       add,      check, demo,   apiBase,    lang,
                       addKey,    listKeys,      get1080p, get4k, yes,    extend,     generate,
                       batch,     key,           prompt,   model, aspect, resolution, seeds,
                       watermark, noTranslation, type,     image,  exportTo,   status,
                       since,     importFrom});
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
    if (parser.isSet(importFrom)) {
        if (parser.isSet(exportTo) || !parser.positionalArguments().isEmpty()) {
            return error(cl, QCoreApplication::translate(
                                 "CommandLine", "--import takes only its file: no task IDs and "
                                                "no other command."));
        }
        cl.mode = CommandLine::Mode::Import;
        cl.importFile = parser.value(importFrom).trimmed();
        return cl;
    }
    if (parser.isSet(exportTo) || parser.isSet(status) || parser.isSet(since)) {
        return exportCommand(cl, parser, exportTo, status, since);
    }
    const GenerateFlags generateFlags{generate,   batch, key,       prompt,        model, aspect,
                                      resolution, seeds, watermark, noTranslation, type,  image};
    const bool generating = parser.isSet(generate) || parser.isSet(batch);
    if (generating && (parser.isSet(get1080p) || parser.isSet(get4k) || parser.isSet(extend))) {
        return error(cl, QCoreApplication::translate(
                             "CommandLine",
                             "Give one command at a time: --generate, --batch, --get-1080p, "
                             "--get-4k or --extend."));
    }
    if (generating) {
        return generateCommand(cl, parser, generateFlags);
    }
    for (const QCommandLineOption &option : generateFlags.own()) {
        if (parser.isSet(option)) {
            return error(cl, QCoreApplication::translate("CommandLine",
                                                         "--%1 goes with --generate or --batch.")
                                 .arg(option.names().constFirst()));
        }
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
