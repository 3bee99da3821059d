// Fuzz target: a netsh script or batch file as bytes, the way `netsh -f FILE` reads it.
// Every refusal must say why; every command that parses must carry its own text.

#include "syntax/Netsh.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ipsec::syntax;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto commands = NetshScript::parse(bytes, QStringLiteral("fuzz.cmd"));
    if (!commands) {
        if (commands.error().message.isEmpty())
            std::abort();
        return 0;
    }
    for (const NetshCommand &c : commands.value()) {
        if (c.text.isEmpty())
            std::abort();
    }
    return 0;
}
