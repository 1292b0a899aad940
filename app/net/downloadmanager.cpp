#include "downloadmanager.h"

#include "downloadjob.h"
#include "downloadstore.h"
#include "filenametemplate.h"
#include "kieclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cmath>

namespace veo {
namespace {

constexpr int TickMs = 250;
constexpr double SpeedSmoothing = 0.3; // weight of the newest sample (about 1 s memory at 4 Hz)

bool isUnfinished(DownloadState state)
{
    return state != DownloadState::Completed && state != DownloadState::Cancelled;
}

bool isFetchable(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

qint64 fileSizeOrZero(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() ? info.size() : 0;
}

} // namespace

DownloadManager::DownloadManager(KieClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, &DownloadManager::tick);
    m_clock.start();
}

DownloadManager::~DownloadManager()
{
    // Transfers stop here, their .part files and saved rows stay for restore().
    for (auto &[id, e] : m_entries) {
        if (e.job) {
            disconnect(e.job, nullptr, this, nullptr);
            e.job->stop();
        }
    }
}

void DownloadManager::setStore(DownloadStore *store)
{
    m_store = store;
}

void DownloadManager::setMaxConcurrent(int count)
{
    m_maxConcurrent = std::max(1, count);
    schedule();
}

void DownloadManager::setTransferTimeout(std::chrono::milliseconds timeout)
{
    m_transferTimeout = timeout;
}

void DownloadManager::setAutoRetry(int count, std::chrono::milliseconds delay)
{
    m_autoRetries = std::max(0, count);
    m_retryDelay = delay;
}

int DownloadManager::enqueue(const DownloadRequest &request)
{
    if (const int existing = findActive(request.taskId, request.kind, request.index)) {
        return existing;
    }
    Entry e;
    e.d.id = ++m_nextId;
    DownloadRequest &r = e.d.request;
    r = request;
    if (r.sourceUrl.isEmpty()) {
        r.sourceUrl = r.url; // kept for download-url when a fresh link replaces url
    }
    // The name comes from a template (and a prompt): never trust it with a path.
    QString name = r.fileName.isEmpty() ? r.url.fileName() : r.fileName;
    if (name.isEmpty()) {
        name = r.taskId + QStringLiteral(".mp4");
    }
    r.fileName = QFileInfo(FileNameTemplate::uniquePath(
                               r.destinationDir, FileNameTemplate::makeSafe(name), reservedPaths()))
                     .fileName();
    if (!isFetchable(r.url)) {
        e.d.state = DownloadState::Failed;
        e.d.error.category = DownloadError::Category::Network;
        e.d.error.detail = QStringLiteral("not an http(s) URL");
    }
    const int id = e.d.id;
    const auto [it, inserted] = m_entries.emplace(id, std::move(e));
    Q_UNUSED(inserted)
    save(it->second);
    Q_EMIT added(id);
    schedule();
    return id;
}

QList<int> DownloadManager::restore(const QList<Download> &saved)
{
    QList<int> ids;
    for (const Download &s : saved) {
        if (s.isDone() || findActive(s.request.taskId, s.request.kind, s.request.index) != 0) {
            continue;
        }
        Entry e;
        e.d.request = s.request;
        e.d.id = ++m_nextId;
        e.d.state = s.state == DownloadState::Paused || s.state == DownloadState::Failed
                        ? s.state
                        : DownloadState::Queued;
        e.d.error = e.d.state == DownloadState::Failed ? s.error : DownloadError{};
        e.d.bytesReceived = fileSizeOrZero(DownloadJob::partPath(s.request.finalPath()));
        const int id = e.d.id;
        m_entries.emplace(id, std::move(e));
        ids.append(id);
        Q_EMIT added(id);
    }
    schedule();
    return ids;
}

bool DownloadManager::pause(int id)
{
    Entry *e = entry(id);
    if (!e || (e->d.state != DownloadState::Queued && e->d.state != DownloadState::Running)) {
        return false;
    }
    stopJob(*e);
    setState(*e, DownloadState::Paused);
    schedule();
    return true;
}

bool DownloadManager::resume(int id)
{
    Entry *e = entry(id);
    if (!e || e->d.state != DownloadState::Paused) {
        return false;
    }
    setState(*e, DownloadState::Queued);
    schedule();
    return true;
}

bool DownloadManager::cancel(int id)
{
    Entry *e = entry(id);
    if (!e || !isUnfinished(e->d.state)) {
        return false;
    }
    stopJob(*e);
    const QString finalPath = e->d.request.finalPath();
    QFile::remove(DownloadJob::partPath(finalPath));
    QFile::remove(DownloadJob::metaPath(finalPath));
    e->d.bytesReceived = 0;
    e->d.bytesTotal = -1;
    setState(*e, DownloadState::Cancelled);
    Q_EMIT finished(id);
    schedule();
    return true;
}

bool DownloadManager::retry(int id)
{
    Entry *e = entry(id);
    if (!e || (e->d.state != DownloadState::Failed && e->d.state != DownloadState::Cancelled &&
               e->d.state != DownloadState::Paused)) {
        return false;
    }
    if (e->d.state == DownloadState::Cancelled) {
        // Its name may have been taken since; it has no .part to continue.
        DownloadRequest &r = e->d.request;
        r.fileName =
            QFileInfo(FileNameTemplate::uniquePath(r.destinationDir, r.fileName, reservedPaths()))
                .fileName();
    }
    e->failuresInARow = 0;
    setState(*e, DownloadState::Queued);
    schedule();
    return true;
}

bool DownloadManager::setUrl(int id, const QUrl &url)
{
    Entry *e = entry(id);
    if (!e || !isUnfinished(e->d.state) || !isFetchable(url)) {
        return false;
    }
    e->d.request.url = url;
    if (e->d.state == DownloadState::Running) {
        stopJob(*e);
        launch(*e);
    }
    save(*e);
    Q_EMIT changed(id);
    return true;
}

void DownloadManager::clearFinished()
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->second.d.isDone()) {
            const int id = it->first;
            it = m_entries.erase(it);
            Q_EMIT removed(id);
        } else {
            ++it;
        }
    }
}

