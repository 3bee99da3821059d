#include "wizards/IpSecurityPolicyWizard.h"

#include "wizards/NameDescriptionPage.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

QWizardPage *responsePage(QWidget *parent)
{
    auto *page = new QWizardPage(parent);
    page->setTitle(IpSecurityPolicyWizard::tr("Requests for Secure Communication"));
    page->setSubTitle(IpSecurityPolicyWizard::tr(
        "The default response rule answers remote computers that request security when no "
        "other rule applies."));
    auto *check =
        new QCheckBox(IpSecurityPolicyWizard::tr("&Activate the default response rule"), page);
    check->setObjectName(u"activateDefaultResponse"_s);
    check->setChecked(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(check);
    layout->addStretch();
    return page;
}

} // namespace

IpSecurityPolicyWizard::IpSecurityPolicyWizard(const PolicyDatabase &database, QWidget *parent)
    : QWizard(parent)
{
    setObjectName(u"ipSecurityPolicyWizard"_s);
    setWindowTitle(tr("IP Security Policy Wizard"));
    QStringList taken;
    for (const Policy &p : database.policies)
        taken << p.name;
    setPage(Page_Name, new NameDescriptionPage(
                           tr("IP Security Policy Name"),
                           tr("Name this IP Security policy and give it a short "
                              "description."),
                           u"policy"_s, QT_TRANSLATE_NOOP("ipsec::Names", "policy"), taken, this));
    setPage(Page_Response, responsePage(this));
    auto *completing = new QWizardPage(this);
    completing->setTitle(tr("Completing the IP Security Policy Wizard"));
    auto *summary = new QLabel(completing);
    summary->setObjectName(u"policySummary"_s);
    summary->setWordWrap(true);
    (new QVBoxLayout(completing))->addWidget(summary);
    setPage(Page_Completing, completing);
    page(Page_Name)->setObjectName(u"policyNamePage"_s);
    page(Page_Response)->setObjectName(u"responsePage"_s);
    completing->setObjectName(u"completingPage"_s);
    connect(this, &QWizard::currentIdChanged, summary, [this, summary](int id) {
        if (id != Page_Completing)
            return;
        summary->setText(activateDefaultResponseRule()
                             ? tr("Policy \"%1\" will be created with an active default "
                                  "response rule.")
                                   .arg(policy().name)
                             : tr("Policy \"%1\" will be created; its default response rule is "
                                  "inactive.")
                                   .arg(policy().name));
    });
}

Policy IpSecurityPolicyWizard::policy() const
{
    Policy p;
    p.name = field(u"policyName"_s).toString();
    p.description = field(u"policyDescription"_s).toString();
    return p;
}

bool IpSecurityPolicyWizard::activateDefaultResponseRule() const
{
    const auto *check = findChild<QCheckBox *>(u"activateDefaultResponse"_s);
    return check && check->isChecked();
}

} // namespace ipsec::ui
