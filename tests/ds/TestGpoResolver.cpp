// Which GPOs apply to a computer and which IPsec policy wins (issue 15): gPLink parsing, the
// container chain above a computer object, link order, disabled and enforced links, block
// inheritance, GPOs with computer settings disabled. A pure function: no DC needed.

#include "ds/GpoResolver.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ds;

namespace {

const QString Domain = u"DC=corp,DC=test"_s;
const QString Corp = u"OU=Corp,DC=corp,DC=test"_s;
const QString Workstations = u"OU=Workstations,OU=Corp,DC=corp,DC=test"_s;
const QString Computer = u"CN=WS17,OU=Workstations,OU=Corp,DC=corp,DC=test"_s;

QString gpo(char letter)
{
    return u"CN={%1000000-0000-0000-0000-000000000000},CN=Policies,CN=System,DC=corp,DC=test"_s.arg(
        QChar::fromLatin1(letter));
}

QString link(char letter, int options)
{
    return u"[LDAP://%1;%2]"_s.arg(gpo(letter)).arg(options);
}

QString ipsecPolicy(char letter)
{
    return u"CN=ipsecPolicy{%1}, CN=IP Security,CN=System,DC=corp,DC=test"_s.arg(
        QChar::fromLatin1(letter));
}

struct Directory {
    QHash<QString, SomInfo> soms;
    QHash<QString, GpoInfo> gpos;
    void som(const QString &dn, const QString &gpLink, quint32 options = 0)
    {
        soms.insert(GpoResolver::normalizedDn(dn), {gpLink, options});
    }
    void addGpo(char letter, bool assignsIpsec, quint32 flags = 0)
    {
        gpos.insert(GpoResolver::normalizedDn(gpo(letter)),
                    {QString(QChar::fromLatin1(letter)), flags,
                     assignsIpsec ? ipsecPolicy(letter) : QString()});
    }
    QString applied() const
    {
        auto r = GpoResolver::resolve(Computer, Domain, soms, gpos);
        if (!r)
            return r.error().message;
        QString out;
        for (const AppliedGpo &a : r->applied)
            out += gpos.value(GpoResolver::normalizedDn(a.gpoDn)).displayName
                   + (a.enforced ? u"!"_s : QString());
        return out;
    }
    QString winner() const
    {
        auto r = GpoResolver::resolve(Computer, Domain, soms, gpos);
        return r ? r->ipsecPolicyDn : r.error().message;
    }
};

} // namespace

class TestGpoResolver : public QObject {
    Q_OBJECT

private slots:
    void parsesGpLink()
    {
        auto links = GpoResolver::parseGpLink(link('A', 0) + link('B', 1) + u"[ldap://"_s + gpo('C')
                                              + u";2]"_s + link('D', 3));
        QVERIFY(links);
        QCOMPARE(links->size(), 4);
        QCOMPARE(links->at(0), (GpoLink{gpo('A'), false, false}));
        QCOMPARE(links->at(1), (GpoLink{gpo('B'), true, false}));
        QCOMPARE(links->at(2), (GpoLink{gpo('C'), false, true}));
        QCOMPARE(links->at(3), (GpoLink{gpo('D'), true, true}));
        QVERIFY(GpoResolver::parseGpLink(u" "_s)->isEmpty()); // block inheritance, no links
        QVERIFY(GpoResolver::parseGpLink(QString())->isEmpty());
        for (const QString &bad : {u"[LDAP://cn=x]"_s, u"LDAP://cn=x;0"_s, u"[LDAP://cn=x;0"_s,
                                   u"[cn=x;0]"_s, u"[LDAP://cn=x;zero]"_s}) {
            auto r = GpoResolver::parseGpLink(bad);
            QVERIFY2(!r, qPrintable(bad));
            QVERIFY(r.error().message.contains(bad));
        }
    }

    void scopeChainFromTheDomainInwards()
    {
        QCOMPARE(*GpoResolver::scopeChain(Computer, Domain),
                 (QStringList{Domain, Corp, Workstations}));
        QCOMPARE(*GpoResolver::scopeChain(u"CN=WS1,CN=Computers,DC=corp,DC=test"_s, Domain),
                 QStringList{Domain});
        QCOMPARE(*GpoResolver::scopeChain(u"cn=ws2, ou=Sales\\, East ,dc=CORP,dc=test"_s, Domain),
                 (QStringList{Domain, u"ou=Sales\\, East,dc=CORP,dc=test"_s}));
        QVERIFY(!GpoResolver::scopeChain(u"CN=WS3,DC=other,DC=test"_s, Domain));
        QVERIFY(!GpoResolver::scopeChain(Domain, Domain));
    }

    void linkOrderAndContainerOrder()
    {
        Directory d;
        // gPLink lists links in reverse precedence: B (link order 1) wins over A.
        d.som(Domain, link('A', 0) + link('B', 0));
        d.som(Workstations, link('C', 0));
        for (char c : {'A', 'B', 'C'})
            d.addGpo(c, c != 'C');
        QCOMPARE(d.applied(), u"ABC"_s);
        QCOMPARE(d.winner(), ipsecPolicy('B')); // C assigns none, B is the last that does
        d.addGpo('C', true);
        QCOMPARE(d.winner(), ipsecPolicy('C')); // the OU closest to the computer wins
    }

    void disabledLinksDeletedAndDisabledGposAreSkipped()
    {
        Directory d;
        d.som(Domain, link('A', 0));
        d.som(Corp, link('B', 1) + link('X', 0)); // B's link disabled, X deleted
        d.som(Workstations, link('C', 0));
        d.addGpo('A', true);
        d.addGpo('B', true);
        d.addGpo('C', true, 2); // computer settings disabled
        QCOMPARE(d.applied(), u"A"_s);
        QCOMPARE(d.winner(), ipsecPolicy('A'));
        d.addGpo('C', true, 1); // only user settings disabled: applies
        QCOMPARE(d.winner(), ipsecPolicy('C'));
    }

    void blockInheritanceAndEnforcedLinks()
    {
        Directory d;
        d.som(Domain, link('A', 0) + link('E', 2));
        d.som(Corp, link('B', 0));
        d.som(Workstations, link('C', 0), 1); // block inheritance
        for (char c : {'A', 'B', 'C', 'E'})
            d.addGpo(c, true);
        // A and B are blocked; the domain's enforced E still applies, last, and wins.
        QCOMPARE(d.applied(), u"CE!"_s);
        QCOMPARE(d.winner(), ipsecPolicy('E'));
        // An enforced link at the OU too: the domain's enforced link still wins.
        d.som(Workstations, link('C', 2), 1);
        QCOMPARE(d.applied(), u"C!E!"_s);
        QCOMPARE(d.winner(), ipsecPolicy('E'));
        // Without any enforcement and without blocking: plain order, the OU's wins.
        d.som(Domain, link('A', 0) + link('E', 0));
        d.som(Workstations, link('C', 0));
        QCOMPARE(d.applied(), u"AEBC"_s);
        QCOMPARE(d.winner(), ipsecPolicy('C'));
    }

    void namesCompareWithoutCaseOrBlanks()
    {
        Directory d;
        d.som(u"dc=CORP, dc=test"_s, link('A', 0).toLower());
        d.addGpo('A', true);
        QCOMPARE(d.winner(), ipsecPolicy('A'));
        d.som(Domain, u"[LDAP://cn=broken"_s);
        QVERIFY(d.winner().contains(u"unclosed"_s));
    }
};

QTEST_GUILESS_MAIN(TestGpoResolver)
#include "TestGpoResolver.moc"
