#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace veo {

// The command run after each download (Preferences): a program and its arguments, split as
// QProcess::splitCommand splits them (double quotes keep words together, """ is a literal
// quote). The placeholders are replaced in each argument after the split, so a file name or
// prompt stays exactly one argument whatever it holds, and no shell ever reads it.
class CommandTemplate
{
    Q_DECLARE_TR_FUNCTIONS(CommandTemplate)

public:
    struct Fields
    {
        QString file;   // the downloaded file's path
        QString taskId; // the task's ID
        QString prompt; // the task's prompt (its original's for an upgrade)
        QString json;   // the path of the JSON file describing the task
    };

    // Empty when the command can run, else one translated sentence saying what to fix: no
    // program, a double quote not closed, single quotes (they do not group words here), an
    // unknown placeholder, or a placeholder as the program (a downloaded file is never run).
    static QString validate(const QString &commandLine);
    // The program first, then its arguments with the placeholders replaced; empty when
    // validate() finds a problem.
    static QStringList arguments(const QString &commandLine, const Fields &fields);
    // Whether {json} appears (the JSON file is written only then).
    static bool usesJson(const QString &commandLine);
    // "{file}", "{taskId}", "{prompt}", "{json}".
    static QStringList placeholders();
};

} // namespace veo
