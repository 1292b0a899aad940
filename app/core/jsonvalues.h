#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

// Tolerant readers for the JSON values KIE sends, whose types the docs contradict (numbers as
// strings, lists as JSON-encoded strings, objects as one-element arrays). Every answer parser
// (record-info today; Market jobs, 1080P and 4K with their task kinds) reads fields with them.
namespace veo::json {

// Simplified and cut to a short reason (for ApiError::serverMessage).
QString elide(QString text);
// An integral value from a JSON number or a numeric string ("1", " 422 ", "1.0").
std::optional<qint64> toInteger(const QJsonValue &value);
std::optional<int> toInt(const QJsonValue &value);
// Missing, null or an empty string.
bool isAbsent(const QJsonValue &value);
// Strings verbatim, numbers and booleans as text; objects/arrays have no unambiguous text.
std::optional<QString> toText(const QJsonValue &value);
// Compact JSON text of any value.
QByteArray compact(const QJsonValue &value);
// An object given as an object, as a JSON-encoded string, or as a one-element array.
std::optional<QJsonObject> toObject(const QJsonValue &value);
// URLs from an array, a JSON-encoded string, a bracketed list or a single string; nullopt for
// a value of the wrong type (a number, an object, an array of non-strings).
std::optional<QStringList> urlList(const QJsonValue &value, int depth = 0);

} // namespace veo::json
