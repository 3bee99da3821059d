#include "NetshTool.h"

#include "DirectoryClient.h"
#include "IpseccmdHelp.h"
#include "NetshShow.h"
#include "client/ClientFactory.h"
#include "syntax/ScriptEncoding.h"
#include "util/SafeFile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace ipsec;
using syntax::NetshCommand;
using syntax::NetshParser;
using syntax::NetshScript;

NetshTool::NetshTool(CliOptions options, CliIo io)
    : m_options(std::move(options))
    , m_io(io)
{
}

Result<std::unique_ptr<PolicyClient>> NetshTool::openClient(bool readOnly) const
{
    auto client = ClientFactory::open(Cli::clientOptions(m_options, readOnly));
    if (client)
        (*client)->setChangeOptions(Cli::changeOptions(m_options));
    return client;
}

int NetshTool::fail(const Error &e)
{
    m_io.err << "netsh: " << e.message << '\n';
    if (e.code == ErrorCode::Usage)
        m_io.err << tr("Try 'netsh --help' for more information.") << '\n';
    return int(e.code);
}

int NetshTool::report(const ServiceReport &r)
{
    if (m_options.json) {
        const QJsonObject o{{u"messages"_s, QJsonArray::fromStringList(r.messages)},
                            {u"notices"_s, QJsonArray::fromStringList(r.notices)},
                            {u"ipCommands"_s, QJsonArray::fromStringList(r.ipCommands)}};
        m_io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return 0;
    }
    for (const QString &m : r.messages)
        m_io.out << m << '\n';
    for (const QString &c : r.ipCommands)
        m_io.out << c << '\n';
    for (const QString &n : r.notices)
        m_io.err << tr("note: %1").arg(n) << '\n';
    return 0;
}

int NetshTool::run(const QStringList &args)
{
    const auto isHelp = [](const QString &a) {
        return a == u"-?"_s || a == u"/?"_s || a == u"?"_s
               || a.compare(u"help"_s, Qt::CaseInsensitive) == 0;
    };
    // "netsh ipsec static ?" and "... add policy /?" ask for help, as on Windows.
    const bool asksHelp =
        !args.isEmpty()
        && (args.last() == u"?"_s || args.last() == u"/?"_s || args.last() == u"-?"_s
            || (args.size() <= 3 && isHelp(args.last())));
    if (m_options.help || args.isEmpty() || asksHelp) {
        m_io.out << IpseccmdHelp::netsh().text();
        return args.isEmpty() && !m_options.help ? int(ErrorCode::Usage) : 0;
    }
    QStringList words = args;
    if (words.first() == u"-f"_s || words.first() == u"-F"_s) {
        if (words.size() != 2)
            return fail(Error::usage(tr("netsh -f takes one script file, e.g. netsh -f "
                                        "harden.cmd")));
        const QString path = words[1];
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(
                Error::notFound(tr("Cannot read the script %1: %2").arg(path, file.errorString())));
        const QByteArray bytes = file.read(NetshScript::MaxBytes + 1);
        auto text =
            syntax::ScriptEncoding::decode(bytes, QFileInfo(path).fileName(), m_options.encoding);
        if (!text)
            return fail(text.error());
        if (!text->assumption.isEmpty())
            m_io.err << tr("note: %1").arg(text->assumption) << '\n';
        return runScript(text->text, QFileInfo(path).fileName(),
                         m_options.atomic ? ScriptMode::Atomic : ScriptMode::LineByLine);
    }
    QStringList start;
    while (!words.isEmpty() && words.first().startsWith(u'-')) {
        const QString option = words.takeFirst();
        if (option.compare(u"-c"_s, Qt::CaseInsensitive) == 0 && !words.isEmpty()) {
            start = words.takeFirst().split(u' ', Qt::SkipEmptyParts);
        } else if (option.compare(u"-r"_s, Qt::CaseInsensitive) == 0) {
            return fail(Error::usage(tr("netsh -r (remote computers) is not supported: run the "
                                        "command on that machine.")));
        } else {
            return fail(Error::usage(tr("Unknown netsh option \"%1\". Use -f SCRIPT, -c "
                                        "CONTEXT or a command such as: netsh ipsec static show "
                                        "all")
                                         .arg(option)));
        }
    }
    words = start + words;
    QStringList quoted;
    for (const QString &w : std::as_const(words)) {
        if (w.contains(u'\n') || w.contains(u'\r'))
            return fail(Error::usage(tr("A value contains a line break: %1").arg(w.left(60))));
        quoted << NetshParser::quoteWord(w);
    }
    return runScript(quoted.join(u' '), tr("command line"), ScriptMode::Atomic);
}