QList<Download> DownloadManager::list() const
{
    QList<Download> result;
    result.reserve(qsizetype(m_entries.size()));
    for (const auto &[id, e] : m_entries) {
        result.append(e.d);
    }
    return result;
}

std::optional<Download> DownloadManager::download(int id) const
{
    const Entry *e = entry(id);
    return e ? std::optional<Download>(e->d) : std::nullopt;
}

int DownloadManager::findActive(const QString &taskId, MediaKind kind, int index) const
{
    for (const auto &[id, e] : m_entries) {
        const DownloadRequest &r = e.d.request;
        if (isUnfinished(e.d.state) && r.taskId == taskId && r.kind == kind && r.index == index) {
            return id;
        }
    }
    return 0;
}

int DownloadManager::runningCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [](const auto &item) {
        return item.second.d.state == DownloadState::Running;
    }));
}

DownloadManager::Entry *DownloadManager::entry(int id)
{
    const auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : &it->second;
}

const DownloadManager::Entry *DownloadManager::entry(int id) const
{
    const auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : &it->second;
}

QSet<QString> DownloadManager::reservedPaths() const
{
    QSet<QString> paths;
    for (const auto &[id, e] : m_entries) {
        if (isUnfinished(e.d.state)) {
            paths.insert(QDir::cleanPath(
                QDir(e.d.request.destinationDir).absoluteFilePath(e.d.request.fileName)));
        }
    }
    return paths;
}

void DownloadManager::schedule()
{
    int running = runningCount();
    for (auto &[id, e] : m_entries) {
        if (running >= m_maxConcurrent) {
            break;
        }
        if (e.d.state == DownloadState::Queued) {
            e.failuresInARow = 0;
            setState(e, DownloadState::Running);
            launch(e);
            ++running;
        }
    }
}

void DownloadManager::launch(Entry &e)
{
    DownloadJob::Options options;
    options.transferTimeout = m_transferTimeout;
    options.readBufferSize = ReadBufferBytes;
    auto *job = new DownloadJob(m_client->network(), e.d.request, options, this);
    e.job = job;
    e.bytesAtLaunch = e.d.bytesReceived;
    e.speedBytes = e.d.bytesReceived;
    e.speedMs = m_clock.elapsed();
    e.d.speed = 0;
    e.d.etaSeconds = -1;
    const int id = e.d.id;
    connect(job, &DownloadJob::progress, this, [this, id](qint64 received, qint64 total) {
        if (Entry *x = entry(id)) {
            x->d.bytesReceived = received;
            x->d.bytesTotal = total;
        }
    });
    connect(job, &DownloadJob::finished, this,
            [this, id](const DownloadError &error, const QString &path) {
                onJobFinished(id, error, path);
            });
    job->start();
    if (!m_tick.isActive()) {
        m_tick.start();
    }
}

