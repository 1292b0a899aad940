// The settings file (storage/appsettings), an INI file the user may edit by hand: every value
// read back is within its documented range.
#include "appsettings.h"
#include "filenametemplate.h"
#include "fuzzinput.h"

#include <QFile>
#include <QTemporaryDir>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace veo;
    static const QTemporaryDir dir;
    static const QString path = dir.filePath(QStringLiteral("settings.ini"));
    // QSettings reads a file again only when its size or time changed: a new time for each
    // input. (A new file name each time would grow Qt's cache of files, which libFuzzer then
    // checks for a leak after every input.)
    static qint64 round = 0;
    {
        QFile file(path);
        fuzz::check(file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                        file.write(fuzz::bytes(data, size)) == qint64(size) &&
                        file.setFileTime(QDateTime::fromSecsSinceEpoch(++round, Qt::UTC),
                                         QFileDevice::FileModificationTime),
                    "the input is written");
    }
    {
        const AppSettings settings(path);
        const int poll = settings.pollSeconds();
        fuzz::check(poll >= AppSettings::MinPollSeconds && poll <= AppSettings::MaxPollSeconds,
                    "the poll interval is in range");
        const int downloads = settings.concurrentDownloads();
        fuzz::check(downloads >= 1 && downloads <= AppSettings::MaxConcurrentDownloads,
                    "concurrent downloads are in range");
        fuzz::check(settings.lowCreditThreshold() >= 0, "the credit threshold is not negative");
        fuzz::check(FileNameTemplate::validate(settings.fileNameTemplate()).isEmpty(),
                    "the file name template is usable");
        fuzz::check(!settings.downloadFolder().isEmpty(), "there is a download folder");
        for (const auto which :
             {AppSettings::Flag::NotifyOnSuccess, AppSettings::Flag::NotifyOnFailure,
              AppSettings::Flag::NotificationSound, AppSettings::Flag::CloseToTray,
              AppSettings::Flag::AutoDownload, AppSettings::Flag::DownloadSidecar,
              AppSettings::Flag::FixedPollInterval}) {
            (void)settings.flag(which);
        }
        for (const auto which : {AppSettings::Layout::Geometry, AppSettings::Layout::WindowState,
                                 AppSettings::Layout::TableHeader, AppSettings::Layout::Splitter,
                                 AppSettings::Layout::DetailsSplitter}) {
            (void)settings.layout(which);
        }
        (void)settings.language();
        (void)settings.lastSelectedTask();
    }
    return 0;
}
