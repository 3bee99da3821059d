#include "BatchTool.h"

#include "IpsecCmdTool.h"
#include "NetdiagTool.h"
#include "NetshTool.h"

#include "syntax/BatchArithmetic.h"
#include "syntax/Netsh.h"
#include "syntax/ScriptEncoding.h"
#include "util/SafeFile.h"

#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace ipsec;
using syntax::BatchScript;

namespace {

bool is(const QString &word, QStringView what)
{
    return word.compare(what, Qt::CaseInsensitive) == 0;
}

// The names the IPsec Policy Agent service goes by in scripts.
bool isPolicyAgent(const QString &name)
{
    return is(name, u"policyagent") || is(name, u"IPSEC Services")
           || is(name, u"IPsec Policy Agent");
}

} // namespace

BatchTool::BatchTool(CliOptions options, CliIo io)
    : m_options(std::move(options))
    , m_io(io)
{
}

QString BatchTool::programOf(const QString &word)
{
    QString w = word;
    if (w.startsWith(u'@'))
        w.remove(0, 1);
    const qsizetype slash = std::max(w.lastIndexOf(u'\\'), w.lastIndexOf(u'/'));
    w = w.mid(slash + 1).toLower();
    for (const auto *ext : {u".exe", u".com"})
        if (w.endsWith(QStringView(ext)))
            w.chop(4);
    return w;
}

void BatchTool::error(int line, const QString &message)
{
    m_io.err << tr("%1 line %2: %3").arg(m_origin).arg(line).arg(message) << '\n';
}

void BatchTool::note(int line, const QString &message)
{
    m_io.err << tr("%1 line %2: note: %3").arg(m_origin).arg(line).arg(message) << '\n';
}

QString BatchTool::expand(const QString &text)
{
    m_vars.insert(u"errorlevel"_s, QString::number(m_errorLevel));
    return BatchScript::expand(text, m_vars, m_args);
}

int BatchTool::run(const QStringList &args)
{
    if (args.isEmpty() || m_options.help) {
        m_io.out << tr("usage: ipseccmd batch [--atomic] [--encoding NAME] [--store PATH] "
                       "[--netns NAME] FILE [ARGUMENTS...]\n"
                       "Runs a Windows batch file as cmd.exe does: netsh, ipsecpol, ipseccmd and "
                       "netdiag lines, each on its own. Variables (%NAME%, %NAME:old=new%, "
                       "%NAME:~start,length%), set /a and output redirection (> >> 2> 2>&1 "
                       ">nul) work as in cmd.exe; goto, call, for and if are refused line by "
                       "line. See the README, \"Windows batch files\".\n");
        return args.isEmpty() && !m_options.help ? int(ErrorCode::Usage) : 0;
    }
    if (m_options.confirmWithinSeconds > 0 && !m_options.atomic) {
        m_io.err << tr("ipseccmd: --confirm-within with a batch file needs --atomic (one change "
                       "to confirm, not one per line).")
                 << '\n';
        return int(ErrorCode::Usage);
    }
    const QString path = args.first();
    m_origin = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_io.err << tr("ipseccmd: cannot read the batch file %1: %2").arg(path, file.errorString())
                 << '\n';
        return int(ErrorCode::NotFound);
    }
    const QByteArray bytes = file.read(syntax::NetshScript::MaxBytes + 1);
    auto text = syntax::ScriptEncoding::decode(bytes, m_origin, m_options.encoding);
    if (!text) {
        m_io.err << "ipseccmd: " << text.error().message << '\n';
        return int(text.error().code);
    }
    if (!text->assumption.isEmpty())
        m_io.err << tr("note: %1").arg(text->assumption) << '\n';
    m_args = QStringList{path} + args.mid(1);
    // The variables batch files for Windows rely on.
    m_vars.insert(u"systemroot"_s, u"C:\\Windows"_s);
    m_vars.insert(u"windir"_s, u"C:\\Windows"_s);
    m_vars.insert(u"systemdrive"_s, u"C:"_s);
    m_vars.insert(u"computername"_s, QHostInfo::localHostName());
    m_vars.insert(u"cd"_s, QFileInfo(path).absolutePath());
    const auto lines = BatchScript::lines(text->text);
    const int rc = m_options.atomic ? runAtomic(lines, text->text) : runLines(lines);
    m_io.out.flush();
    m_io.err.flush();
    return rc;
}

