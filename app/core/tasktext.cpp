#include "tasktext.h"

#include "taskage.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMetaType>
#include <QStringBuilder>
#include <algorithm>
#include <limits>

namespace veo {

namespace {

// The core layer links QtCore only. QColor's metatype is registered once QtGui is loaded
// (always the case in the app), so the colour is made by conversion; without QtGui (core
// tests) the colour name itself is returned.
QVariant colorValue(const QString &name)
{
    QVariant value(name);
    if (QMetaType::isRegistered(QMetaType::QColor)) { // asks without warning
        QVariant color = value;
        if (color.convert(QMetaType(QMetaType::QColor))) {
            return color;
        }
    }
    return value;
}

} // namespace

QString firstLine(const QString &text)
{
    const auto end = std::find_if(text.cbegin(), text.cend(), [](QChar c) {
        return c == QLatin1Char('\n') || c == QLatin1Char('\r');
    });
    return end == text.cend() ? text : text.left(end - text.cbegin());
}

QString shortDateTime(const QDateTime &dt)
{
    return dt.isValid() ? QLocale().toString(dt.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString failureText(const TaskRecord &t)
{
    if (!isFailure(t.status)) {
        return {};
    }
    if (t.errorCode && !t.errorMessage.isEmpty()) {
        //: Error column for a failed task: %1 is KIE's error message, %2 its error code
        // One arg() pass, not two: a search keystroke formats this for every failed row.
        return QCoreApplication::translate("veo::TaskTableModel", "%1 (code %2)")
            .arg(t.errorMessage, QString::number(*t.errorCode));
    }
    if (t.errorCode) {
        //: Error column for a failed task that came with a code but no message
        return QCoreApplication::translate("veo::TaskTableModel", "Error code %1")
            .arg(*t.errorCode);
    }
    return t.errorMessage;
}

// "400 Prompt flagged…": KIE's own words, the same in every UI language.
QString codeAndMessage(int code, const QString &message)
{
    const QString number = QString::number(code);
    return message.isEmpty() ? number : QString(number % QLatin1Char(' ') % message);
}

QVariant alignment(Qt::Alignment flags)
{
    return static_cast<int>(flags.toInt()); // an int: what every Qt 6 view reads
}

QString costText(qint64 credits)
{
    const int n = int(std::clamp<qint64>(credits, 0, std::numeric_limits<int>::max()));
    //: What a task cost, e.g. "60 credits" (KIE's credits: 积分)
    return QCoreApplication::translate("veo::TaskTableModel", "%Ln credit(s)", nullptr, n);
}

QString errorText(const TaskRecord &t)
{
    return t.lastError.isError() ? t.lastError.text() : failureText(t);
}

const QVariant &failureColor()
{
    static const QVariant color = colorValue(QLatin1String(FailureColorName));
    return color;
}

const QVariant &successColor()
{
    static const QVariant color = colorValue(QLatin1String(SuccessColorName));
    return color;
}

namespace {
QString longerThanUsualSuffix(const TaskRecord &t, const QDateTime &now)
{
    const std::optional<qint64> minutes = minutesLongerThanUsual(t, now);
    if (!minutes) {
        return {};
    }
    //: Status after "Generating": a render running for %1 minutes, far longer than the usual
    //: 2-5 minutes
    return QStringLiteral(" · ") +
           QCoreApplication::translate("veo::TaskTableModel", "%1 min, longer than usual")
               .arg(*minutes);
}
} // namespace

QString longerThanUsualToolTip(const TaskRecord &t, const QDateTime &now)
{
    const std::optional<qint64> minutes = minutesLongerThanUsual(t, now);
    if (!minutes) {
        return {};
    }
    //: Tooltip of a render still generating after %1 minutes
    return QCoreApplication::translate(
               "veo::TaskTableModel",
               "Still generating after %1 minutes. Renders usually take 2-5 minutes, and KIE "
               "reports a timeout upstream after about 10. It is still checked; if it stays "
               "like this, look at the task in your kie.ai logs.")
        .arg(*minutes);
}

QString durationText(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60) {
        //: A span of time in seconds, e.g. "45 s"
        return QCoreApplication::translate("veo::TaskTableModel", "%1 s").arg(seconds);
    }
    if (seconds < 3600) {
        //: A span of time, e.g. "2 min 31 s"
        return QCoreApplication::translate("veo::TaskTableModel", "%1 min %2 s")
            .arg(seconds / 60)
            .arg(seconds % 60);
    }
    //: A span of time, e.g. "1 h 5 min"
    return QCoreApplication::translate("veo::TaskTableModel", "%1 h %2 min")
        .arg(seconds / 3600)
        .arg(seconds % 3600 / 60);
}

QString generatingSuffix(const TaskRecord &t, const QDateTime &now)
{
    if (QString longer = longerThanUsualSuffix(t, now); !longer.isEmpty()) {
        return longer;
    }
    const std::optional<qint64> seconds = secondsGenerating(t, now);
    return seconds ? QString(QStringLiteral(" · ") + durationText(*seconds)) : QString();
}

bool hasPollProblem(const TaskRecord &t)
{
    return t.lastError.isError() && !t.lastError.isFinal() && !isFinal(t.status);
}

QString pollProblemSuffix(const TaskRecord &t, const QDateTime &nextTry, const QDateTime &now)
{
    if (!hasPollProblem(t)) {
        return {};
    }
    const QString what = t.lastError.summary();
    if (!nextTry.isValid()) {
        return QStringLiteral(" · ") + what;
    }
    // Rounded up: "retry in 1 s" until the very moment it is.
    const qint64 seconds = (now.msecsTo(nextTry) + 999) / 1000;
    if (seconds <= 0) {
        //: Status after a failed check: %1 = what went wrong ("server error"); the check is
        //: being made again now
        return QStringLiteral(" · ") +
               QCoreApplication::translate("veo::TaskTableModel", "%1, retrying now").arg(what);
    }
    //: Status after a failed check: %1 = what went wrong ("server error"), %2 = when it is
    //: checked again ("40 s", "2 min 5 s")
    return QStringLiteral(" · ") +
           QCoreApplication::translate("veo::TaskTableModel", "%1, retry in %2")
               .arg(what, durationText(seconds));
}

QString pollProblemToolTip(const TaskRecord &t, const QDateTime &nextTry)
{
    if (!hasPollProblem(t)) {
        return {};
    }
    QString tip = t.lastError.text() % QLatin1Char('\n') % t.lastError.advice();
    if (nextTry.isValid()) {
        //: Tooltip of a task whose last check failed: %1 = the time of the next check
        tip += QLatin1Char('\n') +
               QCoreApplication::translate("veo::TaskTableModel", "Next check at %1; Refresh Now "
                                                                  "checks at once.")
                   .arg(nextTry.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    }
    return tip;
}

} // namespace veo
