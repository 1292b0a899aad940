#include "taskidparser.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace veo {

namespace {

constexpr qsizetype MinIdLength = 8;
constexpr qsizetype MaxIdLength = 128;

bool isSeparator(QChar c)
{
    // U+3000 (ideographic space) is covered by isSpace(); the others are CJK punctuation
    // that Chinese input methods produce in place of ',' and ';'.
    return c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(';') || c == QChar(0xFF0C) ||
           c == QChar(0xFF1B) || c == QChar(0x3001);
}

// Quotes and brackets that wrap an ID copied out of JSON, a log line or a chat message.
bool isWrapper(QChar c)
{
    static const QString wrappers = QStringLiteral("\"'`()[]{}<>"
                                                   "\u201C\u201D\u2018\u2019"   // “ ” ‘ ’
                                                   "\u300C\u300D\u300E\u300F"   // 「 」 『 』
                                                   "\u300A\u300B\u3010\u3011"   // 《 》 【 】
                                                   "\uFF08\uFF09\uFF3B\uFF3D"); // （ ） ［ ］
    return wrappers.contains(c);
}

QString stripWrappers(const QString &token)
{
    qsizetype begin = 0;
    qsizetype end = token.size();
    while (begin < end && isWrapper(token.at(begin))) {
        ++begin;
    }
    while (end > begin && isWrapper(token.at(end - 1))) {
        --end;
    }
    return token.mid(begin, end - begin);
}

// A pasted record-info URL (or any link with ?taskId=...): the ID is the query value.
QString idFromUrl(const QString &token)
{
    static const QRegularExpression param(QStringLiteral(R"((?:^|[?&#])task_?id=([^&#]*))"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = param.match(token);
    if (!m.hasMatch()) {
        return {};
    }
    QString value = m.captured(1);
    value.replace(QLatin1Char('+'), QLatin1Char(' '));
    return QUrl::fromPercentEncoding(value.toUtf8()).trimmed();
}

} // namespace

bool isValidTaskId(const QString &token)
{
    if (token.size() < MinIdLength || token.size() > MaxIdLength) {
        return false;
    }
    for (const QChar c : token) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                        (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

TaskIdParseResult parseTaskIds(const QString &text)
{
    TaskIdParseResult result;
    QSet<QString> seenIds;
    QSet<QString> seenInvalid;
    auto take = [&](const QString &raw) {
        const QString token = stripWrappers(raw);
        if (token.isEmpty()) {
            return;
        }
        QString id = token;
        if (!isValidTaskId(id)) {
            const QString fromUrl = idFromUrl(token);
            id = isValidTaskId(fromUrl) ? fromUrl : QString();
        }
        if (id.isEmpty()) {
            // The same typo pasted twice is one thing to fix, so invalid tokens fold too.
            if (!seenInvalid.contains(token)) {
                seenInvalid.insert(token);
                result.invalid.append(token);
            }
        } else if (seenIds.contains(id)) {
            ++result.duplicates;
        } else {
            seenIds.insert(id);
            result.ids.append(id);
        }
    };
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || isSeparator(text.at(i))) {
            if (i > start) {
                take(text.mid(start, i - start));
            }
            start = i + 1;
        }
    }
    return result;
}

} // namespace veo
