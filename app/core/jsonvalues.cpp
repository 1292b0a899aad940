#include "jsonvalues.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <limits>

namespace veo::json {

namespace {
constexpr qsizetype MaxReasonChars = 80;
} // namespace

QString elide(QString text)
{
    text = text.simplified();
    if (text.size() > MaxReasonChars) {
        text = text.left(MaxReasonChars - 1) + QChar(0x2026);
    }
    return text;
}

// An integral value from a JSON number or a numeric string ("1", " 422 ", "1.0").
std::optional<qint64> toInteger(const QJsonValue &value)
{
    double d = 0;
    if (value.isDouble()) {
        d = value.toDouble();
    } else if (value.isString()) {
        const QString s = value.toString().trimmed();
        bool ok = false;
        const qint64 n = s.toLongLong(&ok);
        if (ok) {
            return n;
        }
        d = s.toDouble(&ok);
        if (!ok) {
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    // 2^53: beyond it doubles are not exact integers, and no KIE field is that large.
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9007199254740992.0) {
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

std::optional<int> toInt(const QJsonValue &value)
{
    const auto n = toInteger(value);
    if (!n || *n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max()) {
        return std::nullopt;
    }
    return static_cast<int>(*n);
}

bool isAbsent(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined();
}

// Strings verbatim, numbers and booleans as text; objects/arrays have no unambiguous text.
std::optional<QString> toText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const auto n = toInteger(value);
        return n ? QString::number(*n) : QString::number(value.toDouble(), 'g', 15);
    }
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    }
    return std::nullopt;
}

QByteArray compact(const QJsonValue &value)
{
    if (value.isObject()) {
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    }
    if (value.isArray()) {
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    }
    return {};
}

// An object given as an object, as a JSON-encoded string, or as a one-element array. Anything
// else is not an object we could use without guessing.
std::optional<QJsonObject> toObject(const QJsonValue &value)
{
    if (value.isObject()) {
        return value.toObject();
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.size() == 1 && array.first().isObject()) {
            return array.first().toObject();
        }
        return std::nullopt;
    }
    if (value.isString()) {
        const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
        if (doc.isObject()) {
            return doc.object();
        }
    }
    return std::nullopt;
}

// nullopt = a value of the wrong type (a number, an object, an array of non-strings).
std::optional<QStringList> urlList(const QJsonValue &value, int depth)
{
    if (isAbsent(value)) {
        return QStringList();
    }
    if (value.isArray()) {
        QStringList urls;
        for (const QJsonValue &item : value.toArray()) {
            if (isAbsent(item)) {
                continue;
            }
            if (!item.isString()) {
                return std::nullopt;
            }
            const QString url = item.toString().trimmed();
            if (!url.isEmpty()) {
                urls.append(url);
            }
        }
        return urls;
    }
    if (!value.isString()) {
        return std::nullopt;
    }
    const QString text = value.toString().trimmed();
    if (text.isEmpty()) {
        return QStringList();
    }
    if (text.startsWith(QLatin1Char('[')) || text.startsWith(QLatin1Char('"'))) {
        // JSON-encoded (the callback schema types the lists as strings). Wrap so that a
        // JSON string literal parses too; depth stops a string that encodes itself forever.
        const QByteArray wrapped = "[" + text.toUtf8() + "]";
        const QJsonDocument doc = QJsonDocument::fromJson(wrapped);
        if (doc.isArray() && depth < 2) {
            const QJsonArray outer = doc.array();
            if (outer.size() == 1) {
                return urlList(outer.first(), depth + 1);
            }
        }
        if (text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']'))) {
            // The OpenAPI example '[http://…mp4]': a bracketed list without quotes.
            QStringList urls;
            const QStringList parts = text.mid(1, text.size() - 2).split(QLatin1Char(','));
            for (QString part : parts) {
                part = part.trimmed();
                while (part.size() >= 2 &&
                       (part.startsWith(QLatin1Char('"')) || part.startsWith(QLatin1Char('\'')))) {
                    part = part.mid(1, part.size() - 2).trimmed();
                }
                if (!part.isEmpty()) {
                    urls.append(part);
                }
            }
            return urls;
        }
    }
    return QStringList{text};
}

} // namespace veo::json
