// Benchmark (prints numbers; not a pass/fail test): 10,000 stored tasks, 1,000 generating.
// Measures: loading the store, filling the model, one filter keystroke, and one refresh round
// of the 1,000 unfinished tasks against the in-process fake server over loopback.
#include "fakekieserver.h"
#include "kieclient.h"
#include "refreshscheduler.h"
#include "taskfilterproxy.h"
#include "taskrepository.h"
#include "taskstore.h"
#include "tasktablemodel.h"
#include "tasktracker.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <sys/resource.h>

using namespace veo;

namespace {
double cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

long peakRssKiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

void report(const char *what, double wallMs, double cpu)
{
    std::printf("%-44s %9.1f ms wall %9.1f ms cpu\n", what, wallMs, cpu);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    constexpr int Total = 10000;
    constexpr int Generating = 1000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));

    FakeKieServer server;
    if (!server.listen()) {
        std::fprintf(stderr, "cannot listen on loopback\n");
        return 1;
    }
    {
        TaskStore seed;
        seed.open(path);
        QList<TaskRecord> tasks;
        tasks.reserve(Total);
        for (int i = 0; i < Total; ++i) {
            const QString id = QStringLiteral("bench_task_%1").arg(i, 6, 10, QLatin1Char('0'));
            const bool generating = i < Generating;
            TaskRecord t =
                test::makeTask(id,
                               generating ? TaskStatus::Generating
                                          : (i % 5 ? TaskStatus::Succeeded : TaskStatus::Failed),
                               i);
            t.lastChecked = QDateTime::currentDateTimeUtc();
            tasks << t;
            if (generating) {
                FakeKieServer::Record r;
                r.taskId = id;
                r.successFlag = 1;
                r.resultUrls = {QStringLiteral("https://media.example/%1.mp4").arg(id)};
                server.setScript(id, {FakeKieServer::ok(r)});
            }
        }
        seed.insertNew(tasks);
    }

    TaskStore store;
    TaskTableModel model;
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    KieClient client(server.baseUrl());
    RefreshScheduler scheduler(&client, [](const QString &) { return QStringLiteral("bench"); });
    scheduler.setMaxPerSecondPerKey(1000000); // measure our CPU, not KIE's rate limit
    scheduler.setMaxInFlight(16);
    scheduler.setInterval(std::chrono::hours(1));
    scheduler.setFollowSystemNetwork(false);
    TaskRepository repository(&store);
    TaskTracker tracker(&repository, &scheduler);

    QElapsedTimer wall;
    double cpu = cpuMs();
    wall.start();
    store.open(path);
    repository.load();
    report("load 10,000 tasks from SQLite", double(wall.nsecsElapsed()) / 1e6, cpuMs() - cpu);

    cpu = cpuMs();
    wall.restart();
    model.follow(&repository);
    proxy.sort(TaskTableModel::CreatedColumn, Qt::DescendingOrder);
    report("fill the model and sort by date", double(wall.nsecsElapsed()) / 1e6, cpuMs() - cpu);

    cpu = cpuMs();
    wall.restart();
    proxy.setSearchText(QStringLiteral("lighthouse 12"));
    report("one filter keystroke (search text)", double(wall.nsecsElapsed()) / 1e6, cpuMs() - cpu);
    std::printf("%-44s %9lld rows\n", "  rows matching", static_cast<long long>(proxy.rowCount()));
    proxy.setSearchText({});

    // One refresh round: every generating task answered "succeeded", committed and shown.
    int finished = 0;
    QObject::connect(&repository, &TaskRepository::taskFinished, &app, [&] {
        if (++finished == Generating) {
            repository.flush();
            QCoreApplication::quit();
        }
    });
    QTimer::singleShot(120000, &app, &QCoreApplication::quit);
    cpu = cpuMs();
    wall.restart();
    QList<TaskRecord> unfinished;
    for (const TaskRecord &t : repository.tasks()) {
        if (!isFinal(t.status)) {
            unfinished << t;
        }
    }
    scheduler.track(repository.tasks());
    scheduler.refreshNow(unfinished);
    app.exec();
    report("refresh round: 1,000 polls (incl. fake server)", double(wall.nsecsElapsed()) / 1e6,
           cpuMs() - cpu);
    std::printf("%-44s %9d\n", "  tasks finished in the round", finished);
    std::printf("%-44s %9ld KiB\n", "peak resident memory", peakRssKiB());
    return finished == Generating ? 0 : 1;
}
