#include "recordinfoparser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <functional>

using namespace veo;
using Kind = ApiError::Kind;

namespace {

const QString Id = QStringLiteral("veo_task_abcdef123456");

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

// A record-info answer in an HTTP-200 envelope around the given data members.
QByteArray ok(const QByteArray &dataMembers)
{
    return R"({"code":200,"msg":"success","data":{)" + dataMembers + "}}";
}

// The record expected from ok(R"("taskId":Id,"successFlag":flag)") before a row adds more.
TaskRecord rec(int successFlag, const std::function<void(TaskRecord &)> &adjust = {})
{
    TaskRecord r;
    r.taskId = Id;
    r.successFlag = successFlag;
    r.status = statusFromSuccessFlag(successFlag);
    if (adjust) {
        adjust(r);
    }
    return r;
}

TaskRecord requestedOnly()
{
    TaskRecord r;
    r.taskId = Id;
    return r;
}

QString joined(const QStringList &list)
{
    return list.join(QLatin1String(" | "));
}

// Field by field, so that a failure names the field and shows both values.
void compareRecords(const TaskRecord &actual, const TaskRecord &expected)
{
    QCOMPARE(actual.taskId, expected.taskId);
    QCOMPARE(actual.keyId, expected.keyId);
    QCOMPARE(actual.addedAt, expected.addedAt);
    QCOMPARE(actual.lastChecked, expected.lastChecked);
    QCOMPARE(actual.status, expected.status);
    QCOMPARE(actual.successFlag, expected.successFlag);
    QCOMPARE(actual.paramJson, expected.paramJson);
    QCOMPARE(actual.prompt, expected.prompt);
    QCOMPARE(actual.model, expected.model);
    QCOMPARE(actual.aspectRatio, expected.aspectRatio);
    QCOMPARE(actual.requestedResolution, expected.requestedResolution);
    QCOMPARE(actual.generationType, expected.generationType);
    QCOMPARE(actual.errorCode.has_value(), expected.errorCode.has_value());
    QCOMPARE(actual.errorCode.value_or(-1), expected.errorCode.value_or(-1));
    QCOMPARE(actual.errorMessage, expected.errorMessage);
    QCOMPARE(actual.createTime, expected.createTime);
    QCOMPARE(actual.completeTime, expected.completeTime);
    QCOMPARE(actual.fallbackFlag.has_value(), expected.fallbackFlag.has_value());
    QCOMPARE(actual.fallbackFlag.value_or(false), expected.fallbackFlag.value_or(false));
    QCOMPARE(actual.resolution, expected.resolution);
    QCOMPARE(joined(actual.resultUrls), joined(expected.resultUrls));
    QCOMPARE(joined(actual.originUrls), joined(expected.originUrls));
    QCOMPARE(joined(actual.fullResultUrls), joined(expected.fullResultUrls));
    QCOMPARE(actual.extraJson, expected.extraJson);
    // Catches a field added to TaskRecord but not to this list.
    QVERIFY(actual == expected);
}

} // namespace

class TestRecordInfoParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordInfo_data();
    void recordInfo();
    void timesAreUtc();
    void retryAfterHttpDateInFuture_data();
    void retryAfterHttpDateInFuture();
    void retryAfterOnlyOnErrors();
    void envelope_data();
    void envelope();
    void parseKieTime_data();
    void parseKieTime();
    void parseUrlList_data();
    void parseUrlList();
    void truncatedAtEveryByte();
    void randomMutations();
    void deepNesting();
};

