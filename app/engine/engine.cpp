#include "engine.h"

#include "expirykeeper.h"
#include "imageupload.h"
#include "taskexport.h"

#include "appsettings.h"
#include "costledger.h"
#include "createrequests.h"
#include "credithistorystore.h"
#include "creditsmonitor.h"
#include "downloadmanager.h"
#include "downloadstore.h"
#include "followups.h"
#include "generations.h"
#include "keyprober.h"
#include "keyprofilestore.h"
#include "keyring.h"
#include "kieclient.h"
#include "linkrenewer.h"
#include "mediahost.h"
#include "notificationpolicy.h"
#include "refreshscheduler.h"
#include "requestscheduler.h"
#include "taskimporter.h"
#include "taskrepository.h"
#include "taskstore.h"
#include "tasktracker.h"

#include <QTimer>

#include <algorithm>
#include <limits>
#include <utility>

namespace veo {

namespace {
// How often the downloaded files are looked at again, at most.
constexpr qint64 FileCheckEveryMs = 10'000;
} // namespace

Engine::Engine(const Options &options, TaskStore *store, TokenStore *secrets, AppSettings *settings,
               QObject *parent)
    : QObject(parent), m_options(options), m_store(store), m_settings(settings),
      m_client(std::make_unique<KieClient>(options.apiBase)),
      m_keyProfiles(std::make_unique<KeyProfileStore>())
{
    m_keyProfiles->open(options.storePath);
    m_keys = std::make_unique<KeyRing>(secrets, m_keyProfiles.get());
    const auto tokens = [keys = m_keys.get()](const QString &keyId) { return keys->token(keyId); };
    m_requests = std::make_unique<RequestScheduler>(m_client.get(), tokens, options.clock);
    m_requests->setFollowSystemNetwork(options.followSystemNetwork);
    m_credits = std::make_unique<CreditsMonitor>(m_requests.get(), m_keys.get());
    m_scheduler = std::make_unique<RefreshScheduler>(m_requests.get());
    m_tasks = std::make_unique<TaskRepository>(store);
    m_tracker = std::make_unique<TaskTracker>(m_tasks.get(), m_scheduler.get());
    m_prober = std::make_unique<KeyProber>(m_requests.get(), m_tracker.get(), m_keys.get());
    m_creates = std::make_unique<CreateRequests>(m_tasks.get(), m_tracker.get(), m_requests.get());
    m_followUps =
        std::make_unique<FollowUps>(m_tasks.get(), m_tracker.get(), m_creates.get(), m_keys.get());
    m_generations = std::make_unique<Generations>(m_tasks.get(), m_creates.get(), m_keys.get());
    m_costs =
        std::make_unique<CostLedger>(m_tasks.get(), m_creates.get(), m_credits.get(), m_keys.get());
    m_creditHistory = std::make_unique<CreditHistoryStore>();
    m_creditHistory->open(options.storePath); // pruned once the task list is up (startServices)
    m_renewer = std::make_unique<LinkRenewer>(m_requests.get());
    m_downloadStore = std::make_unique<DownloadStore>();
    m_downloadStore->open(options.storePath);
    // The manager never sends the token: media hosts are not KIE.
    m_downloadManager = std::make_unique<DownloadManager>(m_client.get());
    m_downloads = std::make_unique<DownloadCoordinator>(m_downloadManager.get(), m_tasks.get(),
                                                        settings, m_renewer.get());
    m_notifications =
        std::make_unique<NotificationPolicy>(m_tasks.get(), m_downloads.get(), settings);
    m_keeper = std::make_unique<ExpiryKeeper>(m_tasks.get(), m_downloads.get(), settings,
                                              [this] { return now(); });
    connect(m_keeper.get(), &ExpiryKeeper::keeping, this, &Engine::keepingBeforeExpiry);

    connect(m_tasks.get(), &TaskRepository::taskFinished, this, &Engine::onTaskFinished);
    connect(m_tasks.get(), &TaskRepository::finishing, this,
            [this](const QList<TaskRecord> &records) {
                for (const TaskRecord &record : records) {
                    m_downloads->taskFinishing(record);
                }
            });
    // Only what the store really removed: a refused removal keeps the task and its downloads.
    connect(m_tasks.get(), &TaskFeed::removed, m_downloads.get(),
            &DownloadCoordinator::tasksRemoved);
    connect(m_tasks.get(), &TaskFeed::removed, m_notifications.get(),
            &NotificationPolicy::tasksRemoved);
    connect(m_tasks.get(), &TaskRepository::storeError, this,
            [this](const QString &text) { Q_EMIT message(text, true); });
    connect(m_downloads.get(), &DownloadCoordinator::problem, this,
            [this](const QString &text) { Q_EMIT message(text, true); });
    connect(m_notifications.get(), &NotificationPolicy::due, this, &Engine::notificationDue);
    connect(m_prober.get(), &KeyProber::ownerFound, this, &Engine::ownerFound);
    connect(m_prober.get(), &KeyProber::notOwnedByAnyKey, this, &Engine::reportUnowned);
    connect(m_credits.get(), &CreditsMonitor::lowCredits, this, &Engine::onLowCredits);
    connect(m_credits.get(), &CreditsMonitor::checked, this, &Engine::recordBalance);
    connect(m_keys.get(), &KeyRing::stateChanged, this, [this](KeyRing::State state) {
        if (state == KeyRing::State::Ready && !m_credits->isRunning()) {
            m_credits->start(); // at start, then every 10 minutes
        }
    });
    applySettings();
    m_keys->setSessionKey(options.sessionKey);
}

Engine::~Engine()
{
    flush();
}

void Engine::start()
{
    if (m_options.loadInSteps) {
        connect(m_tasks.get(), &TaskFeed::loadFinished, this, &Engine::startServices,
                Qt::SingleShotConnection);
        m_tasks->loadInSteps();
    } else {
        m_tasks->load();
        startServices();
    }
}

bool Engine::isLoading() const
{
    return m_tasks->isLoading();
}

void Engine::startServices()
{
    m_tracker->watch();
    m_creates->settleInterrupted();
    m_downloads->setStore(m_downloadStore.get()); // after the tasks: unfinished ones continue
    m_keeper->start();                            // after the downloads it may add to
    m_keys->load();
    m_generations->sendDue(); // the queue left at the last quit (or once the keys are read)
    // Balance readings older than the charts keep go with a DELETE: once the list is loaded and
    // not before the window's first paint (a short list loads before the window shows), so on
    // the event loop's next turn.
    QTimer::singleShot(
        0, this, [this] { m_creditHistory->prune(now().addDays(-CreditHistoryStore::KeepDays)); });
    if (!m_options.demoTaskIds.isEmpty()) {
        // Kept from the last launch they would show links to a server that is gone, and a
        // finished task is not asked again. Their upgrades start over with them; everything
        // else (extensions, generations, IDs added by hand) was a task of the last launch's
        // simulated server only, and goes.
        QStringList again = m_options.demoTaskIds;
        QStringList gone;
        for (const TaskRecord &t : m_tasks->tasks()) {
            const bool upgrade = t.kind == TaskKind::Veo1080p || t.kind == TaskKind::Veo4k;
            if (upgrade && m_options.demoTaskIds.contains(t.parentTaskId)) {
                again.append(t.taskId);
            } else if (!m_options.demoTaskIds.contains(t.taskId)) {
                gone.append(t.taskId);
            }
        }
        m_tracker->removeTasks(gone);
        // Their upgrades are asked for anew: their time limit starts now, not at the first
        // launch's request.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_tasks->update(
            again,
            [&now](TaskRecord &t) {
                const bool upgrade = t.kind == TaskKind::Veo1080p || t.kind == TaskKind::Veo4k;
                return upgrade && std::exchange(t.addedAt, now) != now;
            },
            tr("Could not save %n task update(s) to the task database.", nullptr,
               int(again.size())));
        m_tracker->startOver(again);
        addTasks(m_options.demoTaskIds); // the ones not listed yet
    }
}