int NetshTool::runScript(const QString &text, const QString &origin, ScriptMode mode)
{
    // Line by line, bad lines are the service's to report (in order with the others).
    auto commands =
        mode == ScriptMode::Atomic
            ? NetshScript::parse(text, origin)
            : Result<QList<NetshCommand>>(NetshScript::parseEach(text, origin).commands);
    if (!commands)
        return fail(commands.error());
    if (commands->isEmpty() && mode == ScriptMode::Atomic) {
        m_io.err << tr("netsh: %1 holds no netsh ipsec command; nothing was changed.").arg(origin)
                 << '\n';
        return 0;
    }
    const auto isImport = [](const NetshCommand &c) {
        return c.verb == NetshCommand::Verb::ImportPolicy;
    };
    const bool imports = std::any_of(commands->cbegin(), commands->cend(), isImport);
    const bool changes = mode == ScriptMode::LineByLine
                         || std::any_of(commands->cbegin(), commands->cend(), [&](const auto &c) {
                                return !c.isReadOnly() && !isImport(c);
                            });
    if (imports && changes && mode == ScriptMode::Atomic) {
        const auto import = std::find_if(commands->cbegin(), commands->cend(), isImport);
        return fail(Error::usage(tr("%1: importpolicy must be the only change of a script here, "
                                    "because an import is a transaction of its own; run the "
                                    "other commands in a second script. Nothing was changed.")
                                     .arg(NetshScript::location(origin, import->line, text))));
    }
    // `set store location=domain` first: the whole script works on the directory.
    const auto isDomainStore = [](const NetshCommand &c) {
        return c.object == NetshCommand::Object::Store && c.storeLocation == u"domain"_s;
    };
    const auto domainStore = std::find_if(commands->cbegin(), commands->cend(), isDomainStore);
    if (domainStore != commands->cend() && domainStore != commands->cbegin())
        return fail(Error::usage(tr("%1: set store location=domain must be the first command of "
                                    "the script: the whole script then works on the directory. "
                                    "Nothing was changed.")
                                     .arg(NetshScript::location(origin, domainStore->line, text))));
    auto client = domainStore != commands->cend()
                      ? DirectoryClient::open(m_options, domainStore->domain.value_or(QString()))
                      : openClient(!changes && !imports);
    if (!client)
        return fail(client.error());
    for (const NetshCommand &c : commands.value()) {
        if (isImport(c))
            if (int rc = importPolicy(**client, c); rc != 0)
                return rc;
    }
    int failed = 0;
    if (changes) {
        // importpolicy is a transaction of its own; the service skips it.
        auto done = (*client)->executeNetsh(text, origin, mode);
        if (!done)
            return fail(done.error());
        report(done.value());
        for (const QString &e : std::as_const(done->errors))
            m_io.err << "netsh: " << e << '\n';
        failed = int(done->errors.size());
        if (int rc = Cli::awaitConfirmation(**client, m_options, u"netsh"_s, m_io); rc != 0)
            return rc;
    }
    // Read-only commands run after the changes, against the new state.
    for (const NetshCommand &c : commands.value()) {
        if (!c.isReadOnly())
            continue;
        if (int rc = readOnly(**client, c); rc != 0) {
            if (mode == ScriptMode::Atomic)
                return rc;
            ++failed;
        }
    }
    if (failed && mode == ScriptMode::LineByLine) {
        m_io.err << tr("netsh: %1: %n line(s) failed; the other lines were applied.", nullptr,
                       failed)
                        .arg(origin)
                 << '\n';
        return 1;
    }
    return 0;
}

int NetshTool::readOnly(PolicyClient &client, const NetshCommand &c)
{
    if (c.verb == NetshCommand::Verb::ExportPolicy)
        return exportPolicy(client, c);
    if (auto ok = NetshShow(client, m_io.out, m_options.json).show(c); !ok)
        return fail(ok.error());
    return 0;
}

int NetshTool::importPolicy(PolicyClient &client, const NetshCommand &c)
{
    // The file is read here, by the caller, never by the agent on the caller's behalf.
    QString path = *c.file;
    if (int rc = refuseWindowsPath(path); rc != 0)
        return rc;
    if (!QFileInfo::exists(path) && QFileInfo(path).suffix().isEmpty())
        path += u".ipsec"_s;
    QFile file(path);
    constexpr qint64 MaxBytes = 64 * 1024 * 1024;
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::notFound(tr("Cannot read %1: %2").arg(path, file.errorString())));
    if (file.size() > MaxBytes)
        return fail(
            Error::usage(tr("%1 is larger than 64 MiB; it is no policy export.").arg(path)));
    // As netsh does: the file's policies join the store, replacing those of the same name.
    ImportOptions options;
    options.mode = ImportOptions::Mode::Merge;
    options.onClash = ImportOptions::OnClash::Overwrite;
    options.dryRun = m_options.dryRun;
    auto done = client.importSnapshot(file.readAll(), options);
    if (!done)
        return fail(done.error());
    report(done.value());
    return Cli::awaitConfirmation(client, m_options, u"netsh"_s, m_io);
}

int NetshTool::refuseWindowsPath(const QString &path)
{
    // C:\Policies\x.txt would otherwise become a file of that literal name here.
    static const QRegularExpression drive(u"^([A-Za-z]:[\\\\/]|\\\\\\\\)"_s);
    if (!drive.match(path).hasMatch() && !path.contains(u'\\'))
        return 0;
    return fail(Error::usage(tr("file=%1 is a Windows path; give a path of this system instead, "
                                "e.g. file=/root/%2. Nothing was read or written.")
                                 .arg(path, path.section(u'\\', -1))));
}

int NetshTool::exportPolicy(PolicyClient &client, const NetshCommand &c)
{
    // netsh's file name as given; the snap-in's .ipsec extension when there is none.
    QString path = *c.file;
    if (int rc = refuseWindowsPath(path); rc != 0)
        return rc;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".ipsec"_s;
    auto snapshot = client.exportSnapshot();
    if (!snapshot)
        return fail(snapshot.error());
    if (m_options.dryRun) {
        m_io.out << tr("Dry run: would export the policy store to %1.").arg(path) << '\n';
        return 0;
    }
    // The export may hold preshared keys: readable by its owner only.
    if (auto ok = SafeFile::write(path, QJsonDocument(snapshot.value()).toJson(),
                                  SafeFile::Access::OwnerOnly);
        !ok)
        return fail(ok.error());
    m_io.out << tr("Exported the policy store to %1 (readable by its owner only).").arg(path)
             << '\n';
    return 0;
}
