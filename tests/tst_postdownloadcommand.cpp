// PostDownloadCommand runs real programs: each placeholder's value reaches the program as
// exactly one argument, whatever it holds, and no shell ever reads it; exit statuses, a
// program that is not there, the time limit, the JSON file and the limit on running commands.
#include "appsettings.h"
#include "downloadsidecar.h"
#include "postdownloadcommand.h"
#include "taskrecord.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace veo;
using State = PostDownloadCommand::Outcome::State;

class tst_PostDownloadCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void nothingRunsUnlessTurnedOn();
    void eachValueIsExactlyOneArgument();
    void aNonZeroExitIsAFailureWithItsLastErrorLines();
    void aMissingProgramDoesNotStart_data();
    void aMissingProgramDoesNotStart();
    void aCommandPastTheTimeLimitIsKilled();
    void jsonIsTheTasksDescriptionNextToTheFile();
    void onlyAFewRunAtOnce();
    void theApiKeyIsNotInTheEnvironment();
    void aForgottenDownloadsCommandIsNotRecorded();

private:
    // The command to run (turned on), as typed in Preferences.
    void setCommand(const QString &commandLine);
    // A downloaded file with an awkward name in the download folder.
    QString downloadedFile(const QString &name);
    // A script that writes its arguments, each ended by NUL, to args.bin.
    QString recorder();
    QStringList recordedArguments() const;
    // Waits until the download's command ended (not waiting or running any more).
    PostDownloadCommand::Outcome waitForEnd(const PostDownloadCommand &command, int downloadId);
    TaskRecord task(const QString &prompt = QStringLiteral("a red fox")) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

void tst_PostDownloadCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("videos")));
}

void tst_PostDownloadCommand::setCommand(const QString &commandLine)
{
    m_settings->setFlag(AppSettings::Flag::RunAfterDownload, true);
    m_settings->setAfterDownloadCommand(commandLine);
    QCOMPARE(m_settings->afterDownloadCommand(), commandLine);
}

QString tst_PostDownloadCommand::downloadedFile(const QString &name)
{
    const QString path = m_dir->filePath(QStringLiteral("videos/") + name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("video") != 5) {
        return {};
    }
    return path;
}

QString tst_PostDownloadCommand::recorder()
{
    const QString path = m_dir->filePath(QStringLiteral("record.sh"));
    QFile script(path);
    if (!script.open(QIODevice::WriteOnly)) {
        return {};
    }
    script.write("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"" +
                 m_dir->filePath(QStringLiteral("args.bin")).toUtf8() + "\"\n");
    script.setPermissions(script.permissions() | QFile::ExeOwner);
    return path;
}

QStringList tst_PostDownloadCommand::recordedArguments() const
{
    QFile file(m_dir->filePath(QStringLiteral("args.bin")));
    if (!file.open(QIODevice::ReadOnly)) {
        return {QStringLiteral("<nothing recorded>")};
    }
    QStringList args = QString::fromUtf8(file.readAll()).split(QChar(0));
    args.removeLast(); // after the last NUL
    return args;
}

PostDownloadCommand::Outcome tst_PostDownloadCommand::waitForEnd(const PostDownloadCommand &command,
                                                                 int downloadId)
{
    const auto ended = [&] {
        const auto o = command.outcome(downloadId);
        return o && o->state != State::Waiting && o->state != State::Running;
    };
    if (!QTest::qWaitFor(ended, 20000)) {
        return {};
    }
    return *command.outcome(downloadId);
}

TaskRecord tst_PostDownloadCommand::task(const QString &prompt) const
{
    TaskRecord t;
    t.taskId = QStringLiteral("veo_task_1");
    t.status = TaskStatus::Succeeded;
    t.prompt = prompt;
    t.model = QStringLiteral("veo3_fast");
    t.keyId = QStringLiteral("key-id-not-secret");
    return t;
}

void tst_PostDownloadCommand::nothingRunsUnlessTurnedOn()
{
    m_settings->setAfterDownloadCommand(recorder() + QStringLiteral(" {file}"));
    PostDownloadCommand command(m_settings.get());
    QSignalSpy changed(&command, &PostDownloadCommand::outcomeChanged);
    command.downloaded(1, task(), downloadedFile(QStringLiteral("a.mp4")), {});
    QCOMPARE(changed.count(), 0);
    QVERIFY(!command.outcome(1));
    QCOMPARE(command.runningCount(), 0);
}

