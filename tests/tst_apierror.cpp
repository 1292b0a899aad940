#include "apierror.h"

#include <QTest>

using namespace veo;
using Kind = ApiError::Kind;

namespace {

const QList<Kind> AllKinds = {Kind::None,        Kind::Network,      Kind::Timeout,
                              Kind::Offline,     Kind::TooLarge,     Kind::BadResponse,
                              Kind::Http,        Kind::Unauthorized, Kind::InsufficientCredits,
                              Kind::NotFoundYet, Kind::Expired,      Kind::NotFound,
                              Kind::RateLimited, Kind::Maintenance,  Kind::Server,
                              Kind::Rejected,    Kind::NoKey,        Kind::InsecureBase};

ApiError errorOf(Kind kind, const QString &message = {})
{
    ApiError e;
    e.kind = kind;
    e.code = 500;
    e.httpStatus = 200;
    e.serverMessage = message;
    return e;
}

} // namespace

class TestApiError final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromKieCode_data();
    void fromKieCode();
    void finalAndRetryable_data();
    void finalAndRetryable();
    void everyKindHasText();
    void textCarriesServerMessage_data();
    void textCarriesServerMessage();
    void textWithoutDetailHasNoDanglingPunctuation();
    void textKeepsPercentSignsVerbatim();
    void textNeverMentionsCredentials();
    void defaults();
};

void TestApiError::fromKieCode_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("msg");
    QTest::addColumn<Kind>("kind");

    QTest::newRow("200") << 200 << QStringLiteral("success") << Kind::None;
    QTest::newRow("400 policy") << 400
                                << QStringLiteral(
                                       "Only English prompts are supported at this time.")
                                << Kind::Rejected;
    QTest::newRow("401") << 401 << QStringLiteral("You do not have access permissions")
                         << Kind::Unauthorized;
    QTest::newRow("402") << 402 << QStringLiteral("Insufficient Credits")
                         << Kind::InsufficientCredits;
    QTest::newRow("404") << 404 << QStringLiteral("Not Found") << Kind::NotFound;
    QTest::newRow("408") << 408
                         << QStringLiteral("Upstream is currently experiencing service issues.")
                         << Kind::Server;
    QTest::newRow("422 record is null.")
        << 422 << QStringLiteral("record is null.") << Kind::NotFoundYet;
    QTest::newRow("422 recordInfo is null")
        << 422 << QStringLiteral("recordInfo is null") << Kind::NotFoundYet;
    QTest::newRow("422 Record Is Null (case)")
        << 422 << QStringLiteral("Record Is Null") << Kind::NotFoundYet;
    QTest::newRow("422 within 14 days")
        << 422 << QStringLiteral("Temporarily supports records within 14 days.") << Kind::Expired;
    QTest::newRow("422 blank") << 422 << QStringLiteral("record result data is blank.")
                               << Kind::Rejected;
    QTest::newRow("422 not success")
        << 422 << QStringLiteral("record status is not success.") << Kind::Rejected;
    QTest::newRow("422 4k processing")
        << 422 << QStringLiteral("4k is processing. It should be ready in 5-10 minutes.")
        << Kind::Rejected;
    QTest::newRow("422 empty msg") << 422 << QString() << Kind::Rejected;
    QTest::newRow("429") << 429 << QStringLiteral("Rate Limited") << Kind::RateLimited;
    QTest::newRow("451") << 451 << QStringLiteral("Failed to fetch the image.") << Kind::Rejected;
    QTest::newRow("455") << 455 << QStringLiteral("Service Unavailable") << Kind::Maintenance;
    QTest::newRow("500 timeout") << 500 << QStringLiteral("Timeout") << Kind::Server;
    QTest::newRow("500 field required")
        << 500 << QStringLiteral("This field is required") << Kind::Server;
    QTest::newRow("501") << 501 << QStringLiteral("Generation Failed") << Kind::Server;
    QTest::newRow("505") << 505 << QStringLiteral("Feature Disabled") << Kind::Server;
    QTest::newRow("599 undocumented") << 599 << QString() << Kind::Server;
    QTest::newRow("403 undocumented") << 403 << QStringLiteral("Forbidden") << Kind::Rejected;
    QTest::newRow("0 nonsense") << 0 << QString() << Kind::Rejected;
}

void TestApiError::fromKieCode()
{
    QFETCH(int, code);
    QFETCH(QString, msg);
    QFETCH(Kind, kind);

    const ApiError e = ApiError::fromKieCode(code, msg, 200);
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.isError(), kind != Kind::None);
    QCOMPARE(e.code, code);
    QCOMPARE(e.httpStatus, 200);
    QCOMPARE(e.serverMessage, msg); // verbatim
    QCOMPARE(e.retryAfterSeconds, -1);
}

