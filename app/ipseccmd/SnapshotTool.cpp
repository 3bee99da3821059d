#include "SnapshotTool.h"

#include "snapshot/SnapshotDiff.h"
#include "snapshot/SnapshotFormat.h"
#include "snapshot/SnapshotReader.h"
#include "util/SafeFile.h"

#include <QFile>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

// Takes "--name VALUE" or "--name=VALUE" out of args.
Result<std::optional<QString>> takeValue(QStringList &args, const QString &name)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == name) {
            if (i + 1 >= args.size())
                return Error::usage(SnapshotTool::tr("%1 needs a value.").arg(name));
            const QString v = args.at(i + 1);
            args.remove(i, 2);
            return std::optional<QString>(v);
        }
        if (a.startsWith(name + u'=')) {
            const QString v = a.mid(name.size() + 1);
            args.removeAt(i);
            return std::optional<QString>(v);
        }
    }
    return std::optional<QString>();
}

bool takeFlag(QStringList &args, const QString &name)
{
    return args.removeAll(name) > 0;
}

Result<void> noOtherOptions(const QStringList &args)
{
    for (const QString &a : args)
        if (a.startsWith(u"--"_s))
            return Error::usage(SnapshotTool::tr("Unknown option \"%1\".").arg(a));
    return {};
}

} // namespace

SnapshotTool::SnapshotTool(CliOptions options, CliIo io, QString program, ClientFactory openClient)
    : m_options(std::move(options))
    , m_io(io)
    , m_program(std::move(program))
    , m_openClient(std::move(openClient))
{
}

int SnapshotTool::fail(const Error &e)
{
    m_io.err << m_program << ": " << e.message << '\n';
    if (e.code == ErrorCode::Usage)
        m_io.err << tr("Try '%1 snapshot --help' for more information.").arg(m_program) << '\n';
    return int(e.code);
}

void SnapshotTool::usage(const QString &command)
{
    if (command == u"export"_s) {
        m_io.out << tr("Usage: %1 snapshot export [FILE|-] [--format json|netsh|ipseccmd|html] "
                       "[--policy NAME]\n"
                       "\n"
                       "Writes the policy state: the store's policies, rules, filter lists and "
                       "actions,\nthe assignment, the dynamic filters, the kernel's entries (as "
                       "root), host, time\nand program version. Without FILE (or with -) to "
                       "standard output.\n"
                       "  --format F     json (default; lossless, for import), netsh (.cmd "
                       "script),\n"
                       "                 ipseccmd (.sh script) or html (report); default from "
                       "FILE's\n"
                       "                 extension (.json .cmd .bat .sh .html .htm)\n"
                       "  --policy NAME  only that policy and the lists and actions its rules "
                       "use\n")
                        .arg(m_program);
    } else if (command == u"import"_s) {
        m_io.out << tr("Usage: %1 snapshot import FILE [--replace|--merge] "
                       "[--on-clash fail|rename|skip|overwrite] [--include-dynamic] [--dry-run]\n"
                       "\n"
                       "Reads a JSON snapshot (refused as a whole, with the reason, when anything "
                       "in it\nis wrong) and changes the store in one step, enforced before it "
                       "is kept.\n"
                       "  --merge            add the snapshot's objects; the same guid is the "
                       "same object\n"
                       "                     (default)\n"
                       "  --replace          make the store hold exactly the snapshot, "
                       "assignment included\n"
                       "  --on-clash RULE    an imported object named like another one: fail "
                       "(default,\n"
                       "                     nothing changes), rename, skip (keep the existing "
                       "one) or\n"
                       "                     overwrite\n"
                       "  --include-dynamic  also restore (replace) or add (merge) the dynamic "
                       "filters\n"
                       "  --dry-run          show what would change, change nothing\n")
                        .arg(m_program);
    } else if (command == u"diff"_s) {
        m_io.out << tr("Usage: %1 snapshot diff A [B] [--json]\n"
                       "\n"
                       "Compares snapshot A with snapshot B, or with the live state when B is "
                       "not given:\nobjects added, removed and changed (field by field), the "
                       "assignment, dynamic\nfilters and kernel entries. Exit status 0 when they "
                       "are the same, 1 when they\ndiffer, 2 and up on errors.\n")
                        .arg(m_program);
    } else {
        m_io.out << tr("Usage: %1 snapshot export [FILE|-] [--format F] [--policy NAME]\n"
                       "       %1 snapshot import FILE [--replace|--merge] [--on-clash RULE] "
                       "[--dry-run]\n"
                       "       %1 snapshot diff A [B] [--json]\n"
                       "\n"
                       "'%1 snapshot COMMAND --help' tells more.\n")
                        .arg(m_program);
    }
}

int SnapshotTool::run(const QStringList &arguments)
{
    QStringList args = arguments;
    const QString command = args.isEmpty() ? QString() : args.takeFirst().toLower();
    if (m_options.help || command.isEmpty() || command == u"help"_s) {
        usage(command);
        return command.isEmpty() && !m_options.help ? int(ErrorCode::Usage) : 0;
    }
    if (command == u"export"_s)
        return exportSnapshot(args);
    if (command == u"import"_s)
        return importSnapshot(args);
    if (command == u"diff"_s)
        return diff(args);
    return fail(Error::usage(
        tr("Unknown snapshot command \"%1\": expected export, import or diff.").arg(command)));
}

