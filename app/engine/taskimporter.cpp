#include "taskimporter.h"

#include "keyring.h"
#include "tasktracker.h"

#include <QDateTime>
#include <QDir>
#include <QHash>
#include <algorithm>

namespace veo {

ImportOutcome TaskImporter::add(const QList<ImportedTask> &tasks, const KeyRing &keys,
                                TaskTracker &tracker)
{
    QHash<QString, QString> idByLabel; // lower-case label -> key id
    for (const KeyProfile &p : keys.profiles()) {
        if (!p.sessionOnly) {
            idByLabel.insert(p.label.trimmed().toLower(), p.id);
        }
    }
    ImportOutcome outcome;
    const QString defaultOwner = keys.newTaskKeyId({});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<TaskRecord> records;
    for (const ImportedTask &t : tasks) {
        if (tracker.contains(t.taskId)) {
            ++outcome.known;
            continue;
        }
        QString owner = defaultOwner;
        if (!t.keyLabel.isEmpty()) {
            const auto found = idByLabel.constFind(t.keyLabel.toLower());
            if (found != idByLabel.cend()) {
                owner = *found;
            } else if (!outcome.missingLabels.contains(t.keyLabel)) {
                outcome.missingLabels.append(t.keyLabel);
            }
        }
        TaskRecord record;
        record.taskId = t.taskId;
        record.kind = t.kind;
        record.parentTaskId = t.parentTaskId;
        record.keyId = owner;
        record.status = TaskStatus::Pending;
        record.addedAt = now;
        records.append(record);
    }
    const QList<TaskRecord> added = tracker.addRecords(records);
    outcome.added = int(added.size());
    outcome.firstAdded = added.isEmpty() ? QString() : added.constFirst().taskId;
    outcome.failed = int(records.size()) - outcome.added;
    return outcome;
}

QString TaskImporter::report(const TaskImport &file, const ImportOutcome &outcome)
{
    QStringList lines;
    //: Import: the first line of the report
    lines << tr("Added %n task(s).", nullptr, outcome.added);
    if (outcome.known > 0) {
        lines << tr("%n already tracked.", nullptr, outcome.known);
    }
    if (outcome.failed > 0) {
        lines << tr("%n could not be saved in the task database: try importing the file again.",
                    nullptr, outcome.failed);
    }
    for (const QString &label : outcome.missingLabels) {
        //: Import: a row names a key label that no saved key has
        lines << tr("Key \"%1\" not found: its tasks were added with the default key.").arg(label);
    }
    const qsizetype notIds =
        std::count_if(file.skipped.cbegin(), file.skipped.cend(),
                      [](const ImportSkip &s) { return s.reason == ImportSkip::Reason::NotAnId; });
    if (notIds > 0) {
        lines << tr("%n line(s) held no task ID and were left out:", nullptr, int(notIds));
    }
    const qsizetype upgrades = file.skipped.size() - notIds;
    if (upgrades > 0) {
        lines << tr("%n 1080P or 4K upgrade(s) were left out: ask for them again with Upgrade "
                    "once their original is listed.",
                    nullptr, int(upgrades));
    }
    const bool items = file.format == TaskImport::Format::Json;
    for (qsizetype i = 0; i < file.skipped.size() && i < ShownSkips; ++i) {
        const ImportSkip &s = file.skipped.at(i);
        //: Import: one left-out line of the file; %1 = its number, %2 = what it held
        lines << (items ? tr("  item %1: %2") : tr("  line %1: %2")).arg(s.number).arg(s.text);
    }
    if (file.skipped.size() > ShownSkips) {
        lines << tr("  and %n more.", nullptr, int(file.skipped.size() - ShownSkips));
    }
    return lines.join(u'\n');
}

QString TaskImporter::unreadable(const TaskImport &file, const QString &path)
{
    const QString name = QDir::toNativeSeparators(path);
    if (file.binary) {
        return tr("%1 is not a text file: import a CSV, JSON or text file with task IDs (UTF-8), "
                  "such as Export Tasks writes.")
            .arg(name);
    }
    if (file.tasks.isEmpty() && file.skipped.isEmpty()) {
        return tr("%1 is empty: nothing was imported.").arg(name);
    }
    return {};
}

} // namespace veo
