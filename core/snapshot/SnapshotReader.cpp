#include "snapshot/SnapshotReader.h"

#include "snapshot/SnapshotJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

// Thrown-free parsing: every helper returns a Result and names the path it looked at.
class Reader {
    Q_DECLARE_TR_FUNCTIONS(ipsec::SnapshotReader)
public:
    static Error at(const QString &path, const QString &problem)
    {
        return Error::usage(tr("Snapshot %1: %2").arg(path, problem));
    }

    static QString typeName(const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::Null:
            return u"null"_s;
        case QJsonValue::Bool:
            return u"a boolean"_s;
        case QJsonValue::Double:
            return u"a number"_s;
        case QJsonValue::String:
            return u"a string"_s;
        case QJsonValue::Array:
            return u"an array"_s;
        case QJsonValue::Object:
            return u"an object"_s;
        case QJsonValue::Undefined:
            break;
        }
        return u"nothing"_s;
    }

    static QString shown(const QString &text)
    {
        // Keep error messages readable whatever the document holds.
        return text.size() > 60 ? text.left(57) + u"..."_s : text;
    }

    // The object's keys must be exactly `keys`, plus any of `optional` (added by later
    // versions: older documents lack them).
    static Result<void> keys(const QJsonObject &o, const QString &path,
                             std::initializer_list<const char16_t *> allowed,
                             std::initializer_list<const char16_t *> optional = {})
    {
        QSet<QString> known;
        for (const char16_t *k : allowed) {
            const QString key = QString::fromUtf16(k);
            known.insert(key);
            if (!o.contains(key))
                return at(path, tr("the key \"%1\" is missing.").arg(key));
        }
        for (const char16_t *k : optional)
            known.insert(QString::fromUtf16(k));
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()))
                return at(path, tr("unknown key \"%1\".").arg(shown(it.key())));
        return {};
    }

    // JSON's \u escapes can spell half a surrogate pair, which is no text at all.
    static Result<void> validText(const QString &s, const QString &path)
    {
        if (!QStringView(s).isValidUtf16())
            return at(path, tr("the text contains an unpaired surrogate (a \\u escape of half a "
                               "character)."));
        return {};
    }

    static QString sub(const QString &path, const QString &key) { return path + u'.' + key; }
    static QString item(const QString &path, qsizetype i)
    {
        return path + u'[' + QString::number(i) + u']';
    }

    static Result<QString> string(const QJsonObject &o, const QString &path, const QString &key,
                                  qsizetype maxLength = 4096)
    {
        const QJsonValue v = o.value(key);
        if (!v.isString())
            return at(sub(path, key), tr("expected a string, found %1.").arg(typeName(v)));
        const QString s = v.toString();
        if (auto ok = validText(s, sub(path, key)); !ok)
            return ok.error();
        if (s.size() > maxLength)
            return at(sub(path, key), tr("the text is longer than %1 characters.").arg(maxLength));
        return s;
    }

    static Result<QString> stringOrNull(const QJsonObject &o, const QString &path,
                                        const QString &key)
    {
        if (o.value(key).isNull())
            return QString();
        auto s = string(o, path, key);
        if (s && s->isEmpty())
            return at(sub(path, key), tr("an empty string; use null for none."));
        return s;
    }

    static Result<bool> boolean(const QJsonObject &o, const QString &path, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (!v.isBool())
            return at(sub(path, key), tr("expected true or false, found %1.").arg(typeName(v)));
        return v.toBool();
    }

    static Result<qint64> integer(const QJsonObject &o, const QString &path, const QString &key,
                                  qint64 min, qint64 max)
    {
        const QJsonValue v = o.value(key);
        if (!v.isDouble())
            return at(sub(path, key), tr("expected a whole number, found %1.").arg(typeName(v)));
        const double d = v.toDouble();
        if (!(d >= double(min) && d <= double(max)))
            return at(sub(path, key), tr("%1 is out of range (%2-%3).")
                                          .arg(QString::number(d, 'g', 17))
                                          .arg(min)
                                          .arg(max));
        if (d != double(qint64(d)))
            return at(sub(path, key),
                      tr("%1 is not a whole number.").arg(QString::number(d, 'g', 17)));
        return qint64(d);
    }

    static Result<QJsonArray> array(const QJsonObject &o, const QString &path, const QString &key,
                                    qsizetype maxCount)
    {
        const QJsonValue v = o.value(key);
        if (!v.isArray())
            return at(sub(path, key), tr("expected an array, found %1.").arg(typeName(v)));
        const QJsonArray a = v.toArray();
        if (a.size() > maxCount)
            return at(sub(path, key),
                      tr("%1 entries, more than the %2 allowed.").arg(a.size()).arg(maxCount));
        return a;
    }

    static Result<QJsonObject> object(const QJsonValue &v, const QString &path)
    {
        if (!v.isObject())
            return at(path, tr("expected an object, found %1.").arg(typeName(v)));
        return v.toObject();
    }

    static Result<QUuid> guid(const QJsonObject &o, const QString &path)
    {
        auto s = string(o, path, u"guid"_s, 64);
        if (!s)
            return s.error();
        const QUuid u = QUuid::fromString(*s);
        if (u.isNull() || SnapshotJson::guid(u) != s->toLower())
            return at(sub(path, u"guid"_s),
                      tr("\"%1\" is not a guid like {01234567-89ab-cdef-0123-456789abcdef}.")
                          .arg(shown(*s)));
        return u;
    }

    template <typename E>
    static Result<E> choice(const QJsonObject &o, const QString &path, const QString &key,
                            const QList<E> &values, const std::function<QString(E)> &nameOf)
    {
        auto s = string(o, path, key, 64);
        if (!s)
            return s.error();
        QStringList names;
        for (E e : values) {
            if (nameOf(e) == *s)
                return e;
            names << nameOf(e);
        }
        return at(sub(path, key),
                  tr("\"%1\" is not one of %2.").arg(shown(*s), names.join(u", "_s)));
    }

    static Result<void> problems(const QString &path, const QStringList &list)
    {
        if (list.isEmpty())
            return {};
        return at(path, list.join(u' '));
    }

    static Result<Filter> filter(const QJsonObject &o, const QString &path,
                                 std::initializer_list<const char16_t *> extraKeys = {},
                                 std::initializer_list<const char16_t *> optionalKeys = {})
    {
        QList<const char16_t *> all{u"guid",     u"source",          u"sourcePort", u"destination",
                                    u"protocol", u"destinationPort", u"mirrored",   u"description"};
        for (const char16_t *k : extraKeys)
            all << k;
        QSet<QString> known;
        for (const char16_t *k : all) {
            known.insert(QString::fromUtf16(k));
            if (!o.contains(QString::fromUtf16(k)))
                return at(path, tr("the key \"%1\" is missing.").arg(QString::fromUtf16(k)));
        }
        for (const char16_t *k : optionalKeys)
            known.insert(QString::fromUtf16(k));
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()))
                return at(path, tr("unknown key \"%1\".").arg(shown(it.key())));
        Filter f;
        auto g = guid(o, path);
        if (!g)
            return g.error();
        f.guid = *g;
        for (const auto &[key, target] :
             {std::pair{u"source"_s, &f.source}, std::pair{u"destination"_s, &f.destination}}) {
            auto text = string(o, path, key, 300);
            if (!text)
                return text.error();
            auto a = Address::parse(*text);
            if (!a)
                return at(sub(path, key), a.error().message);
            *target = *a;
        }
        auto proto = string(o, path, u"protocol"_s, 16);
        if (!proto)
            return proto.error();
        auto p = Protocol::parse(*proto);
        if (!p)
            return at(sub(path, u"protocol"_s), p.error().message);
        f.protocol = *p;
        auto sp = integer(o, path, u"sourcePort"_s, 0, 65535);
        auto dp = integer(o, path, u"destinationPort"_s, 0, 65535);
        if (!sp)
            return sp.error();
        if (!dp)
            return dp.error();
        f.sourcePort = quint16(*sp);
        f.destinationPort = quint16(*dp);
        auto m = boolean(o, path, u"mirrored"_s);
        if (!m)
            return m.error();
        f.mirrored = *m;
        auto d = string(o, path, u"description"_s);
        if (!d)
            return d.error();
        f.description = *d;
        if (auto ok = problems(path, f.validate()); !ok)
            return ok.error();
        return f;
    }

    static Result<SecurityMethod> method(const QJsonValue &v, const QString &path)
    {
        auto o = object(v, path);
        if (!o)
            return o.error();
        if (auto ok = keys(*o, path,
                           {u"ah", u"ahHash", u"esp", u"espCipher", u"espHash", u"lifetimeKBytes",
                            u"lifetimeSeconds", u"pfs"});
            !ok)
            return ok.error();
        using H = SecurityMethod::Hash;
        using C = SecurityMethod::Cipher;
        const std::function<QString(H)> hashName = &SnapshotJson::hashName;
        const std::function<QString(C)> cipherName = &SnapshotJson::cipherName;
        SecurityMethod m;
        auto ah = boolean(*o, path, u"ah"_s);
        auto esp = boolean(*o, path, u"esp"_s);
        auto pfs = boolean(*o, path, u"pfs"_s);
        auto ahHash = choice<H>(*o, path, u"ahHash"_s, {H::None, H::Md5, H::Sha1}, hashName);
        auto espHash = choice<H>(*o, path, u"espHash"_s, {H::None, H::Md5, H::Sha1}, hashName);
        auto cipher =
            choice<C>(*o, path, u"espCipher"_s, {C::None, C::Des, C::TripleDes}, cipherName);
        auto kb = integer(*o, path, u"lifetimeKBytes"_s, 0, 0xffffffffLL);
        auto secs = integer(*o, path, u"lifetimeSeconds"_s, 0, 0xffffffffLL);
        for (const Error *e :
             {ah ? nullptr : &ah.error(), esp ? nullptr : &esp.error(),
              pfs ? nullptr : &pfs.error(), ahHash ? nullptr : &ahHash.error(),
              espHash ? nullptr : &espHash.error(), cipher ? nullptr : &cipher.error(),
              kb ? nullptr : &kb.error(), secs ? nullptr : &secs.error()})
            if (e)
                return *e;
        m.ah = *ah;
        m.esp = *esp;
        m.pfs = *pfs;
        m.ahHash = *ahHash;
        m.espHash = *espHash;
        m.espCipher = *cipher;
        m.lifetimeKBytes = quint32(*kb);
        m.lifetimeSeconds = quint32(*secs);
        if (auto ok = problems(path, m.validate()); !ok)
            return ok.error();
        return m;
    }
};

