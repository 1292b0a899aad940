#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace veo {

// CSV as spreadsheets write it (RFC 4180 quoting; quoted cells may hold line breaks).
struct CsvRow
{
    int line = 0; // the line it starts on, from 1
    QStringList cells;
};

// The rows of text, separated by commas, semicolons or tabs: whichever the first line has
// most of. Blank lines are no rows; a leading byte order mark is skipped.
QList<CsvRow> readCsv(const QString &text);

// One line (with CRLF) of cells, quoted where needed. A cell a spreadsheet would run as a
// formula (= + - @ tab or CR first) gets an apostrophe in front (OWASP's CSV injection advice).
QByteArray csvLine(const QStringList &cells);

} // namespace veo
