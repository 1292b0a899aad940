#pragma once

#include <QLockFile>
#include <QObject>
#include <QStringList>
#include <memory>

class QLocalServer;

namespace veo {

// One running instance per task store. The first instance locks the store and listens on a
// local socket; a later launch hands its task IDs or files to import (and a "show yourself")
// to it and exits, so two instances never write the same store.
class InstanceGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstanceGuard)

public:
    // storePath identifies the instance: one per store (real tasks and the demo differ).
    explicit InstanceGuard(const QString &storePath, QObject *parent = nullptr);
    ~InstanceGuard() override;

    enum class Role { Primary, Secondary, Failed };
    // Primary: we own the store. Secondary: another instance does (call handOver()).
    Role claim();
    // Sends the task IDs to the primary instance; true when it confirmed.
    // The wait is generous: a busy window (a large list loading, a loaded machine) answers
    // late, and giving up means an error box instead of the IDs arriving.
    bool handOver(const QStringList &taskIds, int timeoutMs = 15000);
    // The same for files whose task IDs the primary imports (absolute paths: its current
    // folder is not this one's).
    bool handOverImport(const QStringList &filePaths, int timeoutMs = 15000);
    QString errorString() const { return m_error; }
    QString serverName() const { return m_name; }

Q_SIGNALS:
    // In the primary: another launch asked to show the window and add these IDs.
    void activated(const QStringList &taskIds);
    // In the primary: another launch asked to show the window and import these files.
    void importRequested(const QStringList &filePaths);

private:
    void onConnection();
    bool send(const QByteArray &payload, int timeoutMs);

    QString m_name;
    QLockFile m_lock;
    std::unique_ptr<QLocalServer> m_server;
    QString m_error;
};

} // namespace veo
