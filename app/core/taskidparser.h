#pragma once

#include <QString>
#include <QStringList>

namespace veo {

struct TaskIdParseResult
{
    QStringList ids;     // valid, unique, in input order
    QStringList invalid; // tokens that are not task IDs, in input order
    int duplicates = 0;  // repeated valid IDs that were folded
};

// Splits pasted text (spaces, commas, semicolons, new lines) into task IDs.
TaskIdParseResult parseTaskIds(const QString &text);
bool isValidTaskId(const QString &token);

} // namespace veo
