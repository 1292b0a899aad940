#include "commandtemplate.h"

#include <QProcess>
#include <QRegularExpression>

namespace veo {
namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{([A-Za-z][A-Za-z0-9_]*)\\}"));
    return pattern;
}

const QStringList &knownNames()
{
    static const QStringList names{QStringLiteral("file"), QStringLiteral("taskId"),
                                   QStringLiteral("prompt"), QStringLiteral("json")};
    return names;
}

struct Scan
{
    bool unclosedQuote = false;
    bool singleQuotedWord = false; // a word outside double quotes starts with '
};

// Walks the line as QProcess::splitCommand does (which reports no errors of its own).
Scan scan(QStringView line)
{
    Scan result;
    int quotes = 0; // consecutive double quotes
    bool inQuote = false;
    bool wordStart = true;
    for (const QChar c : line) {
        if (c == u'"') {
            if (++quotes == 3) { // """: a literal quote
                quotes = 0;
                wordStart = false;
            }
            continue;
        }
        if (quotes == 1) {
            inQuote = !inQuote;
        }
        quotes = 0;
        if (!inQuote && c.isSpace()) {
            wordStart = true;
            continue;
        }
        result.singleQuotedWord = result.singleQuotedWord || (wordStart && !inQuote && c == u'\'');
        wordStart = false;
    }
    result.unclosedQuote = quotes == 1 ? !inQuote : inQuote;
    return result;
}

QString valueOf(const QString &name, const CommandTemplate::Fields &fields)
{
    if (name == QLatin1String("file")) {
        return fields.file;
    }
    if (name == QLatin1String("taskId")) {
        return fields.taskId;
    }
    if (name == QLatin1String("prompt")) {
        return fields.prompt;
    }
    return fields.json;
}

// One pass: a value that itself contains "{file}" is not replaced again.
QString substitute(const QString &argument, const CommandTemplate::Fields &fields)
{
    QString out;
    qsizetype last = 0;
    for (const QRegularExpressionMatch &m : placeholderPattern().globalMatch(argument)) {
        out += QStringView(argument).mid(last, m.capturedStart() - last);
        out += valueOf(m.captured(1), fields);
        last = m.capturedEnd();
    }
    out += QStringView(argument).mid(last);
    return out;
}

} // namespace

QStringList CommandTemplate::placeholders()
{
    QStringList out;
    for (const QString &name : knownNames()) {
        out << QLatin1Char('{') + name + QLatin1Char('}');
    }
    return out;
}

QString CommandTemplate::validate(const QString &commandLine)
{
    const Scan s = scan(commandLine);
    if (s.unclosedQuote) {
        return tr("A double quote (\") is not closed: add the closing one.");
    }
    if (s.singleQuotedWord) {
        return tr("Single quotes do not keep words together here: use double quotes, as in "
                  "\"two words\".");
    }
    const QStringList words = QProcess::splitCommand(commandLine);
    if (words.isEmpty()) {
        return tr("Enter the program to run, for example: notify-send \"Video downloaded\" "
                  "{file}");
    }
    for (const QString &word : words) {
        for (const QRegularExpressionMatch &m : placeholderPattern().globalMatch(word)) {
            if (!knownNames().contains(m.captured(1))) {
                //: %1: what the user typed, e.g. {name}; %2: the list of placeholders
                return tr("Unknown placeholder %1. Use %2.")
                    .arg(m.captured(0), placeholders().join(QLatin1String(", ")));
            }
        }
    }
    if (placeholderPattern().match(words.constFirst()).hasMatch()) {
        return tr("Start with the program to run, not a placeholder: a downloaded file is "
                  "never run.");
    }
    return {};
}

QStringList CommandTemplate::arguments(const QString &commandLine, const Fields &fields)
{
    if (!validate(commandLine).isEmpty()) {
        return {};
    }
    QStringList out = QProcess::splitCommand(commandLine);
    for (qsizetype i = 1; i < out.size(); ++i) {
        out[i] = substitute(out.at(i), fields);
    }
    return out;
}

bool CommandTemplate::usesJson(const QString &commandLine)
{
    return commandLine.contains(QLatin1String("{json}"));
}

} // namespace veo
