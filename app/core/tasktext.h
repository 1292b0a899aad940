#pragma once

#include "taskrecord.h"

#include <QVariant>

namespace veo {

// How the task list writes a task's values (the model's cells; translated at call time in
// the model's context, "veo::TaskTableModel").

// The first line of a multi-line text (prompts).
QString firstLine(const QString &text);
// Local short date and time; empty for an invalid time.
QString shortDateTime(const QDateTime &dt);
// A failed task's own error ("message (code N)"); empty unless the task failed.
QString failureText(const TaskRecord &t);
// "400 Prompt flagged…": KIE's own words, the same in every UI language.
QString codeAndMessage(int code, const QString &message);
// An alignment as the int every Qt 6 view reads.
QVariant alignment(Qt::Alignment flags);
// "60 credits": what a task cost (TaskRecord::cost).
QString costText(qint64 credits);
// The last poll's problem, else the task's own failure.
QString errorText(const TaskRecord &t);
// "45 s", "2 min 31 s", "1 h 5 min": a span of time, rounded down to what is shown.
QString durationText(qint64 seconds);
// " · 2 min 31 s" after the status of a task generating since then, or " · 17 min, longer
// than usual" past LongerThanUsualAfter (taskage.h); empty for every other task.
QString generatingSuffix(const TaskRecord &t, const QDateTime &now);
// The last check of an unfinished task failed and it is tried again (not a final error).
bool hasPollProblem(const TaskRecord &t);
// " · server error, retry in 40 s" after the status of a task with a poll problem, tried again
// at nextTry ("retrying now" once that has come; nothing about time when nextTry is invalid);
// empty for every other task.
QString pollProblemSuffix(const TaskRecord &t, const QDateTime &nextTry, const QDateTime &now);
// Its whole text, what to do and when it is tried again, for a tooltip; empty when there is none.
QString pollProblemToolTip(const TaskRecord &t, const QDateTime &nextTry);
// Why that is said, for a tooltip; empty when it is not.
QString longerThanUsualToolTip(const TaskRecord &t, const QDateTime &now);
// The failure and success text colours (a QColor once QtGui is loaded, else their names).
const QVariant &failureColor();
const QVariant &successColor();

} // namespace veo