int SnapshotTool::exportSnapshot(QStringList args)
{
    auto format = takeValue(args, u"--format"_s);
    if (!format)
        return fail(format.error());
    auto policy = takeValue(args, u"--policy"_s);
    if (!policy)
        return fail(policy.error());
    if (auto ok = noOtherOptions(args); !ok)
        return fail(ok.error());
    if (args.size() > 1)
        return fail(Error::usage(tr("export takes at most one FILE.")));
    const QString file = args.isEmpty() ? u"-"_s : args.first();
    auto chosen =
        SnapshotFormat::choose(format->value_or(QString()), file == u"-"_s ? QString() : file);
    if (!chosen)
        return fail(chosen.error());
    auto client = m_openClient(true);
    if (!client)
        return fail(client.error());
    auto document = (*client)->exportSnapshot(policy->value_or(QString()));
    if (!document)
        return fail(document.error());
    auto bytes = SnapshotFormat::render(*document, *chosen);
    if (!bytes)
        return fail(bytes.error());
    if (file == u"-"_s) {
        m_io.out.flush();
        std::fwrite(bytes->constData(), 1, size_t(bytes->size()), stdout);
        std::fflush(stdout);
        return 0;
    }
    // The export may hold preshared keys: readable by its owner only.
    if (auto ok = SafeFile::write(file, *bytes, SafeFile::Access::OwnerOnly); !ok)
        return fail(ok.error());
    m_io.err << tr("Wrote %1 (readable by its owner only).").arg(file) << '\n';
    return 0;
}

Result<QByteArray> SnapshotTool::readFile(const QString &path)
{
    QFile f;
    if (path == u"-"_s) {
        if (!f.open(stdin, QIODevice::ReadOnly))
            return Error::usage(tr("Cannot read standard input."));
    } else {
        f.setFileName(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error::notFound(tr("Cannot read %1: %2").arg(path, f.errorString()));
        if (f.size() > SnapshotReader::MaxDocumentBytes)
            return Error::usage(tr("%1 is %2 bytes, more than the %3 MiB a snapshot may have.")
                                    .arg(path)
                                    .arg(f.size())
                                    .arg(SnapshotReader::MaxDocumentBytes / (1024 * 1024)));
    }
    // One byte more than allowed is enough to refuse a stream that is too long.
    const QByteArray bytes = f.read(SnapshotReader::MaxDocumentBytes + 1);
    if (path != u"-"_s && f.error() != QFileDevice::NoError)
        return Error::usage(tr("Cannot read %1: %2").arg(path, f.errorString()));
    return bytes;
}

int SnapshotTool::importSnapshot(QStringList args)
{
    ImportOptions o;
    o.mode = ImportOptions::Mode::Merge;
    const bool replace = takeFlag(args, u"--replace"_s);
    const bool merge = takeFlag(args, u"--merge"_s);
    if (replace && merge)
        return fail(Error::usage(tr("Give --replace or --merge, not both.")));
    if (replace)
        o.mode = ImportOptions::Mode::Replace;
    auto clash = takeValue(args, u"--on-clash"_s);
    if (!clash)
        return fail(clash.error());
    if (*clash) {
        auto rule = SnapshotMerge::parseOnClash(**clash);
        if (!rule)
            return fail(rule.error());
        o.onClash = *rule;
    }
    o.includeDynamic = takeFlag(args, u"--include-dynamic"_s);
    o.dryRun = m_options.dryRun;
    if (auto ok = noOtherOptions(args); !ok)
        return fail(ok.error());
    if (args.size() != 1)
        return fail(Error::usage(tr("import needs exactly one FILE.")));
    auto bytes = readFile(args.first());
    if (!bytes)
        return fail(bytes.error());
    auto client = m_openClient(false);
    if (!client)
        return fail(client.error());
    auto report = (*client)->importSnapshot(*bytes, o);
    if (!report)
        return fail(report.error());
    for (const QString &m : report->messages)
        m_io.out << m << '\n';
    for (const QString &c : report->ipCommands)
        m_io.out << c << '\n';
    for (const QString &n : report->notices)
        m_io.err << tr("note: %1").arg(n) << '\n';
    return 0;
}

int SnapshotTool::diff(QStringList args)
{
    if (auto ok = noOtherOptions(args); !ok)
        return fail(ok.error());
    if (args.isEmpty() || args.size() > 2)
        return fail(Error::usage(tr("diff needs one or two snapshot files.")));
    QList<Snapshot> sides;
    for (const QString &file : args) {
        auto bytes = readFile(file);
        if (!bytes)
            return fail(bytes.error());
        auto s = SnapshotReader::read(*bytes);
        if (!s)
            return fail(Error{s.error().code, tr("%1: %2").arg(file, s.error().message)});
        sides << *s;
    }
    if (sides.size() == 1) {
        auto client = m_openClient(true);
        if (!client)
            return fail(client.error());
        auto document = (*client)->exportSnapshot();
        if (!document)
            return fail(document.error());
        auto live = SnapshotReader::fromJson(*document);
        if (!live)
            return fail(live.error());
        sides << *live;
    }
    const QList<SnapshotChange> changes = SnapshotDiff::compare(sides.at(0), sides.at(1));
    if (m_options.json)
        m_io.out << QString::fromUtf8(
            QJsonDocument(SnapshotDiff::toJson(changes)).toJson(QJsonDocument::Indented));
    else
        m_io.out << SnapshotDiff::toText(changes);
    return changes.isEmpty() ? 0 : 1;
}
