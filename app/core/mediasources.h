#pragma once

#include "taskrecord.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>
#include <functional>

namespace veo {

// Which of a task's URL lists a video comes from (record-info response.*Urls).
enum class MediaKind {
    Result, // resultUrls: the generated video
    Origin, // originUrls: the original before reframing (only for aspect ratios other than 16:9)
    Full,   // fullResultUrls: the whole video after an extension
};

// Stable, untranslated identifier ("result", "origin", "full") for logs, settings and names.
QString mediaKindKey(MediaKind kind);

// One video a task offers: where it is online and, when downloaded, where it is on disk.
struct MediaSource
{
    MediaKind kind = MediaKind::Result;
    int index = 0;     // position in the task's list for this kind (what download-url needs)
    int number = 0;    // 1-based among the playable URLs of this kind; 0 when it is the only one
    QUrl remoteUrl;    // as KIE gave it
    QString localPath; // an existing downloaded copy; empty = stream remoteUrl

    bool isLocal() const { return !localPath.isEmpty(); }
    // The local file when downloaded, otherwise the remote URL.
    QUrl playUrl() const;
    // "Result", "Result 2", "Origin", "Full (extended)": translated at call time.
    QString label() const;

    friend bool operator==(const MediaSource &, const MediaSource &) = default;
};

// Tells where a task's video is stored locally; an empty string when it is not downloaded.
using LocalFileProvider = std::function<QString(const QString &taskId, MediaKind kind, int index)>;

// The videos a task offers, in switcher order: results, origins, full (extended) videos.
// Empty or invalid URLs are skipped, and so is a URL that an earlier entry already offers
// (KIE may repeat the result URL in fullResultUrls). A local path is kept only when the file
// exists. The task's status is not looked at: the caller decides whether to offer playback.
QList<MediaSource> mediaSources(const TaskRecord &task, const LocalFileProvider &localFile = {});
// What a task offers to play and download at `now`: nothing before it succeeded; once KIE has
// deleted its videos (14 days, taskexpiry.h), only those with a local copy.
QList<MediaSource> offeredSources(const TaskRecord &task, const LocalFileProvider &localFile,
                                  const QDateTime &now);

} // namespace veo
