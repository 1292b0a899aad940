#include "filenametemplate.h"

#include <QDir>
#include <QFileInfo>
#include <QList>
#include <QStringView>
#include <QTextBoundaryFinder>
#include <QUrl>
#include <algorithm>

namespace veo {
namespace {

const QString DefaultDateFormat = QStringLiteral("yyyyMMdd-HHmm");
constexpr qsizetype MaxExtensionLength = 16;

struct Token
{
    QString literal; // used when field is empty
    QString field;   // canonical field name
    QString option;  // text after the first ':'
    bool hasOption = false;
};

struct Parsed
{
    QList<Token> tokens;
    QString error;
};

const QStringList &knownFields()
{
    static const QStringList fields = {
        QStringLiteral("created"), QStringLiteral("completed"), QStringLiteral("prompt"),
        QStringLiteral("taskId"),  QStringLiteral("model"),     QStringLiteral("resolution"),
        QStringLiteral("kind"),    QStringLiteral("index"),     QStringLiteral("ext"),
    };
    return fields;
}

QString canonicalField(const QString &name)
{
    for (const QString &known : knownFields()) {
        if (known.compare(name, Qt::CaseInsensitive) == 0) {
            return known;
        }
    }
    return {};
}

bool isBidiControl(char16_t c)
{
    return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069);
}

bool isReservedCharacter(QChar c)
{
    return QStringView(u"<>:\"/\\|?*").contains(c);
}

// Character replacement and whitespace collapsing; no length limit yet.
QString cleanCharacters(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(c);
            out.append(text.at(++i));
        } else if (c.isSurrogate()) {
            out.append(QLatin1Char('_')); // a lone half of a pair is no character at all
        } else if (c.isSpace()) {
            if (!out.endsWith(QLatin1Char(' '))) {
                out.append(QLatin1Char(' '));
            }
        } else if (c.category() == QChar::Other_Control || isReservedCharacter(c)) {
            out.append(QLatin1Char('_'));
        } else if (!isBidiControl(c.unicode())) { // they could make "gpj.exe" look like "exe.jpg"
            out.append(c);
        }
    }
    return out;
}

void trimStart(QString &text)
{
    qsizetype n = 0;
    while (n < text.size() && (text.at(n) == QLatin1Char(' ') || text.at(n) == QLatin1Char('.'))) {
        ++n;
    }
    text.remove(0, n);
}

void trimEnd(QString &text)
{
    while (!text.isEmpty() &&
           (text.endsWith(QLatin1Char(' ')) || text.endsWith(QLatin1Char('.')))) {
        text.chop(1);
    }
}

QString cleanExtension(const QString &ext)
{
    QString out;
    for (const QChar c : ext) {
        if (c.unicode() < 0x80 && c.isLetterOrNumber()) {
            out.append(c);
        }
    }
    return out.left(MaxExtensionLength);
}

// "CON", "nul.txt", "Com1.tar.gz", "LPT¹": Windows opens the device instead of a file.
bool isWindowsDeviceName(const QString &fileName)
{
    const QString base = fileName.section(QLatin1Char('.'), 0, 0).trimmed().toUpper();
    static const QStringList plain = {QStringLiteral("CON"),    QStringLiteral("PRN"),
                                      QStringLiteral("AUX"),    QStringLiteral("NUL"),
                                      QStringLiteral("CONIN$"), QStringLiteral("CONOUT$")};
    if (plain.contains(base)) {
        return true;
    }
    if (base.size() != 4 ||
        (!base.startsWith(QLatin1String("COM")) && !base.startsWith(QLatin1String("LPT")))) {
        return false;
    }
    const char16_t last = base.at(3).unicode();
    return (last >= u'0' && last <= u'9') || last == u'\u00b9' || last == u'\u00b2' ||
           last == u'\u00b3';
}

