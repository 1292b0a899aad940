#include "memorytokenstore.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <memory>
#include <optional>

using veo::MemoryTokenStore;
using veo::TokenResult;
using Status = veo::TokenResult::Status;

namespace {

// Context object and callback in one: counts calls and signals the result.
class Catcher final : public QObject
{
    Q_OBJECT

public:
    veo::TokenStore::Callback callback()
    {
        return [this](const TokenResult &r) {
            ++calls;
            result = r;
            Q_EMIT done();
        };
    }
    int calls = 0;
    std::optional<TokenResult> result;

Q_SIGNALS:
    void done();
};

// Marks every string of context "TokenResult", to prove userMessage() goes through translate.
class MarkingTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "TokenResult") != 0)
            return {};
        return QStringLiteral("[zz] ") + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class tst_MemoryTokenStore : public QObject
{
    Q_OBJECT

private:
    // Starts one call with a fresh Catcher as context and waits for its callback.
    template <typename Call> static std::optional<TokenResult> await(Call call)
    {
        Catcher catcher;
        QSignalSpy spy(&catcher, &Catcher::done);
        call(&catcher, catcher.callback());
        if (catcher.calls != 0)
            return std::nullopt; // answered synchronously: a bug
        if (!spy.wait(5000) || catcher.calls != 1)
            return std::nullopt;
        return catcher.result;
    }

private Q_SLOTS:
    void writeReadRemove()
    {
        MemoryTokenStore store;
        auto w = await([&](QObject *c, auto cb) {
            store.write(QStringLiteral("a"), QStringLiteral("sk-1"), c, cb);
        });
        QVERIFY(w);
        QCOMPARE(w->status, Status::Ok);
        QVERIFY(w->secret.isEmpty());

        auto r = await([&](QObject *c, auto cb) { store.read(QStringLiteral("a"), c, cb); });
        QVERIFY(r);
        QCOMPARE(r->status, Status::Ok);
        QVERIFY(r->ok());
        QCOMPARE(r->secret, QStringLiteral("sk-1"));
        QVERIFY(r->userMessage().isEmpty());

        // Overwrite, and a second key stays independent.
        QVERIFY(await([&](QObject *c, auto cb) {
            store.write(QStringLiteral("a"), QStringLiteral("sk-2"), c, cb);
        }));
        QVERIFY(await([&](QObject *c, auto cb) {
            store.write(QStringLiteral("b"), QStringLiteral("sk-b"), c, cb);
        }));
        r = await([&](QObject *c, auto cb) { store.read(QStringLiteral("a"), c, cb); });
        QVERIFY(r);
        QCOMPARE(r->secret, QStringLiteral("sk-2"));

        auto d = await([&](QObject *c, auto cb) { store.remove(QStringLiteral("a"), c, cb); });
        QVERIFY(d);
        QCOMPARE(d->status, Status::Ok);
        r = await([&](QObject *c, auto cb) { store.read(QStringLiteral("a"), c, cb); });
        QVERIFY(r);
        QCOMPARE(r->status, Status::NotFound);
        QVERIFY(r->secret.isEmpty());

        r = await([&](QObject *c, auto cb) { store.read(QStringLiteral("b"), c, cb); });
        QVERIFY(r);
        QCOMPARE(r->secret, QStringLiteral("sk-b"));

        // Removing again is not an error.
        d = await([&](QObject *c, auto cb) { store.remove(QStringLiteral("a"), c, cb); });
        QVERIFY(d);
        QCOMPARE(d->status, Status::Ok);
    }

    void readMissingIsNotFound()
    {
        MemoryTokenStore store;
        const auto r =
            await([&](QObject *c, auto cb) { store.read(QStringLiteral("nope"), c, cb); });
        QVERIFY(r);
        QCOMPARE(r->status, Status::NotFound);
        QVERIFY(!r->ok());
        QVERIFY(r->secret.isEmpty());
        QVERIFY(!r->userMessage().isEmpty());
    }

    void callbackIsNeverInsideTheCall()
    {
        MemoryTokenStore store;
        QObject context;
        QStringList order;
        QString readSecret;
        store.write(QStringLiteral("k"), QStringLiteral("v"), &context, [&](const TokenResult &r) {
            order << QStringLiteral("write:") + QString::number(int(r.status));
        });
        store.read(QStringLiteral("k"), &context, [&](const TokenResult &r) {
            order << QStringLiteral("read:") + QString::number(int(r.status));
            readSecret = r.secret;
        });
        store.remove(QStringLiteral("k"), &context, [&](const TokenResult &r) {
            order << QStringLiteral("remove:") + QString::number(int(r.status));
        });
        QVERIFY(order.isEmpty());
        QTRY_COMPARE(order.size(), 3);
        // Replies come in call order; the read was served when it was called (after the write).
        QCOMPARE(order, (QStringList{QStringLiteral("write:0"), QStringLiteral("read:0"),
                                     QStringLiteral("remove:0")}));
        QCOMPARE(readSecret, QStringLiteral("v"));
    }

    void destroyedContextGetsNoCallback()
    {
        MemoryTokenStore store;
        int calls = 0;
        auto context = std::make_unique<QObject>();
        store.write(QStringLiteral("k"), QStringLiteral("v"), context.get(),
                    [&calls](const TokenResult &) { ++calls; });
        store.read(QStringLiteral("k"), context.get(), [&calls](const TokenResult &) { ++calls; });
        context.reset();

        // A later call with a live context is answered; by then the dropped ones would have run.
        const auto r = await([&](QObject *c, auto cb) { store.read(QStringLiteral("k"), c, cb); });
        QVERIFY(r);
        QCOMPARE(r->secret, QStringLiteral("v"));
        QCoreApplication::processEvents();
        QCOMPARE(calls, 0);
    }

    void failureInjection_data()
    {
        QTest::addColumn<Status>("failure");
        QTest::newRow("no backend") << Status::NoBackend;
        QTest::newRow("access denied") << Status::AccessDenied;
        QTest::newRow("cancelled") << Status::Cancelled;
        QTest::newRow("other") << Status::OtherError;
        QTest::newRow("not found") << Status::NotFound;
    }

    void failureInjection()
    {
        QFETCH(Status, failure);
        MemoryTokenStore store;
        QVERIFY(await([&](QObject *c, auto cb) {
            store.write(QStringLiteral("k"), QStringLiteral("old"), c, cb);
        }));

        store.setFailure(failure);
        auto w = await([&](QObject *c, auto cb) {
            store.write(QStringLiteral("k"), QStringLiteral("new"), c, cb);
        });
        QVERIFY(w);
        QCOMPARE(w->status, failure);
        auto r = await([&](QObject *c, auto cb) { store.read(QStringLiteral("k"), c, cb); });
        QVERIFY(r);
        QCOMPARE(r->status, failure);
        QVERIFY(r->secret.isEmpty());
        QVERIFY(!r->userMessage().isEmpty());
        auto d = await([&](QObject *c, auto cb) { store.remove(QStringLiteral("k"), c, cb); });
        QVERIFY(d);
        QCOMPARE(d->status, failure);

        // Back to normal: the failed write and remove changed nothing.
        store.setFailure(Status::Ok);
        r = await([&](QObject *c, auto cb) { store.read(QStringLiteral("k"), c, cb); });
        QVERIFY(r);
        QCOMPARE(r->status, Status::Ok);
        QCOMPARE(r->secret, QStringLiteral("old"));
    }

    void userMessageIsTranslated_data()
    {
        QTest::addColumn<Status>("status");
        QTest::addColumn<QString>("mustMention");
        QTest::newRow("not found") << Status::NotFound << QStringLiteral("No API key is stored");
        QTest::newRow("no backend")
            << Status::NoBackend << QStringLiteral("apt install gnome-keyring libsecret-1-0");
        QTest::newRow("access denied") << Status::AccessDenied << QStringLiteral("locked");
        QTest::newRow("cancelled") << Status::Cancelled << QStringLiteral("cancelled");
        QTest::newRow("other") << Status::OtherError << QStringLiteral("Backend said: boom");
    }

    void userMessageIsTranslated()
    {
        QFETCH(Status, status);
        QFETCH(QString, mustMention);
        TokenResult result;
        result.status = status;
        result.details = QStringLiteral("Backend said: boom");

        const QString plain = result.userMessage();
        QVERIFY2(plain.contains(mustMention), qPrintable(plain));

        MarkingTranslator translator;
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const QString translated = result.userMessage();
        QCoreApplication::removeTranslator(&translator);
        QVERIFY2(translated.startsWith(QStringLiteral("[zz] ")), qPrintable(translated));
        QVERIFY(translated.contains(mustMention));
    }

    void userMessageForOk()
    {
        QVERIFY(TokenResult{}.userMessage().isEmpty());
        TokenResult other;
        other.status = Status::OtherError; // no details: still a sentence
        QVERIFY(!other.userMessage().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_MemoryTokenStore)
#include "tst_memorytokenstore.moc"
