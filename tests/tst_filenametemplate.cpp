#include "filenametemplate.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBoundaryFinder>

using namespace veo;

namespace {

FileNameFields sampleFields()
{
    FileNameFields f;
    f.created = QDateTime(QDate(2026, 3, 5), QTime(14, 7), Qt::LocalTime);
    f.completed = f.created.addSecs(200);
    f.prompt = QStringLiteral("A red fox running through snow");
    f.taskId = QStringLiteral("veo_abc123");
    f.model = QStringLiteral("veo3_fast");
    f.resolution = QStringLiteral("1080p");
    f.kind = QStringLiteral("result");
    f.ext = QStringLiteral("mp4");
    return f;
}

int bytes(const QString &s)
{
    return int(s.toUtf8().size());
}

// True when s ends between two grapheme clusters and has no lone surrogate.
bool endsOnCharacterBoundary(const QString &whole, const QString &prefix)
{
    if (!whole.startsWith(prefix)) {
        return false;
    }
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, whole);
    finder.setPosition(prefix.size());
    return finder.isAtBoundary() && QString::fromUtf8(prefix.toUtf8()) == prefix;
}

bool touch(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write("x") == 1;
}

} // namespace

class TestFileNameTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultTemplate()
    {
        QCOMPARE(FileNameTemplate::validate(FileNameTemplate::defaultTemplate()), QString());
        QCOMPARE(FileNameTemplate::fileName(FileNameTemplate::defaultTemplate(), sampleFields()),
                 QStringLiteral("20260305-1407_A red fox running through snow_veo_abc123_result"
                                ".mp4"));
    }

    void indexIsEmptyForASingleVideo()
    {
        FileNameFields f = sampleFields();
        const QString pattern = QStringLiteral("{taskId}_{kind}{index}");
        QCOMPARE(FileNameTemplate::fileName(pattern, f), QStringLiteral("veo_abc123_result.mp4"));
        f.index = 2;
        f.kind = QStringLiteral("origin");
        QCOMPARE(FileNameTemplate::fileName(pattern, f), QStringLiteral("veo_abc123_origin2.mp4"));
    }

    void everyField()
    {
        const FileNameFields f = sampleFields();
        QCOMPARE(FileNameTemplate::fileName(
                     QStringLiteral("{model}-{resolution}-{completed:yyyy}-{ext}-{prompt:5}"), f),
                 QStringLiteral("veo3_fast-1080p-2026-mp4-A red.mp4"));
        // Field names are not case-sensitive; "{{" and "}}" are literal braces.
        QCOMPARE(FileNameTemplate::fileName(QStringLiteral("{{{TASKID}}}"), f),
                 QStringLiteral("{veo_abc123}.mp4"));
        // ".{ext}" at the end is where the extension goes anyway: not twice.
        QCOMPARE(FileNameTemplate::fileName(QStringLiteral("{taskId}.{ext}"), f),
                 QStringLiteral("veo_abc123.mp4"));
        // A time format with ':' still gives a safe name.
        QCOMPARE(FileNameTemplate::fileName(QStringLiteral("{created:HH:mm}"), f),
                 QStringLiteral("14_07.mp4"));
    }

    void datesAreLocalTime()
    {
        FileNameFields f = sampleFields();
        f.created = QDateTime(QDate(2026, 1, 1), QTime(0, 30), Qt::UTC);
        QCOMPARE(FileNameTemplate::fileName(QStringLiteral("{created:yyyyMMdd-HHmm}"), f),
                 f.created.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm")) +
                     QStringLiteral(".mp4"));
        f.created = QDateTime();
        QCOMPARE(FileNameTemplate::fileName(QStringLiteral("{created}x"), f),
                 QStringLiteral("x.mp4"));
    }

    void invalidTemplateFallsBackToDefault()
    {
        const FileNameFields f = sampleFields();
        QCOMPARE(FileNameTemplate::fileName(QStringLiteral("{nope}"), f),
                 FileNameTemplate::fileName(FileNameTemplate::defaultTemplate(), f));
    }

    void unsafeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("reserved") << QStringLiteral("a<b>c:d\"e/f\\g|h?i*j.mp4")
                                  << QStringLiteral("a_b_c_d_e_f_g_h_i_j.mp4");
        QTest::newRow("whitespace") << QStringLiteral(" tab\there\r\nnew \u00a0 line .mp4")
                                    << QStringLiteral("tab here new line.mp4");
        QTest::newRow("control") << QStringLiteral("\x01"
                                                   "ctl\x7f"
                                                   "x\u0085y.mp4")
                                 << QStringLiteral("_ctl_x y.mp4");
        QTest::newRow("leading dots")
            << QStringLiteral("...hidden.mp4") << QStringLiteral("hidden.mp4");
        QTest::newRow("trailing dots")
            << QStringLiteral("name. . .mp4") << QStringLiteral("name.mp4");
        QTest::newRow("no extension") << QStringLiteral("name. ") << QStringLiteral("name");
        QTest::newRow("traversal")
            << QStringLiteral("../../etc/passwd") << QStringLiteral("_.._etc_passwd");
        QTest::newRow("empty") << QString() << QStringLiteral("download");
        QTest::newRow("only dots") << QStringLiteral(". . .mp4") << QStringLiteral("download.mp4");
        QTest::newRow("bidi") << QStringLiteral("evil\u202egpj.exe")
                              << QStringLiteral("evilgpj.exe");
        QTest::newRow("lone surrogate")
            << QString(QChar(0xd83d)) + QStringLiteral("x.mp4") << QStringLiteral("_x.mp4");
        QTest::newRow("CON") << QStringLiteral("CON.mp4") << QStringLiteral("_CON.mp4");
        QTest::newRow("con") << QStringLiteral("con") << QStringLiteral("_con");
        QTest::newRow("nul space") << QStringLiteral("nul .mp4") << QStringLiteral("_nul.mp4");
        QTest::newRow("Com1") << QStringLiteral("Com1.mp4") << QStringLiteral("_Com1.mp4");
        QTest::newRow("LPT9 double")
            << QStringLiteral("LPT9.tar.mp4") << QStringLiteral("_LPT9.tar.mp4");
        QTest::newRow("COM superscript")
            << QStringLiteral("COM\u00b9.mp4") << QStringLiteral("_COM\u00b9.mp4");
        QTest::newRow("AUX prefix only")
            << QStringLiteral("AUXILIARY.mp4") << QStringLiteral("AUXILIARY.mp4");
        QTest::newRow("COM10") << QStringLiteral("COM10.mp4") << QStringLiteral("COM10.mp4");
        QTest::newRow("Chinese") << QStringLiteral("红色狐狸：雪地.mp4")
                                 << QStringLiteral("红色狐狸：雪地.mp4");
    }

    void unsafeNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(FileNameTemplate::makeSafe(name), expected);
        // Safe names stay as they are.
        QCOMPARE(FileNameTemplate::makeSafe(expected), expected);
    }

    void promptFromTemplateIsMadeSafe()
    {
        FileNameFields f = sampleFields();
        f.prompt = QStringLiteral("  A/B: \"quoted\"\n\n*star*?  ");
        f.taskId = QStringLiteral("CON");
        QCOMPARE(FileNameTemplate::fileName(QStringLiteral("{taskId}"), f),
                 QStringLiteral("_CON.mp4"));
        QCOMPARE(FileNameTemplate::fileName(QStringLiteral("{prompt}"), f),
                 QStringLiteral("A_B_ _quoted_ _star__.mp4"));
        f.prompt.clear();
        QCOMPARE(FileNameTemplate::fileName(QStringLiteral("{prompt}"), f),
                 QStringLiteral("download.mp4"));
    }

    void longChinesePromptIsCutOnCharacters()
    {
        FileNameFields f = sampleFields();
        f.prompt =
            QStringLiteral("一只红色的狐狸在清晨的雪地里奔跑，电影感，慢动作。").repeated(20);
        const QString name = FileNameTemplate::fileName(QStringLiteral("{prompt}"), f);
        QVERIFY2(bytes(name) <= FileNameTemplate::MaxFileNameBytes, qPrintable(name));
        QVERIFY(name.endsWith(QLatin1String(".mp4")));
        const QString stem = name.chopped(4);
        QVERIFY(endsOnCharacterBoundary(f.prompt, stem));
        QCOMPARE(stem.size(), (FileNameTemplate::MaxFileNameBytes - 4) / 3); // 65 characters
        // With the default template (prompt:40) Chinese fits and nothing is cut.
        const QString full = FileNameTemplate::fileName(FileNameTemplate::defaultTemplate(), f);
        QVERIFY(bytes(full) <= FileNameTemplate::MaxFileNameBytes);
        QVERIFY(full.contains(f.prompt.left(40)));
    }

    void emojiAreNotSplit()
    {
        const QString thumb = QStringLiteral("\U0001F44D\U0001F3FD"); // thumbs up, skin tone
        const QString family = QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467");
        FileNameFields f = sampleFields();
        f.prompt = QString(thumb + family + QStringLiteral("a")).repeated(30);
        const QString name = FileNameTemplate::fileName(QStringLiteral("{prompt}"), f);
        QVERIFY(bytes(name) <= FileNameTemplate::MaxFileNameBytes);
        QVERIFY(endsOnCharacterBoundary(f.prompt, name.chopped(4)));
        // {prompt:N} counts what a reader sees as characters.
        QCOMPARE(FileNameTemplate::fileName(QStringLiteral("{prompt:2}"), f),
                 thumb + family + QStringLiteral(".mp4"));
        // Any byte limit: never half a character.
        for (int limit = 8; limit < 60; ++limit) { // 8: the first cluster fits
            const QString cut = FileNameTemplate::cutToBytes(f.prompt, limit);
            QVERIFY(bytes(cut) <= limit);
            QVERIFY2(endsOnCharacterBoundary(f.prompt, cut), qPrintable(QString::number(limit)));
        }
    }

    void hugeClusterFallsBackToCodePoints()
    {
        const QString zalgo = QStringLiteral("e") + QString(300, QChar(0x0301));
        const QString cut = FileNameTemplate::cutToBytes(zalgo, 100);
        QVERIFY(!cut.isEmpty());
        QVERIFY(bytes(cut) <= 100);
        const QString name = FileNameTemplate::makeSafe(zalgo + QStringLiteral(".mp4"));
        QVERIFY(bytes(name) <= FileNameTemplate::MaxFileNameBytes);
        QVERIFY(name.endsWith(QLatin1String(".mp4")));
    }

    void utf8Size()
    {
        QCOMPARE(FileNameTemplate::utf8Size(QStringLiteral("a\u00e9\u4e2d\U0001F600")),
                 1 + 2 + 3 + 4);
    }

    void uniquePathNeverOverwrites()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString d = dir.path();
        const QString name = QStringLiteral("clip.mp4");
        QCOMPARE(FileNameTemplate::uniquePath(d, name), QDir(d).filePath(name));
        QVERIFY(touch(QDir(d).filePath(name)));
        QCOMPARE(FileNameTemplate::uniquePath(d, name),
                 QDir(d).filePath(QStringLiteral("clip (2).mp4")));
        // A download in progress owns its name through its .part (and .part.json).
        QVERIFY(touch(QDir(d).filePath(QStringLiteral("clip (2).mp4.part"))));
        QVERIFY(touch(QDir(d).filePath(QStringLiteral("clip (3).mp4.part.json"))));
        QVERIFY(touch(QDir(d).filePath(QStringLiteral("clip (4).mp4.json"))));
        QCOMPARE(FileNameTemplate::uniquePath(d, name),
                 QDir(d).filePath(QStringLiteral("clip (5).mp4")));
        // Names promised to queued downloads (case-insensitively: Windows and macOS).
        const QSet<QString> taken{QDir(d).filePath(QStringLiteral("CLIP (5).MP4"))};
        QCOMPARE(FileNameTemplate::uniquePath(d, name, taken),
                 QDir(d).filePath(QStringLiteral("clip (6).mp4")));
        // A dangling link is a name in use too.
        QVERIFY(QFile::link(QDir(d).filePath(QStringLiteral("nowhere")),
                            QDir(d).filePath(QStringLiteral("link.mp4"))));
        QCOMPARE(FileNameTemplate::uniquePath(d, QStringLiteral("link.mp4")),
                 QDir(d).filePath(QStringLiteral("link (2).mp4")));
        // No extension.
        QVERIFY(touch(QDir(d).filePath(QStringLiteral("noext"))));
        QCOMPARE(FileNameTemplate::uniquePath(d, QStringLiteral("noext")),
                 QDir(d).filePath(QStringLiteral("noext (2)")));
    }

    void uniquePathKeepsTheByteLimit()
    {
        QTemporaryDir dir;
        FileNameFields f = sampleFields();
        f.prompt = QStringLiteral("雪").repeated(300);
        const QString name = FileNameTemplate::fileName(QStringLiteral("{prompt}"), f);
        QVERIFY(touch(QDir(dir.path()).filePath(name)));
        const QString second = QFileInfo(FileNameTemplate::uniquePath(dir.path(), name)).fileName();
        QVERIFY2(second.endsWith(QLatin1String(" (2).mp4")), qPrintable(second));
        QVERIFY(bytes(second) <= FileNameTemplate::MaxFileNameBytes);
        QVERIFY(touch(QDir(dir.path()).filePath(second)));
    }

    void validate_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("default") << FileNameTemplate::defaultTemplate() << true << QString();
        QTest::newRow("one field") << QStringLiteral("{taskId}") << true << QString();
        QTest::newRow("literal only") << QStringLiteral("video") << true << QString();
        QTest::newRow("escaped braces") << QStringLiteral("{{x}}_{taskId}") << true << QString();
        QTest::newRow("date format") << QStringLiteral("{created:yyyy-MM-dd}") << true << QString();
        QTest::newRow("prompt 1") << QStringLiteral("{prompt:1}") << true << QString();
        QTest::newRow("prompt 200") << QStringLiteral("{prompt:200}") << true << QString();
        QTest::newRow("any case") << QStringLiteral("{TASKID}{Kind}") << true << QString();
        QTest::newRow("unknown") << QStringLiteral("{foo}_{taskId}") << false
                                 << QStringLiteral("foo");
        QTest::newRow("unclosed") << QStringLiteral("{taskId") << false << QStringLiteral("1");
        QTest::newRow("unopened") << QStringLiteral("a}b") << false << QStringLiteral("2");
        QTest::newRow("nested") << QStringLiteral("{a{taskId}}") << false << QStringLiteral("1");
        QTest::newRow("empty field") << QStringLiteral("{}") << false << QString();
        QTest::newRow("prompt 0") << QStringLiteral("{prompt:0}") << false << QStringLiteral("200");
        QTest::newRow("prompt 201")
            << QStringLiteral("{prompt:201}") << false << QStringLiteral("200");
        QTest::newRow("prompt text")
            << QStringLiteral("{prompt:abc}") << false << QStringLiteral("200");
        QTest::newRow("option on model")
            << QStringLiteral("{model:3}") << false << QStringLiteral("model");
        QTest::newRow("empty") << QString() << false << QString();
    }

    void validate()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, valid);
        QFETCH(QString, mentions);
        const QString error = FileNameTemplate::validate(pattern);
        QCOMPARE(error.isEmpty(), valid);
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void preview()
    {
        const QDateTime now(QDate(2026, 7, 1), QTime(9, 15), Qt::LocalTime);
        const auto good = FileNameTemplate::preview(FileNameTemplate::defaultTemplate(), now);
        QVERIFY(good.error.isEmpty());
        QVERIFY2(good.fileName.startsWith(QLatin1String("20260701-0915_")),
                 qPrintable(good.fileName));
        QVERIFY(good.fileName.endsWith(QLatin1String("_result.mp4")));
        QVERIFY(FileNameTemplate::utf8Size(good.fileName) <= FileNameTemplate::MaxFileNameBytes);
        const auto bad = FileNameTemplate::preview(QStringLiteral("{oops"), now);
        QVERIFY(bad.fileName.isEmpty());
        QCOMPARE(bad.error, FileNameTemplate::validate(QStringLiteral("{oops")));
    }
};

QTEST_GUILESS_MAIN(TestFileNameTemplate)
#include "tst_filenametemplate.moc"
