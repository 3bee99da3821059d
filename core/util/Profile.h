#pragma once

// IPSEC_CONSOLE_PROFILE=1: milestones of one command on stderr, for the benches
// ("profile: <ms since the first mark> +<ms since the previous mark> <what>"), and measured
// spans ("profile: span <ms> <what>"). Costs one branch when unset.

#include <QElapsedTimer>
#include <QtGlobal>

#include <cstdio>

namespace ipsec {

inline bool profiling()
{
    static const bool on = qEnvironmentVariableIsSet("IPSEC_CONSOLE_PROFILE");
    return on;
}

inline void profileMark(const char *what)
{
    if (!profiling())
        return;
    static QElapsedTimer total;
    static qint64 last = 0;
    if (!total.isValid())
        total.start();
    const qint64 now = total.nsecsElapsed();
    std::fprintf(stderr, "profile: %9.2f ms +%8.2f ms %s\n", double(now) / 1e6,
                 double(now - last) / 1e6, what);
    last = now;
}

inline void profileSpan(const char *what, qint64 nanoseconds)
{
    if (profiling())
        std::fprintf(stderr, "profile: span %.3f ms %s\n", double(nanoseconds) / 1e6, what);
}

} // namespace ipsec
