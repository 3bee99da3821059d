#include "snapshot/ImportSnapshotDialog.h"

#include "ServiceWorker.h"
#include "service/PolicyClient.h"
#include "snapshot/SnapshotDiffView.h"
#include "snapshot/SnapshotReader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

ImportSnapshotDialog::ImportSnapshotDialog(PolicyClient &client, const QString &fileName,
                                           QByteArray document, Snapshot snapshot, QWidget *parent,
                                           ServiceWorker *worker)
    : QDialog(parent)
    , m_client(client)
    , m_worker(worker)
    , m_document(std::move(document))
    , m_snapshot(std::move(snapshot))
{
    setObjectName(u"importSnapshotDialog"_s);
    setWindowTitle(tr("Import Snapshot"));
    auto *source = new QLabel(tr("Snapshot of %1 taken %2 (%3 policies), from %4.")
                                  .arg(m_snapshot.host.name, m_snapshot.created)
                                  .arg(m_snapshot.database.policies.size())
                                  .arg(fileName),
                              this);
    source->setWordWrap(true);

    m_merge =
        new QRadioButton(tr("&Merge: add its objects (the same guid is the same object)"), this);
    m_merge->setObjectName(u"mergeRadio"_s);
    m_replace = new QRadioButton(tr("&Replace: the store becomes exactly the snapshot"), this);
    m_replace->setObjectName(u"replaceRadio"_s);
    m_merge->setChecked(true);
    m_onClash = new QComboBox(this);
    m_onClash->setObjectName(u"onClashCombo"_s);
    m_onClash->addItem(tr("Refuse the import"), int(ImportOptions::OnClash::Fail));
    m_onClash->addItem(tr("Import under a new name"), int(ImportOptions::OnClash::Rename));
    m_onClash->addItem(tr("Keep the existing object"), int(ImportOptions::OnClash::Skip));
    m_onClash->addItem(tr("Replace the existing object"), int(ImportOptions::OnClash::Overwrite));
    m_dynamic = new QCheckBox(tr("Also restore the &dynamic filters"), this);
    m_dynamic->setObjectName(u"includeDynamicCheck"_s);
    m_preview = new SnapshotDiffView(this);
    m_status = new QLabel(this);
    m_status->setObjectName(u"importStatusLabel"_s);
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(u"importButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_importButton, &QPushButton::clicked, this, &ImportSnapshotDialog::import);

    auto *form = new QFormLayout;
    form->addRow(tr("Mode:"), m_merge);
    form->addRow(QString(), m_replace);
    form->addRow(tr("When a &name is taken:"), m_onClash);
    form->addRow(QString(), m_dynamic);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(source);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("What the import will change:"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(800, 560);

    connect(m_merge, &QRadioButton::toggled, this, &ImportSnapshotDialog::updatePreview);
    connect(m_onClash, &QComboBox::currentIndexChanged, this, &ImportSnapshotDialog::updatePreview);
    connect(m_dynamic, &QCheckBox::toggled, this, &ImportSnapshotDialog::updatePreview);
    readLive();
}

namespace {

Result<Snapshot> liveSnapshot(PolicyClient &client)
{
    auto document = client.exportSnapshot();
    return document ? SnapshotReader::fromJson(*document) : Result<Snapshot>(document.error());
}

} // namespace

// The live state is read once (it may take as long as the agent does); the preview is then
// planned here for every choice.
void ImportSnapshotDialog::readLive()
{
    if (!m_worker)
        return liveRead(liveSnapshot(m_client));
    m_status->setText(tr("Reading the live state…"));
    m_importButton->setEnabled(false);
    PolicyClient *client = &m_client;
    m_worker->run(
        tr("Reading the live state…"), this, [client] { return liveSnapshot(*client); },
        [this](const Result<Snapshot> &live) { liveRead(live); });
}

void ImportSnapshotDialog::liveRead(const Result<Snapshot> &live)
{
    m_live = live;
    updatePreview();
}

ImportOptions ImportSnapshotDialog::options() const
{
    ImportOptions o;
    o.mode = m_replace->isChecked() ? ImportOptions::Mode::Replace : ImportOptions::Mode::Merge;
    o.onClash = ImportOptions::OnClash(m_onClash->currentData().toInt());
    o.includeDynamic = m_dynamic->isChecked();
    return o;
}

void ImportSnapshotDialog::updatePreview()
{
    m_onClash->setEnabled(m_merge->isChecked());
    if (!m_live || m_importing)
        return; // still reading the live state, or importing
    // The preview is the planned state against the live one, computed as the service will.
    const Result<Snapshot> &live = *m_live;
    if (!live) {
        m_preview->setChanges({});
        m_status->setText(tr("Cannot read the live state: %1").arg(live.error().message));
        m_importButton->setEnabled(false);
        return;
    }
    const ImportOptions o = options();
    auto plan = SnapshotMerge::plan(live->database, live->dynamicFilters, m_snapshot, o);
    if (!plan) {
        m_preview->setChanges({});
        m_status->setText(plan.error().message);
        m_importButton->setEnabled(false);
        return;
    }
    Snapshot before = *live;
    before.kernel.reset();
    Snapshot after = before;
    after.database = plan->database;
    if (o.includeDynamic)
        after.dynamicFilters = plan->dynamicFilters;
    const auto changes = SnapshotDiff::compare(before, after);
    m_preview->setChanges(changes);
    QStringList lines;
    lines << (changes.isEmpty() ? tr("The import changes nothing.")
                                : tr("%n change(s).", nullptr, int(changes.size())));
    lines << plan->clashes << plan->notices;
    m_status->setText(lines.join(u'\n'));
    m_importButton->setEnabled(true);
}

void ImportSnapshotDialog::import()
{
    if (!m_worker)
        return imported(m_client.importSnapshot(m_document, options()));
    if (m_importing)
        return;
    m_importing = true;
    m_importButton->setEnabled(false);
    m_status->setText(tr("Importing…"));
    PolicyClient *client = &m_client;
    m_worker->run(
        tr("Importing the snapshot…"), this,
        [client, document = m_document, o = options()] {
            return client->importSnapshot(document, o);
        },
        [this](const Result<ServiceReport> &report) {
            m_importing = false;
            imported(report);
        });
}

void ImportSnapshotDialog::imported(const Result<ServiceReport> &report)
{
    if (!report) {
        m_status->setText(tr("Error: %1").arg(report.error().message));
        m_importButton->setEnabled(true);
        return;
    }
    accept();
}

} // namespace ipsec::ui
