#include "instanceguard.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace veo;

class TestInstanceGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondLaunchHandsOver();
    void differentStoresDoNotInterfere();
    void crashedOwnerDoesNotBlock();
    void filesToImportAreHandedOver();

private:
    QTemporaryDir m_dir;
};

void TestInstanceGuard::secondLaunchHandsOver()
{
    const QString store = m_dir.filePath(QStringLiteral("a/tasks.sqlite"));
    InstanceGuard first(store);
    QCOMPARE(first.claim(), InstanceGuard::Role::Primary);
    QSignalSpy activated(&first, &InstanceGuard::activated);

    // The second launch runs in another process, as it would for real (waitFor* blocks).
    QProcess second;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VEO_TST_INSTANCE_STORE"), store);
    second.setProcessEnvironment(env);
    second.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(activated.wait(30000));
    QCOMPARE(activated.at(0).at(0).toStringList(),
             (QStringList{QStringLiteral("veo_task_handed_1"), QStringLiteral("veo_task_handed_2")}));
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitCode(), 0); // the child saw Secondary and a confirmed hand-over
}

void TestInstanceGuard::differentStoresDoNotInterfere()
{
    InstanceGuard real(m_dir.filePath(QStringLiteral("b/tasks.sqlite")));
    InstanceGuard demo(m_dir.filePath(QStringLiteral("b/demo.sqlite")));
    QCOMPARE(real.claim(), InstanceGuard::Role::Primary);
    QCOMPARE(demo.claim(), InstanceGuard::Role::Primary);
    QVERIFY(real.serverName() != demo.serverName());
}

void TestInstanceGuard::crashedOwnerDoesNotBlock()
{
    // A lock file left by a process that no longer exists (kill -9) must not lock us out.
    const QString store = m_dir.filePath(QStringLiteral("c/tasks.sqlite"));
    QDir().mkpath(m_dir.filePath(QStringLiteral("c")));
    QFile stale(store + QStringLiteral(".lock"));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write("999999\nveo-tracker\n" + QSysInfo::machineHostName().toUtf8() + '\n');
    stale.close();
    InstanceGuard guard(store);
    QCOMPARE(guard.claim(), InstanceGuard::Role::Primary);
}

// --import while the window runs: the file goes to the window, not the task IDs.
void TestInstanceGuard::filesToImportAreHandedOver()
{
    const QString store = m_dir.filePath(QStringLiteral("d/tasks.sqlite"));
    InstanceGuard first(store);
    QCOMPARE(first.claim(), InstanceGuard::Role::Primary);
    QSignalSpy activated(&first, &InstanceGuard::activated);
    QSignalSpy imports(&first, &InstanceGuard::importRequested);
    QProcess second;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VEO_TST_INSTANCE_STORE"), store);
    env.insert(QStringLiteral("VEO_TST_INSTANCE_IMPORT"), QStringLiteral("/home/me/任务 1.csv"));
    second.setProcessEnvironment(env);
    second.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(imports.wait(30000));
    QCOMPARE(imports.at(0).at(0).toStringList(),
             QStringList{QStringLiteral("/home/me/任务 1.csv")});
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitCode(), 0);
    QCOMPARE(activated.size(), 0);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (const QString store = qEnvironmentVariable("VEO_TST_INSTANCE_STORE"); !store.isEmpty()) {
        InstanceGuard guard(store);
        if (guard.claim() != InstanceGuard::Role::Secondary) {
            return 3;
        }
        if (const QString file = qEnvironmentVariable("VEO_TST_INSTANCE_IMPORT"); !file.isEmpty()) {
            return guard.handOverImport({file}) ? 0 : 4;
        }
        return guard.handOver({QStringLiteral("veo_task_handed_1"),
                               QStringLiteral("veo_task_handed_2")})
                   ? 0
                   : 4;
    }
    TestInstanceGuard test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_instanceguard.moc"
