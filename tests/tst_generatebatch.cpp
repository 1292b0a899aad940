// Batch files and lines (core/generatebatch): every field in both spellings, CSV quoting and
// separators, values a row leaves out, and every row that cannot be sent named, never dropped.
#include "generatebatch.h"

#include <QTest>

using namespace veo;

class tst_GenerateBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvReadsEveryFieldAndQuoting();
    void csvWithSemicolonsAndABomAndEmptyCells();
    void jsonInBothSpellings();
    void badRowsAreNamedAndTheRestKept();
    void notABatchSaysWhat();
    void linesBecomeOneGenerationEach();
    void aBatchHoldsAtMostAThousand();
};

namespace {
GenerateOptions base()
{
    GenerateOptions o;
    o.model = QStringLiteral("veo3_fast");
    o.aspectRatio = QStringLiteral("9:16");
    o.watermark = QStringLiteral("Base");
    return o;
}
} // namespace

void tst_GenerateBatch::csvReadsEveryFieldAndQuoting()
{
    const QByteArray csv =
        "prompt,model,aspect_ratio,resolution,seeds,watermark,enableTranslation,"
        "generationType,imageUrls\r\n"
        "\"A boat, at dawn\",veo3,16:9,1080p,12345,Studio,no,FIRST_AND_LAST_FRAMES_2_VIDEO,"
        "https://i.invalid/a.png|https://i.invalid/b.png\r\n"
        "\"Two lines\nand \"\"quotes\"\"\",,,,,,,,\r\n";
    const GenerateBatch batch = parseGenerateBatch(csv, base());
    QVERIFY2(batch.problems.isEmpty(), qPrintable(batch.problems.join(u'\n')));
    QCOMPARE(batch.generations.size(), 2);
    const GenerateOptions &a = batch.generations.at(0);
    QCOMPARE(a.prompt, QStringLiteral("A boat, at dawn"));
    QCOMPARE(a.model, QStringLiteral("veo3"));
    QCOMPARE(a.aspectRatio, QStringLiteral("16:9"));
    QCOMPARE(a.resolution, QStringLiteral("1080p"));
    QCOMPARE(a.seeds, std::optional<int>(12345));
    QCOMPARE(a.watermark, QStringLiteral("Studio"));
    QCOMPARE(a.enableTranslation, false);
    QCOMPARE(a.generationType, QStringLiteral("FIRST_AND_LAST_FRAMES_2_VIDEO"));
    QCOMPARE(a.imageUrls, (QStringList{QStringLiteral("https://i.invalid/a.png"),
                                       QStringLiteral("https://i.invalid/b.png")}));
    const GenerateOptions &b = batch.generations.at(1);
    QCOMPARE(b.prompt, QStringLiteral("Two lines\nand \"quotes\""));
    QCOMPARE(b.model, QStringLiteral("veo3_fast")); // left empty: the dialog's values
    QCOMPARE(b.aspectRatio, QStringLiteral("9:16"));
    QCOMPARE(b.watermark, QStringLiteral("Base"));
}

void tst_GenerateBatch::csvWithSemicolonsAndABomAndEmptyCells()
{
    const QByteArray csv = "\xEF\xBB\xBF" "Prompt;Aspect Ratio;Seed\n"
                           "Rain on glass;16:9;\n"
                           "\n"
                           "Snow;;54321\n";
    const GenerateBatch batch = parseGenerateBatch(csv, base());
    QVERIFY2(batch.problems.isEmpty(), qPrintable(batch.problems.join(u'\n')));
    QCOMPARE(batch.generations.size(), 2);
    QCOMPARE(batch.generations.at(0).aspectRatio, QStringLiteral("16:9"));
    QCOMPARE(batch.generations.at(0).seeds, std::nullopt);
    QCOMPARE(batch.generations.at(1).prompt, QStringLiteral("Snow"));
    QCOMPARE(batch.generations.at(1).aspectRatio, QStringLiteral("9:16"));
    QCOMPARE(batch.generations.at(1).seeds, std::optional<int>(54321));
}

