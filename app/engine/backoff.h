#pragma once

#include <QtGlobal>

namespace veo {

// The one backoff rule for every retry of a request to KIE (polls, owner probes): the first
// delay doubled for each further failure in a row, capped, and spread by +-jitter (a fraction;
// 0 = exact) so that many tasks failing together do not retry together. failures counts from 1.
qint64 backoffMs(int failures, qint64 firstMs, qint64 capMs, double jitter = 0);

} // namespace veo
