#pragma once

#include "taskrecord.h"

#include <QDateTime>
#include <chrono>

namespace veo {

// KIE deletes generated videos 14 days after they were made (kie-api.md §7): when a task's
// videos go, and how that reads.
inline constexpr std::chrono::hours VideoLifetime{14 * 24};
inline constexpr std::chrono::hours ExpiresSoonWithin{48};

// When the task's videos are deleted: made (completed, else created, else added) + 14 days.
// Invalid for a task without videos.
QDateTime videoExpiry(const TaskRecord &task);
// KIE said so (record-info: "records within 14 days"), or the 14 days are over.
bool videosExpired(const TaskRecord &task, const QDateTime &now);
// Not expired yet, but within 48 hours of it.
bool videosExpireSoon(const TaskRecord &task, const QDateTime &now);
// What the 14-day clock asks of the user for a task (the list's filter): nothing, or its
// videos are not on disk and go soon, or went already.
enum class ExpiryConcern { None, ExpiringSoon, ExpiredNotDownloaded };
ExpiryConcern expiryConcern(const TaskRecord &task, bool downloaded, const QDateTime &now);
// "in 3 days", "in 5 hours", "in 40 minutes", "expired"; empty without videos. Translated
// (context "veo::TaskTableModel").
QString expiryText(const TaskRecord &task, const QDateTime &now);

} // namespace veo
