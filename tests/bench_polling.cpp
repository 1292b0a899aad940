// Benchmark (prints numbers; not a pass/fail test): adaptive polling against the fixed 30 s
// interval on issue 14's workload: 1,000 renders created over 10 minutes, each finishing 2-5
// minutes after it was created (uniform, seeded). The real RefreshScheduler and
// RequestScheduler poll the fake KIE server over loopback on a manual clock (50 ms steps), so
// 20 simulated minutes take seconds. Printed: the delay between a render finishing and its
// answer reaching the app (median, 90th percentile), the requests sent, the busiest second of
// any key, and adaptive / fixed.
//   bench_polling [--seed N] [--keys N ...]   (default: 2 keys, then 1)
#include "fakekieserver.h"
#include "kieclient.h"
#include "manualclock.h"
#include "refreshscheduler.h"
#include "requestscheduler.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <random>

using namespace veo;
using namespace std::chrono_literals;

namespace {

constexpr int Tasks = 1000;
constexpr qint64 StepMs = 50;
constexpr qint64 CreatedOverMs = 10 * 60 * 1000;
constexpr qint64 FastestMs = 2 * 60 * 1000;
constexpr qint64 SlowestMs = 5 * 60 * 1000;
constexpr qint64 GiveUpAfterMs = 25 * 60 * 1000;

struct Render
{
    QString id;
    qint64 createdMs;
    qint64 doneMs;
};

struct Result
{
    QList<qint64> delaysMs; // sorted
    qsizetype requests = 0;
    int busiestSecond = 0; // the most requests of one key within any 1 s
    int undetected = 0;
    qint64 wallMs = 0;
};

QList<Render> workload(quint32 seed)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<qint64> takes(FastestMs / StepMs, SlowestMs / StepMs);
    QList<Render> renders;
    for (int i = 0; i < Tasks; ++i) {
        const qint64 created = i * CreatedOverMs / Tasks / StepMs * StepMs;
        renders.append({QStringLiteral("bench_render_%1").arg(i, 4, 10, QLatin1Char('0')), created,
                        created + takes(random) * StepMs});
    }
    return renders;
}

// Timers due now fire, the requests they submit go out and are answered, until nothing is in
// flight: waiting for events, not sleeping (a test's ClockRunner sleeps 10 ms a round).
void settle(const RequestScheduler &requests)
{
    for (int round = 0; round < 2; ++round) { // an answer may hand over the next poll
        for (int i = 0; i < 4; ++i) {         // a timer due now, a submit, a send: a few hops
            QCoreApplication::processEvents();
        }
        while (requests.inFlight() > 0) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
    }
}

