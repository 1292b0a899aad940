#pragma once

#include "apierror.h"
#include "taskkind.h"
#include "taskstatus.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace veo {

// A request this app sent that creates a task or costs credits (extend, 4K, generate). Such a
// request is sent once and never again by the app's own doing when its answer is lost.
enum class TaskSubmission {
    None,       // not sent by this app, or accepted by KIE
    Sending,    // stored, sent (or about to be); no answer yet
    AnswerLost, // sent, but no answer came back (timeout, dropped connection, restart)
    Refused,    // KIE answered with an error: nothing was created or charged
    Queued,     // stored, waiting for its turn (KIE's limit of new requests); not sent yet
    Paused,     // stored, held back by the user; not sent until resumed
};
// "none", "sending", "lost", "refused", "queued", "paused"
QString taskSubmissionKey(TaskSubmission submission);
TaskSubmission taskSubmissionFromKey(const QString &key);

// Everything known about one Veo task: KIE's record-info fields plus local bookkeeping.
struct TaskRecord
{
    // --- identity and local bookkeeping -------------------------------------------------
    QString taskId;
    TaskKind kind = TaskKind::VeoGeneration;
    QString parentTaskId;  // the task an extension or upgrade was made from; empty for none
    QString sourceTaskId;  // a generation sent from here: the task it re-ran; empty for none
    QString keyId;         // which API key polls this task; empty = the default key
    QDateTime addedAt;     // UTC
    QDateTime lastChecked; // UTC, last time an answer (good or bad) arrived
    ApiError lastError;    // last problem polling this task (None when the last poll was fine)
    // Its key is being looked for ("Try all keys"): not polled until an owner is found. Kept
    // across restarts, so an interrupted search goes on in the next run.
    bool findingOwner = false;
    // Upgrades: which of the parent's result videos (get-1080p-video / get-4k-video "index").
    int videoIndex = 0;
    // The request that created or charged this task, when this app sent it (TaskSubmission).
    TaskSubmission submission = TaskSubmission::None;
    // What the task cost, in credits: the fall of its key's balance while it ran alone on that
    // key (CostLedger). Unknown (not 0) when the change could not be put down to it alone.
    std::optional<qint64> cost;

    // --- record-info fields -------------------------------------------------------------
    TaskStatus status = TaskStatus::Pending;
    int successFlag = -1; // raw value from KIE; -1 = never read
    // Verbatim. Null when not held: the tasks in memory hold none (TaskRepository::paramJson()
    // reads it), and writing a record with a null one keeps the stored one.
    QString paramJson;
    // Parsed from paramJson (empty when absent):
    QString prompt;
    QString model;
    QString aspectRatio; // "aspect_ratio" or "aspectRatio"
    QString requestedResolution;
    QString generationType;
    std::optional<int> errorCode;
    QString errorMessage;
    QDateTime createTime;   // UTC; invalid when absent
    QDateTime completeTime; // UTC; invalid when absent
    std::optional<bool> fallbackFlag;
    QString resolution; // response.resolution
    QStringList resultUrls;
    QStringList originUrls;
    QStringList fullResultUrls;
    QStringList imageUrls; // 4K upgrades: KIE's preview images
    // Fields we do not know, kept as a compact JSON object for the details view:
    // {"data": {...}, "response": {...}} with only the unknown members.
    QByteArray extraJson;

    // Copies every record-info field from a fresh answer, keeping local bookkeeping (and the
    // paramJson held when the answer has none).
    void mergeRemote(const TaskRecord &remote);
    // The task as when it was added: who it is (ID, kind, parent, video, key, when added,
    // owner search), nothing KIE said about it.
    TaskRecord identity() const;
    // True while the task has no KIE task ID yet (a create request not accepted): its
    // taskId is a local placeholder and nothing can be read from KIE about it.
    bool awaitsTaskId() const;

    friend bool operator==(const TaskRecord &, const TaskRecord &) = default;
};

} // namespace veo

// Every member is a Qt value type, an enum or an optional number, so a record can be moved in
// memory as bytes: lists of 100,000 records grow by reallocation instead of one move each.
Q_DECLARE_TYPEINFO(veo::TaskRecord, Q_RELOCATABLE_TYPE);
