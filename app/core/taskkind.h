#pragma once

#include <QString>

namespace veo {

// What a task is, which decides how its state is read (engine: StatusSource). Every task
// from before kinds existed is a Veo generation.
enum class TaskKind {
    VeoGeneration, // POST /veo/generate; read with record-info
    VeoExtension,  // POST /veo/extend: a new task id, read with record-info; parent = the original
    Veo1080p,      // GET /veo/get-1080p-video of the parent until it has a resultUrl
    Veo4k,         // POST /veo/get-4k-video of the parent (once), then re-POST for the state
    MarketJob,     // another KIE model through /jobs/createTask, read with /jobs/recordInfo
};
inline constexpr int TaskKindCount = 5;

// Stable, untranslated identifier used in storage: "veo", "veo-extend", "veo-1080p",
// "veo-4k", "market".
QString taskKindKey(TaskKind kind);
// ok is false for an unknown key, which reads as VeoGeneration.
TaskKind taskKindFromKey(const QString &key, bool *ok = nullptr);

} // namespace veo
