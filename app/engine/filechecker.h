#pragma once

#include "mediasources.h"

#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace veo {

// One downloaded file to look at, and the answer. The checker only fills in exists; the rest
// says which copy it was (and which version of it) for whoever applies the answer.
struct FileLook
{
    QString taskId;
    MediaKind kind = MediaKind::Result;
    int index = 0;
    QString path;
    quint64 version = 0; // the copy's when the check began
    bool exists = true;  // the answer
};

// How a check looks at one file: on the worker thread, with nothing shared.
using FileProbe = std::function<bool(const QString &path)>;
// The real file system (QFileInfo::exists).
bool fileExists(const QString &path);

// Looks whether files are still there, on a worker thread: a folder on a sleeping or
// unreachable network share must not freeze the window. One check runs at a time: asked for
// while one runs, it runs once more after it (however often it was asked), with the files
// that are current then.
class FileChecker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileChecker)

public:
    // files: what to look at, asked when a check begins.
    explicit FileChecker(std::function<QList<FileLook>()> files, FileProbe probe = fileExists,
                         QObject *parent = nullptr);
    ~FileChecker() override;

    // Returns at once; answered() follows.
    void check();

Q_SIGNALS:
    // A check's answers, in the order files() gave them. A check asked for meanwhile (here
    // too) starts right after this.
    void answered(const QList<veo::FileLook> &looks);

private:
    struct Channel; // how the worker thread reaches this object, while it exists

    void start();
    void finish(const QList<FileLook> &looks);

    std::function<QList<FileLook>()> m_files;
    FileProbe m_probe;
    std::shared_ptr<Channel> m_channel; // shared with the running check's thread
    bool m_checking = false;            // a check runs
    bool m_checkAgain = false;          // check() was called while it runs
};

} // namespace veo