// A rule's reference to a list or an action: {guid, name} of an object the document holds.
struct Reference {
    QUuid guid;
    QString name;
};

Result<std::optional<Reference>> reference(const QJsonObject &o, const QString &path,
                                           const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isNull())
        return std::optional<Reference>();
    const QString p = Reader::sub(path, key);
    auto obj = Reader::object(v, p);
    if (!obj)
        return obj.error();
    if (auto ok = Reader::keys(*obj, p, {u"guid", u"name"}); !ok)
        return ok.error();
    auto g = Reader::guid(*obj, p);
    if (!g)
        return g.error();
    auto n = Reader::string(*obj, p, u"name"_s, MaxNameLength);
    if (!n)
        return n.error();
    return std::optional<Reference>(Reference{*g, *n});
}

class DocumentReader {
    Q_DECLARE_TR_FUNCTIONS(ipsec::SnapshotReader)
public:
    Result<Snapshot> read(const QJsonObject &doc)
    {
        const QString root = u"$"_s;
        // Format and version first, so that another kind of file gets the plainest message.
        const QJsonValue format = doc.value(u"format"_s);
        if (format.toString() != QString::fromLatin1(SnapshotJson::FormatName))
            return Reader::at(u"$.format"_s,
                              tr("not an IPsec Policy Console snapshot (expected \"%1\", found "
                                 "%2).")
                                  .arg(QString::fromLatin1(SnapshotJson::FormatName),
                                       format.isString()
                                           ? u'"' + Reader::shown(format.toString()) + u'"'
                                           : Reader::typeName(format)));
        auto version = Reader::integer(doc, root, u"formatVersion"_s, 1, 1000000);
        if (!version)
            return version.error();
        if (*version != Snapshot::FormatVersion)
            return Reader::at(u"$.formatVersion"_s,
                              tr("version %1 is not supported; this program reads version %2.")
                                  .arg(*version)
                                  .arg(Snapshot::FormatVersion));
        if (auto ok =
                Reader::keys(doc, root,
                             {u"format", u"formatVersion", u"programVersion", u"created", u"host",
                              u"scopePolicy", u"assignedPolicy", u"policies", u"filterLists",
                              u"filterActions", u"dynamicFilters", u"kernel"});
            !ok)
            return ok.error();

        auto program = Reader::string(doc, root, u"programVersion"_s, 64);
        if (!program)
            return program.error();
        m_snapshot.programVersion = *program;
        auto created = Reader::string(doc, root, u"created"_s, 64);
        if (!created)
            return created.error();
        if (!QDateTime::fromString(*created, Qt::ISODateWithMs).isValid())
            return Reader::at(u"$.created"_s,
                              tr("\"%1\" is not an ISO 8601 time.").arg(Reader::shown(*created)));
        m_snapshot.created = *created;
        if (auto ok = readHost(doc); !ok)
            return ok.error();
        auto scope = Reader::stringOrNull(doc, root, u"scopePolicy"_s);
        if (!scope)
            return scope.error();
        m_snapshot.scopePolicy = *scope;

        for (auto step : {&DocumentReader::readFilterLists, &DocumentReader::readFilterActions,
                          &DocumentReader::readPolicies, &DocumentReader::readAssignment,
                          &DocumentReader::readDynamic, &DocumentReader::readKernel}) {
            if (auto ok = (this->*step)(doc); !ok)
                return ok.error();
        }
        if (!m_snapshot.scopePolicy.isEmpty()
            && !m_snapshot.database.policyByName(m_snapshot.scopePolicy))
            return Reader::at(u"$.scopePolicy"_s, tr("the document holds no policy \"%1\".")
                                                      .arg(Reader::shown(m_snapshot.scopePolicy)));
        return m_snapshot;
    }

private:
    Result<void> readHost(const QJsonObject &doc)
    {
        const QString path = u"$.host"_s;
        auto host = Reader::object(doc.value(u"host"_s), path);
        if (!host)
            return host.error();
        const bool domain = host->contains(u"policySource"_s);
        if (auto ok =
                domain ? Reader::keys(
                    *host, path, {u"name", u"store", u"netns", u"policySource", u"domainPolicy"})
                       : Reader::keys(*host, path, {u"name", u"store", u"netns"});
            !ok)
            return ok;
        auto name = Reader::string(*host, path, u"name"_s, 255);
        auto store = Reader::string(*host, path, u"store"_s);
        auto netns = Reader::string(*host, path, u"netns"_s, 255);
        for (const auto *r : {&name, &store, &netns})
            if (!*r)
                return r->error();
        m_snapshot.host = SnapshotHost{*name, *store, *netns, {}, {}};
        // Where the enforced policy came from (a record; an import never uses it).
        if (domain) {
            auto source = Reader::string(*host, path, u"policySource"_s, 32);
            auto policy = Reader::string(*host, path, u"domainPolicy"_s, 1024);
            if (!source)
                return source.error();
            if (!policy)
                return policy.error();
            if (*source != u"domain"_s && *source != u"cached domain"_s)
                return Reader::at(
                    path, QCoreApplication::translate("ipsec::SnapshotReader",
                                                      "policySource must be \"domain\" or \"cached "
                                                      "domain\", not \"%1\".")
                              .arg(*source));
            m_snapshot.host.policySource = *source;
            m_snapshot.host.domainPolicy = *policy;
        }
        return {};
    }

