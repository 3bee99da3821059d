#pragma once

#include <QWizardPage>

namespace ipsec::ui {

// A wizard page with one group of radio buttons. Each button is registered as a bool field
// named like its objectName, so wizards read the choice with field(name).toBool().
class ChoicePage : public QWizardPage {
    Q_OBJECT
public:
    struct Choice {
        QString text;
        QString name; // objectName and field name
    };

    ChoicePage(const QString &title, const QString &subTitle, const QList<Choice> &choices,
               int checked = 0, QWidget *parent = nullptr);
    // A line of explanation under the buttons (e.g. why one of them is disabled).
    void addNote(const QString &objectName, const QString &text);
};

} // namespace ipsec::ui
