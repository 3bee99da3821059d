#pragma once

#include "Cli.h"

#include "syntax/BatchScript.h"

#include <QHash>
#include <QSet>

// `ipseccmd batch FILE [ARGS...]`: a Windows batch file run as cmd.exe runs it. Each command
// runs on its own (netsh, ipsecpol, ipseccmd and netdiag lines in this process; echo, rem, set,
// chcp, color, title, cls, pause, labels as cmd.exe does them); a failing command is reported
// with its line number and the next one runs; && and || follow the exit status; the exit status
// is 1 when a command failed, and a summary ends the run. goto, call, for and if are refused
// line by line with a sentence. With --atomic the netsh lines are applied as one transaction.
class BatchTool {
    Q_DECLARE_TR_FUNCTIONS(BatchTool)
public:
    BatchTool(CliOptions options, CliIo io);
    int run(const QStringList &args);

private:
    struct Outcome {
        int rc = 0;
        bool failed = false; // counted in the summary (rc alone may be a tool's own status)
        bool stop = false;   // exit, goto :eof
    };
    int runLines(const QList<ipsec::syntax::BatchScript::Line> &lines);
    int runAtomic(const QList<ipsec::syntax::BatchScript::Line> &lines, const QString &text);
    // Where a command's output goes: > file, >> file, >nul, 2> file, 2>&1 (cmd.exe's forms).
    struct Redirect {
        enum class To : quint8 { Screen, Nul, File, OtherStream };
        struct Stream {
            To to = To::Screen;
            QString file;
            bool append = false;
        };
        Stream out;
        Stream err;
    };
    Outcome runCommand(QString text, int line);
    // cmd.exe's built-ins and the programs; program: the first word without path and .exe.
    std::optional<Outcome> builtin(const QString &program, const QString &text, int line);
    Outcome serviceControl(const QStringList &words, int line);
    Outcome runTool(const QString &program, const QStringList &args, int line,
                    const Redirect &redirect);
    // The command without its redirections; an error (the command is not run, as with cmd.exe)
    // when a target cannot be used.
    ipsec::Result<QString> redirections(const QString &text, Redirect &redirect);
    // Writes text where a stream goes (not the screen); false after reporting a failure.
    bool writeTo(const Redirect::Stream &stream, const QString &text, int line);
    QSet<QString> m_writtenThisCommand; // files a > has already emptied for this command
    QString expand(const QString &text);
    void error(int line, const QString &message);
    void note(int line, const QString &message);
    static QString programOf(const QString &word);

    CliOptions m_options;
    CliIo m_io;
    QString m_origin;               // the file name, for messages
    QStringList m_args;             // %0 (the file) and %1...
    QHash<QString, QString> m_vars; // case-folded names
    int m_errorLevel = 0;
    int m_commands = 0;
    QList<int> m_failedLines;
    QSet<QString> m_notesSaid;
};
