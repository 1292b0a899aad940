#pragma once

#include "download.h"
#include "keyprofile.h"
#include "taskrecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace veo {

// One task as exported: the record, and what the task list knows around it.
struct ExportedTask
{
    TaskRecord task;
    QString keyLabel;  // the key's name, never its secret; empty for the session key
    QStringList files; // downloaded copies of its videos (they may have been moved since)
};

// The tasks with their keys' labels (a task's "" key is the default one) and their videos'
// downloaded copies.
QList<ExportedTask> exportedTasks(const QList<TaskRecord> &tasks,
                                  const QList<KeyProfile> &profiles,
                                  const QList<LocalCopy> &copies);

enum class ExportFormat { Csv, Json };
// .json is JSON, anything else CSV.
ExportFormat exportFormatForPath(const QString &path);

// Every field, one task per row (CSV: a header row, RFC 4180 quoting, UTF-8 with a byte order
// mark so that spreadsheets read Chinese right, lists one item per line inside the cell, and
// a cell that a spreadsheet would run as a formula (= + - @ first) starts with an apostrophe)
// or per object (JSON: {"tasks": [...]}, lists as arrays, times as ISO 8601 UTC).
QByteArray exportTasks(const QList<ExportedTask> &tasks, ExportFormat format);
// One task as the JSON export writes it: every field, lists as arrays, absent values null.
QJsonObject exportObject(const ExportedTask &task);
// The CSV header and the JSON keys, in order.
QStringList exportFields();

// The tasks a script asked for: all when status is empty, else those whose status key
// (statusKey()) is status; since (when valid) keeps tasks created, or added when KIE's time
// is unknown, at or after it.
bool exportKeeps(const TaskRecord &task, const QString &status, const QDateTime &since);

} // namespace veo
