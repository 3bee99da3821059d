#include "PolicyTreeModel.h"

#include "DisplayText.h"
#include "ModelRoles.h"

using namespace Qt::StringLiterals;

namespace ipsec::ui {

struct PolicyTreeModel::Item {
    ObjectRef ref;
    Item *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Item>> children;

    Item *add(const ObjectRef &childRef)
    {
        auto child = std::make_unique<Item>();
        child->ref = childRef;
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

PolicyTreeModel::PolicyTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Item>())
{
}

PolicyTreeModel::~PolicyTreeModel() = default;

void PolicyTreeModel::setDatabase(const PolicyDatabase &db)
{
    beginResetModel();
    m_db = db;
    build();
    endResetModel();
}

void PolicyTreeModel::build()
{
    using Kind = ObjectRef::Kind;
    m_root = std::make_unique<Item>();
    for (const Policy &p : std::as_const(m_db.policies)) {
        Item *policy = m_root->add({Kind::Policy, p.id, -1, p.id});
        for (const Rule *r : m_db.rulesOf(p.id)) {
            Item *rule = policy->add({Kind::Rule, r->id, -1, p.id});
            if (const FilterList *list = m_db.filterList(r->filterListId)) {
                Item *listItem = rule->add({Kind::FilterList, list->id, -1, p.id});
                for (int i = 0; i < list->filters.size(); ++i)
                    listItem->add({Kind::Filter, list->id, i, p.id});
            }
            if (const FilterAction *action = m_db.filterAction(r->filterActionId))
                rule->add({Kind::FilterAction, action->id, -1, p.id});
        }
    }
}

PolicyTreeModel::Item *PolicyTreeModel::itemForIndex(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return static_cast<Item *>(index.internalPointer());
}

ObjectRef PolicyTreeModel::objectAt(const QModelIndex &index) const
{
    return index.isValid() ? itemForIndex(index)->ref : ObjectRef{};
}

QModelIndex PolicyTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Item *parentItem = itemForIndex(parent);
    return createIndex(row, column, parentItem->children.at(size_t(row)).get());
}

QModelIndex PolicyTreeModel::parent(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    Item *parentItem = itemForIndex(index)->parent;
    if (!parentItem || parentItem == m_root.get())
        return {};
    return createIndex(parentItem->row, 0, parentItem);
}

int PolicyTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(itemForIndex(parent)->children.size());
}

int PolicyTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PolicyTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Item &item = *itemForIndex(index);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return text(item, index.column());
    case Qt::EditRole:
        return index.column() == NameColumn ? plainName(item.ref) : text(item, index.column());
    case IdRole:
        return item.ref.id;
    case KindRole:
        return int(item.ref.kind);
    case KeyRole:
        return key(item);
    case RawValueRole:
        return text(item, index.column());
    default:
        return {};
    }
}

QString PolicyTreeModel::text(const Item &item, int column) const
{
    using Kind = ObjectRef::Kind;
    const ObjectRef &ref = item.ref;
    switch (ref.kind) {
    case Kind::Policy:
        if (const Policy *p = m_db.policy(ref.id))
            return column == NameColumn ? p->name : p->description;
        break;
    case Kind::Rule:
        if (const Rule *r = m_db.rule(ref.id))
            return column == NameColumn ? DisplayText::ruleName(m_db, *r) : r->description;
        break;
    case Kind::FilterList:
        if (const FilterList *l = m_db.filterList(ref.id))
            return column == NameColumn ? tr("IP Filter List: %1").arg(l->name) : l->description;
        break;
    case Kind::FilterAction:
        if (const FilterAction *a = m_db.filterAction(ref.id))
            return column == NameColumn ? tr("Filter Action: %1").arg(a->name) : a->description;
        break;
    case Kind::Filter:
        if (const FilterList *l = m_db.filterList(ref.id)) {
            const Filter &f = l->filters.at(ref.filterIndex);
            return column == NameColumn ? DisplayText::filterSummary(f) : f.description;
        }
        break;
    case Kind::None:
        break;
    }
    return {};
}

QString PolicyTreeModel::plainName(const ObjectRef &ref) const
{
    using Kind = ObjectRef::Kind;
    switch (ref.kind) {
    case Kind::Policy:
        return m_db.policy(ref.id) ? m_db.policy(ref.id)->name : QString();
    case Kind::Rule:
        return m_db.rule(ref.id) ? m_db.rule(ref.id)->name : QString();
    case Kind::FilterList:
        return m_db.filterList(ref.id) ? m_db.filterList(ref.id)->name : QString();
    case Kind::FilterAction:
        return m_db.filterAction(ref.id) ? m_db.filterAction(ref.id)->name : QString();
    default:
        return {};
    }
}

Qt::ItemFlags PolicyTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (!index.isValid() || index.column() != NameColumn)
        return f;
    const ObjectRef &ref = itemForIndex(index)->ref;
    using Kind = ObjectRef::Kind;
    const bool named =
        ref.kind == Kind::Policy || ref.kind == Kind::FilterList || ref.kind == Kind::FilterAction
        || (ref.kind == Kind::Rule && m_db.rule(ref.id) && !m_db.rule(ref.id)->defaultResponse);
    return named ? f | Qt::ItemIsEditable : f;
}

bool PolicyTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const ObjectRef ref = itemForIndex(index)->ref;
    const QString name = value.toString().trimmed();
    if (name != plainName(ref))
        Q_EMIT renameRequested(ref, name);
    return false; // the store's answer comes with the reload
}

QString PolicyTreeModel::key(const Item &item) const
{
    QString k = QString::number(int(item.ref.kind)) + u':' + QString::number(item.ref.id) + u':'
                + QString::number(item.ref.filterIndex);
    return item.parent && item.parent != m_root.get() ? key(*item.parent) + u'/' + k : k;
}

QVariant PolicyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Description");
}

} // namespace ipsec::ui
