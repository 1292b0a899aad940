// The details pane on its own: what each link row offers, the status it is told, and that it
// fits the player's side of a small window without scrolling sideways.
#include "taskdetailspane.h"

#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

using namespace veo;

class TestTaskDetailsPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linkRowsOfferWhatEachVideoCan();
    void aNarrowPaneDoesNotScrollSideways();
    void theStatusComesFromItsProvider();
    void aTaskWithoutItsRequestShowsTheProvidersOne();

private:
    static TaskRecord succeeded();
    static QStringList buttonTexts(const TaskDetailsPane &pane);
};

TaskRecord TestTaskDetailsPane::succeeded()
{
    TaskRecord t;
    t.taskId = QStringLiteral("6e6df2d0dc2e52bd277aeaa437b3a6da");
    t.status = TaskStatus::Succeeded;
    t.successFlag = 1;
    t.createTime = QDateTime::currentDateTimeUtc().addSecs(-600);
    t.completeTime = t.createTime.addSecs(180);
    t.prompt =
        QStringLiteral("Vertical shot of a skateboarder gliding down a coastal road at dusk");
    const QString host = QStringLiteral("https://tempfile.aiquickdraw.com/v/");
    t.resultUrls = {host +
                    QStringLiteral("b3c1a2f09e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b_1765031234.mp4")};
    t.originUrls = {host +
                    QStringLiteral("b3c1a2f09e8d7c6b5a4f3e2d1c0b9a8f_origin_1765031234.mp4")};
    return t;
}

QStringList TestTaskDetailsPane::buttonTexts(const TaskDetailsPane &pane)
{
    QStringList texts;
    for (const QPushButton *b : pane.findChildren<QPushButton *>()) {
        texts << b->text();
    }
    return texts;
}

void TestTaskDetailsPane::linkRowsOfferWhatEachVideoCan()
{
    QTemporaryDir dir;
    const QString local = dir.filePath(QStringLiteral("result.mp4"));
    TaskDetailsPane pane;
    pane.setLocalFileProvider([&](const QString &, MediaKind kind, int) {
        return kind == MediaKind::Result ? local : QString();
    });
    pane.showTask(succeeded());
    // Not on disk yet: both videos can be downloaded.
    QCOMPARE(buttonTexts(pane).count(QStringLiteral("Download")), 2);
    QCOMPARE(buttonTexts(pane).count(QStringLiteral("Copy")), 2);
    QFile file(local);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write("mp4") == 3);
    file.close();
    pane.refresh();
    QCOMPARE(buttonTexts(pane).count(QStringLiteral("Download")), 1); // the origin video
    QCOMPARE(buttonTexts(pane).count(QStringLiteral("Show in Folder")), 1);
}

void TestTaskDetailsPane::aNarrowPaneDoesNotScrollSideways()
{
    QTemporaryDir dir;
    const QString local = dir.filePath(QStringLiteral("result.mp4"));
    QFile file(local);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    TaskDetailsPane pane;
    pane.setLocalFileProvider([&](const QString &, MediaKind kind, int) {
        return kind == MediaKind::Result ? local : QString();
    });
    pane.showTask(succeeded());
    // The player's side of a 1024-pixel window, with the widest row: Copy, Open, Show in Folder.
    pane.resize(310, 500);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QVERIFY(buttonTexts(pane).contains(QStringLiteral("Show in Folder")));
    QVERIFY2(
        !pane.horizontalScrollBar()->isVisible(),
        qPrintable(
            QStringLiteral("content needs %1 px").arg(pane.widget()->minimumSizeHint().width())));
}

void TestTaskDetailsPane::theStatusComesFromItsProvider()
{
    TaskDetailsPane pane;
    TaskRecord t = succeeded();
    t.status = TaskStatus::Generating;
    t.successFlag = 0;
    const auto shows = [&pane](const QString &text) {
        const QList<QLabel *> labels = pane.findChildren<QLabel *>();
        return std::any_of(labels.cbegin(), labels.cend(),
                           [&](const QLabel *l) { return l->text() == text; });
    };
    pane.showTask(t);
    QVERIFY(shows(QStringLiteral("Generating"))); // no provider: the bare status
    int seconds = 151;
    pane.setStatusTextProvider([&seconds](const TaskRecord &) {
        return QStringLiteral("Generating · %1 s").arg(seconds);
    });
    QVERIFY(shows(QStringLiteral("Generating · 151 s")));
    seconds = 152;
    pane.refreshStatus();
    QVERIFY(shows(QStringLiteral("Generating · 152 s")));
    QVERIFY(!shows(QStringLiteral("Generating · 151 s")));
}

// The list holds no requests (paramJson): the pane asks for the shown task's.
void TestTaskDetailsPane::aTaskWithoutItsRequestShowsTheProvidersOne()
{
    TaskDetailsPane pane;
    const auto request = [&pane]() -> QString {
        for (const QPlainTextEdit *edit : pane.findChildren<QPlainTextEdit *>()) {
            if (edit->accessibleName() == QLatin1String("Request (paramJson)")) {
                return edit->toPlainText();
            }
        }
        return {};
    };
    TaskRecord t = succeeded();
    t.paramJson = QString();
    pane.showTask(t);
    QVERIFY(request().isEmpty()); // no provider: nothing to show
    QStringList asked;
    pane.setParamJsonProvider([&asked](const QString &taskId) {
        asked << taskId;
        return QStringLiteral(R"({"prompt":"from the store"})");
    });
    QCOMPARE(asked, QStringList{t.taskId});
    QVERIFY2(request().contains(QLatin1String("\"prompt\": \"from the store\"")),
             qPrintable(request()));
    // A task that holds one (a request sent in this run) shows its own.
    t.paramJson = QStringLiteral(R"({"prompt":"held"})");
    pane.showTask(t);
    QVERIFY2(request().contains(QLatin1String("held")), qPrintable(request()));
    QCOMPARE(asked.size(), 1);
}

QTEST_MAIN(TestTaskDetailsPane)
#include "tst_taskdetailspane.moc"