std::chrono::milliseconds Engine::pollInterval() const
{
    // The demo's tasks move within minutes: it polls at the shortest allowed interval.
    return m_options.demo ? std::chrono::seconds(AppSettings::MinPollSeconds)
                          : m_settings->pollInterval();
}

void Engine::applySettings()
{
    m_scheduler->setInterval(pollInterval());
    // The demo's renders do not take KIE's minutes: its pace stays fixed.
    m_scheduler->setFixedInterval(m_options.demo ||
                                  m_settings->flag(AppSettings::Flag::FixedPollInterval));
    m_credits->setLowThreshold(m_settings->lowCreditThreshold());
    m_downloads->applySettings();
    m_keeper->check(); // Keep before expiry may have been turned on, or its margin widened
}

Engine::Added Engine::addTasks(const QStringList &taskIds, const QString &keyId, bool tryAllKeys)
{
    // A task belongs to an account: "the default key" means the key that is the default now,
    // not whichever becomes the default later. Only the session key (never stored) stays "".
    const QString owner = keyId.isEmpty() ? m_keys->newTaskKeyId({}) : keyId;
    Added result;
    result.added =
        tryAllKeys ? m_prober->addTasksTryingAllKeys(taskIds) : m_tracker->addTasks(taskIds, owner);
    result.known = int(std::count_if(taskIds.cbegin(), taskIds.cend(),
                                     [this](const QString &id) { return m_tasks->contains(id); })) -
                   result.added;
    return result;
}

