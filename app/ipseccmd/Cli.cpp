#include "Cli.h"

#include "BatchTool.h"
#include "ConfirmationWait.h"

#include "IpsecCmdTool.h"
#include "NetdiagTool.h"
#include "NetshTool.h"
#include "service/PolicyService.h"
#include "util/NetNamespace.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace ipsec;

Cli::Personality Cli::personalityOf(const QString &argv0)
{
    QString name = QFileInfo(argv0).fileName().toLower();
    if (name.endsWith(u".exe"_s))
        name.chop(4);
    if (name == u"netdiag"_s)
        return Personality::Netdiag;
    if (name == u"ipsecpol"_s)
        return Personality::IpsecPol;
    if (name == u"netsh"_s)
        return Personality::Netsh;
    if (name == u"gpupdate"_s)
        return Personality::Gpupdate;
    if (name == u"secedit"_s)
        return Personality::Secedit;
    return Personality::IpsecCmd;
}

QString Cli::personalityName(Personality p)
{
    switch (p) {
    case Personality::IpsecCmd:
        return u"ipseccmd"_s;
    case Personality::IpsecPol:
        return u"ipsecpol"_s;
    case Personality::Netdiag:
        return u"netdiag"_s;
    case Personality::Netsh:
        return u"netsh"_s;
    case Personality::Gpupdate:
        return u"gpupdate"_s;
    case Personality::Secedit:
        return u"secedit"_s;
    }
    return {};
}

Result<CliOptions> Cli::takeOptions(QStringList &args)
{
    CliOptions o;
    QStringList rest;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (!a.startsWith(u"--"_s)) {
            rest << a;
            continue;
        }
        // `snapshot` has options of its own; the common ones are still taken here.
        const bool subcommandOptions =
            !rest.isEmpty() && rest.first().compare(u"snapshot"_s, Qt::CaseInsensitive) == 0;
        const qsizetype eq = a.indexOf(u'=');
        const QString key = eq < 0 ? a : a.left(eq);
        const auto value = [&]() -> Result<QString> {
            if (eq >= 0)
                return a.mid(eq + 1);
            if (i + 1 >= args.size())
                return Error::usage(tr("%1 needs a value.").arg(key));
            return args.at(++i);
        };
        if (key == u"--encoding"_s) {
            auto v = value();
            if (!v)
                return v.error();
            if (v->isEmpty())
                return Error::usage(tr("%1 needs a non-empty value.").arg(key));
            o.encoding = *v;
        } else if (key == u"--vici"_s) {
            auto v = value();
            if (!v)
                return v.error();
            if (v->isEmpty())
                return Error::usage(tr("%1 needs a non-empty value.").arg(key));
            o.vici = *v;
        } else if (key == u"--backend"_s) {
            auto v = value();
            if (!v)
                return v.error();
            auto backend = PolicyService::resolveKernelBackend(*v);
            if (!backend || v->isEmpty())
                return Error::usage(tr("--backend needs nft or xfrm, not \"%1\".").arg(*v));
            o.backend = backend.value();
        } else if (ds::DirectoryOptions::optionNames().contains(key.mid(2))) {
            auto v = value();
            if (!v)
                return v.error();
            if (v->isEmpty())
                return Error::usage(tr("%1 needs a non-empty value.").arg(key));
            o.directory.set(key.mid(2), *v);
        } else if (key == u"--store"_s || key == u"--netns"_s) {
            auto v = value();
            if (!v)
                return v.error();
            if (v->isEmpty())
                return Error::usage(tr("%1 needs a non-empty value.").arg(key));
            (key == u"--store"_s ? o.store : o.netns) = *v;
        } else if (key == u"--confirm-within"_s) {
            auto v = value();
            if (!v)
                return v.error();
            bool number = false;
            const int seconds = v->toInt(&number);
            if (!number || seconds < 1 || seconds > 86400)
                return Error::usage(tr("--confirm-within needs a number of seconds from 1 to "
                                       "86400 (one day), not \"%1\".")
                                        .arg(*v));
            o.confirmWithinSeconds = seconds;
        } else if (key == u"--force"_s && eq < 0) {
            o.force = true;
        } else if (key == u"--atomic"_s && eq < 0) {
            o.atomic = true;
        } else if (key == u"--json"_s && eq < 0) {
            o.json = true;
        } else if (key == u"--dry-run"_s && eq < 0) {
            o.dryRun = true;
        } else if (key == u"--no-ike-exemption"_s && eq < 0) {
            o.ikeExemption = false;
        } else if (key == u"--ike-exemption"_s && eq < 0) {
            o.ikeExemption = true;
        } else if ((key == u"--agent"_s || key == u"--no-agent"_s) && eq < 0) {
            o.agent = key == u"--agent"_s;
        } else if (key == u"--help"_s && eq < 0) {
            o.help = true;
        } else if (key == u"--version"_s && eq < 0) {
            o.version = true;
        } else if (subcommandOptions) {
            rest << a;
        } else {
            return Error::usage(tr("Unknown option \"%1\". Options: --store PATH, --netns NAME, "
                                   "--vici PATH, --directory URL, --computer NAME, --bind-dn DN, "
                                   "--bind-password-file FILE, --json, --dry-run, "
                                   "--[no-]ike-exemption, --backend nft|xfrm, --[no-]agent, "
                                   "--confirm-within SECONDS, --force, --atomic, --encoding "
                                   "NAME, --help, --version.")
                                    .arg(a));
        }
    }
    args = rest;
    return o;
}

