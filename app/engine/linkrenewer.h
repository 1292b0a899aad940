#pragma once

#include "apierror.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <functional>

namespace veo {

class RequestScheduler;

// Fresh links for KIE's expired media links (download-url, valid 20 minutes), for the player
// and the downloads alike. Requests go through the request machine like the polls, so a batch
// of expired links cannot flood KIE; they go ahead of the key's polls and are not held by a
// pause of polling (someone is waiting for them). A 429 (the key is blocked for its
// Retry-After) or a request the client dropped waits its turn again. The token is looked up
// when the request is sent: a key removed meanwhile ends the request with NoKey.
class LinkRenewer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkRenewer)

public:
    using Done = std::function<void(const ApiError &error, const QUrl &freshUrl)>;

    explicit LinkRenewer(RequestScheduler *requests, QObject *parent = nullptr);
    ~LinkRenewer() override;

    // Asks for a fresh link to url with keyId's token. done runs later (never inside this
    // call), exactly once, unless context is destroyed first.
    void renew(const QString &keyId, const QUrl &url, QObject *context, Done done);
    // Whether keyId has a token now (a renewal could be sent).
    bool canRenew(const QString &keyId) const;

private:
    struct Request
    {
        QString keyId;
        QUrl url;
        QPointer<QObject> context;
        Done done;
    };
    void send(Request request);

    RequestScheduler *m_requests;
};

} // namespace veo
