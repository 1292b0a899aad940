#include "taskexpiry.h"
#include "taskfilterproxy.h"
#include "tasktablemodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QCoreApplication>
#include <QIdentityProxyModel>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <algorithm>
#include <optional>

using veo::ApiError;
using veo::DownloadMark;
using veo::TaskFilterProxy;
using veo::TaskRecord;
using veo::TaskStatus;
using veo::TaskTableModel;
using veo::test::makeTask;

namespace {

// Counts how often the filter asks for the search text, to prove when it re-filters.
class CountingProxy final : public QIdentityProxyModel
{
public:
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == TaskTableModel::SearchTextRole) {
            ++searchReads;
        }
        return QIdentityProxyModel::data(index, role);
    }
    mutable int searchReads = 0;
};

// Prefixes every translated string: display texts change, sort values must not.
class PrefixTranslator final : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QStringLiteral("[zz] ") + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

TaskRecord withPrompt(TaskRecord t, const QString &prompt)
{
    t.prompt = prompt;
    return t;
}

// Five tasks with distinct ids, prompts and errors.
QList<TaskRecord> fixture()
{
    TaskRecord delta = makeTask(QStringLiteral("veo_delta_004"), TaskStatus::Pending, 4);
    delta.prompt = QStringLiteral("City at night");
    delta.lastError.kind = ApiError::Kind::Network;
    delta.lastError.serverMessage = QStringLiteral("Connection refused");
    return {
        withPrompt(makeTask(QStringLiteral("veo_alpha_001"), TaskStatus::Succeeded, 1),
                   QStringLiteral("A lighthouse at dusk")),
        withPrompt(makeTask(QStringLiteral("veo_beta_002"), TaskStatus::Failed, 2),
                   QStringLiteral("Ocean waves, slow motion")),
        withPrompt(makeTask(QStringLiteral("veo_gamma_003"), TaskStatus::Generating, 3),
                   QStringLiteral("Lighthouse keeper\nportrait")),
        delta,
        withPrompt(makeTask(QStringLiteral("veo_eps_005"), TaskStatus::Failed, 5),
                   QStringLiteral("Forest lighthouse")),
    };
}

// Task ids in proxy order.
QStringList idsOf(const QAbstractItemModel &proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        ids.append(proxy.index(row, 0).data(TaskTableModel::TaskIdRole).toString());
    }
    return ids;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class tst_TaskFilterProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void modelTesterOnProxy();
    void defaults();
    void filter_data();
    void filter();
    void unchangedFilterDoesNotRefilter();
    void wordsMatchInAnyCaseAndScript_data();
    void wordsMatchInAnyCaseAndScript();
    void manyChangesComeAsOneNewLayout();
    void sortByCreated();
    void sortByCompletedPutsUnfinishedFirst();
    void sortByStatusIgnoresTranslation();
    void sortByCostAsNumbers();
    void sortTextCaseInsensitive();
    void sortTextNumeric();
    void followsModelUpdates();
    void tenThousandRows();
    void keyFilter();
    void childrenStayUnderTheirParentInBothOrders_data();
    void childrenStayUnderTheirParentInBothOrders();
    void aFamilyIsFilteredTogether();
    void theFourteenDayClockFilters();
    void theClockReFiltersOnlyWhatItChanges();
};

void tst_TaskFilterProxy::keyFilter()
{
    QList<TaskRecord> tasks = fixture();
    tasks[1].keyId = QStringLiteral("studio");
    tasks[4].keyId = QStringLiteral("studio");
    tasks[3].keyId = QStringLiteral("removed");
    TaskTableModel model;
    model.setTasks(tasks);
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setKeyFilter(QStringList{QStringLiteral("studio")});
    QCOMPARE(sorted(idsOf(proxy)),
             (QStringList{QStringLiteral("veo_beta_002"), QStringLiteral("veo_eps_005")}));
    proxy.setKeyFilter(QStringList{QString(), QStringLiteral("default-id")}); // the default key
    QCOMPARE(sorted(idsOf(proxy)),
             (QStringList{QStringLiteral("veo_alpha_001"), QStringLiteral("veo_gamma_003")}));
    proxy.setStatusFilter(TaskStatus::Generating); // combined with the other filters
    QCOMPARE(idsOf(proxy), QStringList{QStringLiteral("veo_gamma_003")});
    proxy.setStatusFilter(std::nullopt);
    proxy.setKeyFilter(std::nullopt);
    QCOMPARE(proxy.rowCount(), 5);
    // A task moving to another key leaves a filtered view at once.
    proxy.setKeyFilter(QStringList{QStringLiteral("studio")});
    TaskRecord moved = tasks[1];
    moved.keyId = QStringLiteral("other");
    model.upsertTasks({moved});
    QCOMPARE(idsOf(proxy), QStringList{QStringLiteral("veo_eps_005")});
}

void tst_TaskFilterProxy::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

