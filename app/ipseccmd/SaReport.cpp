#include "SaReport.h"

#include "TextTable.h"
#include "vici/SaList.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

QString unavailable(const QString &why)
{
    return SaReport::tr("Negotiation is unavailable: %1. Traffic that requires security is "
                        "dropped until the IKE daemon runs.")
        .arg(why);
}

QString seconds(qint64 s)
{
    return s < 0 ? u"-"_s : SaReport::tr("%1 s").arg(s);
}

} // namespace

void SaReport::print(QTextStream &out, bool mainMode, bool quickMode)
{
    vici::Client client(vici::Client::socketPath(), 3000);
    auto sas = vici::SaList::read(client);
    if (!sas) {
        out << unavailable(sas.error().message) << '\n';
        return;
    }
    if (mainMode) {
        if (sas->isEmpty()) {
            out << tr("No main mode (IKE) security associations.") << '\n';
        } else {
            TextTable mm({tr("Connection"), tr("Peer"), tr("State"), tr("IKE"), tr("Encryption"),
                          tr("Integrity"), tr("DH group"), tr("Established"), tr("Rekey in")});
            for (const vici::IkeSaInfo &i : std::as_const(*sas))
                mm.addRow({i.own ? i.name : i.name + tr(" (foreign)"), i.remoteHost, i.state,
                           u"v"_s + i.version, i.encryption, i.integrity, i.dhGroup,
                           seconds(i.establishedSeconds), seconds(i.rekeySeconds)});
            out << tr("Main mode (IKE):") << '\n';
            mm.print(out);
        }
    }
    if (!quickMode)
        return;
    TextTable qm({tr("Connection"), tr("Peer"), tr("State"), tr("Protocol"), tr("Encryption"),
                  tr("Integrity"), tr("SPI in/out"), tr("Traffic"), tr("Expires in")});
    int children = 0;
    for (const vici::IkeSaInfo &i : std::as_const(*sas)) {
        for (const vici::ChildSaInfo &c : i.children) {
            ++children;
            qm.addRow({c.name, i.remoteHost, c.state, c.protocol + u' ' + c.mode, c.encryption,
                       c.integrity, c.spiIn + u'/' + c.spiOut, c.localTs + u" = "_s + c.remoteTs,
                       seconds(c.lifetimeSeconds)});
        }
    }
    if (mainMode)
        out << '\n';
    out << tr("Quick mode (IPsec):") << '\n';
    if (children)
        qm.print(out);
    else
        out << tr("No quick mode security associations (none negotiated, or the kernel "
                  "could not install them).")
            << '\n';
}

void SaReport::counts(QTextStream &out)
{
    vici::Client client(vici::Client::socketPath(), 3000);
    auto sas = vici::SaList::read(client);
    if (!sas) {
        out << unavailable(sas.error().message) << '\n';
        return;
    }
    int children = 0;
    for (const auto &i : std::as_const(*sas))
        children += int(i.children.size());
    out << tr("IKE daemon (charon) at %1: %2 main mode (IKE) and %3 quick mode (IPsec) security "
              "association(s).")
               .arg(client.path())
               .arg(sas->size())
               .arg(children)
        << '\n';
}

QJsonObject SaReport::countsJson()
{
    vici::Client client(vici::Client::socketPath(), 3000);
    auto sas = vici::SaList::read(client);
    if (!sas)
        return {{u"available"_s, false}, {u"reason"_s, sas.error().message}};
    int children = 0;
    for (const auto &i : std::as_const(*sas))
        children += int(i.children.size());
    return {{u"available"_s, true}, {u"mainMode"_s, int(sas->size())}, {u"quickMode"_s, children}};
}

QJsonObject SaReport::json()
{
    return vici::SaList::toJson(vici::SaList::view());
}
