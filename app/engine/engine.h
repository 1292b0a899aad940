#pragma once

#include "creditspend.h"
#include "downloadcoordinator.h"
#include "mediasources.h"
#include "taskstatus.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <chrono>
#include <functional>
#include <memory>

namespace veo {

class AppSettings;
struct ApiError;
class Clock;
class CostLedger;
class CreateRequests;
class CreditHistoryStore;
class CreditsMonitor;
class DownloadManager;
class DownloadStore;
class ExpiryKeeper;
class FollowUps;
class ImageUpload;
struct ExportedTask;
struct ImportOutcome;
struct ImportedTask;
class Generations;
class KeyProber;
class KeyProfileStore;
class KeyRing;
class KieClient;
class LinkRenewer;
class NotificationPolicy;
class RefreshScheduler;
class RequestScheduler;
class TaskRepository;
class TaskStore;
class TaskTracker;
class TokenStore;

// The running application without its window: the task repository, polling, keys, credits
// and what tasks cost, downloads, link renewal and the decisions around them (what notifies,
// what the settings change). Views read its parts and follow their signals; everything they
// want done goes through the commands below. The token is looked up by key id when a request
// is sent and handed only to the KieClient (the API origin).
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    struct Options
    {
        QUrl apiBase;       // already checked (checkApiBase)
        bool demo = false;  // the demo polls at the shortest interval, whatever the settings
        QString storePath;  // the open task store's file (key metadata and downloads too)
        QString sessionKey; // KIE_API_KEY or the demo's: used for this run only, never stored
        // The demo's tasks: its simulated server starts their story over at every launch
        // (with new links), so start() starts them over too.
        QStringList demoTaskIds;
        // Follow the system's network state; off for a server on this machine (demo, tests).
        bool followSystemNetwork = true;
        // start() reads the task list a little at a time (the window's list fills in behind)
        // and starts the services once it is read; otherwise all of it before start() returns.
        bool loadInSteps = false;
        // The request machine's and the schedulers' clock (not owned); null = a steady one.
        Clock *clock = nullptr;
        // The wall clock (the 14-day clock of Keep before expiry, when balances were read);
        // null = the system's.
        std::function<QDateTime()> now;
    };

    // store is open and outlives the engine; secrets and settings too.
    Engine(const Options &options, TaskStore *store, TokenStore *secrets, AppSettings *settings,
           QObject *parent = nullptr);
    ~Engine() override;

    // Loads the tasks, continues unfinished downloads and reads the keys; polling starts.
    void start();
    // The task list is still being read (Options::loadInSteps); the services start after it.
    bool isLoading() const;
    bool isDemo() const { return m_options.demo; }
    QString storePath() const { return m_options.storePath; }

    // --- parts the views read and follow -------------------------------------------------
    TaskRepository *tasks() const { return m_tasks.get(); }
    RefreshScheduler *scheduler() const { return m_scheduler.get(); }
    KeyRing *keys() const { return m_keys.get(); }
    CreditsMonitor *credits() const { return m_credits.get(); }
    DownloadCoordinator *downloads() const { return m_downloads.get(); }
    // 1080P, 4K and extensions of finished videos (its commands and extensionSettled()).
    FollowUps *followUps() const { return m_followUps.get(); }
    // New generations sent from here (its commands and generationSettled()).
    Generations *generations() const { return m_generations.get(); }
    DownloadManager *downloadManager() const { return m_downloadManager.get(); }
    AppSettings *settings() const { return m_settings; }

