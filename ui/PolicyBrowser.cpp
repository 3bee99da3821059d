#include "PolicyBrowser.h"

#include "models/ModelRoles.h"
#include "models/PolicyTreeModel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

// Searching the tree matches policies, rules, filter lists and actions by their text; the
// filters themselves (up to hundreds of thousands of leaves) are searched in the Filters table,
// and shown here under a list that matches. Keeps every keystroke cheap on large stores.
class TreeSearchProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!filterRegularExpression().pattern().isEmpty()
            && sourceModel()->index(row, 0, parent).data(KindRole).toInt()
                   == int(ObjectRef::Kind::Filter))
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
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
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_view->setObjectName(u"policyTree"_s);
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(PolicyTreeModel::NameColumn, 320);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { Q_EMIT currentObjectChanged(currentObject()); });
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
    m_model->setDatabase(db);
    for (const QString &key : std::as_const(expanded))
        if (const QModelIndex index = findKey(key); index.isValid())
            m_view->expand(index);
    if (const QModelIndex index = findKey(current); index.isValid())
        m_view->setCurrentIndex(index);
}

void PolicyBrowser::setFilterText(const QString &text)
{
    m_proxy->setFilterFixedString(text);
    if (!text.isEmpty())
        m_view->expandToDepth(0); // the policies open: their matching rules show
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
