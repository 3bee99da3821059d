#pragma once

#include <QCoreApplication>
#include <QString>

namespace ipsec {
class Address;
struct Filter;
struct FilterAction;
struct Rule;
struct PolicyDatabase;
} // namespace ipsec

namespace ipsec::ui {

// The snap-in's wording for model values; one place so trees, tables and dialogs agree.
class DisplayText {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ui::DisplayText)
public:
    static QString address(const Address &a);
    static QString port(quint16 port);
    static QString filterSummary(const Filter &f);
    static QString yesNo(bool value);
    static QString actionType(const FilterAction &a);
    static QString securityMethods(const FilterAction &a);
    static QString ruleName(const PolicyDatabase &db, const Rule &r);
};

} // namespace ipsec::ui
