#include "Cli.h"

#include "IpsecCmdTool.h"
#include "NetdiagTool.h"
#include "util/NetNamespace.h"

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
        if (key == u"--store"_s || key == u"--netns"_s) {
            auto v = value();
            if (!v)
                return v.error();
            if (v->isEmpty())
                return Error::usage(tr("%1 needs a non-empty value.").arg(key));
            (key == u"--store"_s ? o.store : o.netns) = *v;
        } else if (key == u"--json"_s && eq < 0) {
            o.json = true;
        } else if (key == u"--dry-run"_s && eq < 0) {
            o.dryRun = true;
        } else if (key == u"--no-ike-exemption"_s && eq < 0) {
            o.ikeExemption = false;
        } else if (key == u"--ike-exemption"_s && eq < 0) {
            o.ikeExemption = true;
        } else if (key == u"--help"_s && eq < 0) {
            o.help = true;
        } else if (key == u"--version"_s && eq < 0) {
            o.version = true;
        } else if (subcommandOptions) {
            rest << a;
        } else {
            return Error::usage(tr("Unknown option \"%1\". Options: --store PATH, --netns NAME, "
                                   "--json, --dry-run, --[no-]ike-exemption, --help, --version.")
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

int Cli::run(const QString &argv0, const QStringList &arguments, CliIo io)
{
    const Personality p = personalityOf(argv0);
    QStringList args = arguments;
    auto options = takeOptions(args);
    if (!options)
        return fail(options.error(), io, p);
    if (options->version) {
        io.out << personalityName(p) << " (IPsec Policy Console) " << IPSEC_VERSION << '\n';
        return 0;
    }
    const QString netns = resolveNetworkNamespace(options->netns);
    if (!netns.isEmpty() && !options->help) {
        if (auto ok = enterNetworkNamespace(netns); !ok)
            return fail(ok.error(), io, p);
        options->netns = netns;
    }
    int rc = 0;
    if (p == Personality::Netdiag)
        rc = NetdiagTool(*options, io).run(args);
    else
        rc = IpsecCmdTool(*options, io, personalityName(p)).run(args);
    io.out.flush();
    io.err.flush();
    return rc;
}
