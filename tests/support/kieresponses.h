#pragma once

// Canned FakeKieServer answers for client tests: a finished record, HTML error pages, faults
// and oversized bodies.

#include "fakekieserver.h"

namespace veo::test {

using Response = FakeKieServer::Response;
using Record = FakeKieServer::Record;

inline Record succeededRecord(const QString &taskId)
{
    Record r;
    r.taskId = taskId;
    r.successFlag = 1;
    r.prompt = QStringLiteral("A lighthouse at dusk");
    r.model = QStringLiteral("veo3");
    r.resultUrls = {QStringLiteral("https://tempfile.example/%1.mp4").arg(taskId)};
    r.resolution = QStringLiteral("1080p");
    r.createTimeMs = 1760000000000;
    r.completeTimeMs = 1760000180000;
    return r;
}

// A test's own task: its prompt names it; succeeded with these result links (one of its own
// when none are given), failed (successFlag 2 or 3) with a generation error.
inline Record taskRecord(const QString &id, int successFlag, const QStringList &urls = {})
{
    Record r;
    r.taskId = id;
    r.successFlag = successFlag;
    r.prompt = QStringLiteral("Test prompt for %1").arg(id);
    if (successFlag == 1) {
        r.resultUrls = urls.isEmpty()
                           ? QStringList{QStringLiteral("https://media.invalid/%1.mp4").arg(id)}
                           : urls;
    } else if (successFlag >= 2) {
        r.errorCode = 400;
        r.errorMessage = QStringLiteral("Generation problem");
    }
    return r;
}

inline Response answer(const QByteArray &body)
{
    Response r;
    r.body = body;
    return r;
}

inline Response fault(Response::Fault f)
{
    Response r = FakeKieServer::ok(succeededRecord(QStringLiteral("x")));
    r.fault = f;
    return r;
}

inline Response html(int status)
{
    Response r;
    r.httpStatus = status;
    r.body = "<html><head><title>" + QByteArray::number(status) +
             " Bad Gateway</title></head><body>nginx</body></html>";
    return r;
}

// An envelope whose data is a string of `size` bytes.
inline Response huge(qsizetype size)
{
    return answer(
        FakeKieServer::envelope(200, QStringLiteral("success"), '"' + QByteArray(size, 'x') + '"'));
}

// Streams that never end: only an early size check (not the final one) can stop them; without
// it the request runs into the transfer timeout.
inline Response endlessChunked(qsizetype sentBytes)
{
    Response r;
    for (qsizetype at = 0; at < sentBytes; at += 64 * 1024) {
        r.body += QByteArray::number(64 * 1024, 16) + "\r\n" + QByteArray(64 * 1024, ' ') + "\r\n";
    }
    r.headers = {{"Transfer-Encoding", "chunked"}};
    return r;
}

inline Response announcedTooLarge()
{
    Response r = answer("{\"code\":200,");
    r.headers = {{"Content-Length", QByteArray::number(2 * 1024 * 1024)}};
    return r;
}

} // namespace veo::test
