#include "PolicyBrowser.h"

#include "model/PolicyDatabase.h"
#include "models/ModelRoles.h"
#include "models/PolicyTreeModel.h"

#include <QHeaderView>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

// The search in the tree: an item matches by its own text (names, descriptions) or, for a
// search by meaning (ports, protocols, addresses), through the filters it holds. Filters show
// only when they are hits, so a text search never walks into 100,000 leaves' texts.
class TreeSearchProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setQuery(const engine::FilterQuery &query, const engine::FilterQuery::Hits &hits)
    {
        m_query = query;
        m_hits = hits;
        invalidateFilter();
    }
    const engine::FilterQuery &query() const { return m_query; }

    bool matchesItself(const QModelIndex &source) const
    {
        const auto *model = static_cast<const PolicyTreeModel *>(sourceModel());
        const ObjectRef ref = model->objectAt(source);
        using Kind = ObjectRef::Kind;
        switch (ref.kind) {
        case Kind::Filter:
            return m_hits.contains(ref.id, ref.filterIndex);
        case Kind::FilterList:
            if (m_hits.containsList(ref.id))
                return true;
            break;
        case Kind::Rule:
            if (const Rule *r = model->database().rule(ref.id);
                r && m_hits.containsList(r->filterListId))
                return true;
            break;
        default:
            break;
        }
        for (int column = 0; column < PolicyTreeModel::ColumnCount; ++column)
            if (m_query.matchesText(source.siblingAtColumn(column).data().toString()))
                return true;
        return false;
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return m_query.isEmpty() || matchesItself(sourceModel()->index(row, 0, parent));
    }

private:
    engine::FilterQuery m_query;
    engine::FilterQuery::Hits m_hits;
};

} // namespace

PolicyBrowser::PolicyBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new PolicyTreeModel(this))
    , m_proxy(new TreeSearchProxy(this))
    , m_view(new QTreeView(this))
{
    setObjectName(u"policyBrowser"_s);
    m_proxy->setObjectName(u"policyTreeProxy"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);
    m_view->setObjectName(u"policyTree"_s);
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers); // F2 goes through the action
    connect(m_model, &PolicyTreeModel::renameRequested, this, &PolicyBrowser::renameRequested);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(PolicyTreeModel::NameColumn, 320);
    // Names never wrap or elide: the column grows with what is shown (once per reload and per
    // item the user opens; a search opening many at once does not pay for it).
    connect(m_view, &QTreeView::expanded, this, [this] {
        if (!m_quiet)
            fitNameColumn();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (!m_quiet)
            Q_EMIT currentObjectChanged(currentObject());
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        Q_EMIT contextMenuRequested(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT objectActivated(m_model->objectAt(m_proxy->mapToSource(index)));
    });
}

void PolicyBrowser::setDatabase(const PolicyDatabase &db)
{
    QStringList expanded;
    collectExpanded({}, expanded);
    const QString current = m_view->currentIndex().data(KeyRole).toString();
    const QScopedValueRollback quiet(m_quiet, true);
    m_model->setDatabase(db);
    for (const QString &key : std::as_const(expanded))
        if (const QModelIndex index = findKey(key); index.isValid())
            m_view->expand(index);
    setCurrentQuietly(findKey(current));
    fitNameColumn();
}

void PolicyBrowser::fitNameColumn()
{
    m_view->resizeColumnToContents(PolicyTreeModel::NameColumn);
}

void PolicyBrowser::setQuery(const engine::FilterQuery &query,
                             const engine::FilterQuery::Hits &hits)
{
    const QScopedValueRollback quiet(m_quiet, true);
    static_cast<TreeSearchProxy *>(m_proxy)->setQuery(query, hits);
    if (!query.isEmpty())
        m_view->expandToDepth(0); // the policies open: their matching rules show
}

