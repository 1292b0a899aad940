#include "downloadcoordinator.h"

#include "appsettings.h"
#include "downloadmanager.h"
#include "downloadsidecar.h"
#include "downloadstore.h"
#include "filenametemplate.h"
#include "linkrenewer.h"
#include "taskexpiry.h"
#include "taskrepository.h"

#include <algorithm>

namespace veo {

QString DownloadCoordinator::Outcome::summary() const
{
    QStringList sentences;
    if (queued > 0) {
        sentences << tr("Downloading %n video(s).", nullptr, queued);
    }
    if (inProgress > 0) {
        sentences << tr("%n video(s) already in the downloads.", nullptr, inProgress);
    }
    if (alreadyDownloaded > 0) {
        sentences << tr("%n video(s) already downloaded.", nullptr, alreadyDownloaded);
    }
    if (noVideo > 0) {
        sentences << tr("%n task(s) have no video to download yet.", nullptr, noVideo);
    }
    if (expired > 0) {
        sentences << tr("KIE deleted the videos of %n task(s) 14 days after they were made: "
                        "they can no longer be downloaded.",
                        nullptr, expired);
    }
    return sentences.join(QLatin1Char(' '));
}

DownloadCoordinator::DownloadCoordinator(DownloadManager *manager, const TaskRepository *tasks,
                                         const AppSettings *settings, LinkRenewer *renewer,
                                         FileProbe probe, QObject *parent)
    : QObject(parent), m_manager(manager), m_tasks(tasks), m_settings(settings), m_renewer(renewer),
      m_afterDownload(settings),
      m_checker(std::make_unique<FileChecker>([this] { return filesToCheck(); }, std::move(probe)))
{
    connect(m_checker.get(), &FileChecker::answered, this, &DownloadCoordinator::applyCheck);
    connect(manager, &DownloadManager::added, this, &DownloadCoordinator::onAdded);
    connect(manager, &DownloadManager::changed, this, &DownloadCoordinator::onChanged);
    connect(manager, &DownloadManager::finished, this, &DownloadCoordinator::onFinished);
    connect(manager, &DownloadManager::removed, this, &DownloadCoordinator::onRemoved);
    applySettings();
}

DownloadCoordinator::~DownloadCoordinator() = default;

void DownloadCoordinator::setStore(DownloadStore *store)
{
    m_store = store;
    m_manager->setStore(store);
    m_copies.clear();
    if (!store) {
        return;
    }
    // Until the check started below answers, every recorded file counts as present, as it
    // did for the app's users before the check: the list does not flash "File missing" at
    // every start, and a file on a share that takes a while to wake up is not reported gone.
    // Meanwhile the player may try a file that turns out to be missing (it says so), and
    // Download may call it already downloaded.
    for (const LocalCopy &c : store->localCopies()) {
        m_copies[c.taskId].append({c.kind, c.index, c.path, true, ++m_lastVersion});
    }
    m_manager->restore(store->loadUnfinished());
    checkFiles();
}

QString DownloadCoordinator::keyOf(int id) const
{
    const TaskRecord *task = m_tasks->task(m_taskOf.value(id));
    return task ? task->keyId : QString();
}

void DownloadCoordinator::renewLink(int id, const QUrl &url)
{
    m_renewing.insert(id); // shown as queued: the download goes on with the new link
    m_renewer->renew(keyOf(id), url, this, [this, id](const ApiError &error, const QUrl &fresh) {
        if (!m_renewing.contains(id)) {
            return; // retried, cancelled or gone meanwhile
        }
        if (error.isError() || !m_manager->setUrl(id, fresh)) {
            linkNotRenewed(id, error);
            return;
        }
        m_manager->retry(id); // changed() then ends the renewal
    });
}

void DownloadCoordinator::applySettings()
{
    m_manager->setMaxConcurrent(m_settings->concurrentDownloads());
}

DownloadCoordinator::Outcome DownloadCoordinator::downloadTasks(const QStringList &taskIds)
{
    Outcome outcome;
    for (const QString &taskId : taskIds) {
        const TaskRecord *task = m_tasks->task(taskId);
        if (!task || enqueueResults(*task, outcome) == 0) {
            countMissing(task, outcome);
        }
    }
    return outcome;
}

int DownloadCoordinator::enqueueResults(const TaskRecord &task, Outcome &outcome)
{
    int results = 0;
    for (const MediaSource &source : offered(task)) {
        if (source.kind == MediaKind::Result) {
            enqueue(task, source, outcome);
            ++results;
        }
    }
    return results;
}

DownloadCoordinator::Outcome DownloadCoordinator::downloadVideo(const QString &taskId,
                                                                MediaKind kind, int index)
{
    Outcome outcome;
    const TaskRecord *task = m_tasks->task(taskId);
    if (task) {
        for (const MediaSource &source : offered(*task)) {
            if (source.kind == kind && source.index == index) {
                enqueue(*task, source, outcome);
                return outcome;
            }
        }
    }
    countMissing(task, outcome);
    return outcome;
}

void DownloadCoordinator::countMissing(const TaskRecord *task, Outcome &outcome)
{
    if (task && task->status == TaskStatus::Succeeded &&
        videosExpired(*task, QDateTime::currentDateTimeUtc())) {
        ++outcome.expired;
    } else {
        ++outcome.noVideo;
    }
}

QList<MediaSource> DownloadCoordinator::offered(const TaskRecord &task) const
{
    return offeredSources(
        task, [this](const QString &id, MediaKind k, int i) { return localFile(id, k, i); },
        QDateTime::currentDateTimeUtc());
}

void DownloadCoordinator::enqueue(const TaskRecord &task, const MediaSource &source,
                                  Outcome &outcome)
{
    if (source.isLocal()) {
        ++outcome.alreadyDownloaded;
        return;
    }
    if (const int active = m_manager->findActive(task.taskId, source.kind, source.index)) {
        const auto d = m_manager->download(active);
        if (d && (d->state == DownloadState::Failed || d->state == DownloadState::Paused)) {
            retry(active);
            ++outcome.queued;
        } else {
            ++outcome.inProgress;
        }
        return;
    }
    DownloadRequest request;
    request.taskId = task.taskId;
    request.kind = source.kind;
    request.index = source.index;
    request.url = source.remoteUrl;
    request.destinationDir = m_settings->downloadFolder();
    FileNameFields fields = fileNameFields(task, source);
    // An upgrade has no prompt or model of its own: they are its original's.
    if (const TaskRecord *parent = m_tasks->task(task.parentTaskId); parent) {
        fields.prompt = fields.prompt.isEmpty() ? parent->prompt : fields.prompt;
        fields.model = fields.model.isEmpty() ? parent->model : fields.model;
    }
    request.fileName = FileNameTemplate::fileName(m_settings->fileNameTemplate(), fields);
    m_manager->enqueue(request);
    ++outcome.queued;
}

void DownloadCoordinator::retry(int downloadId)
{
    m_linkRenewed.remove(downloadId); // the user asks again: a fresh link may help again
    m_manager->retry(downloadId);
}

QString DownloadCoordinator::localFile(const QString &taskId, MediaKind kind, int index) const
{
    for (const Copy &c : m_copies.value(taskId)) {
        if (c.kind == kind && c.index == index) {
            return c.exists ? c.path : QString();
        }
    }
    return {};
}

QStringList DownloadCoordinator::localFiles(const QString &taskId) const
{
    QList<Copy> copies = m_copies.value(taskId);
    std::sort(copies.begin(), copies.end(), [](const Copy &a, const Copy &b) {
        return std::pair(int(a.kind), a.index) < std::pair(int(b.kind), b.index);
    });
    QStringList paths;
    for (const Copy &c : std::as_const(copies)) {
        if (c.exists) {
            paths << c.path;
        }
    }
    return paths;
}

DownloadMark DownloadCoordinator::mark(const QString &taskId) const
{
    bool running = false;
    bool queued = false;
    bool paused = false;
    bool failed = false;
    qint64 received = 0;
    qint64 total = 0;
    bool totalKnown = true;
    for (const int id : m_downloads.value(taskId)) {
        const std::optional<Download> d = m_manager->download(id);
        if (!d) {
            continue;
        }
        switch (d->state) {
        case DownloadState::Running:
            running = true;
            received += d->bytesReceived;
            totalKnown = totalKnown && d->bytesTotal > 0;
            total += std::max<qint64>(0, d->bytesTotal);
            break;
        case DownloadState::Queued:
            queued = true;
            break;
        case DownloadState::Paused:
            paused = true;
            break;
        case DownloadState::Failed:
            // A download waiting for its fresh link is still on its way.
            (m_renewing.contains(id) ? queued : failed) = true;
            break;
        case DownloadState::Completed:
        case DownloadState::Cancelled:
            break;
        }
    }
    using State = DownloadMark::State;
    if (running) {
        return {State::Downloading, totalKnown ? int(received * 100 / total) : -1, 0};
    }
    if (queued) {
        return {State::Queued, -1, 0};
    }
    if (failed) {
        return {State::Failed, -1, 0};
    }
    if (paused) {
        return {State::Paused, -1, 0};
    }
    const QList<Copy> copies = m_copies.value(taskId);
    if (copies.isEmpty()) {
        return {};
    }
    const auto present =
        std::count_if(copies.cbegin(), copies.cend(), [](const Copy &c) { return c.exists; });
    return present == copies.size() ? DownloadMark{State::Downloaded, -1, int(present)}
                                    : DownloadMark{State::Missing, -1, int(present)};
}

void DownloadCoordinator::checkFiles()
{
    m_checker->check();
}

QList<FileLook> DownloadCoordinator::filesToCheck() const
{
    QList<FileLook> looks;
    for (auto it = m_copies.cbegin(); it != m_copies.cend(); ++it) {
        for (const Copy &c : it.value()) {
            looks.append({it.key(), c.kind, c.index, c.path, c.version, c.exists});
        }
    }
    return looks;
}

void DownloadCoordinator::applyCheck(const QList<FileLook> &looks)
{
    // The checks come grouped by task. An answer counts only for the copy it was asked about:
    // not when the task was removed meanwhile (the copy is gone) or the video was downloaded
    // again (a new version), whose newer state is right.
    QStringList changedTasks;
    for (const FileLook &check : looks) {
        const auto it = m_copies.find(check.taskId);
        if (it == m_copies.end()) {
            continue;
        }
        const auto c = std::find_if(it->begin(), it->end(), [&check](const Copy &candidate) {
            return candidate.kind == check.kind && candidate.index == check.index;
        });
        if (c == it->end() || c->version != check.version || c->exists == check.exists) {
            continue;
        }
        c->exists = check.exists;
        if (changedTasks.isEmpty() || changedTasks.constLast() != check.taskId) {
            changedTasks << check.taskId;
        }
        // Last use of c: the receivers may change m_copies.
        Q_EMIT localFileChanged(check.taskId, check.kind, check.index,
                                check.exists ? check.path : QString());
    }
    for (const QString &taskId : std::as_const(changedTasks)) {
        Q_EMIT markChanged(taskId);
    }
    Q_EMIT filesChecked();
}

DownloadCoordinator::Outcome DownloadCoordinator::taskFinished(const QString &taskId,
                                                               TaskStatus status)
{
    if (status == TaskStatus::Succeeded && m_settings->flag(AppSettings::Flag::AutoDownload)) {
        return downloadTasks({taskId});
    }
    return {};
}

DownloadCoordinator::Outcome DownloadCoordinator::taskFinishing(const TaskRecord &record)
{
    Outcome outcome;
    if (record.status == TaskStatus::Succeeded &&
        m_settings->flag(AppSettings::Flag::AutoDownload)) {
        enqueueResults(record, outcome);
    }
    return outcome;
}

void DownloadCoordinator::tasksRemoved(const QStringList &taskIds)
{
    for (const QString &taskId : taskIds) {
        for (const int id : m_downloads.value(taskId)) {
            m_manager->cancel(id);
        }
        m_copies.remove(taskId);
        if (m_store) {
            m_store->removeTask(taskId);
        }
    }
}

DownloadCoordinator::Copy *DownloadCoordinator::copy(const QString &taskId, MediaKind kind,
                                                     int index)
{
    QList<Copy> &copies = m_copies[taskId];
    for (Copy &c : copies) {
        if (c.kind == kind && c.index == index) {
            return &c;
        }
    }
    copies.append({kind, index, {}, false});
    return &copies.last();
}

void DownloadCoordinator::onAdded(int id)
{
    if (const auto d = m_manager->download(id)) {
        m_downloads[d->request.taskId].insert(id);
        m_taskOf.insert(id, d->request.taskId);
        Q_EMIT markChanged(d->request.taskId);
    }
}

void DownloadCoordinator::onChanged(int id)
{
    const auto d = m_manager->download(id);
    if (d && d->state != DownloadState::Failed) {
        m_renewing.remove(id); // the fresh link is in use (or the user acted)
    }
    if (d && (d->isDone() || d->state == DownloadState::Failed)) {
        // Just ended: the manager's finished() follows, and onFinished() tells once the file
        // is recorded or a fresh link asked for. Told now, the mark would say "nothing" or
        // "failed" for a moment (and an automatic download's notification go out too early).
        return;
    }
    if (const auto it = m_taskOf.constFind(id); it != m_taskOf.cend()) {
        Q_EMIT markChanged(*it);
    }
}

void DownloadCoordinator::onFinished(int id)
{
    const std::optional<Download> d = m_manager->download(id);
    if (!d) {
        return;
    }
    const QString &taskId = d->request.taskId;
    if (d->state == DownloadState::Completed) {
        Copy *c = copy(taskId, d->request.kind, d->request.index);
        c->path = d->filePath;
        c->exists = true;
        c->version = ++m_lastVersion;        // a check that looked before this does not count
        std::optional<TaskRecord> described; // with its request, for the sidecar
        if (const TaskRecord *task = m_tasks->task(taskId)) {
            described = *task;
            described->paramJson = m_tasks->paramJson(taskId);
        }
        QString error;
        if (described && m_settings->flag(AppSettings::Flag::DownloadSidecar) &&
            !writeSidecar(*described, d->filePath, d->request.originalUrl(), &error)) {
            Q_EMIT problem(tr("The video was saved, but its description file (%1) could not "
                              "be written: %2")
                               .arg(sidecarPath(d->filePath), error));
        }
        Q_EMIT localFileChanged(taskId, d->request.kind, d->request.index, d->filePath);
        if (described) {
            // An upgrade has no prompt of its own: it is its original's (as in its file name).
            if (const TaskRecord *parent = m_tasks->task(described->parentTaskId);
                parent && described->prompt.isEmpty()) {
                described->prompt = parent->prompt;
            }
            m_afterDownload.downloaded(id, *described, d->filePath, d->request.originalUrl());
        }
    } else if (d->state == DownloadState::Failed &&
               d->error.category == DownloadError::Category::LinkExpired &&
               !m_linkRenewed.contains(id)) {
        // KIE's media links expire; download-url gives a fresh one for the same file.
        if (!m_renewer->canRenew(keyOf(id))) {
            //: %1: a file name
            Q_EMIT problem(tr("The link to “%1” has expired, and a new one needs the task's API "
                              "key, which is not available. Give the task a key (Change Key), "
                              "then retry the download.")
                               .arg(d->request.fileName));
        } else {
            m_linkRenewed.insert(id);
            renewLink(id, d->request.originalUrl());
        }
    }
    Q_EMIT markChanged(taskId);
}

void DownloadCoordinator::onRemoved(int id)
{
    const QString taskId = m_taskOf.take(id);
    m_afterDownload.forget(id);
    m_linkRenewed.remove(id);
    m_renewing.remove(id);
    if (auto it = m_downloads.find(taskId); it != m_downloads.end()) {
        it->remove(id);
        if (it->isEmpty()) {
            m_downloads.erase(it);
        }
    }
    Q_EMIT markChanged(taskId);
}

void DownloadCoordinator::linkNotRenewed(int id, const ApiError &error)
{
    m_renewing.remove(id);
    if (const auto it = m_taskOf.constFind(id); it != m_taskOf.cend()) {
        Q_EMIT markChanged(*it);
    }
    const auto d = m_manager->download(id);
    const QString name = d ? d->request.fileName : QString::number(id);
    //: %1: a file name; %2: why KIE did not give a new link; %3: what to do
    Q_EMIT problem(tr("The link to “%1” has expired and KIE did not give a new one: %2 %3")
                       .arg(name, error.text(), error.advice()));
}

} // namespace veo
