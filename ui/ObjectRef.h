#pragma once

#include <QtGlobal>

namespace ipsec::ui {

// Which store object a view row stands for; what actions and dialogs act on.
struct ObjectRef {
    enum class Kind { None, Policy, Rule, FilterList, FilterAction, Filter };
    Kind kind = Kind::None;
    qint64 id = 0;        // the object's store id; for a filter: its list's id
    int filterIndex = -1; // for a filter: its position in the list
    qint64 policyId = 0;  // for a rule (and what lies below it): the owning policy

    bool isValid() const { return kind != Kind::None; }
    friend bool operator==(const ObjectRef &, const ObjectRef &) = default;
};

} // namespace ipsec::ui