void tst_TaskFilterProxy::modelTesterOnProxy()
{
    TaskTableModel model;
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTasks(fixture());
    proxy.sort(TaskTableModel::CreatedColumn, Qt::DescendingOrder);
    proxy.setSearchText(QStringLiteral("lighthouse"));
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setStatusFilter(TaskStatus::Failed);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setStatusFilter(std::nullopt);
    model.upsertTasks({withPrompt(makeTask(QStringLiteral("veo_new"), TaskStatus::Generating, 9),
                                  QStringLiteral("lighthouse again"))});
    QCOMPARE(proxy.rowCount(), 4);
    model.removeTasks({QStringLiteral("veo_alpha_001"), QStringLiteral("veo_eps_005")});
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setSearchText({});
    QCOMPARE(proxy.rowCount(), 4);
    model.setTasks({});
    QCOMPARE(proxy.rowCount(), 0);
}

void tst_TaskFilterProxy::defaults()
{
    TaskFilterProxy proxy;
    QVERIFY(proxy.dynamicSortFilter());
    QCOMPARE(proxy.sortRole(), int(TaskTableModel::SortRole));
    QCOMPARE(proxy.searchText(), QString());
    QVERIFY(!proxy.statusFilter());
    proxy.setSearchText(QStringLiteral("  Foo   BAR "));
    QCOMPARE(proxy.searchText(), QStringLiteral("foo bar"));
    proxy.setStatusFilter(TaskStatus::Succeeded);
    QCOMPARE(proxy.statusFilter(), std::optional(TaskStatus::Succeeded));
}

void tst_TaskFilterProxy::filter_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("status"); // -1: all statuses
    QTest::addColumn<QStringList>("expected");

    const QString alpha = QStringLiteral("veo_alpha_001");
    const QString beta = QStringLiteral("veo_beta_002");
    const QString gamma = QStringLiteral("veo_gamma_003");
    const QString delta = QStringLiteral("veo_delta_004");
    const QString eps = QStringLiteral("veo_eps_005");
    const int failed = int(TaskStatus::Failed);

    QTest::newRow("empty") << QString() << -1 << QStringList{alpha, beta, gamma, delta, eps};
    QTest::newRow("blank") << QStringLiteral("   ") << -1
                           << QStringList{alpha, beta, gamma, delta, eps};
    QTest::newRow("prompt") << QStringLiteral("lighthouse") << -1 << QStringList{alpha, gamma, eps};
    QTest::newRow("case") << QStringLiteral("LightHOUSE") << -1 << QStringList{alpha, gamma, eps};
    QTest::newRow("task id") << QStringLiteral("BETA_0") << -1 << QStringList{beta};
    QTest::newRow("id prefix") << QStringLiteral("veo_") << -1
                               << QStringList{alpha, beta, gamma, delta, eps};
    QTest::newRow("failure message") << QStringLiteral("flagged") << -1 << QStringList{beta, eps};
    QTest::newRow("failure code") << QStringLiteral("code 400") << -1 << QStringList{beta, eps};
    QTest::newRow("poll error") << QStringLiteral("refused") << -1 << QStringList{delta};
    QTest::newRow("two words") << QStringLiteral("lighthouse dusk") << -1 << QStringList{alpha};
    QTest::newRow("words reordered, spaced")
        << QStringLiteral("  dusk \t  lighthouse ") << -1 << QStringList{alpha};
    QTest::newRow("one word misses") << QStringLiteral("lighthouse zebra") << -1 << QStringList{};
    QTest::newRow("second prompt line")
        << QStringLiteral("keeper portrait") << -1 << QStringList{gamma};
    QTest::newRow("id and prompt") << QStringLiteral("alpha dusk") << -1 << QStringList{alpha};
    QTest::newRow("model is not searched") << QStringLiteral("veo3_fast") << -1 << QStringList{};
    QTest::newRow("status") << QString() << failed << QStringList{beta, eps};
    QTest::newRow("status and text") << QStringLiteral("lighthouse") << failed << QStringList{eps};
    QTest::newRow("status and id")
        << QStringLiteral("alpha") << int(TaskStatus::Succeeded) << QStringList{alpha};
    QTest::newRow("status excludes text")
        << QStringLiteral("ocean") << int(TaskStatus::Succeeded) << QStringList{};
    QTest::newRow("status without tasks")
        << QString() << int(TaskStatus::Unavailable) << QStringList{};
}

