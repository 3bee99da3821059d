#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ipsec::ui {

// The ports a user typed into a wizard: "1434" or "135,137-139,445", ranges expanded.
struct PortList {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ui::PortList)
public:
    // One filter per port: a list this long is already more than a rule should carry.
    static constexpr int MaxPorts = 256;

    QList<quint16> ports; // in the order typed, each once
    QString text;         // the typed list without blanks, e.g. "135,137-139,445"

    // Every error is one sentence naming the offending item.
    static Result<PortList> parse(QStringView text);
};

} // namespace ipsec::ui
