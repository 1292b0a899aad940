#include "appsettings.h"
#include "filenametemplate.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace veo;

class TestAppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pollIntervalDefaultAndClamp();
    void handEditedGarbageFallsBack();
    void layoutRoundTrip();
    void downloadSettings();
    void taskViewSettings();

private:
    QTemporaryDir m_dir;
};

void TestAppSettings::pollIntervalDefaultAndClamp()
{
    const QString path = m_dir.filePath(QStringLiteral("a.ini"));
    AppSettings s(path);
    QCOMPARE(s.pollSeconds(), 30);
    s.setPollSeconds(1);
    QCOMPARE(s.pollSeconds(), AppSettings::MinPollSeconds);
    s.setPollSeconds(12);
    QCOMPARE(s.pollSeconds(), 12);
    QCOMPARE(s.pollInterval(), std::chrono::milliseconds(12000));
    // The same setting is the longest wait of the adaptive schedule, unless fixed is chosen.
    QVERIFY(!s.flag(AppSettings::Flag::FixedPollInterval));
    s.setFlag(AppSettings::Flag::FixedPollInterval, true);
    s.sync();
    QCOMPARE(AppSettings(path).pollSeconds(), 12); // persisted
    QVERIFY(AppSettings(path).flag(AppSettings::Flag::FixedPollInterval));
}

void TestAppSettings::handEditedGarbageFallsBack()
{
    const QString path = m_dir.filePath(QStringLiteral("b.ini"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[polling]\nintervalSeconds=soon\n");
    f.close();
    QCOMPARE(AppSettings(path).pollSeconds(), AppSettings::DefaultPollSeconds);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("[polling]\nintervalSeconds=2\n");
    f.close();
    QCOMPARE(AppSettings(path).pollSeconds(), AppSettings::MinPollSeconds);
}

void TestAppSettings::layoutRoundTrip()
{
    const QString path = m_dir.filePath(QStringLiteral("c.ini"));
    {
        AppSettings s(path);
        s.setLayout(AppSettings::Layout::TableHeader, QByteArray("\x00\x01header", 8));
        s.setLayout(AppSettings::Layout::Splitter, "split");
    }
    AppSettings s(path);
    QCOMPARE(s.layout(AppSettings::Layout::TableHeader), QByteArray("\x00\x01header", 8));
    QCOMPARE(s.layout(AppSettings::Layout::Splitter), QByteArray("split"));
    QVERIFY(s.layout(AppSettings::Layout::Geometry).isEmpty());
}

void TestAppSettings::taskViewSettings()
{
    const QString path = m_dir.filePath(QStringLiteral("views.ini"));
    {
        AppSettings s(path);
        QCOMPARE(s.taskView(), AppSettings::TaskView::List);
        QVERIFY(!s.flag(AppSettings::Flag::ListThumbnails)); // the list streams nothing unasked
        s.setTaskView(AppSettings::TaskView::Gallery);
        s.setFlag(AppSettings::Flag::ListThumbnails, true);
    }
    AppSettings again(path);
    QCOMPARE(again.taskView(), AppSettings::TaskView::Gallery);
    QVERIFY(again.flag(AppSettings::Flag::ListThumbnails));
    QSettings raw(path, QSettings::IniFormat);
    raw.setValue(QStringLiteral("ui/taskView"), QStringLiteral("carousel")); // hand-edited
    raw.sync();
    QCOMPARE(AppSettings(path).taskView(), AppSettings::TaskView::List);
}

void TestAppSettings::downloadSettings()
{
    const QString path = m_dir.filePath(QStringLiteral("d.ini"));
    {
        AppSettings s(path);
        QVERIFY(s.downloadFolder().endsWith(QStringLiteral("/Veo Tracker")));
        QCOMPARE(s.downloadFolder(), AppSettings::defaultDownloadFolder());
        QCOMPARE(s.fileNameTemplate(), FileNameTemplate::defaultTemplate());
        QCOMPARE(s.concurrentDownloads(), 3);
        QVERIFY(!s.flag(AppSettings::Flag::AutoDownload)); // off unless the user asks
        QVERIFY(!s.flag(AppSettings::Flag::DownloadSidecar));
        s.setDownloadFolder(m_dir.filePath(QStringLiteral("videos/../clips/")));
        s.setFileNameTemplate(QStringLiteral(" {taskId}_{kind} "));
        s.setConcurrentDownloads(99);
        s.setFlag(AppSettings::Flag::AutoDownload, true);
        s.setLastSelectedTask(QStringLiteral("veo_task_1"));
    }
    AppSettings s(path);
    QCOMPARE(s.downloadFolder(), m_dir.filePath(QStringLiteral("clips")));
    QCOMPARE(s.fileNameTemplate(), QStringLiteral("{taskId}_{kind}"));
    QCOMPARE(s.concurrentDownloads(), AppSettings::MaxConcurrentDownloads);
    QVERIFY(s.flag(AppSettings::Flag::AutoDownload));
    QCOMPARE(s.lastSelectedTask(), QStringLiteral("veo_task_1"));

    // A hand-edited file with a broken template or a relative folder falls back.
    QFile f(m_dir.filePath(QStringLiteral("e.ini")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[downloads]\nfolder=relative/dir\nfileNameTemplate={nosuchfield}\nconcurrent=0\n");
    f.close();
    AppSettings edited(f.fileName());
    QCOMPARE(edited.downloadFolder(), AppSettings::defaultDownloadFolder());
    QCOMPARE(edited.fileNameTemplate(), FileNameTemplate::defaultTemplate());
    QCOMPARE(edited.concurrentDownloads(), 1);
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
