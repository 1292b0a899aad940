#include "generatebatch.h"

#include "csv.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace veo {

namespace {

// lupdate files a free tr() under its namespace ("veo"): the same context here, else the
// translations are never found.
QString tr(const char *text)
{
    return QCoreApplication::translate("veo", text);
}

// A column or key name as the request spells it; empty when it names no field.
QString fieldName(const QString &name)
{
    QString key = name.trimmed().toLower();
    key.remove(QRegularExpression(QStringLiteral("[\\s_\\-]")));
    static const QHash<QString, QString> fields{
        {QStringLiteral("prompt"), QStringLiteral("prompt")},
        {QStringLiteral("model"), QStringLiteral("model")},
        {QStringLiteral("aspectratio"), QStringLiteral("aspect_ratio")},
        {QStringLiteral("resolution"), QStringLiteral("resolution")},
        {QStringLiteral("seeds"), QStringLiteral("seeds")},
        {QStringLiteral("seed"), QStringLiteral("seeds")},
        {QStringLiteral("watermark"), QStringLiteral("watermark")},
        {QStringLiteral("enabletranslation"), QStringLiteral("enableTranslation")},
        {QStringLiteral("generationtype"), QStringLiteral("generationType")},
        {QStringLiteral("imageurls"), QStringLiteral("imageUrls")},
    };
    return fields.value(key);
}

// A CSV cell as the JSON value of its field; undefined when it is not one.
QJsonValue cellValue(const QString &field, const QString &cell)
{
    if (field == QLatin1String("enableTranslation")) {
        const QString v = cell.trimmed().toLower();
        if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1") ||
            v == QLatin1String("on")) {
            return true;
        }
        if (v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("0") ||
            v == QLatin1String("off")) {
            return false;
        }
        return QJsonValue(QJsonValue::Undefined);
    }
    if (field == QLatin1String("imageUrls")) {
        return QJsonArray::fromStringList(
            cell.split(QRegularExpression(QStringLiteral("[\\s|;]+")), Qt::SkipEmptyParts));
    }
    return field == QLatin1String("prompt") ? cell : cell.trimmed();
}

// Adds one row: base's request with the row's fields over it. False once the batch is full:
// this row and the rest are left out (said once).
bool addRow(GenerateBatch &batch, const QJsonObject &base, const QJsonObject &fields,
            const QString &where)
{
    if (batch.generations.size() >= MaxBatchSize) {
        batch.problems.append(tr("%1 and the rest were left out: a batch holds at most %2 "
                                 "generations; split it.")
                                  .arg(where)
                                  .arg(MaxBatchSize));
        return false;
    }
    QJsonObject merged = base;
    merged.remove(QStringLiteral("aspectRatio")); // the one spelling rows use
    merged.remove(QStringLiteral("waterMark"));
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        merged.insert(it.key(), it.value());
    }
    const std::optional<GenerateOptions> options = generateOptionsFromJson(merged);
    if (!options) {
        batch.problems.append(tr("%1 has no prompt.").arg(where));
    } else if (const QString problem = generateOptionsProblem(*options); !problem.isEmpty()) {
        batch.problems.append(tr("%1: %2").arg(where, problem));
    } else {
        batch.generations.append(*options);
    }
    return true;
}

QJsonObject baseObject(const GenerateOptions &base)
{
    return QJsonDocument::fromJson(generateParamJson(base).toUtf8()).object();
}

void parseJson(GenerateBatch &batch, const QJsonDocument &doc, const QJsonObject &base)
{
    const QJsonArray items = doc.isArray()
                                 ? doc.array()
                                 : doc.object().value(QLatin1String("generations")).toArray();
    if (items.isEmpty()) {
        batch.problems.append(tr("The file holds no generations: a JSON batch is an array of "
                                 "objects with a \"prompt\" each."));
        return;
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        //: A generation in a JSON batch file, counted from 1
        const QString where = tr("Item %1").arg(i + 1);
        if (!items.at(i).isObject()) {
            batch.problems.append(tr("%1 is not an object with a prompt.").arg(where));
            continue;
        }
        QJsonObject fields;
        const QJsonObject item = items.at(i).toObject();
        for (auto it = item.begin(); it != item.end(); ++it) {
            if (const QString field = fieldName(it.key()); !field.isEmpty()) {
                fields.insert(field, it.value());
            }
        }
        if (!addRow(batch, base, fields, where)) {
            return;
        }
    }
}

void parseCsv(GenerateBatch &batch, const QString &text, const QJsonObject &base)
{
    const QList<CsvRow> rows = readCsv(text);
    QStringList fields;
    for (const QString &name : rows.value(0).cells) {
        fields.append(fieldName(name));
        if (fields.constLast().isEmpty() && !name.trimmed().isEmpty()) {
            batch.problems.append(
                tr("The column \"%1\" is not a field of a generation and was left out.")
                    .arg(name.trimmed()));
        }
    }
    if (!fields.contains(QLatin1String("prompt"))) {
        batch.problems.append(tr("The file has no \"prompt\" column: its first row must name "
                                 "the fields (prompt, model, aspect_ratio, seeds...)."));
        return;
    }
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const CsvRow &row = rows.at(r);
        //: A row of a CSV batch file as a spreadsheet numbers it (the header is row 1)
        const QString where = tr("Row %1").arg(row.line);
        QJsonObject values;
        bool readable = true;
        for (qsizetype c = 0; readable && c < row.cells.size() && c < fields.size(); ++c) {
            if (fields.at(c).isEmpty() || row.cells.at(c).trimmed().isEmpty()) {
                continue;
            }
            const QJsonValue value = cellValue(fields.at(c), row.cells.at(c));
            readable = !value.isUndefined();
            if (readable) {
                values.insert(fields.at(c), value);
            } else {
                batch.problems.append(tr("%1: \"%2\" is not a value of %3.")
                                          .arg(where, row.cells.at(c).trimmed(), fields.at(c)));
            }
        }
        if (readable && !addRow(batch, base, values, where)) {
            return;
        }
    }
    if (rows.size() < 2) {
        batch.problems.append(tr("The file has a header row but no generations."));
    }
}

} // namespace

GenerateBatch parseGenerateBatch(const QByteArray &bytes, const GenerateOptions &base)
{
    GenerateBatch batch;
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF")) {
        data.remove(0, 3); // a UTF-8 byte order mark (spreadsheets write one)
    }
    const QByteArray start = data.trimmed().left(1);
    if (start == "[" || start == "{") {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError) {
            batch.problems.append(tr("The file is not valid JSON (%1 at byte %2).")
                                      .arg(error.errorString())
                                      .arg(error.offset));
            return batch;
        }
        parseJson(batch, doc, baseObject(base));
        return batch;
    }
    parseCsv(batch, QString::fromUtf8(data), baseObject(base));
    return batch;
}

GenerateBatch generateBatchFromLines(const QString &text, const GenerateOptions &base)
{
    GenerateBatch batch;
    const QJsonObject object = baseObject(base);
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (const QString prompt = lines.at(i).trimmed(); !prompt.isEmpty()) {
            //: A line of the prompt box in batch mode, counted from 1
            if (!addRow(batch, object, {{QStringLiteral("prompt"), prompt}},
                        tr("Line %1").arg(i + 1))) {
                break;
            }
        }
    }
    return batch;
}

} // namespace veo
