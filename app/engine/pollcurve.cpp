#include "pollcurve.h"

#include <algorithm>

namespace veo {

PollCurve::ms PollCurve::nextPollIn(ms age, ms maximum) const
{
    maximum = std::max(maximum, ms(1));
    const ms step = std::min(dense, maximum);
    ms wait;
    if (age < earliest) {
        wait = std::min(earliest + maximum, denseFrom) - age;
    } else if (age < denseFrom) {
        // Not a sliver of a step just before the dense part begins.
        wait = std::min(maximum, std::max(denseFrom - age, step));
    } else if (age < latest) {
        wait = step;
    } else {
        wait = std::min(maximum, step + (age - latest) / SlowdownDivisor);
    }
    return std::max(wait, ms(1));
}

} // namespace veo