void tst_PostDownloadCommand::eachValueIsExactlyOneArgument()
{
    const QString pwned = m_dir->filePath(QStringLiteral("pwned"));
    // The command runs in the file's folder: a name that a shell would run writes there.
    const QString file =
        downloadedFile(QStringLiteral("my \"best\" fox's; $(touch pwned) `touch pwned`.mp4"));
    QVERIFY(!file.isEmpty());
    const QString prompt = QStringLiteral("He said \"hi\" & it's fine; $(touch %1) | tee %1 "
                                          "`touch %1` > %1 {file} * ~ \\n\n2nd line")
                               .arg(pwned);
    setCommand(QStringLiteral("\"%1\" --file={file} {prompt} \"two words\" id:{taskId} {file}")
                   .arg(recorder()));
    PostDownloadCommand command(m_settings.get());
    QSignalSpy changed(&command, &PostDownloadCommand::outcomeChanged);
    command.downloaded(7, task(prompt), file, {});
    QCOMPARE(command.outcome(7)->state, State::Running);
    const PostDownloadCommand::Outcome outcome = waitForEnd(command, 7);
    QCOMPARE(outcome.state, State::Ran);
    QCOMPARE(outcome.text(), QStringLiteral("Command ran (exit 0)"));
    QCOMPARE(recordedArguments(),
             QStringList({QStringLiteral("--file=") + file, prompt, QStringLiteral("two words"),
                          QStringLiteral("id:veo_task_1"), file}));
    QVERIFY(!QFile::exists(pwned)); // no shell ever read a value
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("videos/pwned"))));
    QVERIFY(!QFile::exists(sidecarPath(file))); // no {json}: no JSON file
    QCOMPARE(changed.count(), 3);               // waiting, running, ran
}

void tst_PostDownloadCommand::aNonZeroExitIsAFailureWithItsLastErrorLines()
{
    setCommand(QStringLiteral("/bin/sh -c \"for i in 1 2 3 4 5 6 7; do echo line$i >&2; done; "
                              "exit 2\""));
    PostDownloadCommand command(m_settings.get());
    command.downloaded(1, task(), downloadedFile(QStringLiteral("a.mp4")), {});
    const PostDownloadCommand::Outcome outcome = waitForEnd(command, 1);
    QCOMPARE(outcome.state, State::Failed);
    QCOMPARE(outcome.exitCode, 2);
    QVERIFY(outcome.isProblem());
    QCOMPARE(outcome.text(), QStringLiteral("Command failed: exit 2"));
    QCOMPARE(outcome.errorLines, QStringLiteral("line3\nline4\nline5\nline6\nline7"));
    QCOMPARE(outcome.toolTip(), outcome.text() + QLatin1Char('\n') + outcome.errorLines);
}

void tst_PostDownloadCommand::aMissingProgramDoesNotStart_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not on the PATH")
        << QStringLiteral("veo-no-such-program") << QStringLiteral("was not found");
    QTest::newRow("no such path") << QStringLiteral("/nonexistent/veo-notify")
                                  << QStringLiteral("does not exist");
    QTest::newRow("a folder") << QStringLiteral("/tmp") << QStringLiteral("not a program");
}

void tst_PostDownloadCommand::aMissingProgramDoesNotStart()
{
    QFETCH(QString, program);
    QFETCH(QString, reason);
    setCommand(program + QStringLiteral(" {file}"));
    PostDownloadCommand command(m_settings.get());
    command.downloaded(1, task(), downloadedFile(QStringLiteral("a.mp4")), {});
    const PostDownloadCommand::Outcome outcome = command.outcome(1).value_or(
        PostDownloadCommand::Outcome{}); // told at once, nothing was started
    QCOMPARE(outcome.state, State::NotStarted);
    QVERIFY2(outcome.reason.contains(reason), qPrintable(outcome.reason));
    QVERIFY(outcome.text().startsWith(QStringLiteral("Command could not start: ")));
    QCOMPARE(command.runningCount(), 0);
}