void DownloadManager::stopJob(Entry &e)
{
    ++e.generation;
    if (e.job) {
        disconnect(e.job, nullptr, this, nullptr);
        e.job->stop();
        e.job->deleteLater();
        e.job = nullptr;
    }
    e.d.bytesReceived = fileSizeOrZero(DownloadJob::partPath(e.d.request.finalPath()));
    e.d.speed = 0;
    e.d.etaSeconds = -1;
}

void DownloadManager::onJobFinished(int id, const DownloadError &error, const QString &path)
{
    Entry *e = entry(id);
    if (!e) {
        return;
    }
    if (e->job) {
        e->job->deleteLater();
        e->job = nullptr;
    }
    e->d.speed = 0;
    e->d.etaSeconds = -1;
    if (!error.isError()) {
        e->d.filePath = path;
        e->d.bytesReceived = fileSizeOrZero(path);
        e->d.bytesTotal = e->d.bytesReceived;
        e->d.error = {};
        setState(*e, DownloadState::Completed);
        Q_EMIT finished(id);
        schedule();
        return;
    }
    e->d.bytesReceived = fileSizeOrZero(DownloadJob::partPath(e->d.request.finalPath()));
    if (error.category == DownloadError::Category::Network) {
        const bool progressed = e->d.bytesReceived > e->bytesAtLaunch;
        if (progressed) {
            e->failuresInARow = 0; // the link works, the network hiccupped: continue at once
        }
        if (e->failuresInARow < m_autoRetries) {
            const auto delay = progressed ? std::chrono::milliseconds(0)
                                          : m_retryDelay * (1 << std::min(e->failuresInARow, 6));
            ++e->failuresInARow;
            e->d.error = error; // shown while it waits; the download keeps its slot
            const quint64 generation = ++e->generation;
            QTimer::singleShot(delay, this, [this, id, generation] {
                Entry *x = entry(id);
                if (x && x->generation == generation && x->d.state == DownloadState::Running) {
                    x->d.error = {};
                    launch(*x);
                }
            });
            Q_EMIT changed(id);
            return;
        }
    }
    e->d.error = error;
    e->failuresInARow = 0;
    setState(*e, DownloadState::Failed);
    Q_EMIT finished(id);
    schedule();
}

void DownloadManager::tick()
{
    const qint64 now = m_clock.elapsed();
    bool anyRunning = false;
    for (auto &[id, e] : m_entries) {
        if (e.d.state != DownloadState::Running) {
            continue;
        }
        anyRunning = true;
        const qint64 elapsed = now - e.speedMs;
        if (elapsed <= 0) {
            continue;
        }
        const double sample = std::max<double>(0, double(e.d.bytesReceived - e.speedBytes)) *
                              1000.0 / double(elapsed);
        const double before = e.d.speed;
        e.d.speed = before <= 0 ? sample : SpeedSmoothing * sample + (1 - SpeedSmoothing) * before;
        e.d.etaSeconds =
            e.d.bytesTotal >= 0 && e.d.speed >= 1
                ? qint64(std::ceil(double(e.d.bytesTotal - e.d.bytesReceived) / e.d.speed))
                : -1;
        const bool moved = e.d.bytesReceived != e.speedBytes || e.d.speed != before;
        e.speedBytes = e.d.bytesReceived;
        e.speedMs = now;
        if (moved) {
            Q_EMIT changed(id);
        }
    }
    if (!anyRunning) {
        m_tick.stop();
    }
}

void DownloadManager::save(const Entry &e)
{
    if (m_store) {
        m_store->save(e.d);
    }
}

void DownloadManager::setState(Entry &e, DownloadState state)
{
    e.d.state = state;
    if (state != DownloadState::Failed) {
        e.d.error = {};
    }
    save(e);
    Q_EMIT changed(e.d.id);
}

} // namespace veo