    // --- commands ------------------------------------------------------------------------
    struct Added
    {
        int added = 0; // new in the list
        int known = 0; // already tracked (a no-op)
    };
    // keyId "" = the key that is the default now (bound by its id; only the session key stays
    // ""). tryAllKeys: the owner is unknown and every key is asked in turn.
    Added addTasks(const QStringList &taskIds, const QString &keyId = {}, bool tryAllKeys = false);
    // Adds an import file's tasks (File → Import Tasks…, a dropped file): keys by label, else
    // the default key (TaskImporter).
    ImportOutcome importTasks(const QList<ImportedTask> &tasks);
    // Stops tracking: the records go, unfinished downloads are cancelled, files stay.
    void removeTasks(const QStringList &taskIds);
    // The user's choice of key; it ends any "Try all keys" search of these tasks.
    void changeKey(const QStringList &taskIds, const QString &keyId);
    // Asks every key which one owns these tasks; returns how many are being asked about.
    int findOwners(const QStringList &taskIds);
    // Polls these tasks (finished ones too) as soon as limits allow; empty = every task.
    void refresh(const QStringList &taskIds = {});
    void setPaused(bool paused);
    DownloadCoordinator::Outcome download(const QStringList &taskIds);
    DownloadCoordinator::Outcome downloadVideo(const QString &taskId, MediaKind kind, int index);
    // A fresh link for an expired media link of the task: linkRenewed() or linkNotRenewed().
    void renewLink(const QString &taskId, const QUrl &url, MediaKind kind, int index);
    // Asks the media host how it answers url (no credentials, no cookies): the HTTP status, or
    // 0 and the network error. done is not called once context is gone.
    void probeMediaLink(const QUrl &url, QObject *context,
                        std::function<void(int httpStatus, const QString &error)> done) const;
    // Fetches a small file from a media host (a preview picture) with no credentials and no
    // cookies: its bytes, or an empty array and why not. See veo::fetchMediaFile.
    void
    fetchMediaFile(const QUrl &url, qint64 maxBytes, std::chrono::milliseconds timeout,
                   QObject *context,
                   std::function<void(const QByteArray &body, const QString &error)> done) const;
    // An upload of an image from disk to KIE's file storage, sent with this key's secret (""
    // = the default key); not started yet (ImageUpload::start()). Its address goes into a
    // generation's imageUrls.
    ImageUpload *uploadImage(const QString &keyId, const QString &filePath, QObject *parent) const;
    // These tasks (all when empty) as exported: with their keys' labels and downloaded files.
    QList<ExportedTask> exportTasks(const QStringList &taskIds) const;
    // Looks again whether downloaded files are still there, at most every 10 s (the files may
    // be on a slow or unplugged drive).
    void checkFiles();
    // Applies the settings (poll interval, warning level, downloads) after they changed.
    void applySettings();
    // Commits what is waiting to be committed (before quitting).
    void flush();
    // Tasks per stored key id (for the keys dialog).
    QHash<QString, int> taskCountsPerKey() const;
    // A stored key's balance readings from `from` to `to`, preceded by the last one before
    // (see CreditHistoryStore::readings()): every answered credits check of a stored key is
    // kept for CreditHistoryStore::KeepDays; the session key's are not.
    QList<CreditReading> creditHistory(const QString &keyId, const QDateTime &from,
                                       const QDateTime &to) const;

Q_SIGNALS:
    // Something the user should read, translated: a store error, low credits, a download
    // problem, tasks no key can see.
    void message(const QString &text, bool warning);
    // A finished task is worth a notification now (NotificationPolicy decided).
    void notificationDue(const QString &taskId, bool success);
    // A "Try all keys" search bound the task to keyId ("" = the session key).
    void ownerFound(const QString &taskId, const QString &keyId);
    // Keep before expiry queued downloads of `videos` videos of these tasks.
    void keepingBeforeExpiry(const QStringList &taskIds, int videos);
    void linkRenewed(const QString &taskId, veo::MediaKind kind, int index, const QUrl &fresh);
    void linkNotRenewed(const QString &taskId, const QString &message);

private:
    // What start() does once the task list is read: watching, downloads, keys, the queue.
    void startServices();
    // The listed tasks of these IDs (every task when empty), in the list's order or theirs.
    QList<TaskRecord> listed(const QStringList &taskIds) const;
    void onTaskFinished(const QString &taskId, TaskStatus status);
    void onLowCredits(const QString &keyId, qint64 left, qint64 threshold);
    void recordBalance(const QString &keyId, const ApiError &error, qint64 credits);
    QDateTime now() const; // the wall clock (Options::now)
    void reportUnowned(const QStringList &taskIds);
    std::chrono::milliseconds pollInterval() const;

    Options m_options;
    TaskStore *m_store;
    AppSettings *m_settings;
    std::unique_ptr<KieClient> m_client;
    std::unique_ptr<KeyProfileStore> m_keyProfiles;
    std::unique_ptr<KeyRing> m_keys;
    std::unique_ptr<RequestScheduler> m_requests; // every request to KIE goes through it
    std::unique_ptr<CreditsMonitor> m_credits;
    std::unique_ptr<RefreshScheduler> m_scheduler;
    std::unique_ptr<TaskRepository> m_tasks;
    std::unique_ptr<TaskTracker> m_tracker;
    std::unique_ptr<KeyProber> m_prober;
    std::unique_ptr<CreateRequests> m_creates;
    std::unique_ptr<FollowUps> m_followUps;
    std::unique_ptr<Generations> m_generations;
    std::unique_ptr<CostLedger> m_costs; // what each task cost, from its key's credits
    std::unique_ptr<CreditHistoryStore> m_creditHistory; // every balance read, for the charts
    std::unique_ptr<LinkRenewer> m_renewer;
    std::unique_ptr<DownloadStore> m_downloadStore;
    std::unique_ptr<DownloadManager> m_downloadManager;
    std::unique_ptr<DownloadCoordinator> m_downloads;
    std::unique_ptr<NotificationPolicy> m_notifications;
    std::unique_ptr<ExpiryKeeper> m_keeper;
    QElapsedTimer m_lastFileCheck;
};

} // namespace veo