int BatchTool::runLines(const QList<BatchScript::Line> &lines)
{
    bool stop = false;
    int exitCode = 0;
    for (const BatchScript::Line &line : lines) {
        const QString trimmed = line.text.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u':'))
            continue; // labels and :: comments
        // rem and echo take the rest of the line as it is (no chaining, no variables in rem).
        const QString first = programOf(trimmed.section(u' ', 0, 0));
        if (first == u"rem"_s || first.startsWith(u"rem."_s))
            continue;
        bool pipe = false;
        const auto commands = BatchScript::commands(expand(trimmed), &pipe);
        if (pipe) {
            ++m_commands;
            m_failedLines << line.number;
            error(line.number, tr("a pipe (|) is not run here; the line is skipped."));
            continue;
        }
        int rc = m_errorLevel;
        bool ranAny = false;
        for (const BatchScript::Command &c : commands) {
            using J = BatchScript::Command::Join;
            if ((c.join == J::IfSucceeded && rc != 0) || (c.join == J::IfFailed && rc == 0))
                continue;
            const Outcome o = runCommand(c.text, line.number);
            rc = o.rc;
            ranAny = true;
            if (o.failed && !m_failedLines.contains(line.number))
                m_failedLines << line.number;
            if (o.stop) {
                stop = true;
                exitCode = o.rc;
                break;
            }
        }
        if (ranAny)
            m_errorLevel = rc;
        if (stop)
            break;
    }
    if (m_failedLines.isEmpty()) {
        m_io.out << tr("%1: %n command(s) run, none failed.", nullptr, m_commands).arg(m_origin)
                 << '\n';
        return exitCode;
    }
    QStringList numbers;
    for (int n : std::as_const(m_failedLines))
        numbers << QString::number(n);
    m_io.err << tr("%1: %n command(s) run; failed at line(s) %2.", nullptr, m_commands)
                    .arg(m_origin, numbers.join(u", "_s))
             << '\n';
    return 1;
}

Result<QString> BatchTool::redirections(const QString &text, Redirect &redirect)
{
    static const QRegularExpression re(u"\\s*([12]?)(>>?)\\s*(&[12]|\"[^\"]*\"|[^\\s\"&|<>]+)"_s);
    redirect = {};
    m_writtenThisCommand.clear();
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        Redirect::Stream &s = m.captured(1) == u"2"_s ? redirect.err : redirect.out;
        QString target = m.captured(3);
        s.append = m.captured(2) == u">>"_s;
        s.file.clear();
        if (target.startsWith(u'&')) {
            const bool toSelf = (&s == &redirect.out) == (target == u"&1"_s);
            s.to = toSelf ? Redirect::To::Screen : Redirect::To::OtherStream;
            continue;
        }
        if (target.size() >= 2 && target.startsWith(u'"') && target.endsWith(u'"'))
            target = target.mid(1, target.size() - 2);
        if (is(target, u"nul") || is(target, u"nul:")) {
            s.to = Redirect::To::Nul;
            continue;
        }
        static const QRegularExpression windowsPath(u"^[A-Za-z]:|\\\\"_s);
        if (windowsPath.match(target).hasMatch())
            return Error::usage(tr("%1 is a Windows path; give a path of this system for the "
                                   "output. The command was not run (as cmd.exe does not run a "
                                   "command whose output file it cannot open).")
                                    .arg(target));
        s.to = Redirect::To::File;
        s.file = QFileInfo(target).absoluteFilePath();
    }
    QString rest = text;
    rest.replace(re, QString());
    return rest.trimmed();
}

bool BatchTool::writeTo(const Redirect::Stream &stream, const QString &text, int line)
{
    if (stream.to != Redirect::To::File)
        return true;
    // > empties the file once per command (cmd.exe creates it even for no output); >> and a
    // second stream of the same command add to it.
    QByteArray bytes;
    if (stream.append || m_writtenThisCommand.contains(stream.file)) {
        auto target = SafeFile::target(stream.file);
        if (!target) {
            error(line, target.error().message);
            return false;
        }
        QFile old(*target);
        if (old.exists()) {
            if (!old.open(QIODevice::ReadOnly)) {
                error(line, tr("cannot read %1: %2").arg(stream.file, old.errorString()));
                return false;
            }
            bytes = old.readAll();
        }
    }
    m_writtenThisCommand.insert(stream.file);
    bytes += text.toUtf8();
    if (auto ok = SafeFile::write(stream.file, bytes, SafeFile::Access::Readable); !ok) {
        error(line, ok.error().message);
        return false;
    }
    return true;
}