    // Names are unique per kind (case-insensitive), as in a store.
    Result<void> uniqueName(QSet<QString> &seen, const QString &name, const QString &path,
                            const QString &kind)
    {
        const QString key = name.toCaseFolded();
        if (seen.contains(key))
            return Reader::at(Reader::sub(path, u"name"_s),
                              tr("a second %1 named \"%2\".").arg(kind, Reader::shown(name)));
        seen.insert(key);
        return {};
    }

    Result<void> uniqueGuid(QSet<QUuid> &seen, const QUuid &guid, const QString &path)
    {
        if (seen.contains(guid))
            return Reader::at(Reader::sub(path, u"guid"_s),
                              tr("the guid %1 is used twice.").arg(SnapshotJson::guid(guid)));
        seen.insert(guid);
        return {};
    }

    Result<void> readFilterLists(const QJsonObject &doc)
    {
        auto lists = Reader::array(doc, u"$"_s, u"filterLists"_s, SnapshotReader::MaxObjects);
        if (!lists)
            return lists.error();
        QSet<QString> names;
        qsizetype totalFilters = 0;
        for (qsizetype i = 0; i < lists->size(); ++i) {
            const QString path = Reader::item(u"$.filterLists"_s, i);
            auto o = Reader::object(lists->at(i), path);
            if (!o)
                return o.error();
            if (auto ok = Reader::keys(*o, path,
                                       {u"guid", u"name", u"description", u"implicit", u"filters"});
                !ok)
                return ok;
            FilterList l;
            l.id = i + 1;
            auto g = Reader::guid(*o, path);
            auto name = Reader::string(*o, path, u"name"_s, MaxNameLength + 1);
            auto description = Reader::string(*o, path, u"description"_s);
            auto implicit = Reader::boolean(*o, path, u"implicit"_s);
            auto filters = Reader::array(*o, path, u"filters"_s, SnapshotReader::MaxObjects);
            if (!g)
                return g.error();
            if (!name)
                return name.error();
            if (!description)
                return description.error();
            if (!implicit)
                return implicit.error();
            if (!filters)
                return filters.error();
            totalFilters += filters->size();
            if (totalFilters > SnapshotReader::MaxObjects)
                return Reader::at(
                    u"$.filterLists"_s,
                    tr("more than %1 filters in all.").arg(SnapshotReader::MaxObjects));
            l.guid = *g;
            l.name = *name;
            l.description = *description;
            l.implicit = *implicit;
            for (qsizetype j = 0; j < filters->size(); ++j) {
                const QString fpath = Reader::item(Reader::sub(path, u"filters"_s), j);
                auto fo = Reader::object(filters->at(j), fpath);
                if (!fo)
                    return fo.error();
                auto f = Reader::filter(*fo, fpath);
                if (!f)
                    return f.error();
                if (auto ok = uniqueGuid(m_filterGuids, f->guid, fpath); !ok)
                    return ok;
                l.filters << *f;
            }
            if (auto ok = Reader::problems(path, l.validate()); !ok)
                return ok;
            if (auto ok = uniqueGuid(m_listGuids, l.guid, path); !ok)
                return ok;
            if (auto ok = uniqueName(names, l.name, path, tr("filter list")); !ok)
                return ok;
            m_snapshot.database.filterLists << l;
        }
        return {};
    }

