#include "scriptsession.h"

#include "apibase.h"
#include "appsettings.h"
#include "createrequests.h"
#include "instanceguard.h"
#include "keychaintokenstore.h"
#include "keyprofilestore.h"
#include "keyring.h"
#include "kieclient.h"
#include "refreshscheduler.h"
#include "requestscheduler.h"
#include "taskrepository.h"
#include "taskstore.h"
#include "tasktracker.h"

#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace veo {

namespace {

void printError(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stderr);
}

int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

int runOnTaskList(const QString &apiBase, const AppSettings &settings,
                  const QString &whileWindowOpen,
                  const std::function<int(const ScriptSession &)> &body, SessionKeys keysRead,
                  const std::function<bool(InstanceGuard &)> &handOver)
{
    constexpr int NotPossible = 2;
    const ApiBaseCheck api =
        checkApiBase(apiBase.isEmpty() ? QString::fromLatin1(DefaultApiBase) : apiBase);
    if (!api.error.isEmpty()) {
        printError(api.error);
        return NotPossible;
    }
    const QString storePath = TaskStore::defaultPath(false);
    InstanceGuard instance(storePath);
    if (const InstanceGuard::Role role = instance.claim(); role != InstanceGuard::Role::Primary) {
        if (role == InstanceGuard::Role::Secondary && handOver && handOver(instance)) {
            return 0;
        }
        printError(whileWindowOpen);
        return NotPossible;
    }
    TaskStore store;
    if (store.open(storePath) == TaskStore::OpenResult::Failed) {
        printError(store.message());
        return NotPossible;
    }
    KeyProfileStore meta;
    meta.open(store.path());
    KeychainTokenStore keychain;
    KeyRing keys(&keychain, &meta);
    keys.setSessionKey(qEnvironmentVariable("KIE_API_KEY"));
    KieClient client(api.url);
    RequestScheduler requests(&client, [&keys](const QString &id) { return keys.token(id); });
    requests.setFollowSystemNetwork(!isLoopbackHost(api.url.host()));
    RefreshScheduler scheduler(&requests);
    scheduler.setInterval(settings.pollInterval());
    scheduler.setFixedInterval(settings.flag(AppSettings::Flag::FixedPollInterval));
    TaskRepository tasks(&store);
    TaskTracker tracker(&tasks, &scheduler);
    CreateRequests creates(&tasks, &tracker, &requests);
    if (keysRead == SessionKeys::Secrets) {
        keys.load();
    } else {
        keys.loadProfiles();
    }
    return body({keys, tasks, tracker, creates, client});
}

TerminationSignals::TerminationSignals(std::function<void()> onSignal)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        return; // Ctrl+C then ends the process as usual
    }
    m_notifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(),
                     [onSignal = std::move(onSignal)] {
                         char byte = 0;
                         [[maybe_unused]] const auto read = ::read(g_signalPipe[0], &byte, 1);
                         onSignal();
                     });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_RESETHAND; // the second signal is not caught
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

TerminationSignals::~TerminationSignals()
{
    if (!m_notifier) {
        return;
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    m_notifier.reset();
    ::close(g_signalPipe[0]);
    ::close(g_signalPipe[1]);
    g_signalPipe[0] = g_signalPipe[1] = -1;
}

} // namespace veo
