// Benchmark (prints numbers; not a pass/fail test): DownloadManager against curl, both
// fetching the same disk-backed file from the in-process fake server over loopback and
// writing it to the same folder. Also shows that memory does not grow with the file size.
//
//   bench_download [--stall] [MiB ...]        default: 256 1024
//
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

// Writes `size` bytes of random data in 8 MiB chunks (never the whole file in memory).
bool makeSource(const QString &path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    QByteArray block(8 * MiB, Qt::Uninitialized);
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

struct Result
{
    double mibs = 0;
    long rssDuringKiB = 0; // highest VmRSS sampled during the manager's download
    long stallGrowthKiB = 0; // VmRSS after a stall minus before it
};

Result runCurl(const QString &curl, const QUrl &url, const QString &out, qint64 size,
               const QString &source)
{
    QElapsedTimer timer;
    timer.start();
    QProcess p;
    p.start(curl, {QStringLiteral("-s"), QStringLiteral("-o"), out, url.toString()});
    p.waitForFinished(-1); // the server lives in its own thread
    const qint64 ns = timer.nsecsElapsed();
    Result r;
    if (p.exitCode() == 0 && QFileInfo(out).size() == size && sameFile(out, source)) {
        r.mibs = mibPerSecond(size, ns);
    }
    QFile::remove(out);
    return r;
}

Result runManager(DownloadManager &manager, const QUrl &url, const QString &dir,
                  const QString &name, qint64 size, const QString &source, bool stall)
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
                     [&r, &manager] { r.rssDuringKiB = std::max(r.rssDuringKiB, currentRssKiB());
                     static bool dumped = false;
                     if (!dumped && currentRssKiB() > 45000) { dumped = true;
                       QFile sm(QStringLiteral("/proc/self/smaps")); sm.open(QIODevice::ReadOnly);
                       const QList<QByteArray> lines = sm.readAll().split('\n'); QByteArray head;
                       for (const QByteArray &l : lines) { if (!l.isEmpty() && (l.at(0) >= '0' && l.at(0) <= 'f') && l.contains('-') && !l.startsWith("Rss") ) head = l;
                         if (l.startsWith("Rss:") && l.mid(4).trimmed().split(' ').value(0).toLong() > 2048) std::fprintf(stderr, "%s | %s\n", head.constData(), l.constData()); }
                       const auto list = manager.list(); for (const auto &d : list) std::fprintf(stderr, "recv %lld\n", (long long)d.bytesReceived);
                     } });
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
    for (const QString &arg : app.arguments().mid(1)) {
        if (arg == QLatin1String("--stall")) {
            stall = true;
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
    QTemporaryDir dir;
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
    std::printf("server: FakeKieServer on 127.0.0.2 in a thread of this process, file on disk\n"
                "curl runs as a child process; the manager shares this process with the "
                "server\npeak RSS is this process's (curl's memory is not in it)\n\n");
    std::printf("%8s %12s %12s %7s %14s %14s\n", "size", "manager", "curl", "ratio",
                "RSS during", "peak RSS");
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
            server,
            [&] { server->addFileFromDisk(path, source, "application/octet-stream"); },
            Qt::BlockingQueuedConnection);
        QUrl url = base;
        url.setPath(path);
        // Alternate two rounds each and keep the best: the first pass warms the page cache.
        Result bestManager;
        Result bestCurl;
        for (int round = 0; round < 2; ++round) {
            const Result c = runCurl(curl, url, dir.filePath(QStringLiteral("curl.bin")), size,
                                     source);
            const Result m = runManager(manager, url, dir.path(),
                                        QStringLiteral("manager.bin"), size, source, stall);
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
        std::printf("\n");
        std::fflush(stdout);
        QFile::remove(source);
    }
    std::printf("\ntarget: ratio >= 0.90; RSS must not grow with the file size\n");
    serverThread.quit();
    serverThread.wait();
    return status;
}