    Result<void> readFilterActions(const QJsonObject &doc)
    {
        auto actions = Reader::array(doc, u"$"_s, u"filterActions"_s, SnapshotReader::MaxObjects);
        if (!actions)
            return actions.error();
        QSet<QString> names;
        using T = FilterAction::Type;
        const std::function<QString(T)> typeName = &SnapshotJson::actionName;
        for (qsizetype i = 0; i < actions->size(); ++i) {
            const QString path = Reader::item(u"$.filterActions"_s, i);
            auto o = Reader::object(actions->at(i), path);
            if (!o)
                return o.error();
            if (auto ok = Reader::keys(*o, path,
                                       {u"guid", u"name", u"description", u"action",
                                        u"inboundPassThrough", u"allowUnsecured", u"sessionKeyPfs",
                                        u"securityMethods"});
                !ok)
                return ok;
            FilterAction a;
            a.id = i + 1;
            auto g = Reader::guid(*o, path);
            auto name = Reader::string(*o, path, u"name"_s, MaxNameLength + 1);
            auto description = Reader::string(*o, path, u"description"_s);
            auto type = Reader::choice<T>(*o, path, u"action"_s,
                                          {T::Permit, T::Block, T::Negotiate}, typeName);
            auto pass = Reader::boolean(*o, path, u"inboundPassThrough"_s);
            auto unsecured = Reader::boolean(*o, path, u"allowUnsecured"_s);
            auto pfs = Reader::boolean(*o, path, u"sessionKeyPfs"_s);
            auto methods = Reader::array(*o, path, u"securityMethods"_s, 16);
            if (!g)
                return g.error();
            if (!name)
                return name.error();
            if (!description)
                return description.error();
            if (!type)
                return type.error();
            for (const auto *r : {&pass, &unsecured, &pfs})
                if (!*r)
                    return r->error();
            if (!methods)
                return methods.error();
            a.guid = *g;
            a.name = *name;
            a.description = *description;
            a.type = *type;
            a.inboundPassThrough = *pass;
            a.allowUnsecured = *unsecured;
            a.sessionKeyPfs = *pfs;
            for (qsizetype j = 0; j < methods->size(); ++j) {
                auto m = Reader::method(methods->at(j),
                                        Reader::item(Reader::sub(path, u"securityMethods"_s), j));
                if (!m)
                    return m.error();
                a.securityMethods << *m;
            }
            if (auto ok = Reader::problems(path, a.validate()); !ok)
                return ok;
            if (auto ok = uniqueGuid(m_actionGuids, a.guid, path); !ok)
                return ok;
            if (auto ok = uniqueName(names, a.name, path, tr("filter action")); !ok)
                return ok;
            m_snapshot.database.filterActions << a;
        }
        return {};
    }

