#include "PolicyDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

PolicyDialog::PolicyDialog(const Policy &policy, QWidget *parent)
    : QDialog(parent)
    , m_policy(policy)
    , m_name(new QLineEdit(policy.name, this))
    , m_description(new QPlainTextEdit(policy.description, this))
    , m_polling(new QSpinBox(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"policyDialog"_s);
    setWindowTitle(policy.id ? tr("%1 Properties").arg(policy.name) : tr("New IP Security Policy"));
    m_name->setObjectName(u"nameEdit"_s);
    m_description->setObjectName(u"descriptionEdit"_s);
    m_polling->setObjectName(u"pollingSpin"_s);
    m_polling->setRange(1, 43200);
    m_polling->setSuffix(tr(" minute(s)"));
    m_polling->setValue(policy.pollingIntervalMinutes);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Check for policy changes every:"), m_polling);
    form->addRow(m_error);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PolicyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PolicyDialog::reject);
}

Policy PolicyDialog::policy() const
{
    Policy p = m_policy;
    p.name = m_name->text().trimmed();
    p.description = m_description->toPlainText();
    p.pollingIntervalMinutes = m_polling->value();
    return p;
}

void PolicyDialog::accept()
{
    if (const QStringList problems = policy().validate(); !problems.isEmpty()) {
        m_error->setText(problems.join(u'\n'));
        return;
    }
    QDialog::accept();
}

} // namespace ipsec::ui
