#include "taskimport.h"

#include "csv.h"
#include "taskidparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringTokenizer>
#include <algorithm>

namespace veo {
namespace {

constexpr qsizetype ShownLength = 80;

QString shortened(const QString &text)
{
    const QString one = text.simplified();
    return one.size() <= ShownLength ? one : one.left(ShownLength - 1) + QChar(0x2026);
}

// Undoes the export's formula guard: an apostrophe put before = + - @ tab or CR.
QString unguarded(const QString &cell)
{
    if (cell.size() > 1 && cell.front() == u'\'' &&
        QStringLiteral("=+-@\t\r").contains(cell.at(1))) {
        return cell.mid(1);
    }
    return cell;
}

// A column or member that holds the task ID: taskId as exported, or how people name it.
bool isIdName(const QString &name)
{
    QString key = name.trimmed().toLower();
    key.remove(u'_').remove(u' ');
    return key == QLatin1String("taskid") || key == QLatin1String("id");
}

class Reader
{
public:
    TaskImport result;

    // One row or object: the ID cell and what else it says about the task.
    void take(int number, const QString &idText, const QString &label, const QString &kindKey,
              const QString &parent, const QString &whole)
    {
        bool known = false;
        const TaskKind kind = taskKindFromKey(kindKey.trimmed(), &known);
        if (known && (kind == TaskKind::Veo1080p || kind == TaskKind::Veo4k)) {
            skip(number, unguarded(idText), ImportSkip::Reason::Upgrade);
            return;
        }
        const TaskIdParseResult parsed = parseTaskIds(unguarded(idText));
        if (parsed.ids.isEmpty()) {
            skip(number, whole, ImportSkip::Reason::NotAnId);
            return;
        }
        for (const QString &id : parsed.ids) {
            add({id, unguarded(label).trimmed(), known ? kind : TaskKind::VeoGeneration,
                 kind == TaskKind::VeoExtension ? unguarded(parent).trimmed() : QString()});
        }
    }

    void add(const ImportedTask &task)
    {
        if (m_seen.contains(task.taskId)) {
            ++result.duplicates;
            return;
        }
        m_seen.insert(task.taskId);
        result.tasks.append(task);
    }

    void skip(int number, const QString &text, ImportSkip::Reason reason)
    {
        result.skipped.append({number, shortened(text), reason});
    }

private:
    QSet<QString> m_seen;
};

void readText(const QString &text, Reader &reader)
{
    int number = 0;
    for (const QStringView line : QStringTokenizer(text, u'\n')) {
        ++number;
        const TaskIdParseResult parsed = parseTaskIds(line.toString());
        for (const QString &id : parsed.ids) {
            reader.add({id, {}, TaskKind::VeoGeneration, {}});
        }
        if (!parsed.invalid.isEmpty()) {
            reader.skip(number, parsed.invalid.join(u' '), ImportSkip::Reason::NotAnId);
        }
    }
}

// False when the text is no CSV with a task ID column.
bool readCsvWithHeader(const QString &text, Reader &reader)
{
    // The first line decides, before the whole text is read as CSV.
    const QList<CsvRow> first = readCsv(text.section(u'\n', 0, 0));
    if (first.isEmpty()) {
        return false;
    }
    const QStringList header = first.constFirst().cells;
    const auto column = [&header](QLatin1String name) {
        for (qsizetype i = 0; i < header.size(); ++i) {
            if (header.at(i).trimmed().compare(name, Qt::CaseInsensitive) == 0) {
                return i;
            }
        }
        return qsizetype(-1);
    };
    const qsizetype idColumn =
        std::find_if(header.cbegin(), header.cend(), isIdName) - header.cbegin();
    if (idColumn == header.size()) {
        return false;
    }
    const QList<CsvRow> rows = readCsv(text);
    const qsizetype labelColumn = column(QLatin1String("keyLabel"));
    const qsizetype kindColumn = column(QLatin1String("kind"));
    const qsizetype parentColumn = column(QLatin1String("parentTaskId"));
    const auto cell = [](const CsvRow &row, qsizetype i) {
        return i >= 0 && i < row.cells.size() ? row.cells.at(i) : QString();
    };
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const CsvRow &row = rows.at(r);
        const QString id = cell(row, idColumn);
        reader.take(row.line, id, cell(row, labelColumn), cell(row, kindColumn),
                    cell(row, parentColumn),
                    id.trimmed().isEmpty() ? row.cells.join(QLatin1String(", ")) : id);
    }
    return true;
}

void readJsonItem(int number, const QJsonValue &item, Reader &reader)
{
    if (item.isString()) {
        reader.take(number, item.toString(), {}, {}, {}, item.toString());
        return;
    }
    if (!item.isObject()) {
        reader.skip(
            number,
            QString::fromUtf8(QJsonDocument(QJsonArray{item}).toJson(QJsonDocument::Compact))
                .mid(1)
                .chopped(1),
            ImportSkip::Reason::NotAnId);
        return;
    }
    const QJsonObject o = item.toObject();
    QString id;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (isIdName(it.key()) && it.value().isString()) {
            id = it.value().toString();
            break;
        }
    }
    reader.take(number, id, o.value(QLatin1String("keyLabel")).toString(),
                o.value(QLatin1String("kind")).toString(),
                o.value(QLatin1String("parentTaskId")).toString(),
                id.isEmpty() ? QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact))
                             : id);
}

// False when the text is no JSON that lists tasks.
bool readJson(const QByteArray &bytes, Reader &reader)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        return false;
    }
    QJsonArray items;
    if (doc.isArray()) {
        items = doc.array();
    } else if (const QJsonValue tasks = doc.object().value(QLatin1String("tasks"));
               tasks.isArray()) {
        items = tasks.toArray();
    } else {
        items = QJsonArray{doc.object()}; // one task as an object
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        readJsonItem(int(i + 1), items.at(i), reader);
    }
    return true;
}

} // namespace

TaskImport readTaskImport(const QByteArray &input)
{
    Reader reader;
    if (input.contains('\0')) {
        reader.result.binary = true; // an image, a video, a spreadsheet's own format, UTF-16
        return reader.result;
    }
    const QByteArray bytes = input.startsWith("\xEF\xBB\xBF") ? input.mid(3) : input;
    const QByteArray start = bytes.trimmed().left(1);
    if ((start == "{" || start == "[") && readJson(bytes, reader)) {
        reader.result.format = TaskImport::Format::Json;
        return reader.result;
    }
    const QString text = QString::fromUtf8(bytes);
    if (readCsvWithHeader(text, reader)) {
        reader.result.format = TaskImport::Format::Csv;
        return reader.result;
    }
    readText(text, reader);
    return reader.result;
}

} // namespace veo
