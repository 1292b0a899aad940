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
// " · 17 min, longer than usual" after the status of a render still generating past
// LongerThanUsualAfter (taskage.h); empty for every other task.
QString longerThanUsualSuffix(const TaskRecord &t, const QDateTime &now);
// Why that is said, for a tooltip; empty when it is not.
QString longerThanUsualToolTip(const TaskRecord &t, const QDateTime &now);
// The failure and success text colours (a QColor once QtGui is loaded, else their names).
const QVariant &failureColor();
const QVariant &successColor();

} // namespace veo