int Cli::fail(const Error &error, CliIo io, Personality p)
{
    io.err << personalityName(p) << ": " << error.message << '\n';
    if (error.code == ErrorCode::Usage)
        io.err << tr("Try '%1 --help' for more information.").arg(personalityName(p)) << '\n';
    io.err.flush();
    return int(error.code);
}

ClientOptions Cli::clientOptions(const CliOptions &options, bool readOnly)
{
    ClientOptions o;
    if (options.agent)
        o.backend =
            *options.agent ? ClientOptions::Backend::Agent : ClientOptions::Backend::InProcess;
    o.service.storePath = options.store;
    o.service.netns = options.netns;
    // The IKE half of the service reads the socket from the environment (core/vici).
    if (!options.vici.isEmpty())
        qputenv("IPSEC_CONSOLE_VICI", QFile::encodeName(options.vici));
    o.service.directory = options.directory;
    o.service.readOnly = readOnly;
    o.service.dryRun = options.dryRun;
    o.service.ikeExemption = options.ikeExemption;
    o.service.kernelBackend = options.backend;
    const QString failAfter = qEnvironmentVariable("IPSEC_CONSOLE_TEST_KERNEL_FAIL_AFTER");
    if (!failAfter.isEmpty())
        o.service.kernelFailAfter = failAfter.toInt();
    return o;
}

int Cli::run(const QString &argv0, const QStringList &arguments, CliIo io)
{
    Personality p = personalityOf(argv0);
    QStringList args = arguments;
    // `ipseccmd netsh ...` is the netsh personality too.
    if (p == Personality::IpsecCmd && !args.isEmpty()
        && args.first().compare(u"netsh"_s, Qt::CaseInsensitive) == 0) {
        args.removeFirst();
        p = Personality::Netsh;
    }
    // `ipseccmd gpupdate /force`, `ipseccmd secedit /refreshpolicy machine_policy` too.
    for (const Personality windows : {Personality::Gpupdate, Personality::Secedit}) {
        if (p == Personality::IpsecCmd && !args.isEmpty()
            && args.first().compare(personalityName(windows), Qt::CaseInsensitive) == 0) {
            args.removeFirst();
            p = windows;
        }
    }
    auto options = takeOptions(args);
    if (!options)
        return fail(options.error(), io, p);
    if (options->version) {
        io.out << personalityName(p) << " (IPsec Policy Console) " << IPSEC_VERSION << '\n';
        return 0;
    }
    // The namespace is entered by the client factory, and only when working in-process: the
    // agent serves its namespace itself, for callers that could not enter it.
    options->netns = resolveNetworkNamespace(options->netns);
    int rc = 0;
    if (p == Personality::Netdiag)
        rc = NetdiagTool(*options, io).run(args);
    else if (p == Personality::Netsh)
        rc = NetshTool(*options, io).run(args);
    else if (p == Personality::Gpupdate || p == Personality::Secedit)
        rc = IpsecCmdTool(*options, io, personalityName(p)).refresh(args);
    else if (p == Personality::IpsecCmd && !args.isEmpty()
             && args.first().compare(u"batch"_s, Qt::CaseInsensitive) == 0)
        rc = BatchTool(*options, io).run(args.mid(1));
    else
        rc = IpsecCmdTool(*options, io, personalityName(p)).run(args);
    io.out.flush();
    io.err.flush();
    return rc;
}

ChangeOptions Cli::changeOptions(const CliOptions &options)
{
    ChangeOptions o;
    o.confirmWithinSeconds = options.confirmWithinSeconds;
    o.force = options.force;
    o.sshConnection = qEnvironmentVariable("SSH_CONNECTION");
    return o;
}

int Cli::awaitConfirmation(PolicyClient &client, const CliOptions &options, const QString &program,
                           CliIo io)
{
    if (options.confirmWithinSeconds <= 0)
        return 0;
    const auto pending = client.pendingConfirmation();
    if (!pending)
        return 0;
    if (client.backend() == PolicyClient::Backend::Agent) {
        // The agent holds the deadline; this program is free to go.
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(pending->deadline);
        io.out << tr("Keep these changes? Confirm with '%1 confirm' within %n s; otherwise the "
                     "policy agent rolls them back.",
                     nullptr, int(left))
                      .arg(program)
               << '\n';
        return 0;
    }
    // In this process: it holds the deadline and waits for the confirmation.
    auto *local = qobject_cast<PolicyService *>(&client);
    if (!local)
        return 0;
    io.out.flush();
    io.err.flush();
    return ConfirmationWait(
               *local, [local] { local->rollBackNow(); }, options.netns, program, io)
        .run();
}
