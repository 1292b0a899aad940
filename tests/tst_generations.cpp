// New generations sent from here (Generations in the Engine), against real parts: the fake KIE
// server over loopback, the SQLite store in a temporary folder (restarts reopen it) and a
// manual clock. The money rule is checked on the server's own request log: a generation goes
// out once, whatever happens to its answer, unless the user explicitly sends it again.
#include "clockedengine.h"
#include "fakekieserver.h"
#include "generations.h"
#include "keyring.h"
#include "manualclock.h"
#include "refreshscheduler.h"
#include "requestscheduler.h"
#include "taskrepository.h"
#include "veogenerate.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace veo;

Q_DECLARE_METATYPE(veo::GenerateOptions)

namespace {
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
const QString Token = QStringLiteral("sk-generations-0001");
const QByteArray PathGenerate = QByteArrayLiteral("/api/v1/veo/generate");

FakeKieServer::Response dropped()
{
    FakeKieServer::Response r;
    r.fault = FakeKieServer::Response::Fault::DropConnection;
    return r;
}

GenerateOptions everyField()
{
    GenerateOptions o;
    o.prompt = QStringLiteral("A \"paper\" boat 在雨中\nsails on");
    o.model = QStringLiteral("veo3");
    o.aspectRatio = QStringLiteral("9:16");
    o.resolution = QStringLiteral("1080p");
    o.seeds = 12345;
    o.watermark = QStringLiteral("Studio A");
    o.enableTranslation = false;
    o.generationType = QStringLiteral("FIRST_AND_LAST_FRAMES_2_VIDEO");
    o.imageUrls = {QStringLiteral("https://img.invalid/first.png"),
                   QStringLiteral("https://img.invalid/last.png")};
    return o;
}
} // namespace

class tst_Generations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyFieldReachesTheBodyAndTheTaskIsTracked();
    void aLostAnswerIsNeverSentAgainEvenAcrossARestart();
    void aRefusalSaysWhyAndCanBeSentAgain();
    void aRequestCutOffByQuittingIsNotSentAtTheNextStart();
    void badOptionsSendNothing_data();
    void badOptionsSendNothing();
    void optionsAreReadBackFromKiesParamJson();
    void aBatchGoesTwentyPerTenSecondsAndA429LosesNothing();
    void theQueueSurvivesARestartAndCanBePausedAndCancelled();
    void offlineItWaitsAndGoesOnceBackOnline();
    void stopSendingLeavesTheRestQueuedForTheNextStart();

private:
    bool start() { return m_t.start(); }
    void stop() { m_t.stop(); }
    int count() const { return m_t.count(PathGenerate); }
    const TaskRecord *task(const QString &id) const { return m_t.app->task(id); }
    Generations *generations() const { return m_t.app->engine->generations(); }
    // The generate requests the server received: (manual clock time, prompt), in order.
    QList<QPair<qint64, QString>> generateRequests() const;
    static QList<GenerateOptions> batch(int n, const QString &name);

    test::ClockedEngine m_t;
};

void tst_Generations::init()
{
    QVERIFY(m_t.setUp(Token));
    FakeKieServer::Record generating;
    generating.taskId = QStringLiteral("@TASK_ID@");
    generating.prompt = QStringLiteral("@PROMPT@");
    FakeKieServer::Record done = generating;
    done.successFlag = 1;
    done.resultUrls = {QStringLiteral("https://media.invalid/generated.mp4")};
    m_t.server->setGenerateScript({FakeKieServer::ok(generating), FakeKieServer::ok(done)});
    QVERIFY(start());
}

void tst_Generations::cleanup()
{
    m_t.tearDown();
}

