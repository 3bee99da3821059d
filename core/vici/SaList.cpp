#include "vici/SaList.h"

#include "vici/ConnectionBuilder.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

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

IkeView SaList::view()
{
    Client client(Client::socketPath(), 3000);
    IkeView v;
    if (auto sas = read(client)) {
        v.available = true;
        v.sas = *sas;
    } else {
        v.reason = sas.error().message;
    }
    return v;
}

QJsonObject SaList::toJson(const IkeView &view)
{
    QJsonObject ike;
    ike.insert(u"available"_s, view.available);
    if (!view.available) {
        ike.insert(u"reason"_s, view.reason);
        return ike;
    }
    QJsonArray list;
    for (const IkeSaInfo &i : view.sas) {
        QJsonArray children;
        for (const ChildSaInfo &c : i.children)
            children.append(QJsonObject{{u"name"_s, c.name},
                                        {u"state"_s, c.state},
                                        {u"protocol"_s, c.protocol},
                                        {u"mode"_s, c.mode},
                                        {u"encryption"_s, c.encryption},
                                        {u"integrity"_s, c.integrity},
                                        {u"spiIn"_s, c.spiIn},
                                        {u"spiOut"_s, c.spiOut},
                                        {u"localTs"_s, c.localTs},
                                        {u"remoteTs"_s, c.remoteTs},
                                        {u"lifetime"_s, c.lifetimeSeconds}});
        list.append(QJsonObject{{u"name"_s, i.name},
                                {u"own"_s, i.own},
                                {u"state"_s, i.state},
                                {u"version"_s, i.version},
                                {u"localHost"_s, i.localHost},
                                {u"remoteHost"_s, i.remoteHost},
                                {u"localId"_s, i.localId},
                                {u"remoteId"_s, i.remoteId},
                                {u"encryption"_s, i.encryption},
                                {u"integrity"_s, i.integrity},
                                {u"prf"_s, i.prf},
                                {u"dhGroup"_s, i.dhGroup},
                                {u"established"_s, i.establishedSeconds},
                                {u"rekey"_s, i.rekeySeconds},
                                {u"childSas"_s, children}});
    }
    ike.insert(u"sas"_s, list);
    return ike;
}

IkeView SaList::fromJson(const QJsonObject &o)
{
    IkeView v;
    v.available = o.value(u"available"_s).toBool();
    v.reason = o.value(u"reason"_s).toString();
    const auto str = [](const QJsonObject &j, const char16_t *key) {
        return j.value(QStringView(key)).toString();
    };
    const auto num = [](const QJsonObject &j, const char16_t *key) {
        return qint64(j.value(QStringView(key)).toDouble(-1));
    };
    for (const QJsonValue &value : o.value(u"sas"_s).toArray()) {
        const QJsonObject j = value.toObject();
        IkeSaInfo i;
        i.name = str(j, u"name");
        i.own = j.value(u"own"_s).toBool();
        i.state = str(j, u"state");
        i.version = str(j, u"version");
        i.localHost = str(j, u"localHost");
        i.remoteHost = str(j, u"remoteHost");
        i.localId = str(j, u"localId");
        i.remoteId = str(j, u"remoteId");
        i.encryption = str(j, u"encryption");
        i.integrity = str(j, u"integrity");
        i.prf = str(j, u"prf");
        i.dhGroup = str(j, u"dhGroup");
        i.establishedSeconds = num(j, u"established");
        i.rekeySeconds = num(j, u"rekey");
        for (const QJsonValue &cv : j.value(u"childSas"_s).toArray()) {
            const QJsonObject c = cv.toObject();
            ChildSaInfo ci;
            ci.name = str(c, u"name");
            ci.state = str(c, u"state");
            ci.protocol = str(c, u"protocol");
            ci.mode = str(c, u"mode");
            ci.encryption = str(c, u"encryption");
            ci.integrity = str(c, u"integrity");
            ci.spiIn = str(c, u"spiIn");
            ci.spiOut = str(c, u"spiOut");
            ci.localTs = str(c, u"localTs");
            ci.remoteTs = str(c, u"remoteTs");
            ci.lifetimeSeconds = num(c, u"lifetime");
            i.children << ci;
        }
        v.sas << i;
    }
    return v;
}

Result<QList<IkeSaInfo>> SaList::read(Client &client)
{
    auto r = client.callStreamed("list-sas", "list-sa");
    if (!r)
        return r.error();
    return fromEvents(r->events);
}

} // namespace ipsec::vici
