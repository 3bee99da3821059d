#include "wizards/SecurityRuleWizard.h"

#include "wizards/ChoicePage.h"
#include "wizards/RuleFilterActionPage.h"
#include "wizards/RuleFilterListPage.h"
#include "wizards/TextChoicePage.h"

#include <QComboBox>
#include <QHostAddress>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

SecurityRuleWizard::SecurityRuleWizard(const PolicyDatabase &database, qint64 policyId,
                                       QWidget *parent)
    : QWizard(parent)
    , m_policyId(policyId)
{
    setObjectName(u"securityRuleWizard"_s);
    setWindowTitle(tr("Security Rule Wizard"));
    m_tunnel = new TextChoicePage(
        tr("Tunnel Endpoint"),
        tr("The tunnel endpoint is the tunneling computer closest to the IP traffic "
           "destination."),
        {{tr("This rule does &not specify a tunnel"), u"tunnelNone"_s, {}},
         {tr("The tunnel endpoint is specified by this &IP address:"), u"tunnelAddress"_s,
          u"tunnelEndpointEdit"_s}},
        [](int choice, const QString &value) -> QString {
            if (choice == 1 && QHostAddress(value).isNull())
                return tr("\"%1\" is not an IP address.").arg(value);
            return {};
        },
        this);
    auto *network = new ChoicePage(tr("Network Type"),
                                   tr("Select the network type this security rule applies to."),
                                   {{tr("&All network connections"), u"connectionAll"_s},
                                    {tr("&Local area network (LAN)"), u"connectionLan"_s},
                                    {tr("&Remote access"), u"connectionDialup"_s}},
                                   0, this);
    m_lists = new RuleFilterListPage(database, this);
    m_actions = new RuleFilterActionPage(database, this);
    m_auth = new TextChoicePage(
        tr("Authentication Method"),
        tr("How computers establish trust when they negotiate security."),
        {{tr("Active Directory default (&Kerberos V5 protocol)"), u"authKerberos"_s, {}},
         {tr("Use a &certificate from this certification authority (CA):"), u"authCertificate"_s,
          u"certificateAuthorityEdit"_s},
         {tr("Use this &string to protect the key exchange (preshared key):"), u"authPreshared"_s,
          u"presharedKeyEdit"_s}},
        [](int choice, const QString &value) -> QString {
            if (choice == 1 && value.isEmpty())
                return tr("Enter the name of the certification authority.");
            if (choice == 2 && value.isEmpty())
                return tr("Enter the preshared key.");
            return {};
        },
        this);
    auto *completing = new QWizardPage(this);
    completing->setTitle(tr("Completing the Security Rule Wizard"));
    auto *summary = new QLabel(completing);
    summary->setObjectName(u"ruleSummary"_s);
    summary->setWordWrap(true);
    (new QVBoxLayout(completing))->addWidget(summary);

    setPage(Page_Tunnel, m_tunnel);
    setPage(Page_NetworkType, network);
    setPage(Page_FilterList, m_lists);
    setPage(Page_FilterAction, m_actions);
    setPage(Page_Authentication, m_auth);
    setPage(Page_Completing, completing);
    const QStringList names{u"tunnelPage"_s,       u"networkTypePage"_s,    u"filterListPage"_s,
                            u"filterActionPage"_s, u"authenticationPage"_s, u"completingPage"_s};
    for (int id : pageIds())
        page(id)->setObjectName(names.at(id));
    connect(this, &QWizard::currentIdChanged, summary, [this, summary](int id) {
        if (id != Page_Completing)
            return;
        const auto list = newFilterList();
        const auto action = newFilterAction();
        const QString listText =
            list ? tr("\"%1\" (new, %n filter(s))", nullptr, int(list->filters.size()))
                       .arg(list->name)
                 : tr("\"%1\"").arg(rule().name);
        const QString actionText = action ? tr("\"%1\" (new)").arg(action->name)
                                          : tr("\"%1\"").arg(m_actions->chosenName());
        summary->setText(tr("The rule will use the filter list %1 and the filter action %2.")
                             .arg(listText, actionText));
    });
}

int SecurityRuleWizard::nextId() const
{
    switch (currentId()) {
    case Page_FilterAction:
        // As on XP/2003: authentication only matters when the action negotiates.
        return m_actions->chosenType() == FilterAction::Type::Negotiate ? Page_Authentication
                                                                        : Page_Completing;
    case Page_Completing:
        return -1;
    default:
        return QWizard::nextId();
    }
}

Rule SecurityRuleWizard::rule() const
{
    Rule r;
    r.policyId = m_policyId;
    r.filterListId = m_lists->existingListId();
    r.filterActionId = m_actions->existingActionId();
    if (const auto list = newFilterList())
        r.name = list->name;
    else if (const auto *l = findChild<QComboBox *>(u"filterListCombo"_s))
        r.name = l->currentText();
    if (m_tunnel->choice() == 1)
        r.tunnelEndpoint = m_tunnel->value();
    if (field(u"connectionLan"_s).toBool())
        r.connectionType = Rule::ConnectionType::Lan;
    else if (field(u"connectionDialup"_s).toBool())
        r.connectionType = Rule::ConnectionType::Dialup;
    if (m_actions->chosenType() == FilterAction::Type::Negotiate) {
        AuthMethod m;
        if (m_auth->choice() == 1)
            m = {AuthMethod::Kind::Certificate, m_auth->value()};
        else if (m_auth->choice() == 2)
            m = {AuthMethod::Kind::PresharedKey, m_auth->value()};
        r.authMethods = {m};
    }
    return r;
}

std::optional<FilterList> SecurityRuleWizard::newFilterList() const
{
    return m_lists->newList();
}

std::optional<FilterAction> SecurityRuleWizard::newFilterAction() const
{
    return m_actions->newAction();
}

} // namespace ipsec::ui