void tst_Generations::everyFieldReachesTheBodyAndTheTaskIsTracked()
{
    const GenerateOptions options = everyField();
    QSignalSpy settled(generations(), &Generations::generationSettled);
    const Generations::Outcome sent =
        generations()->generate(options, {}, QStringLiteral("veo_source_task_1"));
    QVERIFY2(sent.error.isEmpty(), qPrintable(sent.error));
    QVERIFY(task(sent.taskId)); // stored before it went out
    QCOMPARE(task(sent.taskId)->submission, TaskSubmission::Sending);
    QVERIFY(m_t.run->runUntil([&] { return settled.size() == 1; }, Second));
    QCOMPARE(count(), 1);

    const QString id = settled.first().at(1).toString();
    QCOMPARE(m_t.server->generatedTaskIds(), QStringList{id});
    QVERIFY(!task(sent.taskId)); // KIE's ID took its place
    for (const FakeKieServer::Request &r : m_t.server->requests()) {
        if (r.path != PathGenerate) {
            continue;
        }
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.headers.value("authorization"), "Bearer " + Token.toUtf8());
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QLatin1String("prompt")).toString(), options.prompt);
        QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("veo3"));
        QCOMPARE(body.value(QLatin1String("aspect_ratio")).toString(), QStringLiteral("9:16"));
        QVERIFY(!body.contains(QLatin1String("aspectRatio")));
        QCOMPARE(body.value(QLatin1String("resolution")).toString(), QStringLiteral("1080p"));
        QCOMPARE(body.value(QLatin1String("seeds")).toInt(), 12345);
        QCOMPARE(body.value(QLatin1String("watermark")).toString(), QStringLiteral("Studio A"));
        QCOMPARE(body.value(QLatin1String("enableTranslation")).toBool(true), false);
        QCOMPARE(body.value(QLatin1String("generationType")).toString(),
                 QStringLiteral("FIRST_AND_LAST_FRAMES_2_VIDEO"));
        QCOMPARE(body.value(QLatin1String("imageUrls")).toArray().toVariantList(),
                 QVariant(options.imageUrls).toList());
        QVERIFY(!body.contains(QLatin1String("callBackUrl")));
    }
    QVERIFY(
        m_t.run->runUntil([&] { return m_t.app->status(id) == TaskStatus::Succeeded; }, Second));
    QCOMPARE(task(id)->prompt, options.prompt);
    QCOMPARE(task(id)->sourceTaskId, QStringLiteral("veo_source_task_1"));

    stop();
    QVERIFY(start());
    QCOMPARE(task(id)->status, TaskStatus::Succeeded);
    QCOMPARE(task(id)->sourceTaskId, QStringLiteral("veo_source_task_1"));
    // Re-run reads the task's paramJson (KIE's echo by now) from the store: the list holds
    // none.
    QVERIFY(task(id)->paramJson.isNull());
    const std::optional<GenerateOptions> echoed =
        generateOptionsFromParamJson(m_t.app->engine->tasks()->paramJson(id));
    QVERIFY(echoed);
    QCOMPARE(echoed->prompt, options.prompt);
    QCOMPARE(generations()->optionsOf(id), echoed);
    QCOMPARE(count(), 1);
}

void tst_Generations::aLostAnswerIsNeverSentAgainEvenAcrossARestart()
{
    m_t.server->setRouteScript(PathGenerate, {dropped()});
    QSignalSpy settled(generations(), &Generations::generationSettled);
    GenerateOptions options;
    options.prompt = QStringLiteral("A lighthouse in a storm");
    const QString placeholderId = generations()->generate(options, {}).taskId;
    QVERIFY(!placeholderId.isEmpty());
    QVERIFY(m_t.run->runUntil([&] { return settled.size() == 1; }, Second));
    QVERIFY(settled.first().at(1).toString().isEmpty());
    QVERIFY(settled.first().at(2).toString().contains(QLatin1String("lost")));
    QCOMPARE(task(placeholderId)->submission, TaskSubmission::AnswerLost);
    m_t.run->runFor(10 * Minute, 5 * Second);
    QCOMPARE(count(), 1);

    stop();
    QVERIFY(start());
    QCOMPARE(task(placeholderId)->submission, TaskSubmission::AnswerLost);
    m_t.run->runFor(2 * Minute, 5 * Second);
    QCOMPARE(count(), 1);

    // Sending it again is the user's explicit choice (the window warns first).
    m_t.server->setRouteScript(PathGenerate, {});
    QSignalSpy again(generations(), &Generations::generationSettled);
    QVERIFY(generations()->sendAgain(placeholderId).error.isEmpty());
    QVERIFY(m_t.run->runUntil([&] { return again.size() == 1; }, Second));
    QCOMPARE(count(), 2);
    QCOMPARE(m_t.server->generatedTaskIds().size(), 1);
    QVERIFY(task(m_t.server->generatedTaskIds().constFirst()));
}

