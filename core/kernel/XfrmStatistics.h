#pragma once

#include "util/Result.h"

#include <QMap>
#include <QString>

namespace ipsec::kernel {

// The kernel's XFRM counters of the calling thread's network namespace (/proc/net/xfrm_stat,
// CONFIG_XFRM_STATISTICS), e.g. XfrmInPolBlock / XfrmOutPolBlock ("policy discards"),
// XfrmInNoPols. They count per namespace, not per policy.
class XfrmStatistics {
public:
    // Reads /proc/thread-self/net/xfrm_stat: /proc/net follows the process's main thread, which
    // may sit in another namespace than a thread that did setns().
    static Result<QMap<QString, quint64>> read();
    // Reads and parses a file in the xfrm_stat format ("Name <whitespace> number" lines).
    static Result<QMap<QString, quint64>> readFile(const QString &path);
    static Result<QMap<QString, quint64>> parse(const QByteArray &text);
};

} // namespace ipsec::kernel
