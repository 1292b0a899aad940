#include "creditchart.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace veo {

namespace {

// A change between readings further apart than this is drawn dashed: when it happened is
// unknown (the app was not running, or not reading).
constexpr qint64 GapSecs = 3600;

// 1, 2 or 5 times a power of ten, at least raw.
qint64 niceStep(qint64 raw)
{
    qint64 magnitude = 1;
    while (magnitude <= raw / 10) {
        magnitude *= 10;
    }
    for (const qint64 m : {1, 2, 5, 10}) {
        if (m * magnitude >= raw) {
            return m * magnitude;
        }
    }
    return 10 * magnitude;
}

qint64 floorTo(qint64 value, qint64 step)
{
    return (value >= 0 ? value / step : -((-value + step - 1) / step)) * step;
}

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

} // namespace

CreditChart::CreditChart(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QDateTime CreditChart::rangeStart(const QDateTime &now, const QTimeZone &zone)
{
    const QDate first = now.toTimeZone(zone).date().addDays(-(Days - 1));
    return QDateTime(first, QTime(0, 0), zone).toUTC();
}

void CreditChart::setReadings(const QList<CreditReading> &readings, const QDateTime &now,
                              const QTimeZone &zone)
{
    m_zone = zone;
    m_from = rangeStart(now, zone);
    const QDate last = now.toTimeZone(zone).date();
    m_end = QDateTime(last.addDays(1), QTime(0, 0), zone).toUTC();
    m_line = balanceLine(readings, m_from, now);
    m_days = spendPerDay(readings, m_from.toTimeZone(zone).date(), last, zone);
    m_dayBalance = QList<std::optional<qint64>>(m_days.size());
    const QDate first = m_days.isEmpty() ? QDate() : m_days.first().date;
    for (const CreditReading &r : readings) { // oldest first: the last one of a day stays
        const qint64 index = first.daysTo(r.at.toTimeZone(zone).date());
        if (r.at <= now && index >= 0 && index < m_dayBalance.size()) {
            m_dayBalance[index] = r.balance;
        }
    }
    m_message.clear();
    m_current = std::min<int>(m_current, int(m_days.size()) - 1);
    update();
}

void CreditChart::showMessage(const QString &text)
{
    m_line.clear();
    m_days.clear();
    m_dayBalance.clear();
    m_message = text;
    m_current = -1;
    update();
}

QString CreditChart::message() const
{
    if (!m_message.isEmpty()) {
        return m_message;
    }
    return isEmpty() ? tr("No balance readings yet: the balance is read every 10 minutes while "
                          "the app runs.")
                     : QString();
}

void CreditChart::setCurrentDay(int index)
{
    index = index < 0 || isEmpty() ? -1 : std::min<int>(index, int(m_days.size()) - 1);
    if (index == m_current) {
        return;
    }
    m_current = index;
    update();
}

QString CreditChart::dayText(int index) const
{
    if (index < 0 || index >= m_days.size()) {
        return {};
    }
    const QLocale locale;
    const CreditDay &day = m_days.at(index);
    QStringList parts{locale.toString(day.date, QLocale::LongFormat)};
    if (!day.known) {
        //: Credits chart: nothing was read on the day under the mouse
        parts << tr("No balance readings this day.");
        return parts.join(QLatin1Char('\n'));
    }
    //: Credits chart: what the key spent on the day under the mouse
    parts << tr("Spent: %L1 credits").arg(day.spent);
    if (day.toppedUp > 0) {
        //: Credits chart: credits added to the key (a top-up on kie.ai) on that day
        parts << tr("Topped up: %L1 credits").arg(day.toppedUp);
    }
    if (const auto balance = m_dayBalance.value(index)) {
        //: Credits chart: the balance read last on that day
        parts << tr("Last balance read: %L1 credits").arg(*balance);
    }
    if (day.since.isValid()) {
        //: Credits chart: %1 = date and time of the reading before this day
        parts << tr("Counts what changed since %1, the reading before this day.")
                     .arg(locale.toString(day.since.toTimeZone(m_zone), QLocale::ShortFormat));
    }
    return parts.join(QLatin1Char('\n'));
}

QString CreditChart::readout() const
{
    if (isEmpty()) {
        return {};
    }
    if (m_current >= 0) {
        return dayText(m_current).replace(QLatin1Char('\n'), QStringLiteral(" · "));
    }
    //: Credits chart legend: the line, the bars and the marks
    return tr("Line: balance · Bars: spent per day · ▲ top-up");
}

QSize CreditChart::sizeHint() const
{
    return {560, 13 * fontMetrics().height()};
}

QSize CreditChart::minimumSizeHint() const
{
    return {280, 9 * fontMetrics().height()};
}

CreditChart::Layout CreditChart::layout() const
{
    const QFontMetrics fm = fontMetrics();
    const int pad = fm.height() / 3;
    const QRect all = rect().adjusted(pad, pad, -pad, -pad);
    Layout l;
    const QLocale locale;
    int labelWidth = fm.horizontalAdvance(locale.toString(spendTop()));
    for (const qint64 tick : balanceTicks()) {
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(locale.toString(tick)));
    }
    l.axisWidth = labelWidth + pad * 2;
    l.header = QRect(all.left(), all.top(), all.width(), fm.height());
    l.dates = QRect(all.left() + l.axisWidth, all.bottom() - fm.height() + 1,
                    all.width() - l.axisWidth, fm.height());
    const int top = l.header.bottom() + pad + fm.height() / 2;
    const int bottom = l.dates.top() - pad;
    const int gap = fm.height() * 3 / 2; // the balance's lowest label and the bars' highest
    const int height = std::max(0, bottom - top - gap);
    const int balanceHeight = height * 3 / 5;
    l.balance = QRect(l.dates.left(), top, l.dates.width(), balanceHeight);
    l.spend =
        QRect(l.dates.left(), l.balance.bottom() + gap, l.dates.width(), height - balanceHeight);
    return l;
}

