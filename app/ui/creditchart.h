#pragma once

#include "creditspend.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>
#include <QWidget>
#include <optional>

namespace veo {

// A key's balance over the last Days local days (a line) above what was spent each day (bars;
// a top-up is marked, never a negative bar), painted with the palette's colours. Hovering a
// day (or moving along the days with the arrow keys) reads it out in the chart's top line and
// in a tooltip. Without readings it says why the chart is empty.
class CreditChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreditChart)

public:
    static constexpr int Days = 30;

    explicit CreditChart(QWidget *parent = nullptr);

    // Where the chart starts for now: midnight (in zone) at the start of the first of the Days
    // days that end with now's.
    static QDateTime rangeStart(const QDateTime &now, const QTimeZone &zone);
    // Shows readings (as CreditHistoryStore::readings() gives them for rangeStart(now) to now)
    // over the Days days ending with now's day in zone.
    void setReadings(const QList<CreditReading> &readings, const QDateTime &now,
                     const QTimeZone &zone = QTimeZone::systemTimeZone());
    // Shows no chart but this text (translated by the caller).
    void showMessage(const QString &text);

    // What is drawn: the balance line (balanceLine()) and one CreditDay per day, oldest first.
    const QList<CreditReading> &line() const { return m_line; }
    const QList<CreditDay> &days() const { return m_days; }
    bool isEmpty() const { return m_line.isEmpty(); }
    // The text shown instead of a chart (empty while a chart is shown).
    QString message() const;
    // The day under the mouse or picked with the keyboard (an index into days()), or -1.
    int currentDay() const { return m_current; }
    void setCurrentDay(int index);
    // The day whose column holds pos, or -1.
    int dayAt(const QPoint &pos) const;
    // A day in words: its date, what was spent and topped up, the balance read last.
    QString dayText(int index) const;
    // The chart's top line: the current day in words, else the legend.
    QString readout() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Layout
    {
        QRect header;  // the readout line
        QRect balance; // the line's plot
        QRect spend;   // the bars' plot
        QRect dates;   // the date labels under both
        int axisWidth = 0;
    };
    Layout layout() const;
    double xOf(const QDateTime &t, const QRect &plot) const;
    QRectF dayColumn(int index, const QRect &plot) const;
    void paintBalance(QPainter &p, const QRect &plot) const;
    void paintSpend(QPainter &p, const QRect &plot) const;
    void paintDates(QPainter &p, const Layout &l) const;
    QList<qint64> balanceTicks() const;
    qint64 spendTop() const;

    QList<CreditReading> m_line;
    QList<CreditDay> m_days;
    QList<std::optional<qint64>> m_dayBalance; // the last reading of each day
    QDateTime m_from;                          // the first day's start
    QDateTime m_end;                           // the day after the last one starts
    QTimeZone m_zone;
    QString m_message;
    int m_current = -1;
};

} // namespace veo
