#include "vici/SaList.h"

#include "vici/ConnectionBuilder.h"

namespace ipsec::vici {

namespace {

QString text(const Element &e, QByteArrayView key)
{
    return QString::fromUtf8(e.valueOf(key));
}

qint64 number(const Element &e, QByteArrayView key)
{
    bool ok = false;
    const qint64 v = e.valueOf(key).toLongLong(&ok);
    return ok ? v : -1;
}

} // namespace

QList<IkeSaInfo> SaList::fromEvents(const QList<Message> &events)
{
    QList<IkeSaInfo> out;
    for (const Message &event : events) {
        for (const Element &sa : event.children()) {
            if (sa.kind() != Element::Kind::Section)
                continue;
            IkeSaInfo i;
            i.name = QString::fromUtf8(sa.name());
            i.own = ConnectionBuilder::isOwnName(sa.name());
            i.state = text(sa, "state");
            i.version = text(sa, "version");
            i.localHost = text(sa, "local-host");
            i.remoteHost = text(sa, "remote-host");
            i.localId = text(sa, "local-id");
            i.remoteId = text(sa, "remote-id");
            i.encryption = text(sa, "encr-alg");
            if (const QString k = text(sa, "encr-keysize"); !k.isEmpty())
                i.encryption += QLatin1Char('_') + k;
            i.integrity = text(sa, "integ-alg");
            i.prf = text(sa, "prf-alg");
            i.dhGroup = text(sa, "dh-group");
            i.establishedSeconds = number(sa, "established");
            i.rekeySeconds = number(sa, "rekey-time");
            if (const Element *children = sa.find("child-sas")) {
                for (const Element &c : children->children()) {
                    ChildSaInfo ci;
                    ci.name = text(c, "name");
                    ci.state = text(c, "state");
                    ci.protocol = text(c, "protocol");
                    ci.mode = text(c, "mode");
                    ci.encryption = text(c, "encr-alg");
                    ci.integrity = text(c, "integ-alg");
                    ci.spiIn = text(c, "spi-in");
                    ci.spiOut = text(c, "spi-out");
                    ci.localTs = QString::fromUtf8(c.itemsOf("local-ts").join(' '));
                    ci.remoteTs = QString::fromUtf8(c.itemsOf("remote-ts").join(' '));
                    ci.lifetimeSeconds = number(c, "life-time");
                    i.children << ci;
                }
            }
            out << i;
        }
    }
    return out;
}

Result<QList<IkeSaInfo>> SaList::read(Client &client)
{
    auto r = client.callStreamed("list-sas", "list-sa");
    if (!r)
        return r.error();
    return fromEvents(r->events);
}

} // namespace ipsec::vici
