#pragma once

#include <QString>
#include <functional>
#include <memory>

class QSocketNotifier;

namespace veo {

class AppSettings;
class CreateRequests;
class InstanceGuard;
class KeyRing;
class KieClient;
class TaskRepository;
class TaskTracker;

// What a command a script runs on the user's task list (--get-1080p, --get-4k, --extend,
// --generate, --batch, --import) works with: the task list, which only one process may write, its
// keys (KIE_API_KEY first) and the request machine. Built by runOnTaskList().
struct ScriptSession
{
    KeyRing &keys;
    TaskRepository &tasks;
    TaskTracker &tracker;
    CreateRequests &creates;
    KieClient &client; // for requests outside the request machine (image uploads)
};

// Which of the keys the session reads: their secrets too (commands that send requests), or
// only their labels (--import), which leaves the keychain alone.
enum class SessionKeys { Secrets, LabelsOnly };

// Builds the session and runs body in it; returns body's exit code. When the API address is
// unusable, the window owns the task list (whileWindowOpen says what to do instead) or the
// list cannot be opened, says why on standard error and returns 2 without running body.
// handOver, when given, may pass the work to the window that owns the list instead: when it
// says it did, 0 is returned.
int runOnTaskList(const QString &apiBase, const AppSettings &settings,
                  const QString &whileWindowOpen,
                  const std::function<int(const ScriptSession &)> &body,
                  SessionKeys keysRead = SessionKeys::Secrets,
                  const std::function<bool(InstanceGuard &)> &handOver = {});

// Calls onSignal in the event loop on SIGINT or SIGTERM (Ctrl+C, kill), for as long as it
// lives. A second signal ends the process at once, as if nothing caught the first.
class TerminationSignals final
{
public:
    explicit TerminationSignals(std::function<void()> onSignal);
    ~TerminationSignals();
    TerminationSignals(const TerminationSignals &) = delete;
    TerminationSignals &operator=(const TerminationSignals &) = delete;

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace veo
