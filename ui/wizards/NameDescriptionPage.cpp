#include "wizards/NameDescriptionPage.h"

#include "model/Policy.h"
#include "wizards/WizardSupport.h"

#include <QFormLayout>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

NameDescriptionPage::NameDescriptionPage(const QString &title, const QString &subTitle,
                                         const QString &prefix, const char *what,
                                         const QStringList &taken, QWidget *parent)
    : QWizardPage(parent)
    , m_what(what)
    , m_taken(taken)
    , m_name(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_error(makeErrorLabel(prefix + u"NameError"_s, this))
{
    setTitle(title);
    setSubTitle(subTitle);
    m_name->setObjectName(prefix + u"NameEdit"_s);
    m_description->setObjectName(prefix + u"DescriptionEdit"_s);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Name:"), m_name);
    layout->addRow(tr("&Description:"), m_description);
    layout->addRow(m_error);
    registerField(prefix + u"Name*"_s, m_name);
    registerField(prefix + u"Description"_s, m_description);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_error->setText(m_name->text().isEmpty() ? QString() : problem());
        Q_EMIT completeChanged();
    });
}

QString NameDescriptionPage::problem() const
{
    const QString name = m_name->text();
    if (QString p = validateName(name, m_what); !p.isEmpty())
        return p;
    for (const QString &t : m_taken) {
        if (t.compare(name, Qt::CaseInsensitive) == 0)
            return tr("The name \"%1\" is taken; enter another name.").arg(name);
    }
    return {};
}

bool NameDescriptionPage::isComplete() const
{
    return QWizardPage::isComplete() && problem().isEmpty();
}

} // namespace ipsec::ui