BatchTool::Outcome BatchTool::runCommand(QString text, int line)
{
    if (text.startsWith(u'@'))
        text.remove(0, 1);
    text = text.trimmed();
    if (text.isEmpty())
        return {};
    // echo prints its text as written (before redirections are looked at).
    const QString program = programOf(text.section(u' ', 0, 0));
    if (program == u"echo"_s || program.startsWith(u"echo."_s) || program.startsWith(u"echo:"_s)) {
        QString rest = text.mid(4);
        if (is(rest.trimmed(), u"off") || is(rest.trimmed(), u"on"))
            return {};
        Redirect r;
        auto said = redirections(rest.mid(1), r);
        if (!said) {
            ++m_commands;
            error(line, said.error().message);
            return {1, true};
        }
        const Redirect::Stream &to = r.out.to == Redirect::To::OtherStream ? r.err : r.out;
        if (to.to == Redirect::To::Screen)
            m_io.out << *said << '\n';
        else if (!writeTo(to, *said + u'\n', line))
            return {1, true};
        return {};
    }
    if (auto done = builtin(program, text, line))
        return *done;
    ++m_commands;
    Redirect r;
    auto command = redirections(text, r);
    if (!command) {
        error(line, command.error().message);
        return {1, true};
    }
    auto words = syntax::NetshParser::splitLine(*command);
    if (!words || words->isEmpty()) {
        error(line, words ? tr("nothing to run.") : words.error().message);
        return {1, true};
    }
    return runTool(programOf(words->first()), words->mid(1), line, r);
}

std::optional<BatchTool::Outcome> BatchTool::builtin(const QString &program, const QString &text,
                                                     int line)
{
    const QString rest = text.section(u' ', 1).trimmed();
    // Commands that change nothing of the IPsec policy: done (or nothing to do) here.
    for (const auto *quiet :
         {u"rem", u"setlocal", u"endlocal", u"color", u"title", u"cls", u"pause", u"mode",
          u"prompt", u"ver", u"verify", u"break", u"chcp", u"cd", u"chdir", u"pushd", u"popd"})
        if (program == QStringView(quiet))
            return Outcome{};
    if (program == u"set"_s) {
        if (rest.startsWith(u"/a"_s, Qt::CaseInsensitive)) {
            // Arithmetic as cmd.exe does it; in a batch file the result is not printed.
            // A quoted expression may hold << and >> (cmd.exe reads them as redirections
            // only outside quotes); a trailing >nul of an unquoted one goes.
            Redirect ignored;
            const QString raw = rest.mid(2);
            const auto stripped =
                raw.contains(u'"') ? Result<QString>(raw) : redirections(raw, ignored);
            const QString expression = (stripped ? *stripped : raw).trimmed();
            auto value = syntax::BatchArithmetic::evaluate(expression, m_vars);
            if (!value) {
                ++m_commands;
                error(line, tr("set /a %1: %2").arg(expression, value.error().message));
                return Outcome{1, true};
            }
            return Outcome{};
        }
        if (rest.startsWith(u"/p"_s, Qt::CaseInsensitive)) {
            ++m_commands;
            error(line, tr("set /p asks the user for a value; a batch file run here gets no "
                           "answers, so the line is skipped."));
            return Outcome{1, true};
        }
        QString assignment = rest;
        if (assignment.startsWith(u'"') && assignment.lastIndexOf(u'"') > 0)
            assignment = assignment.mid(1, assignment.lastIndexOf(u'"') - 1);
        const qsizetype eq = assignment.indexOf(u'=');
        if (eq <= 0)
            return Outcome{}; // `set` alone lists variables: nothing to do for the policy
        const QString name = assignment.left(eq).toCaseFolded();
        const QString value = assignment.mid(eq + 1);
        if (value.isEmpty())
            m_vars.remove(name);
        else
            m_vars.insert(name, value);
        return Outcome{};
    }
    if (program == u"exit"_s) {
        const QStringList words = rest.split(u' ', Qt::SkipEmptyParts);
        int code = 0;
        for (const QString &w : words)
            if (!w.startsWith(u'/'))
                code = w.toInt();
        return Outcome{code, false, true};
    }
    if (program == u"goto"_s && (is(rest, u":eof") || is(rest, u"eof")))
        return Outcome{m_errorLevel, false, true};
    for (const auto *flow : {u"goto", u"call", u"for", u"if", u"shift", u"start", u"choice"}) {
        if (program == QStringView(flow)) {
            ++m_commands;
            error(line, tr("%1 is not run here: batch control flow (goto, call, for, if) is not "
                           "supported, so this line is skipped; write the commands out one per "
                           "line.")
                            .arg(program));
            return Outcome{1, true};
        }
    }
    if (program == u"timeout"_s || program == u"sleep"_s
        || (program == u"ping"_s && rest.contains(u"127.0.0.1"_s))) {
        note(line, tr("waits are skipped (%1).").arg(program));
        return Outcome{};
    }
    if (program == u"sc"_s || program == u"net"_s || program == u"gpupdate"_s) {
        ++m_commands;
        Redirect ignored; // what is said here are this program's notes: on the screen
        auto command = redirections(text, ignored);
        auto words = syntax::NetshParser::splitLine(command ? *command : text);
        return serviceControl(words ? *words : QStringList{program}, line);
    }
    return std::nullopt;
}

