#include "listfeed.h"
#include "taskexpiry.h"
#include "tasktablemodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <memory>
#include <utility>

using veo::ApiError;
using veo::DownloadMark;
using veo::ListFeed;
using veo::TaskKind;
using veo::TaskRecord;
using veo::TaskStatus;
using veo::TaskSubmission;
using veo::TaskTableModel;
using veo::test::makeTask;

namespace {

// Prefixes every translated string, to prove texts are translated at call time and sort
// values are not translated at all.
class PrefixTranslator final : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QStringLiteral("[zz] ") + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

// Removes the translator even when a check fails half-way.
struct TranslatorGuard
{
    explicit TranslatorGuard(QTranslator *t) : translator(t)
    {
        QCoreApplication::installTranslator(translator);
    }
    ~TranslatorGuard() { QCoreApplication::removeTranslator(translator); }
    Q_DISABLE_COPY_MOVE(TranslatorGuard)
    QTranslator *translator;
};

constexpr TaskStatus AllStatuses[] = {TaskStatus::Pending,          TaskStatus::Generating,
                                      TaskStatus::Succeeded,        TaskStatus::Failed,
                                      TaskStatus::GenerationFailed, TaskStatus::OtherFailure,
                                      TaskStatus::Unavailable};

QString idFor(int i)
{
    return QStringLiteral("task%1").arg(i, 5, 10, QLatin1Char('0'));
}

// n tasks, statuses cycling through every status.
QList<TaskRecord> makeTasks(int n, int firstSeed = 0)
{
    QList<TaskRecord> tasks;
    tasks.reserve(n);
    for (int i = firstSeed; i < firstSeed + n; ++i) {
        tasks.append(makeTask(idFor(i), AllStatuses[i % veo::TaskStatusCount], i));
    }
    return tasks;
}

TaskRecord touched(TaskRecord t, int minute = 30)
{
    t.lastChecked = QDateTime(QDate(2026, 11, 2), QTime(9, minute), Qt::UTC);
    return t;
}

// Red and green channels of a ForegroundRole value ("#rrggbb" string without QtGui, QColor
// with it; both convert to the "#rrggbb" name).
std::pair<int, int> redGreen(const QVariant &color)
{
    const QString name = color.toString();
    if (name.size() != 7 || !name.startsWith(QLatin1Char('#'))) {
        return {-1, -1};
    }
    return {name.mid(1, 2).toInt(nullptr, 16), name.mid(3, 2).toInt(nullptr, 16)};
}

struct Spies
{
    explicit Spies(TaskTableModel *m)
        : dataChanged(m, &QAbstractItemModel::dataChanged),
          modelReset(m, &QAbstractItemModel::modelReset),
          layoutChanged(m, &QAbstractItemModel::layoutChanged),
          rowsAboutToBeInserted(m, &QAbstractItemModel::rowsAboutToBeInserted),
          rowsInserted(m, &QAbstractItemModel::rowsInserted),
          rowsRemoved(m, &QAbstractItemModel::rowsRemoved),
          countsChanged(m, &TaskTableModel::countsChanged)
    {
    }
    QSignalSpy dataChanged;
    QSignalSpy modelReset;
    QSignalSpy layoutChanged;
    QSignalSpy rowsAboutToBeInserted;
    QSignalSpy rowsInserted;
    QSignalSpy rowsRemoved;
    QSignalSpy countsChanged;
};

// {first row, last row, first column, last column} of a dataChanged emission.
QList<int> range(const QList<QVariant> &args)
{
    const auto tl = args.at(0).value<QModelIndex>();
    const auto br = args.at(1).value<QModelIndex>();
    return {tl.row(), br.row(), tl.column(), br.column()};
}

// The index maps every id to its row, and the counters match a recount.
void verifyConsistent(const TaskTableModel &model)
{
    int counts[veo::TaskStatusCount] = {};
    for (int row = 0; row < model.rowCount(); ++row) {
        const TaskRecord &t = model.taskAt(row);
        QCOMPARE(model.rowOf(t.taskId), row);
        QCOMPARE(model.task(t.taskId), &t);
        ++counts[static_cast<int>(t.status)];
    }
    for (TaskStatus s : AllStatuses) {
        QCOMPARE(model.countByStatus(s), counts[static_cast<int>(s)]);
    }
}

} // namespace

class tst_TaskTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelTesterThroughAllOperations();
    void expiryCountsTakeOnePassAChange();
    void headers();
    void aParentShowsWhatItsChildrenAreDoing();
    void theExpiresColumnCountsDownFourteenDays();
    void aRenderGeneratingPastFifteenMinutesSaysSo();
    void aGeneratingTaskShowsItsTimeTickingBySecond();
    void aFailedCheckSaysWhatAndWhenItIsRetried_data();
    void aFailedCheckSaysWhatAndWhenItIsRetried();
    void theRetryCountsDown();
    void statusText_data();
    void statusText();
    void cellTexts();
    void keyColumn();
    void downloadColumn();
    void errorColumn();
    void costColumn();
    void foregroundAndAlignment();
    void customRoles();
    void languageSwitch();
    void upsertChangedRowsOnly();
    void identicalUpsertEmitsNothing();
    void moreThanHalfChangedEmitsOneFullRange();
    void exactlyHalfChangedEmitsPerRange();
    void upsertInsertsAtEndInOneBatch();
    void removePerContiguousRangeDescending();
    void removeUnknownEmitsNothing();
    void scatteredRemovalStaysConsistent();
    void theRowsAreTheFeedsOwnRecords();
    void aTaskGivenTwiceIsAnnouncedOnceAsItEndsUp();
    void countsByStatus();
    void setTasksIsTheOnlyReset();
    void tenThousandRows();
};

