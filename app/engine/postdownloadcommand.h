#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <chrono>
#include <optional>

class QProcess;

namespace veo {

class AppSettings;
struct TaskRecord;

// Runs the user's command after each download (Preferences → Downloads, like aria2's
// on-download-complete): the program directly, never through a shell, with the placeholders
// replaced in each argument (CommandTemplate). Asynchronous; a few at a time, the others wait;
// killed after a time limit. stdin and stdout go nowhere; the end of stderr is kept for the
// outcome. KIE_API_KEY is taken out of the program's environment.
class PostDownloadCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostDownloadCommand)

public:
    struct Limits
    {
        std::chrono::milliseconds timeout = std::chrono::minutes(10);
        int maxRunning = 2;
    };

    // What became of the command run for one download. Texts are translated at call time.
    struct Outcome
    {
        Q_DECLARE_TR_FUNCTIONS(PostDownloadCommand)

    public:
        enum class State { Waiting, Running, Ran, Failed, Crashed, NotStarted, TimedOut };
        State state = State::Waiting;
        int exitCode = 0;   // Ran, Failed
        QString reason;     // NotStarted: why (the system's words or ours, translated)
        QString errorLines; // the last lines the command wrote to stderr

        bool isProblem() const { return state > State::Ran; }
        // "Command ran (exit 0)", "Command failed: exit 2"...
        QString text() const;
        // text() and the command's last lines of stderr.
        QString toolTip() const;
    };

    explicit PostDownloadCommand(const AppSettings *settings, QObject *parent = nullptr);
    PostDownloadCommand(const AppSettings *settings, Limits limits, QObject *parent = nullptr);
    ~PostDownloadCommand() override;

    // Download downloadId of task completed into file (fetched from sourceUrl): runs the
    // command when the settings turn it on. With {json}, the task's JSON file is written
    // next to the file first (the download sidecar, "<file>.json").
    void downloaded(int downloadId, const TaskRecord &task, const QString &file,
                    const QUrl &sourceUrl);
    // What the command for this download did, or is doing; nullopt when none ran for it.
    std::optional<Outcome> outcome(int downloadId) const;
    // The download left the list: its outcome is no longer kept (a command still running or
    // waiting goes on).
    void forget(int downloadId);
    int runningCount() const { return int(m_running.size()); }

Q_SIGNALS:
    // outcome(downloadId) changed: it started, or ended.
    void outcomeChanged(int downloadId);

private:
    struct Job
    {
        int downloadId = 0;
        QStringList arguments; // program first
        QString workingDirectory;
    };
    struct Run
    {
        int downloadId = 0;
        QProcess *process = nullptr; // owned by this
        bool timedOut = false;
        QByteArray errorTail;
    };
    void startNext();
    void ended(QProcess *process);
    void setOutcome(int downloadId, const Outcome &outcome);
    static QString programProblem(const QString &program);

    const AppSettings *m_settings;
    Limits m_limits;
    QList<Job> m_waiting;
    QList<Run> m_running;
    QHash<int, Outcome> m_outcomes; // by download id
};

} // namespace veo