void tst_Generations::aRefusalSaysWhyAndCanBeSentAgain()
{
    m_t.server->setRouteScript(
        PathGenerate, {FakeKieServer::kieError(402, QStringLiteral("Insufficient Credits"))});
    QSignalSpy settled(generations(), &Generations::generationSettled);
    GenerateOptions options;
    options.prompt = QStringLiteral("A cat on a piano");
    const QString placeholderId = generations()->generate(options, {}).taskId;
    QVERIFY(m_t.run->runUntil([&] { return settled.size() == 1; }, Second));
    const QString error = settled.first().at(2).toString();
    QVERIFY2(error.contains(QLatin1String("refused")) && error.contains(QLatin1String("402")),
             qPrintable(error));
    QCOMPARE(task(placeholderId)->submission, TaskSubmission::Refused);
    QCOMPARE(task(placeholderId)->status, TaskStatus::Failed);

    m_t.server->setRouteScript(PathGenerate, {});
    QVERIFY(generations()->sendAgain(placeholderId).error.isEmpty());
    QVERIFY(m_t.run->runUntil([&] { return settled.size() == 2; }, Second));
    QCOMPARE(count(), 2);
    QVERIFY(!task(placeholderId));
}

void tst_Generations::aRequestCutOffByQuittingIsNotSentAtTheNextStart()
{
    FakeKieServer::Response stalled;
    stalled.fault = FakeKieServer::Response::Fault::NeverAnswer;
    m_t.server->setRouteScript(PathGenerate, {stalled});
    GenerateOptions options;
    options.prompt = QStringLiteral("A kite over the dunes");
    const QString placeholderId = generations()->generate(options, {}).taskId;
    QTRY_COMPARE_WITH_TIMEOUT(count(), 1, 15000); // sent; its answer never comes
    stop(); // quit (or killed) while the answer is outstanding
    m_t.server->setRouteScript(PathGenerate, {});
    QVERIFY(start());
    QCOMPARE(task(placeholderId)->submission, TaskSubmission::AnswerLost);
    m_t.run->runFor(5 * Minute, 5 * Second);
    QCOMPARE(count(), 1);
}

void tst_Generations::badOptionsSendNothing_data()
{
    QTest::addColumn<GenerateOptions>("options");
    QTest::addColumn<QString>("why");
    GenerateOptions empty;
    QTest::newRow("no prompt") << empty << QStringLiteral("prompt");
    GenerateOptions seeds;
    seeds.prompt = QStringLiteral("x");
    seeds.seeds = 123;
    QTest::newRow("seeds out of range") << seeds << QStringLiteral("10000");
    GenerateOptions reference = seeds;
    reference.seeds.reset();
    reference.model = QStringLiteral("veo3");
    reference.generationType = QStringLiteral("REFERENCE_2_VIDEO");
    reference.imageUrls = {QStringLiteral("https://img.invalid/a.png")};
    QTest::newRow("reference images need Fast") << reference << QStringLiteral("Fast");
    GenerateOptions file = seeds;
    file.seeds.reset();
    file.imageUrls = {QStringLiteral("/home/me/a.png")};
    QTest::newRow("a local path is no URL") << file << QStringLiteral("http");
    GenerateOptions ratio = file;
    ratio.imageUrls.clear();
    ratio.aspectRatio = QStringLiteral("4:3");
    QTest::newRow("unknown ratio") << ratio << QStringLiteral("4:3");
}

void tst_Generations::badOptionsSendNothing()
{
    QFETCH(GenerateOptions, options);
    QFETCH(QString, why);
    const Generations::Outcome outcome = generations()->generate(options, {});
    QVERIFY2(outcome.error.contains(why), qPrintable(outcome.error));
    QVERIFY(outcome.taskId.isEmpty());
    m_t.run->runFor(Minute, 5 * Second);
    QCOMPARE(count(), 0);
    QCOMPARE(m_t.app->engine->tasks()->count(), 0);
}

void tst_Generations::optionsAreReadBackFromKiesParamJson()
{
    // record-info echoes the request in its own spelling: camelCase aspectRatio, waterMark,
    // seeds as a string.
    const QString kie = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("prompt"), QStringLiteral("A fox")},
                                  {QStringLiteral("model"), QStringLiteral("veo3_fast")},
                                  {QStringLiteral("aspectRatio"), QStringLiteral("9:16")},
                                  {QStringLiteral("waterMark"), QStringLiteral("W")},
                                  {QStringLiteral("seeds"), QStringLiteral("23456")},
                                  {QStringLiteral("enableTranslation"), false},
                                  {QStringLiteral("imageUrls"),
                                   QJsonArray{QStringLiteral("https://i.invalid/1.png")}}})
            .toJson(QJsonDocument::Compact));
    const std::optional<GenerateOptions> read = generateOptionsFromParamJson(kie);
    QVERIFY(read);
    QCOMPARE(read->prompt, QStringLiteral("A fox"));
    QCOMPARE(read->aspectRatio, QStringLiteral("9:16"));
    QCOMPARE(read->watermark, QStringLiteral("W"));
    QCOMPARE(read->seeds, std::optional<int>(23456));
    QCOMPARE(read->enableTranslation, false);
    QCOMPARE(read->imageUrls, QStringList{QStringLiteral("https://i.invalid/1.png")});
    // Ours round-trips exactly.
    QCOMPARE(generateOptionsFromParamJson(generateParamJson(everyField())), everyField());
    QVERIFY(!generateOptionsFromParamJson(QStringLiteral("{}")));
    QVERIFY(!generateOptionsFromParamJson(QStringLiteral("not json")));
}