double CreditChart::xOf(const QDateTime &t, const QRect &plot) const
{
    const double span = double(m_from.msecsTo(m_end));
    return plot.left() + plot.width() * (span > 0 ? double(m_from.msecsTo(t)) / span : 0.0);
}

QRectF CreditChart::dayColumn(int index, const QRect &plot) const
{
    const QDate date = m_days.at(index).date;
    const double left = xOf(QDateTime(date, QTime(0, 0), m_zone), plot);
    const double right = xOf(QDateTime(date.addDays(1), QTime(0, 0), m_zone), plot);
    return QRectF(left, plot.top(), right - left, plot.height());
}

int CreditChart::dayAt(const QPoint &pos) const
{
    if (isEmpty()) {
        return -1;
    }
    const Layout l = layout();
    if (pos.y() < l.balance.top() || pos.y() > l.dates.bottom()) {
        return -1;
    }
    for (int i = 0; i < m_days.size(); ++i) {
        const QRectF column = dayColumn(i, l.balance);
        if (pos.x() >= column.left() && pos.x() < column.right()) {
            return i;
        }
    }
    return -1;
}

QList<qint64> CreditChart::balanceTicks() const
{
    if (m_line.isEmpty()) {
        return {};
    }
    const auto [lo, hi] = std::minmax_element(
        m_line.cbegin(), m_line.cend(),
        [](const CreditReading &a, const CreditReading &b) { return a.balance < b.balance; });
    const qint64 span = std::max<qint64>({hi->balance - lo->balance, hi->balance / 10, 3});
    const qint64 step = niceStep((span + 3) / 4);
    // A flat line runs through the middle, between a tick below and one above.
    const bool flat = lo->balance == hi->balance;
    const qint64 bottom = floorTo(lo->balance, step) - (flat ? step : 0);
    QList<qint64> ticks;
    for (qint64 t = bottom;
         ticks.size() < 2 || ticks.last() < hi->balance || (flat && ticks.last() == hi->balance);
         t += step) {
        ticks.append(t);
    }
    return ticks;
}

qint64 CreditChart::spendTop() const
{
    qint64 most = 0;
    for (const CreditDay &d : m_days) {
        most = std::max(most, d.spent);
    }
    return most > 0 ? niceStep(most) : 1;
}

void CreditChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    if (isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        const int margin = fontMetrics().height();
        p.drawText(rect().adjusted(margin, margin, -margin, -margin),
                   Qt::AlignCenter | Qt::TextWordWrap, message());
        return;
    }
    const Layout l = layout();
    if (m_current >= 0) {
        const QRectF column = dayColumn(m_current, l.balance);
        p.fillRect(QRectF(column.left(), l.balance.top(), column.width(),
                          l.spend.bottom() - l.balance.top() + 1),
                   withAlpha(pal.color(QPalette::Highlight), 50));
    }
    p.setPen(pal.color(QPalette::Text));
    p.drawText(l.header, Qt::AlignLeft | Qt::AlignVCenter,
               fontMetrics().elidedText(readout(), Qt::ElideRight, l.header.width()));
    paintBalance(p, l.balance);
    paintSpend(p, l.spend);
    paintDates(p, l);
}

