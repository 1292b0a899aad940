#include "icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace veo {

namespace {

constexpr char placeholderColor[] = "#ff00ff";
constexpr QSize gridSize(16, 16);

QColor colorFor(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

class ThemedIconEngine final : public QIconEngine
{
public:
    ThemedIconEngine(const QString &name, const QByteArray &svg) : m_name(name), m_svg(svg) {}

    QIconEngine *clone() const override { return new ThemedIconEngine(*this); }
    QString key() const override { return QStringLiteral("veo-themed"); }
    QString iconName() override { return m_name; }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        return gridSize.scaled(size, Qt::KeepAspectRatio);
    }

    // size is in device pixels: QIcon::pixmap(size, dpr) asks for size * dpr.
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        const QSize pixelSize = actualSize(size, mode, state);
        if (pixelSize.isEmpty())
            return {};
        // Keyed by the colour, so a palette change finds no stale pixmap.
        const QColor color = colorFor(mode);
        const QString cacheKey = QStringLiteral("veo-icon:%1:%2:%3x%4")
                                     .arg(m_name)
                                     .arg(color.rgba(), 8, 16, QLatin1Char('0'))
                                     .arg(pixelSize.width())
                                     .arg(pixelSize.height());
        QPixmap result;
        if (!QPixmapCache::find(cacheKey, &result)) {
            result = render(pixelSize, color);
            QPixmapCache::insert(cacheKey, result);
        }
        return result;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device()->devicePixelRatio();
        QPixmap pm = pixmap(rect.size() * dpr, mode, state);
        pm.setDevicePixelRatio(dpr);
        QRectF target(QPointF(), pm.deviceIndependentSize());
        target.moveCenter(QRectF(rect).center());
        painter->drawPixmap(target, pm, QRectF(pm.rect()));
    }

private:
    QPixmap render(const QSize &pixelSize, const QColor &color) const
    {
        QByteArray svg = m_svg;
        svg.replace(placeholderColor, color.name(QColor::HexRgb).toLatin1());
        QSvgRenderer renderer(svg);
        QPixmap pm(pixelSize);
        pm.fill(Qt::transparent);
        QPainter painter(&pm);
        painter.setOpacity(color.alphaF()); // the #rrggbb name has no alpha
        renderer.render(&painter, QRectF(QPointF(), pixelSize));
        return pm;
    }

    QString m_name;
    QByteArray m_svg;
};

} // namespace

QIcon themedIcon(const QString &name)
{
    QFile file(QStringLiteral(":/icons/actions/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("veo::themedIcon: no icon named \"%s\"", qUtf8Printable(name));
        return {};
    }
    return QIcon(new ThemedIconEngine(name, file.readAll()));
}

} // namespace veo
