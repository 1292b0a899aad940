// The thumbnail disk cache: JPEGs under a folder, keyed by task and video, capped in size and
// pruned oldest-used first. Time is the test's: "used" is what the cache is told it is.
#include "thumbnailcache.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace veo;

namespace {
// The same noisy picture every time: every stored copy has the same size on disk.
QImage picture()
{
    QImage image(256, 144, QImage::Format_RGB32);
    QRandomGenerator gen(7);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            image.setPixel(x, y, gen.generate() | 0xff000000u);
        }
    }
    return image;
}
} // namespace

class TestThumbnailCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysAreStableAndFileNameSafe();
    void storeAndLoad();
    void prunesOldestUsedFirst();
    void countsWhatAnEarlierRunLeft();

private:
    QDateTime m_now = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
};

void TestThumbnailCache::keysAreStableAndFileNameSafe()
{
    const QString k = ThumbnailCache::key(QStringLiteral("veo_1"), QStringLiteral("result0"));
    QCOMPARE(k, ThumbnailCache::key(QStringLiteral("veo_1"), QStringLiteral("result0")));
    QVERIFY(k != ThumbnailCache::key(QStringLiteral("veo_1"), QStringLiteral("result1")));
    QVERIFY(k != ThumbnailCache::key(QStringLiteral("veo_2"), QStringLiteral("result0")));
    const QString odd = ThumbnailCache::key(QStringLiteral("../../x/"), QStringLiteral("a\nb"));
    QVERIFY(!odd.contains(QLatin1Char('/')) && !odd.contains(QLatin1Char('.')));
}

void TestThumbnailCache::storeAndLoad()
{
    QTemporaryDir dir;
    ThumbnailCache cache(dir.filePath(QStringLiteral("thumbnails")));
    const QString key = ThumbnailCache::key(QStringLiteral("veo_1"), QStringLiteral("result0"));
    QVERIFY(cache.load(key).isNull());
    QVERIFY(!cache.contains(key));
    QImage red(256, 144, QImage::Format_RGB32);
    red.fill(Qt::red);
    QVERIFY(cache.store(key, red));
    QVERIFY(cache.contains(key));
    const QImage back = cache.load(key);
    QCOMPARE(back.size(), red.size());
    const QColor c = back.pixelColor(128, 72); // JPEG: close, not equal
    QVERIFY2(c.red() > 230 && c.green() < 30 && c.blue() < 30, qPrintable(c.name()));
    QVERIFY(!cache.store(key, QImage())); // nothing to store
}

void TestThumbnailCache::prunesOldestUsedFirst()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("thumbnails"));
    QDateTime now = m_now;
    const QImage image = picture();
    qint64 one = 0;
    {
        ThumbnailCache probe(dir.filePath(QStringLiteral("probe")));
        QVERIFY(probe.store(QStringLiteral("x"), image));
        one = probe.sizeBytes();
    }
    QVERIFY(one > 1000);
    // Room for three and a half.
    ThumbnailCache cache(folder, 3 * one + one / 2, [&now] { return now; });
    const auto key = [](const char *id) {
        return ThumbnailCache::key(QString::fromLatin1(id), QStringLiteral("result0"));
    };
    for (const char *id : {"a", "b", "c"}) {
        now = now.addSecs(60);
        QVERIFY(cache.store(key(id), image));
    }
    QCOMPARE(cache.sizeBytes(), 3 * one);
    now = now.addSecs(60);
    QVERIFY(!cache.load(key("a")).isNull()); // a is now the most recently used
    now = now.addSecs(60);
    QVERIFY(cache.store(key("d"), image)); // over the cap: the oldest used goes
    QVERIFY(!cache.contains(key("b")));
    QVERIFY(cache.contains(key("a")));
    QVERIFY(cache.contains(key("c")));
    QVERIFY(cache.contains(key("d")));
    QVERIFY(cache.sizeBytes() <= 3 * one + one / 2);
    now = now.addSecs(60);
    QVERIFY(cache.store(key("e"), image));
    QVERIFY(!cache.contains(key("c"))); // next oldest used
    QVERIFY(cache.contains(key("a")));
}

void TestThumbnailCache::countsWhatAnEarlierRunLeft()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("thumbnails"));
    QDateTime now = m_now;
    const QImage image = picture();
    {
        ThumbnailCache first(folder, ThumbnailCache::DefaultCapBytes, [&now] { return now; });
        for (const char *id : {"a", "b", "c"}) {
            now = now.addSecs(60);
            QVERIFY(first.store(ThumbnailCache::key(QString::fromLatin1(id), {}), image));
        }
    }
    const qint64 three = ThumbnailCache(folder).sizeBytes();
    // A smaller cap in the next run: its first store prunes what the last run left.
    ThumbnailCache second(folder, three, [&now] { return now; });
    now = now.addSecs(60);
    QVERIFY(second.store(ThumbnailCache::key(QStringLiteral("d"), {}), image));
    QVERIFY(second.sizeBytes() <= three);
    QVERIFY(!second.contains(ThumbnailCache::key(QStringLiteral("a"), {})));
    QVERIFY(second.contains(ThumbnailCache::key(QStringLiteral("d"), {})));
}

QTEST_MAIN(TestThumbnailCache)
#include "tst_thumbnailcache.moc"
