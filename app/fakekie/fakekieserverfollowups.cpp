// FakeKieServer's Veo endpoints besides record-info (kie-api.md §3, §4): generate, extend,
// get-1080p-video and get-4k-video, answering from scripts like record-info's.
#include "fakekieserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace veo {
namespace {

const QByteArray Upgrade1080pPath = QByteArrayLiteral("/api/v1/veo/get-1080p-video");
const QByteArray Upgrade4kPath = QByteArrayLiteral("/api/v1/veo/get-4k-video");
const QByteArray ExtendPath = QByteArrayLiteral("/api/v1/veo/extend");
const QByteArray GeneratePath = QByteArrayLiteral("/api/v1/veo/generate");
const QByteArray TaskIdMarker = QByteArrayLiteral("@TASK_ID@");
const QByteArray PromptMarker = QByteArrayLiteral("@PROMPT@");

// text as the inside of a JSON string literal (no quotes).
QString jsonEscaped(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(2, array.size() - 4)); // strip [" and "]
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonValue listOrNull(const QStringList &values)
{
    return values.isEmpty() ? QJsonValue(QJsonValue::Null)
                            : QJsonValue(QJsonArray::fromStringList(values));
}

} // namespace

QString FakeKieServer::upgradeScriptKey(Upgrade which, const QString &parentTaskId, int index)
{
    return (which == Upgrade::Hd1080p ? QStringLiteral("1080p:") : QStringLiteral("4k:")) +
           parentTaskId + QLatin1Char(':') + QString::number(index);
}

void FakeKieServer::setUpgradeScript(Upgrade which, const QString &parentTaskId, int index,
                                     const QList<Response> &steps)
{
    m_upgradeScripts.insert(upgradeScriptKey(which, parentTaskId, index), Script{steps, 0, -1});
}

void FakeKieServer::setExtendScript(const QList<Response> &steps)
{
    m_extendTemplate = steps;
}

void FakeKieServer::setGenerateScript(const QList<Response> &steps)
{
    m_generateTemplate = steps;
}

bool FakeKieServer::isFollowUpPath(const QByteArray &path)
{
    return path == Upgrade1080pPath || path == Upgrade4kPath || path == ExtendPath ||
           path == GeneratePath;
}

QString FakeKieServer::createScriptedTask(const QString &prefix, QList<Response> steps,
                                          const QString &prompt, const QString &owner)
{
    const QString id = prefix + QUuid::createUuid().toString(QUuid::Id128).left(16);
    // The prompt sits in paramJson, a JSON string inside the JSON body: escaped twice.
    const QByteArray escaped = jsonEscaped(jsonEscaped(prompt)).toUtf8();
    for (Response &step : steps) {
        step.body.replace(TaskIdMarker, id.toUtf8());
        step.body.replace(PromptMarker, escaped);
    }
    if (!steps.isEmpty()) {
        m_scripts.insert(id, Script{steps, 0, -1});
        if (!owner.isEmpty()) {
            m_owners.insert(id, owner);
        }
    }
    return id;
}

QByteArray FakeKieServer::followUpMethod(const QByteArray &path)
{
    return path == Upgrade1080pPath ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST");
}

FakeKieServer::Response FakeKieServer::answerFollowUp(const Request &request, const QString &key)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString prompt = body.value(QLatin1String("prompt")).toString();
    if (request.path == GeneratePath) {
        if (prompt.trimmed().isEmpty()) {
            return kieError(422, QStringLiteral("prompt is required"));
        }
        // A new task of the sending key, read on record-info, whose story is the script's.
        const QString id = createScriptedTask(QStringLiteral("veo_gen_"), m_generateTemplate,
                                              prompt, m_validKeys.isEmpty() ? QString() : key);
        m_generatedTaskIds.append(id);
        return okJson(compact({{QStringLiteral("taskId"), id}}));
    }
    const QString parentId =
        request.path == Upgrade1080pPath
            ? request.query.queryItemValue(QStringLiteral("taskId"), QUrl::FullyDecoded)
            : body.value(QLatin1String("taskId")).toString();
    if (parentId.isEmpty()) {
        return kieError(422, QStringLiteral("taskId is required"));
    }
    const auto owner = m_owners.constFind(parentId);
    if (!m_scripts.contains(parentId) || (owner != m_owners.cend() && owner.value() != key)) {
        return kieError(404, QStringLiteral("The original task was not found."));
    }
    if (request.path == ExtendPath) {
        if (prompt.trimmed().isEmpty()) {
            return kieError(422, QStringLiteral("prompt is required"));
        }
        // A new task of the original's owner, whose story is the extend script's.
        const QString id =
            createScriptedTask(QStringLiteral("veo_extend_"), m_extendTemplate, prompt,
                               owner != m_owners.cend() ? owner.value() : QString());
        m_extendedTaskIds.append(id);
        return okJson(compact({{QStringLiteral("taskId"), id}}));
    }
    const bool is1080p = request.path == Upgrade1080pPath;
    const int index = is1080p ? request.query.queryItemValue(QStringLiteral("index")).toInt()
                              : body.value(QLatin1String("index")).toInt();
    const auto script = m_upgradeScripts.find(
        upgradeScriptKey(is1080p ? Upgrade::Hd1080p : Upgrade::Uhd4k, parentId, index));
    if (script == m_upgradeScripts.end() || script->steps.isEmpty()) {
        return kieError(422, is1080p ? QStringLiteral("1080P is processing. It should be ready in "
                                                      "1-2 minutes. Please check back shortly.")
                                     : QStringLiteral("4k is processing. It should be ready in "
                                                      "5-10 minutes. Please check back shortly."));
    }
    return nextStep(*script, request.atMs);
}

FakeKieServer::Response FakeKieServer::okJson(const QByteArray &dataJson)
{
    Response r;
    r.body = envelope(200, QStringLiteral("success"), dataJson);
    return r;
}

FakeKieServer::Response FakeKieServer::upgrade1080pReady(const QString &url)
{
    return okJson(compact({{QStringLiteral("resultUrl"), url}}));
}

FakeKieServer::Response FakeKieServer::upgrade4kAnswer(int code, const QString &msg,
                                                       const QString &taskId,
                                                       const QStringList &resultUrls,
                                                       const QStringList &imageUrls)
{
    Response r;
    r.body = envelope(code, msg,
                      compact({{QStringLiteral("taskId"), taskId},
                               {QStringLiteral("resultUrls"), listOrNull(resultUrls)},
                               {QStringLiteral("imageUrls"), listOrNull(imageUrls)}}));
    return r;
}

} // namespace veo