// Splits "name.ext" when the part after the last dot looks like an extension.
std::pair<QString, QString> splitExtension(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0) {
        return {name, {}};
    }
    const QString ext = name.mid(dot + 1);
    if (ext.isEmpty() || ext.size() > MaxExtensionLength || cleanExtension(ext) != ext) {
        return {name, {}};
    }
    return {name.left(dot), ext};
}

// The safe name stem + suffix + "." + ext; the stem is cut so that the whole fits.
QString assemble(const QString &rawStem, const QString &suffix, const QString &rawExt)
{
    QString stem = cleanCharacters(rawStem);
    trimStart(stem);
    const QString ext = cleanExtension(rawExt);
    const QString tail = suffix + (ext.isEmpty() ? QString() : QLatin1Char('.') + ext);
    const int room = FileNameTemplate::MaxFileNameBytes - FileNameTemplate::utf8Size(tail);
    stem = FileNameTemplate::cutToBytes(stem, room);
    trimEnd(stem);
    if (stem.isEmpty()) {
        stem = QStringLiteral("download");
    }
    if (isWindowsDeviceName(stem + tail)) {
        stem = FileNameTemplate::cutToBytes(QLatin1Char('_') + stem, room);
        trimEnd(stem);
    }
    return stem + tail;
}

QString firstCharacters(const QString &text, int count)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    qsizetype end = 0;
    for (int n = 0; n < count; ++n) {
        const qsizetype next = finder.toNextBoundary();
        if (next < 0) {
            return text;
        }
        end = next;
    }
    return text.left(end);
}

Parsed parse(const QString &pattern)
{
    Parsed out;
    QString literal;
    const auto flush = [&] {
        if (!literal.isEmpty()) {
            out.tokens.append(Token{literal, {}, {}, false});
            literal.clear();
        }
    };
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        const bool doubled = i + 1 < pattern.size() && pattern.at(i + 1) == c;
        if (c == QLatin1Char('}')) {
            if (!doubled) {
                //: A file name template; %1 is a character position (1 = first).
                out.error = FileNameTemplate::tr("The “}” at position %1 has no matching “{”. "
                                                 "Write “}}” for a brace in the name.")
                                .arg(i + 1);
                return out;
            }
            literal.append(c);
            ++i;
            continue;
        }
        if (c != QLatin1Char('{')) {
            literal.append(c);
            continue;
        }
        if (doubled) {
            literal.append(c);
            ++i;
            continue;
        }
        const qsizetype close = pattern.indexOf(QLatin1Char('}'), i + 1);
        const qsizetype nextOpen = pattern.indexOf(QLatin1Char('{'), i + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
            //: A file name template; %1 is a character position (1 = first).
            out.error =
                FileNameTemplate::tr("The “{” at position %1 has no matching “}”.").arg(i + 1);
            return out;
        }
        const QString inner = pattern.mid(i + 1, close - i - 1);
        const qsizetype colon = inner.indexOf(QLatin1Char(':'));
        const QString name = colon < 0 ? inner : inner.left(colon);
        Token token;
        token.field = canonicalField(name.trimmed());
        token.hasOption = colon >= 0;
        token.option = colon < 0 ? QString() : inner.mid(colon + 1);
        if (token.field.isEmpty()) {
            //: %1 is what the user wrote between braces, %2 the list of known fields.
            out.error =
                FileNameTemplate::tr("Unknown field “{%1}”. Known fields: %2.")
                    .arg(inner, QLatin1Char('{') + knownFields().join(QStringLiteral("}, {")) +
                                    QLatin1Char('}'));
            return out;
        }
        if (token.field == QLatin1String("prompt") && token.hasOption) {
            bool ok = false;
            const int length = token.option.trimmed().toInt(&ok);
            if (!ok || length < 1 || length > FileNameTemplate::MaxPromptLength) {
                //: {prompt:N} in a file name template; %1 is the largest allowed N.
                out.error = FileNameTemplate::tr("In “{prompt:N}”, N must be a number from 1 "
                                                 "to %1.")
                                .arg(FileNameTemplate::MaxPromptLength);
                return out;
            }
        } else if (token.hasOption && token.field != QLatin1String("created") &&
                   token.field != QLatin1String("completed")) {
            //: %1 is a field name of a file name template, e.g. {taskId}.
            out.error = FileNameTemplate::tr("The field “{%1}” takes no option after “:”.")
                            .arg(token.field);
            return out;
        }
        flush();
        out.tokens.append(token);
        i = close;
    }
    flush();
    if (out.tokens.isEmpty()) {
        out.error = FileNameTemplate::tr("The template is empty.");
    }
    return out;
}