ImportOutcome Engine::importTasks(const QList<ImportedTask> &tasks)
{
    return TaskImporter::add(tasks, *m_keys, *m_tracker);
}

void Engine::removeTasks(const QStringList &taskIds)
{
    m_tracker->removeTasks(taskIds); // downloads and notifications follow the committed removal
}

void Engine::changeKey(const QStringList &taskIds, const QString &keyId)
{
    m_tracker->setTaskKey(taskIds, keyId);
    m_prober->stopSearching(taskIds); // the user's choice ends a "Try all keys"
}

int Engine::findOwners(const QStringList &taskIds)
{
    return m_prober->findOwners(taskIds);
}

void Engine::refresh(const QStringList &taskIds)
{
    m_scheduler->refreshNow(listed(taskIds));
}

void Engine::setPaused(bool paused)
{
    m_scheduler->setPaused(paused);
}

DownloadCoordinator::Outcome Engine::download(const QStringList &taskIds)
{
    return m_downloads->downloadTasks(taskIds);
}

DownloadCoordinator::Outcome Engine::downloadVideo(const QString &taskId, MediaKind kind, int index)
{
    return m_downloads->downloadVideo(taskId, kind, index);
}

void Engine::renewLink(const QString &taskId, const QUrl &url, MediaKind kind, int index)
{
    const TaskRecord *task = m_tasks->task(taskId);
    m_renewer->renew(task ? task->keyId : QString(), url, this,
                     [this, taskId, kind, index](const ApiError &error, const QUrl &fresh) {
                         if (error.isError()) {
                             Q_EMIT linkNotRenewed(taskId, error.text() + QLatin1Char('\n') +
                                                               error.advice());
                         } else {
                             Q_EMIT linkRenewed(taskId, kind, index, fresh);
                         }
                     });
}

void Engine::probeMediaLink(const QUrl &url, QObject *context,
                            std::function<void(int, const QString &)> done) const
{
    veo::probeMediaLink(m_client->network(), url, context, std::move(done));
}

