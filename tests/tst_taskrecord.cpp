#include "taskrecord.h"
#include "testsupport.h"

#include <QTest>

using namespace veo;

namespace {

// Local bookkeeping that a poll must never overwrite.
TaskRecord localTask()
{
    TaskRecord t =
        test::makeTask(QStringLiteral("veo_task_local000001"), TaskStatus::Generating, 3);
    t.keyId = QStringLiteral("key-2");
    t.addedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    t.lastChecked = QDateTime(QDate(2026, 1, 2), QTime(3, 9, 0), Qt::UTC);
    t.lastError.kind = ApiError::Kind::RateLimited;
    t.lastError.code = 429;
    return t;
}

// Every record-info field set to a value that differs from localTask()'s.
TaskRecord remoteTask()
{
    TaskRecord r;
    r.taskId = QStringLiteral("veo_task_remote00001");
    r.keyId = QStringLiteral("remote-key");
    r.addedAt = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
    r.lastChecked = QDateTime(QDate(2030, 1, 1), QTime(0, 1), Qt::UTC);
    r.lastError.kind = ApiError::Kind::Server;
    r.status = TaskStatus::Succeeded;
    r.successFlag = 1;
    r.paramJson = QStringLiteral(R"({"prompt":"remote"})");
    r.prompt = QStringLiteral("remote prompt");
    r.model = QStringLiteral("veo3_lite");
    r.aspectRatio = QStringLiteral("9:16");
    r.requestedResolution = QStringLiteral("4k");
    r.generationType = QStringLiteral("REFERENCE_2_VIDEO");
    r.errorCode = 501;
    r.errorMessage = QStringLiteral("remote error");
    r.createTime = QDateTime(QDate(2030, 2, 1), QTime(1, 0), Qt::UTC);
    r.completeTime = QDateTime(QDate(2030, 2, 1), QTime(1, 5), Qt::UTC);
    r.fallbackFlag = true;
    r.resolution = QStringLiteral("1080p");
    r.resultUrls = {QStringLiteral("https://r.example/1.mp4")};
    r.originUrls = {QStringLiteral("https://r.example/o.mp4")};
    r.fullResultUrls = {QStringLiteral("https://r.example/f.mp4")};
    r.extraJson = R"({"data":{"mediaIds":["m"]}})";
    return r;
}

} // namespace

class TestTaskRecord final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergeKeepsLocalFields();
    void mergeCopiesRemoteFields();
    void mergeCopiesEveryNonLocalField();
    void mergeClearsFieldsThatWentAway();
    void statusFromSuccessFlag_data();
    void statusFromSuccessFlag();
    void statusKeysRoundTrip();
};

void TestTaskRecord::mergeKeepsLocalFields()
{
    const TaskRecord before = localTask();
    TaskRecord t = before;
    t.mergeRemote(remoteTask());
    QCOMPARE(t.taskId, before.taskId);
    QCOMPARE(t.keyId, before.keyId);
    QCOMPARE(t.addedAt, before.addedAt);
    QCOMPARE(t.lastChecked, before.lastChecked);
    QVERIFY(t.lastError == before.lastError);
}

void TestTaskRecord::mergeCopiesRemoteFields()
{
    const TaskRecord remote = remoteTask();
    TaskRecord t = localTask();
    t.mergeRemote(remote);
    QCOMPARE(t.status, remote.status);
    QCOMPARE(t.successFlag, remote.successFlag);
    QCOMPARE(t.paramJson, remote.paramJson);
    QCOMPARE(t.prompt, remote.prompt);
    QCOMPARE(t.model, remote.model);
    QCOMPARE(t.aspectRatio, remote.aspectRatio);
    QCOMPARE(t.requestedResolution, remote.requestedResolution);
    QCOMPARE(t.generationType, remote.generationType);
    QCOMPARE(t.errorCode.value_or(-1), 501);
    QCOMPARE(t.errorMessage, remote.errorMessage);
    QCOMPARE(t.createTime, remote.createTime);
    QCOMPARE(t.completeTime, remote.completeTime);
    QCOMPARE(t.fallbackFlag.value_or(false), true);
    QCOMPARE(t.resolution, remote.resolution);
    QCOMPARE(t.resultUrls, remote.resultUrls);
    QCOMPARE(t.originUrls, remote.originUrls);
    QCOMPARE(t.fullResultUrls, remote.fullResultUrls);
    QCOMPARE(t.extraJson, remote.extraJson);
}

