#include "snapshot/CompareSnapshotDialog.h"

#include "snapshot/SnapshotDiffView.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

CompareSnapshotDialog::CompareSnapshotDialog(const QString &fileName,
                                             const QList<SnapshotChange> &changes, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"compareSnapshotDialog"_s);
    setWindowTitle(tr("Compare with Snapshot"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"compareSummaryLabel"_s);
    m_summary->setWordWrap(true);
    m_summary->setText(changes.isEmpty()
                           ? tr("The live state is the same as %1.").arg(fileName)
                           : tr("%n difference(s) from %1 (snapshot) to the live state.", nullptr,
                                int(changes.size()))
                                 .arg(fileName));
    m_view = new SnapshotDiffView(this);
    m_view->setChanges(changes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(800, 500);
}

} // namespace ipsec::ui
