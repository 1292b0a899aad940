#include "appsettings.h"

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
    s.sync();
    QCOMPARE(AppSettings(path).pollSeconds(), 12); // persisted
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

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
