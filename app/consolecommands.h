#pragma once

// The commands veo-tracker runs without a window (--check, --add-key, --list-keys, --export,
// --import, --get-1080p, --get-4k, --extend, --generate, --batch). Each returns the process's
// exit code and speaks only on standard output and standard error.

#include <QString>
#include <cstdio>

class QCoreApplication;

namespace veo {

class AppSettings;
struct CommandLine;

// Writes text and a new line to stream (stdout, stderr) in the locale's encoding, at once.
void printLine(FILE *stream, const QString &text);

// --check [--demo] IDs: one JSON line per task on standard output.
int runCheck(const CommandLine &cl, QCoreApplication &app);
// --add-key LABEL (the secret on standard input), --list-keys.
int runKeyCommand(const CommandLine &cl, QCoreApplication &app);
// --export FILE: reads the task list (the window may be open: nothing is written to it). A list
// that cannot be read to its end, or was damaged and moved aside, is not exported (3).
int runExport(const CommandLine &cl);
// --import FILE: adds the file's task IDs to the task list, which only one process may write:
// while the window owns it, the window imports the file and shows its report. 0 all listed (or
// handed to the window), 1 some lines or key labels were left out, 2 nothing could be imported.
int runImport(const CommandLine &cl, const AppSettings &settings);
// --get-1080p, --get-4k, --extend: on the user's task list, which only one process may write.
int runFollowUp(const CommandLine &cl, QCoreApplication &app, const AppSettings &settings);
// --generate, --batch: the same, with New Generation's queue.
int runGenerate(const CommandLine &cl, QCoreApplication &app, const AppSettings &settings);

} // namespace veo
