// Adding an import file's tasks through the engine: keys by label, kinds, what is reported.
#include "enginerig.h"
#include "fakekieserver.h"
#include "keyring.h"
#include "taskimporter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace veo;

namespace {
const QString StudioToken = QStringLiteral("sk-import-studio-key");
const QString ClientToken = QStringLiteral("sk-import-client-key");
constexpr int Timeout = 10000;
} // namespace

class TestTaskImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<FakeKieServer>();
        QVERIFY(m_server->listen(QHostAddress::LocalHost));
        m_server->setValidKeys({StudioToken, ClientToken});
        m_rig = std::make_unique<test::EngineRig>(m_dir->path(), m_server->baseUrl(), QString());
        QVERIFY(m_rig->opened != TaskStore::OpenResult::Failed);
        m_rig->engine->start();
        QTRY_VERIFY_WITH_TIMEOUT(!keys().isLoading(), Timeout);
        m_studio = addKey(QStringLiteral("Studio"), StudioToken); // the first: the default
        m_client = addKey(QStringLiteral("Client A"), ClientToken);
        QVERIFY(!m_studio.isEmpty() && !m_client.isEmpty());
        QCOMPARE(keys().defaultKeyId(), m_studio);
    }
    void cleanup()
    {
        m_rig.reset();
        m_server.reset();
        m_dir.reset();
    }

    // A row's label picks the saved key (case ignored); an unknown label gets the default key
    // and is reported; no label is the default key; kinds and originals are kept.
    void keysByLabel()
    {
        const QList<ImportedTask> tasks{
            {QStringLiteral("import_task_studio01"), QStringLiteral("studio"), {}, {}},
            {QStringLiteral("import_task_client02"), QStringLiteral("Client A"), {}, {}},
            {QStringLiteral("import_task_gone0003"), QStringLiteral("Gone"), {}, {}},
            {QStringLiteral("import_task_nolabel4"), {}, {}, {}},
            {QStringLiteral("import_task_extend05"), QStringLiteral("Client A"),
             TaskKind::VeoExtension, QStringLiteral("import_task_studio01")},
        };
        const ImportOutcome outcome = m_rig->engine->importTasks(tasks);
        QCOMPARE(outcome.added, 5);
        QCOMPARE(outcome.known, 0);
        QCOMPARE(outcome.failed, 0);
        QCOMPARE(outcome.missingLabels, QStringList{QStringLiteral("Gone")});
        QCOMPARE(outcome.firstAdded, QStringLiteral("import_task_studio01"));
        QCOMPARE(m_rig->task(QStringLiteral("import_task_studio01"))->keyId, m_studio);
        QCOMPARE(m_rig->task(QStringLiteral("import_task_client02"))->keyId, m_client);
        QCOMPARE(m_rig->task(QStringLiteral("import_task_gone0003"))->keyId, m_studio);
        QCOMPARE(m_rig->task(QStringLiteral("import_task_nolabel4"))->keyId, m_studio);
        const TaskRecord *extension = m_rig->task(QStringLiteral("import_task_extend05"));
        QCOMPARE(extension->kind, TaskKind::VeoExtension);
        QCOMPARE(extension->parentTaskId, QStringLiteral("import_task_studio01"));
        QCOMPARE(extension->keyId, m_client);
        // Committed: the store has them as the list does.
        QCOMPARE(m_rig->store.loadAll().tasks.size(), 5);

        TaskImport file;
        file.tasks = tasks;
        file.skipped = {{4, QStringLiteral("hello"), ImportSkip::Reason::NotAnId}};
        const QString report = TaskImporter::report(file, outcome);
        QVERIFY2(report.contains(QLatin1String("Added 5 task")), qPrintable(report));
        QVERIFY(report.contains(
            QLatin1String("Key \"Gone\" not found: its tasks were added with the default key.")));
        QVERIFY(report.contains(QLatin1String("held no task ID")));
        QVERIFY(report.contains(QLatin1String("line 4: hello")));
        QVERIFY(!report.contains(StudioToken) && !report.contains(ClientToken));

        // Again: everything is already tracked, nothing changes.
        const ImportOutcome again = m_rig->engine->importTasks(tasks);
        QCOMPARE(again.added, 0);
        QCOMPARE(again.known, 5);
        QVERIFY(TaskImporter::report(file, again).contains(QLatin1String("5 already tracked.")));
        QCOMPARE(m_rig->store.loadAll().tasks.size(), 5);
    }

private:
    KeyRing &keys() const { return *m_rig->engine->keys(); }
    QString addKey(const QString &label, const QString &secret)
    {
        bool done = false;
        QString id;
        keys().addKey(label, secret, KeyHealth::Ok, std::nullopt, this,
                      [&done, &id](const TokenResult &result, const QString &keyId) {
                          done = true;
                          id = result.ok() ? keyId : QString();
                      });
        return QTest::qWaitFor([&done] { return done; }, Timeout) ? id : QString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeKieServer> m_server;
    std::unique_ptr<test::EngineRig> m_rig;
    QString m_studio;
    QString m_client;
};

QTEST_GUILESS_MAIN(TestTaskImporter)
#include "tst_taskimporter.moc"
