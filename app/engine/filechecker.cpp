#include "filechecker.h"

#include <QFileInfo>
#include <QMutex>
#include <atomic>
#include <system_error>
#include <thread>

namespace veo {

bool fileExists(const QString &path)
{
    return QFileInfo::exists(path);
}

// The only thing a check's thread shares with the checker. The destructor clears receiver
// under the mutex, and the thread posts its answers under the same mutex, so it never posts to
// a destroyed object (and Qt drops events still queued for an object when it is destroyed).
struct FileChecker::Channel
{
    QMutex mutex;
    FileChecker *receiver = nullptr; // null once the checker is gone
    std::atomic_bool closed = false; // the same, read without the mutex between files
};

FileChecker::FileChecker(std::function<QList<FileLook>()> files, FileProbe probe, QObject *parent)
    : QObject(parent), m_files(std::move(files)), m_probe(std::move(probe)),
      m_channel(std::make_shared<Channel>())
{
    m_channel->receiver = this;
}

// A running check is not waited for: its stat may hang for minutes (or for good, on a hard
// NFS mount whose server is gone), and quitting must not. Its thread is detached; from here on
// it looks at no further file and posts nothing, and it only owns copies of plain values. At
// quit, a thread still stuck in the kernel ends with the process.
FileChecker::~FileChecker()
{
    m_channel->closed = true;
    const QMutexLocker lock(&m_channel->mutex);
    m_channel->receiver = nullptr;
}

void FileChecker::check()
{
    if (m_checking) {
        m_checkAgain = true; // once after the running one, however often asked meanwhile
        return;
    }
    start();
}

void FileChecker::start()
{
    m_checking = true;
    m_checkAgain = false;
    // A thread of its own rather than the global QThreadPool: QCoreApplication's destructor
    // waits for the pool's tasks, so a stat hanging on a dead mount would hang the quit.
    try {
        std::thread([channel = m_channel, probe = m_probe, looks = m_files()]() mutable {
            for (FileLook &look : looks) {
                if (channel->closed) {
                    return;
                }
                look.exists = probe(look.path);
            }
            const QMutexLocker lock(&channel->mutex);
            if (FileChecker *receiver = channel->receiver) {
                QMetaObject::invokeMethod(
                    receiver, [receiver, looks = std::move(looks)] { receiver->finish(looks); },
                    Qt::QueuedConnection);
            }
        }).detach();
    } catch (const std::system_error &) {
        m_checking = false; // no thread to be had: nothing is answered until next time
    }
}

void FileChecker::finish(const QList<FileLook> &looks)
{
    Q_EMIT answered(looks); // still checking: a check() from a receiver runs after this one
    m_checking = false;
    if (m_checkAgain) {
        start();
    }
}

} // namespace veo
