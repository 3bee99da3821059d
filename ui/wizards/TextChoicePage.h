#pragma once

#include <QWizardPage>

#include <functional>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace ipsec::ui {

// Radio buttons of which some take a value (tunnel endpoint, CA name, preshared key). Radios and
// edits are named and registered as fields by their objectNames; check() says what is wrong
// with the chosen value (empty: fine) and keeps Next disabled until it is fixed.
class TextChoicePage : public QWizardPage {
    Q_OBJECT
public:
    struct Choice {
        QString text;
        QString name;
        QString editName; // empty: this choice takes no value
    };
    using Check = std::function<QString(int choice, const QString &value)>;

    TextChoicePage(const QString &title, const QString &subTitle, const QList<Choice> &choices,
                   Check check, QWidget *parent = nullptr);
    bool isComplete() const override;
    int choice() const;
    QString value() const; // the chosen choice's edit, trimmed

private:
    void updateState();

    QList<QRadioButton *> m_radios;
    QList<QLineEdit *> m_edits; // nullptr where a choice takes no value
    Check m_check;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
