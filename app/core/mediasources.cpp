#include "mediasources.h"

#include "taskexpiry.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace veo {

QString mediaKindKey(MediaKind kind)
{
    switch (kind) {
    case MediaKind::Result:
        return QStringLiteral("result");
    case MediaKind::Origin:
        return QStringLiteral("origin");
    case MediaKind::Full:
        return QStringLiteral("full");
    }
    return QString();
}

QUrl MediaSource::playUrl() const
{
    return isLocal() ? QUrl::fromLocalFile(localPath) : remoteUrl;
}

QString MediaSource::label() const
{
    QString name;
    switch (kind) {
    case MediaKind::Result:
        //: Video source in the player's switcher: the generated video (KIE's resultUrls)
        name = QCoreApplication::translate("MediaSource", "Result");
        break;
    case MediaKind::Origin:
        //: Video source in the player's switcher: the original video before it was reframed
        //: to the requested aspect ratio (KIE's originUrls)
        name = QCoreApplication::translate("MediaSource", "Origin");
        break;
    case MediaKind::Full:
        //: Video source in the player's switcher: the complete video after an extension
        //: (KIE's fullResultUrls)
        name = QCoreApplication::translate("MediaSource", "Full (extended)");
        break;
    }
    if (number <= 0) {
        return name;
    }
    //: Several videos of one kind: %1 is the kind ("Result"), %2 its number (1, 2, ...)
    return QCoreApplication::translate("MediaSource", "%1 %2").arg(name).arg(number);
}

QList<MediaSource> mediaSources(const TaskRecord &task, const LocalFileProvider &localFile)
{
    QList<MediaSource> sources;
    QList<QUrl> seen;
    const auto addKind = [&](MediaKind kind, const QStringList &urls) {
        QList<MediaSource> ofKind;
        for (qsizetype i = 0; i < urls.size(); ++i) {
            const QUrl url(urls.at(i).trimmed(), QUrl::StrictMode);
            if (url.isEmpty() || !url.isValid() || url.isRelative() || seen.contains(url)) {
                continue;
            }
            seen.append(url);
            MediaSource source;
            source.kind = kind;
            source.index = static_cast<int>(i);
            source.remoteUrl = url;
            if (localFile) {
                const QString path = localFile(task.taskId, kind, source.index);
                if (!path.isEmpty() && QFileInfo(path).isFile()) {
                    source.localPath = QFileInfo(path).absoluteFilePath();
                }
            }
            ofKind.append(source);
        }
        if (ofKind.size() > 1) {
            for (qsizetype n = 0; n < ofKind.size(); ++n) {
                ofKind[n].number = static_cast<int>(n + 1);
            }
        }
        sources.append(ofKind);
    };
    addKind(MediaKind::Result, task.resultUrls);
    addKind(MediaKind::Origin, task.originUrls);
    addKind(MediaKind::Full, task.fullResultUrls);
    return sources;
}

QList<MediaSource> offeredSources(const TaskRecord &task, const LocalFileProvider &localFile,
                                  const QDateTime &now)
{
    if (task.status != TaskStatus::Succeeded) {
        return {};
    }
    QList<MediaSource> sources = mediaSources(task, localFile);
    if (videosExpired(task, now)) {
        sources.removeIf([](const MediaSource &s) { return !s.isLocal(); });
    }
    return sources;
}

} // namespace veo
