#include "wizards/ChoicePage.h"

#include "wizards/WizardSupport.h"

#include <QButtonGroup>
#include <QLabel>
#include <QVBoxLayout>

namespace ipsec::ui {

ChoicePage::ChoicePage(const QString &title, const QString &subTitle, const QList<Choice> &choices,
                       int checked, QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(title);
    setSubTitle(subTitle);
    auto *layout = new QVBoxLayout(this);
    auto *group = new QButtonGroup(this);
    for (qsizetype i = 0; i < choices.size(); ++i) {
        auto *radio = makeRadio(choices.at(i).text, choices.at(i).name, this);
        radio->setChecked(i == checked);
        group->addButton(radio);
        layout->addWidget(radio);
        registerField(choices.at(i).name, radio);
    }
    layout->addStretch();
}

void ChoicePage::addNote(const QString &objectName, const QString &text)
{
    auto *note = new QLabel(text, this);
    note->setObjectName(objectName);
    note->setWordWrap(true);
    // Above the stretch, under the buttons.
    auto *box = static_cast<QVBoxLayout *>(layout());
    box->insertWidget(box->count() - 1, note);
}

} // namespace ipsec::ui
