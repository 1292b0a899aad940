#include "postdownloadcommand.h"

#include "appsettings.h"
#include "commandtemplate.h"
#include "downloadsidecar.h"
#include "taskrecord.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>
#include <algorithm>

namespace veo {

namespace {
constexpr qsizetype ErrorTailBytes = 4096; // what is kept of stderr
constexpr int ErrorLines = 5;              // what of it is shown

QString lastLines(const QByteArray &tail)
{
    QStringList lines = QString::fromUtf8(tail).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString &line : lines) {
        line = line.trimmed();
    }
    lines.removeAll(QString());
    return lines.mid(std::max<qsizetype>(0, lines.size() - ErrorLines)).join(QLatin1Char('\n'));
}
} // namespace

QString PostDownloadCommand::Outcome::text() const
{
    switch (state) {
    case State::Waiting:
        //: Downloads panel: the command run after a download waits for others to end
        return tr("Command waiting");
    case State::Running:
        return tr("Running command…");
    case State::Ran:
        //: Downloads panel: the command run after the download ended well; %1 is 0
        return tr("Command ran (exit %1)").arg(exitCode);
    case State::Failed:
        //: Downloads panel: the command run after the download ended with exit status %1
        return tr("Command failed: exit %1").arg(exitCode);
    case State::Crashed:
        return tr("Command failed: it crashed");
    case State::NotStarted:
        //: Downloads panel: %1 says why the command run after the download could not start
        return tr("Command could not start: %1").arg(reason);
    case State::TimedOut:
        return tr("Command timed out and was stopped");
    }
    return {};
}

QString PostDownloadCommand::Outcome::toolTip() const
{
    return errorLines.isEmpty() ? text() : text() + QLatin1Char('\n') + errorLines;
}

PostDownloadCommand::PostDownloadCommand(const AppSettings *settings, QObject *parent)
    : PostDownloadCommand(settings, Limits(), parent)
{
}

PostDownloadCommand::PostDownloadCommand(const AppSettings *settings, Limits limits,
                                         QObject *parent)
    : QObject(parent), m_settings(settings), m_limits(limits)
{
}

PostDownloadCommand::~PostDownloadCommand()
{
    // Stopped here, while this is whole: a QProcess deleted while running waits for it and
    // would report to a half-destroyed object.
    for (const Run &run : std::as_const(m_running)) {
        run.process->disconnect(this);
        run.process->kill();
        run.process->waitForFinished(1000);
        delete run.process;
    }
}

void PostDownloadCommand::downloaded(int downloadId, const TaskRecord &task, const QString &file,
                                     const QUrl &sourceUrl)
{
    if (!m_settings->flag(AppSettings::Flag::RunAfterDownload)) {
        return;
    }
    const QString line = m_settings->afterDownloadCommand();
    if (line.isEmpty()) {
        return;
    }
    CommandTemplate::Fields fields{QDir::toNativeSeparators(file), task.taskId, task.prompt, {}};
    if (CommandTemplate::usesJson(line)) {
        QString error;
        if (!writeSidecar(task, file, sourceUrl, &error)) {
            Outcome outcome;
            outcome.state = Outcome::State::NotStarted;
            //: %1: the system's reason
            outcome.reason = tr("the task's JSON file could not be written: %1").arg(error);
            setOutcome(downloadId, outcome);
            return;
        }
        fields.json = QDir::toNativeSeparators(sidecarPath(file));
    }
    m_waiting.append(
        {downloadId, CommandTemplate::arguments(line, fields), QFileInfo(file).absolutePath()});
    setOutcome(downloadId, {});
    startNext();
}

std::optional<PostDownloadCommand::Outcome> PostDownloadCommand::outcome(int downloadId) const
{
    const auto it = m_outcomes.constFind(downloadId);
    return it == m_outcomes.cend() ? std::nullopt : std::optional(*it);
}

void PostDownloadCommand::forget(int downloadId)
{
    m_outcomes.remove(downloadId);
}