void tst_TaskTableModel::modelTesterThroughAllOperations()
{
    TaskTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTasks(makeTasks(8));
    QList<TaskRecord> batch = makeTasks(3, 8);
    batch.append(touched(model.taskAt(2)));
    model.upsertTasks(batch);
    QCOMPARE(model.rowCount(), 11);
    model.removeTasks({idFor(0), idFor(3), idFor(4), idFor(10)});
    QCOMPARE(model.rowCount(), 7);
    model.setKeyLabelProvider([](const QString &) { return QStringLiteral("Main"); });
    model.retranslate();
    model.setTasks({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_TaskTableModel::aParentShowsWhatItsChildrenAreDoing()
{
    TaskTableModel model;
    TaskRecord parent = makeTask(QStringLiteral("veo_parent_01"), TaskStatus::Succeeded, 1);
    parent.prompt = QStringLiteral("A fox\nin the snow");
    TaskRecord hd = makeTask(QStringLiteral("veo_parent_01:1080p:0"), TaskStatus::Generating, 2);
    hd.kind = TaskKind::Veo1080p;
    hd.parentTaskId = parent.taskId;
    hd.prompt.clear();
    model.setTasks({parent, hd});
    const auto cell = [&model](const QString &id, int column) {
        return model.index(model.rowOf(id), column).data().toString();
    };
    QCOMPARE(cell(parent.taskId, TaskTableModel::StatusColumn),
             QStringLiteral("Succeeded · 1080P processing"));
    QCOMPARE(cell(hd.taskId, TaskTableModel::TaskIdColumn),
             QStringLiteral("\u21b3 1080P of video 1"));
    QCOMPARE(cell(hd.taskId, TaskTableModel::PromptColumn),
             QStringLiteral("A fox")); // the parent's
    QCOMPARE(model.index(model.rowOf(hd.taskId), 0).data(TaskTableModel::ParentRowRole).toInt(),
             model.rowOf(parent.taskId));
    QCOMPARE(model.index(model.rowOf(parent.taskId), 0)
                 .data(TaskTableModel::FamilyRowsRole)
                 .value<QList<int>>(),
             QList<int>{model.rowOf(hd.taskId)});
    QCOMPARE(model.index(model.rowOf(hd.taskId), 0)
                 .data(TaskTableModel::FamilyRowsRole)
                 .value<QList<int>>(),
             QList<int>{model.rowOf(parent.taskId)});

    // The child finishing repaints its parent's row too.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    hd.status = TaskStatus::Succeeded;
    model.upsertTasks({hd});
    QSet<int> rows;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex from = args.at(0).toModelIndex();
        const QModelIndex to = args.at(1).toModelIndex();
        for (int r = from.row(); r <= to.row(); ++r) {
            rows.insert(r);
        }
    }
    QVERIFY(rows.contains(model.rowOf(parent.taskId)));
    QCOMPARE(cell(parent.taskId, TaskTableModel::StatusColumn),
             QStringLiteral("Succeeded · 1080P ready"));

    // A 4K whose charging request lost its answer, and an extension refused by KIE.
    TaskRecord uhd = hd;
    uhd.taskId = QStringLiteral("veo_parent_01:4k:0");
    uhd.kind = TaskKind::Veo4k;
    uhd.status = TaskStatus::Pending;
    uhd.submission = TaskSubmission::AnswerLost;
    TaskRecord ext = uhd;
    ext.taskId = QStringLiteral("veo_parent_01:extend:0a1b");
    ext.kind = TaskKind::VeoExtension;
    ext.submission = TaskSubmission::Refused;
    ext.status = TaskStatus::Failed;
    model.upsertTasks({uhd, ext});
    QCOMPARE(cell(uhd.taskId, TaskTableModel::StatusColumn),
             QStringLiteral("Requested, answer lost"));
    QCOMPARE(cell(ext.taskId, TaskTableModel::StatusColumn), QStringLiteral("Refused"));
    QCOMPARE(cell(ext.taskId, TaskTableModel::TaskIdColumn),
             QStringLiteral("\u21b3 Extension (no task ID yet)"));
    QCOMPARE(cell(parent.taskId, TaskTableModel::StatusColumn),
             QStringLiteral("Succeeded · 1080P ready · 4K processing · Extension failed"));

    // Removing the children leaves the parent as it was.
    model.removeTasks({hd.taskId, uhd.taskId, ext.taskId});
    QCOMPARE(cell(parent.taskId, TaskTableModel::StatusColumn), QStringLiteral("Succeeded"));
    QVERIFY(model.children(parent.taskId).isEmpty());
}

void tst_TaskTableModel::theExpiresColumnCountsDownFourteenDays()
{
    TaskTableModel model;
    QDateTime now = QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC);
    model.setNow([&now] { return now; });
    TaskRecord done = makeTask(QStringLiteral("veo_done_01"), TaskStatus::Succeeded, 1);
    done.completeTime = now.addDays(-11); // expires in 3 days
    TaskRecord running = makeTask(QStringLiteral("veo_running_1"), TaskStatus::Generating, 2);
    model.setTasks({done, running});
    const QModelIndex cell = model.index(model.rowOf(done.taskId), TaskTableModel::ExpiresColumn);
    QCOMPARE(cell.data().toString(), QStringLiteral("in 3 day(s)")); // plural forms: the .ts
    QVERIFY(!cell.data(Qt::ForegroundRole).isValid());               // not soon yet
    QCOMPARE(cell.data(TaskTableModel::SortRole).toDateTime(), done.completeTime.addDays(14));
    QVERIFY(model.index(model.rowOf(running.taskId), TaskTableModel::ExpiresColumn)
                .data()
                .toString()
                .isEmpty());

    now = now.addDays(2); // 24 hours left: marked
    QCOMPARE(cell.data().toString(), QStringLiteral("in 24 hour(s)"));
    QVERIFY(cell.data(Qt::ForegroundRole).isValid());
    now = now.addSecs(23 * 3600 + 30 * 60);
    QCOMPARE(cell.data().toString(), QStringLiteral("in 30 minute(s)"));
    now = now.addSecs(3600);
    QCOMPARE(cell.data().toString(), QStringLiteral("expired"));

    // KIE saying so counts, whatever the dates.
    TaskRecord told = done;
    told.completeTime = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
    told.lastError.kind = ApiError::Kind::Expired;
    now = told.completeTime.addDays(1);
    model.upsertTasks({told});
    QCOMPARE(cell.data().toString(), QStringLiteral("expired"));
}

void tst_TaskTableModel::aRenderGeneratingPastFifteenMinutesSaysSo()
{
    TaskTableModel model;
    QDateTime now = QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC);
    model.setNow([&now] { return now; });
    TaskRecord render = makeTask(QStringLiteral("veo_render_1"), TaskStatus::Generating, 1);
    render.createTime = now.addSecs(-14 * 60 - 59);
    render.addedAt = now.addSecs(-60); // pasted later: the age is KIE's
    TaskRecord upgrade = makeTask(QStringLiteral("veo_hd_1"), TaskStatus::Generating, 2);
    upgrade.kind = TaskKind::Veo1080p;
    upgrade.parentTaskId = render.taskId;
    upgrade.createTime = now.addSecs(-20 * 60); // upgrades have their own time limit
    upgrade.addedAt = upgrade.createTime;
    model.setTasks({render, upgrade});
    const QModelIndex status =
        model.index(model.rowOf(render.taskId), TaskTableModel::StatusColumn);
    QCOMPARE(status.data().toString(),
             QStringLiteral("Generating · 14 min 59 s · 1080P processing"));
    QVERIFY(!status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("minutes")));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    now = now.addSecs(2 * 60 + 1);
    model.timePassed(); // the minute tick repaints the column
    QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
        return args.at(0).toModelIndex().column() == TaskTableModel::StatusColumn;
    }));
    QCOMPARE(status.data().toString(),
             QStringLiteral("Generating · 17 min, longer than usual · 1080P processing"));
    QVERIFY(status.data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Still generating after 17 minutes.")));
    QCOMPARE(
        model.index(model.rowOf(upgrade.taskId), TaskTableModel::StatusColumn).data().toString(),
        QStringLiteral("Generating · 22 min 1 s"));

    render.status = TaskStatus::Succeeded; // done: nothing to say
    model.upsertTasks({render});
    QCOMPARE(status.data().toString(), QStringLiteral("Succeeded · 1080P processing"));
}

void tst_TaskTableModel::aGeneratingTaskShowsItsTimeTickingBySecond()
{
    TaskTableModel model;
    QDateTime now = QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC);
    model.setNow([&now] { return now; });
    TaskRecord render = makeTask(QStringLiteral("veo_render_1"), TaskStatus::Generating, 1);
    render.createTime = now.addSecs(-151); // KIE's time counts...
    render.addedAt = now.addSecs(-20);
    TaskRecord pasted = makeTask(QStringLiteral("veo_render_2"), TaskStatus::Generating, 2);
    pasted.createTime = {}; // ...else when it was added
    pasted.addedAt = now.addSecs(-45);
    TaskRecord upgrade = makeTask(QStringLiteral("veo_4k_1"), TaskStatus::Generating, 3);
    upgrade.kind = TaskKind::Veo4k;
    upgrade.createTime = now.addSecs(-3900); // an hour and more: no "longer than usual" for it
    upgrade.addedAt = now.addSecs(-60);
    const TaskRecord waiting = makeTask(QStringLiteral("veo_wait_1"), TaskStatus::Pending, 4);
    const TaskRecord done = makeTask(QStringLiteral("veo_done_1"), TaskStatus::Succeeded, 5);
    model.setTasks({done, render, waiting, pasted, upgrade});
    const auto status = [&model](const TaskRecord &t) {
        return model.index(model.rowOf(t.taskId), TaskTableModel::StatusColumn).data().toString();
    };
    QCOMPARE(status(render), QStringLiteral("Generating · 2 min 31 s"));
    QCOMPARE(status(pasted), QStringLiteral("Generating · 45 s"));
    QCOMPARE(status(upgrade), QStringLiteral("Generating · 1 h 5 min"));
    QCOMPARE(status(waiting), QStringLiteral("Waiting"));
    QCOMPARE(status(done), QStringLiteral("Succeeded"));

    // A second's tick repaints the Status cells of the tasks generating, nothing else.
    Spies spies(&model);
    now = now.addSecs(1);
    QVERIFY(model.timePassed(TaskTableModel::Tick::Second));
    QCOMPARE(spies.countsChanged.size(), 0);
    QCOMPARE(spies.dataChanged.size(), 2); // rows 1 and 3-4: runs of adjacent rows
    QCOMPARE(range(spies.dataChanged.at(0)),
             (QList<int>{1, 1, TaskTableModel::StatusColumn, TaskTableModel::StatusColumn}));
    QCOMPARE(range(spies.dataChanged.at(1)),
             (QList<int>{3, 4, TaskTableModel::StatusColumn, TaskTableModel::StatusColumn}));
    QCOMPARE(status(render), QStringLiteral("Generating · 2 min 32 s"));
    QCOMPARE(status(pasted), QStringLiteral("Generating · 46 s"));

    // Past 15 minutes a render says so, counting minutes: the minute tick is enough for it.
    now = render.createTime.addSecs(15 * 60);
    QCOMPARE(status(render), QStringLiteral("Generating · 15 min, longer than usual"));
    pasted.status = TaskStatus::Succeeded;
    upgrade.status = TaskStatus::Succeeded;
    model.upsertTasks({pasted, upgrade});
    spies.dataChanged.clear();
    QVERIFY(!model.timePassed(TaskTableModel::Tick::Second)); // nothing counts seconds: stop
    QCOMPARE(spies.dataChanged.size(), 0);
    QVERIFY(!model.timePassed()); // the minute's tick repaints, and says the same
    QVERIFY(!spies.dataChanged.isEmpty());
}

