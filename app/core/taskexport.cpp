#include "taskexport.h"

#include "csv.h"
#include "veogenerate.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace veo {
namespace {

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs))
                          : QJsonValue(QJsonValue::Null);
}

// The fields in export order; lists are arrays and absent values null.
QList<std::pair<QString, QJsonValue>> fieldsOf(const ExportedTask &e)
{
    const TaskRecord &t = e.task;
    const std::optional<GenerateOptions> request = generateOptionsFromParamJson(t.paramJson);
    const auto text = [](const QString &s) {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    };
    return {
        {QStringLiteral("taskId"), t.taskId},
        {QStringLiteral("kind"), taskKindKey(t.kind)},
        {QStringLiteral("parentTaskId"), text(t.parentTaskId)},
        {QStringLiteral("sourceTaskId"), text(t.sourceTaskId)},
        {QStringLiteral("status"), statusKey(t.status)},
        {QStringLiteral("prompt"), text(t.prompt)},
        {QStringLiteral("model"), text(t.model)},
        {QStringLiteral("aspectRatio"), text(t.aspectRatio)},
        {QStringLiteral("resolution"),
         text(t.resolution.isEmpty() ? t.requestedResolution : t.resolution)},
        {QStringLiteral("seeds"), request && request->seeds ? QJsonValue(*request->seeds)
                                                            : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("generationType"), text(t.generationType)},
        {QStringLiteral("createTime"), timeValue(t.createTime)},
        {QStringLiteral("completeTime"), timeValue(t.completeTime)},
        {QStringLiteral("addedAt"), timeValue(t.addedAt)},
        {QStringLiteral("lastChecked"), timeValue(t.lastChecked)},
        {QStringLiteral("resultUrls"), QJsonArray::fromStringList(t.resultUrls)},
        {QStringLiteral("originUrls"), QJsonArray::fromStringList(t.originUrls)},
        {QStringLiteral("fullResultUrls"), QJsonArray::fromStringList(t.fullResultUrls)},
        {QStringLiteral("errorCode"),
         t.errorCode ? QJsonValue(*t.errorCode) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("errorMessage"), text(t.errorMessage)},
        {QStringLiteral("keyLabel"), text(e.keyLabel)},
        {QStringLiteral("files"), QJsonArray::fromStringList(e.files)},
    };
}

QString cellText(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList items;
        for (const QJsonValue &item : value.toArray()) {
            items << item.toString();
        }
        return items.join(QLatin1Char('\n'));
    }
    if (value.isDouble()) {
        return QString::number(value.toInteger());
    }
    return value.toString(); // null: empty
}

} // namespace

QList<ExportedTask> exportedTasks(const QList<TaskRecord> &tasks,
                                  const QList<KeyProfile> &profiles,
                                  const QList<LocalCopy> &copies)
{
    QHash<QString, QString> labels;
    for (const KeyProfile &p : profiles) {
        if (!p.sessionOnly) {
            labels.insert(p.id, p.label);
            if (p.isDefault) {
                labels.insert(QString(), p.label);
            }
        }
    }
    QHash<QString, QStringList> files;
    for (const LocalCopy &copy : copies) {
        files[copy.taskId].append(copy.path);
    }
    QList<ExportedTask> out;
    out.reserve(tasks.size());
    for (const TaskRecord &t : tasks) {
        out.append({t, labels.value(t.keyId), files.value(t.taskId)});
    }
    return out;
}

ExportFormat exportFormatForPath(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? ExportFormat::Json
                                                                      : ExportFormat::Csv;
}

QStringList exportFields()
{
    QStringList names;
    for (const auto &[name, value] : fieldsOf(ExportedTask{})) {
        names << name;
    }
    return names;
}

QJsonObject exportObject(const ExportedTask &task)
{
    QJsonObject o;
    for (const auto &[name, value] : fieldsOf(task)) {
        o.insert(name, value);
    }
    return o;
}

QByteArray exportTasks(const QList<ExportedTask> &tasks, ExportFormat format)
{
    if (format == ExportFormat::Json) {
        QJsonArray array;
        for (const ExportedTask &e : tasks) {
            array.append(exportObject(e));
        }
        return QJsonDocument(QJsonObject{{QStringLiteral("tasks"), array}}).toJson();
    }
    QByteArray out = "\xEF\xBB\xBF" + csvLine(exportFields());
    for (const ExportedTask &e : tasks) {
        QStringList row;
        for (const auto &[name, value] : fieldsOf(e)) {
            row << cellText(value);
        }
        out += csvLine(row);
    }
    return out;
}

bool exportKeeps(const TaskRecord &task, const QString &status, const QDateTime &since)
{
    if (!status.isEmpty() && statusKey(task.status) != status) {
        return false;
    }
    if (since.isValid()) {
        const QDateTime when = task.createTime.isValid() ? task.createTime : task.addedAt;
        return when.isValid() && when >= since;
    }
    return true;
}

} // namespace veo
