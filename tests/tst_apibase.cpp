#include "apibase.h"

#include <QTest>

using namespace veo;

class TestApiBase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkApiBase_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalised"); // empty = refused
        QTest::addColumn<QString>("errorMentions");

        // Accepted.
        QTest::newRow("default") << QStringLiteral("https://api.kie.ai")
                                 << QStringLiteral("https://api.kie.ai") << QString();
        QTest::newRow("spaces and slash") << QStringLiteral("  https://api.kie.ai/ \n")
                                          << QStringLiteral("https://api.kie.ai") << QString();
        QTest::newRow("upper case") << QStringLiteral("HTTPS://API.Kie.AI")
                                    << QStringLiteral("https://api.kie.ai") << QString();
        QTest::newRow("default port dropped") << QStringLiteral("https://api.kie.ai:443")
                                              << QStringLiteral("https://api.kie.ai") << QString();
        QTest::newRow("other port kept")
            << QStringLiteral("https://proxy.example:8443/")
            << QStringLiteral("https://proxy.example:8443") << QString();
        QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080")
                                        << QStringLiteral("http://127.0.0.1:8080") << QString();
        QTest::newRow("http 127/8") << QStringLiteral("http://127.5.6.7")
                                    << QStringLiteral("http://127.5.6.7") << QString();
        QTest::newRow("http localhost") << QStringLiteral("http://LocalHost:3000/")
                                        << QStringLiteral("http://localhost:3000") << QString();
        QTest::newRow("http ::1") << QStringLiteral("http://[::1]:9000")
                                  << QStringLiteral("http://[::1]:9000") << QString();
        QTest::newRow("https loopback") << QStringLiteral("https://127.0.0.1:9443")
                                        << QStringLiteral("https://127.0.0.1:9443") << QString();

        // Refused, with a message that names the problem.
        QTest::newRow("empty") << QString() << QString() << QStringLiteral("empty");
        QTest::newRow("blank") << QStringLiteral("   ") << QString() << QStringLiteral("empty");
        QTest::newRow("no scheme")
            << QStringLiteral("api.kie.ai") << QString() << QStringLiteral("https://");
        QTest::newRow("ftp") << QStringLiteral("ftp://api.kie.ai") << QString()
                             << QStringLiteral("https://");
        QTest::newRow("http remote")
            << QStringLiteral("http://api.kie.ai") << QString() << QStringLiteral("unencrypted");
        QTest::newRow("http lan") << QStringLiteral("http://192.168.1.10:8080") << QString()
                                  << QStringLiteral("unencrypted");
        QTest::newRow("http 128.0.0.1")
            << QStringLiteral("http://128.0.0.1") << QString() << QStringLiteral("unencrypted");
        QTest::newRow("http localhost.evil") << QStringLiteral("http://localhost.evil.com")
                                             << QString() << QStringLiteral("unencrypted");
        QTest::newRow("http 127 lookalike") << QStringLiteral("http://127.0.0.1.nip.io")
                                            << QString() << QStringLiteral("unencrypted");
        QTest::newRow("http ::2") << QStringLiteral("http://[::2]") << QString()
                                  << QStringLiteral("unencrypted");
        QTest::newRow("path") << QStringLiteral("https://api.kie.ai/api/v1") << QString()
                              << QStringLiteral("path");
        QTest::newRow("query") << QStringLiteral("https://api.kie.ai/?x=1") << QString()
                               << QStringLiteral("path");
        QTest::newRow("fragment") << QStringLiteral("https://api.kie.ai#top") << QString()
                                  << QStringLiteral("path");
        QTest::newRow("user info") << QStringLiteral("https://user:secret@api.kie.ai") << QString()
                                   << QStringLiteral("password");
        QTest::newRow("no host") << QStringLiteral("https://") << QString()
                                 << QStringLiteral("host");
        QTest::newRow("space in host")
            << QStringLiteral("https://api kie.ai") << QString() << QStringLiteral("valid");
    }

    void checkApiBase()
    {
        QFETCH(QString, input);
        QFETCH(QString, normalised);
        QFETCH(QString, errorMentions);
        const ApiBaseCheck check = veo::checkApiBase(input);
        if (normalised.isEmpty()) {
            QVERIFY2(!check.error.isEmpty(), qPrintable(check.url.toString()));
            QVERIFY2(check.error.contains(errorMentions), qPrintable(check.error));
            QVERIFY(check.url.isEmpty());
        } else {
            QVERIFY2(check.error.isEmpty(), qPrintable(check.error));
            QCOMPARE(check.url.toString(), normalised);
            QVERIFY(check.url.path().isEmpty());
        }
    }

    void defaultBaseIsAccepted()
    {
        const ApiBaseCheck check = veo::checkApiBase(QString::fromLatin1(DefaultApiBase));
        QVERIFY(check.error.isEmpty());
        QCOMPARE(check.url, QUrl(QStringLiteral("https://api.kie.ai")));
    }

    void sameOrigin_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("same") << QStringLiteral("https://api.kie.ai")
                              << QStringLiteral(
                                     "https://api.kie.ai/api/v1/veo/record-info?taskId=x")
                              << true;
        QTest::newRow("explicit default port")
            << QStringLiteral("https://api.kie.ai") << QStringLiteral("https://api.kie.ai:443/x")
            << true;
        QTest::newRow("host case")
            << QStringLiteral("https://API.kie.ai") << QStringLiteral("https://api.kie.ai") << true;
        QTest::newRow("scheme differs")
            << QStringLiteral("https://api.kie.ai") << QStringLiteral("http://api.kie.ai") << false;
        QTest::newRow("port differs") << QStringLiteral("http://127.0.0.1:8080")
                                      << QStringLiteral("http://127.0.0.1:8081") << false;
        QTest::newRow("host differs") << QStringLiteral("http://127.0.0.1:8080")
                                      << QStringLiteral("http://127.0.0.2:8080") << false;
        QTest::newRow("subdomain") << QStringLiteral("https://api.kie.ai")
                                   << QStringLiteral("https://api.kie.ai.evil.com") << false;
        QTest::newRow("media host")
            << QStringLiteral("https://api.kie.ai")
            << QStringLiteral("https://tempfile.aiquickdraw.com/p/x.mp4") << false;
        QTest::newRow("empty") << QStringLiteral("https://api.kie.ai") << QString() << false;
        QTest::newRow("both empty") << QString() << QString() << false;
        QTest::newRow("relative") << QStringLiteral("/api/v1") << QStringLiteral("/api/v1")
                                  << false;
    }

    void sameOrigin()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(veo::sameOrigin(QUrl(a), QUrl(b)), same);
        QCOMPARE(veo::sameOrigin(QUrl(b), QUrl(a)), same);
    }
};

QTEST_GUILESS_MAIN(TestApiBase)
#include "tst_apibase.moc"
