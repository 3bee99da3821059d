#include "model/Rule.h"
#include "model/Address.h"
#include "model/Policy.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

QString quoted(const QString &s)
{
    QString escaped = s;
    escaped.replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

QString unquoted(QStringView s)
{
    if (s.size() >= 2 && s.front() == u'"' && s.back() == u'"')
        return s.mid(1, s.size() - 2).toString().replace(u"\\\""_s, u"\""_s);
    return s.toString();
}

} // namespace

QString AuthMethod::toString() const
{
    switch (kind) {
    case Kind::Kerberos:
        return u"KERBEROS"_s;
    case Kind::PresharedKey:
        return u"PRESHARE:"_s + quoted(data);
    case Kind::Certificate:
        return u"CERT:"_s + quoted(data);
    }
    return {};
}

AuthMethod AuthMethod::masked() const
{
    return isSecret() ? AuthMethod{kind, MaskedSecret.toString()} : *this;
}

void Rule::maskSecrets()
{
    for (AuthMethod &m : authMethods)
        m = m.masked();
}

bool Rule::hasMaskedSecret() const
{
    return std::any_of(authMethods.cbegin(), authMethods.cend(),
                       [](const AuthMethod &m) { return m.isMasked(); });
}

Result<AuthMethod> AuthMethod::parse(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.compare(u"KERBEROS", Qt::CaseInsensitive) == 0)
        return AuthMethod{};
    const qsizetype colon = t.indexOf(u':');
    const QStringView head = colon < 0 ? t : t.left(colon);
    const QString data = colon < 0 ? QString() : unquoted(t.mid(colon + 1));
    Kind kind;
    if (head.compare(u"PRESHARE", Qt::CaseInsensitive) == 0)
        kind = Kind::PresharedKey;
    else if (head.compare(u"CERT", Qt::CaseInsensitive) == 0)
        kind = Kind::Certificate;
    else
        return Error::usage(tr("\"%1\" is not an authentication method: expected KERBEROS, "
                               "PRESHARE:\"key\" or CERT:\"CA name\".")
                                .arg(t));
    if (data.isEmpty())
        return Error::usage(tr("\"%1\" needs a value after the colon.").arg(t));
    return AuthMethod{kind, data};
}

QString Rule::connectionTypeName(ConnectionType t)
{
    switch (t) {
    case ConnectionType::All:
        return u"all"_s;
    case ConnectionType::Lan:
        return u"lan"_s;
    case ConnectionType::Dialup:
        return u"dialup"_s;
    }
    return {};
}

QStringList Rule::validate() const
{
    QStringList problems;
    if (const QString p = validateName(name, QT_TRANSLATE_NOOP("ipsec::Names", "rule"));
        !p.isEmpty())
        problems << p;
    if (!defaultResponse && (filterListId == 0 || filterActionId == 0))
        problems << tr("Rule \"%1\" needs a filter list and a filter action.").arg(name);
    if (!tunnelEndpoint.isEmpty()) {
        const auto a = Address::parse(tunnelEndpoint);
        if (!a || !(a->isHost() || a->isDnsName()))
            problems << tr("Rule \"%1\": tunnel endpoint \"%2\" is not a host address or DNS name.")
                            .arg(name, tunnelEndpoint);
    }
    if (authMethods.isEmpty())
        problems << tr("Rule \"%1\" has no authentication method.").arg(name);
    return problems;
}

} // namespace ipsec
