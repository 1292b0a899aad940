#include "taskrow.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>
#include <functional>

namespace veo {

// Every column but task_id, in the order bindFields() binds and readRecord() reads them.
const QStringList &fieldColumns()
{
    static const QStringList columns =
        QStringLiteral(
            "key_id,added_at,last_checked,error_kind,error_code,error_http,"
            "error_message,error_retry,status,success_flag,param_json,prompt,model,"
            "aspect_ratio,requested_resolution,generation_type,error_code_kie,"
            "error_message_kie,create_time,complete_time,fallback_flag,resolution,"
            "result_urls,origin_urls,full_result_urls,extra_json,finding_owner,kind,parent_id,"
            "video_index,submission,image_urls,source_id,cost")
            .split(QLatin1Char(','));
    return columns;
}

namespace {

const QString ParamJsonColumn = QStringLiteral("param_json");

// Each field column as column(name), comma-separated.
QString eachColumn(const std::function<QString(const QString &)> &column)
{
    QStringList parts;
    for (const QString &name : fieldColumns()) {
        parts << column(name);
    }
    return parts.join(QLatin1Char(','));
}

} // namespace

QString joinedColumns(const QString &prefix, const QString &suffix)
{
    return eachColumn([&](const QString &name) -> QString { return prefix + name + suffix; });
}

QString selectSql(bool readParamJson)
{
    return QStringLiteral("SELECT task_id,") + eachColumn([&](const QString &name) -> QString {
               return !readParamJson && name == ParamJsonColumn ? QStringLiteral("NULL") : name;
           }) +
           QStringLiteral(" FROM tasks");
}

QString assignments()
{
    return eachColumn([](const QString &name) -> QString {
        if (name == ParamJsonColumn) {
            return name + QStringLiteral("=COALESCE(?,") + name + QLatin1Char(')');
        }
        return name + QStringLiteral("=?");
    });
}

namespace {

// Stable storage keys: the enum's order may change, the file must not.
QString errorKindKey(ApiError::Kind kind)
{
    using K = ApiError::Kind;
    switch (kind) {
    case K::None:
        return QStringLiteral("none");
    case K::Network:
        return QStringLiteral("network");
    case K::Timeout:
        return QStringLiteral("timeout");
    case K::Offline:
        return QStringLiteral("offline");
    case K::TooLarge:
        return QStringLiteral("too_large");
    case K::BadResponse:
        return QStringLiteral("bad_response");
    case K::Http:
        return QStringLiteral("http");
    case K::Unauthorized:
        return QStringLiteral("unauthorized");
    case K::InsufficientCredits:
        return QStringLiteral("insufficient_credits");
    case K::NotFoundYet:
        return QStringLiteral("not_found_yet");
    case K::Expired:
        return QStringLiteral("expired");
    case K::NotFound:
        return QStringLiteral("not_found");
    case K::RateLimited:
        return QStringLiteral("rate_limited");
    case K::Maintenance:
        return QStringLiteral("maintenance");
    case K::Server:
        return QStringLiteral("server");
    case K::Rejected:
        return QStringLiteral("rejected");
    case K::NoKey:
        return QStringLiteral("no_key");
    case K::InsecureBase:
        return QStringLiteral("insecure_base");
    case K::GaveUp:
        return QStringLiteral("gave_up");
    }
    return {}; // past the last kind: ends the reverse lookup below
}

ApiError::Kind errorKindFromKey(const QString &key)
{
    // The enum is contiguous from 0, so walking it until errorKindKey() runs out covers it all.
    for (int i = 0;; ++i) {
        const auto kind = static_cast<ApiError::Kind>(i);
        const QString candidate = errorKindKey(kind);
        if (candidate.isEmpty()) {
            return ApiError::Kind::None; // written by a newer build: the message is still kept
        }
        if (candidate == key) {
            return kind;
        }
    }
}

QVariant fromDateTime(const QDateTime &dt)
{
    return dt.isValid() ? QVariant(dt.toMSecsSinceEpoch()) : QVariant();
}

QDateTime toDateTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QString fromList(const QStringList &list)
{
    if (list.isEmpty()) {
        return QStringLiteral("[]");
    }
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList toList(const QVariant &v)
{
    const QString text = v.toString();
    if (text.isEmpty() || text == QLatin1String("[]")) {
        return {};
    }
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    list.reserve(array.size());
    for (const QJsonValue &value : array) {
        list << value.toString();
    }
    return list;
}

} // namespace

// Binds every field column in fieldColumns() order, starting at placeholder `first`.
void bindFields(QSqlQuery &q, int first, const TaskRecord &t)
{
    int i = first;
    const auto bind = [&](const QVariant &v) { q.bindValue(i++, v); };
    bind(t.keyId);
    bind(fromDateTime(t.addedAt));
    bind(fromDateTime(t.lastChecked));
    bind(errorKindKey(t.lastError.kind));
    bind(t.lastError.code);
    bind(t.lastError.httpStatus);
    bind(t.lastError.serverMessage);
    bind(t.lastError.retryAfterSeconds);
    bind(statusKey(t.status));
    bind(t.successFlag);
    bind(t.paramJson);
    bind(t.prompt);
    bind(t.model);
    bind(t.aspectRatio);
    bind(t.requestedResolution);
    bind(t.generationType);
    bind(t.errorCode ? QVariant(*t.errorCode) : QVariant());
    bind(t.errorMessage);
    bind(fromDateTime(t.createTime));
    bind(fromDateTime(t.completeTime));
    bind(t.fallbackFlag ? QVariant(*t.fallbackFlag ? 1 : 0) : QVariant());
    bind(t.resolution);
    bind(fromList(t.resultUrls));
    bind(fromList(t.originUrls));
    bind(fromList(t.fullResultUrls));
    bind(t.extraJson);
    bind(t.findingOwner ? 1 : 0);
    bind(taskKindKey(t.kind));
    bind(t.parentTaskId);
    bind(t.videoIndex);
    bind(taskSubmissionKey(t.submission));
    bind(fromList(t.imageUrls));
    bind(t.sourceTaskId);
    bind(t.cost ? QVariant(*t.cost) : QVariant());
}

// Reads one row of selectSql().
namespace {

// Values that repeat across thousands of tasks (a model, a ratio, a resolution, a moderation
// message, a key): one shared copy each instead of one per task. Bounded, one pool per thread.
QString shared(const QString &value)
{
    constexpr qsizetype PoolLimit = 4096;
    thread_local QSet<QString> pool;
    if (value.isEmpty()) {
        return value; // null or empty, as read
    }
    if (const auto it = pool.constFind(value); it != pool.cend()) {
        return *it;
    }
    if (pool.size() < PoolLimit) {
        pool.insert(value);
    }
    return value;
}

} // namespace

TaskRecord readRecord(const QSqlQuery &q)
{
    TaskRecord t;
    int i = 0;
    const auto next = [&] { return q.value(i++); };
    t.taskId = next().toString();
    t.keyId = shared(next().toString());
    t.addedAt = toDateTime(next());
    t.lastChecked = toDateTime(next());
    t.lastError.kind = errorKindFromKey(next().toString());
    t.lastError.code = next().toInt();
    t.lastError.httpStatus = next().toInt();
    t.lastError.serverMessage = shared(next().toString());
    t.lastError.retryAfterSeconds = next().toInt();
    t.status = statusFromKey(next().toString()); // unknown key: Pending, polled again
    t.successFlag = next().toInt();
    t.paramJson = next().toString();
    t.prompt = next().toString();
    t.model = shared(next().toString());
    t.aspectRatio = shared(next().toString());
    t.requestedResolution = shared(next().toString());
    t.generationType = shared(next().toString());
    if (const QVariant v = next(); !v.isNull()) {
        t.errorCode = v.toInt();
    }
    t.errorMessage = shared(next().toString());
    t.createTime = toDateTime(next());
    t.completeTime = toDateTime(next());
    if (const QVariant v = next(); !v.isNull()) {
        t.fallbackFlag = v.toInt() != 0;
    }
    t.resolution = shared(next().toString());
    t.resultUrls = toList(next());
    t.originUrls = toList(next());
    t.fullResultUrls = toList(next());
    t.extraJson = next().toByteArray();
    t.findingOwner = next().toInt() != 0;
    t.kind = taskKindFromKey(next().toString());
    t.parentTaskId = next().toString();
    t.videoIndex = next().toInt();
    t.submission = taskSubmissionFromKey(next().toString());
    t.imageUrls = toList(next());
    t.sourceTaskId = next().toString();
    if (const QVariant v = next(); !v.isNull()) {
        t.cost = v.toLongLong();
    }
    return t;
}

} // namespace veo