    // The id of the list (or action) the reference names; its name must match too.
    template <typename T>
    Result<qint64> resolve(const QList<T> &objects, const std::optional<Reference> &ref,
                           const QString &path, const QString &kind)
    {
        if (!ref)
            return qint64(0);
        for (const T &o : objects) {
            if (o.guid != ref->guid)
                continue;
            if (o.name != ref->name)
                return Reader::at(path, tr("the %1 %2 is named \"%3\", not \"%4\".")
                                            .arg(kind, SnapshotJson::guid(ref->guid),
                                                 Reader::shown(o.name), Reader::shown(ref->name)));
            return o.id;
        }
        return Reader::at(path,
                          tr("refers to %1 %2 (\"%3\"), which the document does not hold.")
                              .arg(kind, SnapshotJson::guid(ref->guid), Reader::shown(ref->name)));
    }

    Result<Rule> readRule(const QJsonValue &v, const QString &path, qint64 policyId)
    {
        auto o = Reader::object(v, path);
        if (!o)
            return o.error();
        if (auto ok = Reader::keys(*o, path,
                                   {u"guid", u"name", u"description", u"defaultResponse", u"active",
                                    u"filterList", u"filterAction", u"tunnelEndpoint",
                                    u"connectionType", u"authMethods"});
            !ok)
            return ok.error();
        Rule r;
        r.policyId = policyId;
        using C = Rule::ConnectionType;
        const std::function<QString(C)> connectionName = &Rule::connectionTypeName;
        auto g = Reader::guid(*o, path);
        auto name = Reader::string(*o, path, u"name"_s, MaxNameLength + 1);
        auto description = Reader::string(*o, path, u"description"_s);
        auto drr = Reader::boolean(*o, path, u"defaultResponse"_s);
        auto active = Reader::boolean(*o, path, u"active"_s);
        auto list = reference(*o, path, u"filterList"_s);
        auto action = reference(*o, path, u"filterAction"_s);
        auto tunnel = Reader::string(*o, path, u"tunnelEndpoint"_s, 300);
        auto connection = Reader::choice<C>(*o, path, u"connectionType"_s,
                                            {C::All, C::Lan, C::Dialup}, connectionName);
        auto auth = Reader::array(*o, path, u"authMethods"_s, 16);
        if (!g)
            return g.error();
        for (const auto *r2 : {&name, &description, &tunnel})
            if (!*r2)
                return r2->error();
        for (const auto *r2 : {&drr, &active})
            if (!*r2)
                return r2->error();
        if (!list)
            return list.error();
        if (!action)
            return action.error();
        if (!connection)
            return connection.error();
        if (!auth)
            return auth.error();
        r.guid = *g;
        r.name = *name;
        r.description = *description;
        r.defaultResponse = *drr;
        r.active = *active;
        r.tunnelEndpoint = *tunnel;
        r.connectionType = *connection;
        if (r.defaultResponse && (*list || *action))
            return Reader::at(path, tr("the default response rule has no filter list or filter "
                                       "action; both must be null."));
        auto listId = resolve(m_snapshot.database.filterLists, *list,
                              Reader::sub(path, u"filterList"_s), tr("filter list"));
        if (!listId)
            return listId.error();
        auto actionId = resolve(m_snapshot.database.filterActions, *action,
                                Reader::sub(path, u"filterAction"_s), tr("filter action"));
        if (!actionId)
            return actionId.error();
        r.filterListId = *listId;
        r.filterActionId = *actionId;
        using K = AuthMethod::Kind;
        const std::function<QString(K)> kindName = &SnapshotJson::authKindName;
        r.authMethods.clear();
        for (qsizetype j = 0; j < auth->size(); ++j) {
            const QString apath = Reader::item(Reader::sub(path, u"authMethods"_s), j);
            auto ao = Reader::object(auth->at(j), apath);
            if (!ao)
                return ao.error();
            if (auto ok = Reader::keys(*ao, apath, {u"kind", u"data"}); !ok)
                return ok.error();
            auto kind = Reader::choice<K>(*ao, apath, u"kind"_s,
                                          {K::Kerberos, K::PresharedKey, K::Certificate}, kindName);
            if (!kind)
                return kind.error();
            auto data = Reader::string(*ao, apath, u"data"_s, 1024);
            if (!data)
                return data.error();
            if ((*kind == K::Kerberos) != data->isEmpty())
                return Reader::at(Reader::sub(apath, u"data"_s),
                                  *kind == K::Kerberos
                                      ? tr("Kerberos takes no data; expected \"\".")
                                      : tr("a preshared key or certificate authority is needed."));
            r.authMethods << AuthMethod{*kind, *data};
        }
        if (auto ok = Reader::problems(path, r.validate()); !ok)
            return ok.error();
        if (auto ok = uniqueGuid(m_ruleGuids, r.guid, path); !ok)
            return ok.error();
        return r;
    }