void TestApiError::finalAndRetryable_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("isFinal");
    QTest::addColumn<bool>("isRetryable");

    QTest::newRow("None") << Kind::None << false << false;
    QTest::newRow("Network") << Kind::Network << false << true;
    QTest::newRow("Timeout") << Kind::Timeout << false << true;
    QTest::newRow("Offline") << Kind::Offline << false << true;
    QTest::newRow("TooLarge") << Kind::TooLarge << false << true;
    QTest::newRow("BadResponse") << Kind::BadResponse << false << true;
    QTest::newRow("Http") << Kind::Http << false << true;
    QTest::newRow("Unauthorized") << Kind::Unauthorized << false << true;
    QTest::newRow("InsufficientCredits") << Kind::InsufficientCredits << false << true;
    QTest::newRow("NotFoundYet") << Kind::NotFoundYet << false << true;
    QTest::newRow("Expired") << Kind::Expired << true << false;
    QTest::newRow("NotFound") << Kind::NotFound << true << false;
    QTest::newRow("RateLimited") << Kind::RateLimited << false << true;
    QTest::newRow("Maintenance") << Kind::Maintenance << false << true;
    QTest::newRow("Server") << Kind::Server << false << true;
    QTest::newRow("Rejected") << Kind::Rejected << false << true;
    QTest::newRow("NoKey") << Kind::NoKey << false << true;
    QTest::newRow("InsecureBase") << Kind::InsecureBase << false << false;
}

void TestApiError::finalAndRetryable()
{
    QFETCH(Kind, kind);
    QFETCH(bool, isFinal);
    QFETCH(bool, isRetryable);

    const ApiError e = errorOf(kind);
    QCOMPARE(e.isFinal(), isFinal);
    QCOMPARE(e.isRetryable(), isRetryable);
    QVERIFY(!(e.isFinal() && e.isRetryable())); // a final task is never polled again
}

void TestApiError::everyKindHasText()
{
    QCOMPARE(AllKinds.size(), static_cast<int>(Kind::InsecureBase) + 1);
    for (const Kind kind : AllKinds) {
        for (const QString &message : {QString(), QStringLiteral("detail")}) {
            const ApiError e = errorOf(kind, message);
            const QByteArray label = QByteArray::number(static_cast<int>(kind));
            if (kind == Kind::None) {
                QVERIFY(e.text().isEmpty());
                QVERIFY(e.advice().isEmpty());
                continue;
            }
            QVERIFY2(e.text().size() > 10, label.constData());
            QVERIFY2(e.advice().size() > 10, label.constData());
            QVERIFY2(e.text() != e.advice(), label.constData());
            // Placeholders must all be filled in.
            QVERIFY2(!e.text().contains(QLatin1Char('%')), qPrintable(e.text()));
            QVERIFY2(!e.advice().contains(QLatin1Char('%')), qPrintable(e.advice()));
        }
    }
}

void TestApiError::textCarriesServerMessage_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("expected");

    // KIE's own words are the only place moderation and validation reasons reach the user.
    QTest::newRow("Server") << Kind::Server << QStringLiteral("(500)");
    QTest::newRow("Rejected") << Kind::Rejected << QStringLiteral("(500)");
    QTest::newRow("Network") << Kind::Network << QString();
    QTest::newRow("BadResponse") << Kind::BadResponse << QString();
}

void TestApiError::textCarriesServerMessage()
{
    QFETCH(Kind, kind);
    QFETCH(QString, expected);

    const QString message = QStringLiteral("Only English prompts are supported at this time.");
    const QString text = errorOf(kind, message).text();
    QVERIFY2(text.contains(message), qPrintable(text));
    if (!expected.isEmpty()) {
        QVERIFY2(text.contains(expected), qPrintable(text));
    }
}

void TestApiError::textWithoutDetailHasNoDanglingPunctuation()
{
    for (const Kind kind : AllKinds) {
        const QString text = errorOf(kind).text();
        QVERIFY2(!text.endsWith(QLatin1Char(' ')) && !text.endsWith(QLatin1Char(':')) &&
                     !text.contains(QLatin1String("()")) && !text.contains(QLatin1String(": .")) &&
                     !text.contains(QLatin1String(": )")),
                 qPrintable(text));
    }
    ApiError http;
    http.kind = Kind::Http;
    http.code = 404; // no HTTP status recorded, only the code
    QVERIFY2(http.text().contains(QLatin1String("404")), qPrintable(http.text()));
}

void TestApiError::textKeepsPercentSignsVerbatim()
{
    // A server message with "%1" in it must not be treated as a placeholder.
    const QString message = QStringLiteral("quota 100% used (%1 %2)");
    for (const Kind kind : {Kind::Server, Kind::Rejected, Kind::Network, Kind::BadResponse}) {
        const QString text = errorOf(kind, message).text();
        QVERIFY2(text.contains(message), qPrintable(text));
    }
}

void TestApiError::textNeverMentionsCredentials()
{
    // The token is never handed to ApiError; make sure no sentence invents one either
    // (these texts end up in logs and screenshots).
    for (const Kind kind : AllKinds) {
        const ApiError e = errorOf(kind, QStringLiteral("detail"));
        for (const QString &s : {e.text(), e.advice()}) {
            QVERIFY2(!s.contains(QLatin1String("Bearer"), Qt::CaseInsensitive), qPrintable(s));
            QVERIFY2(!s.contains(QLatin1String("Authorization"), Qt::CaseInsensitive),
                     qPrintable(s));
        }
    }
}

void TestApiError::defaults()
{
    const ApiError e;
    QCOMPARE(e.kind, Kind::None);
    QVERIFY(!e.isError());
    QVERIFY(!e.isFinal());
    QVERIFY(!e.isRetryable());
    QCOMPARE(e.retryAfterSeconds, -1);
    ApiError other = e;
    other.serverMessage = QStringLiteral("x");
    QVERIFY(!(other == e));
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
