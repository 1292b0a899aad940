// The Veo follow-up endpoints' requests and answers (kie-api.md §4): child IDs, the 1080P and
// 4K answers in every documented shape and error code, extend's request and created task.
#include "veofollowups.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace veo;

Q_DECLARE_METATYPE(veo::TaskKind)
Q_DECLARE_METATYPE(veo::TaskStatus)
Q_DECLARE_METATYPE(veo::ApiError::Kind)

namespace {
const QString Child = QStringLiteral("parent01:1080p:0");

QByteArray envelope(int code, const QString &msg, const QByteArray &data = "null")
{
    return R"({"code":)" + QByteArray::number(code) + R"(,"msg":")" + msg.toUtf8() +
           R"(","data":)" + data + "}";
}
} // namespace

class TestVeoFollowUps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upgradeIdsRoundTripAndAreNoPastableId_data();
    void upgradeIdsRoundTripAndAreNoPastableId();
    void foreignIdsAreNoUpgradeIds_data();
    void foreignIdsAreNoUpgradeIds();
    void requestsNameTheParentAndVideo();
    void a1080pAnswerWithItsUrlIsReady_data();
    void a1080pAnswerWithItsUrlIsReady();
    void answersOfAnUpgrade_data();
    void answersOfAnUpgrade();
    void a4kAnswerInEveryShape_data();
    void a4kAnswerInEveryShape();
    void extendSendsWhatTheUserChose();
    void extendOptionsSurviveAsParamJson();
    void aCreatedTaskNeedsAValidId_data();
    void aCreatedTaskNeedsAValidId();
};

void TestVeoFollowUps::upgradeIdsRoundTripAndAreNoPastableId_data()
{
    QTest::addColumn<TaskKind>("kind");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("id");
    QTest::newRow("1080p") << TaskKind::Veo1080p << 0 << QStringLiteral("abc123def:1080p:0");
    QTest::newRow("4k second video") << TaskKind::Veo4k << 1 << QStringLiteral("abc123def:4k:1");
}

void TestVeoFollowUps::upgradeIdsRoundTripAndAreNoPastableId()
{
    QFETCH(TaskKind, kind);
    QFETCH(int, index);
    QFETCH(QString, id);
    QCOMPARE(upgradeTaskId(QStringLiteral("abc123def"), kind, index), id);
    const std::optional<UpgradeRef> ref = parseUpgradeTaskId(id);
    QVERIFY(ref);
    QCOMPARE(ref->parentTaskId, QStringLiteral("abc123def"));
    QCOMPARE(ref->kind, kind);
    QCOMPARE(ref->videoIndex, index);
}

void TestVeoFollowUps::foreignIdsAreNoUpgradeIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("plain id") << QStringLiteral("abc123def");
    QTest::newRow("unknown kind") << QStringLiteral("abc123def:8k:0");
    QTest::newRow("extension placeholder") << QStringLiteral("abc123def:extend:0f3a");
    QTest::newRow("negative index") << QStringLiteral("abc123def:4k:-1");
    QTest::newRow("padded index") << QStringLiteral("abc123def:4k:01");
    QTest::newRow("bad parent") << QStringLiteral("a b:4k:0");
    QTest::newRow("extra part") << QStringLiteral("abc123def:4k:0:1");
}

void TestVeoFollowUps::foreignIdsAreNoUpgradeIds()
{
    QFETCH(QString, id);
    QVERIFY(!parseUpgradeTaskId(id));
}