    Result<void> readPolicies(const QJsonObject &doc)
    {
        auto policies = Reader::array(doc, u"$"_s, u"policies"_s, SnapshotReader::MaxObjects);
        if (!policies)
            return policies.error();
        QSet<QString> names;
        QSet<QUuid> guids;
        qsizetype totalRules = 0;
        for (qsizetype i = 0; i < policies->size(); ++i) {
            const QString path = Reader::item(u"$.policies"_s, i);
            auto o = Reader::object(policies->at(i), path);
            if (!o)
                return o.error();
            if (auto ok = Reader::keys(*o, path,
                                       {u"guid", u"name", u"description", u"pollingIntervalMinutes",
                                        u"lastModified", u"rules"},
                                       {u"mainModeMethods", u"keyExchange"});
                !ok)
                return ok;
            Policy p;
            p.id = i + 1;
            auto g = Reader::guid(*o, path);
            auto name = Reader::string(*o, path, u"name"_s, MaxNameLength + 1);
            auto description = Reader::string(*o, path, u"description"_s);
            auto polling = Reader::integer(*o, path, u"pollingIntervalMinutes"_s, 1, 43200);
            auto modified = Reader::stringOrNull(*o, path, u"lastModified"_s);
            auto rules = Reader::array(*o, path, u"rules"_s, SnapshotReader::MaxObjects);
            if (!g)
                return g.error();
            for (const auto *r : {&name, &description, &modified})
                if (!*r)
                    return r->error();
            if (!polling)
                return polling.error();
            if (!rules)
                return rules.error();
            p.guid = *g;
            p.name = *name;
            p.description = *description;
            p.pollingIntervalMinutes = int(*polling);
            if (o->contains(u"mainModeMethods"_s)) {
                const QString at = Reader::sub(path, u"mainModeMethods"_s);
                auto text = Reader::string(*o, path, u"mainModeMethods"_s);
                if (!text)
                    return text.error();
                auto methods = MainModeMethod::parseList(*text);
                if (!methods)
                    return Reader::at(at, methods.error().message);
                p.mainModeMethods = *methods;
            }
            if (o->contains(u"keyExchange"_s)) {
                const QString at = Reader::sub(path, u"keyExchange"_s);
                auto k = Reader::object(o->value(u"keyExchange"_s), at);
                if (!k)
                    return k.error();
                if (auto ok = Reader::keys(
                        *k, at, {u"lifetimeSeconds", u"quickModesPerMainMode", u"masterKeyPfs"});
                    !ok)
                    return ok;
                auto lifetime = Reader::integer(*k, at, u"lifetimeSeconds"_s,
                                                Policy::MinMainModeLifetimeSeconds,
                                                Policy::MaxMainModeLifetimeSeconds);
                auto qm = Reader::integer(*k, at, u"quickModesPerMainMode"_s, 0,
                                          Policy::MaxQuickModesPerMainMode);
                auto pfs = Reader::boolean(*k, at, u"masterKeyPfs"_s);
                if (!lifetime)
                    return lifetime.error();
                if (!qm)
                    return qm.error();
                if (!pfs)
                    return pfs.error();
                p.mainModeLifetimeSeconds = int(*lifetime);
                p.quickModesPerMainMode = int(*qm);
                p.mainModePfs = *pfs;
            }
            if (!modified->isEmpty()) {
                p.lastModified = QDateTime::fromString(*modified, Qt::ISODateWithMs);
                if (!p.lastModified.isValid() || p.lastModified.timeSpec() != Qt::UTC
                    || p.lastModified.date().year() < 1970 || p.lastModified.date().year() > 9999)
                    return Reader::at(Reader::sub(path, u"lastModified"_s),
                                      tr("\"%1\" is not an ISO 8601 UTC time "
                                         "(2024-01-31T12:00:00.000Z).")
                                          .arg(Reader::shown(*modified)));
            }
            if (auto ok = Reader::problems(path, p.validate()); !ok)
                return ok;
            if (auto ok = uniqueGuid(guids, p.guid, path); !ok)
                return ok;
            if (auto ok = uniqueName(names, p.name, path, tr("policy")); !ok)
                return ok;
            totalRules += rules->size();
            if (totalRules > SnapshotReader::MaxObjects)
                return Reader::at(u"$.policies"_s,
                                  tr("more than %1 rules in all.").arg(SnapshotReader::MaxObjects));
            QSet<QString> ruleNames;
            for (qsizetype j = 0; j < rules->size(); ++j) {
                const QString rpath = Reader::item(Reader::sub(path, u"rules"_s), j);
                auto r = readRule(rules->at(j), rpath, p.id);
                if (!r)
                    return r.error();
                if (auto ok = uniqueName(ruleNames, r->name, rpath, tr("rule in this policy")); !ok)
                    return ok;
                r->id = m_snapshot.database.rules.size() + 1;
                m_snapshot.database.rules << *r;
            }
            m_snapshot.database.policies << p;
        }
        return {};
    }

