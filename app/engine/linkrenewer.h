#pragma once

#include "apierror.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <deque>
#include <functional>

namespace veo {

class KieClient;
class RateLimiter;

// Fresh links for KIE's expired media links (download-url, valid 20 minutes), for the player
// and the downloads alike. Requests wait for their key's turn on the rate limiter the polls
// use, so a batch of expired links cannot flood KIE; a 429 blocks the key for its Retry-After
// and the request waits its turn again. The token is looked up when the request is sent: a
// key removed meanwhile ends the request with NoKey.
class LinkRenewer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkRenewer)

public:
    using TokenProvider = std::function<QString(const QString &keyId)>;
    using Done = std::function<void(const ApiError &error, const QUrl &freshUrl)>;

    // None owned; limiter may be null (no pacing).
    LinkRenewer(KieClient *client, RateLimiter *limiter, TokenProvider tokens,
                QObject *parent = nullptr);
    ~LinkRenewer() override;

    // Asks for a fresh link to url with keyId's token. done runs later (never inside this
    // call), exactly once, unless context is destroyed first.
    void renew(const QString &keyId, const QUrl &url, QObject *context, Done done);
    // Whether keyId has a token now (a renewal could be sent).
    bool canRenew(const QString &keyId) const { return !m_tokens(keyId).isEmpty(); }
    // Requests waiting for their turn (not yet sent).
    int waiting() const { return int(m_queue.size()); }

private:
    struct Request
    {
        QString keyId;
        QUrl url;
        QPointer<QObject> context;
        Done done;
    };
    void sendDue();
    void answered(Request request, const QString &token, const ApiError &error, const QUrl &fresh);
    void finish(Request request, const ApiError &error, const QUrl &fresh);

    QPointer<KieClient> m_client;
    RateLimiter *m_limiter;
    TokenProvider m_tokens;
    std::deque<Request> m_queue; // in the order asked
    QTimer m_timer;
};

} // namespace veo
