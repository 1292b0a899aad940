// The action icons: every name renders at 1x and 2x in the palette's colour for the icon mode,
// and an icon already in use follows a palette change (light to dark and back).
#include "icons.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>
#include <QTest>
#include <algorithm>
#include <cstdlib>

using namespace veo;

namespace {

const QStringList iconNames = {
    QStringLiteral("add"),         QStringLiteral("remove"),      QStringLiteral("refresh"),
    QStringLiteral("pause"),       QStringLiteral("resume"),      QStringLiteral("copy"),
    QStringLiteral("keys"),        QStringLiteral("preferences"), QStringLiteral("quit"),
    QStringLiteral("download"),    QStringLiteral("downloads"),   QStringLiteral("folder"),
    QStringLiteral("open-file"),   QStringLiteral("play"),        QStringLiteral("cancel"),
    QStringLiteral("retry"),       QStringLiteral("clear"),       QStringLiteral("warning"),
    QStringLiteral("key-missing"), QStringLiteral("volume"),      QStringLiteral("volume-muted"),
    QStringLiteral("generate"),
};

const QColor lightText(0x1a, 0x1a, 0x1a);
const QColor lightDisabledText(0x9e, 0x9e, 0x9e);
const QColor lightHighlightedText(0xff, 0xff, 0xff);
const QColor darkText(0xf2, 0xf2, 0xf2);
const QColor darkDisabledText(0x6e, 0x6e, 0x6e);
const QColor darkHighlightedText(0x10, 0x20, 0x40);

QPalette makePalette(const QColor &window, const QColor &text, const QColor &disabledText,
                     const QColor &highlightedText)
{
    QPalette palette(window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, disabledText);
    palette.setColor(QPalette::HighlightedText, highlightedText);
    return palette;
}

QPalette lightPalette()
{
    return makePalette(Qt::white, lightText, lightDisabledText, lightHighlightedText);
}

QPalette darkPalette()
{
    return makePalette(QColor(0x2b, 0x2b, 0x2b), darkText, darkDisabledText, darkHighlightedText);
}

// The pixels that are at least half opaque, and how many of them are not the expected colour.
// Antialiased edges are unpremultiplied, so a channel may be off by rounding.
struct Ink
{
    int pixels = 0;
    int offColour = 0;
};

Ink inkOf(const QImage &source, const QColor &expected)
{
    const QImage image = source.convertToFormat(QImage::Format_ARGB32);
    Ink ink;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (qAlpha(pixel) < 128)
                continue;
            ++ink.pixels;
            if (std::abs(qRed(pixel) - expected.red()) > 3 ||
                std::abs(qGreen(pixel) - expected.green()) > 3 ||
                std::abs(qBlue(pixel) - expected.blue()) > 3)
                ++ink.offColour;
        }
    }
    return ink;
}

QImage pixelsOf(const QPixmap &pixmap)
{
    QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(1);
    return image;
}

// The SVG drawn straight at size x size device pixels, in colour.
QImage reference(const QString &name, int size, const QColor &colour)
{
    QFile file(QStringLiteral(":/icons/actions/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QSvgRenderer renderer(file.readAll().replace("#ff00ff", colour.name().toLatin1()));
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    return image;
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanupTestCase();
    void shippedIconsAreTheNamedOnes();
    void everyIcon_data();
    void everyIcon();
    void followsPaletteChange_data();
    void followsPaletteChange();
    void modesTakeTheirPaletteColours_data();
    void modesTakeTheirPaletteColours();
    void translucentColourKeepsItsAlpha();
    void paintRendersAtDevicePixels();
    void detachedCopyRendersTheSame();
    void unknownNameIsNullAndWarns();

private:
    void addNameRows();
};

void TestIcons::addNameRows()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : iconNames)
        QTest::newRow(qPrintable(name)) << name;
}

void TestIcons::init()
{
    QApplication::setPalette(lightPalette());
}

void TestIcons::cleanupTestCase()
{
    QApplication::setPalette(QPalette());
}

void TestIcons::shippedIconsAreTheNamedOnes()
{
    QStringList expected;
    for (const QString &name : iconNames)
        expected << name + QStringLiteral(".svg");
    expected.sort();
    QCOMPARE(QDir(QStringLiteral(":/icons/actions")).entryList(QDir::Files, QDir::Name), expected);
}

void TestIcons::everyIcon_data()
{
    addNameRows();
}

void TestIcons::everyIcon()
{
    QFETCH(QString, name);
    const QIcon icon = themedIcon(name);
    QVERIFY(!icon.isNull());
    QCOMPARE(icon.name(), name);

    const QPixmap normal = icon.pixmap(QSize(16, 16), 1.0);
    QCOMPARE(normal.size(), QSize(16, 16));
    QCOMPARE(normal.devicePixelRatio(), 1.0);
    const Ink normalInk = inkOf(normal.toImage(), lightText);
    QVERIFY2(normalInk.pixels >= 10, qPrintable(QString::number(normalInk.pixels)));
    QCOMPARE(normalInk.offColour, 0);

    const QPixmap doubled = icon.pixmap(QSize(16, 16), 2.0);
    QCOMPARE(doubled.size(), QSize(32, 32));
    QCOMPARE(doubled.devicePixelRatio(), 2.0);
    QCOMPARE(doubled.deviceIndependentSize(), QSizeF(16, 16));
    const Ink doubledInk = inkOf(doubled.toImage(), lightText);
    QVERIFY2(doubledInk.pixels >= 40, qPrintable(QString::number(doubledInk.pixels)));
    QCOMPARE(doubledInk.offColour, 0);
    // Drawn at 32 device pixels, not a 16 pixel rendering scaled up.
    QCOMPARE(pixelsOf(doubled), reference(name, 32, lightText));
    QCOMPARE(pixelsOf(icon.pixmap(QSize(32, 32), 1.0)), reference(name, 32, lightText));
}

