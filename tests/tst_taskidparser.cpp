#include "taskidparser.h"

#include <QTest>

using namespace veo;

class TestTaskIdParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void isValid_data();
    void isValid();
    void largePaste();
};

void TestTaskIdParser::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QStringList>("invalid");
    QTest::addColumn<int>("duplicates");

    const QString a = QStringLiteral("veo_task_abcdef123456");
    const QString b = QStringLiteral("0123456789abcdef0123456789abcdef"); // 32 hex
    const QString c = QStringLiteral("veo_extend_task_xyz789");

    QTest::newRow("empty") << QString() << QStringList() << QStringList() << 0;
    QTest::newRow("only separators")
        << QStringLiteral(" ,;\n\t，；、\u3000") << QStringList() << QStringList() << 0;
    QTest::newRow("one id") << a << QStringList{a} << QStringList() << 0;
    QTest::newRow("spaces and new lines") << QStringLiteral("  %1\n%2\r\n\t%3  ").arg(a, b, c)
                                          << QStringList{a, b, c} << QStringList() << 0;
    QTest::newRow("commas and semicolons")
        << QStringLiteral("%1,%2;%3").arg(a, b, c) << QStringList{a, b, c} << QStringList() << 0;
    QTest::newRow("full-width separators") << QStringLiteral("%1，%2；%3、%1").arg(a, b, c)
                                           << QStringList{a, b, c} << QStringList() << 1;
    QTest::newRow("ideographic space")
        << QStringLiteral("%1\u3000%2").arg(a, b) << QStringList{a, b} << QStringList() << 0;
    QTest::newRow("quotes and brackets") << QStringLiteral("\"%1\", '%2', [%3]").arg(a, b, c)
                                         << QStringList{a, b, c} << QStringList() << 0;
    QTest::newRow("JSON array") << QStringLiteral("[\"%1\",\"%2\"]").arg(a, b) << QStringList{a, b}
                                << QStringList() << 0;
    QTest::newRow("curly and CJK quotes")
        << QStringLiteral("“%1” 「%2」 （%3） 【%1】").arg(a, b, c) << QStringList{a, b, c}
        << QStringList() << 1;
    QTest::newRow("duplicates folded and counted")
        << QStringLiteral("%1 %2 %1 %1 %2").arg(a, b) << QStringList{a, b} << QStringList() << 3;
    QTest::newRow("case matters") << QStringLiteral("ABCDEFGH12 abcdefgh12")
                                  << QStringList{QStringLiteral("ABCDEFGH12"),
                                                 QStringLiteral("abcdefgh12")}
                                  << QStringList() << 0;
    QTest::newRow("invalid tokens in order")
        << QStringLiteral("short %1 bad!chars 任务 %2").arg(a, b) << QStringList{a, b}
        << QStringList{QStringLiteral("short"), QStringLiteral("bad!chars"), QStringLiteral("任务")}
        << 0;
    QTest::newRow("invalid duplicates folded")
        << QStringLiteral("oops %1 oops").arg(a) << QStringList{a}
        << QStringList{QStringLiteral("oops")} << 0;
    QTest::newRow("record-info URL")
        << QStringLiteral("https://api.kie.ai/api/v1/veo/record-info?taskId=%1").arg(a)
        << QStringList{a} << QStringList() << 0;
    QTest::newRow("URL with more parameters")
        << QStringLiteral("https://x.example/p?foo=1&taskId=%1&index=0#top").arg(c)
        << QStringList{c} << QStringList() << 0;
    QTest::newRow("URL with task_id, other case")
        << QStringLiteral("https://x.example/p?TASK_ID=%1").arg(b) << QStringList{b}
        << QStringList() << 0;
    QTest::newRow("URL with percent-encoded id")
        << QStringLiteral("https://x.example/p?taskId=veo%5Ftask%5Fabcdef123456") << QStringList{a}
        << QStringList() << 0;
    QTest::newRow("URL id duplicates a plain id")
        << QStringLiteral("%1 <https://api.kie.ai/api/v1/veo/record-info?taskId=%1>").arg(a)
        << QStringList{a} << QStringList() << 1;
    QTest::newRow("URL without task id")
        << QStringLiteral("https://kie.ai/market") << QStringList()
        << QStringList{QStringLiteral("https://kie.ai/market")} << 0;
    QTest::newRow("URL with an invalid task id")
        << QStringLiteral("https://x.example/p?taskId=abc") << QStringList()
        << QStringList{QStringLiteral("https://x.example/p?taskId=abc")} << 0;
    QTest::newRow("bare taskId= pair")
        << QStringLiteral("taskId=%1").arg(a) << QStringList{a} << QStringList() << 0;
    QTest::newRow("7 chars too short, 129 too long")
        << QStringLiteral("abcdefg %1 %2")
               .arg(QString(128, QLatin1Char('x')), QString(129, QLatin1Char('y')))
        << QStringList{QString(128, QLatin1Char('x'))}
        << QStringList{QStringLiteral("abcdefg"), QString(129, QLatin1Char('y'))} << 0;
    QTest::newRow("quotes only") << QStringLiteral("\"\" '' []") << QStringList() << QStringList()
                                 << 0;
}

