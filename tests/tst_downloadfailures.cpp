// DownloadManager when things go wrong: folders, a full disk, a file size limit, HTTP errors,
// timeouts, servers without ranges and files that change between attempts. In every case the
// error is reported on that download and nothing already downloaded is damaged.
#include "downloadfixture.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <sys/resource.h>

using namespace veo;
using namespace veo::test;
using Category = DownloadError::Category;
using Options = FakeKieServer::FileOptions;

namespace {

constexpr qsizetype MiB = 1024 * 1024;
const char *const ChildUrlVar = "VEO_DL_CHILD_URL";

Options withEtag(const QByteArray &etag, qint64 dropAfter = -1)
{
    Options o;
    o.etag = etag;
    o.dropAfterBytes = dropAfter;
    return o;
}

// The child side of fileSizeLimit(): downloads under RLIMIT_FSIZE and prints the outcome.
int runFileSizeChild(int argc, char **argv)
{
    // SIGXFSZ would kill the process; ignored, the write that crosses the limit fails (EFBIG).
    std::signal(SIGXFSZ, SIG_IGN);
    const auto limit = rlim_t(qEnvironmentVariable("VEO_DL_CHILD_LIMIT").toLongLong());
    const rlimit fsize{limit, limit};
    if (setrlimit(RLIMIT_FSIZE, &fsize) != 0) {
        return 3;
    }
    QCoreApplication app(argc, argv);
    KieClient client(QUrl(QStringLiteral("http://127.0.0.1:9"))); // no API calls here
    DownloadManager manager(&client);
    manager.setAutoRetry(0, std::chrono::milliseconds(0));
    DownloadRequest r;
    r.taskId = QStringLiteral("veo_fsize");
    r.url = QUrl(qEnvironmentVariable(ChildUrlVar), QUrl::StrictMode);
    r.destinationDir = qEnvironmentVariable("VEO_DL_CHILD_DIR");
    r.fileName = QStringLiteral("big.mp4");
    const int id = manager.enqueue(r);
    QObject::connect(&manager, &DownloadManager::finished, &app, [&] {
        const Download d = manager.download(id).value_or(Download{});
        std::printf("%s %s\n", qPrintable(DownloadError::categoryKey(d.error.category)),
                    qPrintable(d.error.detail));
        app.quit();
    });
    QTimer::singleShot(30000, &app, [&app] { app.exit(2); });
    return app.exec();
}

} // namespace

class TestDownloadFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup()
    {
        if (f.media) {
            QVERIFY2(f.noCredentialsSent(), "a media request carried credentials");
        }
        f.tearDown();
    }

    void missingFolderIsCreated()
    {
        f.media->addFile(QStringLiteral("/m/a.mp4"), "abc", "video/mp4");
        DownloadRequest r = f.request(QStringLiteral("/m/a.mp4"), QStringLiteral("a.mp4"));
        r.destinationDir = f.path(QStringLiteral("new/sub/folder"));
        const int id = f.manager->enqueue(r);
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QCOMPARE(readAll(f.path(QStringLiteral("new/sub/folder/a.mp4"))), QByteArray("abc"));
    }

    void folderThatCannotBeCreated_data()
    {
        QTest::addColumn<QString>("folder");
        // CI runs as root, who may write anywhere: a path under a regular file fails for all.
        QTest::newRow("under a file") << QStringLiteral("afile/sub");
        QTest::newRow("is a file") << QStringLiteral("afile");
    }

    void folderThatCannotBeCreated()
    {
        QFETCH(QString, folder);
        QVERIFY(writeFile(f.path(QStringLiteral("afile")), "keep me"));
        f.media->addFile(QStringLiteral("/m/a.mp4"), "abc", "video/mp4");
        DownloadRequest r = f.request(QStringLiteral("/m/a.mp4"), QStringLiteral("a.mp4"));
        r.destinationDir = f.path(folder);
        const int id = f.manager->enqueue(r);
        QVERIFY(f.waitForState(id, DownloadState::Failed));
        QCOMPARE(f.get(id).error.category, Category::NotWritable);
        QVERIFY(f.get(id).error.detail.contains(QLatin1String("afile")));
        QVERIFY(!f.get(id).error.advice().isEmpty());
        QVERIFY(f.media->requests().isEmpty()); // nothing is fetched that cannot be stored
        QCOMPARE(readAll(f.path(QStringLiteral("afile"))), QByteArray("keep me"));
    }

    void diskFull()
    {
        // /dev/full answers every write with ENOSPC: the .part is a link to it.
        QVERIFY(QFile::exists(QStringLiteral("/dev/full")));
        QVERIFY(writeFile(f.path(QStringLiteral("done.mp4")), "finished before"));
        f.media->addFile(QStringLiteral("/m/full.mp4"), randomBytes(MiB, 1), "video/mp4");
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), f.path(QStringLiteral("full.mp4.part"))));
        Download saved;
        saved.request = f.request(QStringLiteral("/m/full.mp4"), QStringLiteral("full.mp4"));
        const int id = f.manager->restore({saved}).value(0);
        QVERIFY(f.waitForState(id, DownloadState::Failed));
        QCOMPARE(f.get(id).error.category, Category::DiskFull);
        QVERIFY(QFileInfo(f.path(QStringLiteral("full.mp4.part"))).isSymLink());
        QVERIFY(!QFile::exists(f.path(QStringLiteral("full.mp4"))));
        QCOMPARE(readAll(f.path(QStringLiteral("done.mp4"))), QByteArray("finished before"));
    }

    void fileSizeLimit()
    {
        // RLIMIT_FSIZE in a child process (this binary again): the write that crosses it fails
        // with EFBIG; the .part keeps every byte that fit and can be continued later.
        const QByteArray data = randomBytes(3 * MiB, 2);
        f.media->addFile(QStringLiteral("/m/big.mp4"), data, "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/big.mp4"), withEtag("\"big\""));
        QVERIFY(writeFile(f.path(QStringLiteral("done.mp4")), "finished before"));
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(ChildUrlVar),
                   f.mediaUrl(QStringLiteral("/m/big.mp4")).toString());
        env.insert(QStringLiteral("VEO_DL_CHILD_DIR"), f.dir->path());
        env.insert(QStringLiteral("VEO_DL_CHILD_LIMIT"), QString::number(MiB));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(child.state() == QProcess::NotRunning, 40000);
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        const QString err = QString::fromUtf8(child.readAllStandardError());
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QVERIFY2(child.exitCode() == 0, qPrintable(err));
        QVERIFY2(out.startsWith(QLatin1String("file-too-large")), qPrintable(out + err));
        const QByteArray part = readAll(f.path(QStringLiteral("big.mp4.part")));
        QCOMPARE(part.size(), MiB);
        QVERIFY(part == data.left(MiB));
        QVERIFY(QFile::exists(f.path(QStringLiteral("big.mp4.part.json"))));
        QVERIFY(!QFile::exists(f.path(QStringLiteral("big.mp4"))));
        QCOMPARE(readAll(f.path(QStringLiteral("done.mp4"))), QByteArray("finished before"));

        // Without the limit the same download continues from there.
        Download saved;
        saved.request = f.request(QStringLiteral("/m/big.mp4"), QStringLiteral("big.mp4"));
        const int id = f.manager->restore({saved}).value(0);
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QVERIFY(readAll(f.path(QStringLiteral("big.mp4"))) == data);
        QCOMPARE(f.gets(*f.media).last().headers.value("range"),
                 QByteArray("bytes=" + QByteArray::number(MiB) + '-'));
    }

    void httpError()
    {
        f.media->addFile(QStringLiteral("/m/h.mp4"), "abc", "video/mp4");
        Options failing;
        failing.statuses = {500};
        f.media->setFileOptions(QStringLiteral("/m/h.mp4"), failing);
        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/h.mp4"), QStringLiteral("h.mp4")));
        QVERIFY(f.waitForState(id, DownloadState::Failed));
        QCOMPARE(f.get(id).error.category, Category::Http);
        QCOMPARE(f.get(id).error.httpStatus, 500);
        QVERIFY(f.get(id).error.text().contains(QLatin1String("500")));
        QVERIFY(!f.leftovers()); // no error page in a .part
        QVERIFY(f.manager->retry(id));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QCOMPARE(readAll(f.path(QStringLiteral("h.mp4"))), QByteArray("abc"));
    }

    void timeoutIsRetriedThenReported()
    {
        FakeKieServer::Response silent;
        silent.fault = FakeKieServer::Response::Fault::NeverAnswer;
        f.media->setRouteScript("/m/slow.mp4", {silent});
        f.manager->setTransferTimeout(std::chrono::milliseconds(1500));
        f.manager->setAutoRetry(1, std::chrono::milliseconds(10));
        // Counted on the manager's side: a retry is announced as a running download with the
        // error it waits out. (The server may miss a request a timeout cut short on a slow
        // machine, so its log only bounds the number of attempts.)
        int retries = 0;
        QObject listening; // disconnects before `retries` goes
        connect(f.manager.get(), &DownloadManager::changed, &listening, [&](int changedId) {
            const Download d = f.get(changedId);
            retries += d.state == DownloadState::Running && d.error.isError();
        });
        const int id = f.manager->enqueue(
            f.request(QStringLiteral("/m/slow.mp4"), QStringLiteral("slow.mp4")));
        QVERIFY(f.waitForState(id, DownloadState::Failed, 30000));
        QCOMPARE(f.get(id).error.category, Category::Network);
        QCOMPARE(retries, 1);
        const qsizetype gets = f.gets(*f.media).size();
        QVERIFY2(gets >= 1 && gets <= 2, qPrintable(QString::number(gets)));
        QVERIFY(!f.leftovers());
    }

    void connectionRefused()
    {
        f.manager->setAutoRetry(2, std::chrono::milliseconds(10));
        DownloadRequest r = f.request(QStringLiteral("/m/x.mp4"), QStringLiteral("x.mp4"));
        r.url.setPort(1); // nothing listens there
        const int id = f.manager->enqueue(r);
        QVERIFY(f.waitForState(id, DownloadState::Failed));
        QCOMPARE(f.get(id).error.category, Category::Network);
        QVERIFY(!f.get(id).error.detail.isEmpty());
    }

    void notAnHttpUrl()
    {
        DownloadRequest r = f.request(QStringLiteral("/m/x.mp4"), QStringLiteral("x.mp4"));
        r.url = QUrl(QStringLiteral("file:///etc/passwd"));
        const int id = f.manager->enqueue(r);
        QCOMPARE(f.get(id).state, DownloadState::Failed);
        QVERIFY(!f.manager->setUrl(id, QUrl(QStringLiteral("ftp://example.com/x.mp4"))));
        QVERIFY(f.media->requests().isEmpty());
    }

    void serverWithoutRangesRestartsCleanly()
    {
        const QByteArray data = randomBytes(2 * MiB, 3);
        f.media->setRangeSupport(false);
        f.media->addFile(QStringLiteral("/m/n.mp4"), data, "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/n.mp4"), withEtag("\"n\"", MiB));
        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/n.mp4"), QStringLiteral("n.mp4")));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QVERIFY(readAll(f.path(QStringLiteral("n.mp4"))) == data);
        const auto gets = f.gets(*f.media);
        QCOMPARE(gets.size(), 2);
        QVERIFY(gets.at(1).headers.contains("range")); // asked, got 200: started over
        QCOMPARE(f.media->fileBytesSent(), data.size() + MiB);
        QVERIFY(!f.leftovers());
    }

    void changedFileIsFetchedAgain_data()
    {
        QTest::addColumn<bool>("honoursIfRange");
        QTest::addColumn<int>("expectedGets");
        QTest::newRow("If-Range honoured") << true << 2; // 200 with the new file
        QTest::newRow("If-Range ignored") << false << 3; // 206 with a new ETag: start over
    }

    void changedFileIsFetchedAgain()
    {
        QFETCH(bool, honoursIfRange);
        QFETCH(int, expectedGets);
        const QByteArray v1 = randomBytes(2 * MiB, 4);
        const QByteArray v2 = randomBytes(2 * MiB + 1000, 5);
        f.manager->setAutoRetry(0, std::chrono::milliseconds(0));
        f.media->addFile(QStringLiteral("/m/c.mp4"), v1, "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/c.mp4"), withEtag("\"v1\"", MiB));
        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/c.mp4"), QStringLiteral("c.mp4")));
        QVERIFY(f.waitForState(id, DownloadState::Failed));
        QCOMPARE(f.get(id).error.category, Category::Network);
        QCOMPARE(f.get(id).bytesReceived, MiB); // the .part so far is kept

        f.media->addFile(QStringLiteral("/m/c.mp4"), v2, "video/mp4");
        Options o = withEtag("\"v2\"");
        o.honourIfRange = honoursIfRange;
        f.media->setFileOptions(QStringLiteral("/m/c.mp4"), o);
        QVERIFY(f.manager->retry(id));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QVERIFY(readAll(f.path(QStringLiteral("c.mp4"))) == v2);
        const auto gets = f.gets(*f.media);
        QCOMPARE(gets.size(), expectedGets);
        QCOMPARE(gets.at(1).headers.value("if-range"), QByteArray("\"v1\""));
        QVERIFY(!gets.last().headers.contains("range") || honoursIfRange);
    }

    void unsatisfiableRangeRestarts()
    {
        // No validators at all: the remembered size is all there is. The file shrank.
        const QByteArray v1 = randomBytes(2 * MiB, 6);
        const QByteArray v2 = randomBytes(MiB / 2, 7);
        f.manager->setAutoRetry(0, std::chrono::milliseconds(0));
        f.media->addFile(QStringLiteral("/m/s.mp4"), v1, "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/s.mp4"), withEtag({}, MiB));
        const int id =
            f.manager->enqueue(f.request(QStringLiteral("/m/s.mp4"), QStringLiteral("s.mp4")));
        QVERIFY(f.waitForState(id, DownloadState::Failed));
        f.media->addFile(QStringLiteral("/m/s.mp4"), v2, "video/mp4");
        QVERIFY(f.manager->retry(id));
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QVERIFY(readAll(f.path(QStringLiteral("s.mp4"))) == v2);
        const auto gets = f.gets(*f.media);
        QCOMPARE(gets.size(), 3);
        QCOMPARE(gets.at(1).headers.value("range"),
                 QByteArray("bytes=" + QByteArray::number(MiB) + '-'));
        QVERIFY(!gets.at(1).headers.contains("if-range"));
        QVERIFY(!gets.at(2).headers.contains("range"));
    }

    void completePartIsNotFetchedAgain()
    {
        // The app stopped after the last byte but before the rename: a 416 for the validated
        // range says the .part is the whole file.
        const QByteArray data = randomBytes(MiB, 8);
        f.media->addFile(QStringLiteral("/m/k.mp4"), data, "video/mp4");
        f.media->setFileOptions(QStringLiteral("/m/k.mp4"), withEtag("\"k\""));
        QVERIFY(writeFile(f.path(QStringLiteral("k.mp4.part")), data));
        QVERIFY(writeFile(f.path(QStringLiteral("k.mp4.part.json")),
                          "{\"etag\":\"\\\"k\\\"\",\"total\":" + QByteArray::number(MiB) + '}'));
        Download saved;
        saved.request = f.request(QStringLiteral("/m/k.mp4"), QStringLiteral("k.mp4"));
        const int id = f.manager->restore({saved}).value(0);
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QVERIFY(readAll(f.path(QStringLiteral("k.mp4"))) == data);
        QCOMPARE(f.media->fileBytesSent(), 0);
        QVERIFY(!f.leftovers());
    }

    void partWithoutSidecarStartsOver()
    {
        const QByteArray data = randomBytes(MiB, 9);
        f.media->addFile(QStringLiteral("/m/g.mp4"), data, "video/mp4");
        QVERIFY(writeFile(f.path(QStringLiteral("g.mp4.part")), randomBytes(1000, 99)));
        Download saved;
        saved.request = f.request(QStringLiteral("/m/g.mp4"), QStringLiteral("g.mp4"));
        const int id = f.manager->restore({saved}).value(0);
        QVERIFY(f.waitForState(id, DownloadState::Completed));
        QVERIFY(readAll(f.path(QStringLiteral("g.mp4"))) == data);
        QVERIFY(!f.gets(*f.media).first().headers.contains("range"));
    }

    void sizeMismatch()
    {
        f.media->addFile(QStringLiteral("/m/z.mp4"), randomBytes(1000, 10), "video/mp4");
        DownloadRequest r = f.request(QStringLiteral("/m/z.mp4"), QStringLiteral("z.mp4"));
        r.expectedSize = 999;
        const int id = f.manager->enqueue(r);
        QVERIFY(f.waitForState(id, DownloadState::Failed));
        QCOMPARE(f.get(id).error.category, Category::SizeMismatch);
        QVERIFY(!f.leftovers());
        QVERIFY(!QFile::exists(f.path(QStringLiteral("z.mp4"))));
    }

    void everyErrorHasWords()
    {
        for (int c = int(Category::Network); c <= int(Category::ServerChanged); ++c) {
            DownloadError e;
            e.category = Category(c);
            e.httpStatus = 403;
            QVERIFY(!e.text().isEmpty());
            QVERIFY(!e.advice().isEmpty());
            QCOMPARE(DownloadError::categoryFromKey(DownloadError::categoryKey(e.category)),
                     e.category);
        }
        for (int s = int(DownloadState::Queued); s <= int(DownloadState::Cancelled); ++s) {
            QCOMPARE(downloadStateFromKey(downloadStateKey(DownloadState(s))), DownloadState(s));
        }
    }

private:
    DownloadFixture f;
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(ChildUrlVar)) {
        return runFileSizeChild(argc, argv);
    }
    QCoreApplication app(argc, argv);
    TestDownloadFailures test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_downloadfailures.moc"
