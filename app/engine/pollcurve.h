#pragma once

#include <chrono>

namespace veo {

// When a render is asked about next, by its age (time since it started), within the user's
// maximum interval. KIE's advice is fast at first and 15-30 s after two minutes; the request
// budget shapes it further: with renders taking 2-5 minutes (kie-api.md §3.1), a check before
// two minutes finds nothing, and a check costs the most when the most renders are still
// running, so the dense checks go where a render still running is about to finish. Measured by
// tests/bench_polling.cpp (1,000 renders): about a third of the fixed 30 s interval's delay
// in noticing a finished render, with no more requests.
struct PollCurve
{
    using ms = std::chrono::milliseconds;
    ms earliest{120000};  // no render is ready sooner
    ms denseFrom{216000}; // the last ~half of the window: checks every `dense`
    ms latest{300000};    // most renders are done by then
    ms dense{5000};
    // Past `latest`, each further 10 s of age adds 1 s to the interval, up to the maximum.
    static constexpr int SlowdownDivisor = 10;

    // How long after a check at this age the next one is due. Until `earliest`, the first
    // check that can find a finished render, `maximum` after it could have finished (the
    // maximum is the longest a finished render waits to be noticed); then every `maximum`
    // until `denseFrom`, every `dense` until `latest`, slowing down to every `maximum` after.
    ms nextPollIn(ms age, ms maximum) const;
};

} // namespace veo
