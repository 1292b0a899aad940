#pragma once

// Shared set-up of tst_downloadmanager and tst_downloadfailures: an API server on 127.0.0.1
// (KieClient's base, download-url), a media server on 127.0.0.2 (another origin, as KIE's
// file hosts are), a temporary download folder and a DownloadManager.

#include "downloadjob.h"
#include "downloadmanager.h"
#include "fakekieserver.h"
#include "kieclient.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace veo::test {

inline QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    for (qsizetype i = size / 4 * 4; i < size; ++i) {
        data[i] = char(generator.bounded(256));
    }
    return data;
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

struct DownloadFixture
{
    std::unique_ptr<FakeKieServer> api;
    std::unique_ptr<FakeKieServer> media;
    std::unique_ptr<KieClient> client;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<DownloadManager> manager;

    bool setUp()
    {
        api = std::make_unique<FakeKieServer>();
        media = std::make_unique<FakeKieServer>();
        dir = std::make_unique<QTemporaryDir>();
        if (!api->listen(QHostAddress::LocalHost) ||
            !media->listen(QHostAddress(QStringLiteral("127.0.0.2"))) || !dir->isValid()) {
            return false;
        }
        client = std::make_unique<KieClient>(api->baseUrl());
        newManager();
        return true;
    }

    void newManager()
    {
        manager = std::make_unique<DownloadManager>(client.get());
        manager->setAutoRetry(3, std::chrono::milliseconds(50));
        manager->setTransferTimeout(std::chrono::seconds(10));
    }

    void tearDown()
    {
        manager.reset();
        client.reset();
        media.reset();
        api.reset();
        dir.reset();
    }

    QString path(const QString &name) const { return QDir(dir->path()).filePath(name); }

    QUrl mediaUrl(const QString &filePath) const
    {
        QUrl url = media->baseUrl();
        url.setPath(filePath);
        return url;
    }

    DownloadRequest request(const QString &filePath, const QString &name, int index = 0,
                            const QString &taskId = QStringLiteral("veo_task_1")) const
    {
        DownloadRequest r;
        r.taskId = taskId;
        r.kind = MediaKind::Result;
        r.index = index;
        r.url = mediaUrl(filePath);
        r.destinationDir = dir->path();
        r.fileName = name;
        return r;
    }

    Download get(int id) const { return manager->download(id).value_or(Download{}); }

    bool waitForState(int id, DownloadState state, int timeoutMs = 20000) const
    {
        return QTest::qWaitFor([&] { return get(id).state == state; }, timeoutMs);
    }

    bool waitForBytes(int id, qint64 bytes, int timeoutMs = 20000) const
    {
        return QTest::qWaitFor([&] { return get(id).bytesReceived >= bytes; }, timeoutMs);
    }

    QList<FakeKieServer::Request> gets(const FakeKieServer &server) const
    {
        QList<FakeKieServer::Request> result;
        const auto requests = server.requests();
        for (const auto &r : requests) {
            if (r.method == "GET") {
                result.append(r);
            }
        }
        return result;
    }

    // No request to a media host ever carries credentials.
    bool noCredentialsSent() const
    {
        const auto requests = media->requests();
        return std::none_of(requests.cbegin(), requests.cend(), [](const auto &r) {
            return r.headers.contains("authorization") || r.headers.contains("cookie");
        });
    }

    bool leftovers() const
    {
        return !QDir(dir->path())
                    .entryList({QStringLiteral("*.part"), QStringLiteral("*.part.json")},
                               QDir::Files | QDir::System)
                    .isEmpty();
    }
};

} // namespace veo::test