void tst_TaskFilterProxy::filter()
{
    QFETCH(QString, search);
    QFETCH(int, status);
    QFETCH(QStringList, expected);

    TaskTableModel model;
    model.setTasks(fixture());
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setSearchText(search);
    if (status >= 0) {
        proxy.setStatusFilter(static_cast<TaskStatus>(status));
    }
    QCOMPARE(sorted(idsOf(proxy)), sorted(expected));

    // Clearing both filters shows everything again.
    proxy.setSearchText({});
    proxy.setStatusFilter(std::nullopt);
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

void tst_TaskFilterProxy::unchangedFilterDoesNotRefilter()
{
    TaskTableModel model;
    model.setTasks(fixture());
    CountingProxy counting;
    counting.setSourceModel(&model);
    TaskFilterProxy proxy;
    proxy.setSourceModel(&counting);
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);

    QCOMPARE(proxy.rowCount(), 5); // builds the proxy's mapping
    proxy.setSearchText(QStringLiteral("lighthouse"));
    QCOMPARE(counting.searchReads, model.rowCount()); // one read per row
    QCOMPARE(proxy.rowCount(), 3);
    QVERIFY(!removed.isEmpty());
    counting.searchReads = 0;
    removed.clear();

    // Same words after normalisation: nothing is evaluated, nothing signals.
    proxy.setSearchText(QStringLiteral("  LIGHTHOUSE "));
    proxy.setSearchText(QStringLiteral("lighthouse"));
    QCOMPARE(counting.searchReads, 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(layout.size(), 0);
    QCOMPARE(reset.size(), 0);

    proxy.setStatusFilter(std::nullopt); // unchanged
    QCOMPARE(counting.searchReads, 0);
    proxy.setStatusFilter(TaskStatus::Failed);
    QVERIFY(counting.searchReads > 0);
    QCOMPARE(proxy.rowCount(), 1);
    counting.searchReads = 0;
    proxy.setStatusFilter(TaskStatus::Failed); // unchanged
    QCOMPARE(counting.searchReads, 0);

    proxy.setSearchText(QStringLiteral("lighthouses"));
    QVERIFY(counting.searchReads > 0);
    QCOMPARE(proxy.rowCount(), 0);
    QCOMPARE(reset.size(), 0);
}

void tst_TaskFilterProxy::wordsMatchInAnyCaseAndScript_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");
    const QString french = QStringLiteral("veo_fr");
    const QString chinese = QStringLiteral("veo_zh");
    const QString shout = QStringLiteral("veo_shout");
    const QString repeat = QStringLiteral("veo_repeat");
    QTest::newRow("accented capital") << QStringLiteral("ÉCLAIR") << QStringList{french};
    QTest::newRow("accented lower in capitals")
        << QStringLiteral("café") << QStringList{french, shout};
    QTest::newRow("both accented") << QStringLiteral("éclair café") << QStringList{french};
    QTest::newRow("chinese") << QStringLiteral("黄昏") << QStringList{chinese};
    QTest::newRow("chinese and latin") << QStringLiteral("灯塔 drone") << QStringList{chinese};
    QTest::newRow("at the very end") << QStringLiteral("zebra") << QStringList{shout};
    QTest::newRow("longer than the rest") << QStringLiteral("zebras") << QStringList{};
    QTest::newRow("first letter repeated") << QStringLiteral("aab") << QStringList{repeat};
    QTest::newRow("not there") << QStringLiteral("abab") << QStringList{};
}

// Every word is found regardless of case, in any script, wherever it starts.
void tst_TaskFilterProxy::wordsMatchInAnyCaseAndScript()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    TaskTableModel model;
    model.setTasks({
        withPrompt(makeTask(QStringLiteral("veo_fr"), TaskStatus::Succeeded, 1),
                   QStringLiteral("Éclair au café")),
        withPrompt(makeTask(QStringLiteral("veo_zh"), TaskStatus::Succeeded, 2),
                   QStringLiteral("灯塔在黄昏, drone shot")),
        withPrompt(makeTask(QStringLiteral("veo_shout"), TaskStatus::Succeeded, 3),
                   QStringLiteral("CAFÉ SIGN, ZEBRA")),
        withPrompt(makeTask(QStringLiteral("veo_repeat"), TaskStatus::Succeeded, 4),
                   QStringLiteral("aaaab")),
    });
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setSearchText(search);
    QCOMPARE(sorted(idsOf(proxy)), sorted(expected));
}