void tst_PostDownloadCommand::aCommandPastTheTimeLimitIsKilled()
{
    setCommand(QStringLiteral("sleep 60"));
    PostDownloadCommand command(m_settings.get(), {std::chrono::milliseconds(100), 2});
    command.downloaded(1, task(), downloadedFile(QStringLiteral("a.mp4")), {});
    QElapsedTimer timer;
    timer.start();
    const PostDownloadCommand::Outcome outcome = waitForEnd(command, 1);
    QCOMPARE(outcome.state, State::TimedOut);
    QVERIFY(timer.elapsed() < 20000);
    QCOMPARE(outcome.text(), QStringLiteral("Command timed out and was stopped"));
    QCOMPARE(command.runningCount(), 0);
}

void tst_PostDownloadCommand::jsonIsTheTasksDescriptionNextToTheFile()
{
    const QString file = downloadedFile(QStringLiteral("fox video.mp4"));
    setCommand(recorder() + QStringLiteral(" {json}"));
    PostDownloadCommand command(m_settings.get());
    command.downloaded(1, task(QStringLiteral("一只红狐狸")), file,
                       QUrl(QStringLiteral("https://tempfile.example/fox.mp4")));
    QCOMPARE(waitForEnd(command, 1).state, State::Ran);
    QCOMPARE(recordedArguments(), QStringList(file + QStringLiteral(".json")));
    QFile json(file + QStringLiteral(".json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QByteArray bytes = json.readAll();
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(o.value(QStringLiteral("taskId")).toString(), QStringLiteral("veo_task_1"));
    QCOMPARE(o.value(QStringLiteral("prompt")).toString(), QStringLiteral("一只红狐狸"));
    QCOMPARE(o.value(QStringLiteral("model")).toString(), QStringLiteral("veo3_fast"));
    QCOMPARE(o.value(QStringLiteral("file")).toString(), QStringLiteral("fox video.mp4"));
    QCOMPARE(o.value(QStringLiteral("sourceUrl")).toString(),
             QStringLiteral("https://tempfile.example/fox.mp4"));
    QVERIFY(!bytes.contains("key-id-not-secret")); // nothing about the key
}

void tst_PostDownloadCommand::onlyAFewRunAtOnce()
{
    const QString gate = m_dir->filePath(QStringLiteral("go"));
    // Each command waits until the test lets it end.
    setCommand(QStringLiteral("/bin/sh -c \"while [ ! -e %1 ]; do sleep 0.02; done\"").arg(gate));
    PostDownloadCommand command(m_settings.get(), {std::chrono::seconds(60), 2});
    const QString file = downloadedFile(QStringLiteral("a.mp4"));
    for (int id = 1; id <= 3; ++id) {
        command.downloaded(id, task(), file, {});
    }
    QCOMPARE(command.runningCount(), 2);
    QCOMPARE(command.outcome(1)->state, State::Running);
    QCOMPARE(command.outcome(2)->state, State::Running);
    QCOMPARE(command.outcome(3)->state, State::Waiting);
    QCOMPARE(command.outcome(3)->text(), QStringLiteral("Command waiting"));
    QVERIFY(QFile(gate).open(QIODevice::WriteOnly));
    for (int id = 1; id <= 3; ++id) {
        QCOMPARE(waitForEnd(command, id).state, State::Ran);
    }
}

void tst_PostDownloadCommand::theApiKeyIsNotInTheEnvironment()
{
    qputenv("KIE_API_KEY", "sk-secret");
    setCommand(QStringLiteral("/bin/sh -c \"exit ${KIE_API_KEY:+3}\""));
    PostDownloadCommand command(m_settings.get());
    command.downloaded(1, task(), downloadedFile(QStringLiteral("a.mp4")), {});
    const PostDownloadCommand::Outcome outcome = waitForEnd(command, 1);
    qunsetenv("KIE_API_KEY");
    QCOMPARE(outcome.state, State::Ran);
}

void tst_PostDownloadCommand::aForgottenDownloadsCommandIsNotRecorded()
{
    setCommand(QStringLiteral("true"));
    PostDownloadCommand command(m_settings.get());
    QSignalSpy changed(&command, &PostDownloadCommand::outcomeChanged);
    command.downloaded(1, task(), downloadedFile(QStringLiteral("a.mp4")), {});
    command.forget(1);
    QVERIFY(QTest::qWaitFor([&] { return command.runningCount() == 0; }, 20000));
    QVERIFY(!command.outcome(1));
    QCOMPARE(changed.count(), 2); // waiting, running: its end is not told
}

QTEST_MAIN(tst_PostDownloadCommand)
#include "tst_postdownloadcommand.moc"
