#pragma once

#include <Qt>

namespace ipsec::ui {

// Roles shared by every item model of the console.
enum ModelRole {
    RawValueRole = Qt::UserRole + 1, // sortable value (numbers, dates, bools) behind the text
    IdRole,                          // store id of the object in the row (qint64)
    KindRole,                        // ObjectRef::Kind of the object (tree model)
    KeyRole,                         // stable text key of an item, survives a reload
};

} // namespace ipsec::ui
