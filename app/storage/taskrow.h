#pragma once

#include "taskrecord.h"

#include <QString>
#include <QStringList>

class QSqlQuery;

namespace veo {

// The mapping between a TaskRecord and a row of the tasks table (schema in taskschema.cpp).

// Every column but task_id, in the order bindFields() binds and readRecord() reads them.
const QStringList &fieldColumns();
// The field columns, each wrapped as prefix + column + suffix, comma-separated.
QString joinedColumns(const QString &prefix, const QString &suffix);
// SELECT task_id and every field column FROM tasks; without readParamJson, param_json (the
// heaviest field) is read as NULL.
QString selectSql(bool readParamJson = true);
// "column=?" for every field column, comma-separated, in bindFields() order: an UPDATE's SET.
// A null request keeps the stored one, so a record read without it never erases it.
QString assignments();
// Binds every field column in fieldColumns() order, starting at placeholder `first`.
void bindFields(QSqlQuery &q, int first, const TaskRecord &t);
// Reads one row of selectSql().
TaskRecord readRecord(const QSqlQuery &q);

} // namespace veo
