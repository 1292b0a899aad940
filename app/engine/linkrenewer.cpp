#include "linkrenewer.h"

#include "kieclient.h"
#include "requestscheduler.h"

namespace veo {

LinkRenewer::LinkRenewer(RequestScheduler *requests, QObject *parent)
    : QObject(parent), m_requests(requests)
{
}

LinkRenewer::~LinkRenewer() = default;

bool LinkRenewer::canRenew(const QString &keyId) const
{
    return !m_requests->token(keyId).isEmpty();
}

void LinkRenewer::renew(const QString &keyId, const QUrl &url, QObject *context, Done done)
{
    send({keyId, url, context, std::move(done)});
}

void LinkRenewer::send(Request request)
{
    const QString keyId = request.keyId;
    const ApiRequest call = KieClient::downloadUrlRequest(request.url);
    QObject *context = request.context;
    // Bound to the caller's context: a renewal nobody waits for any more is not sent.
    m_requests->submit(
        keyId, call, RequestScheduler::Pace::OnDemand, context,
        [self = QPointer(this), request = std::move(request)](const HttpAnswer &answer) mutable {
            const auto [error, fresh] = KieClient::parseDownloadUrl(answer);
            if ((error.kind == ApiError::Kind::RateLimited ||
                 error.kind == ApiError::Kind::Offline) &&
                self) {
                self->send(std::move(request)); // its turn again, after the key's block
                return;
            }
            if (request.done) {
                request.done(error, fresh);
            }
        });
}

} // namespace veo
