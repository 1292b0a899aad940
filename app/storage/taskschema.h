#pragma once

#include <QList>
#include <QStringList>

namespace veo {

// The SQL that builds the app's database: migration N (1-based) brings the schema from
// PRAGMA user_version N-1 to N (TaskStore runs the missing ones in one transaction). The tasks,
// keys, downloads and credit readings tables all live in the one file.
const QList<QStringList> &schemaMigrations();

} // namespace veo
