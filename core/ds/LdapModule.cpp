// LdapDirectory::connect: loads the LDAP module (see LdapDirectory.h) on first use.

#include "ds/LdapDirectory.h"

#include <QFileInfo>

#include <atomic>
#include <cstdlib>
#include <dlfcn.h>
#include <mutex>

using namespace Qt::StringLiterals;

namespace ipsec::ds {

namespace {

struct Module {
    IpsecLdapConnect *connect = nullptr;
    IpsecLdapLoad *load = nullptr;
    QString problem; // why it could not be loaded
};

Module open()
{
    Module m;
    const QString path = LdapDirectory::modulePath();
    // Never unloaded: the connections' code (and their virtual tables) live in it.
    void *handle = ::dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *why = ::dlerror();
        m.problem = why ? QString::fromLocal8Bit(why) : QString();
        return m;
    }
    auto *abi = reinterpret_cast<IpsecLdapModuleAbi *>(::dlsym(handle, "ipsec_ldap_module_abi"));
    if (!abi || qstrcmp(abi(), IPSEC_LDAP_MODULE_ABI) != 0) {
        m.problem = LdapDirectory::tr("it belongs to another version of the program");
        return m;
    }
    m.connect = reinterpret_cast<IpsecLdapConnect *>(::dlsym(handle, "ipsec_ldap_connect"));
    m.load = reinterpret_cast<IpsecLdapLoad *>(::dlsym(handle, "ipsec_ldap_load"));
    if (!m.connect || !m.load) {
        m.connect = nullptr;
        m.problem = LdapDirectory::tr("it lacks the expected entry points");
    }
    return m;
}

std::atomic<const Module *> g_module{nullptr};

const Module &module()
{
    static std::once_flag once;
    static Module m;
    std::call_once(once, [] {
        m = open();
        g_module = &m;
    });
    return m;
}

} // namespace

QString LdapDirectory::modulePath()
{
    // Testing hook (secure_getenv: never from the environment of a set-user-id program).
    if (const char *file = ::secure_getenv("IPSEC_CONSOLE_LDAP_MODULE"); file && *file)
        return QFile::decodeName(file);
    // A program run from the build tree uses the module built beside it.
    const QString exe = QFileInfo(u"/proc/self/exe"_s).canonicalFilePath();
    const QString buildTree = QFileInfo(QStringLiteral(IPSEC_BINARY_DIR)).canonicalFilePath();
    if (!buildTree.isEmpty() && exe.startsWith(buildTree + u'/'))
        return QStringLiteral(IPSEC_LDAP_MODULE_BUILT);
    return QStringLiteral(IPSEC_LDAP_MODULE_INSTALLED);
}

Result<std::unique_ptr<LdapDirectory>> LdapDirectory::connect(const DirectoryOptions &options)
{
    const Module &m = module();
    if (!m.connect)
        return Error::store(tr("The directory cannot be used: the LDAP module %1 could not be "
                               "loaded (%2). Reinstall the program or check its installation.")
                                .arg(modulePath(), m.problem));
    Result<std::unique_ptr<LdapDirectory>> result = Error::store(QString());
    m.connect(options, result);
    return result;
}

LdapDirectory::Load LdapDirectory::load()
{
    // Only a loaded module has counted anything.
    const Module *m = g_module.load();
    return m && m->load ? m->load() : Load{};
}

} // namespace ipsec::ds
