#include "backoff.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

namespace veo {

qint64 backoffMs(int failures, qint64 firstMs, qint64 capMs, double jitter)
{
    const double exponent = std::clamp(failures - 1, 0, 40);
    const double capped = std::min(double(capMs), double(firstMs) * std::pow(2.0, exponent));
    const double spread =
        jitter > 0 ? jitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0) : 0.0;
    return std::max<qint64>(1, std::llround(capped * (1.0 + spread)));
}

} // namespace veo
