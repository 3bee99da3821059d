// Fuzz target: the ipsecpol/ipseccmd command line, as pasted: splitCommandLine() then parse().
// A command that parses must print back to arguments that parse to the same command.

#include "syntax/IpsecCmd.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ipsec::syntax;
    const QString line = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const QStringList words = IpsecCmdParser::splitCommandLine(line, &error);
    if (!error.isEmpty() || words.isEmpty())
        return 0;
    auto command = IpsecCmdParser::parse(words.mid(1));
    if (!command) {
        if (command.error().message.isEmpty())
            std::abort();
        return 0;
    }
    auto again = IpsecCmdParser::parse(IpsecCmdPrinter::arguments(*command));
    if (!again)
        std::abort(); // what the printer writes must parse
    return 0;
}