QList<QPair<qint64, QString>> tst_Generations::generateRequests() const
{
    QList<QPair<qint64, QString>> sent;
    for (const test::ClockRunner::Sent &s : m_t.run->sent()) {
        if (s.request.path == PathGenerate) {
            sent.append({s.atMs, QJsonDocument::fromJson(s.request.body)
                                     .object()
                                     .value(QLatin1String("prompt"))
                                     .toString()});
        }
    }
    return sent;
}

QList<GenerateOptions> tst_Generations::batch(int n, const QString &name)
{
    QList<GenerateOptions> list;
    for (int i = 1; i <= n; ++i) {
        GenerateOptions o;
        o.prompt = QStringLiteral("%1 %2").arg(name).arg(i);
        o.model = QStringLiteral("veo3_fast");
        list.append(o);
    }
    return list;
}

void tst_Generations::aBatchGoesTwentyPerTenSecondsAndA429LosesNothing()
{
    // KIE takes 20 new generations per 10 s per account and does not queue the rest. The
    // 21st request meets a 429 (Retry-After: 3) anyway, as when another client of the same
    // account sent some: it goes back to its place and nothing is dropped.
    FakeKieServer::Response limited =
        FakeKieServer::kieError(429, QStringLiteral("Rate limit exceeded"), 429);
    limited.headers = {{"Retry-After", "3"}};
    QList<FakeKieServer::Response> script(20, FakeKieServer::builtInAnswer());
    script << limited << FakeKieServer::builtInAnswer();
    m_t.server->setRouteScript(PathGenerate, script);

    const Generations::BatchOutcome queued =
        generations()->generateMany(batch(45, QStringLiteral("Batch")), {});
    QVERIFY2(queued.error.isEmpty(), qPrintable(queued.error));
    QCOMPARE(queued.taskIds.size(), 45);
    QVERIFY(m_t.run->runUntil([&] { return m_t.server->generatedTaskIds().size() == 45; }, 100));
    m_t.run->runFor(Minute, Second);

    const QList<QPair<qint64, QString>> sent = generateRequests();
    QCOMPARE(sent.size(), 46); // 45 and the one refused with 429, once more
    QStringList prompts;
    for (const auto &s : sent) {
        prompts.append(s.second);
    }
    // Each accepted once, and the one that met the 429 (whichever arrived 21st: up to four go
    // in parallel) once more; the first 20 are the first 20 listed.
    QStringList twice;
    for (const QString &p : std::as_const(prompts)) {
        if (prompts.count(p) > 1 && !twice.contains(p)) {
            twice.append(p);
        }
    }
    QCOMPARE(twice.size(), 1);
    const qsizetype again = prompts.lastIndexOf(twice.constFirst());
    QVERIFY(sent.at(again).first - sent.at(20).first >= 3 * Second); // Retry-After held it
    prompts.removeAt(again);
    const auto names = [](int from, int to) {
        QSet<QString> set;
        for (int i = from; i <= to; ++i) {
            set.insert(QStringLiteral("Batch %1").arg(i));
        }
        return set;
    };
    QCOMPARE(QSet<QString>(prompts.cbegin(), prompts.cbegin() + 20), names(1, 20));
    QCOMPARE(QSet<QString>(prompts.cbegin(), prompts.cend()), names(1, 45));
    for (qsizetype i = 20; i < sent.size(); ++i) {
        QVERIFY2(sent.at(i).first - sent.at(i - 20).first >= 10 * Second,
                 qPrintable(QStringLiteral("requests %1 and %2 within %3 ms")
                                .arg(i - 20)
                                .arg(i)
                                .arg(sent.at(i).first - sent.at(i - 20).first)));
    }
    for (const QString &id : queued.taskIds) {
        QVERIFY(!task(id)); // every placeholder became a KIE task
    }
    for (const QString &id : m_t.server->generatedTaskIds()) {
        QVERIFY(task(id));
    }
}

