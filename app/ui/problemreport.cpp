#include "problemreport.h"

#include "engine.h"
#include "keyring.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QSysInfo>

namespace veo {

namespace {
constexpr qsizetype MaxErrors = 10;

QString keyringStateName(KeyRing::State state)
{
    switch (state) {
    case KeyRing::State::Loading:
        return QStringLiteral("loading");
    case KeyRing::State::Ready:
        return QStringLiteral("ready");
    case KeyRing::State::NoKey:
        return QStringLiteral("no key");
    case KeyRing::State::Unavailable:
        return QStringLiteral("unavailable");
    }
    return {};
}

// Qt 6.4 does not say which backend it loaded: the override if any, and what is installed.
QString mediaBackend()
{
    const QDir plugins(
        QString(QLibraryInfo::path(QLibraryInfo::PluginsPath) + QStringLiteral("/multimedia")));
    const QString chosen = qEnvironmentVariable("QT_MEDIA_BACKEND");
    return QStringLiteral("%1 (installed: %2)")
        .arg(chosen.isEmpty() ? QStringLiteral("Qt's default") : chosen,
             plugins.entryList(QDir::Files).join(QStringLiteral(", ")));
}
} // namespace

ProblemReport::ProblemReport(const Engine *engine, QObject *parent)
    : QObject(parent), m_engine(engine), m_action(new QAction(parent))
{
    m_action->setObjectName(QStringLiteral("ReportProblemAction"));
    connect(m_action, &QAction::triggered, this, [this] {
        QGuiApplication::clipboard()->setText(text());
        Q_EMIT copied(tr("A problem report (versions, platform, keyring state and the last "
                         "errors; no API key) is on the clipboard: paste it into your bug "
                         "report or e-mail."));
    });
}

void ProblemReport::recordError(const QString &text)
{
    m_errors.append({QDateTime::currentDateTime(), text});
    if (m_errors.size() > MaxErrors) {
        m_errors.removeFirst();
    }
}

// In English whatever the interface language: it is read by whoever fixes the problem.
QString ProblemReport::text() const
{
    const KeyRing &keys = *m_engine->keys();
    qsizetype stored = 0;
    for (const KeyProfile &profile : keys.profiles()) {
        stored += profile.sessionOnly ? 0 : 1;
    }
    QStringList lines{
        QStringLiteral("Veo Tracker %1%2")
            .arg(QStringLiteral(VEO_VERSION),
                 m_engine->isDemo() ? QStringLiteral(" (demo)") : QString()),
        QStringLiteral("Qt: %1 (built with %2)")
            .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
        QStringLiteral("Platform: %1, %2, %3")
            .arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture(),
                 QGuiApplication::platformName()),
        QStringLiteral("Media backend: %1").arg(mediaBackend()),
        QStringLiteral("Keyring: %1; %2 stored key(s)%3")
            .arg(keyringStateName(keys.state()))
            .arg(stored)
            .arg(keys.isSessionOnly() ? QStringLiteral(", a session-only key") : QString())};
    if (!keys.lastResult().ok()) {
        lines << QStringLiteral("Keyring error: %1").arg(keys.lastResult().userMessage());
    }
    lines << QStringLiteral("Last errors:");
    if (m_errors.isEmpty()) {
        lines << QStringLiteral("  (none)");
    }
    for (const Error &error : m_errors) {
        lines << QStringLiteral("  %1 %2").arg(error.at.toString(Qt::ISODate), error.text);
    }
    return keys.withoutSecrets(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void ProblemReport::retranslate()
{
    //: Help menu: copies a report (versions, platform, errors; no secrets) to the clipboard
    m_action->setText(tr("&Report a Problem"));
    m_action->setToolTip(tr("Copy what a bug report needs to the clipboard (no API key)"));
}

} // namespace veo
