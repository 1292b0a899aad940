#pragma once

// Small HTTP/1.1 wire helpers for FakeKieServer (header-only, internal to veo_fakekie).

#include <QByteArray>
#include <algorithm>
#include <array>
#include <utility>

namespace veo::httpwire {

inline QByteArray reasonPhrase(int status)
{
    static constexpr std::array<std::pair<int, const char *>, 18> phrases{{
        {200, "OK"},
        {206, "Partial Content"},
        {301, "Moved Permanently"},
        {302, "Found"},
        {307, "Temporary Redirect"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {413, "Payload Too Large"},
        {416, "Range Not Satisfiable"},
        {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"},
        {500, "Internal Server Error"},
        {501, "Not Implemented"},
        {502, "Bad Gateway"},
        {503, "Service Unavailable"},
        {504, "Gateway Timeout"},
    }};
    const auto it = std::find_if(phrases.cbegin(), phrases.cend(),
                                 [status](const auto &p) { return p.first == status; });
    return QByteArray(it == phrases.cend() ? "Status" : it->second);
}

struct ByteRange
{
    enum class Kind { Ignore, Satisfiable, Unsatisfiable };
    Kind kind = Kind::Ignore;
    qint64 first = 0;
    qint64 last = 0;
};

// "bytes=a-b", "bytes=a-" and "bytes=-n". Malformed or multi-range headers are ignored (a full
// 200 answer is allowed by RFC 9110), a start beyond the end is unsatisfiable (416).
inline ByteRange parseRange(const QByteArray &header, qint64 size)
{
    ByteRange range;
    if (!header.startsWith("bytes=") || header.contains(',')) {
        return range;
    }
    const QByteArray spec = header.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0) {
        return range;
    }
    const QByteArray a = spec.left(dash).trimmed();
    const QByteArray b = spec.mid(dash + 1).trimmed();
    bool okA = false;
    bool okB = false;
    const qint64 first = a.toLongLong(&okA);
    const qint64 last = b.toLongLong(&okB);
    if (a.isEmpty()) { // suffix: the last n bytes
        if (!okB || last < 0) {
            return range;
        }
        if (last == 0 || size == 0) {
            range.kind = ByteRange::Kind::Unsatisfiable;
            return range;
        }
        range.kind = ByteRange::Kind::Satisfiable;
        range.first = std::max<qint64>(0, size - last);
        range.last = size - 1;
        return range;
    }
    if (!okA || first < 0 || (!b.isEmpty() && (!okB || last < first))) {
        return range;
    }
    if (first >= size) {
        range.kind = ByteRange::Kind::Unsatisfiable;
        return range;
    }
    range.kind = ByteRange::Kind::Satisfiable;
    range.first = first;
    range.last = b.isEmpty() ? size - 1 : std::min(last, size - 1);
    return range;
}

} // namespace veo::httpwire
