// Benchmark (prints numbers; not a pass/fail test): issue 14's figures at scale, each next to its
// baseline measured in the same run, with the ratio.
//   start-up   the window (Engine + MainWindow as main.cpp builds them) on an empty store and on
//              one with N stored tasks, each in a fresh process: time to the window's first
//              paint ("shown"), to the list holding every task ("filled"), and the longest
//              event-loop stall from the first paint to a second after filling (the poll
//              scheduler takes the tasks in slices then); resident memory at that point.
//   keystroke  typing a search into TaskFilterProxy over N rows against a bare
//              QSortFilterProxyModel with a fixed-string filter over the same strings; then a
//              minute's tick, and removing every hundredth row from both.
//   poll CPU   one record-info round over N/100 tasks (request, parse, commit, model update)
//              against curl sending the same requests on one keep-alive connection, both to the
//              fake server running in another process.
// Usage: bench_scale [--tasks N] [--runs R] [--dir PATH] [--only startup|search|polls]
//        (PATH: keep the stores there)
#include "appsettings.h"
#include "enginerig.h"
#include "fakekieserver.h"
#include "kieclient.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "refreshscheduler.h"
#include "taskfilterproxy.h"
#include "taskrepository.h"
#include "taskstore.h"
#include "tasktablemodel.h"
#include "tasktracker.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <malloc.h>
#include <sys/resource.h>

using namespace veo;

namespace {

double cpuMs(int who = RUSAGE_SELF)
{
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

long residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').constFirst().toLong();
        }
    }
    return 0;
}

double median(QList<double> values)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Tasks shaped like KIE's answers: prompts of 100-300 characters from a small vocabulary (so
// searches match some and not others), KIE's paramJson, result links on KIE's file host, a
// 9:16 task's origin video, failures with their message.
TaskRecord realisticTask(int i)
{
    static const char *const words[] = {
        "lighthouse", "dusk",   "waves",    "cinematic", "fox",      "forest", "snow",
        "city",       "neon",   "rain",     "drone",     "shot",     "slow",   "motion",
        "portrait",   "sunset", "mountain", "river",     "close-up", "dancer", "street",
        "market",     "ocean",  "storm",    "golden",    "hour",     "camera", "pans",
        "left",       "across", "a",        "the",       "with",     "soft",   "light"};
    constexpr int wordCount = int(std::size(words));
    TaskRecord t;
    t.taskId = QStringLiteral("veo_task_%1")
                   .arg(QString::number(0x9e3779b9u * uint(i + 1), 16))
                   .leftJustified(24, QLatin1Char('0'));
    t.taskId += QString::number(i);
    const int status = i % 20;
    t.status = status == 0  ? TaskStatus::Generating
               : status < 3 ? TaskStatus::GenerationFailed
                            : TaskStatus::Succeeded;
    t.successFlag = t.status == TaskStatus::Generating  ? 0
                    : t.status == TaskStatus::Succeeded ? 1
                                                        : 3;
    QStringList prompt;
    const int length = 15 + (i * 7) % 35;
    for (int w = 0; w < length; ++w) {
        prompt << QLatin1String(words[(i * 31 + w * 17 + w * w) % wordCount]);
    }
    t.prompt = prompt.join(QLatin1Char(' '));
    t.model = i % 3 ? QStringLiteral("veo3_fast") : QStringLiteral("veo3");
    t.aspectRatio = i % 4 ? QStringLiteral("16:9") : QStringLiteral("9:16");
    t.generationType = QStringLiteral("TEXT_2_VIDEO");
    t.paramJson = QStringLiteral("{\"prompt\":\"%1\",\"model\":\"%2\",\"aspectRatio\":\"%3\","
                                 "\"waterMark\":\"\",\"generationType\":\"TEXT_2_VIDEO\","
                                 "\"enableTranslation\":true,\"seeds\":%4}")
                      .arg(t.prompt, t.model, t.aspectRatio)
                      .arg(10000 + i % 89999);
    const QDateTime base = QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC);
    t.addedAt = base.addSecs(qint64(i) * 50);
    t.createTime = t.addedAt;
    t.lastChecked = t.addedAt.addSecs(200);
    if (t.status != TaskStatus::Generating) {
        t.completeTime = t.createTime.addSecs(120 + i % 180);
    }
    const QString file = QString::number(0x85ebca6bu * uint(i + 7), 16).repeated(4);
    if (t.status == TaskStatus::Succeeded) {
        t.resolution = QStringLiteral("720p");
        t.resultUrls = {QStringLiteral("https://tempfile.aiquickdraw.com/v/%1.mp4").arg(file)};
        if (t.aspectRatio != QLatin1String("16:9")) {
            t.originUrls = {
                QStringLiteral("https://tempfile.aiquickdraw.com/v/%1_origin.mp4").arg(file)};
        }
        t.fallbackFlag = false;
    } else if (t.status == TaskStatus::GenerationFailed) {
        t.errorCode = 400;
        t.errorMessage = QStringLiteral("Your prompt was flagged by Website as violating content "
                                        "policies.");
    }
    return t;
}

