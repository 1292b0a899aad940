#include "demoscenario.h"

#include "fakekieserver.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace veo {
namespace {

using Response = FakeKieServer::Response;
using Record = FakeKieServer::Record;

constexpr qint64 Second = 1000;

// Stable, realistic-looking 32-hex task IDs (KIE's look like an MD5).
QString demoTaskId(const char *name)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray("veo-tracker-demo:").append(name),
                                 QCryptographicHash::Md5)
            .toHex());
}

Response at(qint64 afterMs, Response response)
{
    response.afterMs = afterMs;
    return response;
}

class Builder
{
public:
    Builder(FakeKieServer &server, FakeKieServer &media)
        : m_server(server), m_media(media), m_base(media.baseUrl()),
          m_now(QDateTime::currentMSecsSinceEpoch())
    {
    }

    Record record(const char *name, const QString &prompt, const QString &model,
                  const QString &aspect, qint64 createdAgoMs = 5 * Second) const
    {
        Record r;
        r.taskId = demoTaskId(name);
        r.prompt = prompt;
        r.model = model;
        r.aspectRatio = aspect;
        r.createTimeMs = m_now - createdAgoMs;
        return r;
    }

    QString mediaUrl(const QString &taskId, const QString &suffix = {}) const
    {
        QUrl url = m_base;
        url.setPath(QStringLiteral("/media/") + taskId + suffix + QStringLiteral(".mp4"));
        m_mediaPaths << url.path();
        return url.toString();
    }

    // Every video the demo names plays this clip (when the app ships one).
    void serveMedia(const QByteArray &clip) const
    {
        if (clip.isEmpty()) {
            return;
        }
        for (const QString &path : std::as_const(m_mediaPaths)) {
            m_media.addFile(path, clip, "video/mp4");
            if (&m_media != &m_server) {
                m_server.addFile(path, clip, "video/mp4"); // download-url's fresh links
            }
        }
    }

    Record succeeded(Record r, qint64 afterMs,
                     const QString &resolution = QStringLiteral("720p")) const
    {
        r.successFlag = 1;
        r.resolution = resolution;
        r.resultUrls = {mediaUrl(r.taskId)};
        if (r.aspectRatio != QLatin1String("16:9")) {
            r.originUrls = {mediaUrl(r.taskId, QStringLiteral("_origin"))};
        }
        r.completeTimeMs = m_now + afterMs;
        offerUpgrades(r);
        return r;
    }

    // Its 1080P version is ready 15 s after it is first asked for; its 4K version is accepted,
    // processing, and ready after 40 s.
    void offerUpgrades(const Record &r) const
    {
        using Upgrade = FakeKieServer::Upgrade;
        for (int i = 0; i < r.resultUrls.size(); ++i) {
            const QString suffix = QStringLiteral("_%1").arg(i);
            m_server.setUpgradeScript(
                Upgrade::Hd1080p, r.taskId, i,
                {FakeKieServer::kieError(422, QStringLiteral("1080P is processing. It should be "
                                                             "ready in 1-2 minutes.")),
                 at(15 * Second, FakeKieServer::upgrade1080pReady(
                                     mediaUrl(r.taskId, QStringLiteral("_1080p") + suffix)))});
            m_server.setUpgradeScript(
                Upgrade::Uhd4k, r.taskId, i,
                {FakeKieServer::upgrade4kAnswer(200, QStringLiteral("success"), r.taskId),
                 at(1, FakeKieServer::upgrade4kAnswer(
                           422,
                           QStringLiteral("4k is processing. It should be ready in 5-10 "
                                          "minutes. Please check back shortly."),
                           r.taskId)),
                 at(40 * Second,
                    FakeKieServer::upgrade4kAnswer(
                        422, QStringLiteral("The video has been generated successfully"), r.taskId,
                        {mediaUrl(r.taskId, QStringLiteral("_4k") + suffix)}))});
        }
    }

    // Every extension and every new generation generates for 30 s, then shows one clip.
    void offerNewTasks() const
    {
        Record generating;
        generating.taskId = QStringLiteral("@TASK_ID@");
        generating.prompt = QStringLiteral("@PROMPT@");
        generating.createTimeMs = Record::AtCreation;
        Record done = generating;
        done.successFlag = 1;
        done.resultUrls = {mediaUrl(QStringLiteral("extended"))};
        done.completeTimeMs = Record::AtCreation; // with the step's 30 s
        const QList<Response> story{FakeKieServer::ok(generating),
                                    at(30 * Second, FakeKieServer::ok(done))};
        m_server.setExtendScript(story);
        m_server.setGenerateScript(story);
    }

    Record failed(Record r, int successFlag, const QVariant &errorCode, const QString &message,
                  qint64 afterMs) const
    {
        r.successFlag = successFlag;
        r.errorCode = errorCode;
        r.errorMessage = message;
        r.completeTimeMs = m_now + afterMs;
        return r;
    }

    QString install(const Record &generating, QList<Response> later)
    {
        later.prepend(FakeKieServer::ok(generating));
        m_server.setScript(generating.taskId, later);
        return generating.taskId;
    }

    QString installSteps(const QString &taskId, const QList<Response> &steps)
    {
        m_server.setScript(taskId, steps);
        return taskId;
    }

    qint64 now() const { return m_now; }

private:
    FakeKieServer &m_server;
    FakeKieServer &m_media;
    QUrl m_base;
    qint64 m_now;
    mutable QStringList m_mediaPaths; // every media URL handed out so far
};

} // namespace

