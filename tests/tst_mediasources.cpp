#include "mediasources.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace veo;

namespace {
TaskRecord task(const QStringList &results, const QStringList &origins = {},
                const QStringList &full = {})
{
    TaskRecord t;
    t.taskId = QStringLiteral("veo_task_1");
    t.status = TaskStatus::Succeeded;
    t.successFlag = 1;
    t.resultUrls = results;
    t.originUrls = origins;
    t.fullResultUrls = full;
    return t;
}

QStringList labels(const QList<MediaSource> &sources)
{
    QStringList out;
    for (const MediaSource &s : sources) {
        out << s.label();
    }
    return out;
}

QString u(const char *path)
{
    return QStringLiteral("https://tempfile.aiquickdraw.com/v/") + QLatin1String(path);
}
} // namespace

class TestMediaSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offered_data();
    void offered();
    void indexesAndUrls();
    void skipsInvalidAndDuplicateUrls();
    void localFilePreferred();
    void missingLocalFileIgnored();
    void kindKeys();
};

void TestMediaSources::offered_data()
{
    QTest::addColumn<TaskRecord>("record");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("none") << task({}) << QStringList();
    QTest::newRow("result only") << task({u("a.mp4")}) << QStringList{QStringLiteral("Result")};
    QTest::newRow("result and origin")
        << task({u("a.mp4")}, {u("o.mp4")})
        << QStringList{QStringLiteral("Result"), QStringLiteral("Origin")};
    QTest::newRow("several results")
        << task({u("a.mp4"), u("b.mp4")})
        << QStringList{QStringLiteral("Result 1"), QStringLiteral("Result 2")};
    QTest::newRow("full only") << task({}, {}, {u("f.mp4")})
                               << QStringList{QStringLiteral("Full (extended)")};
    QTest::newRow("all kinds, two origins")
        << task({u("a.mp4")}, {u("o1.mp4"), u("o2.mp4")}, {u("f.mp4")})
        << QStringList{QStringLiteral("Result"), QStringLiteral("Origin 1"),
                       QStringLiteral("Origin 2"), QStringLiteral("Full (extended)")};
}

void TestMediaSources::offered()
{
    QFETCH(TaskRecord, record);
    QFETCH(QStringList, expected);
    QCOMPARE(labels(mediaSources(record)), expected);
}

void TestMediaSources::indexesAndUrls()
{
    const QList<MediaSource> sources =
        mediaSources(task({u("a.mp4"), u("b.mp4")}, {u("o.mp4")}, {u("f.mp4")}));
    QCOMPARE(sources.size(), 4);
    QCOMPARE(sources.at(1).kind, MediaKind::Result);
    QCOMPARE(sources.at(1).index, 1);
    QCOMPARE(sources.at(1).remoteUrl, QUrl(u("b.mp4")));
    QCOMPARE(sources.at(2).kind, MediaKind::Origin);
    QCOMPARE(sources.at(2).index, 0);
    QCOMPARE(sources.at(3).kind, MediaKind::Full);
    for (const MediaSource &s : sources) {
        QVERIFY(!s.isLocal());
        QCOMPARE(s.playUrl(), s.remoteUrl);
    }
}

void TestMediaSources::skipsInvalidAndDuplicateUrls()
{
    // KIE may repeat the result in fullResultUrls; an empty entry keeps its slot (index).
    const QList<MediaSource> sources =
        mediaSources(task({QString(), u("b.mp4")}, {QStringLiteral("not a url")}, {u("b.mp4")}));
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.at(0).index, 1);
    QCOMPARE(sources.at(0).label(), QStringLiteral("Result")); // the only playable one
}

void TestMediaSources::localFilePreferred()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("veo_task_1 result.mp4"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x");
    file.close();

    QList<std::tuple<QString, MediaKind, int>> asked;
    const LocalFileProvider provider = [&](const QString &id, MediaKind kind, int index) {
        asked.append({id, kind, index});
        return kind == MediaKind::Result && index == 0 ? path : QString();
    };
    const QList<MediaSource> sources = mediaSources(task({u("a.mp4")}, {u("o.mp4")}), provider);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(std::get<0>(asked.at(0)), QStringLiteral("veo_task_1"));
    QVERIFY(sources.at(0).isLocal());
    QCOMPARE(sources.at(0).playUrl(), QUrl::fromLocalFile(path));
    QVERIFY(sources.at(0).playUrl().isLocalFile());
    QCOMPARE(sources.at(0).remoteUrl, QUrl(u("a.mp4"))); // kept for the browser / fresh link
    QVERIFY(!sources.at(1).isLocal());
    QCOMPARE(sources.at(1).playUrl(), QUrl(u("o.mp4")));
}

void TestMediaSources::missingLocalFileIgnored()
{
    const LocalFileProvider provider = [](const QString &, MediaKind, int) {
        return QStringLiteral("/nonexistent/veo/deleted.mp4");
    };
    const QList<MediaSource> sources = mediaSources(task({u("a.mp4")}), provider);
    QCOMPARE(sources.size(), 1);
    QVERIFY(!sources.at(0).isLocal());
    QCOMPARE(sources.at(0).playUrl(), QUrl(u("a.mp4")));
}

void TestMediaSources::kindKeys()
{
    QCOMPARE(mediaKindKey(MediaKind::Result), QStringLiteral("result"));
    QCOMPARE(mediaKindKey(MediaKind::Origin), QStringLiteral("origin"));
    QCOMPARE(mediaKindKey(MediaKind::Full), QStringLiteral("full"));
}

QTEST_GUILESS_MAIN(TestMediaSources)
#include "tst_mediasources.moc"