// A keystroke that hides or shows many scattered rows comes as one new layout (the base class
// takes seconds to remove 100,000 rows range by range), a small change still row by row; either
// way the rows are right and a selected row that stays keeps its index.
void tst_TaskFilterProxy::manyChangesComeAsOneNewLayout()
{
    constexpr int n = 2000;
    QList<TaskRecord> tasks;
    for (int i = 0; i < n; ++i) {
        const int seed = (i * 7919) % n; // out of order, so that sorting has work to do
        const TaskStatus status = seed % 700 == 1 ? TaskStatus::Failed : TaskStatus::Succeeded;
        tasks.append(withPrompt(makeTask(QStringLiteral("veo_%1").arg(seed), status, seed),
                                seed % 2 ? QStringLiteral("odd") : QStringLiteral("even")));
    }
    TaskTableModel model;
    model.setTasks(tasks);
    CountingProxy counting;
    counting.setSourceModel(&model);
    { // Each row's texts are read once, also when nothing asks for the new layout at once.
        TaskFilterProxy alone;
        alone.setSourceModel(&counting);
        QCOMPARE(alone.rowCount(), n);
        alone.setSearchText(QStringLiteral("odd"));
        QCOMPARE(counting.searchReads, n);
        QCOMPARE(alone.rowCount(), n / 2);
        QCOMPARE(counting.searchReads, n);
    }
    TaskFilterProxy proxy;
    proxy.setSourceModel(&counting);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(TaskTableModel::CreatedColumn, Qt::DescendingOrder);
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
    const auto rowOf = [&proxy](const QString &id) {
        const QModelIndexList found =
            proxy.match(proxy.index(0, 0), TaskTableModel::TaskIdRole, id, 1, Qt::MatchExactly);
        return found.isEmpty() ? QPersistentModelIndex() : QPersistentModelIndex(found.first());
    };
    const QPersistentModelIndex kept = rowOf(QStringLiteral("veo_1000"));
    const QPersistentModelIndex hidden = rowOf(QStringLiteral("veo_999"));
    QVERIFY(kept.isValid() && hidden.isValid());

    proxy.setStatusFilter(TaskStatus::Succeeded); // three rows go: row by row
    QCOMPARE(proxy.rowCount(), n - 3);
    QCOMPARE(removed.size(), 3);
    QCOMPARE(layout.size(), 0);

    proxy.setSearchText(QStringLiteral("even")); // 1,000 more go: one layout
    QCOMPARE(proxy.rowCount(), n / 2);
    QCOMPARE(removed.size(), 3);
    QCOMPARE(layout.size(), 1);
    QCOMPARE(reset.size(), 0);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("veo_1000"));
    QVERIFY(!hidden.isValid());
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const int seed =
            proxy.index(row, 0).data(TaskTableModel::TaskIdRole).toString().mid(4).toInt();
        QCOMPARE(seed % 2, 0);
        QCOMPARE(seed, n - 2 - 2 * row); // still newest first
    }

    proxy.setSearchText({}); // everything back: one layout, still sorted
    QCOMPARE(proxy.rowCount(), n - 3);
    QCOMPARE(layout.size(), 2);
    QCOMPARE(proxy.index(0, 0).data(TaskTableModel::TaskIdRole).toString(),
             QStringLiteral("veo_1999"));
    QCOMPARE(kept.data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("veo_1000"));

    // A row that came since is counted: one new task matching is one row in, by range.
    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    proxy.setSearchText(QStringLiteral("even"));
    model.upsertTasks({withPrompt(makeTask(QStringLiteral("veo_new"), TaskStatus::Succeeded, n),
                                  QStringLiteral("even"))});
    QCOMPARE(proxy.rowCount(), n / 2 + 1);
    QCOMPARE(inserted.size(), 1);
    const int layoutsBefore = int(layout.size());
    proxy.setSearchText(QStringLiteral("eve"));
    QCOMPARE(layout.size(), layoutsBefore); // nothing changed, nothing relaid
    QCOMPARE(proxy.rowCount(), n / 2 + 1);
}

void tst_TaskFilterProxy::sortByCreated()
{
    QList<TaskRecord> tasks;
    for (int seed : {3, 1, 4, 0, 2}) {
        tasks.append(makeTask(QStringLiteral("seed%1").arg(seed), TaskStatus::Succeeded, seed));
    }
    TaskRecord undated = makeTask(QStringLiteral("undated"), TaskStatus::Pending, 9);
    undated.createTime = {};
    tasks.insert(2, undated);
    TaskTableModel model;
    model.setTasks(tasks);
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);

    proxy.sort(TaskTableModel::CreatedColumn, Qt::AscendingOrder);
    QCOMPARE(idsOf(proxy), (QStringList{QStringLiteral("undated"), QStringLiteral("seed0"),
                                        QStringLiteral("seed1"), QStringLiteral("seed2"),
                                        QStringLiteral("seed3"), QStringLiteral("seed4")}));
    proxy.sort(TaskTableModel::CreatedColumn, Qt::DescendingOrder);
    QCOMPARE(idsOf(proxy), (QStringList{QStringLiteral("seed4"), QStringLiteral("seed3"),
                                        QStringLiteral("seed2"), QStringLiteral("seed1"),
                                        QStringLiteral("seed0"), QStringLiteral("undated")}));

    // Sorting uses the date, not the displayed text: seconds apart within the same minute
    // look equal on screen but still sort.
    TaskRecord early = makeTask(QStringLiteral("early"), TaskStatus::Succeeded, 100);
    TaskRecord late = early;
    late.taskId = QStringLiteral("late");
    late.createTime = early.createTime.addSecs(20);
    model.setTasks({late, early});
    proxy.sort(TaskTableModel::CreatedColumn, Qt::AscendingOrder);
    QCOMPARE(idsOf(proxy), (QStringList{QStringLiteral("early"), QStringLiteral("late")}));
}

void tst_TaskFilterProxy::sortByCompletedPutsUnfinishedFirst()
{
    TaskTableModel model;
    model.setTasks({makeTask(QStringLiteral("done-late"), TaskStatus::Succeeded, 20),
                    makeTask(QStringLiteral("running"), TaskStatus::Generating, 5),
                    makeTask(QStringLiteral("done-early"), TaskStatus::Failed, 10)});
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TaskTableModel::CompletedColumn, Qt::AscendingOrder);
    QCOMPARE(idsOf(proxy), (QStringList{QStringLiteral("running"), QStringLiteral("done-early"),
                                        QStringLiteral("done-late")}));
}

void tst_TaskFilterProxy::sortByCostAsNumbers()
{
    const auto costing = [](const QString &id, std::optional<qint64> cost) {
        TaskRecord t = makeTask(id, TaskStatus::Succeeded);
        t.cost = cost;
        return t;
    };
    TaskTableModel model;
    model.setTasks({costing(QStringLiteral("c1200"), 1200), costing(QStringLiteral("unknown"), {}),
                    costing(QStringLiteral("c60"), 60), costing(QStringLiteral("c0"), 0),
                    costing(QStringLiteral("c150"), 150)});
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(TaskTableModel::CostColumn, Qt::AscendingOrder);
    QCOMPARE(idsOf(proxy),
             (QStringList{QStringLiteral("c0"), QStringLiteral("c60"), QStringLiteral("c150"),
                          QStringLiteral("c1200"), QStringLiteral("unknown")}));
    proxy.sort(TaskTableModel::CostColumn, Qt::DescendingOrder);
    // Unknown is past every number either way round: last going up, first going down.
    QCOMPARE(idsOf(proxy),
             (QStringList{QStringLiteral("unknown"), QStringLiteral("c1200"),
                          QStringLiteral("c150"), QStringLiteral("c60"), QStringLiteral("c0")}));
}