// --- start-up (a child process per measurement) --------------------------------------------

struct Startup
{
    double shownMs = 0;
    double filledMs = 0;
    double stallMs = 0;
    long rssKiB = 0;
};

// Runs in the child: builds the window on the store in dir, reports one line.
int startupChild(const QString &dir, int expected, int argc, char **argv)
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    test::EngineRig rig(dir, QUrl(QStringLiteral("http://127.0.0.1:9")), QStringLiteral("bench"),
                        false, {}, false, nullptr, true); // as main.cpp: read in steps
    LanguageManager languages;
    MainWindow window(rig.engine.get(), &languages);
    Startup result;
    // The longest gap between two turns of the event loop while the list fills and settles.
    QElapsedTimer turn;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        result.stallMs = std::max(result.stallMs, double(turn.nsecsElapsed()) / 1e6 - 5.0);
        turn.restart();
    });
    const auto filled = [&] {
        return rig.engine->tasks()->count() == expected && !rig.engine->isLoading();
    };
    QTimer watch;
    watch.setInterval(1);
    QObject::connect(&watch, &QTimer::timeout, &app, [&] {
        if (result.shownMs > 0 && filled()) {
            result.filledMs = double(clock.nsecsElapsed()) / 1e6;
            watch.stop();
            // What follows the load (the poll scheduler takes the tasks in slices, the counts)
            // is part of it: stalls and memory are measured a second later.
            QTimer::singleShot(1000, &app, &QCoreApplication::quit);
        }
    });
    rig.engine->start();
    window.show();
    // Shown: the first paint of the window has been done.
    QTimer::singleShot(0, &app, [&] {
        result.shownMs = double(clock.nsecsElapsed()) / 1e6;
        turn.start();
        ticker.start();
        watch.start();
    });
    app.exec();
    ::malloc_trim(0);
    result.rssKiB = residentKiB();
    std::printf("%.2f %.2f %.2f %ld\n", result.shownMs, result.filledMs, result.stallMs,
                result.rssKiB);
    return 0;
}

Startup runStartupChild(const QString &dir, int expected)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir + QStringLiteral("/data"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--startup-child"), dir, QString::number(expected)});
    child.waitForFinished(600000);
    const QList<QByteArray> f = child.readAllStandardOutput().trimmed().split(' ');
    if (f.size() != 4) {
        std::fprintf(stderr, "start-up child failed: %s\n", child.readAllStandardError().data());
        return {};
    }
    return {f[0].toDouble(), f[1].toDouble(), f[2].toDouble(), f[3].toLong()};
}

void seedStore(const QString &dir, int count)
{
    QDir().mkpath(dir);
    TaskStore store;
    store.open(dir + QStringLiteral("/tasks.sqlite"));
    QList<TaskRecord> tasks;
    tasks.reserve(count);
    for (int i = 0; i < count; ++i) {
        tasks << realisticTask(i);
    }
    store.insertNew(tasks);
}