void Engine::fetchMediaFile(const QUrl &url, qint64 maxBytes, std::chrono::milliseconds timeout,
                            QObject *context,
                            std::function<void(const QByteArray &, const QString &)> done) const
{
    veo::fetchMediaFile(m_client->network(), url, maxBytes, timeout, context, std::move(done));
}

ImageUpload *Engine::uploadImage(const QString &keyId, const QString &filePath,
                                 QObject *parent) const
{
    return ImageUpload::create(*m_client, m_keys->token(keyId), filePath, parent);
}

QList<TaskRecord> Engine::listed(const QStringList &taskIds) const
{
    if (taskIds.isEmpty()) {
        return m_tasks->tasks();
    }
    QList<TaskRecord> tasks;
    for (const QString &id : taskIds) {
        if (const TaskRecord *t = m_tasks->task(id)) {
            tasks.append(*t);
        }
    }
    return tasks;
}

QList<ExportedTask> Engine::exportTasks(const QStringList &taskIds) const
{
    QList<TaskRecord> tasks = listed(taskIds);
    m_tasks->fillParamJson(tasks); // the list holds no requests: the export has them
    return exportedTasks(tasks, m_keys->profiles(), m_downloadStore->localCopies());
}

void Engine::checkFiles()
{
    if (!m_lastFileCheck.isValid() || m_lastFileCheck.hasExpired(FileCheckEveryMs)) {
        m_lastFileCheck.start();
        m_downloads->checkFiles();
    }
}

void Engine::flush()
{
    m_tasks->flush();
}

QHash<QString, int> Engine::taskCountsPerKey() const
{
    return m_keyProfiles->taskCounts();
}

QList<CreditReading> Engine::creditHistory(const QString &keyId, const QDateTime &from,
                                           const QDateTime &to) const
{
    return m_creditHistory->readings(m_keys->resolve(keyId), from, to);
}

QDateTime Engine::now() const
{
    return m_options.now ? m_options.now() : QDateTime::currentDateTimeUtc();
}

void Engine::recordBalance(const QString &keyId, const ApiError &error, qint64 credits)
{
    const auto profile = m_keys->profile(keyId);
    // The session key is never stored, and may be another account at the next launch.
    if (error.isError() || !profile || profile->sessionOnly) {
        return;
    }
    m_creditHistory->append(profile->id, {now().toUTC(), credits});
}

void Engine::onTaskFinished(const QString &taskId, TaskStatus status)
{
    const TaskRecord *task = m_tasks->task(taskId);
    if (!task) {
        return;
    }
    m_credits->taskFinished(m_keys->resolve(task->keyId));
    const DownloadCoordinator::Outcome downloading = m_downloads->taskFinished(taskId, status);
    // Queued a moment ago, before the task's commit (TaskRepository::finishing): in progress.
    m_notifications->taskFinished(taskId, status, downloading.queued + downloading.inProgress);
}

void Engine::onLowCredits(const QString &keyId, qint64 left, qint64 threshold)
{
    const auto profile = m_keys->profile(keyId);
    const int count = int(std::min<qint64>(left, std::numeric_limits<int>::max()));
    //: %n: credits left; %1: the key's label; %L2: the warning level
    Q_EMIT message(tr("The API key “%1” has %n credit(s) left (you are warned below %L2). Top "
                      "up on kie.ai to keep rendering.",
                      nullptr, count)
                       .arg(profile ? profile->label : keyId)
                       .arg(threshold),
                   true);
}

void Engine::reportUnowned(const QStringList &taskIds)
{
    constexpr int Listed = 5;
    QStringList shown = taskIds.mid(0, Listed);
    if (taskIds.size() > Listed) {
        shown << QStringLiteral("…");
    }
    //: %1: one task ID, or several separated by commas
    Q_EMIT message(tr("None of your API keys can see %n task(s): %1. Check the IDs, or add the "
                      "key of the account that created them (API Keys…).",
                      nullptr, int(taskIds.size()))
                       .arg(shown.join(QStringLiteral(", "))),
                   true);
}

} // namespace veo
