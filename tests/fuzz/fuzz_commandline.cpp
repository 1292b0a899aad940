// The command line (core/commandline): arguments separated by new lines, the first one the
// program; VEO_TRACKER_API_BASE from the last line when it starts with "env=".
#include "commandline.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    QStringList args = QString::fromUtf8(fuzz::bytes(data, size)).split(QLatin1Char('\n'));
    QString env;
    if (args.size() > 1 && args.last().startsWith(QLatin1String("env="))) {
        env = args.takeLast().mid(4);
    }
    const CommandLine commandLine = parseCommandLine(args, env);
    fuzz::check((commandLine.mode == CommandLine::Mode::Error) != commandLine.errorText.isEmpty(),
                "an error, and only an error, says what is wrong");
    if (commandLine.mode != CommandLine::Mode::Gui) {
        return 0;
    }
    for (const bool demo : {true, false}) {
        const CommandLine again = parseCommandLine(
            QStringList{args.value(0)} + relaunchArguments(commandLine, demo), QString());
        fuzz::check(again.mode == CommandLine::Mode::Gui && again.demo == demo,
                    "a relaunch starts the window in the mode asked for");
    }
    return 0;
}