    Result<void> readAssignment(const QJsonObject &doc)
    {
        auto ref = reference(doc, u"$"_s, u"assignedPolicy"_s);
        if (!ref)
            return ref.error();
        if (!*ref)
            return {};
        auto id = resolve(m_snapshot.database.policies, *ref, u"$.assignedPolicy"_s, tr("policy"));
        if (!id)
            return id.error();
        m_snapshot.database.policies[*id - 1].assigned = true;
        return {};
    }

    Result<void> readDynamic(const QJsonObject &doc)
    {
        auto dynamic = Reader::array(doc, u"$"_s, u"dynamicFilters"_s, SnapshotReader::MaxObjects);
        if (!dynamic)
            return dynamic.error();
        using T = FilterAction::Type;
        const std::function<QString(T)> typeName = &SnapshotJson::actionName;
        QSet<QUuid> guids;
        for (qsizetype i = 0; i < dynamic->size(); ++i) {
            const QString path = Reader::item(u"$.dynamicFilters"_s, i);
            auto o = Reader::object(dynamic->at(i), path);
            if (!o)
                return o.error();
            auto f = Reader::filter(*o, path, {u"action", u"label"}, {u"negotiation"});
            if (!f)
                return f.error();
            auto action = Reader::choice<T>(*o, path, u"action"_s,
                                            {T::Permit, T::Block, T::Negotiate}, typeName);
            if (!action)
                return action.error();
            auto label = Reader::string(*o, path, u"label"_s, 1024);
            if (!label)
                return label.error();
            if (auto ok = uniqueGuid(guids, f->guid, path); !ok)
                return ok;
            // soft/inpass of a negotiate filter; older snapshots have none: Require (safe).
            engine::Negotiation negotiation;
            if (o->contains(u"negotiation"_s)) {
                const QString at = Reader::sub(path, u"negotiation"_s);
                auto n = Reader::object(o->value(u"negotiation"_s), at);
                if (!n)
                    return n.error();
                if (auto ok = Reader::keys(*n, at, {u"inpass", u"soft", u"protocol"}); !ok)
                    return ok;
                auto inpass = Reader::boolean(*n, at, u"inpass"_s);
                auto soft = Reader::boolean(*n, at, u"soft"_s);
                if (!inpass)
                    return inpass.error();
                if (!soft)
                    return soft.error();
                const QString protocol = n->value(u"protocol"_s).toString();
                if (protocol != u"esp"_s && protocol != u"ah"_s)
                    return Reader::at(Reader::sub(at, u"protocol"_s),
                                      tr("expected \"esp\" or \"ah\"."));
                negotiation.inboundPassThrough = *inpass;
                negotiation.allowUnsecured = *soft;
                negotiation.ipsecProtocol = protocol == u"ah"_s ? 51 : 50;
            }
            m_snapshot.dynamicFilters << engine::DynamicFilter{*f, *action, *label, negotiation};
        }
        return {};
    }

