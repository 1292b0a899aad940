#include "csv.h"

namespace veo {
namespace {

QList<CsvRow> csvRows(const QString &text, QChar separator)
{
    QList<CsvRow> rows;
    CsvRow row{1, {}};
    QString cell;
    bool quoted = false;
    bool any = false; // the row has something (a blank line is no row)
    int line = 1;
    const auto endRow = [&] {
        if (any || !cell.isEmpty()) {
            row.cells.append(cell);
            rows.append(row);
        }
        row = CsvRow{line, {}};
        cell.clear();
        any = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    cell.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                line += c == u'\n' ? 1 : 0;
                cell.append(c);
            }
        } else if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == separator) {
            row.cells.append(cell);
            cell.clear();
            any = true;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
                ++i;
            }
            ++line;
            endRow();
        } else {
            cell.append(c);
        }
    }
    endRow();
    return rows;
}

QByteArray csvCell(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front())) {
        text.prepend(QLatin1Char('\''));
    }
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char(';')) ||
                       text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')) ||
                       text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\t')) ||
                       text.startsWith(QLatin1Char(' ')) || text.endsWith(QLatin1Char(' '));
    if (!quote) {
        return text.toUtf8();
    }
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return '"' + text.toUtf8() + '"';
}

} // namespace

QList<CsvRow> readCsv(const QString &input)
{
    // A byte order mark (as Excel writes UTF-8) is no part of the first cell.
    const QString text = input.startsWith(QChar(0xFEFF)) ? input.mid(1) : input;
    const QString header = text.section(u'\n', 0, 0);
    QChar separator = u',';
    for (const QChar candidate : {u';', u'\t'}) {
        if (header.count(candidate) > header.count(separator)) {
            separator = candidate;
        }
    }
    return csvRows(text, separator);
}

QByteArray csvLine(const QStringList &cells)
{
    QByteArrayList out;
    for (const QString &cell : cells) {
        out << csvCell(cell);
    }
    return out.join(',') + "\r\n";
}

} // namespace veo
