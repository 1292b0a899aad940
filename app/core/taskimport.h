#pragma once

#include "taskkind.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace veo {

// One task ID read from an import file, with what the file says around it.
struct ImportedTask
{
    QString taskId;
    QString keyLabel; // the key's name as exported; empty: the default key
    TaskKind kind = TaskKind::VeoGeneration;
    QString parentTaskId; // an extension's original; empty for none
};

// A line (or JSON item) that gave no task to import.
struct ImportSkip
{
    enum class Reason {
        NotAnId, // no task ID in it
        Upgrade, // a 1080P or 4K upgrade: made from its parent in the app, not added by ID
    };
    int number = 0; // the line (text, CSV) or item (JSON) it is, from 1
    QString text;   // what it held, shortened
    Reason reason = Reason::NotAnId;
};

struct TaskImport
{
    enum class Format { Text, Csv, Json };
    Format format = Format::Text;
    QList<ImportedTask> tasks; // unique, in file order
    QList<ImportSkip> skipped; // in file order
    int duplicates = 0;        // repeated IDs that were folded
    bool binary = false;       // not text at all (nothing was read)
};

// Reads task IDs out of a file's bytes, whatever it is, by its content: Veo Tracker's own
// export (CSV with a taskId column, or JSON {"tasks": [...]}), a JSON array of IDs or of
// objects with a taskId, or text with one or more IDs per line (as Add Tasks takes them;
// a CSV of only IDs is that too). UTF-8, a byte order mark is skipped.
TaskImport readTaskImport(const QByteArray &bytes);

} // namespace veo
