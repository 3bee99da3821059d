#include "IkeMethodDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

void select(QComboBox *box, int value)
{
    box->setCurrentIndex(qMax(0, box->findData(value)));
}

} // namespace

IkeMethodDialog::IkeMethodDialog(const MainModeMethod &method, QWidget *parent)
    : QDialog(parent)
    , m_integrity(new QComboBox(this))
    , m_encryption(new QComboBox(this))
    , m_group(new QComboBox(this))
{
    setObjectName(u"ikeMethodDialog"_s);
    setWindowTitle(tr("IKE Security Algorithms"));
    using C = MainModeMethod::Cipher;
    using H = MainModeMethod::Hash;
    m_integrity->setObjectName(u"integrityCombo"_s);
    m_integrity->addItem(tr("SHA1"), int(H::Sha1));
    m_integrity->addItem(tr("MD5"), int(H::Md5));
    m_encryption->setObjectName(u"encryptionCombo"_s);
    m_encryption->addItem(tr("3DES"), int(C::TripleDes));
    m_encryption->addItem(tr("DES"), int(C::Des));
    m_encryption->addItem(tr("AES-128"), int(C::Aes128));
    m_encryption->addItem(tr("AES-192"), int(C::Aes192));
    m_encryption->addItem(tr("AES-256"), int(C::Aes256));
    m_group->setObjectName(u"groupCombo"_s);
    m_group->addItem(tr("Low (1)"), 1);
    m_group->addItem(tr("Medium (2)"), 2);
    m_group->addItem(tr("High (2048)"), 3);
    select(m_integrity, int(method.hash));
    select(m_encryption, int(method.cipher));
    select(m_group, method.dhGroup);

    auto *form = new QFormLayout;
    form->addRow(tr("&Integrity algorithm:"), m_integrity);
    form->addRow(tr("&Encryption algorithm:"), m_encryption);
    form->addRow(tr("&Diffie-Hellman group:"), m_group);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

MainModeMethod IkeMethodDialog::method() const
{
    MainModeMethod m;
    m.hash = MainModeMethod::Hash(m_integrity->currentData().toInt());
    m.cipher = MainModeMethod::Cipher(m_encryption->currentData().toInt());
    m.dhGroup = m_group->currentData().toInt();
    return m;
}

} // namespace ipsec::ui
