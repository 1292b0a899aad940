#pragma once

#include "taskrecord.h"

#include <QString>
#include <QUrl>

namespace veo {

// "<mediaPath>.json": where a downloaded video's task description goes.
QString sidecarPath(const QString &mediaPath);

// Writes the optional JSON sidecar next to a downloaded video (atomically, replacing an older
// sidecar of the same file): taskId, prompt, model, aspectRatio, resolution, paramJson (as
// JSON when it parses, else verbatim), createTime and completeTime (ISO 8601 UTC), the source
// URL, the file name and when it was downloaded. False with *error (the system's words) when
// it cannot be written.
bool writeSidecar(const TaskRecord &task, const QString &mediaPath, const QUrl &sourceUrl,
                  QString *error = nullptr);

} // namespace veo