void tst_TaskTableModel::aFailedCheckSaysWhatAndWhenItIsRetried_data()
{
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("words");
    QTest::newRow("server") << ApiError::Kind::Server << 500 << QStringLiteral("server error");
    QTest::newRow("http") << ApiError::Kind::Http << 502 << QStringLiteral("server error");
    QTest::newRow("network") << ApiError::Kind::Network << 0 << QStringLiteral("network error");
    QTest::newRow("timeout") << ApiError::Kind::Timeout << 0 << QStringLiteral("no answer");
    QTest::newRow("offline") << ApiError::Kind::Offline << 0 << QStringLiteral("offline");
    QTest::newRow("bad answer") << ApiError::Kind::BadResponse << 0
                                << QStringLiteral("unreadable answer");
    QTest::newRow("too large") << ApiError::Kind::TooLarge << 0
                               << QStringLiteral("unreadable answer");
    QTest::newRow("401") << ApiError::Kind::Unauthorized << 401 << QStringLiteral("key refused");
    QTest::newRow("402") << ApiError::Kind::InsufficientCredits << 402
                         << QStringLiteral("out of credits");
    QTest::newRow("429") << ApiError::Kind::RateLimited << 429 << QStringLiteral("rate limited");
    QTest::newRow("455") << ApiError::Kind::Maintenance << 455 << QStringLiteral("KIE maintenance");
    QTest::newRow("record is null")
        << ApiError::Kind::NotFoundYet << 422 << QStringLiteral("not found yet");
    QTest::newRow("rejected") << ApiError::Kind::Rejected << 400
                              << QStringLiteral("request rejected");
    QTest::newRow("no key") << ApiError::Kind::NoKey << 0 << QStringLiteral("no API key");
    QTest::newRow("insecure") << ApiError::Kind::InsecureBase << 0
                              << QStringLiteral("insecure address");
}

void tst_TaskTableModel::aFailedCheckSaysWhatAndWhenItIsRetried()
{
    QFETCH(ApiError::Kind, kind);
    QFETCH(int, code);
    QFETCH(QString, words);
    TaskTableModel model;
    const QDateTime now = QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC);
    model.setNow([&now] { return now; });
    TaskRecord waiting = makeTask(QStringLiteral("veo_wait_1"), TaskStatus::Pending, 1);
    waiting.lastError.kind = kind;
    waiting.lastError.code = code;
    waiting.lastError.serverMessage = QStringLiteral("upstream said no");
    TaskRecord generating = makeTask(QStringLiteral("veo_gen_1"), TaskStatus::Generating, 2);
    generating.createTime = now.addSecs(-100);
    generating.lastError = waiting.lastError;
    model.setTasks({waiting, generating});
    QStringList asked;
    model.setNextCheckProvider([&](const QString &taskId) {
        asked.append(taskId);
        return now.addSecs(40);
    });
    const QModelIndex cell = model.index(0, TaskTableModel::StatusColumn);
    QCOMPARE(cell.data().toString(), QStringLiteral("Waiting · %1, retry in 40 s").arg(words));
    QVERIFY(asked.contains(waiting.taskId));
    // A failed check says more than the time generating: the state is not known now.
    QCOMPARE(model.index(1, TaskTableModel::StatusColumn).data().toString(),
             QStringLiteral("Generating · %1, retry in 40 s").arg(words));

    // The tooltip has the whole error, what to do, and when it is checked again.
    const QString tip = cell.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(waiting.lastError.text() + QLatin1Char('\n') +
                            waiting.lastError.advice() + QLatin1Char('\n')),
             qPrintable(tip));
    QVERIFY2(tip.contains(now.addSecs(40).toLocalTime().toString(QStringLiteral("HH:mm:ss"))),
             qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("Refresh Now")));
    // Both rows count down, each second.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.timePassed(TaskTableModel::Tick::Second));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(range(changed.constFirst()),
             (QList<int>{0, 1, TaskTableModel::StatusColumn, TaskTableModel::StatusColumn}));
}

void tst_TaskTableModel::theRetryCountsDown()
{
    TaskTableModel model;
    QDateTime now = QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC);
    model.setNow([&now] { return now; });
    QDateTime next = now.addSecs(125);
    model.setNextCheckProvider([&next](const QString &) { return next; });
    TaskRecord task = makeTask(QStringLiteral("veo_wait_1"), TaskStatus::Pending, 1);
    task.lastError.kind = ApiError::Kind::Server;
    task.lastError.code = 500;
    model.setTasks({task});
    const QModelIndex cell = model.index(0, TaskTableModel::StatusColumn);
    QCOMPARE(cell.data().toString(), QStringLiteral("Waiting · server error, retry in 2 min 5 s"));
    now = now.addMSecs(124'500); // rounded up: never "in 0 s"
    QCOMPARE(cell.data().toString(), QStringLiteral("Waiting · server error, retry in 1 s"));
    now = next; // due, or its poll on its way (the scheduler then says "now")
    QCOMPARE(cell.data().toString(), QStringLiteral("Waiting · server error, retrying now"));
    next = {}; // not scheduled (polling paused): no time promised
    QCOMPARE(cell.data().toString(), QStringLiteral("Waiting · server error"));
    QVERIFY(!cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Next check")));

    // A final error or a finished task: no retry to speak of.
    task.lastError.kind = ApiError::Kind::Expired;
    model.upsertTasks({task});
    QCOMPARE(cell.data().toString(), QStringLiteral("Waiting"));
    task.lastError.kind = ApiError::Kind::Network;
    task.status = TaskStatus::Succeeded;
    task.successFlag = 1;
    model.upsertTasks({task});
    QCOMPARE(cell.data().toString(), QStringLiteral("Succeeded"));
    QVERIFY(!model.timePassed(TaskTableModel::Tick::Second));
    // The check went well: the status is KIE's again.
    task.status = TaskStatus::Pending;
    task.lastError = {};
    next = now.addSecs(30);
    model.upsertTasks({task});
    QCOMPARE(cell.data().toString(), QStringLiteral("Waiting"));
}

void tst_TaskTableModel::headers()
{
    TaskTableModel model;
    QCOMPARE(model.columnCount(), int(TaskTableModel::ColumnCount));
    const QStringList expected = {
        QStringLiteral("Task ID"), QStringLiteral("Status"),       QStringLiteral("Download"),
        QStringLiteral("Prompt"),  QStringLiteral("Model"),        QStringLiteral("Resolution"),
        QStringLiteral("Created"), QStringLiteral("Completed"),    QStringLiteral("Expires"),
        QStringLiteral("API key"), QStringLiteral("Last checked"), QStringLiteral("Error"),
        QStringLiteral("Cost")};
    QCOMPARE(expected.size(), qsizetype(TaskTableModel::ColumnCount));
    for (int c = 0; c < TaskTableModel::ColumnCount; ++c) {
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), expected.at(c));
    }
    QVERIFY(!model.headerData(TaskTableModel::ColumnCount, Qt::Horizontal).isValid());
}

void tst_TaskTableModel::statusText_data()
{
    QTest::addColumn<TaskStatus>("status");
    QTest::addColumn<QString>("text");
    QTest::newRow("pending") << TaskStatus::Pending << QStringLiteral("Waiting");
    // Generating for a minute: the time since it started (tested on its own).
    QTest::newRow("generating") << TaskStatus::Generating
                                << QStringLiteral("Generating · 1 min 0 s");
    QTest::newRow("succeeded") << TaskStatus::Succeeded << QStringLiteral("Succeeded");
    QTest::newRow("failed") << TaskStatus::Failed << QStringLiteral("Failed");
    QTest::newRow("generation failed")
        << TaskStatus::GenerationFailed << QStringLiteral("Generation failed");
    // makeTask gives OtherFailure the raw successFlag 7.
    QTest::newRow("other") << TaskStatus::OtherFailure << QStringLiteral("Failed (flag 7)");
    QTest::newRow("unavailable") << TaskStatus::Unavailable << QStringLiteral("Unavailable");
}

