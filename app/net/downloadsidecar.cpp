#include "downloadsidecar.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace veo {
namespace {

QJsonValue isoTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs))
                          : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QString sidecarPath(const QString &mediaPath)
{
    return mediaPath + QStringLiteral(".json");
}

bool writeSidecar(const TaskRecord &task, const QString &mediaPath, const QUrl &sourceUrl,
                  QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument param = QJsonDocument::fromJson(task.paramJson.toUtf8(), &parseError);
    const QJsonValue paramValue = parseError.error == QJsonParseError::NoError && param.isObject()
                                      ? QJsonValue(param.object())
                                      : textOrNull(task.paramJson);
    const QJsonObject o{
        {QStringLiteral("taskId"), task.taskId},
        {QStringLiteral("prompt"), textOrNull(task.prompt)},
        {QStringLiteral("model"), textOrNull(task.model)},
        {QStringLiteral("aspectRatio"), textOrNull(task.aspectRatio)},
        {QStringLiteral("resolution"), textOrNull(task.resolution)},
        {QStringLiteral("paramJson"), paramValue},
        {QStringLiteral("createTime"), isoTime(task.createTime)},
        {QStringLiteral("completeTime"), isoTime(task.completeTime)},
        {QStringLiteral("sourceUrl"), sourceUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("file"), QFileInfo(mediaPath).fileName()},
        {QStringLiteral("downloadedAt"), isoTime(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("app"), QStringLiteral("Veo Tracker " VEO_VERSION)},
    };
    QSaveFile file(sidecarPath(mediaPath));
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(o).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        if (error) {
            *error = file.errorString();
        }
        return false;
    }
    return true;
}

} // namespace veo
