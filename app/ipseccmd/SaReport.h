#pragma once

// charon's IKE and IPsec SAs as the command-line tools print them (issue 14): `ipseccmd show
// sas|stats`, `netsh ipsec dynamic show mmsas|qmsas|stats`. One read over VICI per call; when
// charon is missing or down, one plain sentence says that negotiation is unavailable and why.

#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

class SaReport {
    Q_DECLARE_TR_FUNCTIONS(SaReport)
public:
    // Tables of the main mode (IKE) and/or quick mode (IPsec) SAs.
    static void print(QTextStream &out, bool mainMode, bool quickMode);
    // One line: how many of each, or why negotiation is unavailable.
    static void counts(QTextStream &out);
    // { available, reason | sas: [ … with childSas ] } (--json of show sas).
    static QJsonObject json();
    // { available, reason | mainMode, quickMode } (--json of show stats).
    static QJsonObject countsJson();
};