void tst_TaskTableModel::statusText()
{
    QFETCH(TaskStatus, status);
    QFETCH(QString, text);
    TaskTableModel model;
    const TaskRecord task = makeTask(QStringLiteral("t1"), status);
    // A minute after it started: a render generating for long says so (tested on its own).
    model.setNow([&task] { return task.createTime.addSecs(60); });
    model.setTasks({task});
    const QModelIndex cell = model.index(0, TaskTableModel::StatusColumn);
    QCOMPARE(cell.data().toString(), text);
    QCOMPARE(cell.data(TaskTableModel::StatusRole).toInt(), static_cast<int>(status));
    QCOMPARE(cell.data(TaskTableModel::SortRole).toInt(), static_cast<int>(status));
}

void tst_TaskTableModel::cellTexts()
{
    TaskRecord a = makeTask(QStringLiteral("veo_a"), TaskStatus::Succeeded, 1);
    a.prompt = QStringLiteral("First line\r\nsecond line\nthird");
    a.requestedResolution = QStringLiteral("1080p");
    a.resolution = QStringLiteral("720p");
    a.lastChecked = QDateTime(QDate(2026, 11, 3), QTime(10, 15), Qt::UTC);
    TaskRecord b = makeTask(QStringLiteral("veo_b"), TaskStatus::Pending, 2);
    b.prompt = QStringLiteral("one line only");
    b.requestedResolution = QStringLiteral("1080p");
    b.createTime = {};

    TaskTableModel model;
    model.setTasks({a, b});
    auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(cell(0, TaskTableModel::TaskIdColumn).toString(), QStringLiteral("veo_a"));
    QCOMPARE(cell(0, TaskTableModel::PromptColumn).toString(), QStringLiteral("First line"));
    QCOMPARE(cell(0, TaskTableModel::PromptColumn, Qt::ToolTipRole).toString(), a.prompt);
    QCOMPARE(cell(1, TaskTableModel::PromptColumn).toString(), QStringLiteral("one line only"));
    QCOMPARE(cell(0, TaskTableModel::ModelColumn).toString(), QStringLiteral("veo3"));
    // The actual resolution wins over the requested one.
    QCOMPARE(cell(0, TaskTableModel::ResolutionColumn).toString(), QStringLiteral("720p"));
    QCOMPARE(cell(1, TaskTableModel::ResolutionColumn).toString(), QStringLiteral("1080p"));

    const auto local = [](const QDateTime &dt) {
        return QLocale().toString(dt.toLocalTime(), QLocale::ShortFormat);
    };
    QCOMPARE(cell(0, TaskTableModel::CreatedColumn).toString(), local(a.createTime));
    QCOMPARE(cell(0, TaskTableModel::CompletedColumn).toString(), local(a.completeTime));
    QCOMPARE(cell(0, TaskTableModel::LastCheckedColumn).toString(), local(a.lastChecked));
    QVERIFY(!cell(0, TaskTableModel::CreatedColumn).toString().isEmpty());
    // Invalid dates show nothing.
    QCOMPARE(cell(1, TaskTableModel::CreatedColumn).toString(), QString());
    QCOMPARE(cell(1, TaskTableModel::CompletedColumn).toString(), QString());
    QCOMPARE(cell(1, TaskTableModel::LastCheckedColumn).toString(), QString());

    QCOMPARE(cell(0, TaskTableModel::ErrorColumn).toString(), QString());
    QVERIFY(!cell(0, TaskTableModel::ErrorColumn, Qt::ToolTipRole).isValid());
    QVERIFY(!model.index(0, 0, model.index(0, 0)).isValid());
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.columnCount(model.index(0, 0)), 0);
}