void benchStartup(const QString &root, int count, int runs)
{
    const QString empty = root + QStringLiteral("/empty");
    const QString full = root + QStringLiteral("/full");
    seedStore(empty, 0);
    seedStore(full, count);
    QList<double> shown[2], filled[2], stall[2], rss[2];
    for (int run = 0; run < runs; ++run) { // alternating, so both see the same machine
        for (int which = 0; which < 2; ++which) {
            const Startup s = runStartupChild(which ? full : empty, which ? count : 0);
            shown[which] << s.shownMs;
            filled[which] << s.filledMs;
            stall[which] << s.stallMs;
            rss[which] << double(s.rssKiB);
        }
    }
    std::printf("\nStart-up, medians of %d fresh processes (offscreen):\n", runs);
    std::printf("%-34s %12s %12s %8s\n", "", "empty", QByteArray::number(count).data(), "ratio");
    const auto row = [](const char *what, const QList<double> &a, const QList<double> &b,
                        const char *unit) {
        const double ma = median(a);
        const double mb = median(b);
        std::printf("%-34s %9.1f %-2s %9.1f %-2s %7.2fx\n", what, ma, unit, mb, unit,
                    ma > 0 ? mb / ma : 0.0);
    };
    row("window shown (first paint)", shown[0], shown[1], "ms");
    row("list filled", filled[0], filled[1], "ms");
    row("longest event-loop stall", stall[0], stall[1], "ms");
    row("resident memory, settled", rss[0], rss[1], "KB");
    const double perTenK = (median(rss[1]) - median(rss[0])) / 1024.0 * 10000.0 / count;
    std::printf("%-34s %9.1f MiB per 10,000 tasks\n", "memory over the empty store", perTenK);
}

// --- search keystrokes ----------------------------------------------------------------------

void benchKeystrokes(int count)
{
    TaskTableModel model;
    QList<TaskRecord> tasks;
    tasks.reserve(count);
    for (int i = 0; i < count; ++i) {
        tasks << realisticTask(i);
    }
    model.setTasks(tasks);
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TaskTableModel::CreatedColumn, Qt::DescendingOrder);

    QStringList haystacks;
    haystacks.reserve(count);
    for (int row = 0; row < count; ++row) {
        haystacks << model.index(row, 0)
                         .data(TaskTableModel::SearchTextRole)
                         .toStringList()
                         .join(QLatin1Char('\n'));
    }
    QStringListModel strings(haystacks);
    QSortFilterProxyModel bare;
    bare.setSourceModel(&strings);
    bare.setFilterCaseSensitivity(Qt::CaseInsensitive);
    bare.sort(0, Qt::DescendingOrder);

    // Typing a word and deleting it again, one keystroke at a time: one word, so that both
    // proxies show the same rows.
    const QString typed = QStringLiteral("mountain");
    QStringList steps;
    for (qsizetype n = 1; n <= typed.size(); ++n) {
        steps << typed.left(n);
    }
    for (qsizetype n = typed.size() - 1; n >= 0; --n) {
        steps << typed.left(n);
    }
    QList<double> ours;
    QList<double> baseline;
    qsizetype oursRows = 0;
    qsizetype bareRows = 0;
    QElapsedTimer t;
    for (int round = 0; round < 3; ++round) {
        for (const QString &text : steps) {
            t.start();
            proxy.setSearchText(text);
            oursRows += proxy.rowCount();
            ours << double(t.nsecsElapsed()) / 1e6;
            t.start();
            bare.setFilterFixedString(text);
            bareRows += bare.rowCount();
            baseline << double(t.nsecsElapsed()) / 1e6;
            if (qEnvironmentVariableIsSet("BENCH_STEPS")) {
                std::printf("%-14s %8.1f %8.1f\n", qPrintable(text), ours.last(), baseline.last());
            }
        }
    }
    std::printf(
        "\nSearch keystroke over %d rows, median of %lld (typing \"%s\" and deleting it):\n", count,
        static_cast<long long>(ours.size()), qPrintable(typed));
    std::printf("%-34s %9.2f ms\n", "bare QSortFilterProxyModel", median(baseline));
    std::printf("%-34s %9.2f ms %7.2fx\n", "TaskFilterProxy", median(ours),
                median(ours) / std::max(median(baseline), 1e-6));
    const double slowestOurs = *std::max_element(ours.cbegin(), ours.cend());
    const double slowestBare = *std::max_element(baseline.cbegin(), baseline.cend());
    std::printf("%-34s %9.2f ms / %.2f ms (ours / bare)\n", "  slowest keystroke", slowestOurs,
                slowestBare);
    std::printf("%-34s %9lld / %lld\n", "  rows shown in all (ours / bare)",
                static_cast<long long>(oursRows), static_cast<long long>(bareRows));

    // The clock's minute (texts and expiry of every row change) with a search typed and without.
    QList<double> ticks[2];
    for (int searching = 0; searching < 2; ++searching) {
        proxy.setSearchText(searching ? typed : QString());
        for (int run = 0; run < 5; ++run) {
            t.start();
            model.timePassed(TaskTableModel::Tick::Minute);
            ticks[searching] << double(t.nsecsElapsed()) / 1e6;
        }
    }
    std::printf("%-34s %9.2f ms\n", "a minute's tick, no search", median(ticks[0]));
    std::printf("%-34s %9.2f ms %7.2fx\n", "a minute's tick, searching", median(ticks[1]),
                median(ticks[1]) / std::max(median(ticks[0]), 1e-6));

    // Removing every hundredth row (each a range of its own), both lists sorted and unfiltered:
    // the same rows go from both.
    proxy.setSearchText(QString());
    bare.setFilterFixedString(QString());
    QList<double> removals[2];
    qsizetype removed = 0;
    for (int run = 0; run < 5; ++run) {
        QStringList ids;
        QList<int> rows;
        for (int row = run; row < model.rowCount(); row += 100) {
            ids << model.index(row, 0).data(TaskTableModel::TaskIdRole).toString();
            rows.prepend(row);
        }
        removed += ids.size();
        t.start();
        model.removeTasks(ids);
        removals[0] << double(t.nsecsElapsed()) / 1e6;
        t.start();
        for (int row : std::as_const(rows)) {
            strings.removeRows(row, 1);
        }
        removals[1] << double(t.nsecsElapsed()) / 1e6;
    }
    const QString what = QStringLiteral("removing %1 scattered rows").arg(removed / 5);
    std::printf("%-34s %9.2f ms\n", qPrintable(what + QStringLiteral(", bare")),
                median(removals[1]));
    std::printf("%-34s %9.2f ms %7.2fx (rows left: %d / %d)\n", qPrintable(what),
                median(removals[0]), median(removals[0]) / std::max(median(removals[1]), 1e-6),
                proxy.rowCount(), bare.rowCount());
}

