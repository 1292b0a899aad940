#pragma once

#include "apirequest.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

// POST /api/v1/veo/generate (kie-api.md §3): the options of a new Veo 3.1 generation, its
// request body, and the same options read back from a task's paramJson (Re-run / Edit and
// Run). Requests never hold the token.
namespace veo {

struct GenerateOptions
{
    QString prompt;
    QString model = QStringLiteral("veo3_fast");  // veo3 (Quality), veo3_fast, veo3_lite
    QString aspectRatio = QStringLiteral("16:9"); // 16:9, 9:16, Auto
    QString resolution = QStringLiteral("720p");  // 720p, 1080p, 4k
    std::optional<int> seeds;                     // 10000..99999; none = KIE picks one
    QString watermark;
    bool enableTranslation = true;
    // TEXT_2_VIDEO, FIRST_AND_LAST_FRAMES_2_VIDEO or REFERENCE_2_VIDEO; empty = KIE decides
    // from imageUrls.
    QString generationType;
    QStringList imageUrls; // 1-2 (first and last frame), 1-3 for REFERENCE_2_VIDEO

    friend bool operator==(const GenerateOptions &, const GenerateOptions &) = default;
};

// The values KIE documents, in the order the dialog offers them.
QStringList generateModels();
QStringList generateAspectRatios();
QStringList generateResolutions();
QStringList generationTypes();

// Why KIE would refuse these options, translated; empty when they are fine.
// An image given as an http(s) address (anything else is a file to upload first).
bool isImageAddress(const QString &image);
QString generateOptionsProblem(const GenerateOptions &options);
// The request, sent once (a generation is paid and not idempotent).
ApiRequest generateRequest(const GenerateOptions &options);
// The request body as stored in the new task's paramJson.
QString generateParamJson(const GenerateOptions &options);
// The options of a task's paramJson: ours, or KIE's record-info echo (camelCase aspectRatio,
// waterMark, string seeds). nullopt without a prompt.
std::optional<GenerateOptions> generateOptionsFromParamJson(const QString &paramJson);
// The same from an object already parsed.
std::optional<GenerateOptions> generateOptionsFromJson(const QJsonObject &object);

} // namespace veo