BatchTool::Outcome BatchTool::serviceControl(const QStringList &words, int line)
{
    const QString program = programOf(words.value(0));
    const QString verb = words.value(1).toLower();
    const QString service = words.value(2);
    if (program == u"gpupdate"_s) {
        note(line, tr("gpupdate: the local policy is in force as stored; for a domain policy "
                      "run 'ipseccmd refresh'. Skipped."));
        return {};
    }
    const bool policyAgent = isPolicyAgent(service);
    if (!policyAgent) {
        note(line, tr("%1 %2 %3: only the IPsec Policy Agent (PolicyAgent) has a meaning here; "
                      "skipped.")
                       .arg(program, verb, service));
        return {};
    }
    if (verb == u"start"_s) {
        // Starting the Policy Agent applies the assigned policy: enforce it again.
        auto client = ClientFactory::open(Cli::clientOptions(m_options, false));
        if (!client) {
            error(line, client.error().message);
            return {int(client.error().code), true};
        }
        auto done = (*client)->enforce();
        if (!done) {
            error(line, done.error().message);
            return {int(done.error().code), true};
        }
        m_io.out << tr("%1 line %2: %3 start %4: the assigned policy is enforced (again).")
                        .arg(m_origin)
                        .arg(line)
                        .arg(program, service)
                 << '\n';
        return {};
    }
    if (verb == u"stop"_s) {
        note(line, tr("%1 stop %2: stopping the IPsec Policy Agent would lift the IPsec policy; "
                      "here the policy stays in force (lift it with 'ipseccmd "
                      "emergency-unassign'). Skipped.")
                       .arg(program, service));
        return {};
    }
    // sc config PolicyAgent start= auto|demand|disabled, and anything else.
    note(line, tr("%1 %2 %3: the policy agent here is the systemd service ipsec-policyd "
                  "('systemctl enable --now ipsec-policyd'); skipped.")
                   .arg(program, verb, service));
    return {};
}

