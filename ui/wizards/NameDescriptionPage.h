#pragma once

#include <QStringList>
#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace ipsec::ui {

// Name and description of a new named object (policy, filter action). Registers the fields
// "<prefix>Name*" and "<prefix>Description"; refuses invalid names and names already taken.
class NameDescriptionPage : public QWizardPage {
    Q_OBJECT
public:
    // what: the untranslated kind for validateName(), e.g. QT_TRANSLATE_NOOP("ipsec::Names",
    // "policy"); taken: the names in use (compared case-insensitively).
    NameDescriptionPage(const QString &title, const QString &subTitle, const QString &prefix,
                        const char *what, const QStringList &taken, QWidget *parent = nullptr);
    bool isComplete() const override;

private:
    QString problem() const;

    const char *m_what;
    QStringList m_taken;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
