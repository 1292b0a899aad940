#include "instanceguard.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

namespace veo {

namespace {
constexpr quint32 Magic = 0x56454f31;       // "VEO1": task IDs to add
constexpr quint32 ImportMagic = 0x56454f49; // "VEOI": files to import

QString serverNameFor(const QString &storePath)
{
    const QByteArray hash = QCryptographicHash::hash(
        QFileInfo(storePath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("veo-tracker-") + QString::fromLatin1(hash.toHex().left(16));
}
} // namespace

InstanceGuard::InstanceGuard(const QString &storePath, QObject *parent)
    : QObject(parent), m_name(serverNameFor(storePath)), m_lock(storePath + QStringLiteral(".lock"))
{
    m_lock.setStaleLockTime(0); // a crashed owner's lock is detected by its dead PID instead
}

InstanceGuard::~InstanceGuard() = default;

InstanceGuard::Role InstanceGuard::claim()
{
    QDir().mkpath(QFileInfo(m_lock.fileName()).absolutePath());
    if (!m_lock.tryLock(0)) {
        if (m_lock.error() == QLockFile::LockFailedError) {
            return Role::Secondary;
        }
        m_error = tr("Cannot create the lock file %1.").arg(m_lock.fileName());
        return Role::Failed;
    }
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    QLocalServer::removeServer(m_name); // we hold the lock: any socket left is stale
    if (!m_server->listen(m_name)) {
        // Still usable as the only instance; later launches just cannot hand over.
        m_error = m_server->errorString();
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, &InstanceGuard::onConnection);
    return Role::Primary;
}

bool InstanceGuard::handOver(const QStringList &taskIds, int timeoutMs)
{
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out << Magic << taskIds;
    return send(payload, timeoutMs);
}

bool InstanceGuard::handOverImport(const QStringList &filePaths, int timeoutMs)
{
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out << ImportMagic << filePaths;
    return send(payload, timeoutMs);
}

bool InstanceGuard::send(const QByteArray &payload, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs)) {
        m_error = socket.errorString();
        return false;
    }
    socket.write(payload);
    if (!socket.waitForBytesWritten(timeoutMs) || !socket.waitForReadyRead(timeoutMs)) {
        m_error = socket.errorString();
        return false;
    }
    return socket.readAll() == "ok";
}

void InstanceGuard::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            QDataStream in(socket);
            in.startTransaction();
            quint32 magic = 0;
            QStringList items; // task IDs or files, as magic says
            in >> magic >> items;
            if (!in.commitTransaction()) {
                return; // wait for the rest
            }
            if (magic != Magic && magic != ImportMagic) {
                socket->abort();
                return;
            }
            socket->write("ok");
            socket->flush();
            if (magic == ImportMagic) {
                Q_EMIT importRequested(items);
            } else {
                Q_EMIT activated(items);
            }
        });
    }
}

} // namespace veo