void tst_TaskFilterProxy::sortByStatusIgnoresTranslation()
{
    // Source order is alphabetical by English status text, the opposite of the enum order.
    TaskTableModel model;
    model.setTasks({makeTask(QStringLiteral("w"), TaskStatus::Pending),     // "Waiting"
                    makeTask(QStringLiteral("u"), TaskStatus::Unavailable), // "Unavailable"
                    makeTask(QStringLiteral("s"), TaskStatus::Succeeded),   // "Succeeded"
                    makeTask(QStringLiteral("g"), TaskStatus::Generating),  // "Generating"
                    makeTask(QStringLiteral("f"), TaskStatus::Failed)});    // "Failed"
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TaskTableModel::StatusColumn, Qt::AscendingOrder);
    const QStringList enumOrder = {QStringLiteral("w"), QStringLiteral("g"), QStringLiteral("s"),
                                   QStringLiteral("f"), QStringLiteral("u")};
    QCOMPARE(idsOf(proxy), enumOrder);

    PrefixTranslator translator;
    QCoreApplication::installTranslator(&translator);
    model.retranslate();
    proxy.invalidate(); // re-sort from scratch under the new language
    const QString shown = proxy.index(0, TaskTableModel::StatusColumn).data().toString();
    const QStringList order = idsOf(proxy);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(shown, QStringLiteral("[zz] Waiting"));
    QCOMPARE(order, enumOrder);
}

void tst_TaskFilterProxy::sortTextCaseInsensitive()
{
    TaskTableModel model;
    model.setTasks({withPrompt(makeTask(QStringLiteral("b"), TaskStatus::Pending, 1),
                               QStringLiteral("Banana split")),
                    withPrompt(makeTask(QStringLiteral("c"), TaskStatus::Pending, 2),
                               QStringLiteral("cherry tart")),
                    withPrompt(makeTask(QStringLiteral("a"), TaskStatus::Pending, 3),
                               QStringLiteral("apple pie"))});
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    // A plain QString comparison would put "Banana" before "apple".
    proxy.sort(TaskTableModel::PromptColumn, Qt::AscendingOrder);
    QCOMPARE(idsOf(proxy),
             (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    proxy.sort(TaskTableModel::PromptColumn, Qt::DescendingOrder);
    QCOMPARE(idsOf(proxy),
             (QStringList{QStringLiteral("c"), QStringLiteral("b"), QStringLiteral("a")}));
}

void tst_TaskFilterProxy::sortTextNumeric()
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QCollator probe(english);
    probe.setNumericMode(true);
    if (probe.compare(QStringLiteral("9"), QStringLiteral("10")) >= 0) {
        QSKIP("QCollator has no numeric mode here (Qt built without ICU)");
    }
    QLocale::setDefault(english); // the proxy's collator follows the default locale
    TaskTableModel model;
    model.setTasks({makeTask(QStringLiteral("t10"), TaskStatus::Pending, 10),
                    makeTask(QStringLiteral("t9"), TaskStatus::Pending, 9),
                    makeTask(QStringLiteral("t100"), TaskStatus::Pending, 100)});
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TaskTableModel::PromptColumn, Qt::AscendingOrder); // "Prompt 9: …" etc.
    QCOMPARE(idsOf(proxy),
             (QStringList{QStringLiteral("t9"), QStringLiteral("t10"), QStringLiteral("t100")}));
}

void tst_TaskFilterProxy::followsModelUpdates()
{
    TaskTableModel model;
    model.setTasks(fixture());
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(TaskTableModel::StatusColumn, Qt::AscendingOrder);
    QCOMPARE(idsOf(proxy).constFirst(), QStringLiteral("veo_delta_004")); // Pending first

    // Pending -> Succeeded moves the row; no re-sort call needed.
    TaskRecord delta = *model.task(QStringLiteral("veo_delta_004"));
    delta.status = TaskStatus::Succeeded;
    delta.successFlag = 1;
    delta.lastError = {};
    model.upsertTasks({delta});
    QCOMPARE(idsOf(proxy).constFirst(), QStringLiteral("veo_gamma_003")); // Generating
    QCOMPARE(proxy.rowCount(), 5);

    // With a status filter, a task leaves when its status changes and a new one appears.
    proxy.setStatusFilter(TaskStatus::Generating);
    QCOMPARE(idsOf(proxy), QStringList{QStringLiteral("veo_gamma_003")});
    TaskRecord gamma = *model.task(QStringLiteral("veo_gamma_003"));
    gamma.status = TaskStatus::Succeeded;
    model.upsertTasks({gamma, makeTask(QStringLiteral("veo_new"), TaskStatus::Generating, 7)});
    QCOMPARE(idsOf(proxy), QStringList{QStringLiteral("veo_new")});

    // A search that matches only an error disappears when the error is cleared.
    proxy.setStatusFilter(std::nullopt);
    proxy.setSearchText(QStringLiteral("flagged"));
    QCOMPARE(proxy.rowCount(), 2);
    TaskRecord beta = *model.task(QStringLiteral("veo_beta_002"));
    beta.status = TaskStatus::Succeeded;
    beta.errorCode.reset();
    beta.errorMessage.clear();
    model.upsertTasks({beta});
    QCOMPARE(idsOf(proxy), QStringList{QStringLiteral("veo_eps_005")});
}

