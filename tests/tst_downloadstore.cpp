#include "downloadstore.h"
#include "taskstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace veo;

namespace {

Download sample(const QString &taskId, MediaKind kind, int index, DownloadState state)
{
    Download d;
    d.request.taskId = taskId;
    d.request.kind = kind;
    d.request.index = index;
    d.request.url = QUrl(QStringLiteral("https://tempfile.example/%1.mp4?sig=a%2Bb").arg(taskId));
    d.request.sourceUrl = QUrl(QStringLiteral("https://kie.example/%1.mp4").arg(taskId));
    d.request.destinationDir = QStringLiteral("/home/user/Videos/Veo 视频");
    d.request.fileName = QStringLiteral("20260101-0800_红狐_%1_result.mp4").arg(taskId);
    d.state = state;
    return d;
}

} // namespace

class TestDownloadStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = m_dir->filePath(QStringLiteral("tasks.sqlite"));
        QCOMPARE(m_tasks.open(m_path), TaskStore::OpenResult::Opened);
        QVERIFY2(m_store.open(m_path), qPrintable(m_store.errorString()));
    }
    void cleanup()
    {
        m_store.close();
        m_tasks.close();
        m_dir.reset();
    }

    void needsTheMigratedFile()
    {
        DownloadStore store;
        QVERIFY(!store.open(m_dir->filePath(QStringLiteral("other.sqlite"))));
        QVERIFY(!store.errorString().isEmpty());
        QVERIFY(!store.isOpen());
        QVERIFY(store.loadUnfinished().isEmpty());
        QVERIFY(store.localCopies().isEmpty());
        QVERIFY(
            !store.save(sample(QStringLiteral("a"), MediaKind::Result, 0, DownloadState::Queued)));
    }

    void roundTrip()
    {
        Download queued = sample(QStringLiteral("t1"), MediaKind::Result, 0, DownloadState::Queued);
        queued.request.expectedSize = 12345;
        Download failed = sample(QStringLiteral("t2"), MediaKind::Origin, 2, DownloadState::Failed);
        failed.error.category = DownloadError::Category::LinkExpired;
        failed.error.httpStatus = 403;
        failed.error.detail = QStringLiteral("detail");
        const Download paused =
            sample(QStringLiteral("t3"), MediaKind::Full, 0, DownloadState::Paused);
        const Download done =
            sample(QStringLiteral("t4"), MediaKind::Result, 0, DownloadState::Completed);
        for (const Download &d : {queued, failed, paused, done}) {
            QVERIFY(m_store.save(d));
        }
        const QList<Download> loaded = m_store.loadUnfinished();
        QCOMPARE(loaded.size(), 3);
        QCOMPARE(loaded.at(0).request, queued.request);
        QCOMPARE(loaded.at(0).state, DownloadState::Queued);
        QCOMPARE(loaded.at(1).request, failed.request);
        QCOMPARE(loaded.at(1).error, failed.error);
        QCOMPARE(loaded.at(2).state, DownloadState::Paused);
        QVERIFY(!loaded.at(2).error.isError());
        QVERIFY(!loaded.at(2).request.expectedSize);
    }

    void localFiles()
    {
        Download d = sample(QStringLiteral("t1"), MediaKind::Result, 1, DownloadState::Running);
        QVERIFY(m_store.save(d));
        QVERIFY(m_store.localFile(QStringLiteral("t1"), MediaKind::Result, 1).isEmpty());
        d.state = DownloadState::Completed;
        d.filePath = QStringLiteral("/videos/a.mp4");
        QVERIFY(m_store.save(d));
        QCOMPARE(m_store.localFile(QStringLiteral("t1"), MediaKind::Result, 1), d.filePath);
        QVERIFY(m_store.localFile(QStringLiteral("t1"), MediaKind::Result, 0).isEmpty());
        QVERIFY(m_store.localFile(QStringLiteral("t1"), MediaKind::Origin, 1).isEmpty());

        // Downloading the same video again keeps the old copy known until the new one is done;
        // cancelling the new one keeps it too.
        Download again = d;
        again.state = DownloadState::Running;
        again.filePath.clear();
        again.request.fileName = QStringLiteral("a (2).mp4");
        QVERIFY(m_store.save(again));
        QCOMPARE(m_store.localFile(QStringLiteral("t1"), MediaKind::Result, 1), d.filePath);
        QCOMPARE(m_store.loadUnfinished().size(), 1);
        again.state = DownloadState::Cancelled;
        QVERIFY(m_store.save(again));
        QCOMPARE(m_store.localFile(QStringLiteral("t1"), MediaKind::Result, 1), d.filePath);
        QVERIFY(m_store.loadUnfinished().isEmpty());
        again.state = DownloadState::Completed;
        again.filePath = QStringLiteral("/videos/a (2).mp4");
        QVERIFY(m_store.save(again));
        QCOMPARE(m_store.localFile(QStringLiteral("t1"), MediaKind::Result, 1), again.filePath);
    }

    void cancelledNeverDownloadedIsForgotten()
    {
        Download d = sample(QStringLiteral("t1"), MediaKind::Result, 0, DownloadState::Running);
        QVERIFY(m_store.save(d));
        d.state = DownloadState::Cancelled;
        QVERIFY(m_store.save(d));
        QVERIFY(m_store.loadUnfinished().isEmpty());
        QVERIFY(m_store.localFile(QStringLiteral("t1"), MediaKind::Result, 0).isEmpty());
    }

    void removeTask()
    {
        Download d = sample(QStringLiteral("t1"), MediaKind::Result, 0, DownloadState::Completed);
        d.filePath = QStringLiteral("/videos/x.mp4");
        QVERIFY(m_store.save(d));
        QVERIFY(m_store.save(
            sample(QStringLiteral("t2"), MediaKind::Result, 0, DownloadState::Queued)));
        QVERIFY(m_store.removeTask(QStringLiteral("t1")));
        QVERIFY(m_store.localFile(QStringLiteral("t1"), MediaKind::Result, 0).isEmpty());
        QCOMPARE(m_store.loadUnfinished().size(), 1);
    }

    void localCopies()
    {
        Download a = sample(QStringLiteral("t1"), MediaKind::Result, 0, DownloadState::Completed);
        a.filePath = QStringLiteral("/videos/a.mp4");
        Download b = sample(QStringLiteral("t2"), MediaKind::Origin, 1, DownloadState::Completed);
        b.filePath = QStringLiteral("/videos/b.mp4");
        const Download running =
            sample(QStringLiteral("t1"), MediaKind::Origin, 0, DownloadState::Running);
        const Download failed =
            sample(QStringLiteral("t3"), MediaKind::Full, 0, DownloadState::Failed);
        Download cancelled =
            sample(QStringLiteral("t4"), MediaKind::Result, 0, DownloadState::Queued);
        for (const Download &d : {a, running, b, failed, cancelled}) {
            QVERIFY(m_store.save(d));
        }
        cancelled.state = DownloadState::Cancelled;
        QVERIFY(m_store.save(cancelled));
        // Downloading b again: its completed copy stays listed while the new one runs.
        Download again = b;
        again.state = DownloadState::Running;
        again.filePath.clear();
        QVERIFY(m_store.save(again));

        const QList<LocalCopy> expected = {
            {QStringLiteral("t1"), MediaKind::Result, 0, a.filePath},
            {QStringLiteral("t2"), MediaKind::Origin, 1, b.filePath},
        };
        QCOMPARE(m_store.localCopies(), expected);
        for (const LocalCopy &copy : expected) {
            QCOMPARE(m_store.localFile(copy.taskId, copy.kind, copy.index), copy.path);
        }

        QVERIFY(m_store.removeTask(QStringLiteral("t1")));
        QCOMPARE(m_store.localCopies(), expected.mid(1));
    }

    void survivesReopen()
    {
        QVERIFY(m_store.save(
            sample(QStringLiteral("t1"), MediaKind::Origin, 0, DownloadState::Paused)));
        m_store.close();
        m_tasks.close();
        QCOMPARE(m_tasks.open(m_path), TaskStore::OpenResult::Opened);
        QVERIFY(m_store.open(m_path));
        QCOMPARE(m_store.loadUnfinished().size(), 1);
        QCOMPARE(m_store.loadUnfinished().first().request.kind, MediaKind::Origin);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    TaskStore m_tasks;
    DownloadStore m_store;
};

QTEST_GUILESS_MAIN(TestDownloadStore)
#include "tst_downloadstore.moc"