void TestTaskIdParser::parse()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ids);
    QFETCH(QStringList, invalid);
    QFETCH(int, duplicates);

    const TaskIdParseResult result = parseTaskIds(text);
    QCOMPARE(result.ids, ids);
    QCOMPARE(result.invalid, invalid);
    QCOMPARE(result.duplicates, duplicates);
    for (const QString &id : result.ids) {
        QVERIFY2(isValidTaskId(id), qPrintable(id));
    }
}

void TestTaskIdParser::isValid_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("valid");

    QTest::newRow("veo id") << QStringLiteral("veo_task_abcdef123456") << true;
    QTest::newRow("32 hex") << QStringLiteral("0123456789abcdef0123456789abcdef") << true;
    QTest::newRow("dashes") << QStringLiteral("a1b2-c3d4-e5f6") << true;
    QTest::newRow("8 chars") << QStringLiteral("abcdefgh") << true;
    QTest::newRow("7 chars") << QStringLiteral("abcdefg") << false;
    QTest::newRow("128 chars") << QString(128, QLatin1Char('a')) << true;
    QTest::newRow("129 chars") << QString(129, QLatin1Char('a')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("inner space") << QStringLiteral("veo_task abc123") << false;
    QTest::newRow("leading space") << QStringLiteral(" veo_task_abc123") << false;
    QTest::newRow("dot") << QStringLiteral("veo.task.abc123") << false;
    QTest::newRow("non-ASCII letter") << QStringLiteral("veo_task_äbc123") << false;
    QTest::newRow("full-width digits") << QStringLiteral("veo_task_１２３４") << false;
    QTest::newRow("URL") << QStringLiteral("https://x/?taskId=abcdefgh") << false;
}

void TestTaskIdParser::isValid()
{
    QFETCH(QString, token);
    QFETCH(bool, valid);
    QCOMPARE(isValidTaskId(token), valid);
}

void TestTaskIdParser::largePaste()
{
    // A whole exported list pasted at once stays linear and keeps the order.
    QStringList lines;
    for (int i = 0; i < 20000; ++i) {
        lines.append(QStringLiteral("veo_task_%1").arg(i, 8, 10, QLatin1Char('0')));
    }
    lines.append(lines.first());
    const TaskIdParseResult result = parseTaskIds(lines.join(QLatin1Char('\n')));
    QCOMPARE(result.ids.size(), 20000);
    QCOMPARE(result.ids.first(), lines.first());
    QCOMPARE(result.ids.last(), lines.at(19999));
    QCOMPARE(result.duplicates, 1);
    QVERIFY(result.invalid.isEmpty());

    const TaskIdParseResult noise = parseTaskIds(QString(200000, QLatin1Char('!')));
    QVERIFY(noise.ids.isEmpty());
    QCOMPARE(noise.invalid.size(), 1);
}

QTEST_GUILESS_MAIN(TestTaskIdParser)
#include "tst_taskidparser.moc"
