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
        return QCoreApplication::translate("veo::TaskTableModel", "%1 (code %2)")
            .arg(t.errorMessage)
            .arg(*t.errorCode);
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

} // namespace veo
