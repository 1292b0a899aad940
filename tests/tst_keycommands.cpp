// `--add-key LABEL` (secret from standard input) and `--list-keys`, without the executable.
#include "fakekieserver.h"
#include "keycommands.h"
#include "keyprofilestore.h"
#include "keyring.h"
#include "kieclient.h"
#include "memorytokenstore.h"
#include "requestscheduler.h"
#include "taskstore.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace veo;

namespace {
const QString Good = QStringLiteral("sk-good-secret-7777");
const QString Bad = QStringLiteral("sk-bad-secret-8888");
} // namespace

class TestKeyCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void readsTheFirstLineOnly();
    void addValidatesAndStores();
    void refusedKeyIsNotSaved();
    void unreachableSavesUnchecked();
    void usageErrors();
    void listNeverPrintsASecret();

private:
    int run(const std::function<void(KeyCommands &)> &action);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeKieServer> m_server;
    std::unique_ptr<TaskStore> m_tasks;
    std::unique_ptr<KeyProfileStore> m_meta;
    MemoryTokenStore m_store;
    QByteArray m_out, m_err;
};

void TestKeyCommands::init()
{
    m_store.setFailure(TokenResult::Status::Ok);
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FakeKieServer>();
    QVERIFY(m_server->listen());
    m_server->setValidKeys({Good});
    m_server->setCredits(Good, 321);
    m_tasks = std::make_unique<TaskStore>();
    QCOMPARE(m_tasks->open(m_dir->filePath(QStringLiteral("t.sqlite"))),
             TaskStore::OpenResult::Opened);
    m_meta = std::make_unique<KeyProfileStore>();
    QVERIFY(m_meta->open(m_tasks->path()));
}

void TestKeyCommands::cleanup()
{
    m_meta.reset();
    m_tasks.reset();
    m_server.reset();
    m_dir.reset();
}

int TestKeyCommands::run(const std::function<void(KeyCommands &)> &action)
{
    m_out.clear();
    m_err.clear();
    QBuffer out(&m_out), err(&m_err);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    KieClient client(m_server ? m_server->baseUrl() : QUrl(QStringLiteral("http://127.0.0.1:1")));
    KeyRing keys(&m_store, m_meta.get());
    RequestScheduler requests(&client, [&keys](const QString &id) { return keys.token(id); });
    requests.setFollowSystemNetwork(false);
    KeyCommands commands(&keys, &requests, &out, &err);
    QSignalSpy finished(&commands, &KeyCommands::finished);
    action(commands);
    if (!finished.wait(10000) || finished.size() != 1) {
        return -1;
    }
    return finished.at(0).at(0).toInt();
}

void TestKeyCommands::readsTheFirstLineOnly()
{
    QByteArray input = "  " + Good.toUtf8() + "  \nsomething else\n";
    QBuffer in(&input);
    in.open(QIODevice::ReadOnly);
    QCOMPARE(KeyCommands::readSecret(in), Good);
}

void TestKeyCommands::addValidatesAndStores()
{
    QCOMPARE(run([](KeyCommands &c) { c.addKey(QStringLiteral("Client A"), Good); }),
             int(KeyCommands::Success));
    QVERIFY(m_out.contains("Client A"));
    QVERIFY(m_out.contains("7777"));
    QVERIFY(!m_out.contains(Good.toUtf8()) && !m_err.contains(Good.toUtf8()));
    const QList<KeyProfile> stored = m_meta->loadAll();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).credits, std::optional<qint64>(321));
    QCOMPARE(stored.at(0).health, KeyHealth::Ok);
    QVERIFY(stored.at(0).isDefault);
    // The credits request carried the key in the header only.
    const FakeKieServer::Request r = m_server->requests().constLast();
    QCOMPARE(r.path, QByteArray("/api/v1/chat/credit"));
    QCOMPARE(r.headers.value("authorization"), "Bearer " + Good.toUtf8());
    QVERIFY(!r.query.toString().contains(Good));
    // A second key with the same label is refused.
    QCOMPARE(run([](KeyCommands &c) { c.addKey(QStringLiteral("client a"), Good); }),
             int(KeyCommands::UsageError));
}

void TestKeyCommands::refusedKeyIsNotSaved()
{
    QCOMPARE(run([](KeyCommands &c) { c.addKey(QStringLiteral("Bad"), Bad); }),
             int(KeyCommands::KeyRefused));
    QVERIFY(!m_err.isEmpty());
    QVERIFY(!m_err.contains(Bad.toUtf8()));
    QVERIFY(m_meta->loadAll().isEmpty());
}

void TestKeyCommands::unreachableSavesUnchecked()
{
    m_server.reset();
    QCOMPARE(run([](KeyCommands &c) { c.addKey(QStringLiteral("Offline"), Good); }),
             int(KeyCommands::Success));
    QVERIFY(!m_err.isEmpty()); // says it could not check
    QCOMPARE(m_meta->loadAll().size(), 1);
    QCOMPARE(m_meta->loadAll().at(0).health, KeyHealth::Unchecked);
}

void TestKeyCommands::usageErrors()
{
    QCOMPARE(run([](KeyCommands &c) { c.addKey(QStringLiteral("  "), Good); }),
             int(KeyCommands::UsageError));
    QCOMPARE(run([](KeyCommands &c) { c.addKey(QStringLiteral("X"), QStringLiteral("  ")); }),
             int(KeyCommands::UsageError));
    QVERIFY(m_server->requests().isEmpty());
    m_store.setFailure(TokenResult::Status::NoBackend);
    QCOMPARE(run([](KeyCommands &c) { c.addKey(QStringLiteral("X"), Good); }),
             int(KeyCommands::KeyringError));
    QVERIFY(m_err.contains("gnome-keyring")); // says what to install
    QVERIFY(m_meta->loadAll().isEmpty());
}

void TestKeyCommands::listNeverPrintsASecret()
{
    QCOMPARE(run([](KeyCommands &c) { c.listKeys(); }), int(KeyCommands::Success));
    QVERIFY(m_out.isEmpty());
    QCOMPARE(run([](KeyCommands &c) { c.addKey(QStringLiteral("First"), Good); }), 0);
    m_server->setValidKeys({});
    const QString other = QStringLiteral("sk-other-secret-9999");
    QCOMPARE(run([&](KeyCommands &c) { c.addKey(QStringLiteral("Second"), other); }), 0);
    QCOMPARE(run([](KeyCommands &c) { c.listKeys(); }), int(KeyCommands::Success));
    const QList<QByteArray> lines = m_out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith("*\tFirst\t"));
    QVERIFY(lines.at(0).contains("7777"));
    QVERIFY(lines.at(1).startsWith(" \tSecond\t"));
    QVERIFY(!m_out.contains(Good.toUtf8()) && !m_out.contains(other.toUtf8()));
}

QTEST_GUILESS_MAIN(TestKeyCommands)
#include "tst_keycommands.moc"
