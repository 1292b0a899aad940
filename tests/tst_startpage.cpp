// The first minutes: the start page in place of the empty list (no key, a key, tasks), Getting
// Started, leaving and trying the demo, and Report a Problem. The real window, offscreen, on an
// engine with keys in memory and the fake KIE server over loopback.
#include "addkeypage.h"
#include "addtasksdialog.h"
#include "engine.h"
#include "enginerig.h"
#include "fakekieserver.h"
#include "keyring.h"
#include "keysdialog.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "startpage.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <memory>

using namespace veo;

namespace {
const QString Stored = QStringLiteral("sk-stored-secret-for-start-7777");
const QString Session = QStringLiteral("sk-session-secret-for-start-8888");
const QString Task = QStringLiteral("start_page_task_0001");

// One app: the engine main.cpp builds and its window.
struct App : test::EngineRig
{
    App(const QString &dir, const QUrl &base, const QString &sessionKey = {}, bool demo = false)
        : EngineRig(dir, base, sessionKey, demo)
    {
        window = std::make_unique<MainWindow>(engine.get(), &languages);
        engine->start();
        window->show();
    }
    ~App()
    {
        window->close();
        window.reset();
    }
    StartPage *page() const { return window->findChild<StartPage *>(QStringLiteral("StartPage")); }
    template <typename T> T *child(const char *name) const
    {
        return window->findChild<T *>(QLatin1String(name));
    }
    bool keysLoaded() const { return engine->keys()->state() != KeyRing::State::Loading; }

    LanguageManager languages;
    std::unique_ptr<MainWindow> window;
};

// Closes the next modal dialog once it is open, after checking it.
template <typename F> void whenModal(F check)
{
    QTimer::singleShot(0, [check] {
        QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
        QWidget *modal = QApplication::activeModalWidget();
        check(modal);
        if (auto *dialog = qobject_cast<QDialog *>(modal)) {
            dialog->reject();
        }
    });
}
} // namespace

class TestStartPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void noKeyAndNoTaskShowsTheFirstSteps();
    void aKeyButNoTaskPointsAtPastingAnId();
    void tasksShowTheList();
    void gettingStartedShowsTheSameSteps();
    void leavingTheDemoIsOneClick();
    void tryingTheDemoIsOneClick();
    void problemReportCarriesNoSecret();

private:
    FakeKieServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStartPage::initTestCase()
{
    QVERIFY(m_server.listen());
    m_server.setValidKeys({Stored, Session});
    FakeKieServer::Record record;
    record.taskId = Task;
    record.successFlag = 0;
    m_server.setScript(Task, {FakeKieServer::ok(record)});
}

void TestStartPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>(); // every test starts on a fresh machine
    QVERIFY(m_dir->isValid());
}

void TestStartPage::noKeyAndNoTaskShowsTheFirstSteps()
{
    App app(m_dir->path(), m_server.baseUrl());
    QTRY_VERIFY(app.keysLoaded());
    QCOMPARE(app.engine->keys()->state(), KeyRing::State::NoKey);
    StartPage *page = app.page();
    QVERIFY(page);
    QTRY_VERIFY(page->isVisible());
    QVERIFY(!app.window->tableView()->isVisible());
    QVERIFY(app.child<QLabel>("StartNextStep")->text().contains(QStringLiteral("add your KIE")));
    auto *addKey = app.child<QPushButton>("StartAddKey");
    QCOMPARE(addKey->text(), QStringLiteral("Add your KIE API key"));
    QVERIFY(addKey->isDefault());
    // The page asks for the key: the Keys dialog does not pop up over it by itself.
    QCoreApplication::processEvents();
    QVERIFY(!app.window->findChild<KeysDialog *>());

    // Add your KIE API key: the Keys dialog on its "add a key" page, with kie.ai's key page.
    addKey->click();
    auto *keys = app.window->findChild<KeysDialog *>();
    QVERIFY(keys);
    QTRY_VERIFY(keys->isVisible());
    auto *addPage = keys->findChild<AddKeyPage *>();
    QVERIFY(addPage && addPage->isVisible());
    bool linked = false;
    for (const QLabel *label : addPage->findChildren<QLabel *>()) {
        linked = linked || (label->text().contains(QStringLiteral("https://kie.ai/api-key")) &&
                            label->openExternalLinks());
    }
    QVERIFY(linked);
    keys->close();

    // Paste a task ID: the Add Tasks dialog.
    bool opened = false;
    whenModal([&opened](QWidget *modal) { opened = qobject_cast<AddTasksDialog *>(modal); });
    app.child<QPushButton>("StartAddTasks")->click();
    QVERIFY(opened);
}

void TestStartPage::aKeyButNoTaskPointsAtPastingAnId()
{
    App app(m_dir->path(), m_server.baseUrl());
    QTRY_VERIFY(app.keysLoaded());
    QString added;
    app.engine->keys()->addKey(QStringLiteral("Personal"), Stored, KeyHealth::Ok, 100,
                               app.window.get(),
                               [&added](const TokenResult &, const QString &id) { added = id; });
    QTRY_VERIFY(!added.isEmpty());
    QTRY_VERIFY(app.child<QLabel>("StartNextStep")->text().contains(QStringLiteral("Next: paste")));
    QVERIFY(app.page()->isVisible());
    QVERIFY(app.child<QPushButton>("StartAddTasks")->isDefault());
    QVERIFY(!app.child<QPushButton>("StartAddKey")->isDefault());
    QCOMPARE(app.child<QPushButton>("StartAddKey")->text(), QStringLiteral("API Keys…"));
}