void TestRecordInfoParser::recordInfo_data()
{
    QTest::addColumn<int>("http");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message"); // empty: must be empty; else: must be contained
    QTest::addColumn<int>("retryAfterSeconds");
    QTest::addColumn<TaskRecord>("record");

    auto good = [](const char *name, const QByteArray &body, const TaskRecord &expected) {
        QTest::newRow(name) << 200 << body << QByteArray() << Kind::None << 0 << QString() << -1
                            << expected;
    };
    auto bad = [](const char *name, int http, const QByteArray &body, Kind kind, int code,
                  const QString &message, const QByteArray &retryAfter = {},
                  int retryAfterSeconds = -1) {
        QTest::newRow(name) << http << body << retryAfter << kind << code << message
                            << retryAfterSeconds << requestedOnly();
    };
    const QByteArray head = R"("taskId":"veo_task_abcdef123456",)";

    // --- the documented shape -----------------------------------------------------------
    good(
        "schema example", ok(R"json("taskId":"veo_task_abcdef123456",
            "paramJson":"{\"prompt\":\"A dog playing in a park\",\"model\":\"veo3_fast\",\"aspect_ratio\":\"16:9\",\"resolution\":\"1080p\",\"generationType\":\"TEXT_2_VIDEO\",\"waterMark\":\"KieAI\"}",
            "completeTime":"2025-06-06 10:30:00",
            "response":{"taskId":"veo_task_abcdef123456",
              "resultUrls":["http://example.com/video1.mp4"],
              "fullResultUrls":["http://example.com/full_result.mp4"],
              "originUrls":["http://example.com/original_video1.mp4"],
              "resolution":"1080p"},
            "successFlag":1,"errorCode":null,"errorMessage":"",
            "createTime":"2025-06-06 10:25:00","fallbackFlag":false)json"),
        rec(1, [](TaskRecord &r) {
            r.paramJson = QStringLiteral(
                R"({"prompt":"A dog playing in a park","model":"veo3_fast","aspect_ratio":"16:9","resolution":"1080p","generationType":"TEXT_2_VIDEO","waterMark":"KieAI"})");
            r.prompt = QStringLiteral("A dog playing in a park");
            r.model = QStringLiteral("veo3_fast");
            r.aspectRatio = QStringLiteral("16:9");
            r.requestedResolution = QStringLiteral("1080p");
            r.generationType = QStringLiteral("TEXT_2_VIDEO");
            r.createTime = utc(2025, 6, 6, 10, 25, 0);
            r.completeTime = utc(2025, 6, 6, 10, 30, 0);
            r.fallbackFlag = false;
            r.resolution = QStringLiteral("1080p");
            r.resultUrls = {QStringLiteral("http://example.com/video1.mp4")};
            r.fullResultUrls = {QStringLiteral("http://example.com/full_result.mp4")};
            r.originUrls = {QStringLiteral("http://example.com/original_video1.mp4")};
        }));
    good("generating, everything else null",
         ok(head + R"("successFlag":0,"response":null,"completeTime":null,"createTime":null,)"
                   R"("errorCode":null,"errorMessage":null,"paramJson":null,"fallbackFlag":null)"),
         rec(0));
    good("response missing", ok(head + R"("successFlag":0)"), rec(0));
    good("response empty string", ok(head + R"("successFlag":0,"response":"")"), rec(0));
    good("failed, flag 2, errorCode 400",
         ok(head + R"("successFlag":2,"errorCode":400,)"
                   R"("errorMessage":"Only English prompts are supported at this time.")"),
         rec(2, [](TaskRecord &r) {
             r.errorCode = 400;
             r.errorMessage = QStringLiteral("Only English prompts are supported at this time.");
         }));
    good("generation failed, flag 3, errorCode 501",
         ok(head + R"("successFlag":3,"errorCode":501,"errorMessage":"Generation failed")"),
         rec(3, [](TaskRecord &r) {
             r.errorCode = 501;
             r.errorMessage = QStringLiteral("Generation failed");
         }));
    good("undocumented flag 7 is a terminal failure", ok(head + R"("successFlag":7)"), rec(7));

    // --- wrong but unambiguous types --------------------------------------------------
    good("successFlag as string \"1\"", ok(head + R"("successFlag":"1")"), rec(1));
    good("successFlag as padded string", ok(head + R"("successFlag":" 2 ")"), rec(2));
    good("successFlag as 1.0", ok(head + R"("successFlag":1.0)"), rec(1));
    good("taskId as number", ok(R"("taskId":1234567890123,"successFlag":0)"),
         rec(0, [](TaskRecord &r) { r.taskId = QStringLiteral("1234567890123"); }));
    good("taskId missing: the requested one", ok(R"("successFlag":0)"), rec(0));
    good("taskId empty: the requested one", ok(R"("taskId":"","successFlag":0)"), rec(0));
    good("taskId only inside response",
         ok(R"("successFlag":0,"response":{"taskId":"veo_other_id_0001"})"),
         rec(0, [](TaskRecord &r) { r.taskId = QStringLiteral("veo_other_id_0001"); }));
    good("data as a one-element array",
         R"({"code":200,"msg":"success","data":[{)" + head + R"("successFlag":1}]})", rec(1));
    good(
        "data as a JSON-encoded string",
        R"({"code":200,"msg":"success","data":"{\"taskId\":\"veo_task_abcdef123456\",\"successFlag\":0}"})",
        rec(0));
    good(
        "response as a JSON-encoded string",
        ok(head + R"("successFlag":1,"response":"{\"resultUrls\":[\"https://a.example/1.mp4\"]}")"),
        rec(1, [](TaskRecord &r) { r.resultUrls = {QStringLiteral("https://a.example/1.mp4")}; }));
    good("code as string \"200\"",
         R"({"code":"200","msg":"success","data":{)" + head + R"("successFlag":0}})", rec(0));
    good("msg missing", R"({"code":200,"data":{)" + head + R"("successFlag":0}})", rec(0));
    good("UTF-8 BOM before the JSON", "\xEF\xBB\xBF" + ok(head + R"("successFlag":0)"), rec(0));

    // --- URL lists ------------------------------------------------------------------------
    good("url lists as JSON-encoded strings",
         ok(head + R"("successFlag":1,"response":{)"
                   R"("resultUrls":"[\"https://a.example/1.mp4\",\"https://a.example/2.mp4\"]",)"
                   R"("originUrls":"[]","fullResultUrls":"\"https://a.example/full.mp4\""})"),
         rec(1, [](TaskRecord &r) {
             r.resultUrls = {QStringLiteral("https://a.example/1.mp4"),
                             QStringLiteral("https://a.example/2.mp4")};
             r.fullResultUrls = {QStringLiteral("https://a.example/full.mp4")};
         }));
    good("url list as a single plain URL",
         ok(head + R"("successFlag":1,"response":{"resultUrls":" https://a.example/1.mp4 "})"),
         rec(1, [](TaskRecord &r) { r.resultUrls = {QStringLiteral("https://a.example/1.mp4")}; }));
    good("url list as unquoted brackets (OpenAPI example)",
         ok(head + R"("successFlag":1,"response":{)"
                   R"("resultUrls":"[http://a.example/1.mp4, http://a.example/2.mp4]"})"),
         rec(1, [](TaskRecord &r) {
             r.resultUrls = {QStringLiteral("http://a.example/1.mp4"),
                             QStringLiteral("http://a.example/2.mp4")};
         }));
    good("url lists null, empty, with null and blank entries",
         ok(head +
            R"("successFlag":1,"response":{"resultUrls":[null,"","  https://a.example/1.mp4 "],)"
            R"("originUrls":null,"fullResultUrls":""})"),
         rec(1, [](TaskRecord &r) { r.resultUrls = {QStringLiteral("https://a.example/1.mp4")}; }));
    good("urls at data level (Quickstart shape)",
         ok(head + R"("successFlag":1,"resultUrls":"[\"https://a.example/1.mp4\"]",)"
                   R"("resolution":"720p")"),
         rec(1, [](TaskRecord &r) {
             r.resultUrls = {QStringLiteral("https://a.example/1.mp4")};
             r.resolution = QStringLiteral("720p");
         }));
    good("urls in response and data: response wins, the data copy is kept",
         ok(head + R"("successFlag":1,"resultUrls":["https://old.example/x.mp4"],)"
                   R"("response":{"resultUrls":["https://a.example/1.mp4"]})"),
         rec(1, [](TaskRecord &r) {
             r.resultUrls = {QStringLiteral("https://a.example/1.mp4")};
             r.extraJson = R"({"data":{"resultUrls":["https://old.example/x.mp4"]}})";
         }));
    good(
        "extend task: stitched video in fullResultUrls",
        ok(R"("taskId":"veo_extend_task_xyz789","successFlag":1,"response":{)"
           R"("resultUrls":["https://a.example/ext.mp4"],"fullResultUrls":["https://a.example/full.mp4"],)"
           R"("resolution":"720p"})"),
        rec(1, [](TaskRecord &r) {
            r.taskId = QStringLiteral("veo_extend_task_xyz789");
            r.resultUrls = {QStringLiteral("https://a.example/ext.mp4")};
            r.fullResultUrls = {QStringLiteral("https://a.example/full.mp4")};
            r.resolution = QStringLiteral("720p");
        }));

    // --- times ----------------------------------------------------------------------------
    good("times as epoch milliseconds",
         ok(head + R"("successFlag":1,"createTime":1776398927151,"completeTime":1776399107151)"),
         rec(1, [](TaskRecord &r) {
             r.createTime = utc(2026, 4, 17, 4, 8, 47, 151);
             r.completeTime = utc(2026, 4, 17, 4, 11, 47, 151);
         }));
    good("times as epoch seconds",
         ok(head + R"("successFlag":1,"createTime":1749205800,"completeTime":1749206100)"),
         rec(1, [](TaskRecord &r) {
             r.createTime = utc(2025, 6, 6, 10, 30, 0);
             r.completeTime = utc(2025, 6, 6, 10, 35, 0);
         }));
    good("times as numeric strings",
         ok(head + R"("successFlag":1,"createTime":"1749205800","completeTime":"1776398927151")"),
         rec(1, [](TaskRecord &r) {
             r.createTime = utc(2025, 6, 6, 10, 30, 0);
             r.completeTime = utc(2026, 4, 17, 4, 8, 47, 151);
         }));
    good("times as ISO 8601 with Z and with an offset",
         ok(head + R"("successFlag":1,"createTime":"2024-03-20T10:30:00Z",)"
                   R"("completeTime":"2024-03-20T18:35:00+08:00")"),
         rec(1, [](TaskRecord &r) {
             r.createTime = utc(2024, 3, 20, 10, 30, 0);
             r.completeTime = utc(2024, 3, 20, 10, 35, 0);
         }));
    good("times as ISO 8601 without zone (UTC assumed), with milliseconds",
         ok(head + R"("successFlag":1,"createTime":"2024-03-20T10:30:00",)"
                   R"("completeTime":"2024-03-20T10:35:00.250")"),
         rec(1, [](TaskRecord &r) {
             r.createTime = utc(2024, 3, 20, 10, 30, 0);
             r.completeTime = utc(2024, 3, 20, 10, 35, 0, 250);
         }));
    good("times zero and empty mean absent",
         ok(head + R"("successFlag":0,"createTime":0,"completeTime":"")"), rec(0));
    good("unreadable times are kept in extraJson",
         ok(head + R"("successFlag":0,"createTime":"yesterday","completeTime":true)"),
         rec(0, [](TaskRecord &r) {
             r.extraJson = R"({"data":{"completeTime":true,"createTime":"yesterday"}})";
         }));

    // --- unknown fields -------------------------------------------------------------------
    good("unknown fields in data and response are kept",
         ok(head + R"("successFlag":1,"mediaIds":["m1"],"costTime":15000,)"
                   R"("response":{"imageUrls":["https://a.example/i.jpg"],"resultUrls":[]},)"
                   R"("x":null)"),
         rec(1, [](TaskRecord &r) {
             r.extraJson = R"({"data":{"costTime":15000,"mediaIds":["m1"],"x":null},)"
                           R"("response":{"imageUrls":["https://a.example/i.jpg"]}})";
         }));
    good("unknown fields only in response",
         ok(head + R"("successFlag":0,"response":{"info":"queued"})"),
         rec(0, [](TaskRecord &r) { r.extraJson = R"({"response":{"info":"queued"}})"; }));

    // --- paramJson ------------------------------------------------------------------------
    good("paramJson as an object is stored as compact JSON",
         ok(head +
            R"("successFlag":0,"paramJson":{"prompt":"p","model":"veo3","aspectRatio":"9:16"})"),
         rec(0, [](TaskRecord &r) {
             r.paramJson = QStringLiteral(R"({"aspectRatio":"9:16","model":"veo3","prompt":"p"})");
             r.prompt = QStringLiteral("p");
             r.model = QStringLiteral("veo3");
             r.aspectRatio = QStringLiteral("9:16");
         }));
    good(
        "paramJson with camelCase aspectRatio and extra keys",
        ok(head +
           R"("successFlag":0,"paramJson":"{\"prompt\":\"Fox in snow\",\"aspectRatio\":\"Auto\",\"seeds\":12345,\"resolution\":\"4k\",\"generationType\":\"REFERENCE_2_VIDEO\"}")"),
        rec(0, [](TaskRecord &r) {
            r.paramJson = QStringLiteral(
                R"({"prompt":"Fox in snow","aspectRatio":"Auto","seeds":12345,"resolution":"4k","generationType":"REFERENCE_2_VIDEO"})");
            r.prompt = QStringLiteral("Fox in snow");
            r.aspectRatio = QStringLiteral("Auto");
            r.requestedResolution = QStringLiteral("4k");
            r.generationType = QStringLiteral("REFERENCE_2_VIDEO");
        }));
    good("invalid paramJson is kept verbatim and does not fail the record",
         ok(head + R"("successFlag":1,"paramJson":"{\"prompt\": \"cut off")"),
         rec(1, [](TaskRecord &r) { r.paramJson = QStringLiteral(R"({"prompt": "cut off)"); }));

    // --- errorCode, errorMessage, fallbackFlag ----------------------------------------------
    good("errorCode as numeric string", ok(head + R"("successFlag":2,"errorCode":"500")"),
         rec(2, [](TaskRecord &r) { r.errorCode = 500; }));
    good("errorCode empty string is absent", ok(head + R"("successFlag":2,"errorCode":"")"),
         rec(2));
    good("errorCode not a number is kept in extraJson",
         ok(head + R"("successFlag":2,"errorCode":"E_POLICY","errorMessage":"Flagged")"),
         rec(2, [](TaskRecord &r) {
             r.errorMessage = QStringLiteral("Flagged");
             r.extraJson = R"({"data":{"errorCode":"E_POLICY"}})";
         }));
    good("fallbackFlag true", ok(head + R"("successFlag":1,"fallbackFlag":true)"),
         rec(1, [](TaskRecord &r) { r.fallbackFlag = true; }));
    good("fallbackFlag as string \"false\"", ok(head + R"("successFlag":1,"fallbackFlag":"false")"),
         rec(1, [](TaskRecord &r) { r.fallbackFlag = false; }));
    good("fallbackFlag as 1", ok(head + R"("successFlag":1,"fallbackFlag":1)"),
         rec(1, [](TaskRecord &r) { r.fallbackFlag = true; }));
    good("fallbackFlag unreadable is kept in extraJson",
         ok(head + R"("successFlag":1,"fallbackFlag":"maybe")"),
         rec(1, [](TaskRecord &r) { r.extraJson = R"({"data":{"fallbackFlag":"maybe"}})"; }));

    // --- KIE codes inside HTTP 200 ----------------------------------------------------------
    bad("body 401 (bad key)", 200, R"({"code":401,"msg":"You do not have access permissions"})",
        Kind::Unauthorized, 401, QStringLiteral("You do not have access permissions"));
    bad("body 402", 200, R"({"code":402,"msg":"Insufficient Credits","data":null})",
        Kind::InsufficientCredits, 402, QStringLiteral("Insufficient Credits"));
    bad("body 404", 200, R"({"code":404,"msg":"Not Found"})", Kind::NotFound, 404,
        QStringLiteral("Not Found"));
    bad("body 422 record is null", 200, R"({"code":422,"msg":"record is null.","data":null})",
        Kind::NotFoundYet, 422, QStringLiteral("record is null."));
    bad("body 422 recordInfo is null", 200, R"({"code":422,"msg":"recordInfo is null"})",
        Kind::NotFoundYet, 422, QStringLiteral("recordInfo is null"));
    bad("body 422 older than 14 days", 200,
        R"({"code":422,"msg":"Temporarily supports records within 14 days.","data":null})",
        Kind::Expired, 422, QStringLiteral("Temporarily supports records within 14 days."));
    bad("body 422 other validation", 200, R"({"code":422,"msg":"record result data is blank."})",
        Kind::Rejected, 422, QStringLiteral("record result data is blank."));
    bad("body 400 policy", 200, R"({"code":400,"msg":"public error unsafe image upload."})",
        Kind::Rejected, 400, QStringLiteral("public error unsafe image upload."));
    bad("body 451", 200, R"({"code":451,"msg":"Failed to fetch the image."})", Kind::Rejected, 451,
        QStringLiteral("Failed to fetch the image."));
    bad("body 455 maintenance", 200, R"({"code":455,"msg":"System maintenance"})",
        Kind::Maintenance, 455, QStringLiteral("System maintenance"));
    bad("body 500", 200, R"({"code":500,"msg":"Internal Error, Please try again later."})",
        Kind::Server, 500, QStringLiteral("Internal Error, Please try again later."));
    bad("body 501", 200, R"({"code":501,"msg":"Generation Failed"})", Kind::Server, 501,
        QStringLiteral("Generation Failed"));
    bad("body 429 with Retry-After", 200, R"({"code":429,"msg":"Rate Limited"})", Kind::RateLimited,
        429, QStringLiteral("Rate Limited"), "12", 12);
    bad("body code as string \"422\"", 200, R"({"code":"422","msg":"record is null."})",
        Kind::NotFoundYet, 422, QStringLiteral("record is null."));
    bad("body msg under \"message\"", 200, R"({"code":455,"message":"maintenance"})",
        Kind::Maintenance, 455, QStringLiteral("maintenance"));

    // --- HTTP errors ------------------------------------------------------------------------
    bad("HTTP 429, Retry-After seconds", 429, R"({"code":429,"msg":"Rate limit exceeded"})",
        Kind::RateLimited, 429, QStringLiteral("Rate limit exceeded"), "30", 30);
    bad("HTTP 429, empty body, no Retry-After", 429, "", Kind::RateLimited, 429, QString());
    bad("HTTP 429, Retry-After HTTP-date in the past", 429, "Too Many Requests", Kind::RateLimited,
        429, QString(), "Sun, 06 Nov 1994 08:49:37 GMT", 0);
    bad("HTTP 429, Retry-After fractional", 429, "", Kind::RateLimited, 429, QString(), "1.5", 2);
    bad("HTTP 429, Retry-After garbage", 429, "", Kind::RateLimited, 429, QString(), "soon", -1);
    bad("HTTP 429, Retry-After negative", 429, "", Kind::RateLimited, 429, QString(), "-5", -1);
    bad("HTTP 429, Retry-After huge is capped at a day", 429, "", Kind::RateLimited, 429, QString(),
        "99999999999", 86400);
    bad("HTTP 401 with envelope", 401, R"({"code":401,"msg":"Unauthorized"})", Kind::Unauthorized,
        401, QStringLiteral("Unauthorized"));
    bad("HTTP 401 without body", 401, "", Kind::Unauthorized, 401, QString());
    bad("HTTP 500 with envelope", 500, R"({"code":500,"msg":"request failed","data":null})",
        Kind::Server, 500, QStringLiteral("request failed"));
    bad("HTTP 500 with envelope code 408", 500,
        R"({"code":408,"msg":"Upstream is currently experiencing service issues."})", Kind::Server,
        408, QStringLiteral("Upstream is currently experiencing service issues."));
    bad("HTTP 500 with envelope code 455", 500, R"({"code":455,"msg":"maintenance"})",
        Kind::Maintenance, 455, QStringLiteral("maintenance"));
    bad("HTTP 500 with envelope code 200", 500, R"({"code":200,"msg":"success"})", Kind::Server,
        500, QStringLiteral("success"));
    bad("HTTP 502 HTML page", 502,
        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", Kind::Server,
        502, QStringLiteral("502 Bad Gateway"));
    bad("HTTP 503 without body, Retry-After", 503, "", Kind::Server, 503, QString(), "120", 120);
    bad("HTTP 404 HTML page", 404, "<!DOCTYPE html><html><title>Not Found</title></html>",
        Kind::Http, 404, QStringLiteral("Not Found"));
    bad("HTTP 404 with envelope", 404, R"({"code":404,"msg":"Task not found"})", Kind::NotFound,
        404, QStringLiteral("Task not found"));
    bad("HTTP 400 plain text", 400, "taskId parameter is required", Kind::Http, 400, QString());
    bad("HTTP 301 redirect", 301, "", Kind::Http, 301, QString());

    // --- unreadable answers -------------------------------------------------------------------
    bad("HTTP 200 HTML page", 200, "<html><body>Please enable cookies</body></html>",
        Kind::BadResponse, 200, QStringLiteral("HTML"));
    bad("HTTP 200 truncated JSON", 200, R"({"code":200,"msg":"success","data":{"taskId":"veo_ta)",
        Kind::BadResponse, 200, QStringLiteral("invalid JSON"));
    bad("HTTP 200 empty body", 200, "", Kind::BadResponse, 200, QStringLiteral("empty"));
    bad("HTTP 200 whitespace body", 200, " \r\n\t ", Kind::BadResponse, 200,
        QStringLiteral("empty"));
    bad("HTTP 200 binary garbage", 200, QByteArray("\x00\xff\xfe{\x01", 5), Kind::BadResponse, 200,
        QStringLiteral("invalid JSON"));
    bad("top-level array", 200, R"([{"code":200}])", Kind::BadResponse, 200,
        QStringLiteral("envelope"));
    bad("no code field", 200, R"({"msg":"success","data":{"successFlag":1}})", Kind::BadResponse,
        200, QStringLiteral("\"code\""));
    bad("code not a number", 200, R"({"code":"ok","msg":"success","data":{}})", Kind::BadResponse,
        200, QStringLiteral("\"code\""));
    bad("code fractional", 200, R"({"code":200.5,"msg":"success","data":{}})", Kind::BadResponse,
        200, QStringLiteral("\"code\""));
    bad("data null", 200, R"({"code":200,"msg":"success","data":null})", Kind::BadResponse, 200,
        QStringLiteral("no data"));
    bad("data missing", 200, R"({"code":200,"msg":"success"})", Kind::BadResponse, 200,
        QStringLiteral("no data"));
    bad("data a number", 200, R"({"code":200,"msg":"success","data":5})", Kind::BadResponse, 200,
        QStringLiteral("data"));
    bad("data a plain string", 200, R"({"code":200,"msg":"success","data":"done"})",
        Kind::BadResponse, 200, QStringLiteral("data"));
    bad("data an array of two records", 200,
        R"({"code":200,"data":[{"successFlag":1},{"successFlag":0}]})", Kind::BadResponse, 200,
        QStringLiteral("data"));
    bad("data an empty array", 200, R"({"code":200,"data":[]})", Kind::BadResponse, 200,
        QStringLiteral("data"));
    bad("successFlag missing", 200, ok(head + R"("response":null)"), Kind::BadResponse, 200,
        QStringLiteral("successFlag"));
    bad("successFlag null", 200, ok(head + R"("successFlag":null)"), Kind::BadResponse, 200,
        QStringLiteral("successFlag"));
    bad("successFlag a word", 200, ok(head + R"("successFlag":"done")"), Kind::BadResponse, 200,
        QStringLiteral("successFlag"));
    bad("successFlag fractional", 200, ok(head + R"("successFlag":1.5)"), Kind::BadResponse, 200,
        QStringLiteral("successFlag"));
    bad("successFlag boolean", 200, ok(head + R"("successFlag":true)"), Kind::BadResponse, 200,
        QStringLiteral("successFlag"));
    bad("successFlag beyond int", 200, ok(head + R"("successFlag":1e12)"), Kind::BadResponse, 200,
        QStringLiteral("successFlag"));
    bad("taskId an object", 200, ok(R"("taskId":{"id":"x"},"successFlag":1)"), Kind::BadResponse,
        200, QStringLiteral("taskId"));
    bad("taskId a boolean", 200, ok(R"("taskId":true,"successFlag":1)"), Kind::BadResponse, 200,
        QStringLiteral("taskId"));
    bad("resultUrls a number", 200, ok(head + R"("successFlag":1,"response":{"resultUrls":7})"),
        Kind::BadResponse, 200, QStringLiteral("resultUrls"));
    bad("originUrls a list of objects", 200,
        ok(head + R"("successFlag":1,"response":{"originUrls":[{"url":"https://a/1.mp4"}]})"),
        Kind::BadResponse, 200, QStringLiteral("originUrls"));
    bad("response a number", 200, ok(head + R"("successFlag":1,"response":3)"), Kind::BadResponse,
        200, QStringLiteral("response"));
    bad("response an array of two", 200, ok(head + R"("successFlag":1,"response":[{},{}])"),
        Kind::BadResponse, 200, QStringLiteral("response"));
}

void TestRecordInfoParser::recordInfo()
{
    QFETCH(int, http);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(Kind, kind);
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(int, retryAfterSeconds);
    QFETCH(TaskRecord, record);

    const RecordInfoResult result = parseRecordInfo(http, body, Id, retryAfter);

    QCOMPARE(result.error.kind, kind);
    if (kind == Kind::None) {
        QVERIFY(result.error == ApiError());
    } else {
        QCOMPARE(result.error.code, code);
        QCOMPARE(result.error.httpStatus, http);
        QCOMPARE(result.error.retryAfterSeconds, retryAfterSeconds);
        if (message.isEmpty()) {
            QCOMPARE(result.error.serverMessage, QString());
        } else {
            QVERIFY2(result.error.serverMessage.contains(message),
                     qPrintable(result.error.serverMessage));
        }
        if (kind == Kind::BadResponse) {
            QVERIFY(!result.error.serverMessage.isEmpty());
            QVERIFY2(result.error.serverMessage.size() <= 120,
                     qPrintable(result.error.serverMessage)); // "short reason"
        }
    }
    compareRecords(result.record, record);
}

void TestRecordInfoParser::timesAreUtc()
{
    // The store writes these with toString(Qt::ISODate); a local or offset spec would change
    // the stored text even though the instant is the same.
    const RecordInfoResult result = parseRecordInfo(
        200,
        ok(R"("successFlag":1,"createTime":"2024-03-20T18:30:00+08:00","completeTime":1749205800)"),
        Id);
    QCOMPARE(result.error.kind, Kind::None);
    QCOMPARE(result.record.createTime.timeSpec(), Qt::UTC);
    QCOMPARE(result.record.completeTime.timeSpec(), Qt::UTC);
    QCOMPARE(result.record.createTime.toString(Qt::ISODate),
             QStringLiteral("2024-03-20T10:30:00Z"));
}

void TestRecordInfoParser::retryAfterHttpDateInFuture_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("IMF-fixdate") << QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'");
    QTest::newRow("RFC 850") << QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'");
    QTest::newRow("asctime") << QStringLiteral("ddd MMM d HH:mm:ss yyyy");
}

void TestRecordInfoParser::retryAfterHttpDateInFuture()
{
    QFETCH(QString, format);
    const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(120);
    const QByteArray header = QLocale::c().toString(when, format).toLatin1();
    const Envelope envelope = parseEnvelope(429, {}, header);
    QCOMPARE(envelope.error.kind, Kind::RateLimited);
    QVERIFY2(envelope.error.retryAfterSeconds >= 110 && envelope.error.retryAfterSeconds <= 121,
             header.constData());
}

void TestRecordInfoParser::retryAfterOnlyOnErrors()
{
    const Envelope envelope = parseEnvelope(200, R"({"code":200,"msg":"success","data":1})", "30");
    QVERIFY(envelope.error == ApiError());
    QCOMPARE(envelope.error.retryAfterSeconds, -1);
}

void TestRecordInfoParser::envelope_data()
{
    QTest::addColumn<int>("http");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QJsonValue>("data");

    QTest::newRow("credits: data is a bare int")
        << 200 << QByteArray(R"({"code":200,"msg":"success","data":100})") << Kind::None
        << QJsonValue(100);
    QTest::newRow("download-url: data is a bare string")
        << 200
        << QByteArray(R"({"code":200,"msg":"success","data":"https://tempfile.example/a.mp4"})")
        << Kind::None << QJsonValue(QStringLiteral("https://tempfile.example/a.mp4"));
    QTest::newRow("data object")
        << 200 << QByteArray(R"({"code":200,"msg":"success","data":{"taskId":"t"}})") << Kind::None
        << QJsonValue(QJsonObject{{QStringLiteral("taskId"), QStringLiteral("t")}});
    QTest::newRow("data array") << 200 << QByteArray(R"({"code":200,"data":[1,2]})") << Kind::None
                                << QJsonValue(QJsonArray{1, 2});
    QTest::newRow("data missing is null") << 200 << QByteArray(R"({"code":200,"msg":"ok"})")
                                          << Kind::None << QJsonValue(QJsonValue::Null);
    QTest::newRow("data zero") << 200 << QByteArray(R"({"code":200,"data":0})") << Kind::None
                               << QJsonValue(0);
    QTest::newRow("no HTTP status, body decides")
        << 0 << QByteArray(R"({"code":200,"data":7})") << Kind::None << QJsonValue(7);
    QTest::newRow("HTTP 204 without body")
        << 204 << QByteArray() << Kind::BadResponse << QJsonValue();
    QTest::newRow("body 402") << 200 << QByteArray(R"({"code":402,"msg":"Insufficient Credits"})")
                              << Kind::InsufficientCredits << QJsonValue();
    QTest::newRow("body 505") << 200 << QByteArray(R"({"code":505,"msg":"Feature Disabled"})")
                              << Kind::Server << QJsonValue();
}

void TestRecordInfoParser::envelope()
{
    QFETCH(int, http);
    QFETCH(QByteArray, body);
    QFETCH(Kind, kind);
    QFETCH(QJsonValue, data);

    const Envelope envelope = parseEnvelope(http, body);
    QCOMPARE(envelope.error.kind, kind);
    if (kind == Kind::None) {
        QCOMPARE(envelope.data, data);
    }
}

void TestRecordInfoParser::parseKieTime_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QDateTime>("expected");

    const auto s = [](const char *text) { return QJsonValue(QString::fromUtf8(text)); };
    QTest::newRow("ms") << QJsonValue(1776398927151.0) << utc(2026, 4, 17, 4, 8, 47, 151);
    QTest::newRow("s") << QJsonValue(1749205800) << utc(2025, 6, 6, 10, 30, 0);
    QTest::newRow("fractional s") << QJsonValue(1749205800.5) << utc(2025, 6, 6, 10, 30, 0, 500);
    QTest::newRow("just above 1e11 is ms")
        << QJsonValue(100000000001.0) << utc(1973, 3, 3, 9, 46, 40, 1);
    QTest::newRow("1e11 itself is s")
        << QJsonValue(1e11) << QDateTime::fromMSecsSinceEpoch(qint64(1e14), Qt::UTC);
    QTest::newRow("zero") << QJsonValue(0) << QDateTime();
    QTest::newRow("negative") << QJsonValue(-5) << QDateTime();
    QTest::newRow("absurdly large") << QJsonValue(1e300) << QDateTime();
    QTest::newRow("KIE example string") << s("2025-06-06 10:30:00") << utc(2025, 6, 6, 10, 30, 0);
    QTest::newRow("slashes") << s("2025/06/06 10:30:00") << utc(2025, 6, 6, 10, 30, 0);
    QTest::newRow("padded") << s("  2025-06-06 10:30:00  ") << utc(2025, 6, 6, 10, 30, 0);
    QTest::newRow("with ms") << s("2025-06-06 10:30:00.125") << utc(2025, 6, 6, 10, 30, 0, 125);
    QTest::newRow("with UTC word") << s("2025-06-06 10:30:00 UTC") << utc(2025, 6, 6, 10, 30, 0);
    QTest::newRow("ISO Z") << s("2024-03-20T10:30:00Z") << utc(2024, 3, 20, 10, 30, 0);
    QTest::newRow("ISO ms Z") << s("2024-03-20T10:30:00.999Z") << utc(2024, 3, 20, 10, 30, 0, 999);
    QTest::newRow("ISO +08:00") << s("2024-03-20T18:30:00+08:00") << utc(2024, 3, 20, 10, 30, 0);
    QTest::newRow("ISO -05:00") << s("2024-03-20T05:30:00-05:00") << utc(2024, 3, 20, 10, 30, 0);
    QTest::newRow("space and offset")
        << s("2024-03-20 18:30:00 +08:00") << utc(2024, 3, 20, 10, 30, 0);
    QTest::newRow("ISO no zone") << s("2024-03-20T10:30:00") << utc(2024, 3, 20, 10, 30, 0);
    QTest::newRow("date only") << s("2024-03-20") << utc(2024, 3, 20, 0, 0, 0);
    QTest::newRow("numeric string s") << s("1749205800") << utc(2025, 6, 6, 10, 30, 0);
    QTest::newRow("numeric string ms") << s("1776398927151") << utc(2026, 4, 17, 4, 8, 47, 151);
    QTest::newRow("empty") << s("") << QDateTime();
    QTest::newRow("garbage") << s("soon") << QDateTime();
    QTest::newRow("date garbage") << s("2024-03-20 later") << QDateTime();
    QTest::newRow("Feb 30") << s("2025-02-30 10:00:00") << QDateTime();
    QTest::newRow("hour 25") << s("2025-06-06 25:00:00") << QDateTime();
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QDateTime();
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << QDateTime();
    QTest::newRow("bool") << QJsonValue(true) << QDateTime();
    QTest::newRow("array") << QJsonValue(QJsonArray{1749205800}) << QDateTime();
    QTest::newRow("object") << QJsonValue(QJsonObject()) << QDateTime();
}

void TestRecordInfoParser::parseKieTime()
{
    QFETCH(QJsonValue, value);
    QFETCH(QDateTime, expected);

    const QDateTime actual = veo::parseKieTime(value);
    QCOMPARE(actual.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(actual, expected);
        QCOMPARE(actual.timeSpec(), Qt::UTC);
    }
}

void TestRecordInfoParser::parseUrlList_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QStringList>("expected");

    const QString a = QStringLiteral("https://a.example/1.mp4");
    const QString b = QStringLiteral("https://a.example/2.mp4");
    const auto s = [](const char *text) { return QJsonValue(QString::fromUtf8(text)); };
    QTest::newRow("array") << QJsonValue(QJsonArray{a, b}) << QStringList{a, b};
    QTest::newRow("array with blanks and nulls")
        << QJsonValue(QJsonArray{QJsonValue(), QString(), QString(QLatin1Char(' ') + a)})
        << QStringList{a};
    QTest::newRow("empty array") << QJsonValue(QJsonArray()) << QStringList();
    QTest::newRow("JSON-encoded array")
        << s(R"(["https://a.example/1.mp4","https://a.example/2.mp4"])") << QStringList{a, b};
    QTest::newRow("JSON-encoded empty array") << s("[]") << QStringList();
    QTest::newRow("JSON-encoded string") << s(R"("https://a.example/1.mp4")") << QStringList{a};
    QTest::newRow("doubly encoded array")
        << s(R"("[\"https://a.example/1.mp4\"]")") << QStringList{a};
    QTest::newRow("plain URL") << s("https://a.example/1.mp4") << QStringList{a};
    QTest::newRow("unquoted brackets") << s("[https://a.example/1.mp4]") << QStringList{a};
    QTest::newRow("single-quoted list")
        << s("['https://a.example/1.mp4', 'https://a.example/2.mp4']") << QStringList{a, b};
    QTest::newRow("empty string") << s("") << QStringList();
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QStringList();
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << QStringList();
    QTest::newRow("number") << QJsonValue(7) << QStringList();
    QTest::newRow("object") << QJsonValue(QJsonObject{{QStringLiteral("url"), a}}) << QStringList();
    QTest::newRow("array with a number")
        << QJsonValue(QJsonArray{QJsonValue(a), QJsonValue(7)}) << QStringList();
}

void TestRecordInfoParser::parseUrlList()
{
    QFETCH(QJsonValue, value);
    QFETCH(QStringList, expected);
    QCOMPARE(veo::parseUrlList(value), expected);
}

void TestRecordInfoParser::truncatedAtEveryByte()
{
    const QByteArray full = ok(
        R"json("taskId":"veo_task_abcdef123456","paramJson":"{\"prompt\":\"p\"}","successFlag":1,
        "response":{"resultUrls":["https://a.example/1.mp4"]},"createTime":"2025-06-06 10:25:00")json");
    QCOMPARE(parseRecordInfo(200, full, Id).error.kind, Kind::None);
    for (qsizetype n = 0; n < full.size(); ++n) {
        const RecordInfoResult result = parseRecordInfo(200, full.left(n), Id);
        // Every proper prefix of one JSON object is incomplete, so none may pass as a record.
        QVERIFY2(result.error.kind == Kind::BadResponse, full.left(n).constData());
        QCOMPARE(result.record.taskId, Id);
        QCOMPARE(result.record.status, TaskStatus::Pending);
    }
}

void TestRecordInfoParser::randomMutations()
{
    // Deterministic fuzzing: whatever the bytes, an answer or a classified error comes back.
    const QByteArray full = ok(
        R"json("taskId":"veo_task_abcdef123456","successFlag":"1","errorCode":"400",
        "response":{"resultUrls":"[\"https://a.example/1.mp4\"]","originUrls":null},
        "createTime":1749205800,"completeTime":"2024-03-20T10:30:00+08:00","fallbackFlag":0)json");
    QRandomGenerator random(20241120);
    int records = 0;
    for (int i = 0; i < 4000; ++i) {
        QByteArray body = full;
        const int edits = 1 + random.bounded(4);
        for (int e = 0; e < edits; ++e) {
            const auto at = static_cast<qsizetype>(random.bounded(int(body.size())));
            body[at] = static_cast<char>(random.bounded(256));
        }
        const RecordInfoResult result = parseRecordInfo(200, body, Id);
        if (result.error.kind == Kind::None) {
            ++records;
            QVERIFY(!result.record.taskId.isEmpty());
            QVERIFY(result.record.status != TaskStatus::Pending); // a real successFlag was read
        } else {
            QVERIFY(!result.error.text().isEmpty());
        }
    }
    QVERIFY(records > 0); // some mutations land in strings and still parse
}

void TestRecordInfoParser::deepNesting()
{
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    QCOMPARE(parseRecordInfo(200, deep, Id).error.kind, Kind::BadResponse);
    const QByteArray deepData =
        R"({"code":200,"data":)" + QByteArray(5000, '[') + QByteArray(5000, ']') + "}";
    QCOMPARE(parseRecordInfo(200, deepData, Id).error.kind, Kind::BadResponse);
    const QByteArray deepUrls = ok(R"("successFlag":1,"response":{"resultUrls":")" +
                                   QByteArray(3000, '[') + QByteArray(3000, ']') + "\"}");
    QCOMPARE(parseRecordInfo(200, deepUrls, Id).error.kind, Kind::None);
}

QTEST_GUILESS_MAIN(TestRecordInfoParser)
#include "tst_recordinfoparser.moc"
