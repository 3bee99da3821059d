#include "wizards/TextChoicePage.h"

#include "wizards/WizardSupport.h"

#include <QButtonGroup>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

TextChoicePage::TextChoicePage(const QString &title, const QString &subTitle,
                               const QList<Choice> &choices, Check check, QWidget *parent)
    : QWizardPage(parent)
    , m_check(std::move(check))
{
    setTitle(title);
    setSubTitle(subTitle);
    auto *group = new QButtonGroup(this);
    auto *layout = new QVBoxLayout(this);
    for (const Choice &c : choices) {
        auto *radio = makeRadio(c.text, c.name, this);
        group->addButton(radio);
        layout->addWidget(radio);
        registerField(c.name, radio);
        connect(radio, &QRadioButton::toggled, this, &TextChoicePage::updateState);
        m_radios << radio;
        QLineEdit *edit = nullptr;
        if (!c.editName.isEmpty()) {
            edit = new QLineEdit(this);
            edit->setObjectName(c.editName);
            layout->addWidget(edit);
            registerField(c.editName, edit);
            connect(edit, &QLineEdit::textEdited, radio, [radio] { radio->setChecked(true); });
            connect(edit, &QLineEdit::textChanged, this, &TextChoicePage::updateState);
        }
        m_edits << edit;
    }
    m_error = makeErrorLabel(choices.value(0).name + u"Error"_s, this);
    layout->addWidget(m_error);
    layout->addStretch();
    if (!m_radios.isEmpty())
        m_radios.first()->setChecked(true);
}

int TextChoicePage::choice() const
{
    for (qsizetype i = 0; i < m_radios.size(); ++i) {
        if (m_radios.at(i)->isChecked())
            return int(i);
    }
    return -1;
}

QString TextChoicePage::value() const
{
    const int c = choice();
    return c >= 0 && m_edits.at(c) ? m_edits.at(c)->text().trimmed() : QString();
}

bool TextChoicePage::isComplete() const
{
    return m_check(choice(), value()).isEmpty();
}

void TextChoicePage::updateState()
{
    const int c = choice();
    const bool untouched = c >= 0 && m_edits.at(c) && m_edits.at(c)->text().isEmpty();
    m_error->setText(untouched ? QString() : m_check(c, value()));
    Q_EMIT completeChanged();
}

} // namespace ipsec::ui