// --- CPU per poll ---------------------------------------------------------------------------

// Runs in a child: the fake server with `count` tasks that answer "succeeded"; prints its URL.
int serverChild(int count, int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    FakeKieServer server;
    if (!server.listen()) {
        return 1;
    }
    for (int i = 0; i < count; ++i) {
        const TaskRecord t = realisticTask(i * 20); // i * 20: a generating one
        FakeKieServer::Record r;
        r.taskId = t.taskId;
        r.successFlag = 1;
        r.prompt = t.prompt;
        r.model = t.model;
        r.aspectRatio = t.aspectRatio;
        r.resultUrls = {QStringLiteral("https://tempfile.aiquickdraw.com/v/%1.mp4").arg(i)};
        server.setScript(t.taskId, {FakeKieServer::ok(r)});
    }
    std::printf("%s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}

void benchPolls(int count, int argc, char **argv)
{
    const int polls = std::max(100, count / 100);
    QProcess server;
    server.start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--server-child"), QString::number(polls)});
    if (!server.waitForReadyRead(60000)) {
        std::fprintf(stderr, "the server child did not start\n");
        return;
    }
    const QUrl base(QString::fromUtf8(server.readLine().trimmed()));
    QStringList ids;
    for (int i = 0; i < polls; ++i) {
        ids << realisticTask(i * 20).taskId;
    }

    // curl: the same GETs with the same header, one process, one keep-alive connection.
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("curl.cfg")));
    config.open(QIODevice::WriteOnly);
    config.write("silent\nheader = \"Authorization: Bearer bench\"\n");
    for (const QString &id : ids) {
        QUrl url = base;
        url.setPath(QStringLiteral("/api/v1/veo/record-info"));
        url.setQuery(QStringLiteral("taskId=") + id);
        config.write("url = \"" + url.toEncoded() + "\"\noutput = /dev/null\n");
    }
    config.close();
    QList<double> curlCpu;
    for (int run = 0; run < 5 && !curl.isEmpty(); ++run) {
        const double before = cpuMs(RUSAGE_CHILDREN);
        QProcess p;
        p.start(curl, {QStringLiteral("--config"), config.fileName()});
        p.waitForFinished(120000);
        curlCpu << cpuMs(RUSAGE_CHILDREN) - before;
    }

    // Qt's own floor: a bare QNetworkAccessManager sending the same GETs, four at a time like
    // the app, reading each answer and nothing more.
    QList<double> namCpu;
    for (int run = 0; run < 5; ++run) {
        QNetworkAccessManager nam;
        QEventLoop loop;
        qsizetype next = 0;
        qsizetype answered = 0;
        std::function<void()> send = [&] {
            if (next == ids.size()) {
                return;
            }
            QUrl url = base;
            url.setPath(QStringLiteral("/api/v1/veo/record-info"));
            url.setQuery(QStringLiteral("taskId=") + ids.at(next++));
            QNetworkRequest request(url);
            request.setRawHeader("Authorization", "Bearer bench");
            QNetworkReply *reply = nam.get(request);
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
                reply->readAll();
                reply->deleteLater();
                if (++answered == ids.size()) {
                    loop.quit();
                }
                send();
            });
        };
        const double before = cpuMs();
        for (int i = 0; i < 4; ++i) {
            send();
        }
        loop.exec();
        namCpu << cpuMs() - before;
    }

    // The app's parts: the scheduler, the client, the parser, a committed store, the model.
    QList<double> ourCpu;
    for (int run = 0; run < 5; ++run) {
        QTemporaryDir storeDir;
        TaskStore store;
        store.open(storeDir.filePath(QStringLiteral("tasks.sqlite")));
        QList<TaskRecord> tasks;
        for (int i = 0; i < polls; ++i) {
            tasks << realisticTask(i * 20);
        }
        store.insertNew(tasks);
        TaskRepository repository(&store);
        TaskTableModel model;
        model.follow(&repository);
        KieClient client(base);
        RefreshScheduler scheduler(&client,
                                   [](const QString &) { return QStringLiteral("bench"); });
        scheduler.setMaxPerSecondPerKey(1000000); // our CPU, not KIE's rate limit
        scheduler.setInterval(std::chrono::hours(1));
        scheduler.setFollowSystemNetwork(false);
        TaskTracker tracker(&repository, &scheduler);
        tracker.load();
        int finished = 0;
        QEventLoop loop;
        QObject::connect(&repository, &TaskRepository::taskFinished, &loop, [&] {
            if (++finished == polls) {
                repository.flush();
                loop.quit();
            }
        });
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        // Watching starts on the next turn: every task is generating and was never checked,
        // so each is polled at once.
        const double before = cpuMs();
        loop.exec();
        ourCpu << cpuMs() - before;
        if (finished != polls) {
            std::fprintf(stderr, "only %d of %d polls finished\n", finished, polls);
        }
    }
    server.kill();
    server.waitForFinished();
    std::printf("\nCPU for %d record-info polls against the fake server in another process,"
                " median of 5:\n",
                polls);
    std::printf("%-34s %9.1f ms (%.3f ms a poll)\n", "curl, one keep-alive connection",
                median(curlCpu), median(curlCpu) / polls);
    std::printf("%-34s %9.1f ms (%.3f ms a poll) %7.2fx\n", "bare QNetworkAccessManager",
                median(namCpu), median(namCpu) / polls,
                median(namCpu) / std::max(median(curlCpu), 1e-6));
    std::printf("%-34s %9.1f ms (%.3f ms a poll) %7.2fx\n", "request, parse, commit, model",
                median(ourCpu), median(ourCpu) / polls,
                median(ourCpu) / std::max(median(curlCpu), 1e-6));
    Q_UNUSED(argc);
    Q_UNUSED(argv);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 4 && qstrcmp(argv[1], "--startup-child") == 0) {
        return startupChild(QString::fromLocal8Bit(argv[2]), std::atoi(argv[3]), argc, argv);
    }
    if (argc >= 3 && qstrcmp(argv[1], "--server-child") == 0) {
        return serverChild(std::atoi(argv[2]), argc, argv);
    }
    QCoreApplication app(argc, argv);
    int count = 100000;
    int runs = 5;
    QString keep;
    QString only;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--tasks")) {
            count = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--runs")) {
            runs = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--dir")) {
            keep = args[i + 1];
        } else if (args[i] == QLatin1String("--only")) {
            only = args[i + 1];
        }
    }
    if (count <= 0 || runs <= 0) {
        std::fprintf(stderr, "usage: bench_scale [--tasks N] [--runs R] [--dir PATH]"
                             " [--only startup|search|polls]\n");
        return 2;
    }
    QTemporaryDir root;
    std::printf("bench_scale: %d tasks, %d runs\n", count, runs);
    const auto wanted = [&only](const char *part) {
        return only.isEmpty() || only == QLatin1String(part);
    };
    if (wanted("startup")) {
        benchStartup(keep.isEmpty() ? root.path() : keep, count, runs);
    }
    if (wanted("search")) {
        benchKeystrokes(count);
    }
    if (wanted("polls")) {
        benchPolls(count, argc, argv);
    }
    return 0;
}
