#include "wizards/FilterActionSecurityPage.h"

#include "wizards/WizardSupport.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

QComboBox *makeCombo(const QString &objectName, const QStringList &items, int current,
                     QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->addItems(items);
    combo->setCurrentIndex(current);
    return combo;
}

QSpinBox *makeLifetime(const QString &objectName, int max, const QString &suffix, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(0, max);
    spin->setSuffix(suffix);
    spin->setSpecialValueText(FilterActionSecurityPage::tr("default"));
    return spin;
}

} // namespace

FilterActionSecurityPage::FilterActionSecurityPage(QWidget *parent)
    : QWizardPage(parent)
    , m_integrityEncryption(makeRadio(tr("&Integrity and encryption (ESP 3DES, SHA1)"),
                                      u"securityIntegrityEncryption"_s, this))
    , m_integrityOnly(makeRadio(tr("Integrity &only (ESP SHA1, no encryption)"),
                                u"securityIntegrityOnly"_s, this))
    , m_custom(makeRadio(tr("&Custom"), u"securityCustom"_s, this))
    , m_ah(new QCheckBox(tr("Data and address integrity without encryption (&AH):"), this))
    , m_ahHash(makeCombo(u"ahHashCombo"_s, {u"MD5"_s, u"SHA1"_s}, 1, this))
    , m_esp(new QCheckBox(tr("Data integrity and encryption (&ESP):"), this))
    , m_espHash(makeCombo(u"espHashCombo"_s, {tr("None"), u"MD5"_s, u"SHA1"_s}, 2, this))
    , m_espCipher(makeCombo(u"espCipherCombo"_s, {tr("None"), u"DES"_s, u"3DES"_s}, 2, this))
    , m_kbytes(makeLifetime(u"lifetimeKBytesSpin"_s, 2147483647, tr(" KB"), this))
    , m_seconds(makeLifetime(u"lifetimeSecondsSpin"_s, 2147483647, tr(" s"), this))
    , m_pfs(new QCheckBox(tr("Use session key &perfect forward secrecy (PFS)"), this))
    , m_error(makeErrorLabel(u"securityError"_s, this))
{
    setTitle(tr("IP Traffic Security"));
    setSubTitle(tr("Specify the security method for IP traffic."));
    m_ah->setObjectName(u"ahCheck"_s);
    m_esp->setObjectName(u"espCheck"_s);
    m_esp->setChecked(true);
    m_pfs->setObjectName(u"sessionKeyPfsCheck"_s);
    m_integrityEncryption->setChecked(true);
    auto *group = new QButtonGroup(this);
    for (auto *radio : {m_integrityEncryption, m_integrityOnly, m_custom})
        group->addButton(radio);
    auto *custom = new QFormLayout;
    custom->addRow(m_ah, m_ahHash);
    custom->addRow(m_esp, m_espHash);
    custom->addRow(tr("Encryption algorithm:"), m_espCipher);
    custom->addRow(tr("Generate a new key every:"), m_kbytes);
    custom->addRow(tr("or every:"), m_seconds);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_integrityEncryption);
    layout->addWidget(m_integrityOnly);
    layout->addWidget(m_custom);
    layout->addLayout(custom);
    layout->addWidget(m_pfs);
    layout->addWidget(m_error);
    layout->addStretch();
    connect(m_custom, &QRadioButton::toggled, this, &FilterActionSecurityPage::updateState);
    for (auto *check : {m_ah, m_esp})
        connect(check, &QCheckBox::toggled, this, &FilterActionSecurityPage::updateState);
    for (auto *combo : {m_ahHash, m_espHash, m_espCipher})
        connect(combo, &QComboBox::currentIndexChanged, this,
                &FilterActionSecurityPage::updateState);
    for (auto *spin : {m_kbytes, m_seconds})
        connect(spin, &QSpinBox::valueChanged, this, &FilterActionSecurityPage::updateState);
    updateState();
}

SecurityMethod FilterActionSecurityPage::method() const
{
    SecurityMethod m; // ESP[3DES,SHA1]
    if (m_integrityOnly->isChecked()) {
        m.espCipher = SecurityMethod::Cipher::None;
    } else if (m_custom->isChecked()) {
        m.ah = m_ah->isChecked();
        m.ahHash = SecurityMethod::Hash(m_ahHash->currentIndex() + 1);
        m.esp = m_esp->isChecked();
        m.espHash = SecurityMethod::Hash(m_espHash->currentIndex());
        m.espCipher = SecurityMethod::Cipher(m_espCipher->currentIndex());
        m.lifetimeKBytes = quint32(m_kbytes->value());
        m.lifetimeSeconds = quint32(m_seconds->value());
    }
    return m;
}

bool FilterActionSecurityPage::sessionKeyPfs() const
{
    return m_pfs->isChecked();
}

bool FilterActionSecurityPage::isComplete() const
{
    return method().validate().isEmpty();
}

void FilterActionSecurityPage::updateState()
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_ah, m_ahHash, m_esp, m_espHash,
                                                       m_espCipher, m_kbytes, m_seconds})
        w->setEnabled(m_custom->isChecked());
    m_error->setText(method().validate().join(u'\n'));
    Q_EMIT completeChanged();
}

} // namespace ipsec::ui
