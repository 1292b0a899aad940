// Fault matrix, downloads: the real DownloadManager and DownloadJob against a media host that
// drops the connection every MiB, a disk that fills up in the middle of a download, and a
// download folder on a read-only file system. Every time: a clear error (or none), the .part
// kept, no completed file touched, and the right bytes in the end.
#include "downloadfixture.h"
#include "smallfs.h"

#include <QStorageInfo>
#include <unistd.h>

using namespace veo;
using namespace veo::test;
using Category = DownloadError::Category;
using Options = FakeKieServer::FileOptions;

namespace {
constexpr qsizetype MiB = 1024 * 1024;
}

class tst_FaultsDownload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup()
    {
        m_fs.reset();
        f.tearDown();
    }

    void mediaHostDropsEveryMiB()
    {
        const QByteArray data = randomBytes(5 * MiB + 12345, 31);
        f.media->addFile(QStringLiteral("/m/drops.mp4"), data, "video/mp4");
        Options o;
        o.etag = "\"drops-v1\"";
        o.dropAfterBytes = MiB;
        o.dropEveryTime = true;
        f.media->setFileOptions(QStringLiteral("/m/drops.mp4"), o);
        QVERIFY(writeFile(f.path(QStringLiteral("done.mp4")), "finished before"));

        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/drops.mp4"), QStringLiteral("d.mp4")));
        QVERIFY(f.waitForState(id, DownloadState::Completed, 30000));
        QVERIFY(readAll(f.path(QStringLiteral("d.mp4"))) == data);
        // Six answers, each continuing where the previous one broke off.
        const auto gets = f.gets(*f.media);
        QCOMPARE(gets.size(), 6);
        QVERIFY(!gets.first().headers.contains("range"));
        for (qsizetype i = 1; i < gets.size(); ++i) {
            QCOMPARE(gets.at(i).headers.value("range"),
                     QByteArray("bytes=" + QByteArray::number(i * MiB) + '-'));
            QCOMPARE(gets.at(i).headers.value("if-range"), QByteArray("\"drops-v1\""));
        }
        QVERIFY(f.noCredentialsSent());
        QVERIFY(!f.leftovers());
        QCOMPARE(readAll(f.path(QStringLiteral("done.mp4"))), QByteArray("finished before"));
    }

    void diskFillsUpDuringADownload()
    {
        const QString disk = mountSmallFs(8 * MiB);
        if (disk.isEmpty()) {
            return;
        }
        const QByteArray done = randomBytes(MiB, 40);
        QVERIFY(writeFile(disk + QStringLiteral("/done.mp4"), done));
        const QByteArray data = randomBytes(4 * MiB, 41);
        f.media->addFile(QStringLiteral("/m/full.mp4"), data, "video/mp4");
        Options o;
        o.etag = "\"full-v1\"";
        o.bytesPerSecond = 2 * MiB; // slow enough to fill the disk in the middle
        f.media->setFileOptions(QStringLiteral("/m/full.mp4"), o);
        DownloadRequest r = f.request(QStringLiteral("/m/full.mp4"), QStringLiteral("full.mp4"));
        r.destinationDir = disk;
        const int id = f.manager->enqueue(r);
        QVERIFY(f.waitForBytes(id, MiB / 2));

        // Something else takes every free byte.
        QFile filler(disk + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(64 * 1024, 'f');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
        filler.close();

        QVERIFY(f.waitForState(id, DownloadState::Failed));
        const Download failed = f.get(id);
        QVERIFY2(failed.error.category == Category::DiskFull, qPrintable(failed.error.text()));
        QVERIFY(!failed.error.text().isEmpty());
        QVERIFY(!failed.error.advice().isEmpty());
        const QByteArray part = readAll(disk + QStringLiteral("/full.mp4.part"));
        QVERIFY(part.size() >= MiB / 2);
        QVERIFY(part == data.left(part.size()));
        QVERIFY(!QFile::exists(disk + QStringLiteral("/full.mp4")));
        QVERIFY(readAll(disk + QStringLiteral("/done.mp4")) == done);

        // Space again: Retry continues from the .part and ends with the right bytes.
        QVERIFY(QFile::remove(disk + QStringLiteral("/filler")));
        QVERIFY(f.manager->retry(id));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QVERIFY(readAll(disk + QStringLiteral("/full.mp4")) == data);
        QVERIFY(f.gets(*f.media).last().headers.value("range").startsWith("bytes="));
        QVERIFY(readAll(disk + QStringLiteral("/done.mp4")) == done);
    }

    void readOnlyDownloadFolder()
    {
        const bool root = ::geteuid() == 0;
        const QString disk = root ? mountSmallFs(8 * MiB) : f.path(QStringLiteral("ro"));
        if (disk.isEmpty()) {
            return;
        }
        QVERIFY(QDir().mkpath(disk));
        const QByteArray done = randomBytes(100000, 50);
        QVERIFY(writeFile(disk + QStringLiteral("/done.mp4"), done));
        if (root) {
            QVERIFY(m_fs->setReadOnly(true));
        } else {
            QVERIFY(QFile::setPermissions(disk, QFile::ReadOwner | QFile::ExeOwner));
        }
        const QByteArray data = randomBytes(2 * MiB, 51);
        f.media->addFile(QStringLiteral("/m/ro.mp4"), data, "video/mp4");
        DownloadRequest r = f.request(QStringLiteral("/m/ro.mp4"), QStringLiteral("ro.mp4"));
        r.destinationDir = disk;
        const int id = f.manager->enqueue(r);
        QVERIFY(f.waitForState(id, DownloadState::Failed));
        const Download failed = f.get(id);
        QVERIFY2(failed.error.category == Category::NotWritable, qPrintable(failed.error.text()));
        QVERIFY(!failed.error.text().isEmpty());
        QVERIFY(!failed.error.advice().isEmpty());
        QVERIFY(readAll(disk + QStringLiteral("/done.mp4")) == done);

        if (root) {
            QVERIFY(m_fs->setReadOnly(false));
        } else {
            QVERIFY(QFile::setPermissions(disk,
                                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        }
        QVERIFY(f.manager->retry(id));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QVERIFY(readAll(disk + QStringLiteral("/ro.mp4")) == data);
        QVERIFY(readAll(disk + QStringLiteral("/done.mp4")) == done);
    }

private:
    // A small tmpfs in the test's folder; empty (and the test skipped) when it cannot mount.
    QString mountSmallFs(qint64 bytes)
    {
        const QString folder = f.path(QStringLiteral("disk"));
        if (!QDir().mkpath(folder)) {
            return {};
        }
        m_fs = std::make_unique<SmallFs>(folder, bytes);
        if (!m_fs->available()) {
            // tst_downloadfailures covers a full disk (/dev/full) and RLIMIT_FSIZE without one.
            QTest::qSkip(qPrintable(QStringLiteral("needs a small tmpfs (mount: %1); see "
                                                   "tst_downloadfailures diskFull/fileSizeLimit")
                                        .arg(m_fs->error())),
                         __FILE__, __LINE__);
            return {};
        }
        return folder;
    }

    DownloadFixture f;
    std::unique_ptr<SmallFs> m_fs;
};

QTEST_GUILESS_MAIN(tst_FaultsDownload)
#include "tst_faults_download.moc"