void tst_TaskFilterProxy::tenThousandRows()
{
    constexpr int n = 10000;
    constexpr TaskStatus cycle[] = {TaskStatus::Pending, TaskStatus::Generating,
                                    TaskStatus::Succeeded, TaskStatus::Failed};
    QList<TaskRecord> tasks;
    tasks.reserve(n);
    for (int i = 0; i < n; ++i) {
        // Seeds out of order, so that sorting has work to do.
        const int seed = (i * 7919) % n;
        tasks.append(makeTask(QStringLiteral("veo_%1").arg(seed), cycle[i % 4], seed));
    }
    TaskTableModel model;
    model.setTasks(tasks);
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TaskTableModel::CreatedColumn, Qt::DescendingOrder);

    const auto createdAt = [&proxy](int row) {
        return proxy.index(row, TaskTableModel::CreatedColumn)
            .data(TaskTableModel::SortRole)
            .toDateTime();
    };
    QCOMPARE(proxy.rowCount(), n);
    QCOMPARE(proxy.index(0, 0).data(TaskTableModel::TaskIdRole).toString(),
             QStringLiteral("veo_9999"));
    for (int row = 1; row < n; ++row) {
        QVERIFY2(createdAt(row - 1) > createdAt(row), qPrintable(QString::number(row)));
    }

    proxy.setStatusFilter(TaskStatus::Failed);
    QCOMPARE(proxy.rowCount(), model.countByStatus(TaskStatus::Failed));
    QCOMPARE(proxy.rowCount(), n / 4);

    // Words match independently and anywhere: "prompt 12" is "prompt" (every task) and "12"
    // (ids "veo_<seed>" and prompts "Prompt <seed>: …" whose seed contains 12).
    proxy.setStatusFilter(std::nullopt);
    proxy.setSearchText(QStringLiteral("prompt 12"));
    int with12 = 0;
    for (int seed = 0; seed < n; ++seed) {
        with12 += QString::number(seed).contains(QLatin1String("12"));
    }
    QCOMPARE(with12, 299);
    QCOMPARE(proxy.rowCount(), with12);
    proxy.setSearchText(QStringLiteral("4321:"));
    QCOMPARE(idsOf(proxy), QStringList{QStringLiteral("veo_4321")});
    proxy.setSearchText(QStringLiteral("veo_4321"));
    QCOMPARE(idsOf(proxy), QStringList{QStringLiteral("veo_4321")});

    // Brute-force cross-check of a combined filter after a mass update.
    QList<TaskRecord> changed;
    for (int i = 0; i < 6000; ++i) {
        TaskRecord t = model.taskAt(i);
        t.status = TaskStatus::Succeeded;
        changed.append(t);
    }
    // Two words, each anywhere: "dusk" is in every prompt, "12" in some ids and prompts.
    proxy.setSearchText(QStringLiteral("DUSK 12"));
    proxy.setStatusFilter(TaskStatus::Succeeded);
    model.upsertTasks(changed);
    int expected = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const TaskRecord &t = model.taskAt(row);
        expected += t.status == TaskStatus::Succeeded && t.prompt.contains(QLatin1String("dusk")) &&
                    t.taskId.contains(QLatin1String("12"));
    }
    QVERIFY(expected > 100);
    QCOMPARE(proxy.rowCount(), expected);
    for (int row = 1; row < proxy.rowCount(); ++row) {
        QVERIFY2(createdAt(row - 1) > createdAt(row), qPrintable(QString::number(row)));
        QCOMPARE(proxy.index(row, 0).data(TaskTableModel::StatusRole).toInt(),
                 int(TaskStatus::Succeeded));
    }
}

namespace {
TaskRecord childOf(const QString &parent, const QString &id, veo::TaskKind kind, TaskStatus status,
                   int seed)
{
    TaskRecord t = makeTask(id, status, seed);
    t.kind = kind;
    t.parentTaskId = parent;
    t.prompt.clear();
    return t;
}

// Three parents created 1, 3 and 2; "mid" has an upgrade and an extension, "new" one upgrade.
QList<TaskRecord> families()
{
    return {
        withPrompt(makeTask(QStringLiteral("veo_old_0001"), TaskStatus::Succeeded, 1),
                   QStringLiteral("Old fox")),
        childOf(QStringLiteral("veo_mid_0002"), QStringLiteral("veo_mid_0002:4k:0"),
                veo::TaskKind::Veo4k, TaskStatus::Generating, 9),
        withPrompt(makeTask(QStringLiteral("veo_new_0003"), TaskStatus::Succeeded, 3),
                   QStringLiteral("New owl")),
        withPrompt(makeTask(QStringLiteral("veo_mid_0002"), TaskStatus::Succeeded, 2),
                   QStringLiteral("Middle cat")),
        childOf(QStringLiteral("veo_new_0003"), QStringLiteral("veo_new_0003:1080p:0"),
                veo::TaskKind::Veo1080p, TaskStatus::Failed, 0),
        withPrompt(childOf(QStringLiteral("veo_mid_0002"), QStringLiteral("veo_ext_0004"),
                           veo::TaskKind::VeoExtension, TaskStatus::Succeeded, 8),
                   QStringLiteral("The cat jumps")),
    };
}
} // namespace

