#pragma once

// An EngineRig on a manual clock, against its own fake KIE server over loopback: restarts
// (stop(), start()) reopen the same folder, and the server's request log tells what was sent.
// For tests of paced and paid requests (tst_followups, tst_generations).
#include "clockrunner.h"
#include "enginerig.h"
#include "fakekieserver.h"
#include "keyring.h"
#include "manualclock.h"
#include "refreshscheduler.h"
#include "requestscheduler.h"

#include <QHostAddress>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace veo::test {

struct ClockedEngine
{
    // A new folder, a server that accepts token (5,000 credits), a clock at zero.
    bool setUp(const QString &sessionToken)
    {
        token = sessionToken;
        dir = std::make_unique<QTemporaryDir>();
        server = std::make_unique<FakeKieServer>();
        if (!dir->isValid() || !server->listen(QHostAddress::LocalHost)) {
            return false;
        }
        server->setValidKeys({token});
        server->setCredits(QString(), 5000);
        clock = std::make_unique<ManualClock>();
        run = std::make_unique<ClockRunner>(*clock, *server);
        return true;
    }

    // Starts the app on the folder; true once its keys are read.
    bool start()
    {
        app = std::make_unique<EngineRig>(dir->path(), server->baseUrl(), token, false,
                                          QStringList(), false, clock.get());
        if (app->opened == TaskStore::OpenResult::Failed) {
            return false;
        }
        app->engine->start();
        Engine *engine = app->engine.get();
        // Every round ends with the answers committed, as the repository's timer would.
        run->follow(engine->scheduler()->requests(), [engine] { engine->flush(); });
        return QTest::qWaitFor([engine] { return !engine->keys()->isLoading(); }, 15000);
    }

    void stop()
    {
        if (app) {
            app->engine->flush();
        }
        app.reset();
    }

    void tearDown()
    {
        stop();
        run.reset();
        clock.reset();
        server.reset();
        dir.reset();
    }

    // Requests the server received on this path.
    int count(const QByteArray &path) const
    {
        int n = 0;
        for (const FakeKieServer::Request &r : server->requests()) {
            n += r.path == path ? 1 : 0;
        }
        return n;
    }

    QString token;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<FakeKieServer> server;
    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<ClockRunner> run;
    std::unique_ptr<EngineRig> app;
};

} // namespace veo::test
