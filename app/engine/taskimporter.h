#pragma once

#include "taskimport.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace veo {

class KeyRing;
class TaskTracker;

// What adding an import file's tasks did.
struct ImportOutcome
{
    int added = 0;      // new in the list
    int known = 0;      // already tracked (a no-op)
    int failed = 0;     // could not be saved (the task database refused them)
    QString firstAdded; // the first task that is new in the list; empty when none
    // Key labels no saved key has (case ignored): their tasks got the default key.
    QStringList missingLabels;
};

// Adds the tasks (File → Import Tasks…, a dropped file, --import) the way Add Tasks does,
// each with the saved key whose label its row names, else the default key, and with its kind
// and original (extensions, Market jobs) as the file says. Reads no secret.
class TaskImporter
{
    Q_DECLARE_TR_FUNCTIONS(TaskImporter)

public:
    static ImportOutcome add(const QList<ImportedTask> &tasks, const KeyRing &keys,
                             TaskTracker &tracker);
    // What happened, for a message box or standard output: the counts, the first few lines
    // that were left out (with their numbers) and the labels not found. Translated.
    static QString report(const TaskImport &file, const ImportOutcome &outcome);
    // "Nothing to import in FILE: ..." when the file gave no task and no line (empty or
    // not text); empty otherwise.
    static QString unreadable(const TaskImport &file, const QString &path);
    // How many left-out lines report() lists.
    static constexpr int ShownSkips = 5;
};

} // namespace veo
