#include "veogenerate.h"

#include "jsonvalues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace veo {

namespace {

// lupdate files a free tr() under its namespace ("veo"): the same context here, else the
// translations are never found.
QString tr(const char *text)
{
    return QCoreApplication::translate("veo", text);
}

// The first of the keys the object has (KIE's docs spell some fields two ways).
QJsonValue either(const QJsonObject &object, QLatin1String a, QLatin1String b)
{
    return object.contains(a) ? object.value(a) : object.value(b);
}

} // namespace

QStringList generateModels()
{
    return {QStringLiteral("veo3_fast"), QStringLiteral("veo3"), QStringLiteral("veo3_lite")};
}

QStringList generateAspectRatios()
{
    return {QStringLiteral("16:9"), QStringLiteral("9:16"), QStringLiteral("Auto")};
}

QStringList generateResolutions()
{
    return {QStringLiteral("720p"), QStringLiteral("1080p"), QStringLiteral("4k")};
}

QStringList generationTypes()
{
    return {QStringLiteral("TEXT_2_VIDEO"), QStringLiteral("FIRST_AND_LAST_FRAMES_2_VIDEO"),
            QStringLiteral("REFERENCE_2_VIDEO")};
}

bool isImageAddress(const QString &image)
{
    return image.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) ||
           image.startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

QString generateOptionsProblem(const GenerateOptions &o)
{
    if (o.prompt.trimmed().isEmpty()) {
        return tr("Describe the video: the prompt is empty.");
    }
    if (!generateModels().contains(o.model)) {
        return tr("Unknown model \"%1\".").arg(o.model);
    }
    if (!generateAspectRatios().contains(o.aspectRatio)) {
        return tr("Unknown aspect ratio \"%1\".").arg(o.aspectRatio);
    }
    if (!generateResolutions().contains(o.resolution)) {
        return tr("Unknown resolution \"%1\".").arg(o.resolution);
    }
    if (o.seeds && (*o.seeds < 10000 || *o.seeds > 99999)) {
        return tr("Seeds must be a number from 10000 to 99999.");
    }
    for (const QString &url : o.imageUrls) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || (parsed.scheme() != QLatin1String("https") &&
                                  parsed.scheme() != QLatin1String("http"))) {
            return tr("\"%1\" is not an image address KIE can fetch (http or https).").arg(url);
        }
    }
    const auto images = o.imageUrls.size();
    if (o.generationType == QLatin1String("TEXT_2_VIDEO") && images > 0) {
        return tr("Text to video takes no images: choose another type or remove them.");
    }
    if (o.generationType == QLatin1String("FIRST_AND_LAST_FRAMES_2_VIDEO") &&
        (images < 1 || images > 2)) {
        return tr("First and last frames need one or two images.");
    }
    if (o.generationType == QLatin1String("REFERENCE_2_VIDEO")) {
        if (images < 1 || images > 3) {
            return tr("Reference images need one to three images.");
        }
        if (o.model != QLatin1String("veo3_fast")) {
            return tr("KIE makes videos from reference images with the Fast model only.");
        }
    }
    if (o.generationType.isEmpty() && images > 2) {
        return tr("At most two images (first and last frame), or three as reference images.");
    }
    if (!o.generationType.isEmpty() && !generationTypes().contains(o.generationType)) {
        return tr("Unknown generation type \"%1\".").arg(o.generationType);
    }
    return {};
}

QString generateParamJson(const GenerateOptions &o)
{
    // aspect_ratio, not aspectRatio: the spelling of the current docs and the older ones that
    // describe the field (kie-api.md §3.1); only the oldest and the Quickstart use camelCase.
    QJsonObject object{{QStringLiteral("prompt"), o.prompt},
                       {QStringLiteral("model"), o.model},
                       {QStringLiteral("aspect_ratio"), o.aspectRatio},
                       {QStringLiteral("resolution"), o.resolution},
                       {QStringLiteral("enableTranslation"), o.enableTranslation}};
    if (o.seeds) {
        object.insert(QStringLiteral("seeds"), *o.seeds);
    }
    if (!o.watermark.isEmpty()) {
        object.insert(QStringLiteral("watermark"), o.watermark);
    }
    if (!o.generationType.isEmpty()) {
        object.insert(QStringLiteral("generationType"), o.generationType);
    }
    if (!o.imageUrls.isEmpty()) {
        object.insert(QStringLiteral("imageUrls"), QJsonArray::fromStringList(o.imageUrls));
    }
    return QString::fromUtf8(json::compact(object));
}

ApiRequest generateRequest(const GenerateOptions &options)
{
    ApiRequest r;
    r.verb = "POST";
    r.path = QStringLiteral("/api/v1/veo/generate");
    r.sendOnce = true;
    r.body = generateParamJson(options).toUtf8();
    return r;
}

std::optional<GenerateOptions> generateOptionsFromParamJson(const QString &paramJson)
{
    const std::optional<QJsonObject> object = json::toObject(QJsonValue(paramJson));
    return object ? generateOptionsFromJson(*object) : std::nullopt;
}

std::optional<GenerateOptions> generateOptionsFromJson(const QJsonObject &o)
{
    GenerateOptions options;
    options.prompt = o.value(QLatin1String("prompt")).toString();
    if (options.prompt.trimmed().isEmpty()) {
        return std::nullopt;
    }
    options.model = o.value(QLatin1String("model")).toString(options.model);
    options.aspectRatio = either(o, QLatin1String("aspect_ratio"), QLatin1String("aspectRatio"))
                              .toString(options.aspectRatio);
    options.resolution = o.value(QLatin1String("resolution")).toString(options.resolution);
    options.seeds = json::toInt(o.value(QLatin1String("seeds")));
    options.watermark =
        either(o, QLatin1String("watermark"), QLatin1String("waterMark")).toString();
    options.enableTranslation = o.value(QLatin1String("enableTranslation")).toBool(true);
    options.generationType = o.value(QLatin1String("generationType")).toString();
    options.imageUrls = json::urlList(o.value(QLatin1String("imageUrls"))).value_or(QStringList());
    return options;
}

} // namespace veo