void tst_TaskFilterProxy::childrenStayUnderTheirParentInBothOrders_data()
{
    QTest::addColumn<int>("column");
    QTest::newRow("created") << int(TaskTableModel::CreatedColumn);
    QTest::newRow("status") << int(TaskTableModel::StatusColumn);
    QTest::newRow("task id") << int(TaskTableModel::TaskIdColumn);
}

void tst_TaskFilterProxy::childrenStayUnderTheirParentInBothOrders()
{
    QFETCH(int, column);
    TaskTableModel model;
    model.setTasks(families());
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy);
    const QStringList midFamily{QStringLiteral("veo_mid_0002"), QStringLiteral("veo_mid_0002:4k:0"),
                                QStringLiteral("veo_ext_0004")};
    const QStringList newFamily{QStringLiteral("veo_new_0003"),
                                QStringLiteral("veo_new_0003:1080p:0")};
    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        proxy.sort(column, order);
        const QStringList ids = idsOf(proxy);
        QCOMPARE(ids.size(), 6);
        // Each family in one block, parent first, children in the order they were added.
        const qsizetype mid = ids.indexOf(midFamily.constFirst());
        QCOMPARE(ids.mid(mid, 3), midFamily);
        const qsizetype fresh = ids.indexOf(newFamily.constFirst());
        QCOMPARE(ids.mid(fresh, 2), newFamily);
    }
    // Families are ordered by their parents' values.
    proxy.sort(TaskTableModel::CreatedColumn, Qt::AscendingOrder);
    QCOMPARE(idsOf(proxy).constFirst(), QStringLiteral("veo_old_0001"));
    QCOMPARE(idsOf(proxy).mid(1, 3), midFamily);
    proxy.sort(TaskTableModel::CreatedColumn, Qt::DescendingOrder);
    QCOMPARE(idsOf(proxy).mid(0, 2), newFamily);
    QCOMPARE(idsOf(proxy).constLast(), QStringLiteral("veo_old_0001"));

    // A child added later lands in its family.
    model.upsertTasks({childOf(QStringLiteral("veo_old_0001"), QStringLiteral("veo_old_0001:4k:0"),
                               veo::TaskKind::Veo4k, TaskStatus::Pending, 0)});
    const QStringList ids = idsOf(proxy);
    QCOMPARE(ids.constLast(), QStringLiteral("veo_old_0001:4k:0"));
    QCOMPARE(ids.at(ids.size() - 2), QStringLiteral("veo_old_0001"));
}

void tst_TaskFilterProxy::aFamilyIsFilteredTogether()
{
    TaskTableModel model;
    model.setTasks(families());
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TaskTableModel::CreatedColumn, Qt::AscendingOrder);

    // The parent matches: its children show with it (an upgrade shows its parent's prompt).
    proxy.setSearchText(QStringLiteral("middle"));
    QCOMPARE(idsOf(proxy),
             (QStringList{QStringLiteral("veo_mid_0002"), QStringLiteral("veo_mid_0002:4k:0"),
                          QStringLiteral("veo_ext_0004")}));
    // Only a child matches: its parent comes along (not the sibling that does not match).
    proxy.setSearchText(QStringLiteral("jumps"));
    QCOMPARE(idsOf(proxy),
             (QStringList{QStringLiteral("veo_mid_0002"), QStringLiteral("veo_ext_0004")}));
    proxy.setSearchText({});
    // The status filter: a failed upgrade shows under its succeeded parent.
    proxy.setStatusFilter(TaskStatus::Failed);
    QCOMPARE(idsOf(proxy),
             (QStringList{QStringLiteral("veo_new_0003"), QStringLiteral("veo_new_0003:1080p:0")}));
    // A child that stops matching takes its parent out with it.
    TaskRecord fixed = families().at(4);
    fixed.status = TaskStatus::Succeeded;
    model.upsertTasks({fixed});
    QCOMPARE(idsOf(proxy), QStringList());
}

