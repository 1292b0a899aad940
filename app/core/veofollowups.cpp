#include "veofollowups.h"

#include "jsonvalues.h"
#include "taskidparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace veo {

namespace {

const QString Part1080p = QStringLiteral("1080p");
const QString Part4k = QStringLiteral("4k");

QString encoded(const QString &value)
{
    // QUrlQuery leaves '+', '&' and '=' alone in values: encode fully.
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QByteArray compactObject(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

RecordInfoResult withStatus(const QString &childTaskId, TaskStatus status)
{
    RecordInfoResult result;
    result.record.taskId = childTaskId;
    result.record.status = status;
    result.record.successFlag = status == TaskStatus::Succeeded ? 1
                                : status == TaskStatus::Failed  ? 2
                                                                : 0;
    return result;
}

RecordInfoResult failed(const QString &childTaskId, const ApiError &refusal)
{
    RecordInfoResult result = withStatus(childTaskId, TaskStatus::Failed);
    result.record.errorCode = refusal.code;
    result.record.errorMessage = refusal.serverMessage;
    return result;
}

RecordInfoResult errorResult(const QString &childTaskId, const ApiError &error)
{
    RecordInfoResult result;
    result.record.taskId = childTaskId;
    result.error = error;
    return result;
}

// A body code that says the upgrade is still being made (the docs: "may return a non-200
// code" until ready; 400/422 texts say "is processing"; a bare 500 is often the same).
bool meansNotReady(const ApiError &error)
{
    const bool processingText =
        error.serverMessage.contains(QLatin1String("processing"), Qt::CaseInsensitive);
    switch (error.kind) {
    case ApiError::Kind::Rejected:
        return error.code == 400 || error.code == 422 || processingText;
    case ApiError::Kind::Server:
        return (error.code == 500 || error.code == 408 || processingText) &&
               !error.serverMessage.contains(QLatin1String("unavailable"), Qt::CaseInsensitive);
    default:
        return false;
    }
}

// Will not change by asking again: 501 (failed), 505 (disabled), 451 (source not readable),
// 402 (no credits: nothing was made), 4K's "unavailable" text.
bool meansRefused(const ApiError &error)
{
    if (error.kind == ApiError::Kind::InsufficientCredits) {
        return true;
    }
    if (error.code == 501 || error.code == 505 || error.code == 451) {
        return true;
    }
    return error.code == 500 &&
           error.serverMessage.contains(QLatin1String("unavailable"), Qt::CaseInsensitive);
}

RecordInfoResult classifyUpgradeError(const QString &childTaskId, const ApiError &error)
{
    if (meansRefused(error)) {
        return failed(childTaskId, error);
    }
    if (meansNotReady(error)) {
        return withStatus(childTaskId, TaskStatus::Generating);
    }
    return errorResult(childTaskId, error);
}

QStringList urlsIn(const QJsonObject &data, const QString &key)
{
    return json::urlList(data.value(key)).value_or(QStringList());
}

ApiError badData(int httpStatus, const QString &problem)
{
    ApiError e;
    e.kind = ApiError::Kind::BadResponse;
    e.code = 200;
    e.httpStatus = httpStatus;
    e.serverMessage = problem;
    return e;
}

} // namespace

QString upgradeTaskId(const QString &parentTaskId, TaskKind kind, int videoIndex)
{
    const QString part = kind == TaskKind::Veo4k ? Part4k : Part1080p;
    return parentTaskId + QLatin1Char(':') + part + QLatin1Char(':') + QString::number(videoIndex);
}

std::optional<UpgradeRef> parseUpgradeTaskId(const QString &id)
{
    const QStringList parts = id.split(QLatin1Char(':'));
    if (parts.size() != 3 || !isValidTaskId(parts.at(0))) {
        return std::nullopt;
    }
    UpgradeRef ref;
    ref.parentTaskId = parts.at(0);
    if (parts.at(1) == Part1080p) {
        ref.kind = TaskKind::Veo1080p;
    } else if (parts.at(1) == Part4k) {
        ref.kind = TaskKind::Veo4k;
    } else {
        return std::nullopt;
    }
    bool ok = false;
    ref.videoIndex = parts.at(2).toInt(&ok);
    if (!ok || ref.videoIndex < 0 || ref.videoIndex > 99 ||
        parts.at(2) != QString::number(ref.videoIndex)) {
        return std::nullopt;
    }
    return ref;
}

ApiRequest upgrade1080pRequest(const QString &parentTaskId, int videoIndex)
{
    ApiRequest r;
    r.path = QStringLiteral("/api/v1/veo/get-1080p-video");
    r.query.addQueryItem(QStringLiteral("taskId"), encoded(parentTaskId));
    r.query.addQueryItem(QStringLiteral("index"), QString::number(videoIndex));
    return r;
}

ApiRequest upgrade4kRequest(const QString &parentTaskId, int videoIndex)
{
    ApiRequest r;
    r.verb = "POST";
    r.path = QStringLiteral("/api/v1/veo/get-4k-video");
    r.sendOnce = true; // the first one charges
    r.body = compactObject(
        {{QStringLiteral("taskId"), parentTaskId}, {QStringLiteral("index"), videoIndex}});
    return r;
}

RecordInfoResult parse1080pAnswer(int httpStatus, const QByteArray &body,
                                  const QString &childTaskId, const QByteArray &retryAfter)
{
    const Envelope envelope = parseEnvelope(httpStatus, body, retryAfter);
    if (envelope.error.isError()) {
        return classifyUpgradeError(childTaskId, envelope.error);
    }
    const std::optional<QJsonObject> data = json::toObject(envelope.data);
    if (!data && !json::isAbsent(envelope.data)) {
        return errorResult(childTaskId,
                           badData(httpStatus, QStringLiteral("data is not an object")));
    }
    // One string per the docs; a list is read too.
    QStringList urls;
    if (data) {
        urls = urlsIn(*data, QStringLiteral("resultUrl"));
        if (urls.isEmpty()) {
            urls = urlsIn(*data, QStringLiteral("resultUrls"));
        }
    }
    if (urls.isEmpty()) {
        return withStatus(childTaskId, TaskStatus::Generating);
    }
    RecordInfoResult result = withStatus(childTaskId, TaskStatus::Succeeded);
    result.record.resultUrls = urls;
    result.record.resolution = QStringLiteral("1080p");
    return result;
}

RecordInfoResult parse4kAnswer(int httpStatus, const QByteArray &body, const QString &childTaskId,
                               const QByteArray &retryAfter)
{
    const Envelope envelope = parseEnvelope(httpStatus, body, retryAfter);
    // Both spellings: the sync answer's camelCase and the callback schema's snake_case.
    QStringList urls;
    QStringList images;
    if (const std::optional<QJsonObject> data = json::toObject(envelope.data)) {
        const QJsonObject info = json::toObject(data->value(QLatin1String("info")))
                                     .value_or(*data); // the callback nests them in "info"
        urls = urlsIn(info, QStringLiteral("resultUrls"));
        if (urls.isEmpty()) {
            urls = urlsIn(info, QStringLiteral("result_urls"));
        }
        images = urlsIn(info, QStringLiteral("imageUrls"));
        if (images.isEmpty()) {
            images = urlsIn(info, QStringLiteral("image_urls"));
        }
    }
    // "The video has been generated successfully" arrives as a 422 with the URLs.
    const bool done = !urls.isEmpty() && (!envelope.error.isError() ||
                                          envelope.error.kind == ApiError::Kind::Rejected);
    if (done) {
        RecordInfoResult result = withStatus(childTaskId, TaskStatus::Succeeded);
        result.record.resultUrls = urls;
        result.record.imageUrls = images;
        result.record.resolution = QStringLiteral("4k");
        return result;
    }
    if (envelope.error.isError()) {
        return classifyUpgradeError(childTaskId, envelope.error);
    }
    RecordInfoResult result = withStatus(childTaskId, TaskStatus::Generating);
    result.record.imageUrls = images;
    return result;
}

ApiRequest extendRequest(const ExtendOptions &options)
{
    ApiRequest r;
    r.verb = "POST";
    r.path = QStringLiteral("/api/v1/veo/extend");
    r.sendOnce = true;
    QJsonObject body = QJsonDocument::fromJson(extendParamJson(options).toUtf8()).object();
    body.insert(QStringLiteral("taskId"), options.parentTaskId);
    r.body = compactObject(body);
    return r;
}

QString extendParamJson(const ExtendOptions &options)
{
    QJsonObject object{{QStringLiteral("prompt"), options.prompt},
                       {QStringLiteral("model"), options.model}};
    if (options.seeds) {
        object.insert(QStringLiteral("seeds"), *options.seeds);
    }
    if (!options.watermark.isEmpty()) {
        object.insert(QStringLiteral("watermark"), options.watermark);
    }
    return QString::fromUtf8(compactObject(object));
}

std::optional<ExtendOptions> extendOptionsFromParamJson(const QString &parentTaskId,
                                                        const QString &paramJson)
{
    const QJsonDocument doc = QJsonDocument::fromJson(paramJson.toUtf8());
    if (!doc.isObject()) {
        return std::nullopt;
    }
    const QJsonObject object = doc.object();
    ExtendOptions options;
    options.parentTaskId = parentTaskId;
    options.prompt = object.value(QLatin1String("prompt")).toString();
    options.model = object.value(QLatin1String("model")).toString(options.model);
    if (const std::optional<int> seeds = json::toInt(object.value(QLatin1String("seeds")))) {
        options.seeds = *seeds;
    }
    options.watermark = object.value(QLatin1String("watermark")).toString();
    if (options.prompt.isEmpty()) {
        return std::nullopt;
    }
    return options;
}

CreatedTask parseCreatedTask(int httpStatus, const QByteArray &body, const QByteArray &retryAfter)
{
    CreatedTask created;
    const Envelope envelope = parseEnvelope(httpStatus, body, retryAfter);
    if (envelope.error.isError()) {
        created.error = envelope.error;
        return created;
    }
    const std::optional<QJsonObject> data = json::toObject(envelope.data);
    const QString id =
        data ? json::toText(data->value(QLatin1String("taskId"))).value_or(QString()).trimmed()
             : QString();
    if (!isValidTaskId(id)) {
        created.error = badData(httpStatus, QStringLiteral("the answer has no valid taskId"));
        return created;
    }
    created.taskId = id;
    return created;
}

} // namespace veo
