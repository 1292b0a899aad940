#pragma once

#include "taskkind.h"
#include "veogenerate.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace veo {

// What the user asked for on the command line. Parsing is separate from acting so that it
// can be tested and so --help/--version/--check never open a window.
struct CommandLine
{
    enum class Mode {
        Gui,
        Check,
        AddKey,
        ListKeys,
        FollowUp,
        Generate,
        Batch,
        Export,
        Import,
        Help,
        Version,
        Error
    };
    Mode mode = Mode::Gui;
    QStringList taskIds;    // positional IDs and --add IDs
    QStringList invalidIds; // tokens that are not task IDs
    bool demo = false;
    QString apiBase; // --api-base, else VEO_TRACKER_API_BASE, else empty
    // --add-key LABEL (the secret comes from standard input); --key LABEL: the key that pays
    // for --generate / --batch (empty: the default key)
    QString keyLabel;
    QString language; // --lang: "en" or "zh_CN" for this run; empty = the saved choice
    // FollowUp (--get-1080p ID[:INDEX], --get-4k ID[:INDEX] --yes, --extend ID --prompt TEXT
    // [--model fast|quality|lite]): what to ask of which video (index 0-based, as KIE's).
    TaskKind followUpKind = TaskKind::Veo1080p;
    QString parentTaskId;
    int videoIndex = 0;
    QString prompt;
    QString model;
    // Generate (--generate --prompt TEXT [--model --aspect --resolution --seeds --watermark
    // --no-translation --type --image URL...]): the request. Batch (--batch FILE): the same
    // flags are the defaults of the fields the file's rows leave out.
    GenerateOptions generate;
    QString batchFile;
    // Export (--export FILE [--status S] [--since DATE]): the file (.json or CSV), the status
    // key to keep (empty: all) and the earliest creation time (invalid: any).
    QString exportFile;
    QString exportStatus;
    QDateTime exportSince;
    // Import (--import FILE): the CSV, JSON or text file whose task IDs are added.
    QString importFile;
    QString helpText;  // for Help and Error
    QString errorText; // for Error (translated)
};

// args includes the program name, as QCoreApplication::arguments().
CommandLine parseCommandLine(const QStringList &args, const QString &apiBaseFromEnv);
// The arguments (without the program) that start the app again in the demo or for real use,
// keeping this run's --lang and, for real use, its --api-base. Task IDs are not repeated: this
// run has them already.
QStringList relaunchArguments(const CommandLine &commandLine, bool demo);

} // namespace veo
