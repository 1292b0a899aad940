#include "taskstoreseal.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

namespace veo {

namespace {

Q_LOGGING_CATEGORY(lcSeal, "veo.storage")

const QByteArray SealHeader = QByteArrayLiteral("Veo Tracker closed this task list cleanly\n");

QString sealPath(const QString &path)
{
    return path + QStringLiteral(".clean");
}

QByteArray fileStamp(const QString &path)
{
    const QFileInfo info(path);
    return QByteArray::number(info.size()) + ' ' +
           QByteArray::number(info.lastModified().toMSecsSinceEpoch()) + ' ' +
           QByteArray::number(info.metadataChangeTime().toMSecsSinceEpoch()) + '\n';
}

bool hasLog(const QString &path)
{
    return QFileInfo::exists(path + QStringLiteral("-wal")) ||
           QFileInfo::exists(path + QStringLiteral("-journal"));
}

} // namespace

void sealTaskStore(const QString &path)
{
    if (hasLog(path)) {
        return; // another connection still has the file open: it is not closed yet
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) ||
        !file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-1),
                          QFileDevice::FileModificationTime)) {
        return;
    }
    file.close();
    QSaveFile out(sealPath(path));
    if (!out.open(QIODevice::WriteOnly) || out.write(SealHeader + fileStamp(path)) < 0 ||
        !out.commit()) {
        qCWarning(lcSeal) << "could not write" << sealPath(path) << out.errorString();
    }
}

bool takeTaskStoreSeal(const QString &path)
{
    QFile file(sealPath(path));
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray stored = file.read(4096);
    file.close();
    file.remove();
    return !hasLog(path) && stored == SealHeader + fileStamp(path);
}

} // namespace veo
