#pragma once

#include "model/PolicyDatabase.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace ipsec::ui {

// Rule properties: name, active, the filter list and filter action it joins (the snap-in's
// IP Filter List and Filter Action tabs), tunnel endpoint and connection type.
class RuleDialog : public QDialog {
    Q_OBJECT
public:
    RuleDialog(const Rule &rule, const PolicyDatabase &db, QWidget *parent = nullptr);
    Rule rule() const;
    void accept() override; // refuses (and says why) while the values are invalid

private:
    Rule m_rule;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_active = nullptr;
    QComboBox *m_filterList = nullptr;
    QComboBox *m_filterAction = nullptr;
    QLineEdit *m_tunnel = nullptr;
    QComboBox *m_connection = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