Result simulate(const QList<Render> &renders, int keys, bool fixed)
{
    QElapsedTimer wall;
    wall.start();
    FakeKieServer server;
    if (!server.listen()) {
        qFatal("cannot listen on loopback");
    }
    KieClient client(server.baseUrl());
    test::ManualClock clock;
    RequestScheduler requests(
        &client, [](const QString &keyId) -> QString { return QStringLiteral("token-") + keyId; },
        &clock);
    requests.setFollowSystemNetwork(false);
    RefreshScheduler scheduler(&requests);
    scheduler.setInterval(30s);
    scheduler.setFixedInterval(fixed);

    QHash<QString, qint64> detected;
    QObject::connect(&scheduler, &RefreshScheduler::taskAnswered, &scheduler,
                     [&](const QString &id, const RecordInfoResult &result) {
                         if (result.record.status == TaskStatus::Succeeded) {
                             detected.insert(id, clock.nowMs());
                         }
                     });
    const auto answer = [](const QString &id, int successFlag) {
        FakeKieServer::Record r;
        r.taskId = id;
        r.successFlag = successFlag;
        if (successFlag == 1) {
            r.resultUrls = {QStringLiteral("https://media.example/%1.mp4").arg(id)};
        }
        return FakeKieServer::ok(r);
    };

    const qint64 start = clock.nowMs();
    QList<Render> byDone = renders;
    std::sort(byDone.begin(), byDone.end(),
              [](const Render &a, const Render &b) { return a.doneMs < b.doneMs; });
    qsizetype created = 0;
    qsizetype done = 0;
    qsizetype sent = 0;
    QHash<QByteArray, QList<qint64>> perKey; // clock times of the requests, per bearer token
    while (detected.size() < renders.size() && clock.nowMs() - start < GiveUpAfterMs) {
        const qint64 t = clock.nowMs() - start;
        for (; created < renders.size() && renders[created].createdMs <= t; ++created) {
            const Render &r = renders[created];
            server.setScript(r.id, {answer(r.id, 0)});
            TaskRecord task;
            task.taskId = r.id;
            task.keyId = QString::number(created % keys);
            task.status = TaskStatus::Pending;
            task.addedAt = QDateTime::currentDateTimeUtc(); // age 0 now: wall time stands still
            scheduler.track({task});
        }
        for (; done < byDone.size() && byDone[done].doneMs <= t; ++done) {
            server.setScript(byDone[done].id, {answer(byDone[done].id, 1)});
        }
        settle(requests);
        const QList<FakeKieServer::Request> all = server.requests();
        for (qsizetype i = sent; i < all.size(); ++i) {
            perKey[all[i].headers.value("authorization")].append(clock.nowMs());
        }
        sent = all.size();
        clock.advance(StepMs);
    }

    Result result;
    for (const Render &r : renders) {
        if (const auto it = detected.constFind(r.id); it != detected.cend()) {
            result.delaysMs.append(*it - start - r.doneMs);
        } else {
            ++result.undetected;
        }
    }
    std::sort(result.delaysMs.begin(), result.delaysMs.end());
    result.requests = sent;
    for (const QList<qint64> &at : std::as_const(perKey)) { // sent in order of the clock
        for (qsizetype first = 0, i = 0; i < at.size(); ++i) {
            while (at[i] - at[first] >= 1000) {
                ++first;
            }
            result.busiestSecond = std::max(result.busiestSecond, int(i - first + 1));
        }
    }
    result.wallMs = wall.elapsed();
    return result;
}

double percentileS(const QList<qint64> &sorted, double p)
{
    if (sorted.isEmpty()) {
        return 0;
    }
    const auto at = qsizetype(p * double(sorted.size() - 1) + 0.5);
    return double(sorted[std::min(at, sorted.size() - 1)]) / 1000.0;
}

void print(const char *name, const Result &r)
{
    std::printf("  %-22s %8.2f s %8.2f s %9lld %9d %8d   (%.1f s wall)\n", name,
                percentileS(r.delaysMs, 0.5), percentileS(r.delaysMs, 0.9),
                static_cast<long long>(r.requests), r.busiestSecond, r.undetected,
                double(r.wallMs) / 1000.0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    quint32 seed = 14;
    QList<int> keyCounts;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--seed")) {
            seed = args[i + 1].toUInt();
        } else if (args[i] == QLatin1String("--keys")) {
            keyCounts.append(std::max(1, args[i + 1].toInt()));
        }
    }
    if (keyCounts.isEmpty()) {
        keyCounts = {2, 1};
    }
    const QList<Render> renders = workload(seed);
    std::printf("%d renders created over 10 min, each done 2-5 min after (seed %u); "
                "10 requests/s per key; interval 30 s (adaptive: the maximum)\n",
                Tasks, seed);
    for (const int keys : std::as_const(keyCounts)) {
        const Result fixed = simulate(renders, keys, true);
        const Result adaptive = simulate(renders, keys, false);
        std::printf("\n%d key(s)                 median     p90 delay  requests  max/s/key  "
                    "missed\n",
                    keys);
        print("fixed 30 s", fixed);
        print("adaptive", adaptive);
        std::printf("  %-22s %10.2f %10.2f %9.2f\n", "adaptive / fixed",
                    percentileS(adaptive.delaysMs, 0.5) / percentileS(fixed.delaysMs, 0.5),
                    percentileS(adaptive.delaysMs, 0.9) / percentileS(fixed.delaysMs, 0.9),
                    double(adaptive.requests) / double(fixed.requests));
    }
    return 0;
}