void tst_TaskFilterProxy::theFourteenDayClockFilters()
{
    QDateTime now(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC);
    const auto finished = [&now](const QString &id, int daysAgo) {
        TaskRecord t = makeTask(id, TaskStatus::Succeeded, 1);
        t.completeTime = now.addDays(-daysAgo);
        return t;
    };
    TaskTableModel model;
    model.setNow([&now] { return now; });
    QStringList saved{QStringLiteral("veo_soon_saved_3"), QStringLiteral("veo_gone_saved_5")};
    model.setDownloadMarkProvider([&saved](const QString &id) {
        DownloadMark mark;
        if (saved.contains(id)) {
            mark.state = DownloadMark::State::Downloaded;
        }
        return mark;
    });
    model.setTasks({finished(QStringLiteral("veo_fresh_0001"), 2),
                    finished(QStringLiteral("veo_soon_00002"), 13),
                    finished(QStringLiteral("veo_soon_saved_3"), 13),
                    finished(QStringLiteral("veo_gone_00004"), 15),
                    finished(QStringLiteral("veo_gone_saved_5"), 20),
                    makeTask(QStringLiteral("veo_running_006"), TaskStatus::Generating, 2)});
    TaskFilterProxy proxy;
    proxy.setSourceModel(&model);
    const int soon = int(veo::ExpiryConcern::ExpiringSoon);
    const int gone = int(veo::ExpiryConcern::ExpiredNotDownloaded);
    QCOMPARE(model.countByExpiry(soon).tasks, 1);
    QCOMPARE(model.countByExpiry(soon).videos, 1);
    QCOMPARE(model.countByExpiry(gone).tasks, 1);
    // The counts follow downloads (the status bar's "expire soon, not downloaded")...
    QSignalSpy counts(&model, &TaskTableModel::countsChanged);
    saved << QStringLiteral("veo_soon_00002");
    model.downloadMarkChanged(QStringLiteral("veo_soon_00002"));
    QCOMPARE(counts.size(), 1);
    QCOMPARE(model.countByExpiry(soon).tasks, 0);
    model.downloadMarkChanged(QStringLiteral("veo_running_006")); // progress of no concern
    QCOMPARE(counts.size(), 1);
    saved.removeLast();
    model.downloadMarkChanged(QStringLiteral("veo_soon_00002"));
    // ...and the clock: a day later the fresh one is no worry yet, the soon one is gone.
    now = now.addDays(1);
    model.timePassed();
    QCOMPARE(counts.size(), 3);
    QCOMPARE(model.countByExpiry(soon).tasks, 0);
    QCOMPARE(model.countByExpiry(gone).tasks, 2);
    now = now.addDays(-1);
    model.timePassed();
    proxy.setExpiryFilter(soon);
    QCOMPARE(idsOf(proxy), QStringList{QStringLiteral("veo_soon_00002")}); // a copy: no worry
    proxy.setExpiryFilter(gone);
    QCOMPARE(idsOf(proxy), QStringList{QStringLiteral("veo_gone_00004")});
    proxy.setExpiryFilter(std::nullopt);
    QCOMPARE(proxy.rowCount(), 6);
}

void tst_TaskFilterProxy::theClockReFiltersOnlyWhatItChanges()
{
    QDateTime now(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC);
    QList<TaskRecord> tasks;
    for (int i = 0; i < 50; ++i) {
        TaskRecord t =
            withPrompt(makeTask(QStringLiteral("veo_clock_%1").arg(i), TaskStatus::Succeeded, i),
                       i % 2 ? QStringLiteral("odd") : QStringLiteral("even"));
        t.completeTime = now.addDays(-13).addSecs(-i * 60); // KIE deletes them within a day
        tasks << t;
    }
    TaskTableModel model;
    model.setNow([&now] { return now; });
    model.setTasks(tasks);
    CountingProxy counting;
    counting.setSourceModel(&model);
    TaskFilterProxy proxy;
    proxy.setSourceModel(&counting);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSearchText(QStringLiteral("odd"));
    QCOMPARE(proxy.rowCount(), 25);

    // A minute, and a second: texts and the expiry change, the search does not run again (it
    // ran over every row each minute, 114 ms at 100,000 tasks).
    counting.searchReads = 0;
    QSignalSpy cells(&proxy, &QAbstractItemModel::dataChanged);
    now = now.addSecs(60);
    model.timePassed(TaskTableModel::Tick::Minute);
    model.timePassed(TaskTableModel::Tick::Second);
    QCOMPARE(counting.searchReads, 0);
    QCOMPARE(proxy.rowCount(), 25);
    QVERIFY(!cells.isEmpty()); // the views still repaint the cells
    QVERIFY(cells.constFirst().at(2).value<QList<int>>().contains(Qt::DisplayRole));

    { // A tick before anything asked a proxy for its rows: they are worked out first.
        TaskFilterProxy fresh;
        fresh.setSourceModel(&model);
        model.timePassed(TaskTableModel::Tick::Minute);
        QCOMPARE(fresh.rowCount(), 50);
    }

    // The expiry filter follows the clock: a day later they have all expired.
    proxy.setExpiryFilter(int(veo::ExpiryConcern::ExpiringSoon));
    QCOMPARE(proxy.rowCount(), 25);
    now = now.addDays(1);
    model.timePassed(TaskTableModel::Tick::Minute);
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setExpiryFilter(int(veo::ExpiryConcern::ExpiredNotDownloaded));
    QCOMPARE(proxy.rowCount(), 25);

    // A task's own change is still filtered: one no longer matches the search.
    proxy.setExpiryFilter(std::nullopt);
    TaskRecord changed = model.tasks().at(1);
    changed.prompt = QStringLiteral("even now");
    model.upsertTasks({changed});
    QCOMPARE(proxy.rowCount(), 24);
}

QTEST_GUILESS_MAIN(tst_TaskFilterProxy)
#include "tst_taskfilterproxy.moc"