QStringList installDemoScenario(FakeKieServer &server, const QByteArray &clip, FakeKieServer *media)
{
    const auto ok = &FakeKieServer::ok;
    Builder b(server, media ? *media : server);
    QStringList ids;
    const QString fast = QStringLiteral("veo3_fast");
    const QString quality = QStringLiteral("veo3");
    const QString wide = QStringLiteral("16:9");
    const QString tall = QStringLiteral("9:16");

    // Plain successes after 20 s, 45 s and 90 s.
    const Record fox = b.record("fox",
                                QStringLiteral("A red fox running through fresh snow at "
                                               "sunrise, tracking shot, shallow depth of field"),
                                fast, wide);
    ids << b.install(fox, {at(20 * Second, ok(b.succeeded(fox, 20 * Second)))});

    const Record cat = b.record(
        "cat", QStringLiteral("一只橘猫在雨夜的霓虹街头漫步，电影感镜头，慢动作"), quality, wide);
    ids << b.install(cat,
                     {at(45 * Second, ok(b.succeeded(cat, 45 * Second, QStringLiteral("1080p"))))});

    const Record fjord = b.record("fjord",
                                  QStringLiteral("Aerial drone shot over a Norwegian fjord "
                                                 "at golden hour, mist rising from the water"),
                                  quality, wide, 40 * Second);
    ids << b.install(fjord, {at(90 * Second, ok(b.succeeded(fjord, 90 * Second)))});

    // Vertical video: success with originUrls.
    const Record sakura = b.record("sakura",
                                   QStringLiteral("竖屏：樱花树下的女孩转身微笑，花瓣飘落，"
                                                  "柔和的春日阳光"),
                                   fast, tall);
    ids << b.install(sakura, {at(60 * Second, ok(b.succeeded(sakura, 60 * Second)))});

    // successFlag 2: content policy.
    const Record policy = b.record("policy",
                                   QStringLiteral("A street fight between two gangs, "
                                                  "graphic and bloody"),
                                   fast, wide);
    ids << b.install(policy,
                     {at(30 * Second, ok(b.failed(policy, 2, 400,
                                                  QStringLiteral("Your prompt was flagged by "
                                                                 "the content policy. Please "
                                                                 "modify your prompt."),
                                                  30 * Second)))});

    // successFlag 3: upstream generation failed.
    const Record upstream = b.record("upstream",
                                     QStringLiteral("赛博朋克城市上空的飞行汽车车流，"
                                                    "广角镜头，夜景"),
                                     quality, wide);
    ids << b.install(
        upstream, {at(50 * Second,
                      ok(b.failed(upstream, 3, 501, QStringLiteral("Video generation task failed"),
                                  50 * Second)))});

    // An undocumented successFlag: must show as a failure, not hang as "generating".
    const Record odd = b.record("odd",
                                QStringLiteral("Time-lapse of a cactus flower blooming "
                                               "in the desert"),
                                fast, tall);
    ids << b.install(odd,
                     {at(40 * Second, ok(b.failed(odd, 5, QVariant(), QString(), 40 * Second)))});

    // Not visible for a while ("record is null."), then generating, then success.
    const Record late = b.record("late",
                                 QStringLiteral("A paper boat sailing down a rain gutter, "
                                                "macro lens"),
                                 fast, wide, 0);
    ids << b.installSteps(late.taskId,
                          {FakeKieServer::kieError(422, QStringLiteral("record is null.")),
                           at(15 * Second, ok(late)),
                           at(70 * Second, ok(b.succeeded(late, 70 * Second)))});

    // Older than 14 days.
    ids << b.installSteps(
        demoTaskId("expired"),
        {FakeKieServer::kieError(422,
                                 QStringLiteral("Temporarily supports records within 14 days."))});

    // A transient server error (HTTP 500 with an envelope), then success.
    const Record flaky = b.record("flaky",
                                  QStringLiteral("Close-up of espresso pouring into a "
                                                 "glass cup, slow motion, warm light"),
                                  quality, wide);
    ids << b.install(
        flaky,
        {at(10 * Second, FakeKieServer::kieError(
                             500, QStringLiteral("Internal Error, Please try again later."), 500)),
         at(20 * Second, ok(flaky)), at(55 * Second, ok(b.succeeded(flaky, 55 * Second)))});

    // Maintenance (455) for half a minute, then generating, then success.
    const Record maintenance = b.record("maintenance",
                                        QStringLiteral("水墨画风格的山水，云雾缭绕，"
                                                       "一叶扁舟缓缓驶过"),
                                        quality, wide);
    ids << b.installSteps(
        maintenance.taskId,
        {FakeKieServer::kieError(455, QStringLiteral("Service is currently unavailable due to "
                                                     "system maintenance.")),
         at(30 * Second, ok(maintenance)),
         at(80 * Second, ok(b.succeeded(maintenance, 80 * Second, QStringLiteral("1080p"))))});

    // Finished two days ago: vertical, with originUrls and fullResultUrls.
    Record done = b.record("done",
                           QStringLiteral("Vertical shot of a skateboarder gliding down a "
                                          "coastal road at dusk"),
                           fast, tall, 2 * 24 * 3600 * Second);
    done = b.succeeded(done, 0);
    done.completeTimeMs = done.createTimeMs + 184 * Second;
    done.fullResultUrls = {b.mediaUrl(done.taskId, QStringLiteral("_full"))};
    ids << b.installSteps(done.taskId, {ok(done)});

    b.offerNewTasks();
    server.setCredits(QString(), 1280);
    // Example prices (not KIE's list), so that what is sent from the demo shows its cost.
    server.setPrice(QStringLiteral("veo3_fast"), 60);
    server.setPrice(QStringLiteral("veo3"), 250);
    server.setPrice(QStringLiteral("veo3_lite"), 30);
    server.setPrice(QStringLiteral("extend"), 60);
    server.setPrice(QStringLiteral("4k"), 120);
    b.serveMedia(clip);
    return ids;
}

} // namespace veo
