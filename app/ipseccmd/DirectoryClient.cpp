#include "DirectoryClient.h"

#include "ds/DirectoryStore.h"
#include "service/PolicyService.h"
#include "util/NetNamespace.h"

using namespace Qt::StringLiterals;
using namespace ipsec;

QString DirectoryClient::baseDnOf(const QString &domain)
{
    const QStringList labels = domain.trimmed().split(u'.');
    QStringList parts;
    for (const QString &label : labels) {
        if (label.isEmpty() || label.contains(u',') || label.contains(u'='))
            return {};
        parts << u"DC="_s + label;
    }
    return parts.join(u',');
}

Result<std::unique_ptr<PolicyClient>> DirectoryClient::open(const CliOptions &options,
                                                            const QString &domain)
{
    // --directory, --computer, --bind-dn, --bind-password-file (Cli), else the environment.
    ds::DirectoryOptions explicitOptions = options.directory;
    if (!domain.isEmpty()) {
        explicitOptions.baseDn = baseDnOf(domain);
        if (explicitOptions.baseDn.isEmpty())
            return Error::usage(
                tr("\"%1\" is not a domain name (like corp.example.com).").arg(domain));
        // A domain's name resolves to its domain controllers.
        if (explicitOptions.url.isEmpty() && qEnvironmentVariableIsEmpty("IPSEC_CONSOLE_DIRECTORY"))
            explicitOptions.url = u"ldap://"_s + domain.trimmed();
    }
    auto resolved = ds::DirectoryOptions::resolve(explicitOptions);
    if (!resolved)
        return Error::usage(tr("No directory to work on: %1").arg(resolved.error().message));
    if (!options.netns.isEmpty()) {
        if (auto ok = enterNetworkNamespace(options.netns); !ok)
            return ok.error();
    }
    auto store =
        std::make_shared<ds::DirectoryStore>(ds::DirectoryStore::Options{*resolved, QString()});
    if (auto ok = store->connectNow(); !ok) {
        Error e = ok.error();
        if (e.code == ErrorCode::Store)
            e.message += u' ' + tr("Nothing was read or changed.");
        return e;
    }
    PolicyService::Options serviceOptions;
    serviceOptions.netns = options.netns;
    serviceOptions.dryRun = options.dryRun;
    auto service = PolicyService::openOn(store, serviceOptions);
    if (!service)
        return service.error();
    return std::unique_ptr<PolicyClient>(std::move(service.value()));
}