void tst_TaskTableModel::downloadColumn()
{
    TaskTableModel model;
    model.setTasks({makeTask(QStringLiteral("a"), TaskStatus::Succeeded),
                    makeTask(QStringLiteral("b"), TaskStatus::Succeeded)});
    auto cell = [&model](int row, int role = Qt::DisplayRole) {
        return model.index(row, TaskTableModel::DownloadColumn).data(role);
    };
    QCOMPARE(cell(0).toString(), QString()); // no provider: nothing to show

    QHash<QString, DownloadMark> marks;
    marks.insert(QStringLiteral("a"), {DownloadMark::State::Downloading, 45, 0});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setDownloadMarkProvider([&marks](const QString &id) { return marks.value(id); });
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cell(0).toString(), QStringLiteral("45%"));
    QCOMPARE(cell(1).toString(), QString());

    marks.insert(QStringLiteral("b"), {DownloadMark::State::Downloaded, -1, 2});
    changed.clear();
    model.downloadMarkChanged(QStringLiteral("b"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(range(changed.at(0)),
             (QList<int>{1, 1, TaskTableModel::DownloadColumn, TaskTableModel::DownloadColumn}));
    QCOMPARE(cell(1).toString(), QStringLiteral("Downloaded (2)"));
    QVERIFY(!cell(1, Qt::ToolTipRole).toString().isEmpty());

    marks.insert(QStringLiteral("b"), {DownloadMark::State::Missing, -1, 0});
    QCOMPARE(cell(1).toString(), QStringLiteral("File missing"));
    QVERIFY(cell(1, Qt::ForegroundRole).isValid()); // drawn as a problem
    // Downloaded sorts after downloading, missing after downloaded.
    QVERIFY(cell(1, TaskTableModel::SortRole).toInt() > cell(0, TaskTableModel::SortRole).toInt());
    changed.clear();
    model.downloadMarkChanged(QStringLiteral("unknown"));
    QCOMPARE(changed.size(), 0);
}

void tst_TaskTableModel::keyColumn()
{
    TaskRecord a = makeTask(QStringLiteral("a"), TaskStatus::Generating);
    a.keyId = QStringLiteral("key-1");
    TaskRecord b = makeTask(QStringLiteral("b"), TaskStatus::Generating);
    b.keyId = QStringLiteral("key-2");
    const TaskRecord c = makeTask(QStringLiteral("c"), TaskStatus::Generating); // default key

    TaskTableModel model;
    model.setTasks({a, b, c});
    auto key = [&model](int row) {
        return model.index(row, TaskTableModel::KeyColumn).data().toString();
    };
    QCOMPARE(key(0), QStringLiteral("key-1"));
    QCOMPARE(key(1), QStringLiteral("key-2"));
    QCOMPARE(key(2), QStringLiteral("Default"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setKeyLabelProvider([](const QString &keyId) {
        return keyId == QLatin1String("key-1") ? QStringLiteral("Studio") : QString();
    });
    QCOMPARE(changed.size(), 1);
    QCOMPARE(range(changed.at(0)),
             (QList<int>{0, 2, TaskTableModel::KeyColumn, TaskTableModel::KeyColumn}));
    QCOMPARE(key(0), QStringLiteral("Studio"));
    QCOMPARE(key(1), QStringLiteral("Key removed")); // the provider does not know it: removed
    QVERIFY(model.needsKey(model.taskAt(1)));
    QVERIFY(!model.needsKey(model.taskAt(0)));
    QVERIFY(!model.needsKey(model.taskAt(2))); // the default key is never missing
    QVERIFY(model.index(1, TaskTableModel::KeyColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Change Key")));
    QCOMPARE(model.index(1, 0).data(TaskTableModel::KeyIdRole).toString(), QStringLiteral("key-2"));
    QCOMPARE(key(2), QStringLiteral("Default"));
    QCOMPARE(model.index(0, TaskTableModel::KeyColumn).data(TaskTableModel::SortRole).toString(),
             QStringLiteral("Studio"));
    QCOMPARE(model.index(2, TaskTableModel::KeyColumn).data(TaskTableModel::SortRole).toString(),
             QString());

    // While "Try all keys" looks for the owner, that is what the column says.
    TaskRecord searching = model.taskAt(1);
    searching.findingOwner = true;
    model.upsertTasks({searching});
    QCOMPARE(key(1), QStringLiteral("Finding owner…"));
    QVERIFY(model.index(1, TaskTableModel::KeyColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("asked")));
    QVERIFY(!model.index(1, TaskTableModel::KeyColumn).data(Qt::ForegroundRole).isValid());
}

void tst_TaskTableModel::errorColumn()
{
    TaskRecord polled = makeTask(QStringLiteral("polled"), TaskStatus::Generating);
    polled.lastError.kind = ApiError::Kind::Unauthorized;
    polled.lastError.code = 401;
    TaskRecord failed = makeTask(QStringLiteral("failed"), TaskStatus::Failed); // code 400
    TaskRecord noCode = makeTask(QStringLiteral("nocode"), TaskStatus::GenerationFailed);
    noCode.errorCode.reset();
    noCode.errorMessage = QStringLiteral("Upstream failure");
    TaskRecord onlyCode = makeTask(QStringLiteral("onlycode"), TaskStatus::Failed);
    onlyCode.errorCode = 500;
    onlyCode.errorMessage.clear();
    // A poll error is more current than the failure KIE reported earlier.
    TaskRecord both = makeTask(QStringLiteral("both"), TaskStatus::Failed);
    both.lastError.kind = ApiError::Kind::Timeout;
    // A stale error message on a task that did not fail is not shown.
    TaskRecord fine = makeTask(QStringLiteral("fine"), TaskStatus::Succeeded);
    fine.errorMessage = QStringLiteral("stale");

    TaskTableModel model;
    model.setTasks({polled, failed, noCode, onlyCode, both, fine});
    auto err = [&model](int row, int role = Qt::DisplayRole) {
        return model.index(row, TaskTableModel::ErrorColumn).data(role);
    };
    QCOMPARE(err(0).toString(), polled.lastError.text());
    QCOMPARE(err(0).toString(), QStringLiteral("The API key was refused (401)."));
    const QString tip = err(0, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(polled.lastError.text()), qPrintable(tip));
    QVERIFY2(tip.contains(polled.lastError.advice()), qPrintable(tip));
    QVERIFY(!polled.lastError.advice().isEmpty());

    QCOMPARE(err(1).toString(), QStringLiteral("Prompt flagged for content policy (code 400)"));
    QCOMPARE(err(1, Qt::ToolTipRole).toString(), err(1).toString());
    QCOMPARE(err(2).toString(), QStringLiteral("Upstream failure"));
    QCOMPARE(err(3).toString(), QStringLiteral("Error code 500"));
    QCOMPARE(err(4).toString(), QStringLiteral("KIE did not answer in time."));
    QCOMPARE(err(5).toString(), QString());
    QVERIFY(!err(5, Qt::ToolTipRole).isValid());

    // Sort values are untranslated: KIE's own message and code.
    QCOMPARE(err(1, TaskTableModel::SortRole).toString(),
             QStringLiteral("400 Prompt flagged for content policy"));
    QCOMPARE(err(0, TaskTableModel::SortRole).toString(), QStringLiteral("401"));
    QCOMPARE(err(3, TaskTableModel::SortRole).toString(), QStringLiteral("500"));
    QCOMPARE(err(5, TaskTableModel::SortRole).toString(), QString());
}

void tst_TaskTableModel::costColumn()
{
    TaskRecord known = makeTask(QStringLiteral("known"), TaskStatus::Succeeded);
    known.cost = 1200;
    TaskRecord free = makeTask(QStringLiteral("free"), TaskStatus::Failed);
    free.cost = 0; // a failure KIE did not charge
    const TaskRecord unknown = makeTask(QStringLiteral("unknown"), TaskStatus::Succeeded);
    TaskTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTasks({known, free, unknown});
    const auto cell = [&model](int row, int role = Qt::DisplayRole) {
        return model.index(row, TaskTableModel::CostColumn).data(role);
    };
    // Numerus in the text, the locale's digit grouping in the number ("1,200" in English).
    const QString thousands = QLocale().toString(qint64(1200));
    QVERIFY2(cell(0).toString().startsWith(thousands + QLatin1Char(' ')),
             qPrintable(cell(0).toString()));
    QVERIFY(cell(0).toString().contains(QLatin1String("credit")));
    QVERIFY2(cell(1).toString().startsWith(QLatin1String("0 ")), qPrintable(cell(1).toString()));
    QVERIFY(cell(2).toString().isEmpty()); // unknown is not 0
    QCOMPARE(Qt::Alignment(cell(0, Qt::TextAlignmentRole).toInt()),
             Qt::AlignRight | Qt::AlignVCenter);
    // Sorted as numbers, not as text ("1,200" before "60" as text).
    QCOMPARE(cell(0, TaskTableModel::SortRole), QVariant(qint64(1200)));
    QCOMPARE(cell(1, TaskTableModel::SortRole), QVariant(qint64(0)));
    QVERIFY(!cell(2, TaskTableModel::SortRole).isValid());

    // A cost learnt later updates its row only.
    Spies spies(&model);
    TaskRecord learnt = unknown;
    learnt.cost = 60;
    model.upsertTasks({learnt});
    QCOMPARE(spies.dataChanged.size(), 1);
    QCOMPARE(range(spies.dataChanged.at(0)).mid(0, 2), (QList<int>{2, 2}));
    QCOMPARE(spies.modelReset.size(), 0);
    QVERIFY(cell(2).toString().startsWith(QLatin1String("60 ")));
}

void tst_TaskTableModel::foregroundAndAlignment()
{
    TaskTableModel model;
    model.setTasks({makeTask(QStringLiteral("f"), TaskStatus::Failed),
                    makeTask(QStringLiteral("s"), TaskStatus::Succeeded),
                    makeTask(QStringLiteral("p"), TaskStatus::Pending)});
    const auto fg = [&model](int row) {
        return model.index(row, TaskTableModel::StatusColumn).data(Qt::ForegroundRole);
    };
    const auto [failRed, failGreen] = redGreen(fg(0));
    QVERIFY2(failRed > failGreen + 60, qPrintable(fg(0).toString()));
    const auto [okRed, okGreen] = redGreen(fg(1));
    QVERIFY2(okGreen > okRed + 60, qPrintable(fg(1).toString()));
    QVERIFY(!fg(2).isValid());
    // The failure is also marked in the error column; the task ID is never coloured.
    QCOMPARE(model.index(0, TaskTableModel::ErrorColumn).data(Qt::ForegroundRole), fg(0));
    QVERIFY(!model.index(0, TaskTableModel::TaskIdColumn).data(Qt::ForegroundRole).isValid());

    const auto align = [&model](int column) {
        return Qt::Alignment(model.index(0, column).data(Qt::TextAlignmentRole).toInt());
    };
    QCOMPARE(align(TaskTableModel::CreatedColumn), Qt::AlignRight | Qt::AlignVCenter);
    QCOMPARE(align(TaskTableModel::LastCheckedColumn), Qt::AlignRight | Qt::AlignVCenter);
    QCOMPARE(align(TaskTableModel::PromptColumn), Qt::AlignLeft | Qt::AlignVCenter);
    QCOMPARE(align(TaskTableModel::ResolutionColumn), Qt::AlignHCenter | Qt::AlignVCenter);
}

void tst_TaskTableModel::customRoles()
{
    TaskRecord t = makeTask(QStringLiteral("VEO_Task_ABC"), TaskStatus::Failed, 3);
    t.prompt = QStringLiteral("A RED Fox\nin snow");
    TaskTableModel model;
    model.setTasks({t});
    const auto data = [&model](int column, int role) { return model.index(0, column).data(role); };

    for (int c = 0; c < TaskTableModel::ColumnCount; ++c) {
        QCOMPARE(data(c, TaskTableModel::TaskIdRole).toString(), t.taskId);
        QCOMPARE(data(c, TaskTableModel::StatusRole).toInt(), int(TaskStatus::Failed));
    }
    const auto sortOf = [&](int column) { return data(column, TaskTableModel::SortRole); };
    QCOMPARE(sortOf(TaskTableModel::CreatedColumn).metaType(), QMetaType::fromType<QDateTime>());
    QCOMPARE(sortOf(TaskTableModel::CreatedColumn).toDateTime(), t.createTime);
    QCOMPARE(sortOf(TaskTableModel::CompletedColumn).toDateTime(), t.completeTime);
    QCOMPARE(sortOf(TaskTableModel::LastCheckedColumn).metaType(),
             QMetaType::fromType<QDateTime>());
    QCOMPARE(sortOf(TaskTableModel::StatusColumn).metaType(), QMetaType::fromType<int>());
    QCOMPARE(sortOf(TaskTableModel::PromptColumn).metaType(), QMetaType::fromType<QString>());
    QCOMPARE(sortOf(TaskTableModel::PromptColumn).toString(), t.prompt); // full prompt
    QCOMPARE(sortOf(TaskTableModel::TaskIdColumn).toString(), t.taskId);

    const QStringList search = data(0, TaskTableModel::SearchTextRole).toStringList();
    QCOMPARE(search.size(), 3); // the task ID, the prompt and the error, as they are
    QCOMPARE(search.at(0), t.taskId);
    QCOMPARE(search.at(1), t.prompt);
    QVERIFY(search.at(2).contains(QStringLiteral("Prompt flagged for content policy")));
    QVERIFY(!search.join(QLatin1Char(' ')).contains(QStringLiteral("veo3"))); // not the model
}

void tst_TaskTableModel::languageSwitch()
{
    QList<TaskRecord> tasks = makeTasks(14);
    tasks[1].lastError.kind = ApiError::Kind::Network;
    tasks[1].lastError.serverMessage = QStringLiteral("Connection refused");
    tasks[2].lastChecked = QDateTime(QDate(2026, 11, 5), QTime(7, 0), Qt::UTC);
    TaskTableModel model;
    model.setTasks(tasks);

    auto collect = [&model](int role) {
        QList<QVariant> values;
        for (int r = 0; r < model.rowCount(); ++r) {
            for (int c = 0; c < model.columnCount(); ++c) {
                values.append(model.index(r, c).data(role));
            }
        }
        return values;
    };
    const QList<QVariant> sortBefore = collect(TaskTableModel::SortRole);
    const QList<QVariant> displayBefore = collect(Qt::DisplayRole);
    const int succeededRow = model.rowOf(idFor(2));
    QCOMPARE(model.index(succeededRow, TaskTableModel::StatusColumn).data().toString(),
             QStringLiteral("Succeeded"));

    PrefixTranslator translator;
    {
        TranslatorGuard guard(&translator);
        QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.retranslate();
        QCOMPARE(header.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(reset.size(), 0);

        // Translated at call time, without any cached string...
        QCOMPARE(model.headerData(TaskTableModel::StatusColumn, Qt::Horizontal).toString(),
                 QStringLiteral("[zz] Status"));
        QCOMPARE(model.index(succeededRow, TaskTableModel::StatusColumn).data().toString(),
                 QStringLiteral("[zz] Succeeded"));
        QVERIFY(model.index(1, TaskTableModel::ErrorColumn)
                    .data(TaskTableModel::SearchTextRole)
                    .toStringList()
                    .constLast()
                    .contains(QStringLiteral("[zz] Could not reach KIE")));
        QVERIFY(collect(Qt::DisplayRole) != displayBefore);
        // ...while every sort value stays the same in every column.
        QCOMPARE(collect(TaskTableModel::SortRole), sortBefore);
    }
    QCOMPARE(model.index(succeededRow, TaskTableModel::StatusColumn).data().toString(),
             QStringLiteral("Succeeded"));
    QCOMPARE(collect(Qt::DisplayRole), displayBefore);
}

void tst_TaskTableModel::upsertChangedRowsOnly()
{
    TaskTableModel model;
    const QList<TaskRecord> tasks = makeTasks(10);
    model.setTasks(tasks);
    Spies spies(&model);

    TaskRecord toSucceeded = tasks.at(7);
    QCOMPARE(toSucceeded.status, TaskStatus::Pending);
    toSucceeded.status = TaskStatus::Succeeded;
    toSucceeded.successFlag = 1;
    // Unchanged rows in the batch must not signal.
    model.upsertTasks(
        {touched(tasks.at(3)), tasks.at(5), toSucceeded, touched(tasks.at(2)), tasks.at(0)});

    QCOMPARE(spies.dataChanged.size(), 2);
    const int last = TaskTableModel::ColumnCount - 1;
    QCOMPARE(range(spies.dataChanged.at(0)), (QList<int>{2, 3, 0, last})); // merged run
    QCOMPARE(range(spies.dataChanged.at(1)), (QList<int>{7, 7, 0, last}));
    QCOMPARE(spies.modelReset.size(), 0);
    QCOMPARE(spies.layoutChanged.size(), 0);
    QCOMPARE(spies.rowsInserted.size(), 0);
    QCOMPARE(spies.rowsRemoved.size(), 0);
    QCOMPARE(spies.countsChanged.size(), 1);

    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(7, TaskTableModel::StatusColumn).data().toString(),
             QStringLiteral("Succeeded"));
    QCOMPARE(model.taskAt(3).lastChecked, touched(tasks.at(3)).lastChecked);
    QCOMPARE(model.countByStatus(TaskStatus::Pending), 1);
    QCOMPARE(model.countByStatus(TaskStatus::Succeeded), 3);
    verifyConsistent(model);

    // A change that keeps the status does not touch the counts.
    spies.countsChanged.clear();
    TaskRecord renamed = model.taskAt(4);
    renamed.prompt = QStringLiteral("new prompt");
    model.upsertTasks({renamed});
    QCOMPARE(spies.countsChanged.size(), 0);
    QCOMPARE(model.index(4, TaskTableModel::PromptColumn).data().toString(),
             QStringLiteral("new prompt"));
}

void tst_TaskTableModel::identicalUpsertEmitsNothing()
{
    TaskTableModel model;
    const QList<TaskRecord> tasks = makeTasks(10);
    model.setTasks(tasks);
    Spies spies(&model);
    QSignalSpy anyAboutToChange(&model, &QAbstractItemModel::layoutAboutToBeChanged);
    model.upsertTasks(tasks);
    model.upsertTasks({});
    QCOMPARE(spies.dataChanged.size(), 0);
    QCOMPARE(spies.modelReset.size(), 0);
    QCOMPARE(spies.layoutChanged.size(), 0);
    QCOMPARE(anyAboutToChange.size(), 0);
    QCOMPARE(spies.rowsInserted.size(), 0);
    QCOMPARE(spies.countsChanged.size(), 0);
    QCOMPARE(model.tasks(), tasks);
}

void tst_TaskTableModel::moreThanHalfChangedEmitsOneFullRange()
{
    TaskTableModel model;
    const QList<TaskRecord> tasks = makeTasks(10);
    model.setTasks(tasks);
    Spies spies(&model);
    QList<TaskRecord> batch;
    for (int row : {0, 2, 4, 6, 8, 9}) {
        batch.append(touched(tasks.at(row)));
    }
    model.upsertTasks(batch);
    QCOMPARE(spies.dataChanged.size(), 1);
    QCOMPARE(range(spies.dataChanged.at(0)),
             (QList<int>{0, 9, 0, TaskTableModel::ColumnCount - 1}));
    QCOMPARE(spies.modelReset.size(), 0);
    QCOMPARE(spies.layoutChanged.size(), 0);
    for (int row : {0, 2, 4, 6, 8, 9}) {
        QCOMPARE(model.taskAt(row), touched(tasks.at(row)));
    }
    QCOMPARE(model.taskAt(1), tasks.at(1));
}

void tst_TaskTableModel::exactlyHalfChangedEmitsPerRange()
{
    TaskTableModel model;
    const QList<TaskRecord> tasks = makeTasks(10);
    model.setTasks(tasks);
    Spies spies(&model);
    QList<TaskRecord> batch;
    for (int row : {8, 0, 2, 4, 6}) { // order of the batch does not matter
        batch.append(touched(tasks.at(row)));
    }
    model.upsertTasks(batch);
    QCOMPARE(spies.dataChanged.size(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(range(spies.dataChanged.at(i)),
                 (QList<int>{2 * i, 2 * i, 0, TaskTableModel::ColumnCount - 1}));
    }
}

void tst_TaskTableModel::upsertInsertsAtEndInOneBatch()
{
    TaskTableModel model;
    const QList<TaskRecord> tasks = makeTasks(4);
    model.setTasks(tasks);
    Spies spies(&model);
    QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
    connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [&model] { QCOMPARE(model.rowCount(), 4); });

    TaskRecord newA = makeTask(QStringLiteral("new-a"), TaskStatus::Generating, 40);
    const TaskRecord newB = makeTask(QStringLiteral("new-b"), TaskStatus::Failed, 41);
    TaskRecord newALater = newA;
    newALater.status = TaskStatus::Succeeded;
    newALater.successFlag = 1;
    model.upsertTasks({newA, touched(tasks.at(1)), newB, newALater});

    QCOMPARE(aboutToInsert.size(), 1);
    QCOMPARE(aboutToInsert.at(0).at(1).toInt(), 4);
    QCOMPARE(aboutToInsert.at(0).at(2).toInt(), 5);
    QCOMPARE(spies.rowsInserted.size(), 1);
    QCOMPARE(spies.dataChanged.size(), 1);
    QCOMPARE(range(spies.dataChanged.at(0)).mid(0, 2), (QList<int>{1, 1}));
    QCOMPARE(spies.countsChanged.size(), 1);
    QCOMPARE(spies.modelReset.size(), 0);

    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.rowOf(QStringLiteral("new-a")), 4);
    QCOMPARE(model.rowOf(QStringLiteral("new-b")), 5);
    QCOMPARE(model.taskAt(4).status, TaskStatus::Succeeded); // the later record won
    QCOMPARE(model.index(5, 0).data(TaskTableModel::TaskIdRole).toString(),
             QStringLiteral("new-b"));
    QCOMPARE(model.countByStatus(TaskStatus::Succeeded), 2);
    QCOMPARE(model.countByStatus(TaskStatus::Failed), 2);
    QCOMPARE(model.countByStatus(TaskStatus::Generating), 1);
    verifyConsistent(model);
}

void tst_TaskTableModel::removePerContiguousRangeDescending()
{
    TaskTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTasks(makeTasks(10));
    Spies spies(&model);
    // Each slot sees a consistent index: the removed ids are gone, the others point home.
    int checks = 0;
    connect(&model, &QAbstractItemModel::rowsRemoved, this, [&model, &checks] {
        verifyConsistent(model);
        ++checks;
    });

    model.removeTasks(
        {idFor(2), idFor(9), QStringLiteral("unknown"), idFor(5), idFor(1), idFor(8), idFor(2)});

    QCOMPARE(spies.rowsRemoved.size(), 3);
    QCOMPARE(checks, 3);
    const auto removed = [&spies](int i) {
        return QList<int>{spies.rowsRemoved.at(i).at(1).toInt(),
                          spies.rowsRemoved.at(i).at(2).toInt()};
    };
    QCOMPARE(removed(0), (QList<int>{8, 9}));
    QCOMPARE(removed(1), (QList<int>{5, 5}));
    QCOMPARE(removed(2), (QList<int>{1, 2}));
    QCOMPARE(spies.modelReset.size(), 0);
    QCOMPARE(spies.countsChanged.size(), 1);

    QCOMPARE(model.rowCount(), 5);
    const QStringList expected = {idFor(0), idFor(3), idFor(4), idFor(6), idFor(7)};
    for (int row = 0; row < 5; ++row) {
        QCOMPARE(model.taskAt(row).taskId, expected.at(row));
    }
    for (int i : {1, 2, 5, 8, 9}) {
        QCOMPARE(model.rowOf(idFor(i)), -1);
        QVERIFY(!model.task(idFor(i)));
    }
    verifyConsistent(model);
    // Statuses cycle: 0 Pending, 3 Failed, 4 GenerationFailed, 6 Unavailable, 7 Pending.
    QCOMPARE(model.countByStatus(TaskStatus::Pending), 2);
    QCOMPARE(model.countByStatus(TaskStatus::Generating), 0);
    QCOMPARE(model.countByStatus(TaskStatus::Succeeded), 0);
}

void tst_TaskTableModel::removeUnknownEmitsNothing()
{
    TaskTableModel model;
    model.setTasks(makeTasks(3));
    Spies spies(&model);
    model.removeTasks({QStringLiteral("nope")});
    model.removeTasks({});
    QCOMPARE(spies.rowsRemoved.size(), 0);
    QCOMPARE(spies.countsChanged.size(), 0);
    QCOMPARE(model.rowCount(), 3);
}

// A list given to a feed that names a task twice: the later one counts, announced once.
void tst_TaskTableModel::aTaskGivenTwiceIsAnnouncedOnceAsItEndsUp()
{
    ListFeed feed;
    feed.setTasks(makeTasks(2));
    QSignalSpy changed(&feed, &veo::TaskFeed::changed);
    QSignalSpy inserted(&feed, &veo::TaskFeed::inserted);
    TaskRecord first = feed.tasks().at(0);
    first.prompt = QStringLiteral("first edit");
    TaskRecord second = first;
    second.prompt = QStringLiteral("second edit");
    TaskRecord fresh = makeTask(QStringLiteral("fresh"), TaskStatus::Generating, 7);
    TaskRecord freshAgain = fresh;
    freshAgain.status = TaskStatus::Succeeded;
    feed.upsert({first, fresh, second, freshAgain});

    QCOMPARE(changed.size(), 1);
    const auto changedTasks = changed.at(0).at(0).value<QList<TaskRecord>>();
    QCOMPARE(changedTasks.size(), 1);
    QCOMPARE(changedTasks.at(0).prompt, QStringLiteral("second edit"));
    QCOMPARE(inserted.size(), 1);
    const auto insertedTasks = inserted.at(0).at(0).value<QList<TaskRecord>>();
    QCOMPARE(insertedTasks.size(), 1);
    QCOMPARE(insertedTasks.at(0).status, TaskStatus::Succeeded);
    QCOMPARE(feed.tasks().size(), 3);
    QCOMPARE(feed.tasks().at(0).prompt, QStringLiteral("second edit"));
    QCOMPARE(feed.indexOf(QStringLiteral("fresh")), 2);
}

// The model holds no copy of the tasks: its rows read the feed's records, also while they go.
void tst_TaskTableModel::theRowsAreTheFeedsOwnRecords()
{
    ListFeed feed;
    feed.setTasks(makeTasks(5));
    TaskTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.follow(&feed);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(&model.taskAt(2), &feed.tasks().at(2));
    QCOMPARE(model.task(idFor(3)), &feed.tasks().at(3));

    // Rows about to go still read their own tasks, bottom-up, range by range.
    QStringList going;
    connect(&model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [&](const QModelIndex &, int first, int last) {
                for (int row = last; row >= first; --row) {
                    going << model.index(row, 0).data(TaskTableModel::TaskIdRole).toString();
                }
            });
    feed.remove({idFor(1), idFor(3)});
    QCOMPARE(going, (QStringList{idFor(3), idFor(1)}));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.task(idFor(4)), &feed.tasks().at(2));
    verifyConsistent(model);

    // Whoever hears of a removal (connected before the model) reads the model as the list is.
    ListFeed early;
    early.setTasks(makeTasks(4));
    TaskTableModel late;
    QAbstractItemModelTester lateTester(&late,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    int heard = 0;
    connect(&early, &veo::TaskFeed::removed, this, [&] {
        ++heard;
        QCOMPARE(late.rowCount(), 2);
        QCOMPARE(late.rowOf(idFor(3)), 1);
        QCOMPARE(late.index(1, 0).data(TaskTableModel::TaskIdRole).toString(), idFor(3));
        QCOMPARE(late.task(idFor(3)), &early.tasks().at(1));
    });
    late.follow(&early);
    early.remove({idFor(1), idFor(2)});
    QCOMPARE(heard, 1);

    // A feed that goes first leaves the model empty, not reading what is gone.
    auto other = std::make_unique<ListFeed>();
    other->setTasks(makeTasks(2));
    model.follow(other.get());
    QCOMPARE(model.rowCount(), 2);
    // The first feed no longer reaches the model, even with a task of the same ID.
    QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy edits(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(feed.indexOf(idFor(0)) >= 0);
    feed.upsert({touched(feed.tasks().at(feed.indexOf(idFor(0))))});
    feed.remove({idFor(0)});
    QCOMPARE(removes.size(), 0);
    QCOMPARE(edits.size(), 0);
    QCOMPARE(model.rowCount(), 2);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    other.reset();
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.task(idFor(0)));
}

void tst_TaskTableModel::scatteredRemovalStaysConsistent()
{
    TaskTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTasks(makeTasks(60));
    QStringList expected;
    for (int i = 0; i < 60; ++i) {
        expected.append(idFor(i));
    }
    QSet<int> doomedRows = {0, 1, 5, 9, 10, 11, 30, 58, 59};
    for (int i = 3; i < 60; i += 7) {
        doomedRows.insert(i);
    }
    QStringList doomed;
    for (int row : std::as_const(doomedRows)) {
        doomed.append(idFor(row));
    }

    // After every signal, the whole model must read like the list with that range removed.
    int removals = 0;
    connect(&model, &QAbstractItemModel::rowsRemoved, this,
            [&](const QModelIndex &, int first, int last) {
                ++removals;
                expected.remove(first, last - first + 1);
                QCOMPARE(model.rowCount(), int(expected.size()));
                for (int row = 0; row < model.rowCount(); ++row) {
                    QCOMPARE(model.index(row, TaskTableModel::TaskIdColumn).data().toString(),
                             expected.at(row));
                }
                verifyConsistent(model);
            });
    model.removeTasks(doomed);
    QVERIFY(removals > 5);
    QCOMPARE(model.rowCount(), 60 - int(doomedRows.size()));
    for (int i = 0; i < 60; ++i) {
        QCOMPARE(model.rowOf(idFor(i)) == -1, doomedRows.contains(i));
    }
    QCOMPARE(model.tasks().size(), qsizetype(model.rowCount()));
    verifyConsistent(model);

    // The model works normally afterwards.
    model.upsertTasks({makeTask(QStringLiteral("after"), TaskStatus::Generating)});
    QCOMPARE(model.rowOf(QStringLiteral("after")), model.rowCount() - 1);
    verifyConsistent(model);
}

void tst_TaskTableModel::countsByStatus()
{
    TaskTableModel model;
    for (TaskStatus s : AllStatuses) {
        QCOMPARE(model.countByStatus(s), 0);
    }
    QSignalSpy counts(&model, &TaskTableModel::countsChanged);
    model.setTasks(makeTasks(15)); // 15 = 2 * 7 + 1: Pending gets the extra task
    QCOMPARE(counts.size(), 1);
    QCOMPARE(model.countByStatus(TaskStatus::Pending), 3);
    for (TaskStatus s : AllStatuses) {
        if (s != TaskStatus::Pending) {
            QCOMPARE(model.countByStatus(s), 2);
        }
    }

    // Same counts again: no signal.
    model.setTasks(makeTasks(15, 7));
    QCOMPARE(counts.size(), 1);

    TaskRecord t = model.taskAt(0);
    t.status = TaskStatus::Unavailable;
    model.upsertTasks({t});
    QCOMPARE(counts.size(), 2);
    QCOMPARE(model.countByStatus(TaskStatus::Unavailable), 3);
    verifyConsistent(model);
}

void tst_TaskTableModel::setTasksIsTheOnlyReset()
{
    TaskTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    TaskRecord dup = makeTask(idFor(1), TaskStatus::Succeeded, 1);
    dup.prompt = QStringLiteral("later copy");
    QList<TaskRecord> tasks = makeTasks(3);
    tasks.append(dup);
    model.setTasks(tasks);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 3); // a duplicate id keeps one row; the later record wins
    QCOMPARE(model.task(idFor(1))->prompt, QStringLiteral("later copy"));
    verifyConsistent(model);
}

void tst_TaskTableModel::tenThousandRows()
{
    // No QAbstractItemModelTester here: it walks the whole model after every signal, which
    // is quadratic for thousands of signals; the small tests above run it through each path.
    constexpr int n = 10000;
    TaskTableModel model;
    QList<TaskRecord> tasks = makeTasks(n);
    model.setTasks(tasks);
    QCOMPARE(model.rowCount(), n);
    verifyConsistent(model);
    QCOMPARE(model.countByStatus(TaskStatus::Generating), (n + 5) / 7);
    Spies spies(&model);

    // 100 scattered changes: 100 single-row signals.
    QList<TaskRecord> batch;
    for (int row = 50; row < n; row += 100) {
        batch.append(touched(tasks.at(row)));
    }
    model.upsertTasks(batch);
    QCOMPARE(spies.dataChanged.size(), 100);
    for (const auto &args : std::as_const(spies.dataChanged)) {
        const QList<int> r = range(args);
        QCOMPARE(r.at(0), r.at(1));
        QCOMPARE(r.at(0) % 100, 50);
    }

    // A contiguous block of 1,000: one signal.
    spies.dataChanged.clear();
    batch.clear();
    for (int row = 2000; row < 3000; ++row) {
        batch.append(touched(tasks.at(row), 45));
    }
    model.upsertTasks(batch);
    QCOMPARE(spies.dataChanged.size(), 1);
    QCOMPARE(range(spies.dataChanged.at(0)).mid(0, 2), (QList<int>{2000, 2999}));

    // 6,000 status changes: one full-range signal.
    spies.dataChanged.clear();
    batch.clear();
    for (int row = 0; row < 6000; ++row) {
        TaskRecord t = tasks.at(row);
        t.status = TaskStatus::Succeeded;
        batch.append(t);
    }
    model.upsertTasks(batch);
    QCOMPARE(spies.dataChanged.size(), 1);
    QCOMPARE(range(spies.dataChanged.at(0)),
             (QList<int>{0, n - 1, 0, TaskTableModel::ColumnCount - 1}));
    QCOMPARE(model.countByStatus(TaskStatus::Succeeded), 6000 + (n - 6000 + 4) / 7);

    // 1,000 new tasks: one insert at the end.
    model.upsertTasks(makeTasks(1000, n));
    QCOMPARE(spies.rowsInserted.size(), 1);
    QCOMPARE(spies.rowsInserted.at(0).at(1).toInt(), n);
    QCOMPARE(spies.rowsInserted.at(0).at(2).toInt(), n + 999);
    QCOMPARE(model.rowCount(), n + 1000);

    // Remove every third task: one signal per (single-row) range, index still right.
    QStringList doomed;
    for (int i = 0; i < n + 1000; i += 3) {
        doomed.append(idFor(i));
    }
    model.removeTasks(doomed);
    QCOMPARE(spies.rowsRemoved.size(), doomed.size());
    QCOMPARE(model.rowCount(), n + 1000 - int(doomed.size()));
    QCOMPARE(model.rowOf(idFor(3)), -1);
    QCOMPARE(model.rowOf(idFor(4)), 2);
    verifyConsistent(model);
    QCOMPARE(spies.modelReset.size(), 0);
    QCOMPARE(spies.layoutChanged.size(), 0);
}

QTEST_GUILESS_MAIN(tst_TaskTableModel)
// The status bar, the tray and the status filter each ask for the expiry counts after every
// change: one pass over the list answers them all, and a change (tasks, downloads, the clock)
// brings a new one.
void tst_TaskTableModel::expiryCountsTakeOnePassAChange()
{
    QDateTime now(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
    QList<TaskRecord> tasks;
    for (int i = 0; i < 3; ++i) {
        tasks << makeTask(QStringLiteral("veo_done_%1").arg(i), TaskStatus::Succeeded, i);
        tasks.last().completeTime = now.addDays(-13); // KIE deletes it within 48 hours
    }
    TaskTableModel model;
    model.setNow([&now] { return now; });
    int asked = 0;
    QStringList saved;
    model.setDownloadMarkProvider([&asked, &saved](const QString &id) {
        ++asked;
        DownloadMark mark;
        if (saved.contains(id)) {
            mark.state = DownloadMark::State::Downloaded;
        }
        return mark;
    });
    model.setTasks(tasks);
    const int soon = int(veo::ExpiryConcern::ExpiringSoon);
    const int gone = int(veo::ExpiryConcern::ExpiredNotDownloaded);
    asked = 0;
    QCOMPARE(model.countByExpiry(soon).tasks, 3);
    QCOMPARE(model.countByExpiry(gone).tasks, 0);
    QCOMPARE(model.countByExpiry(soon).videos, 3);
    QCOMPARE(asked, 3); // one pass for the three answers

    saved << QStringLiteral("veo_done_1");
    model.downloadMarkChanged(QStringLiteral("veo_done_1"));
    QCOMPARE(model.countByExpiry(soon).tasks, 2);
    now = now.addDays(2);
    QCOMPARE(model.countByExpiry(gone).tasks, 0); // the minute has not been told yet
    model.timePassed();
    QCOMPARE(model.countByExpiry(gone).tasks, 2);
    TaskRecord fresh = tasks.at(0);
    fresh.taskId = QStringLiteral("veo_fresh");
    fresh.completeTime = now;
    model.upsertTasks({fresh});
    QCOMPARE(model.countByExpiry(int(veo::ExpiryConcern::None)).tasks, 2); // fresh, saved
    model.removeTasks({QStringLiteral("veo_done_0")});
    QCOMPARE(model.countByExpiry(gone).tasks, 1);
    asked = 0;
    QCOMPARE(model.countByExpiry(soon).tasks, 0);
    model.downloadMarkChanged(QStringLiteral("veo_fresh")); // progress of a video of no concern
    QCOMPARE(model.countByExpiry(soon).tasks, 0);
    QCOMPARE(asked, 0);
}

#include "tst_tasktablemodel.moc"