void TestStartPage::tasksShowTheList()
{
    {
        App app(m_dir->path(), m_server.baseUrl(), Session);
        QTRY_VERIFY(app.page()->isVisible());
        QCOMPARE(app.engine->addTasks({Task}).added, 1);
        QTRY_VERIFY(app.window->tableView()->isVisible());
        QVERIFY(!app.page()->isVisible());
    }
    // The next start opens on the list, without a key too (its key may be in another keyring).
    App again(m_dir->path(), m_server.baseUrl());
    QTRY_VERIFY(again.keysLoaded());
    QVERIFY(again.window->tableView()->isVisible());
    QVERIFY(!again.page()->isVisible());
    again.engine->removeTasks({Task});
    QTRY_VERIFY(again.page()->isVisible()); // nothing left to show: the first steps again
}

void TestStartPage::gettingStartedShowsTheSameSteps()
{
    App app(m_dir->path(), m_server.baseUrl(), Session);
    QCOMPARE(app.engine->addTasks({Task}).added, 1);
    QTRY_VERIFY(app.window->tableView()->isVisible());
    app.child<QAction>("GettingStartedAction")->trigger();
    QPointer<QDialog> dialog =
        app.window->findChild<QDialog *>(QStringLiteral("GettingStartedDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *steps = dialog->findChild<StartPage *>();
    QVERIFY(steps && steps->isVisible());
    // A step closes the guide and opens what it names.
    bool opened = false;
    whenModal([&opened](QWidget *modal) { opened = qobject_cast<AddTasksDialog *>(modal); });
    steps->findChild<QPushButton *>(QStringLiteral("StartAddTasks"))->click();
    QVERIFY(opened);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
}

void TestStartPage::leavingTheDemoIsOneClick()
{
    App app(m_dir->path(), m_server.baseUrl(), QStringLiteral("demo-key"), true);
    QTRY_VERIFY(app.keysLoaded());
    QVERIFY(!app.page()->isVisible()); // the demo never shows the start page
    QSignalSpy relaunch(app.window.get(), &MainWindow::modeSwitchRequested);
    QToolButton *leave = nullptr;
    for (auto *button : app.window->findChildren<QToolButton *>()) {
        if (button->defaultAction() &&
            button->defaultAction()->objectName() == QStringLiteral("SwitchModeAction") &&
            qobject_cast<MessageBar *>(button->parentWidget())) {
            leave = button;
        }
    }
    QVERIFY(leave);
    QVERIFY(leave->isVisible());
    QCOMPARE(leave->text(), QStringLiteral("Leave Demo"));
    leave->click();
    QCOMPARE(relaunch.count(), 1);
    QCOMPARE(relaunch.constFirst().constFirst().toBool(), false);
}

void TestStartPage::tryingTheDemoIsOneClick()
{
    App app(m_dir->path(), m_server.baseUrl());
    QTRY_VERIFY(app.page()->isVisible());
    QSignalSpy relaunch(app.window.get(), &MainWindow::modeSwitchRequested);
    auto *tryDemo = app.child<QPushButton>("StartSwitchMode");
    QCOMPARE(tryDemo->text(), QStringLiteral("Try the demo"));
    tryDemo->click();
    QCOMPARE(relaunch.count(), 1);
    QCOMPARE(relaunch.constFirst().constFirst().toBool(), true);
    QVERIFY(app.window->isVisible()); // main.cpp quits it once the demo has started
}

void TestStartPage::problemReportCarriesNoSecret()
{
    App app(m_dir->path(), m_server.baseUrl(), Session);
    QString added;
    app.engine->keys()->addKey(QStringLiteral("Personal"), Stored, KeyHealth::Ok, 100,
                               app.window.get(),
                               [&added](const TokenResult &, const QString &id) { added = id; });
    QTRY_VERIFY(!added.isEmpty());
    // An error that quotes secrets (no message of the app's does; the report must not rely on it).
    Q_EMIT app.engine->message(
        QStringLiteral("Refused: the key %1 (and %2) was wrong.").arg(Session, Stored), true);
    QGuiApplication::clipboard()->clear();
    app.child<QAction>("ReportProblemAction")->trigger();
    const QString report = QGuiApplication::clipboard()->text();
    QVERIFY2(report.startsWith(QStringLiteral("Veo Tracker " VEO_VERSION)), qPrintable(report));
    QVERIFY(report.contains(QStringLiteral("Qt: %1").arg(QString::fromLatin1(qVersion()))));
    QVERIFY(report.contains(QStringLiteral("Platform: ")));
    QVERIFY(report.contains(QStringLiteral("Media backend: ")));
    QVERIFY(report.contains(QStringLiteral("Keyring: ready; 1 stored key(s)")));
    QVERIFY2(report.contains(QStringLiteral("Refused: the key [API key …8888] (and [API key "
                                            "…7777]) was wrong.")),
             qPrintable(report));
    for (const QString &secret : {Session, Stored}) {
        QVERIFY(!report.contains(secret));
    }
    QVERIFY(app.window->findChild<MessageBar *>()); // and the window says where it went
    bool said = false;
    for (const MessageBar *bar : app.window->findChildren<MessageBar *>()) {
        said = said || (bar->isVisible() && bar->text().contains(QStringLiteral("clipboard")));
    }
    QVERIFY(said);
}

QTEST_MAIN(TestStartPage)
#include "tst_startpage.moc"
