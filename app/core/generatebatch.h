#pragma once

#include "veogenerate.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

// Many generations at once (Batch): one prompt per line, or a file with a field per column.
namespace veo {

struct GenerateBatch
{
    QList<GenerateOptions> generations; // the valid ones, in the file's order
    QStringList problems;               // translated, one per row or column left out
};

// The most a batch may hold: more is almost certainly the wrong file.
constexpr qsizetype MaxBatchSize = 1000;

// A batch file: CSV (comma, semicolon or tab, as its header row uses; quoted fields may hold
// separators and line breaks) whose header row names the fields, or JSON: an array of
// objects, or an object with a "generations" array. Fields are the request's (kie-api.md §3)
// in either spelling, case and separators ignored: prompt, model, aspect_ratio, resolution,
// seeds, watermark, enableTranslation (true/false, yes/no, 1/0), generationType, imageUrls
// (CSV: separated by spaces, "|" or ";"). A field a row leaves out (or leaves empty) takes
// base's value. Every row that is not a valid generation is named in problems, by its row in
// a spreadsheet (the header is row 1) or its item number in JSON; nothing is dropped silently.
GenerateBatch parseGenerateBatch(const QByteArray &bytes, const GenerateOptions &base);

// One generation per non-empty line of text (trimmed), each with base's other options.
GenerateBatch generateBatchFromLines(const QString &text, const GenerateOptions &base);

} // namespace veo
