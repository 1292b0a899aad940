// Soak: the real veo-tracker (window offscreen) runs a simulated day against the fake KIE
// server: 1,000 tasks added in waves, a 5 s poll interval, answers that change over time,
// downloads, the key revoked and restored, a second key added, 429/500 storms and dropped
// connections. Samples the app's RSS and open file descriptors from /proc and reports start,
// end, slope and every warning the app logged. Not a ctest: it takes 20-30 minutes.
//
//   build/tests/soak_app                 # 25 minutes (a day at ~58x)
//   build/tests/soak_app --minutes 3     # a short run
//   options: --minutes M --tasks N --seed S --sample-seconds T
#include "appenv.h"
#include "fakekieserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <vector>

using namespace veo;
using Response = FakeKieServer::Response;

namespace {

const QString Token = QStringLiteral("sk-soak-main-key-0001");
const QString SecondToken = QStringLiteral("sk-soak-second-key-02");

struct Sample
{
    double minutes = 0;
    qint64 rssKiB = 0;
    int fds = 0;
    int threads = 0;
};

Sample sample(qint64 pid, double minutes)
{
    Sample s;
    s.minutes = minutes;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:")) {
                s.rssKiB = line.mid(6).trimmed().split(' ').value(0).toLongLong();
            } else if (line.startsWith("Threads:")) {
                s.threads = line.mid(8).trimmed().toInt();
            }
        }
    }
    s.fds = int(QDir(QStringLiteral("/proc/%1/fd").arg(pid))
                    .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)
                    .size());
    return s;
}

// Least-squares slope of RSS over time, KiB per minute.
double slope(const QList<Sample> &samples)
{
    if (samples.size() < 2) {
        return 0;
    }
    double mx = 0, my = 0;
    for (const Sample &s : samples) {
        mx += s.minutes;
        my += double(s.rssKiB);
    }
    mx /= double(samples.size());
    my /= double(samples.size());
    double num = 0, den = 0;
    for (const Sample &s : samples) {
        num += (s.minutes - mx) * (double(s.rssKiB) - my);
        den += (s.minutes - mx) * (s.minutes - mx);
    }
    return den > 0 ? num / den : 0;
}

