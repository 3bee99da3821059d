#pragma once

#include "snapshot/Snapshot.h"

namespace ipsec {

// Writes a snapshot as one self-contained HTML page for auditors: metadata, assignment, each
// policy with its rules, the filter lists with their filters, the filter actions, the dynamic
// filters and the kernel entries. Every text is escaped; no scripts; preshared keys are masked.
class HtmlReportWriter {
    Q_DECLARE_TR_FUNCTIONS(ipsec::HtmlReportWriter)
public:
    static QString write(const Snapshot &snapshot);
};

} // namespace ipsec
