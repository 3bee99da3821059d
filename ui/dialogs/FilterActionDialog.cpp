#include "FilterActionDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

FilterActionDialog::FilterActionDialog(const FilterAction &action, QWidget *parent)
    : QDialog(parent)
    , m_action(action)
    , m_name(new QLineEdit(action.name, this))
    , m_description(new QLineEdit(action.description, this))
    , m_type(new QComboBox(this))
    , m_inpass(
          new QCheckBox(tr("Accept unsecured communication, but always respond using IPsec"), this))
    , m_soft(
          new QCheckBox(tr("Allow unsecured communication with non-IPsec-aware computers"), this))
    , m_pfs(new QCheckBox(tr("Use session key perfect forward secrecy (PFS)"), this))
    , m_methods(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"filterActionDialog"_s);
    setWindowTitle(action.id ? tr("%1 Properties").arg(action.name) : tr("New Filter Action"));
    m_name->setObjectName(u"nameEdit"_s);
    m_description->setObjectName(u"descriptionEdit"_s);
    m_type->setObjectName(u"typeCombo"_s);
    m_type->addItem(tr("Permit"), int(FilterAction::Type::Permit));
    m_type->addItem(tr("Block"), int(FilterAction::Type::Block));
    m_type->addItem(tr("Negotiate security"), int(FilterAction::Type::Negotiate));
    m_type->setCurrentIndex(m_type->findData(int(action.type)));
    m_inpass->setObjectName(u"inpassCheck"_s);
    m_inpass->setChecked(action.inboundPassThrough);
    m_soft->setObjectName(u"softCheck"_s);
    m_soft->setChecked(action.allowUnsecured);
    m_pfs->setObjectName(u"pfsCheck"_s);
    m_pfs->setChecked(action.sessionKeyPfs);
    m_methods->setObjectName(u"securityMethodsEdit"_s);
    m_methods->setPlaceholderText(tr("One per line, e.g. ESP[3DES,SHA1]:100000k/3600s"));
    QStringList methods;
    for (const SecurityMethod &m : action.securityMethods)
        methods << m.toString();
    m_methods->setPlainText(methods.join(u'\n'));
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Action:"), m_type);
    form->addRow(m_inpass);
    form->addRow(m_soft);
    form->addRow(m_pfs);
    form->addRow(tr("&Security methods:"), m_methods);
    form->addRow(m_error);
    form->addRow(buttons);
    const auto negotiating = [this] {
        const bool on = m_type->currentData().toInt() == int(FilterAction::Type::Negotiate);
        for (QWidget *w : {static_cast<QWidget *>(m_inpass), static_cast<QWidget *>(m_soft),
                           static_cast<QWidget *>(m_pfs), static_cast<QWidget *>(m_methods)})
            w->setEnabled(on);
    };
    negotiating();
    connect(m_type, &QComboBox::currentIndexChanged, this, negotiating);
    connect(buttons, &QDialogButtonBox::accepted, this, &FilterActionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FilterActionDialog::reject);
}

Result<FilterAction> FilterActionDialog::filterAction() const
{
    FilterAction a = m_action;
    a.name = m_name->text().trimmed();
    a.description = m_description->text();
    a.type = FilterAction::Type(m_type->currentData().toInt());
    const bool negotiate = a.type == FilterAction::Type::Negotiate;
    a.inboundPassThrough = negotiate && m_inpass->isChecked();
    a.allowUnsecured = negotiate && m_soft->isChecked();
    a.sessionKeyPfs = negotiate && m_pfs->isChecked();
    a.securityMethods.clear();
    if (negotiate) {
        const QStringList lines = m_methods->toPlainText().split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            auto method = SecurityMethod::parse(QStringView(line).trimmed());
            if (!method)
                return method.error();
            a.securityMethods << method.value();
        }
    }
    if (const QStringList problems = a.validate(); !problems.isEmpty())
        return Error::usage(problems.join(u'\n'));
    return a;
}

void FilterActionDialog::accept()
{
    if (const auto a = filterAction(); !a) {
        m_error->setText(a.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace ipsec::ui