void out(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption minutesOpt(QStringLiteral("minutes"), QStringLiteral("Wall time."),
                                        QStringLiteral("M"), QStringLiteral("25"));
    const QCommandLineOption tasksOpt(QStringLiteral("tasks"), QStringLiteral("Tasks."),
                                      QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("RNG seed."),
                                     QStringLiteral("S"));
    const QCommandLineOption sampleOpt(QStringLiteral("sample-seconds"),
                                       QStringLiteral("Sampling period."), QStringLiteral("T"),
                                       QStringLiteral("10"));
    parser.addOptions({minutesOpt, tasksOpt, seedOpt, sampleOpt});
    parser.process(app);
    const double minutes = std::max(0.5, parser.value(minutesOpt).toDouble());
    const int taskCount = std::max(20, parser.value(tasksOpt).toInt());
    const quint32 seed = parser.isSet(seedOpt) ? parser.value(seedOpt).toUInt()
                                               : QRandomGenerator::system()->generate();
    const int samplePeriodMs = std::max(1, parser.value(sampleOpt).toInt()) * 1000;
    const qint64 durationMs = qint64(minutes * 60000);
    const double dayFactor = 86400000.0 / double(durationMs);
    QRandomGenerator rng(seed);
    out(QStringLiteral("soak: %1 min wall = 1 simulated day (x%2), %3 tasks, seed %4")
            .arg(minutes)
            .arg(dayFactor, 0, 'f', 1)
            .arg(taskCount)
            .arg(seed));

    FakeKieServer api;
    FakeKieServer media;
    if (!api.listen() || !media.listen(QHostAddress(QStringLiteral("127.0.0.2")))) {
        out(QStringLiteral("soak: cannot listen on loopback"));
        return 2;
    }
    api.setValidKeys({Token, SecondToken});
    api.setCredits(QString(), 100000);

    // Tasks: generating until a moment of the day, then done (a quarter with a video, which
    // is downloaded), failed, or generating to the end; some meet "record is null" first and
    // some a 500 in the middle. Time-driven: a task's answer depends on how long ago the app
    // first asked about it.
    const QByteArray videoData = [] {
        QByteArray d(256 * 1024, Qt::Uninitialized);
        QRandomGenerator g(7);
        g.fillRange(reinterpret_cast<quint32 *>(d.data()), d.size() / 4);
        return d;
    }();
    QStringList ids;
    int videos = 0;
    for (int i = 0; i < taskCount; ++i) {
        const QString id = QStringLiteral("soak_task_%1").arg(i, 5, 10, QLatin1Char('0'));
        ids << id;
        FakeKieServer::Record r;
        r.taskId = id;
        QList<Response> steps;
        if (i % 7 == 3) {
            steps << FakeKieServer::kieError(422, QStringLiteral("record is null."));
        }
        Response generating = FakeKieServer::ok(r);
        generating.afterMs = steps.isEmpty() ? 0 : 1 + qint64(rng.bounded(20000));
        steps << generating;
        const qint64 doneAt = 1 + qint64(rng.bounded(quint32(double(durationMs) * 0.6)));
        if (i % 5 == 2) {
            Response hiccup = FakeKieServer::kieError(500, QStringLiteral("Timeout"), 500);
            hiccup.afterMs = doneAt / 2 + 1;
            steps << hiccup;
            Response back = FakeKieServer::ok(r);
            back.afterMs = doneAt / 2 + 15000;
            steps << back;
        }
        const int fate = i % 4;
        if (fate == 0) {
            const QString path = QStringLiteral("/video/%1.mp4").arg(id);
            media.addFile(path, videoData, "video/mp4");
            if (i % 8 == 0) {
                FakeKieServer::FileOptions drop;
                drop.dropAfterBytes = 100 * 1024; // the first answer breaks: resumed
                media.setFileOptions(path, drop);
            }
            QUrl url = media.baseUrl();
            url.setPath(path);
            r.successFlag = 1;
            r.resultUrls = {url.toString()};
            ++videos;
        } else if (fate == 1) {
            r.successFlag = 2;
            r.errorCode = 500;
            r.errorMessage = QStringLiteral("Internal Error, Please try again later.");
        } else if (fate == 2) {
            r.successFlag = 3;
            r.errorCode = 400;
            r.errorMessage = QStringLiteral("Only English prompts are supported at this time.");
        }
        if (fate != 3) {
            Response done = FakeKieServer::ok(r);
            done.afterMs = std::max(doneAt, steps.constLast().afterMs + 1);
            steps << done;
        }
        api.setScript(id, steps);
    }

    QTemporaryDir home;
    {
        QSettings settings(home.filePath(QStringLiteral("config/veo-tracker/settings.ini")),
                           QSettings::IniFormat);
        settings.setValue(QStringLiteral("polling/intervalSeconds"), 5);
        // Its simulated day's answers change every few seconds, not at renders' pace.
        settings.setValue(QStringLiteral("polling/fixedInterval"), true);
        settings.setValue(QStringLiteral("downloads/automatic"), true);
        settings.setValue(QStringLiteral("downloads/folder"),
                          home.filePath(QStringLiteral("videos")));
        settings.setValue(QStringLiteral("notifications/onSuccess"), false);
        settings.setValue(QStringLiteral("notifications/onFailure"), false);
    }
    QProcessEnvironment env = test::appEnvironment(home.path(), Token, api.baseUrl());
    const QString binary = QStringLiteral(VEO_TRACKER_BINARY);

    // The day's waves of new tasks: 40% at the start, then three of 20%.
    const int firstWave = taskCount * 2 / 5;
    QProcess tracker;
    tracker.setProcessEnvironment(env);
    QStringList warnings;
    QByteArray errBuffer;
    QObject::connect(&tracker, &QProcess::readyReadStandardError, &tracker, [&] {
        errBuffer += tracker.readAllStandardError();
        qsizetype nl;
        while ((nl = errBuffer.indexOf('\n')) >= 0) {
            warnings << QString::fromUtf8(errBuffer.left(nl));
            errBuffer.remove(0, nl + 1);
        }
    });
    tracker.start(binary, ids.mid(0, firstWave));
    if (!tracker.waitForStarted(10000)) {
        out(QStringLiteral("soak: the app did not start"));
        return 2;
    }
    const qint64 pid = tracker.processId();
    QElapsedTimer clock;
    clock.start();
    QList<Sample> samples;
    std::vector<std::unique_ptr<QProcess>> helpers; // --add and --add-key runs
    QStringList events;
    const auto runHelper = [&](const QStringList &args, const QByteArray &input = {}) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env);
        p->start(binary, args);
        if (!input.isEmpty()) {
            p->write(input);
        }
        p->closeWriteChannel();
        helpers.push_back(std::move(p));
    };
    const auto event = [&](const QString &what) {
        const double f = double(clock.elapsed()) / double(durationMs);
        events << QStringLiteral("%1 (sim %2 h)").arg(what).arg(f * 24, 0, 'f', 1);
        out(QStringLiteral("soak: %1 min: %2")
                .arg(double(clock.elapsed()) / 60000.0, 0, 'f', 1)
                .arg(what));
    };
    // The day's events, at fractions of the day.
    struct Step
    {
        double at;
        std::function<void()> run;
    };
    const QList<Step> day{
        {0.10, [&] { event(QStringLiteral("key revoked (401 for every request)"));
                     api.setValidKeys({SecondToken}); }},
        {0.13, [&] { event(QStringLiteral("key valid again")); api.setValidKeys({Token, SecondToken}); }},
        {0.20, [&] { event(QStringLiteral("429 storm (Retry-After 3)"));
                     Response r = FakeKieServer::kieError(429, QStringLiteral("Rate Limited"), 429);
                     r.headers = {{"Retry-After", "3"}};
                     api.setKeyResponses(Token, QList<Response>(40, r)); }},
        {0.25, [&] { event(QStringLiteral("wave 2 added (--add)"));
                     QStringList args{QStringLiteral("--add")};
                     args << ids.mid(firstWave, taskCount / 5);
                     runHelper(args); }},
        {0.30, [&] { event(QStringLiteral("second key added (--add-key)"));
                     runHelper({QStringLiteral("--add-key"), QStringLiteral("Second")},
                               SecondToken.toUtf8() + '\n'); }},
        {0.40, [&] { event(QStringLiteral("500 storm and dropped connections"));
                     Response drop;
                     drop.fault = Response::Fault::DropConnection;
                     QList<Response> storm;
                     for (int i = 0; i < 30; ++i) {
                         storm << (i % 2 ? drop : FakeKieServer::kieError(500, QStringLiteral("Internal Error"), 500));
                     }
                     api.setKeyResponses(Token, storm); }},
        {0.50, [&] { event(QStringLiteral("wave 3 added (--add)"));
                     QStringList args{QStringLiteral("--add")};
                     args << ids.mid(firstWave + taskCount / 5, taskCount / 5);
                     runHelper(args); }},
        {0.60, [&] { event(QStringLiteral("key revoked again"));
                     api.setValidKeys({SecondToken}); }},
        {0.62, [&] { event(QStringLiteral("key valid again")); api.setValidKeys({Token, SecondToken}); }},
        {0.75, [&] { event(QStringLiteral("wave 4 added (--add)"));
                     QStringList args{QStringLiteral("--add")};
                     args << ids.mid(firstWave + 2 * (taskCount / 5));
                     runHelper(args); }},
        {0.85, [&] { event(QStringLiteral("slow answers (2 s) for a while"));
                     Response slow = FakeKieServer::kieError(455, QStringLiteral("maintenance"));
                     slow.delayMs = 2000;
                     api.setKeyResponses(Token, QList<Response>(20, slow)); }},
    };
    int nextStep = 0;

    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.elapsed();
        while (nextStep < day.size() && now >= qint64(day.at(nextStep).at * double(durationMs))) {
            day.at(nextStep).run();
            ++nextStep;
        }
        if (tracker.state() != QProcess::Running || now >= durationMs) {
            app.quit();
        }
    });
    tick.start(200);
    QTimer sampler;
    const auto takeSample = [&] {
        const Sample s = sample(pid, double(clock.elapsed()) / 60000.0);
        samples << s;
        out(QStringLiteral("sample %1 min: RSS %2 KiB, %3 fds, %4 threads, %5 requests")
                .arg(s.minutes, 0, 'f', 2)
                .arg(s.rssKiB)
                .arg(s.fds)
                .arg(s.threads)
                .arg(api.requests().size()));
        api.clearRequests(); // the fake server's own memory must not grow all day
    };
    QObject::connect(&sampler, &QTimer::timeout, &app, takeSample);
    sampler.start(samplePeriodMs);
    QTimer::singleShot(2000, &app, takeSample);
    app.exec();
    const bool survived = tracker.state() == QProcess::Running;
    if (survived) {
        takeSample();
    }
    tracker.kill();
    tracker.waitForFinished(10000);
    errBuffer += tracker.readAllStandardError();
    if (!errBuffer.isEmpty()) {
        warnings << QString::fromUtf8(errBuffer);
    }

    // What the app ended with.
    int stored = 0;
    int finals = 0;
    int downloaded = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("r"));
        db.setDatabaseName(home.filePath(QStringLiteral("data/veo-tracker/tasks.sqlite")));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*), sum(status NOT IN ('pending','generating')) "
                                      "FROM tasks")) && q.next()) {
                stored = q.value(0).toInt();
                finals = q.value(1).toInt();
            }
            if (q.exec(QStringLiteral("SELECT count(*) FROM downloads WHERE state='completed'")) &&
                q.next()) {
                downloaded = q.value(0).toInt();
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("r"));

    // Warm-up (the first 10% of the day) is left out of the slope.
    QList<Sample> steady;
    for (const Sample &s : std::as_const(samples)) {
        if (s.minutes >= minutes * 0.1) {
            steady << s;
        }
    }
    int fdMin = INT_MAX, fdMax = 0;
    for (const Sample &s : std::as_const(samples)) {
        fdMin = std::min(fdMin, s.fds);
        fdMax = std::max(fdMax, s.fds);
    }
    const Sample first = samples.value(0);
    const Sample last = samples.value(samples.size() - 1);
    const Sample warm = steady.value(0);
    out(QStringLiteral("\n=== soak report ==="));
    out(QStringLiteral("wall %1 min (1 simulated day), seed %2, app %3")
            .arg(double(clock.elapsed()) / 60000.0, 0, 'f', 1)
            .arg(seed)
            .arg(survived ? QStringLiteral("alive at the end") : QStringLiteral("DIED")));
    out(QStringLiteral("tasks: %1 stored of %2, %3 final; videos: %4 downloaded of %5")
            .arg(stored)
            .arg(taskCount)
            .arg(finals)
            .arg(downloaded)
            .arg(videos));
    out(QStringLiteral("RSS: start %1 KiB (at %2 min), after warm-up %3 KiB, end %4 KiB; "
                       "slope after warm-up %5 KiB/min over %6 samples")
            .arg(first.rssKiB)
            .arg(first.minutes, 0, 'f', 2)
            .arg(warm.rssKiB)
            .arg(last.rssKiB)
            .arg(slope(steady), 0, 'f', 1)
            .arg(steady.size()));
    out(QStringLiteral("FDs: start %1, end %2, min %3, max %4; threads start %5, end %6")
            .arg(first.fds)
            .arg(last.fds)
            .arg(fdMin)
            .arg(fdMax)
            .arg(first.threads)
            .arg(last.threads));
    out(QStringLiteral("events: %1").arg(events.join(QStringLiteral("; "))));
    out(QStringLiteral("app log lines (stderr): %1").arg(warnings.size()));
    QHash<QString, int> unique;
    QStringList order;
    for (const QString &w : std::as_const(warnings)) {
        if (!unique.contains(w)) {
            order << w;
        }
        ++unique[w];
    }
    for (const QString &w : std::as_const(order)) {
        out(QStringLiteral("  %1x %2").arg(unique.value(w)).arg(w.left(300)));
    }
    return survived && stored == taskCount ? 0 : 1;
}
