#pragma once

#include "mediasources.h"
#include "taskrecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QString>

namespace veo {

// The values a file name template can use (see FileNameTemplate).
struct FileNameFields
{
    QDateTime created;   // {created:fmt}, shown in local time; empty when invalid
    QDateTime completed; // {completed:fmt}
    QString prompt;      // {prompt} or {prompt:N}
    QString taskId;      // {taskId}
    QString model;       // {model}
    QString resolution;  // {resolution}
    QString kind;        // {kind}: "result", "origin" or "full" (mediaKindKey())
    // {index}: the 1-based number of this URL among the task's URLs of this kind, or 0 when it
    // is the only one; 0 renders as nothing, so a single video is "..._result", not "_result1"
    // (the same rule as MediaSource::number).
    int index = 0;
    QString ext; // {ext} and the file's extension, without the dot ("mp4")
};

// File names for downloads, from a template such as the default
//   {created:yyyyMMdd-HHmm}_{prompt:40}_{taskId}_{kind}{index}
// Fields: {created:fmt} and {completed:fmt} (QDateTime formats, local time; default
// yyyyMMdd-HHmm), {prompt:N} (the first N characters, N in 1..200; {prompt} is the whole
// prompt), {taskId}, {model}, {resolution}, {kind}, {index}, {ext}. "{{" and "}}" are literal
// braces. The extension is always appended (".mp4"); a template ending in ".{ext}" means the same.
//
// Every name is safe on Linux, Windows and macOS: reserved characters <>:"/\|?* and control
// characters become "_", whitespace collapses to one space, no leading dots or spaces, no
// trailing dots or spaces, Windows device names (CON, NUL, COM1...) get a leading "_", and the
// name is cut to at most MaxFileNameBytes of UTF-8 (the extension kept) between two
// characters (grapheme clusters: a Chinese character, an emoji with its modifiers).
class FileNameTemplate
{
    Q_DECLARE_TR_FUNCTIONS(FileNameTemplate)

public:
    // Leaves room for ".part.json" and " (99)" within the common 255-byte limit.
    static constexpr int MaxFileNameBytes = 200;
    static constexpr int MaxPromptLength = 200;

    static QString defaultTemplate();
    // Empty when the template is usable; otherwise one translated sentence saying what is wrong
    // (unknown field, unbalanced brace, bad option).
    static QString validate(const QString &pattern);
    // The safe file name (with extension) for these fields. An invalid template falls back to
    // defaultTemplate(); an empty result becomes "download".
    static QString fileName(const QString &pattern, const FileNameFields &fields);

    struct Preview
    {
        QString fileName; // empty when the template is invalid
        QString error;    // validate()'s text
    };
    // What the template gives for a sample task (for Settings), created at `now`.
    static Preview preview(const QString &pattern,
                           const QDateTime &now = QDateTime::currentDateTime());

    // Makes any name safe (the rules above), keeping a short extension after the last dot.
    static QString makeSafe(const QString &name);
    // UTF-8 byte count, the unit of the limit.
    static int utf8Size(const QString &text);
    // The longest prefix of text that fits maxBytes of UTF-8 without splitting a character.
    static QString cutToBytes(const QString &text, int maxBytes);

    // dir/fileName when nothing is there yet, otherwise dir/"name (2).ext", "(3)"... A name is
    // taken when a file (or a dangling link) of that name exists, when its download is in
    // progress ("<name>.part" or "<name>.part.json" exists), when its JSON sidecar exists, or
    // when it is in `taken` (absolute paths of downloads that have not created a file yet).
    // Never returns a path that would overwrite anything.
    static QString uniquePath(const QString &dir, const QString &fileName,
                              const QSet<QString> &taken = {});
};

// The fields a task's video is named with: its times, prompt, model, resolution, which video
// (kind and number) and the extension its link has ("mp4" when it says none).
FileNameFields fileNameFields(const TaskRecord &task, const MediaSource &source);

} // namespace veo
