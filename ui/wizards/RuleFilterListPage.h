#pragma once

#include "model/PolicyDatabase.h"

#include <QWizardPage>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;

namespace ipsec::ui {

// IP Filter List of the Security Rule Wizard: one of the store's lists, or a new list whose
// filters are added with the IP Filter Wizard.
class RuleFilterListPage : public QWizardPage {
    Q_OBJECT
public:
    explicit RuleFilterListPage(const PolicyDatabase &database, QWidget *parent = nullptr);
    bool isComplete() const override;

    qint64 existingListId() const;             // 0 when a new list is chosen
    std::optional<FilterList> newList() const; // set when a new list is chosen
    void addFilter(const Filter &filter);      // to the new list (what the IP Filter Wizard made)

private:
    QString problem() const;
    void openFilterWizard();
    void updateState();

    QStringList m_taken;
    QList<Filter> m_filters;
    QRadioButton *m_existing = nullptr;
    QComboBox *m_lists = nullptr;
    QRadioButton *m_new = nullptr;
    QLineEdit *m_name = nullptr;
    QListWidget *m_filterView = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