void tst_GenerateBatch::jsonInBothSpellings()
{
    const QByteArray json = "{\"generations\": ["
                            "{\"prompt\": \"A fox\", \"aspectRatio\": \"Auto\", \"waterMark\": \"W\","
                            " \"seeds\": \"23456\", \"imageUrls\": [\"https://i.invalid/1.png\"]},"
                            "{\"prompt\": \"An owl\", \"aspect_ratio\": \"16:9\", \"model\": \"veo3_lite\"}"
                            "]}";
    const GenerateBatch batch = parseGenerateBatch(json, base());
    QVERIFY2(batch.problems.isEmpty(), qPrintable(batch.problems.join(u'\n')));
    QCOMPARE(batch.generations.size(), 2);
    QCOMPARE(batch.generations.at(0).aspectRatio, QStringLiteral("Auto"));
    QCOMPARE(batch.generations.at(0).watermark, QStringLiteral("W"));
    QCOMPARE(batch.generations.at(0).seeds, std::optional<int>(23456));
    QCOMPARE(batch.generations.at(0).imageUrls, QStringList{QStringLiteral("https://i.invalid/1.png")});
    QCOMPARE(batch.generations.at(1).aspectRatio, QStringLiteral("16:9"));
    QCOMPARE(batch.generations.at(1).model, QStringLiteral("veo3_lite"));
    QCOMPARE(batch.generations.at(1).watermark, QStringLiteral("Base"));
    // A bare array works too.
    QCOMPARE(parseGenerateBatch("[{\"prompt\":\"x\"}]", base()).generations.size(), 1);
}

void tst_GenerateBatch::badRowsAreNamedAndTheRestKept()
{
    const QByteArray csv = "prompt,seeds,enableTranslation,colour\n"
                           "Fine,,,red\n"
                           ",12345,,\n"
                           "Bad seed,123,,\n"
                           "Bad flag,,maybe,\n"
                           "Also fine,,yes,\n";
    const GenerateBatch batch = parseGenerateBatch(csv, base());
    QCOMPARE(batch.generations.size(), 2);
    QCOMPARE(batch.generations.at(0).prompt, QStringLiteral("Fine"));
    QCOMPARE(batch.generations.at(1).prompt, QStringLiteral("Also fine"));
    QCOMPARE(batch.problems.size(), 4);
    QVERIFY2(batch.problems.at(0).contains(QLatin1String("\"colour\"")), qPrintable(batch.problems.at(0)));
    QVERIFY2(batch.problems.at(1).startsWith(QLatin1String("Row 3 has no prompt")),
             qPrintable(batch.problems.at(1)));
    QVERIFY2(batch.problems.at(2).startsWith(QLatin1String("Row 4:")) &&
                 batch.problems.at(2).contains(QLatin1String("10000")),
             qPrintable(batch.problems.at(2)));
    QVERIFY2(batch.problems.at(3).startsWith(QLatin1String("Row 5:")) &&
                 batch.problems.at(3).contains(QLatin1String("maybe")),
             qPrintable(batch.problems.at(3)));
    const GenerateBatch json = parseGenerateBatch("[{\"prompt\":\"ok\"}, 7, {\"model\":\"veo3\"}]", base());
    QCOMPARE(json.generations.size(), 1);
    QCOMPARE(json.problems.size(), 2);
    QVERIFY(json.problems.at(0).startsWith(QLatin1String("Item 2")));
    QVERIFY(json.problems.at(1).startsWith(QLatin1String("Item 3 has no prompt")));
}

void tst_GenerateBatch::notABatchSaysWhat()
{
    for (const QByteArray &bytes : {QByteArray("[{\"prompt\": "), QByteArray("{}"),
                                    QByteArray("name,colour\nx,y\n"), QByteArray("prompt\n"),
                                    QByteArray()}) {
        const GenerateBatch batch = parseGenerateBatch(bytes, base());
        QVERIFY2(batch.generations.isEmpty(), bytes.constData());
        QVERIFY2(!batch.problems.isEmpty(), bytes.constData());
    }
    QVERIFY(parseGenerateBatch("[{\"prompt\": ", base()).problems.constFirst().contains(
        QLatin1String("not valid JSON")));
}

void tst_GenerateBatch::linesBecomeOneGenerationEach()
{
    const GenerateBatch batch =
        generateBatchFromLines(QStringLiteral("  A heron  \n\n\nA crane\r\nA stork"), base());
    QVERIFY(batch.problems.isEmpty());
    QCOMPARE(batch.generations.size(), 3);
    QCOMPARE(batch.generations.at(0).prompt, QStringLiteral("A heron"));
    QCOMPARE(batch.generations.at(1).prompt, QStringLiteral("A crane"));
    QCOMPARE(batch.generations.at(2).watermark, QStringLiteral("Base"));
}

void tst_GenerateBatch::aBatchHoldsAtMostAThousand()
{
    QString lines;
    for (int i = 0; i < MaxBatchSize + 5; ++i) {
        lines += QStringLiteral("Prompt %1\n").arg(i);
    }
    const GenerateBatch batch = generateBatchFromLines(lines, base());
    QCOMPARE(batch.generations.size(), MaxBatchSize);
    QCOMPARE(batch.problems.size(), 1);
    QVERIFY2(batch.problems.constFirst().startsWith(QLatin1String("Line 1001 and the rest")),
             qPrintable(batch.problems.constFirst()));
}

QTEST_GUILESS_MAIN(tst_GenerateBatch)
#include "tst_generatebatch.moc"