void tst_Generations::stopSendingLeavesTheRestQueuedForTheNextStart()
{
    // A script stopped by Ctrl+C: the 20 that went are answered, the other 5 stay queued,
    // and the next start sends them.
    const Generations::BatchOutcome queued =
        generations()->generateMany(batch(25, QStringLiteral("Stopped")), {});
    QCOMPARE(queued.taskIds.size(), 25);
    QVERIFY(m_t.run->runUntil([&] { return m_t.server->generatedTaskIds().size() == 20; }, 100));
    generations()->stopSending();
    m_t.run->runFor(Minute, Second);
    QCOMPARE(count(), 20);
    int waiting = 0;
    for (const QString &id : queued.taskIds) {
        const TaskRecord *t = task(id);
        waiting += int(t && t->submission == TaskSubmission::Queued);
    }
    QCOMPARE(waiting, 5);

    stop();
    QVERIFY(start());
    QVERIFY(m_t.run->runUntil([&] { return m_t.server->generatedTaskIds().size() == 25; }, 100));
    QCOMPARE(count(), 25);
}

void tst_Generations::theQueueSurvivesARestartAndCanBePausedAndCancelled()
{
    const Generations::BatchOutcome queued =
        generations()->generateMany(batch(25, QStringLiteral("Kept")), {});
    QCOMPARE(queued.taskIds.size(), 25);
    QVERIFY(m_t.run->runUntil([&] { return m_t.server->generatedTaskIds().size() == 20; }, 100));
    const QStringList waiting = queued.taskIds.mid(20); // 21 to 25: their turn comes in 10 s
    for (const QString &id : waiting) {
        QCOMPARE(task(id)->submission, TaskSubmission::Queued);
    }
    QCOMPARE(generations()->pause(waiting.mid(0, 2)), waiting.mid(0, 2));
    QCOMPARE(generations()->cancel({waiting.at(2)}), QStringList{waiting.at(2)});
    QVERIFY(generations()->cancel({queued.taskIds.constFirst()}).isEmpty()); // sent: stays
    QCOMPARE(task(waiting.at(0))->submission, TaskSubmission::Paused);
    QVERIFY(!task(waiting.at(2)));

    stop(); // quit before their turn
    QVERIFY(start());
    QCOMPARE(task(waiting.at(0))->submission, TaskSubmission::Paused);
    QCOMPARE(task(waiting.at(1))->submission, TaskSubmission::Paused);
    QVERIFY(!task(waiting.at(2)));
    QVERIFY(m_t.run->runUntil([&] { return m_t.server->generatedTaskIds().size() == 22; }, 100));
    m_t.run->runFor(Minute, Second);
    QCOMPARE(m_t.server->generatedTaskIds().size(), 22); // the paused ones wait
    QCOMPARE(generations()->resume(waiting.mid(0, 2)), waiting.mid(0, 2));
    QVERIFY(m_t.run->runUntil([&] { return m_t.server->generatedTaskIds().size() == 24; }, 100));
    m_t.run->runFor(Minute, Second);

    QStringList prompts;
    for (const auto &s : generateRequests()) {
        prompts.append(s.second);
    }
    QCOMPARE(prompts.size(), 24);
    QVERIFY(!prompts.contains(QStringLiteral("Kept 23"))); // cancelled before it was sent
    QCOMPARE(QSet<QString>(prompts.cbegin(), prompts.cend()).size(), 24);
    // After the restart the two still queued (in parallel: either may arrive first).
    const QStringList restarted = prompts.mid(20, 2);
    QCOMPARE(QSet<QString>(restarted.cbegin(), restarted.cend()),
             (QSet<QString>{QStringLiteral("Kept 24"), QStringLiteral("Kept 25")}));
}

void tst_Generations::offlineItWaitsAndGoesOnceBackOnline()
{
    RequestScheduler *requests = m_t.app->engine->scheduler()->requests();
    requests->setOnline(false);
    GenerateOptions options;
    options.prompt = QStringLiteral("A train in the snow");
    const Generations::Outcome outcome = generations()->generate(options, {});
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QCOMPARE(task(outcome.taskId)->submission, TaskSubmission::Queued);      // stored, not sent
    QCOMPARE(task(outcome.taskId)->lastError.kind, ApiError::Kind::Offline); // and says why
    m_t.run->runFor(Minute, 5 * Second);
    QCOMPARE(count(), 0);

    requests->setOnline(true);
    QVERIFY(m_t.run->runUntil([&] { return m_t.server->generatedTaskIds().size() == 1; }, 100));
    m_t.run->runFor(Minute, 5 * Second);
    QCOMPARE(count(), 1);
    QVERIFY(!task(outcome.taskId));
}

QTEST_GUILESS_MAIN(tst_Generations)
#include "tst_generations.moc"
