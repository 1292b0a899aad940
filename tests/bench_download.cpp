// Benchmark (prints numbers; not a pass/fail test): DownloadManager against curl, both
// fetching the same disk-backed file from the in-process fake server over loopback and
// writing it to the same folder. Also shows that memory does not grow with the file size.
//
//   bench_download [--stall] [--dir PATH] [MiB ...]        default: 256 1024, system temp dir
//
// --dir puts the source and both downloads elsewhere, e.g. /dev/shm to leave the disk (and
// its write-back stalls, which make timings noisy in a VM) out of the comparison.
// --stall blocks the main thread (which writes the file) for two seconds in the middle of each
// download, as a slow disk would: the network thread must then stop reading (the reply's read
// buffer is bounded), so resident memory stays flat instead of filling with the file.
//
// The server runs in its own thread of this process in both cases, so its CPU cost is
// shared with DownloadManager (same process) but not with curl (a child process): on a
// machine with few cores that favours curl.
#include "downloadmanager.h"
#include "fakekieserver.h"
#include "kieclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <thread>

using namespace veo;

namespace {

constexpr qint64 MiB = 1024 * 1024;

long peakRssKiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

long currentRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLong();
        }
    }
    return -1;
}

// Writes `size` bytes of random data in small chunks: never the whole file in memory, and no
// block big enough to move glibc's adaptive mmap threshold before the measurement.
bool makeSource(const QString &path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    QByteArray block(64 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (qint64 done = 0; done < size; done += block.size()) {
        generator.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        const qint64 n = std::min<qint64>(block.size(), size - done);
        if (file.write(block.constData(), n) != n) {
            return false;
        }
    }
    return true;
}

// Same size and same bytes at a few places (a full compare would double the run time).
bool sameFile(const QString &a, const QString &b)
{
    QFile fa(a);
    QFile fb(b);
    if (!fa.open(QIODevice::ReadOnly) || !fb.open(QIODevice::ReadOnly) || fa.size() != fb.size()) {
        return false;
    }
    for (int i = 0; i <= 8; ++i) {
        const qint64 at = std::max<qint64>(0, fa.size() * i / 8 - MiB);
        fa.seek(at);
        fb.seek(at);
        if (fa.read(MiB) != fb.read(MiB)) {
            return false;
        }
    }
    return true;
}

double mibPerSecond(qint64 bytes, qint64 ns)
{
    return ns > 0 ? double(bytes) / double(MiB) / (double(ns) / 1e9) : 0;
}

// CPU time and minor page faults: unlike wall time they hardly depend on what else the
// machine is doing.
struct Usage
{
    double cpuMs = 0;
    long faults = 0;
};

Usage usage(int who)
{
    rusage u{};
    getrusage(who, &u);
    const auto ms = [](const timeval &t) {
        return double(t.tv_sec) * 1000.0 + double(t.tv_usec) / 1000.0;
    };
    return {ms(u.ru_utime) + ms(u.ru_stime), u.ru_minflt};
}

Usage operator-(const Usage &a, const Usage &b)
{
    return {a.cpuMs - b.cpuMs, a.faults - b.faults};
}

struct Result
{
    double mibs = 0;
    long rssDuringKiB = 0;   // highest VmRSS sampled during the manager's download
    long stallGrowthKiB = 0; // VmRSS after a stall minus before it
    Usage client;            // the downloading side only (curl, or the manager's threads)
    Usage server;            // this process during curl's download: the server alone
};

Result runCurl(const QString &curl, const QUrl &url, const QString &out, qint64 size,
               const QString &source)
{
    const Usage self = usage(RUSAGE_SELF);
    const Usage children = usage(RUSAGE_CHILDREN);
    QElapsedTimer timer;
    timer.start();
    QProcess p;
    p.start(curl, {QStringLiteral("-s"), QStringLiteral("-o"), out, url.toString()});
    p.waitForFinished(-1); // the server lives in its own thread
    const qint64 ns = timer.nsecsElapsed();
    Result r;
    r.client = usage(RUSAGE_CHILDREN) - children;
    r.server = usage(RUSAGE_SELF) - self;
    if (p.exitCode() == 0 && QFileInfo(out).size() == size && sameFile(out, source)) {
        r.mibs = mibPerSecond(size, ns);
    }
    QFile::remove(out);
    return r;
}

Result runManager(DownloadManager &manager, const QUrl &url, const QString &dir,
                  const QString &name, qint64 size, const QString &source, bool stall,
                  const Usage &serverCost)
{
    DownloadRequest request;
    request.taskId = QStringLiteral("bench_%1").arg(size);
    request.url = url;
    request.destinationDir = dir;
    request.fileName = name;
    Result r;
    QEventLoop loop;
    QTimer sampler;
    sampler.setInterval(50);
    QObject::connect(&sampler, &QTimer::timeout, &loop,
                     [&r] { r.rssDuringKiB = std::max(r.rssDuringKiB, currentRssKiB()); });
    const Usage self = usage(RUSAGE_SELF);
    QElapsedTimer timer;
    timer.start();
    const int id = manager.enqueue(request);
    QObject::connect(&manager, &DownloadManager::finished, &loop, [&loop, id](int which) {
        if (which == id) {
            loop.quit();
        }
    });
    bool stalled = !stall;
    QObject::connect(&manager, &DownloadManager::changed, &loop, [&](int which) {
        const Download d = manager.download(which).value_or(Download{});
        if (!stalled && d.bytesReceived > size / 4) {
            stalled = true;
            const long before = currentRssKiB();
            std::this_thread::sleep_for(std::chrono::seconds(2));
            QCoreApplication::processEvents(); // take what the network thread queued meanwhile
            r.stallGrowthKiB = currentRssKiB() - before;
        }
    });
    sampler.start();
    loop.exec();
    const qint64 ns = timer.nsecsElapsed();
    r.client = usage(RUSAGE_SELF) - self - serverCost;
    const Download d = manager.download(id).value_or(Download{});
    if (d.state == DownloadState::Completed && sameFile(d.filePath, source)) {
        r.mibs = mibPerSecond(size, ns);
    } else {
        std::fprintf(stderr, "manager download failed: %s\n", qPrintable(d.error.text()));
    }
    QFile::remove(d.filePath);
    manager.clearFinished();
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<qint64> sizes;
    bool stall = false;
    QString where = QDir::tempPath();
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--stall")) {
            stall = true;
        } else if (arg == QLatin1String("--dir") && i + 1 < args.size()) {
            where = args.at(++i);
        } else {
            sizes.append(arg.toLongLong() * MiB);
        }
    }
    if (sizes.isEmpty()) {
        sizes = {256 * MiB, 1024 * MiB};
    }
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty()) {
        std::fprintf(stderr, "curl is needed for the comparison\n");
        return 1;
    }
    QTemporaryDir dir(QDir(where).filePath(QStringLiteral("bench_download-XXXXXX")));
    QThread serverThread;
    auto *server = new FakeKieServer;
    server->moveToThread(&serverThread);
    QObject::connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);
    serverThread.start();
    bool listening = false;
    QUrl base;
    QMetaObject::invokeMethod(
        server,
        [&] {
            listening = server->listen(QHostAddress(QStringLiteral("127.0.0.2")));
            base = server->baseUrl();
        },
        Qt::BlockingQueuedConnection);
    if (!listening || !dir.isValid()) {
        std::fprintf(stderr, "cannot listen on 127.0.0.2 or create a folder\n");
        return 1;
    }

    KieClient client(QUrl(QStringLiteral("http://127.0.0.1:9"))); // only its network is used
    DownloadManager manager(&client);
    std::printf("folder: %s\n", qPrintable(dir.path()));
    std::printf("server: FakeKieServer on 127.0.0.2 in a thread of this process, file on disk\n"
                "curl runs as a child process; the manager shares this process with the "
                "server\npeak RSS is this process's (curl's memory is not in it)\n\n");
    std::printf("%8s %12s %12s %7s %14s %14s\n", "size", "manager", "curl", "ratio", "RSS during",
                "peak RSS");
    std::fflush(stdout);
    int status = 0;
    for (const qint64 size : std::as_const(sizes)) {
        const QString source = dir.filePath(QStringLiteral("source-%1.bin").arg(size / MiB));
        if (!makeSource(source, size)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(source));
            return 1;
        }
        const QString path = QStringLiteral("/bench/%1.bin").arg(size / MiB);
        QMetaObject::invokeMethod(
            server, [&] { server->addFileFromDisk(path, source, "application/octet-stream"); },
            Qt::BlockingQueuedConnection);
        QUrl url = base;
        url.setPath(path);
        // Alternate three rounds each and keep the best: the first pass warms the page cache.
        Result bestManager;
        Result bestCurl;
        bestManager.client.cpuMs = bestCurl.client.cpuMs = 1e18;
        for (int round = 0; round < 3; ++round) {
            const Result c =
                runCurl(curl, url, dir.filePath(QStringLiteral("curl.bin")), size, source);
            const Result m = runManager(manager, url, dir.path(), QStringLiteral("manager.bin"),
                                        size, source, stall, c.server);
            if (m.client.cpuMs < bestManager.client.cpuMs) {
                bestManager.client = m.client;
            }
            if (c.client.cpuMs < bestCurl.client.cpuMs) {
                bestCurl.client = c.client;
            }
            bestManager.stallGrowthKiB = std::max(bestManager.stallGrowthKiB, m.stallGrowthKiB);
            bestCurl.mibs = std::max(bestCurl.mibs, c.mibs);
            bestManager.mibs = std::max(bestManager.mibs, m.mibs);
            bestManager.rssDuringKiB = std::max(bestManager.rssDuringKiB, m.rssDuringKiB);
        }
        if (bestManager.mibs <= 0 || bestCurl.mibs <= 0) {
            status = 1;
        }
        const double ratio = bestCurl.mibs > 0 ? bestManager.mibs / bestCurl.mibs : 0;
        std::printf("%5lld MiB %7.0f MiB/s %7.0f MiB/s %7.2f %10ld KiB %10ld KiB",
                    static_cast<long long>(size / MiB), bestManager.mibs, bestCurl.mibs, ratio,
                    bestManager.rssDuringKiB, peakRssKiB());
        if (stall) {
            std::printf("   RSS growth over a 2 s stall: %ld KiB", bestManager.stallGrowthKiB);
        }
        const double gib = double(size) / double(1024 * MiB);
        std::printf("\n%8s client CPU per GiB: manager %6.0f ms, curl %6.0f ms;"
                    " minor faults per GiB: manager %7.0f, curl %7.0f\n",
                    "", bestManager.client.cpuMs / gib, bestCurl.client.cpuMs / gib,
                    double(bestManager.client.faults) / gib, double(bestCurl.client.faults) / gib);
        std::fflush(stdout);
        QFile::remove(source);
    }
    std::printf("\ntarget: ratio >= 0.90; RSS must not grow with the file size\n");
    serverThread.quit();
    serverThread.wait();
    return status;
}
