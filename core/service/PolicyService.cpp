#include "service/PolicyService.h"

#include "service/StaticCommand.h"
#include "store/PolicyStore.h"

using namespace Qt::StringLiterals;

namespace ipsec {

PolicyService::PolicyService(std::unique_ptr<PolicyStore> store, Options options)
    : m_store(std::move(store))
    , m_options(std::move(options))
{
    connect(m_store.get(), &PolicyStore::changed, this, &PolicyService::changed);
}

PolicyService::~PolicyService() = default;

Result<std::unique_ptr<PolicyService>> PolicyService::open(const Options &options)
{
    const QString path = PolicyStore::resolvePath(options.storePath);
    auto store = PolicyStore::open(path, options.readOnly ? PolicyStore::OpenMode::ReadOnly
                                                          : PolicyStore::OpenMode::ReadWrite);
    if (!store)
        return store.error();
    return std::unique_ptr<PolicyService>(new PolicyService(std::move(store.value()), options));
}

QString PolicyService::storePath() const { return m_store->path(); }
QString PolicyService::netns() const { return m_options.netns; }
Result<PolicyDatabase> PolicyService::load() const { return m_store->load(); }
void PolicyService::setWatchInterval(int intervalMs) { m_store->setWatchInterval(intervalMs); }

Result<ServiceReport> PolicyService::executeStatic(const syntax::IpsecCmdCommand &command)
{
    if (auto ok = StaticCommand::check(command); !ok)
        return ok.error();
    ServiceReport report;
    auto ok = m_store->write([&](StoreWriter &w) { return StaticCommand(w, report).run(command); });
    if (!ok)
        return ok.error();
    return report;
}

Result<ServiceReport> PolicyService::assignPolicy(const QString &name)
{
    syntax::IpsecCmdCommand c;
    c.staticMode = true;
    c.storeType = u"REG"_s;
    c.policyName = name;
    c.assign = true;
    ServiceReport report;
    auto ok = m_store->write([&](StoreWriter &w) -> Result<void> {
        auto p = w.findPolicy(name);
        if (!p)
            return p.error();
        if (!p.value())
            return Error::notFound(tr("There is no policy named \"%1\".").arg(name));
        return StaticCommand(w, report).run(c);
    });
    if (!ok)
        return ok.error();
    return report;
}

Result<ServiceReport> PolicyService::unassignPolicy(const QString &name)
{
    ServiceReport report;
    auto ok = m_store->write([&](StoreWriter &w) -> Result<void> {
        auto assigned = w.assignedPolicy();
        if (!assigned)
            return assigned.error();
        if (!assigned.value()) {
            report.notices << tr("No policy is assigned.");
            return {};
        }
        auto p = w.policy(*assigned.value());
        if (!p)
            return p.error();
        if (!name.isEmpty() && p->name.compare(name, Qt::CaseInsensitive) != 0) {
            report.notices << tr("Policy \"%1\" is not assigned (\"%2\" is).").arg(name, p->name);
            return {};
        }
        report.messages << tr("Unassigned policy \"%1\".").arg(p->name);
        return w.setAssignedPolicy(std::nullopt);
    });
    if (!ok)
        return ok.error();
    return report;
}

Result<ServiceReport> PolicyService::deletePolicy(const QString &name)
{
    syntax::IpsecCmdCommand c;
    c.staticMode = true;
    c.storeType = u"REG"_s;
    c.policyName = name;
    c.remove = true;
    return executeStatic(c);
}

} // namespace ipsec
