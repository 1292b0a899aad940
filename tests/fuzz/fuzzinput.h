#pragma once

#include "apierror.h"
#include "recordinfoparser.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Helpers shared by the fuzz targets (tests/fuzz/fuzz_*.cpp).
namespace veo::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// An HTTP answer as a fuzz input: an optional first line "HTTP <status> [<Retry-After>]", then
// the body; without that line the whole input is the body of a 200 answer. This keeps the
// seeds (the documented answers) readable and lets the fuzzer vary the status and header too.
struct Answer
{
    int httpStatus = 200;
    QByteArray retryAfter;
    QByteArray body;
};

inline Answer answer(const uint8_t *data, size_t size)
{
    Answer a;
    a.body = bytes(data, size);
    if (!a.body.startsWith("HTTP ")) {
        return a;
    }
    const qsizetype end = a.body.indexOf('\n');
    const QByteArray line = a.body.mid(5, end < 0 ? -1 : end - 5);
    a.body = end < 0 ? QByteArray() : a.body.mid(end + 1);
    const qsizetype space = line.indexOf(' ');
    a.httpStatus = line.left(space).toInt(); // 0 (no status known) when not a number
    a.retryAfter = space < 0 ? QByteArray() : line.mid(space + 1);
    return a;
}

// A broken rule in our code: abort, so that libFuzzer keeps the input and the replay fails.
inline void check(bool ok, const char *rule)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz: rule broken: %s\n", rule);
        std::abort();
    }
}

// Everything the UI and the scheduler read from an error: its text, advice and decisions.
inline void checkError(const ApiError &error)
{
    check(!error.text().isEmpty() || !error.isError(), "an error has a text");
    (void)error.advice();
    check(!(error.isFinal() && error.isRetryable()), "an error is final or retryable, not both");
    check(error.retryAfterSeconds >= -1 && error.retryAfterSeconds <= 24 * 60 * 60,
          "Retry-After is -1 or within a day");
}

// A 1080P or 4K answer read for the child task `child`: it stays the child's, and its video is
// ready exactly when it has a URL. parse is parse1080pAnswer or parse4kAnswer.
template <typename Parse>
void checkUpgradeAnswer(Parse parse, const QString &child, const uint8_t *data, size_t size)
{
    const Answer a = answer(data, size);
    const RecordInfoResult result = parse(a.httpStatus, a.body, child, a.retryAfter);
    checkError(result.error);
    check(result.record.taskId == child, "the answer is the child's");
    check((result.record.status == TaskStatus::Succeeded) == !result.record.resultUrls.isEmpty(),
          "an upgrade is ready exactly when it has a URL");
}

} // namespace veo::fuzz