void PolicyBrowser::setCurrentQuietly(const QModelIndex &index)
{
    const QScopedValueRollback quiet(m_quiet, true);
    if (!index.isValid()) {
        m_view->selectionModel()->clear();
        return;
    }
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_view->expand(p);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                         | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

bool PolicyBrowser::selectObject(const ObjectRef &object)
{
    QModelIndex index;
    // The item already current wins (a filter list shown under two rules stays where it is).
    if (object.isValid() && currentObject() == object)
        index = m_view->currentIndex();
    else if (object.isValid())
        index = findObject(object);
    setCurrentQuietly(index);
    return index.isValid();
}

bool PolicyBrowser::renameCurrent()
{
    const QModelIndex index = m_view->currentIndex().siblingAtColumn(PolicyTreeModel::NameColumn);
    if (!index.isValid() || !(index.flags() & Qt::ItemIsEditable))
        return false;
    m_view->setFocus();
    m_view->edit(index);
    return true;
}

ObjectRef PolicyBrowser::firstHit() const
{
    const QModelIndex hit = findHit({});
    if (!hit.isValid())
        return m_model->objectAt(m_proxy->mapToSource(m_proxy->index(0, 0)));
    // A filter that matches is shown through its rule ("which rule blocks port 445?").
    QModelIndex target = hit;
    const auto kindOf = [this](const QModelIndex &i) {
        return m_model->objectAt(m_proxy->mapToSource(i)).kind;
    };
    const bool byMeaning = static_cast<const TreeSearchProxy *>(m_proxy)->query().hasCriteria();
    while (byMeaning && target.isValid()
           && (kindOf(target) == ObjectRef::Kind::Filter
               || kindOf(target) == ObjectRef::Kind::FilterList)
           && target.parent().isValid())
        target = target.parent();
    const QScopedValueRollback quiet(m_quiet, true);
    for (QModelIndex p = hit.parent(); p.isValid(); p = p.parent())
        m_view->expand(p);
    return m_model->objectAt(m_proxy->mapToSource(target));
}

// Depth first: the first item that matches by itself (not only through its children).
QModelIndex PolicyBrowser::findHit(const QModelIndex &parent) const
{
    const auto *proxy = static_cast<const TreeSearchProxy *>(m_proxy);
    if (proxy->query().isEmpty())
        return {};
    for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        if (proxy->matchesItself(m_proxy->mapToSource(index)))
            return index;
        if (const QModelIndex found = findHit(index); found.isValid())
            return found;
    }
    return {};
}

// Matches by kind and id (and the filter's position); a filter list or action found under
// any rule will do, the owning policy does not matter.
QModelIndex PolicyBrowser::findObject(const ObjectRef &object, const QModelIndex &parent) const
{
    for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        const ObjectRef ref = m_model->objectAt(m_proxy->mapToSource(index));
        if (ref.kind == object.kind && ref.id == object.id && ref.filterIndex == object.filterIndex
            && (object.kind != ObjectRef::Kind::Rule || ref.policyId == object.policyId
                || object.policyId == 0))
            return index;
        if (ref.kind == ObjectRef::Kind::Policy && object.policyId != 0 && ref.id != object.policyId
            && object.kind != ObjectRef::Kind::FilterList
            && object.kind != ObjectRef::Kind::FilterAction
            && object.kind != ObjectRef::Kind::Filter)
            continue; // a rule lives under its own policy only
        if (const QModelIndex found = findObject(object, index); found.isValid())
            return found;
    }
    return {};
}

ObjectRef PolicyBrowser::currentObject() const
{
    return m_model->objectAt(m_proxy->mapToSource(m_view->currentIndex()));
}

void PolicyBrowser::collectExpanded(const QModelIndex &parent, QStringList &keys) const
{
    for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        if (m_view->isExpanded(index)) {
            keys << index.data(KeyRole).toString();
            collectExpanded(index, keys);
        }
    }
}

// Keys are paths ("a/b/c"), so only the branch whose key prefixes the wanted one is searched.
QModelIndex PolicyBrowser::findKey(const QString &key, const QModelIndex &parent) const
{
    if (key.isEmpty())
        return {};
    for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        const QString k = index.data(KeyRole).toString();
        if (k == key)
            return index;
        if (key.startsWith(k + u'/'))
            return findKey(key, index);
    }
    return {};
}

} // namespace ipsec::ui