BatchTool::Outcome BatchTool::runTool(const QString &program, const QStringList &args, int line,
                                      const Redirect &redirect)
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    CliIo io{outStream, errStream};
    CliOptions options = m_options;
    options.atomic = false; // a netsh -f inside the batch runs as netsh does
    options.encoding.clear();
    int rc = 0;
    if (program == u"netsh"_s) {
        rc = NetshTool(options, io).run(args);
    } else if (program == u"ipsecpol"_s || program == u"ipseccmd"_s) {
        if (!args.isEmpty() && is(args.first(), u"batch")) {
            error(line, tr("a batch file cannot run another one here; run it on its own."));
            return {int(ErrorCode::Usage), true};
        }
        rc = IpsecCmdTool(options, io, program).run(args);
    } else if (program == u"netdiag"_s) {
        rc = NetdiagTool(options, io).run(args);
    } else {
        error(line, tr("\"%1\" is not run here: the batch runner runs netsh, ipsecpol, ipseccmd "
                       "and netdiag lines and the batch basics (echo, rem, set, chcp, exit, "
                       "labels); the line is skipped.")
                        .arg(program));
        return {9009, true}; // cmd.exe's "is not recognized"
    }
    outStream.flush();
    errStream.flush();
    // 2>&1 sends the errors where the output goes, 1>&2 the output where the errors go.
    const Redirect::Stream &outTo =
        redirect.out.to == Redirect::To::OtherStream ? redirect.err : redirect.out;
    const Redirect::Stream &errTo =
        redirect.err.to == Redirect::To::OtherStream ? redirect.out : redirect.err;
    if (outTo.to == Redirect::To::Screen)
        m_io.out << out;
    else if (!writeTo(outTo, out, line))
        return {1, true};
    if (errTo.to != Redirect::To::Screen) {
        // The command's own messages go to the file (or nowhere); the summary still counts it.
        QStringList kept;
        for (const QString &e : err.split(u'\n', Qt::SkipEmptyParts))
            if (!e.startsWith(u"Try '"_s))
                kept << e;
        if (!writeTo(errTo, kept.isEmpty() ? QString() : kept.join(u'\n') + u'\n', line))
            return {1, true};
        return {rc, rc != 0};
    }
    for (QString e : err.split(u'\n', Qt::SkipEmptyParts)) {
        if (e.startsWith(u"Try '"_s))
            continue; // the --help hint means the command line here, not the batch file
        e.replace(u"netsh: command line: "_s, u"netsh: "_s);
        if (e.startsWith(u"note: "_s)) {
            if (!m_notesSaid.contains(e.mid(6))) // e.g. "Stored only" once, not per line
                note(line, e.mid(6));
            m_notesSaid.insert(e.mid(6));
        } else
            error(line, e);
    }
    return {rc, rc != 0};
}

int BatchTool::runAtomic(const QList<BatchScript::Line> &lines, const QString &text)
{
    // The netsh commands go into one script with the batch file's own line numbers; the
    // other lines run as usual before it (echo, set, notes), or after it (netdiag).
    QStringList script(text.count(u'\n') + 1);
    QList<std::pair<int, QStringList>> afterwards;
    for (const BatchScript::Line &line : lines) {
        const QString trimmed = line.text.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u':'))
            continue;
        const QString first = programOf(trimmed.section(u' ', 0, 0));
        if (first == u"rem"_s)
            continue;
        int slot = line.number - 1;
        for (const BatchScript::Command &c : BatchScript::commands(expand(trimmed))) {
            QString command = c.text;
            if (command.startsWith(u'@'))
                command.remove(0, 1);
            const QString program = programOf(command.section(u' ', 0, 0));
            if (program == u"netsh"_s) {
                if (slot >= line.lastNumber) {
                    error(line.number, tr("--atomic takes one netsh command per line; nothing "
                                          "was changed."));
                    return int(ErrorCode::Usage);
                }
                script[slot++] = command;
                continue;
            }
            if (program == u"ipsecpol"_s || program == u"ipseccmd"_s) {
                error(line.number,
                      tr("--atomic applies the netsh lines of a batch file as one transaction; "
                         "an %1 line is a change of its own. Run the file without --atomic, or "
                         "write the line as netsh. Nothing was changed.")
                          .arg(program));
                return int(ErrorCode::Usage);
            }
            if (program == u"netdiag"_s) {
                auto words = syntax::NetshParser::splitLine(command);
                afterwards.append({line.number, words ? words->mid(1) : QStringList{}});
                continue;
            }
            const Outcome o = runCommand(command, line.number);
            if (o.failed) {
                error(line.number, tr("--atomic: nothing was changed."));
                return o.rc ? o.rc : 1;
            }
            if (o.stop)
                break;
        }
    }
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    CliOptions options = m_options;
    options.encoding.clear();
    NetshTool netsh(options, CliIo{outStream, errStream});
    int rc = netsh.runText(script.join(u'\n'), m_origin, ScriptMode::Atomic);
    outStream.flush();
    errStream.flush();
    m_io.out << out;
    m_io.err << err;
    for (const auto &[line, args] : std::as_const(afterwards)) {
        if (rc != 0)
            break;
        rc = runTool(u"netdiag"_s, args, line, Redirect()).rc;
    }
    return rc;
}