void TestTaskRecord::mergeCopiesEveryNonLocalField()
{
    // Guards fields added to TaskRecord later: once the local ones are aligned, a merged
    // record must equal the remote one, or mergeRemote forgot something.
    const TaskRecord remote = remoteTask();
    TaskRecord t = localTask();
    t.mergeRemote(remote);
    t.taskId = remote.taskId;
    t.keyId = remote.keyId;
    t.addedAt = remote.addedAt;
    t.lastChecked = remote.lastChecked;
    t.lastError = remote.lastError;
    QVERIFY(t == remote);
}

void TestTaskRecord::mergeClearsFieldsThatWentAway()
{
    // A task re-polled after a glitch: what KIE no longer reports must not linger.
    TaskRecord t = localTask();
    t.mergeRemote(remoteTask());
    TaskRecord empty;
    empty.status = TaskStatus::Generating;
    empty.successFlag = 0;
    t.mergeRemote(empty);
    QVERIFY(!t.errorCode.has_value());
    QVERIFY(!t.fallbackFlag.has_value());
    QVERIFY(t.resultUrls.isEmpty());
    QVERIFY(!t.completeTime.isValid());
    QVERIFY(t.extraJson.isEmpty());
    QCOMPARE(t.status, TaskStatus::Generating);
    QCOMPARE(t.taskId, QStringLiteral("veo_task_local000001"));
    // But not the request: it does not change once sent, and an answer without it keeps it.
    QVERIFY(!remoteTask().paramJson.isEmpty());
    QCOMPARE(t.paramJson, remoteTask().paramJson);
}

void TestTaskRecord::statusFromSuccessFlag_data()
{
    QTest::addColumn<int>("flag");
    QTest::addColumn<TaskStatus>("status");
    QTest::addColumn<bool>("finalStatus");
    QTest::addColumn<bool>("failure");

    QTest::newRow("0 generating") << 0 << TaskStatus::Generating << false << false;
    QTest::newRow("1 succeeded") << 1 << TaskStatus::Succeeded << true << false;
    QTest::newRow("2 failed") << 2 << TaskStatus::Failed << true << true;
    QTest::newRow("3 generation failed") << 3 << TaskStatus::GenerationFailed << true << true;
    QTest::newRow("4 undocumented") << 4 << TaskStatus::OtherFailure << true << true;
    QTest::newRow("-2 undocumented") << -2 << TaskStatus::OtherFailure << true << true;
}

void TestTaskRecord::statusFromSuccessFlag()
{
    QFETCH(int, flag);
    QFETCH(TaskStatus, status);
    QFETCH(bool, finalStatus);
    QFETCH(bool, failure);

    QCOMPARE(veo::statusFromSuccessFlag(flag), status);
    QCOMPARE(isFinal(status), finalStatus);
    QCOMPARE(isFailure(status), failure);
    QVERIFY(!statusText(status, flag).isEmpty());
}

void TestTaskRecord::statusKeysRoundTrip()
{
    QSet<QString> keys;
    for (int i = 0; i < TaskStatusCount; ++i) {
        const auto status = static_cast<TaskStatus>(i);
        const QString key = statusKey(status);
        QVERIFY(!key.isEmpty());
        keys.insert(key);
        bool ok = false;
        QCOMPARE(statusFromKey(key, &ok), status);
        QVERIFY(ok);
    }
    QCOMPARE(keys.size(), TaskStatusCount);
    bool ok = true;
    QCOMPARE(statusFromKey(QStringLiteral("bogus"), &ok), TaskStatus::Pending);
    QVERIFY(!ok);
    QCOMPARE(statusKey(static_cast<TaskStatus>(TaskStatusCount)), QString());
    QVERIFY(statusText(TaskStatus::OtherFailure, 7).contains(QLatin1Char('7')));
    QCOMPARE(isFinal(TaskStatus::Pending), false);
    QCOMPARE(isFinal(TaskStatus::Unavailable), true);
    QCOMPARE(isFailure(TaskStatus::Unavailable), false);
}

QTEST_GUILESS_MAIN(TestTaskRecord)
#include "tst_taskrecord.moc"
