// FakeKieServer's Veo endpoints besides record-info (kie-api.md §3, §4): generate, extend,
// get-1080p-video and get-4k-video, answering from scripts like record-info's.
#include "fakekieserver.h"

#include <QDateTime>
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

void FakeKieServer::setPrice(const QString &what, qint64 credits)
{
    m_prices.insert(what, credits);
}

bool FakeKieServer::charge(const QString &key, qint64 price)
{
    if (price <= 0) {
        return true;
    }
    const qint64 balance = credits(key);
    if (balance < price) {
        return false;
    }
    m_credits.insert(key, balance - price);
    return true;
}

void FakeKieServer::settleCharge(const QString &taskId, const Response &response)
{
    const auto charged = m_charges.constFind(taskId);
    if (charged == m_charges.cend()) {
        return;
    }
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    const int flag =
        answer.value(QLatin1String("data")).toObject().value(QLatin1String("successFlag")).toInt(0);
    if (flag == 0) {
        return; // still generating
    }
    if (flag != 1) {
        m_credits.insert(charged->key, credits(charged->key) + charged->credits); // refunded
    }
    m_charges.erase(charged);
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
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto quoted = [](const char *marker) -> QByteArray { return '"' + QByteArray(marker) + '"'; };
    for (Response &step : steps) {
        step.body.replace(TaskIdMarker, id.toUtf8());
        step.body.replace(PromptMarker, escaped);
        step.body.replace(quoted(CreatedMarker), QByteArray::number(now));
        step.body.replace(quoted(CompletedMarker), QByteArray::number(now + step.afterMs));
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
        const qint64 price = m_prices.value(
            body.value(QLatin1String("model")).toString(QStringLiteral("veo3_fast")));
        if (!charge(key, price)) {
            return kieError(402, QStringLiteral("Insufficient Credits"));
        }
        // A new task of the sending key, read on record-info, whose story is the script's.
        const QString id = createScriptedTask(QStringLiteral("veo_gen_"), m_generateTemplate,
                                              prompt, m_validKeys.isEmpty() ? QString() : key);
        m_generatedTaskIds.append(id);
        m_charges.insert(id, Charge{key, price});
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
        const qint64 price = m_prices.value(QStringLiteral("extend"));
        if (!charge(key, price)) {
            return kieError(402, QStringLiteral("Insufficient Credits"));
        }
        // A new task of the original's owner, whose story is the extend script's.
        const QString id =
            createScriptedTask(QStringLiteral("veo_extend_"), m_extendTemplate, prompt,
                               owner != m_owners.cend() ? owner.value() : QString());
        m_extendedTaskIds.append(id);
        m_charges.insert(id, Charge{key, price});
        return okJson(compact({{QStringLiteral("taskId"), id}}));
    }
    const bool is1080p = request.path == Upgrade1080pPath;
    const int index = is1080p ? request.query.queryItemValue(QStringLiteral("index")).toInt()
                              : body.value(QLatin1String("index")).toInt();
    const QString scriptKey =
        upgradeScriptKey(is1080p ? Upgrade::Hd1080p : Upgrade::Uhd4k, parentId, index);
    // Charged once per video: KIE answers a repeated request with the upgrade's state.
    if (!m_upgradesCharged.contains(scriptKey)) {
        if (!charge(key,
                    m_prices.value(is1080p ? QStringLiteral("1080p") : QStringLiteral("4k")))) {
            return kieError(402, QStringLiteral("Insufficient Credits"));
        }
        m_upgradesCharged.insert(scriptKey);
    }
    const auto script = m_upgradeScripts.find(scriptKey);
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
