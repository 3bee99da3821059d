#include "snapshot/SnapshotController.h"

#include "FileDialog.h"
#include "ServiceWorker.h"
#include "service/PolicyClient.h"
#include "snapshot/CompareSnapshotDialog.h"
#include "snapshot/ImportSnapshotDialog.h"
#include "snapshot/SnapshotFormat.h"
#include "snapshot/SnapshotReader.h"
#include "util/SafeFile.h"

#include <QAction>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

QString exportFilters()
{
    return SnapshotController::tr("JSON snapshot (*.json);;netsh script (*.cmd);;ipseccmd "
                                  "script (*.sh);;HTML report (*.html)");
}

} // namespace

SnapshotController::SnapshotController(PolicyClient &client, QWidget *window)
    : QObject(window)
    , m_client(client)
    , m_window(window)
{
    setObjectName(u"snapshotController"_s);
    const auto action = [&](const QString &name, const QString &text) {
        auto *a = new QAction(text, window);
        a->setObjectName(name);
        return a;
    };
    m_export = action(u"exportSnapshotAction"_s, tr("&Export Snapshot…"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_exportPolicy = action(u"exportPolicySnapshotAction"_s, tr("Export Selected &Policy…"));
    m_exportPolicy->setEnabled(false);
    m_import = action(u"importSnapshotAction"_s, tr("&Import Snapshot…"));
    m_compare = action(u"compareSnapshotAction"_s, tr("&Compare with Snapshot…"));
    connect(m_export, &QAction::triggered, this, [this] { exportSnapshot(0); });
    connect(m_exportPolicy, &QAction::triggered, this, &SnapshotController::exportCurrentPolicy);
    connect(m_import, &QAction::triggered, this, &SnapshotController::importSnapshot);
    connect(m_compare, &QAction::triggered, this, &SnapshotController::compareWithSnapshot);
}

void SnapshotController::setCurrentPolicy(qint64 policyId)
{
    m_currentPolicy = policyId;
    m_exportPolicy->setEnabled(policyId != 0);
}

template <typename Work, typename Then>
void SnapshotController::call(const QString &what, Work job, Then then)
{
    if (!m_worker)
        then(job());
    else
        m_worker->run(what, this, std::move(job), std::move(then));
}

void SnapshotController::exportCurrentPolicy()
{
    exportSnapshot(m_currentPolicy);
}

void SnapshotController::exportSnapshot(qint64 policyId)
{
    const QString suggested = u"ipsec-snapshot-%1.json"_s.arg(
        QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s));
    QString selectedFilter;
    QString path = FileDialog::saveFileName(m_window, tr("Export Snapshot"), suggested,
                                            exportFilters(), &selectedFilter);
    if (path.isEmpty())
        return;
    // The chosen file type decides the format (never JSON silently in "x.txt"); a name without
    // an extension gets the type's. Without a chosen type the extension must say it.
    const qsizetype star = selectedFilter.indexOf(u"*."_s);
    const QString typeSuffix = star >= 0 ? selectedFilter.mid(star + 2).chopped(1) : QString();
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + (typeSuffix.isEmpty() ? u"json"_s : typeSuffix);
    const QString suffix = QFileInfo(path).suffix().toLower();
    static const QStringList known{u"json"_s, u"cmd"_s, u"bat"_s, u"sh"_s, u"html"_s, u"htm"_s};
    if (typeSuffix.isEmpty() && !known.contains(suffix))
        return Q_EMIT message(tr("Error: %1 has no snapshot file type; name it .json, .cmd, .sh "
                                 "or .html.")
                                  .arg(path));
    auto chosen =
        SnapshotFormat::choose({}, u"x."_s + (typeSuffix.isEmpty() ? suffix : typeSuffix));
    if (!chosen)
        return Q_EMIT message(tr("Error: %1").arg(chosen.error().message));
    const auto format = chosen.value();
    PolicyClient *client = &m_client;
    // Reading, rendering and writing (a large store takes a while) happen off the GUI thread.
    const auto work = [client, policyId, format, path]() -> Result<QString> {
        QString policyName;
        if (policyId != 0) {
            auto db = client->load();
            if (!db)
                return db.error();
            const Policy *policy = db->policy(policyId);
            if (!policy)
                return Error::notFound(tr("the selected policy no longer exists."));
            policyName = policy->name;
        }
        auto doc = client->exportSnapshot(policyName);
        if (!doc)
            return doc.error();
        auto bytes = SnapshotFormat::render(*doc, format);
        if (!bytes)
            return bytes.error();
        // The snapshot may hold preshared keys: readable by its owner only.
        if (auto ok = SafeFile::write(path, *bytes, SafeFile::Access::OwnerOnly); !ok)
            return ok.error();
        return tr("Snapshot saved to %1 (%2, readable by its owner only).")
            .arg(path, SnapshotFormat::name(format));
    };
    call(tr("Exporting the snapshot…"), work, [this](const Result<QString> &done) {
        Q_EMIT message(done ? done.value() : tr("Error: %1").arg(done.error().message));
    });
}

QByteArray SnapshotController::readSnapshotFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, f.errorString());
        return {};
    }
    if (f.size() > SnapshotReader::MaxDocumentBytes) {
        *error = tr("%1 is larger than a snapshot may be.").arg(path);
        return {};
    }
    return f.readAll();
}

void SnapshotController::importSnapshot()
{
    const QString path =
        FileDialog::openFileName(m_window, tr("Import Snapshot"), tr("JSON snapshot (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    const QByteArray bytes = readSnapshotFile(path, &error);
    auto snapshot = error.isEmpty() ? SnapshotReader::read(bytes) : Result<Snapshot>(Error{});
    if (!error.isEmpty() || !snapshot)
        return Q_EMIT message(
            tr("Error: %1").arg(error.isEmpty() ? snapshot.error().message : error));
    auto *dialog = new ImportSnapshotDialog(m_client, path, bytes, *snapshot, m_window, m_worker);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, path] { Q_EMIT message(tr("Imported %1.").arg(path)); });
    dialog->open();
}

void SnapshotController::compareWithSnapshot()
{
    const QString path = FileDialog::openFileName(m_window, tr("Compare with Snapshot"),
                                                  tr("JSON snapshot (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    const QByteArray bytes = readSnapshotFile(path, &error);
    auto snapshot = error.isEmpty() ? SnapshotReader::read(bytes) : Result<Snapshot>(Error{});
    if (!error.isEmpty() || !snapshot)
        return Q_EMIT message(
            tr("Error: %1").arg(error.isEmpty() ? snapshot.error().message : error));
    PolicyClient *client = &m_client;
    const auto work = [client]() -> Result<Snapshot> {
        auto liveDocument = client->exportSnapshot();
        return liveDocument ? SnapshotReader::fromJson(*liveDocument)
                            : Result<Snapshot>(liveDocument.error());
    };
    const QString name = QFileInfo(path).fileName();
    const Snapshot saved = snapshot.value();
    call(tr("Reading the live state…"), work, [this, name, saved](const Result<Snapshot> &live) {
        if (!live)
            return Q_EMIT message(tr("Error: %1").arg(live.error().message));
        auto *dialog =
            new CompareSnapshotDialog(name, SnapshotDiff::compare(saved, *live), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

} // namespace ipsec::ui