QString PostDownloadCommand::programProblem(const QString &program)
{
    if (!program.contains(QLatin1Char('/'))) {
        return QStandardPaths::findExecutable(program).isEmpty()
                   //: %1: a program's name
                   ? tr("“%1” was not found: install it, or give its full path.").arg(program)
                   : QString();
    }
    const QFileInfo info(program);
    if (!info.exists()) {
        //: %1: a program's path
        return tr("“%1” does not exist.").arg(QDir::toNativeSeparators(program));
    }
    if (info.isDir() || !info.isExecutable()) {
        return tr("“%1” is not a program that can be run.").arg(QDir::toNativeSeparators(program));
    }
    return {};
}

void PostDownloadCommand::startNext()
{
    while (!m_waiting.isEmpty() && m_running.size() < std::max(1, m_limits.maxRunning)) {
        const Job job = m_waiting.takeFirst();
        if (const QString problem = programProblem(job.arguments.constFirst());
            !problem.isEmpty()) {
            Outcome outcome;
            outcome.state = Outcome::State::NotStarted;
            outcome.reason = problem;
            setOutcome(job.downloadId, outcome);
            continue;
        }
        auto *process = new QProcess(this);
        process->setProgram(job.arguments.constFirst());
        process->setArguments(job.arguments.mid(1));
        process->setWorkingDirectory(job.workingDirectory);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("KIE_API_KEY"));
        process->setProcessEnvironment(environment);
        process->setStandardInputFile(QProcess::nullDevice());
        process->setStandardOutputFile(QProcess::nullDevice());
        connect(process, &QProcess::readyReadStandardError, this, [this, process] {
            const auto run = std::find_if(m_running.begin(), m_running.end(),
                                          [process](const Run &r) { return r.process == process; });
            if (run != m_running.end()) {
                run->errorTail += process->readAllStandardError();
                run->errorTail = run->errorTail.right(ErrorTailBytes);
            }
        });
        connect(process, &QProcess::finished, this, [this, process] { ended(process); });
        connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart) {
                ended(process); // no finished() follows
            }
        });
        QTimer::singleShot(m_limits.timeout, process, [this, process] {
            for (Run &run : m_running) {
                if (run.process == process) {
                    run.timedOut = true;
                }
            }
            process->kill();
        });
        m_running.append({job.downloadId, process, false, {}});
        Outcome running;
        running.state = Outcome::State::Running;
        setOutcome(job.downloadId, running);
        process->start();
    }
}

void PostDownloadCommand::ended(QProcess *process)
{
    const auto it = std::find_if(m_running.begin(), m_running.end(),
                                 [process](const Run &r) { return r.process == process; });
    if (it == m_running.end()) {
        return;
    }
    Run run = *it;
    m_running.erase(it);
    run.errorTail += process->readAllStandardError();
    run.errorTail = run.errorTail.right(ErrorTailBytes);
    Outcome outcome;
    outcome.errorLines = lastLines(run.errorTail);
    if (process->error() == QProcess::FailedToStart) {
        outcome.state = Outcome::State::NotStarted;
        outcome.reason = process->errorString();
    } else if (run.timedOut) {
        outcome.state = Outcome::State::TimedOut;
    } else if (process->exitStatus() == QProcess::CrashExit) {
        outcome.state = Outcome::State::Crashed;
    } else {
        outcome.exitCode = process->exitCode();
        outcome.state = outcome.exitCode == 0 ? Outcome::State::Ran : Outcome::State::Failed;
    }
    process->disconnect(this);
    process->deleteLater();
    setOutcome(run.downloadId, outcome);
    startNext();
}

void PostDownloadCommand::setOutcome(int downloadId, const Outcome &outcome)
{
    // A forgotten download's command runs on, unrecorded.
    if (outcome.state != Outcome::State::Waiting && !m_outcomes.contains(downloadId)) {
        return;
    }
    m_outcomes.insert(downloadId, outcome);
    Q_EMIT outcomeChanged(downloadId);
}

} // namespace veo