void CreditChart::paintBalance(QPainter &p, const QRect &plot) const
{
    const QPalette &pal = palette();
    const QList<qint64> ticks = balanceTicks();
    const double lo = double(ticks.first());
    const double hi = double(ticks.last());
    const auto yOf = [&](qint64 v) {
        return plot.bottom() - plot.height() * (double(v) - lo) / (hi - lo);
    };
    const QLocale locale;
    const QColor text = pal.color(QPalette::Text);
    for (const qint64 tick : ticks) {
        const double y = yOf(tick);
        p.setPen(withAlpha(text, 40));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(withAlpha(text, 190));
        const QRectF label(0, y - fontMetrics().height() / 2.0, plot.left() - 6,
                           fontMetrics().height());
        p.drawText(label, Qt::AlignRight | Qt::AlignVCenter, locale.toString(tick));
    }
    QPen solid(pal.color(QPalette::Highlight), 2);
    QPen dashed = solid;
    dashed.setStyle(Qt::DashLine);
    QPointF previous;
    for (int i = 0; i < m_line.size(); ++i) {
        const CreditReading &r = m_line.at(i);
        const QPointF point(xOf(r.at, plot), yOf(r.balance));
        if (i > 0) {
            const CreditReading &before = m_line.at(i - 1);
            const bool gap = before.balance != r.balance && before.at.secsTo(r.at) > GapSecs;
            p.setPen(gap ? dashed : solid);
            p.drawLine(previous, point);
        }
        previous = point;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(pal.color(QPalette::Highlight));
    p.drawEllipse(previous, 3, 3); // the last reading
    p.setBrush(Qt::NoBrush);
}

void CreditChart::paintSpend(QPainter &p, const QRect &plot) const
{
    const QPalette &pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const qint64 top = spendTop();
    const QLocale locale;
    const int fh = fontMetrics().height();
    p.setPen(withAlpha(text, 40));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.right(), plot.top()));
    p.setPen(withAlpha(text, 190));
    p.drawText(QRectF(0, plot.top() - fh / 2.0, plot.left() - 6, fh),
               Qt::AlignRight | Qt::AlignVCenter, locale.toString(top));
    p.drawText(QRectF(0, plot.bottom() - fh / 2.0, plot.left() - 6, fh),
               Qt::AlignRight | Qt::AlignVCenter, locale.toString(0));
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    const QColor topUp = dark ? QColor(0x7b, 0xd8, 0x8f) : QColor(0x1e, 0x84, 0x49);
    for (int i = 0; i < m_days.size(); ++i) {
        const CreditDay &day = m_days.at(i);
        const QRectF column = dayColumn(i, plot);
        const double inset = std::max(1.0, column.width() * 0.15);
        if (day.spent > 0) {
            const double h = std::max(1.0, plot.height() * double(day.spent) / double(top));
            p.fillRect(
                QRectF(column.left() + inset, plot.bottom() - h, column.width() - 2 * inset, h),
                i == m_current ? pal.color(QPalette::Highlight) : withAlpha(text, 120));
        }
        if (day.toppedUp > 0) {
            const double cx = column.center().x();
            const double s = std::clamp(column.width() / 3, 3.0, 6.0);
            QPainterPath mark;
            mark.moveTo(cx, plot.top() + 1);
            mark.lineTo(cx + s, plot.top() + 1 + 1.6 * s);
            mark.lineTo(cx - s, plot.top() + 1 + 1.6 * s);
            mark.closeSubpath();
            p.fillPath(mark, topUp);
        }
    }
}

void CreditChart::paintDates(QPainter &p, const Layout &l) const
{
    const QLocale locale;
    //: Credits chart: the format of the dates under the chart (QDate::toString), without year
    const QString format = tr("MMM d");
    const QFontMetrics fm = fontMetrics();
    const double columnWidth =
        m_days.isEmpty() ? 1 : double(l.dates.width()) / double(m_days.size());
    const int widest = fm.horizontalAdvance(locale.toString(QDate(2026, 12, 30), format));
    const int every = std::max(1, int(std::ceil((widest + fm.height()) / columnWidth)));
    p.setPen(withAlpha(palette().color(QPalette::Text), 190));
    for (int i = int(m_days.size()) - 1; i >= 0; i -= every) { // today always has its date
        const QRectF column = dayColumn(i, l.dates);
        const QString text = locale.toString(m_days.at(i).date, format);
        const double w = fm.horizontalAdvance(text);
        const double x =
            std::clamp(column.center().x() - w / 2, double(l.dates.left() - l.axisWidth / 2),
                       double(l.dates.right()) - w);
        p.drawText(QRectF(x, l.dates.top(), w + 1, l.dates.height()), Qt::AlignCenter, text);
    }
}

void CreditChart::mouseMoveEvent(QMouseEvent *event)
{
    setCurrentDay(dayAt(event->position().toPoint()));
    QWidget::mouseMoveEvent(event);
}

void CreditChart::leaveEvent(QEvent *event)
{
    setCurrentDay(-1);
    QWidget::leaveEvent(event);
}

void CreditChart::keyPressEvent(QKeyEvent *event)
{
    const int last = int(m_days.size()) - 1;
    switch (event->key()) {
    case Qt::Key_Left:
        setCurrentDay(m_current < 0 ? last : std::max(0, m_current - 1));
        break;
    case Qt::Key_Right:
        setCurrentDay(m_current < 0 ? last : std::min(last, m_current + 1));
        break;
    case Qt::Key_Home:
        setCurrentDay(0);
        break;
    case Qt::Key_End:
        setCurrentDay(last);
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool CreditChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = dayText(dayAt(help->pos()));
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace veo
