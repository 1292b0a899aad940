#include "recordinfoparser.h"

#include "jsonvalues.h"
#include "kietime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace veo {

namespace {

using namespace json;

// What the body holds, before the HTTP status is taken into account.
struct Body
{
    bool isEnvelope = false; // a JSON object with an integral "code"
    int code = 0;
    QString msg;
    QJsonValue data;
    QString problem; // why the body is not an envelope (short, for serverMessage)
    QString title;   // an HTML error page's <title>, the best summary of an HTTP error
};

Body readBody(const QByteArray &raw)
{
    Body b;
    const QByteArray trimmed = raw.trimmed(); // QJsonDocument itself skips a UTF-8 BOM
    if (trimmed.isEmpty()) {
        b.problem = QStringLiteral("empty answer");
        return b;
    }
    if (trimmed.startsWith('<')) {
        // A proxy or gateway page: its title is the most useful short reason.
        static const QRegularExpression title(QStringLiteral(R"(<title[^>]*>([^<]*)</title>)"),
                                              QRegularExpression::CaseInsensitiveOption);
        const QString page = QString::fromUtf8(trimmed.left(4096));
        b.title = elide(title.match(page).captured(1));
        b.problem = b.title.isEmpty() ? QStringLiteral("an HTML page instead of JSON")
                                      : QStringLiteral("an HTML page: ") + b.title;
        return b;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
    if (error.error != QJsonParseError::NoError) {
        b.problem = QStringLiteral("invalid JSON: %1 at byte %2")
                        .arg(error.errorString())
                        .arg(error.offset);
        return b;
    }
    if (!doc.isObject()) {
        b.problem = QStringLiteral("JSON without the {code, msg, data} envelope");
        return b;
    }
    const QJsonObject object = doc.object();
    const QJsonValue code = object.value(QLatin1String("code"));
    if (code.isUndefined()) {
        b.problem = QStringLiteral("JSON without a \"code\" field");
        return b;
    }
    const auto codeValue = toInt(code);
    if (!codeValue) {
        b.problem = QStringLiteral("\"code\" is not a number");
        return b;
    }
    b.isEnvelope = true;
    b.code = *codeValue;
    // "message" appears in one page's prose example instead of "msg".
    QJsonValue msg = object.value(QLatin1String("msg"));
    if (isAbsent(msg)) {
        msg = object.value(QLatin1String("message"));
    }
    b.msg = toText(msg).value_or(QString::fromUtf8(compact(msg)));
    b.data = object.value(QLatin1String("data"));
    if (b.data.isUndefined()) {
        b.data = QJsonValue(QJsonValue::Null);
    }
    return b;
}

ApiError makeError(ApiError::Kind kind, int code, int httpStatus, const QString &message)
{
    ApiError e;
    e.kind = kind;
    e.code = code;
    e.httpStatus = httpStatus;
    e.serverMessage = message;
    return e;
}

ApiError classify(int httpStatus, const Body &body)
{
    // Transport-level answers that mean the same whatever the body says (kie-api.md §7).
    if (httpStatus == 429) {
        return makeError(ApiError::Kind::RateLimited, 429, httpStatus, body.msg);
    }
    if (httpStatus == 401) {
        return makeError(ApiError::Kind::Unauthorized, 401, httpStatus, body.msg);
    }
    // 0: no HTTP status known (not from a network reply); judge by the body alone.
    const bool httpOk = httpStatus == 0 || (httpStatus >= 200 && httpStatus < 300);
    if (!httpOk) {
        if (body.isEnvelope && body.code != 200) {
            return ApiError::fromKieCode(body.code, body.msg, httpStatus);
        }
        const auto kind = httpStatus >= 500 ? ApiError::Kind::Server : ApiError::Kind::Http;
        return makeError(kind, httpStatus, httpStatus, body.isEnvelope ? body.msg : body.title);
    }
    if (!body.isEnvelope) {
        return makeError(ApiError::Kind::BadResponse, httpStatus, httpStatus, body.problem);
    }
    if (body.code == 200) {
        return {};
    }
    return ApiError::fromKieCode(body.code, body.msg, httpStatus);
}

// Reads one record-info "data" object into a TaskRecord; returns a reason when it cannot.
class RecordReader
{
public:
    explicit RecordReader(TaskRecord &record) : m_record(record) {}

    QString read(const QJsonObject &data);

private:
    // Known fields whose value we could not interpret are kept, so nothing is lost.
    void keepRaw(QJsonObject &into, const QString &key, const QJsonValue &value)
    {
        into.insert(key, value);
    }
    QString readUrls(const QJsonObject &response, const QJsonObject &data);
    void readParamJson(const QJsonValue &value);
    void readTime(const QString &key, const QJsonValue &value, QDateTime &into);

    TaskRecord &m_record;
    QJsonObject m_extraData;
    QJsonObject m_extraResponse;
};

const QStringList &knownDataKeys()
{
    static const QStringList keys = {
        QStringLiteral("taskId"),       QStringLiteral("paramJson"),
        QStringLiteral("completeTime"), QStringLiteral("createTime"),
        QStringLiteral("response"),     QStringLiteral("successFlag"),
        QStringLiteral("errorCode"),    QStringLiteral("errorMessage"),
        QStringLiteral("fallbackFlag"), QStringLiteral("resultUrls"),
        QStringLiteral("originUrls"),   QStringLiteral("fullResultUrls"),
        QStringLiteral("resolution")};
    return keys;
}

const QStringList &knownResponseKeys()
{
    static const QStringList keys = {QStringLiteral("taskId"), QStringLiteral("resultUrls"),
                                     QStringLiteral("originUrls"), QStringLiteral("fullResultUrls"),
                                     QStringLiteral("resolution")};
    return keys;
}

QString RecordReader::read(const QJsonObject &data)
{
    const QJsonValue flag = data.value(QLatin1String("successFlag"));
    if (isAbsent(flag)) {
        return QStringLiteral("successFlag is missing");
    }
    const auto successFlag = toInt(flag);
    if (!successFlag) {
        return QStringLiteral("successFlag is not a number");
    }
    m_record.successFlag = *successFlag;
    m_record.status = statusFromSuccessFlag(*successFlag);

    QJsonObject response;
    const QJsonValue responseValue = data.value(QLatin1String("response"));
    const bool emptyResponse = isAbsent(responseValue) ||
                               (responseValue.isString() && responseValue.toString().isEmpty()) ||
                               (responseValue.isArray() && responseValue.toArray().isEmpty());
    if (!emptyResponse) {
        const auto object = toObject(responseValue);
        if (!object) {
            return QStringLiteral("response is not an object");
        }
        response = *object;
    }

    QJsonValue id = data.value(QLatin1String("taskId"));
    if (isAbsent(id) || (id.isString() && id.toString().trimmed().isEmpty())) {
        id = response.value(QLatin1String("taskId"));
    }
    if (id.isString() && !id.toString().trimmed().isEmpty()) {
        m_record.taskId = id.toString().trimmed();
    } else if (const auto number = toInteger(id); id.isDouble() && number) {
        m_record.taskId = QString::number(*number);
    } else if (!isAbsent(id) && !id.isString()) {
        return QStringLiteral("taskId is neither text nor a number");
    } // else: keep the requested ID

    if (const QString problem = readUrls(response, data); !problem.isEmpty()) {
        return problem;
    }
    readParamJson(data.value(QLatin1String("paramJson")));
    readTime(QStringLiteral("createTime"), data.value(QLatin1String("createTime")),
             m_record.createTime);
    readTime(QStringLiteral("completeTime"), data.value(QLatin1String("completeTime")),
             m_record.completeTime);

    const QJsonValue errorCode = data.value(QLatin1String("errorCode"));
    if (const auto code = toInt(errorCode)) {
        m_record.errorCode = *code;
    } else if (!isAbsent(errorCode) &&
               !(errorCode.isString() && errorCode.toString().trimmed().isEmpty())) {
        keepRaw(m_extraData, QStringLiteral("errorCode"), errorCode);
    }

    const QJsonValue errorMessage = data.value(QLatin1String("errorMessage"));
    if (const auto text = toText(errorMessage)) {
        m_record.errorMessage = *text;
    } else {
        keepRaw(m_extraData, QStringLiteral("errorMessage"), errorMessage);
    }

    const QJsonValue fallback = data.value(QLatin1String("fallbackFlag"));
    const QString fallbackText = toText(fallback).value_or(QString()).trimmed().toLower();
    if (fallback.isBool()) {
        m_record.fallbackFlag = fallback.toBool();
    } else if (fallbackText == QLatin1String("1") || fallbackText == QLatin1String("true")) {
        m_record.fallbackFlag = true;
    } else if (fallbackText == QLatin1String("0") || fallbackText == QLatin1String("false")) {
        m_record.fallbackFlag = false;
    } else if (!isAbsent(fallback)) {
        keepRaw(m_extraData, QStringLiteral("fallbackFlag"), fallback);
    }

    for (auto it = data.begin(); it != data.end(); ++it) {
        if (!knownDataKeys().contains(it.key())) {
            m_extraData.insert(it.key(), it.value());
        }
    }
    for (auto it = response.begin(); it != response.end(); ++it) {
        if (!knownResponseKeys().contains(it.key())) {
            m_extraResponse.insert(it.key(), it.value());
        }
    }
    QJsonObject extra;
    if (!m_extraData.isEmpty()) {
        extra.insert(QLatin1String("data"), m_extraData);
    }
    if (!m_extraResponse.isEmpty()) {
        extra.insert(QLatin1String("response"), m_extraResponse);
    }
    if (!extra.isEmpty()) {
        m_record.extraJson = QJsonDocument(extra).toJson(QJsonDocument::Compact);
    }
    return {};
}

QString RecordReader::readUrls(const QJsonObject &response, const QJsonObject &data)
{
    // The schema puts the result in data.response; the Quickstart reads data.resultUrls.
    // Use the data-level copy only where response has nothing, and keep it otherwise.
    auto pick = [&](const QString &key, QJsonValue &value) {
        value = response.value(key);
        const QJsonValue flat = data.value(key);
        if (isAbsent(value)) {
            value = flat;
        } else if (!isAbsent(flat)) {
            keepRaw(m_extraData, key, flat);
        }
    };
    struct
    {
        const char *key;
        QStringList *into;
    } const lists[] = {{"resultUrls", &m_record.resultUrls},
                       {"originUrls", &m_record.originUrls},
                       {"fullResultUrls", &m_record.fullResultUrls}};
    for (const auto &list : lists) {
        QJsonValue value;
        pick(QString::fromLatin1(list.key), value);
        const auto urls = urlList(value);
        if (!urls) {
            return QStringLiteral("%1 is not a list of URLs").arg(QLatin1String(list.key));
        }
        *list.into = *urls;
    }
    QJsonValue resolution;
    pick(QStringLiteral("resolution"), resolution);
    if (const auto text = toText(resolution)) {
        m_record.resolution = *text;
    } else {
        keepRaw(m_extraResponse, QStringLiteral("resolution"), resolution);
    }
    return {};
}

void RecordReader::readParamJson(const QJsonValue &value)
{
    if (value.isObject() || value.isArray()) {
        m_record.paramJson = QString::fromUtf8(compact(value));
    } else {
        m_record.paramJson = toText(value).value_or(QString());
    }
    // The request echo is for display only: when it is not JSON it stays verbatim, unparsed.
    const QJsonDocument doc = QJsonDocument::fromJson(m_record.paramJson.toUtf8());
    if (!doc.isObject()) {
        return;
    }
    const QJsonObject params = doc.object();
    auto text = [&params](const char *key, const char *alternative = nullptr) {
        QJsonValue v = params.value(QLatin1String(key));
        if (isAbsent(v) && alternative) {
            v = params.value(QLatin1String(alternative));
        }
        return toText(v).value_or(QString());
    };
    m_record.prompt = text("prompt");
    m_record.model = text("model");
    // The docs disagree on the spelling; both are sent in the wild (kie-api.md §3.1).
    m_record.aspectRatio = text("aspect_ratio", "aspectRatio");
    m_record.requestedResolution = text("resolution");
    m_record.generationType = text("generationType", "generation_type");
}

void RecordReader::readTime(const QString &key, const QJsonValue &value, QDateTime &into)
{
    into = parseKieTime(value);
    const bool blank = isAbsent(value) ||
                       (value.isString() && value.toString().trimmed().isEmpty()) ||
                       (value.isDouble() && value.toDouble() == 0);
    if (!into.isValid() && !blank) {
        keepRaw(m_extraData, key, value);
    }
}

} // namespace

QStringList parseUrlList(const QJsonValue &value)
{
    return urlList(value).value_or(QStringList());
}

Envelope parseEnvelope(int httpStatus, const QByteArray &body, const QByteArray &retryAfter)
{
    const Body parsed = readBody(body);
    Envelope envelope;
    envelope.error = classify(httpStatus, parsed);
    if (envelope.error.isError()) {
        envelope.error.retryAfterSeconds = parseRetryAfter(retryAfter);
    }
    envelope.data = parsed.data;
    return envelope;
}

RecordInfoResult parseRecordInfo(int httpStatus, const QByteArray &body,
                                 const QString &requestedTaskId, const QByteArray &retryAfter)
{
    RecordInfoResult result;
    result.record.taskId = requestedTaskId;
    const Envelope envelope = parseEnvelope(httpStatus, body, retryAfter);
    if (envelope.error.isError()) {
        result.error = envelope.error;
        return result;
    }
    QString problem;
    if (isAbsent(envelope.data)) {
        problem = QStringLiteral("the record has no data");
    } else if (const auto data = toObject(envelope.data)) {
        problem = RecordReader(result.record).read(*data);
    } else {
        problem = QStringLiteral("data is not a record object");
    }
    if (!problem.isEmpty()) {
        // A half-read record would look like a real state; report none of it.
        result.record = TaskRecord();
        result.record.taskId = requestedTaskId;
        result.error = makeError(ApiError::Kind::BadResponse, 200, httpStatus, problem);
    }
    return result;
}

} // namespace veo