    Result<void> readKernel(const QJsonObject &doc)
    {
        const QJsonValue v = doc.value(u"kernel"_s);
        if (v.isNull())
            return {};
        const QString path = u"$.kernel"_s;
        auto o = Reader::object(v, path);
        if (!o)
            return o.error();
        if (auto ok =
                Reader::keys(*o, path, {u"entries", u"foreignEntries", u"inSync", u"counters"});
            !ok)
            return ok;
        KernelRecord k;
        auto entries = Reader::array(*o, path, u"entries"_s, SnapshotReader::MaxObjects);
        if (!entries)
            return entries.error();
        for (qsizetype i = 0; i < entries->size(); ++i) {
            if (!entries->at(i).isString())
                return Reader::at(
                    Reader::item(Reader::sub(path, u"entries"_s), i),
                    tr("expected a string, found %1.").arg(Reader::typeName(entries->at(i))));
            if (auto ok = Reader::validText(entries->at(i).toString(),
                                            Reader::item(Reader::sub(path, u"entries"_s), i));
                !ok)
                return ok;
            k.entries << entries->at(i).toString();
        }
        auto foreign = Reader::integer(*o, path, u"foreignEntries"_s, 0, 100000000);
        if (!foreign)
            return foreign.error();
        k.foreignEntries = int(*foreign);
        auto inSync = Reader::boolean(*o, path, u"inSync"_s);
        if (!inSync)
            return inSync.error();
        k.inSync = *inSync;
        auto counters = Reader::object(o->value(u"counters"_s), Reader::sub(path, u"counters"_s));
        if (!counters)
            return counters.error();
        if (counters->size() > 1000)
            return Reader::at(Reader::sub(path, u"counters"_s), tr("too many counters."));
        for (auto it = counters->begin(); it != counters->end(); ++it) {
            if (auto ok = Reader::validText(it.key(), Reader::sub(path, u"counters"_s)); !ok)
                return ok;
            auto value = Reader::integer(*counters, Reader::sub(path, u"counters"_s), it.key(), 0,
                                         qint64(1) << 53);
            if (!value)
                return value.error();
            k.counters.emplace(it.key(), *value);
        }
        m_snapshot.kernel = k;
        return {};
    }

    Snapshot m_snapshot;
    QSet<QUuid> m_listGuids, m_actionGuids, m_ruleGuids, m_filterGuids;
};

} // namespace

qsizetype SnapshotReader::invalidUtf8Offset(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        quint32 cp = 0;
        quint32 min = 0;
        if ((c & 0xe0) == 0xc0) {
            len = 2;
            cp = c & 0x1f;
            min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            len = 3;
            cp = c & 0x0f;
            min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            len = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xc0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += len;
    }
    return -1;
}

Result<Snapshot> SnapshotReader::read(const QByteArray &bytes)
{
    if (bytes.size() > MaxDocumentBytes)
        return Error::usage(tr("The snapshot is %1 bytes, more than the %2 MiB allowed.")
                                .arg(bytes.size())
                                .arg(MaxDocumentBytes / (1024 * 1024)));
    if (bytes.trimmed().isEmpty())
        return Error::usage(tr("The snapshot is empty."));
    if (const qsizetype bad = invalidUtf8Offset(bytes); bad >= 0)
        return Error::usage(tr("The snapshot is not valid UTF-8 (byte 0x%1 at offset %2).")
                                .arg(uint(quint8(bytes.at(bad))), 2, 16, QChar(u'0'))
                                .arg(bad));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::usage(tr("The snapshot is not valid JSON: %1 at offset %2.")
                                .arg(error.errorString())
                                .arg(error.offset));
    if (!doc.isObject())
        return Error::usage(tr("The snapshot is not a JSON object."));
    return fromJson(doc.object());
}

Result<Snapshot> SnapshotReader::fromJson(const QJsonObject &document)
{
    return DocumentReader().read(document);
}

} // namespace ipsec