void TestVeoFollowUps::requestsNameTheParentAndVideo()
{
    const ApiRequest hd = upgrade1080pRequest(QStringLiteral("a+b"), 1);
    QCOMPARE(hd.verb, QByteArray("GET"));
    QCOMPARE(hd.path, QStringLiteral("/api/v1/veo/get-1080p-video"));
    QCOMPARE(hd.query.toString(QUrl::FullyEncoded), QStringLiteral("taskId=a%2Bb&index=1"));

    const ApiRequest uhd = upgrade4kRequest(QStringLiteral("abc"), 2);
    QCOMPARE(uhd.verb, QByteArray("POST"));
    QCOMPARE(uhd.path, QStringLiteral("/api/v1/veo/get-4k-video"));
    const QJsonObject body = QJsonDocument::fromJson(uhd.body).object();
    QCOMPARE(body.value(QLatin1String("taskId")).toString(), QStringLiteral("abc"));
    QCOMPARE(body.value(QLatin1String("index")).toInt(-1), 2);
}

void TestVeoFollowUps::a1080pAnswerWithItsUrlIsReady_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("resultUrl string (docs)")
        << QByteArray(R"({"resultUrl":"https://f.example/1.mp4"})");
    QTest::newRow("resultUrls list") << QByteArray(R"({"resultUrls":["https://f.example/1.mp4"]})");
    QTest::newRow("data as JSON text")
        << QByteArray(R"("{\"resultUrl\":\"https://f.example/1.mp4\"}")");
}

void TestVeoFollowUps::a1080pAnswerWithItsUrlIsReady()
{
    QFETCH(QByteArray, data);
    const RecordInfoResult r = parse1080pAnswer(200, envelope(200, "success", data), Child);
    QVERIFY(!r.error.isError());
    QCOMPARE(r.record.taskId, Child);
    QCOMPARE(r.record.status, TaskStatus::Succeeded);
    QCOMPARE(r.record.resultUrls, QStringList{QStringLiteral("https://f.example/1.mp4")});
    QCOMPARE(r.record.resolution, QStringLiteral("1080p"));
}

// Every documented code, for both upgrades: still being made, refused for good, or an error
// the scheduler retries (or stops on).
void TestVeoFollowUps::answersOfAnUpgrade_data()
{
    QTest::addColumn<int>("http");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<TaskStatus>("status");
    QTest::addColumn<ApiError::Kind>("error");
    const auto none = ApiError::Kind::None;
    const auto gen = TaskStatus::Generating;
    const auto failed = TaskStatus::Failed;
    const auto pending = TaskStatus::Pending; // no state: the error says it
    QTest::newRow("200 without url: not ready")
        << 200 << envelope(200, "success", "{}") << gen << none;
    QTest::newRow("200 null data: not ready") << 200 << envelope(200, "success") << gen << none;
    QTest::newRow("400 processing")
        << 200 << envelope(400, "1080P is processing. It should be ready in 1-2 minutes.") << gen
        << none;
    QTest::newRow("422 processing") << 200 << envelope(422, "4k is processing.") << gen << none;
    QTest::newRow("500 internal error") << 200 << envelope(500, "Internal Error") << gen << none;
    QTest::newRow("HTTP 500 with envelope") << 500 << envelope(500, "Server Error") << gen << none;
    QTest::newRow("401") << 200 << envelope(401, "Unauthorized") << pending
                         << ApiError::Kind::Unauthorized;
    QTest::newRow("402 no credits")
        << 200 << envelope(402, "Insufficient Credits") << failed << none;
    QTest::newRow("404") << 200 << envelope(404, "Not Found") << pending
                         << ApiError::Kind::NotFound;
    QTest::newRow("422 record is null")
        << 200 << envelope(422, "record is null.") << pending << ApiError::Kind::NotFoundYet;
    QTest::newRow("422 older than 14 days")
        << 200 << envelope(422, "Temporarily supports records within 14 days.") << pending
        << ApiError::Kind::Expired;
    QTest::newRow("429 body") << 200 << envelope(429, "Rate Limited") << pending
                              << ApiError::Kind::RateLimited;
    QTest::newRow("HTTP 429") << 429 << QByteArray("Too Many Requests") << pending
                              << ApiError::Kind::RateLimited;
    QTest::newRow("451 image") << 200 << envelope(451, "Failed to fetch the image") << failed
                               << none;
    QTest::newRow("455 maintenance")
        << 200 << envelope(455, "Service Unavailable") << pending << ApiError::Kind::Maintenance;
    QTest::newRow("501 failed") << 200 << envelope(501, "Generation Failed") << failed << none;
    QTest::newRow("505 disabled") << 200 << envelope(505, "Feature Disabled") << failed << none;
    QTest::newRow("4K unavailable")
        << 200
        << envelope(500, "The 4K version of this video is unavailable. Please try a different "
                         "video.")
        << failed << none;
    QTest::newRow("HTML gateway page") << 502 << QByteArray("<html><title>502</title></html>")
                                       << pending << ApiError::Kind::Server;
    QTest::newRow("truncated JSON") << 200 << QByteArray(R"({"code":200,"msg":"succ)") << pending
                                    << ApiError::Kind::BadResponse;
}

void TestVeoFollowUps::answersOfAnUpgrade()
{
    QFETCH(int, http);
    QFETCH(QByteArray, body);
    QFETCH(TaskStatus, status);
    QFETCH(ApiError::Kind, error);
    for (const bool is4k : {false, true}) {
        const RecordInfoResult r =
            is4k ? parse4kAnswer(http, body, Child) : parse1080pAnswer(http, body, Child);
        QCOMPARE(r.error.kind, error);
        QCOMPARE(r.record.status, status);
        QCOMPARE(r.record.taskId, Child);
        QVERIFY(r.record.resultUrls.isEmpty());
        if (status == TaskStatus::Failed) {
            QVERIFY(r.record.errorCode.has_value()); // KIE's code and words are shown
            QVERIFY(!r.record.errorMessage.isEmpty());
        }
    }
}

void TestVeoFollowUps::a4kAnswerInEveryShape_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<TaskStatus>("status");
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<QStringList>("images");
    const QStringList urls{QStringLiteral("https://f.example/4k.mp4")};
    const QStringList images{QStringLiteral("https://f.example/4k.jpg")};
    QTest::newRow("first answer: accepted, nulls")
        << envelope(200, "success", R"({"taskId":"p1","resultUrls":null,"imageUrls":null})")
        << TaskStatus::Generating << QStringList() << QStringList();
    QTest::newRow("repeat: processing")
        << envelope(422, "4k is processing. It should be ready in 5-10 minutes.",
                    R"({"taskId":"p1","resultUrls":null,"imageUrls":null})")
        << TaskStatus::Generating << QStringList() << QStringList();
    QTest::newRow("repeat: done, as a 422")
        << envelope(422, "The video has been generated successfully",
                    R"({"taskId":"p1","resultUrls":["https://f.example/4k.mp4"],)"
                    R"("imageUrls":["https://f.example/4k.jpg"]})")
        << TaskStatus::Succeeded << urls << images;
    QTest::newRow("done as 200")
        << envelope(200, "success", R"({"taskId":"p1","resultUrls":["https://f.example/4k.mp4"]})")
        << TaskStatus::Succeeded << urls << QStringList();
    QTest::newRow("callback shape, info")
        << envelope(200, "4K Video generated successfully.",
                    R"({"taskId":"p1","info":{"resultUrls":["https://f.example/4k.mp4"],)"
                    R"("imageUrls":["https://f.example/4k.jpg"]}})")
        << TaskStatus::Succeeded << urls << images;
    QTest::newRow("callback schema, snake_case")
        << envelope(200, "success",
                    R"({"task_id":"p1","result_urls":["https://f.example/4k.mp4"],)"
                    R"("image_urls":["https://f.example/4k.jpg"]})")
        << TaskStatus::Succeeded << urls << images;
}

void TestVeoFollowUps::a4kAnswerInEveryShape()
{
    QFETCH(QByteArray, body);
    QFETCH(TaskStatus, status);
    QFETCH(QStringList, urls);
    QFETCH(QStringList, images);
    const RecordInfoResult r = parse4kAnswer(200, body, QStringLiteral("p1:4k:0"));
    QVERIFY2(!r.error.isError(), qPrintable(r.error.text()));
    QCOMPARE(r.record.status, status);
    QCOMPARE(r.record.resultUrls, urls);
    QCOMPARE(r.record.imageUrls, images);
}

void TestVeoFollowUps::extendSendsWhatTheUserChose()
{
    ExtendOptions options;
    options.parentTaskId = QStringLiteral("orig1");
    options.prompt = QStringLiteral("The fox jumps over a frozen creek");
    options.model = QStringLiteral("quality");
    options.seeds = 12345;
    options.watermark = QStringLiteral("Studio");
    const ApiRequest r = extendRequest(options);
    QCOMPARE(r.verb, QByteArray("POST"));
    QCOMPARE(r.path, QStringLiteral("/api/v1/veo/extend"));
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(body.value(QLatin1String("taskId")).toString(), options.parentTaskId);
    QCOMPARE(body.value(QLatin1String("prompt")).toString(), options.prompt);
    QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("quality"));
    QCOMPARE(body.value(QLatin1String("seeds")).toInt(), 12345);
    QCOMPARE(body.value(QLatin1String("watermark")).toString(), QStringLiteral("Studio"));

    options.seeds.reset();
    options.watermark.clear();
    const QJsonObject bare = QJsonDocument::fromJson(extendRequest(options).body).object();
    QVERIFY(!bare.contains(QLatin1String("seeds"))); // absent, not 0
    QVERIFY(!bare.contains(QLatin1String("watermark")));
}

void TestVeoFollowUps::extendOptionsSurviveAsParamJson()
{
    ExtendOptions options;
    options.parentTaskId = QStringLiteral("orig1");
    options.prompt = QStringLiteral("继续：狐狸跳过结冰的小溪");
    options.model = QStringLiteral("lite");
    options.seeds = 99999;
    const std::optional<ExtendOptions> back =
        extendOptionsFromParamJson(options.parentTaskId, extendParamJson(options));
    QVERIFY(back);
    QCOMPARE(back->prompt, options.prompt);
    QCOMPARE(back->model, options.model);
    QCOMPARE(back->seeds, options.seeds);
    QVERIFY(!extendOptionsFromParamJson(options.parentTaskId, QStringLiteral("{}")));
    QVERIFY(!extendOptionsFromParamJson(options.parentTaskId, QStringLiteral("not json")));
}

void TestVeoFollowUps::aCreatedTaskNeedsAValidId_data()
{
    QTest::addColumn<int>("http");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("taskId");
    QTest::addColumn<ApiError::Kind>("error");
    QTest::newRow("accepted") << 200
                              << envelope(200, "success", R"({"taskId":"veo_extend_task_xyz789"})")
                              << QStringLiteral("veo_extend_task_xyz789") << ApiError::Kind::None;
    QTest::newRow("no data") << 200 << envelope(200, "success") << QString()
                             << ApiError::Kind::BadResponse;
    QTest::newRow("id with spaces") << 200 << envelope(200, "success", R"({"taskId":"a b"})")
                                    << QString() << ApiError::Kind::BadResponse;
    QTest::newRow("402") << 200 << envelope(402, "Insufficient Credits") << QString()
                         << ApiError::Kind::InsufficientCredits;
    QTest::newRow("400 policy") << 200 << envelope(400, "prompt violates policy") << QString()
                                << ApiError::Kind::Rejected;
    QTest::newRow("HTTP 429") << 429 << QByteArray() << QString() << ApiError::Kind::RateLimited;
}

void TestVeoFollowUps::aCreatedTaskNeedsAValidId()
{
    QFETCH(int, http);
    QFETCH(QByteArray, body);
    QFETCH(QString, taskId);
    QFETCH(ApiError::Kind, error);
    const CreatedTask created = parseCreatedTask(http, body);
    QCOMPARE(created.error.kind, error);
    QCOMPARE(created.taskId, taskId);
}

QTEST_GUILESS_MAIN(TestVeoFollowUps)
#include "tst_veofollowups.moc"
