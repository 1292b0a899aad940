#include "download.h"

#include <QDir>
#include <QLocale>
#include <algorithm>
#include <array>
#include <utility>

namespace veo {
namespace {

using Category = DownloadError::Category;

constexpr std::array<std::pair<Category, const char *>, 9> CategoryKeys{{
    {Category::None, "none"},
    {Category::Network, "network"},
    {Category::Http, "http"},
    {Category::DiskFull, "disk-full"},
    {Category::NotWritable, "not-writable"},
    {Category::FileTooLarge, "file-too-large"},
    {Category::LinkExpired, "link-expired"},
    {Category::SizeMismatch, "size-mismatch"},
    {Category::ServerChanged, "server-changed"},
}};

constexpr std::array<std::pair<DownloadState, const char *>, 6> StateKeys{{
    {DownloadState::Queued, "queued"},
    {DownloadState::Running, "running"},
    {DownloadState::Paused, "paused"},
    {DownloadState::Completed, "completed"},
    {DownloadState::Failed, "failed"},
    {DownloadState::Cancelled, "cancelled"},
}};

QString withDetail(const QString &sentence, const QString &detail)
{
    //: %1 is a sentence saying what went wrong, %2 the system's own words for it.
    return detail.isEmpty() ? sentence : DownloadError::tr("%1 (%2)").arg(sentence, detail);
}

} // namespace

QString DownloadRequest::finalPath() const
{
    return QDir(destinationDir).filePath(fileName);
}

QString DownloadError::text() const
{
    switch (category) {
    case Category::None:
        return {};
    case Category::Network:
        return withDetail(tr("The connection to the media server failed."), detail);
    case Category::Http:
        //: %1 is an HTTP status code such as 500.
        return withDetail(tr("The media server answered with HTTP status %1.").arg(httpStatus),
                          detail);
    case Category::DiskFull:
        return withDetail(tr("The disk is full."), detail);
    case Category::NotWritable:
        return withDetail(tr("The download folder cannot be written to."), detail);
    case Category::FileTooLarge:
        return withDetail(tr("The file is larger than this system allows."), detail);
    case Category::LinkExpired:
        //: %1 is an HTTP status code: 403, 404 or 410.
        return tr("The download link has expired or was removed (HTTP %1).").arg(httpStatus);
    case Category::SizeMismatch:
        return withDetail(tr("The downloaded file does not have the expected size."), detail);
    case Category::ServerChanged:
        return tr("The file changed on the server while it was being downloaded.");
    }
    return {};
}

QString DownloadError::advice() const
{
    switch (category) {
    case Category::None:
        return {};
    case Category::Network:
    case Category::Http:
        return tr("Check the connection and try again; the download continues where it stopped.");
    case Category::DiskFull:
        return tr("Free some space and try again; what was downloaded so far is kept.");
    case Category::NotWritable:
        return tr(
            "Choose another download folder in Preferences, or fix the folder's permissions.");
    case Category::FileTooLarge:
        return tr("Choose a download folder on another drive (FAT32 drives cannot hold files "
                  "over 4 GB).");
    case Category::LinkExpired:
        return tr("Get a fresh link and try again. KIE keeps generated videos for 14 days.");
    case Category::SizeMismatch:
    case Category::ServerChanged:
        return tr("Try again to download the file from the start.");
    }
    return {};
}

QString DownloadError::categoryKey(Category category)
{
    for (const auto &[value, key] : CategoryKeys) {
        if (value == category) {
            return QString::fromLatin1(key);
        }
    }
    return QStringLiteral("none");
}

DownloadError::Category DownloadError::categoryFromKey(const QString &key)
{
    for (const auto &[value, name] : CategoryKeys) {
        if (key == QLatin1String(name)) {
            return value;
        }
    }
    return key.isEmpty() ? Category::None : Category::Network; // unknown: a generic failure
}

QString downloadStateKey(DownloadState state)
{
    for (const auto &[value, key] : StateKeys) {
        if (value == state) {
            return QString::fromLatin1(key);
        }
    }
    return QStringLiteral("queued");
}

DownloadState downloadStateFromKey(const QString &key)
{
    for (const auto &[value, name] : StateKeys) {
        if (key == QLatin1String(name)) {
            return value;
        }
    }
    return DownloadState::Queued;
}

QString Download::stateText() const
{
    switch (state) {
    case DownloadState::Queued:
        //: A download waiting for a free slot.
        return tr("Queued");
    case DownloadState::Running:
        return tr("Downloading");
    case DownloadState::Paused:
        return tr("Paused");
    case DownloadState::Completed:
        //: A finished download.
        return tr("Downloaded");
    case DownloadState::Failed:
        return tr("Failed");
    case DownloadState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

int Download::percent() const
{
    if (bytesTotal <= 0) {
        return state == DownloadState::Completed ? 100 : -1;
    }
    return int(std::clamp<qint64>(bytesReceived * 100 / bytesTotal, 0, 100));
}

QString Download::progressText() const
{
    const QLocale locale;
    const QString received = locale.formattedDataSize(bytesReceived);
    if (bytesTotal < 0 || state == DownloadState::Completed) {
        return received;
    }
    //: Download progress: bytes received of the file's size ("12.4 MB of 48 MB")
    return tr("%1 of %2").arg(received, locale.formattedDataSize(bytesTotal));
}

QString Download::speedText() const
{
    if (state != DownloadState::Running || speed <= 0) {
        return {};
    }
    //: Download speed, e.g. "2.1 MB/s"
    return tr("%1/s").arg(QLocale().formattedDataSize(qint64(speed)));
}

QString Download::remainingText() const
{
    if (state != DownloadState::Running || etaSeconds < 0) {
        return {};
    }
    const qint64 minutes = etaSeconds / 60;
    const qint64 hours = minutes / 60;
    if (hours > 0) {
        //: Time left for a download: hours and minutes
        return tr("%1 h %2 min left").arg(hours).arg(minutes % 60);
    }
    if (minutes > 0) {
        //: Time left for a download: minutes and seconds
        return tr("%1 min %2 s left").arg(minutes).arg(etaSeconds % 60);
    }
    //: Time left for a download: seconds
    return tr("%1 s left").arg(etaSeconds);
}

QString DownloadMark::text() const
{
    switch (state) {
    case State::None:
        return {};
    case State::Queued:
        //: Download column: waiting to start downloading
        return tr("Queued");
    case State::Downloading:
        //: Download column: percentage downloaded so far
        return percent >= 0 ? tr("%1%").arg(percent) : tr("Downloading");
    case State::Paused:
        //: Download column: the download is paused
        return tr("Paused");
    case State::Failed:
        //: Download column: the download failed
        return tr("Failed");
    case State::Downloaded:
        //: Download column: the video is on disk; %n: how many videos when more than one
        return files > 1 ? tr("Downloaded (%n)", nullptr, files) : tr("Downloaded");
    case State::Missing:
        //: Download column: the downloaded file was deleted or moved
        return tr("File missing");
    }
    return {};
}

QString DownloadMark::toolTip() const
{
    switch (state) {
    case State::Failed:
        return tr("The download failed. Open the Downloads panel to see why and retry.");
    case State::Downloaded:
        return tr("Downloaded: plays from disk. Right-click to open the file or its folder.");
    case State::Missing:
        return tr("The downloaded file is no longer where it was saved. Download it again, "
                  "or put it back.");
    default:
        return {};
    }
}

} // namespace veo
