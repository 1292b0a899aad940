#pragma once

// A small tmpfs mounted on a folder of the test's, for faults of the file system itself: a
// full disk (the size), a read-only file system (remounted, which binds root as well; chmod
// does not). Needs CAP_SYS_ADMIN (root in a container usually has it); available() says
// whether the mount worked, so a test can fall back or skip with the reason in error().

#include <QByteArray>
#include <QString>
#include <cerrno>
#include <cstring>
#include <sys/mount.h>

namespace veo::test {

class SmallFs
{
public:
    SmallFs(const QString &folder, qint64 bytes) : m_folder(folder.toLocal8Bit())
    {
        const QByteArray options = "size=" + QByteArray::number(bytes) + ",mode=0777";
        if (::mount("tmpfs", m_folder.constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                    options.constData()) == 0) {
            m_mounted = true;
        } else {
            m_error = QString::fromLocal8Bit(std::strerror(errno));
        }
    }
    ~SmallFs()
    {
        if (m_mounted) {
            ::umount2(m_folder.constData(), MNT_DETACH);
        }
    }
    SmallFs(const SmallFs &) = delete;
    SmallFs &operator=(const SmallFs &) = delete;

    bool available() const { return m_mounted; }
    QString error() const { return m_error; }

    bool setReadOnly(bool readOnly)
    {
        const unsigned long flags = MS_REMOUNT | MS_NOSUID | MS_NODEV | (readOnly ? MS_RDONLY : 0);
        return ::mount("tmpfs", m_folder.constData(), "tmpfs", flags, nullptr) == 0;
    }
    // Grows or shrinks the file system (a full disk that gets space again).
    bool resize(qint64 bytes)
    {
        const QByteArray options = "size=" + QByteArray::number(bytes);
        return ::mount("tmpfs", m_folder.constData(), "tmpfs", MS_REMOUNT | MS_NOSUID | MS_NODEV,
                       options.constData()) == 0;
    }

private:
    QByteArray m_folder;
    QString m_error;
    bool m_mounted = false;
};

} // namespace veo::test