void TestIcons::followsPaletteChange_data()
{
    addNameRows();
}

void TestIcons::followsPaletteChange()
{
    QFETCH(QString, name);
    const QIcon icon = themedIcon(name);

    struct Step
    {
        QPalette palette;
        QColor text;
    };
    const Step steps[] = {
        {lightPalette(), lightText}, {darkPalette(), darkText}, {lightPalette(), lightText}};
    for (const Step &step : steps) {
        QApplication::setPalette(step.palette);
        for (const qreal dpr : {1.0, 2.0}) {
            const Ink ink = inkOf(icon.pixmap(QSize(16, 16), dpr).toImage(), step.text);
            QVERIFY(ink.pixels > 0);
            QVERIFY2(ink.offColour == 0,
                     qPrintable(QStringLiteral("%1 of %2 pixels are not %3 at %4x")
                                    .arg(ink.offColour)
                                    .arg(ink.pixels)
                                    .arg(step.text.name())
                                    .arg(dpr)));
        }
    }
}

void TestIcons::modesTakeTheirPaletteColours_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QColor>("colour");
    const struct
    {
        const char *label;
        QPalette palette;
        QColor text, disabled, highlighted;
    } themes[] = {{"light", lightPalette(), lightText, lightDisabledText, lightHighlightedText},
                  {"dark", darkPalette(), darkText, darkDisabledText, darkHighlightedText}};
    for (const auto &theme : themes) {
        const auto row = [&](const char *mode) -> QTestData & {
            return QTest::addRow("%s %s", theme.label, mode) << theme.palette;
        };
        row("normal") << int(QIcon::Normal) << theme.text;
        row("active") << int(QIcon::Active) << theme.text;
        row("disabled") << int(QIcon::Disabled) << theme.disabled;
        row("selected") << int(QIcon::Selected) << theme.highlighted;
    }
}

void TestIcons::modesTakeTheirPaletteColours()
{
    QFETCH(QPalette, palette);
    QFETCH(int, mode);
    QFETCH(QColor, colour);
    QApplication::setPalette(palette);
    for (const QString &name : iconNames) {
        const QPixmap pixmap =
            themedIcon(name).pixmap(QSize(16, 16), 2.0, static_cast<QIcon::Mode>(mode));
        const Ink ink = inkOf(pixmap.toImage(), colour);
        QVERIFY2(ink.pixels > 0 && ink.offColour == 0, qPrintable(name));
    }
}

void TestIcons::translucentColourKeepsItsAlpha()
{
    QPalette palette = lightPalette();
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x20, 0x40, 0x80, 96));
    QApplication::setPalette(palette);
    const QPixmap pixmap = themedIcon(QStringLiteral("add")).pixmap(QSize(32, 32), QIcon::Disabled);
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    int maxAlpha = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            maxAlpha = std::max(maxAlpha, qAlpha(image.pixel(x, y)));
    }
    QVERIFY2(maxAlpha >= 94 && maxAlpha <= 98, qPrintable(QString::number(maxAlpha)));
    // The middle of the plus is fully covered by both strokes: there the colour is exact.
    const QRgb centre = image.pixel(16, 16);
    QCOMPARE(qAlpha(centre), maxAlpha);
    QVERIFY(std::abs(qRed(centre) - 0x20) <= 3 && std::abs(qGreen(centre) - 0x40) <= 3 &&
            std::abs(qBlue(centre) - 0x80) <= 3);
}

void TestIcons::paintRendersAtDevicePixels()
{
    const QIcon icon = themedIcon(QStringLiteral("refresh"));
    QImage canvas(32, 32, QImage::Format_ARGB32_Premultiplied);
    canvas.setDevicePixelRatio(2);
    canvas.fill(Qt::transparent);
    {
        QPainter painter(&canvas);
        icon.paint(&painter, QRect(0, 0, 16, 16));
    }
    canvas.setDevicePixelRatio(1);
    QCOMPARE(canvas, pixelsOf(icon.pixmap(QSize(32, 32), 1.0)));
}

void TestIcons::detachedCopyRendersTheSame()
{
    const QIcon icon = themedIcon(QStringLiteral("folder"));
    QIcon copy = icon;
    copy.detach(); // clones the engine
    QVERIFY(!copy.isNull());
    QCOMPARE(copy.name(), QStringLiteral("folder"));
    QCOMPARE(pixelsOf(copy.pixmap(QSize(16, 16), 2.0)), pixelsOf(icon.pixmap(QSize(16, 16), 2.0)));
}

void TestIcons::unknownNameIsNullAndWarns()
{
    QTest::ignoreMessage(QtWarningMsg, "veo::themedIcon: no icon named \"no-such-icon\"");
    QVERIFY(themedIcon(QStringLiteral("no-such-icon")).isNull());
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
