#include "wizards/FilterActionWizard.h"

#include "wizards/ChoicePage.h"
#include "wizards/FilterActionSecurityPage.h"
#include "wizards/NameDescriptionPage.h"
#include "wizards/WizardSupport.h"

#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

// Shows the action and refuses Finish while FilterAction::validate() has objections.
class CompletingPage : public QWizardPage {
public:
    explicit CompletingPage(FilterActionWizard &wizard)
        : QWizardPage(&wizard)
        , m_wizard(wizard)
        , m_problems(makeErrorLabel(u"actionError"_s, this))
    {
        setTitle(FilterActionWizard::tr("Completing the Filter Action Wizard"));
        (new QVBoxLayout(this))->addWidget(m_problems);
    }
    void initializePage() override
    {
        m_problems->setText(m_wizard.action().validate().join(u'\n'));
    }
    bool validatePage() override { return m_wizard.action().validate().isEmpty(); }

private:
    FilterActionWizard &m_wizard;
    QLabel *m_problems;
};

} // namespace

FilterActionWizard::FilterActionWizard(const PolicyDatabase &database, QWidget *parent)
    : QWizard(parent)
    , m_security(new FilterActionSecurityPage(this))
{
    setObjectName(u"filterActionWizard"_s);
    setWindowTitle(tr("Filter Action Wizard"));
    QStringList taken;
    for (const FilterAction &a : database.filterActions)
        taken << a.name;
    setPage(Page_Name,
            new NameDescriptionPage(tr("Filter Action Name"),
                                    tr("Name this filter action and give it a "
                                       "short description."),
                                    u"action"_s, QT_TRANSLATE_NOOP("ipsec::Names", "filter action"),
                                    taken, this));
    setPage(Page_General, new ChoicePage(tr("Filter Action General Options"),
                                         tr("Set the filter action behavior."),
                                         {{tr("&Permit"), u"actionPermit"_s},
                                          {tr("&Block"), u"actionBlock"_s},
                                          {tr("&Negotiate security"), u"actionNegotiate"_s}},
                                         2, this));
    setPage(Page_Fallback,
            new ChoicePage(tr("Communicating with computers that do not support IPSec"),
                           tr("Communication with computers that do not support IPSec may "
                              "expose your network to security risks."),
                           {{tr("&Do not communicate with computers that do not support IPSec"),
                             u"fallbackNever"_s},
                            {tr("&Fall back to unsecured communication"), u"fallbackUnsecured"_s}},
                           0, this));
    setPage(Page_Security, m_security);
    setPage(Page_Completing, new CompletingPage(*this));
    const QStringList names{u"actionNamePage"_s, u"generalPage"_s, u"fallbackPage"_s,
                            u"securityPage"_s, u"completingPage"_s};
    for (int id : pageIds())
        page(id)->setObjectName(names.at(id));
}

int FilterActionWizard::nextId() const
{
    switch (currentId()) {
    case Page_General:
        return field(u"actionNegotiate"_s).toBool() ? Page_Fallback : Page_Completing;
    case Page_Completing:
        return -1;
    default:
        return QWizard::nextId();
    }
}

FilterAction FilterActionWizard::action() const
{
    FilterAction a;
    a.name = field(u"actionName"_s).toString();
    a.description = field(u"actionDescription"_s).toString();
    if (field(u"actionPermit"_s).toBool()) {
        a.type = FilterAction::Type::Permit;
    } else if (field(u"actionBlock"_s).toBool()) {
        a.type = FilterAction::Type::Block;
    } else {
        a.type = FilterAction::Type::Negotiate;
        a.allowUnsecured = field(u"fallbackUnsecured"_s).toBool();
        a.sessionKeyPfs = m_security->sessionKeyPfs();
        a.securityMethods = {m_security->method()};
    }
    return a;
}

} // namespace ipsec::ui
