#pragma once

// One Engine on a test's folder and fake server, as main.cpp builds it: settings and the task
// store in that folder, keys in memory, the loopback server not subject to the system's network
// state, polling every 150 ms unless the test wants the settings' own interval.
#include "appsettings.h"
#include "engine.h"
#include "memorytokenstore.h"
#include "refreshscheduler.h"
#include "taskrepository.h"
#include "taskstore.h"

#include <QUrl>
#include <chrono>
#include <memory>

namespace veo::test {

struct EngineRig
{
    EngineRig(const QString &dir, const QUrl &base, const QString &sessionKey, bool demo = false,
              const QStringList &demoTaskIds = {}, bool fast = true, Clock *clock = nullptr,
              bool loadInSteps = false)
        : settings(dir + QStringLiteral("/settings.ini"))
    {
        opened = store.open(dir + QStringLiteral("/tasks.sqlite"));
        settings.setDownloadFolder(dir + QStringLiteral("/videos"));
        Engine::Options options;
        options.apiBase = base;
        options.storePath = store.path();
        options.sessionKey = sessionKey;
        options.demo = demo;
        options.demoTaskIds = demoTaskIds;
        options.followSystemNetwork = false; // the fake server is on loopback
        options.clock = clock;
        options.loadInSteps = loadInSteps;
        if (fast) { // polls at a fixed 150 ms, whatever the tasks' age
            settings.setFlag(AppSettings::Flag::FixedPollInterval, true);
        }
        engine = std::make_unique<Engine>(options, &store, &tokens, &settings);
        if (fast) {
            engine->scheduler()->setInterval(std::chrono::milliseconds(150));
        }
    }
    const TaskRecord *task(const QString &id) const { return engine->tasks()->task(id); }
    TaskStatus status(const QString &id) const
    {
        const TaskRecord *t = task(id);
        return t ? t->status : TaskStatus::Unavailable;
    }

    // No poll is scheduled or in flight: nothing more will be asked until something changes.
    bool pollsSettled() const
    {
        return engine->scheduler()->inFlight() == 0 && !engine->scheduler()->nextPollAt().isValid();
    }

    TaskStore::OpenResult opened = TaskStore::OpenResult::Failed;
    AppSettings settings;
    TaskStore store;
    MemoryTokenStore tokens;
    std::unique_ptr<Engine> engine;
};

} // namespace veo::test