QString expandField(const Token &token, const FileNameFields &fields)
{
    const QString &f = token.field;
    if (f == QLatin1String("created") || f == QLatin1String("completed")) {
        const QDateTime &time = f == QLatin1String("created") ? fields.created : fields.completed;
        const QString format = token.option.isEmpty() ? DefaultDateFormat : token.option;
        return time.isValid() ? time.toLocalTime().toString(format) : QString();
    }
    if (f == QLatin1String("prompt")) {
        const QString prompt = fields.prompt.simplified();
        return token.hasOption ? firstCharacters(prompt, token.option.trimmed().toInt()) : prompt;
    }
    if (f == QLatin1String("index")) {
        return fields.index > 0 ? QString::number(fields.index) : QString();
    }
    if (f == QLatin1String("taskId")) {
        return fields.taskId;
    }
    if (f == QLatin1String("model")) {
        return fields.model;
    }
    if (f == QLatin1String("resolution")) {
        return fields.resolution;
    }
    if (f == QLatin1String("kind")) {
        return fields.kind;
    }
    return fields.ext; // "ext"
}

bool occupied(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink(); // a dangling link is still a name in use
}

} // namespace

QString FileNameTemplate::defaultTemplate()
{
    return QStringLiteral("{created:yyyyMMdd-HHmm}_{prompt:40}_{taskId}_{kind}{index}");
}

QString FileNameTemplate::validate(const QString &pattern)
{
    return parse(pattern).error;
}

QString FileNameTemplate::fileName(const QString &pattern, const FileNameFields &fields)
{
    Parsed parsed = parse(pattern);
    if (!parsed.error.isEmpty()) {
        parsed = parse(defaultTemplate());
    }
    QList<Token> &tokens = parsed.tokens;
    // "name.{ext}" places the extension where it always goes anyway.
    if (tokens.size() >= 2 && tokens.last().field == QLatin1String("ext") &&
        tokens.at(tokens.size() - 2).field.isEmpty() &&
        tokens.at(tokens.size() - 2).literal.endsWith(QLatin1Char('.'))) {
        tokens.removeLast();
        tokens.last().literal.chop(1);
    }
    QString stem;
    for (const Token &token : std::as_const(tokens)) {
        stem += token.field.isEmpty() ? token.literal : expandField(token, fields);
    }
    return assemble(stem, {}, fields.ext);
}

FileNameTemplate::Preview FileNameTemplate::preview(const QString &pattern, const QDateTime &now)
{
    Preview result;
    result.error = validate(pattern);
    if (!result.error.isEmpty()) {
        return result;
    }
    FileNameFields sample;
    sample.created = now;
    sample.completed = now.addSecs(180);
    //: A sample prompt shown in the file name preview in Settings.
    sample.prompt = tr("A red fox running through fresh snow at dawn, cinematic, slow motion");
    sample.taskId = QStringLiteral("veo_task_9f3c2a71b8e4");
    sample.model = QStringLiteral("veo3_fast");
    sample.resolution = QStringLiteral("1080p");
    sample.kind = QStringLiteral("result");
    sample.ext = QStringLiteral("mp4");
    result.fileName = fileName(pattern, sample);
    return result;
}

QString FileNameTemplate::makeSafe(const QString &name)
{
    const auto [stem, ext] = splitExtension(name);
    return assemble(stem, {}, ext);
}

int FileNameTemplate::utf8Size(const QString &text)
{
    int bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < 0x80) {
            bytes += 1;
        } else if (c < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(c) && i + 1 < text.size() &&
                   text.at(i + 1).isLowSurrogate()) {
            bytes += 4;
            ++i;
        } else {
            bytes += 3; // BMP character (a lone surrogate is written as U+FFFD)
        }
    }
    return bytes;
}

QString FileNameTemplate::cutToBytes(const QString &text, int maxBytes)
{
    if (utf8Size(text) <= maxBytes) {
        return text;
    }
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    qsizetype end = 0;
    int bytes = 0;
    for (qsizetype next = finder.toNextBoundary(); next > 0; next = finder.toNextBoundary()) {
        bytes += utf8Size(text.mid(end, next - end));
        if (bytes > maxBytes) {
            break;
        }
        end = next;
    }
    if (end > 0) {
        return text.left(end);
    }
    // One cluster longer than the limit (a pile of combining marks): cut between code points.
    bytes = 0;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype step =
            text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()
                ? 2
                : 1;
        bytes += utf8Size(text.mid(i, step));
        if (bytes > maxBytes) {
            break;
        }
        i += step;
        end = i;
    }
    return text.left(end);
}

QString FileNameTemplate::uniquePath(const QString &dir, const QString &fileName,
                                     const QSet<QString> &taken)
{
    QSet<QString> reserved;
    for (const QString &path : taken) {
        reserved.insert(QDir::cleanPath(path).toCaseFolded());
    }
    const QDir folder(dir);
    const auto isFree = [&](const QString &path) {
        return !reserved.contains(path.toCaseFolded()) && !occupied(path) &&
               !occupied(path + QStringLiteral(".part")) &&
               !occupied(path + QStringLiteral(".part.json")) &&
               !occupied(path + QStringLiteral(".json"));
    };
    const QString first = QDir::cleanPath(folder.absoluteFilePath(fileName));
    if (isFree(first)) {
        return first;
    }
    const auto [stem, ext] = splitExtension(fileName);
    for (int n = 2; n < 10000; ++n) {
        const QString path = QDir::cleanPath(
            folder.absoluteFilePath(assemble(stem, QStringLiteral(" (%1)").arg(n), ext)));
        if (isFree(path)) {
            return path;
        }
    }
    // Ten thousand namesakes: fall back on the clock, which does not repeat.
    const QString stamp = QString::number(QDateTime::currentMSecsSinceEpoch());
    return QDir::cleanPath(
        folder.absoluteFilePath(assemble(stem, QStringLiteral(" (%1)").arg(stamp), ext)));
}

namespace {
// The extension of the video at url ("mp4" unless the URL's file name says otherwise).
QString extensionOf(const QUrl &url)
{
    const QString suffix = QFileInfo(url.path()).suffix().toLower();
    const bool usable =
        !suffix.isEmpty() && suffix.size() <= 5 &&
        std::all_of(suffix.cbegin(), suffix.cend(), [](QChar c) { return c.isLetterOrNumber(); });
    return usable ? suffix : QStringLiteral("mp4");
}
} // namespace

FileNameFields fileNameFields(const TaskRecord &task, const MediaSource &source)
{
    FileNameFields f;
    f.created = task.createTime.isValid() ? task.createTime : task.addedAt;
    f.completed = task.completeTime;
    f.prompt = task.prompt;
    f.taskId = task.taskId;
    f.model = task.model;
    f.resolution = task.resolution.isEmpty() ? task.requestedResolution : task.resolution;
    f.kind = mediaKindKey(source.kind);
    f.index = source.number;
    f.ext = extensionOf(source.remoteUrl);
    return f;
}

} // namespace veo
