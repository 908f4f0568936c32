// Resource accounting: resource.PodRequests (component-helpers/resource/helpers.go) and
// framework.Resource (pkg/scheduler/framework/types.go).
#include "sim/scheduler/framework.h"

#include <algorithm>
#include <deque>
#include <mutex>
#include <unordered_map>

namespace podscape::sched {

namespace {

struct ScalarRegistry {
    std::mutex mutex;
    std::deque<std::string> names;
    std::unordered_map<std::string_view, ScalarResourceId> ids;
};

ScalarRegistry &scalarRegistry()
{
    static ScalarRegistry registry;
    return registry;
}

// A resource list under construction; names view the pod's ResourceList keys.
class RequestList {
public:
    void add(std::string_view name, const Quantity &q)
    {
        if (Quantity *existing = find(name))
            *existing += q;
        else
            entries_.emplace_back(name, q);
    }
    void addAll(const RequestList &other)
    {
        for (const auto &[name, q] : other.entries_)
            add(name, q);
    }
    // maxResourceList: per name, the larger quantity.
    void maxWith(const RequestList &other)
    {
        for (const auto &[name, q] : other.entries_) {
            Quantity *existing = find(name);
            if (!existing)
                entries_.emplace_back(name, q);
            else if (q > *existing)
                *existing = q;
        }
    }
    Quantity *find(std::string_view name)
    {
        for (auto &[n, q] : entries_)
            if (n == name)
                return &q;
        return nullptr;
    }
    const std::vector<std::pair<std::string_view, Quantity>> &entries() const { return entries_; }

private:
    std::vector<std::pair<std::string_view, Quantity>> entries_;
};

// A container's requests, with applyNonMissing's 100m / 200Mi defaults when asked.
RequestList containerRequests(const Container &c, bool nonMissingDefaults)
{
    RequestList list;
    for (const auto &[name, q] : c.resources.requests)
        list.add(name, q);
    if (nonMissingDefaults) {
        if (!c.resources.requests.count("cpu"))
            list.add("cpu", Quantity::fromMilli(kDefaultMilliCPURequest));
        if (!c.resources.requests.count("memory"))
            list.add("memory", Quantity::fromValue(kDefaultMemoryRequest));
    }
    return list;
}

// resource.AggregateContainerRequests + the pod overhead (PodRequests without pod-level resources).
RequestList aggregatePodRequests(const Pod &pod, bool nonMissingDefaults)
{
    RequestList reqs;
    for (const auto &c : pod.spec.containers)
        reqs.addAll(containerRequests(c, nonMissingDefaults));
    RequestList restartable;
    RequestList initPeak;
    for (const auto &c : pod.spec.initContainers) {
        RequestList cr = containerRequests(c, nonMissingDefaults);
        if (c.isSidecar()) {
            reqs.addAll(cr);
            restartable.addAll(cr);
            cr = restartable;
        } else {
            cr.addAll(restartable);
        }
        initPeak.maxWith(cr);
    }
    reqs.maxWith(initPeak);
    for (const auto &[name, q] : pod.spec.overhead)
        reqs.add(name, q);
    return reqs;
}

std::int64_t quantityFor(std::string_view name, const Quantity &q)
{
    return name == "cpu" ? q.milliValue() : q.value();
}

}  // namespace

ScalarResourceId scalarResourceId(std::string_view name)
{
    auto &r = scalarRegistry();
    std::lock_guard lock(r.mutex);
    if (auto it = r.ids.find(name); it != r.ids.end())
        return it->second;
    auto id = static_cast<ScalarResourceId>(r.names.size());
    r.ids.emplace(r.names.emplace_back(name), id);
    return id;
}

std::string_view scalarResourceName(ScalarResourceId id)
{
    auto &r = scalarRegistry();
    std::lock_guard lock(r.mutex);
    return r.names.at(id);
}

// schedutil.IsScalarResourceName: extended, hugepages-, kubernetes.io/-prefixed native and
// attachable-volumes- resources.
bool isScalarResourceName(std::string_view name)
{
    if (name.starts_with("hugepages-") || name.starts_with("attachable-volumes-"))
        return true;
    if (name.find("kubernetes.io/") != std::string_view::npos)
        return true;
    return name.find('/') != std::string_view::npos && !name.starts_with("requests.");
}

// --- Resource ---------------------------------------------------------------------------------

std::int64_t Resource::scalar(ScalarResourceId id) const
{
    for (const auto &s : scalars)
        if (s.id == id)
            return s.value;
    return 0;
}

void Resource::addScalar(ScalarResourceId id, std::int64_t delta)
{
    for (auto &s : scalars) {
        if (s.id == id) {
            s.value += delta;
            return;
        }
    }
    auto pos = std::lower_bound(scalars.begin(), scalars.end(), id,
                                [](const ScalarQuantity &s, ScalarResourceId v) { return s.id < v; });
    scalars.insert(pos, {id, delta});
}

void Resource::clear()
{
    milliCPU = memory = ephemeralStorage = allowedPodNumber = 0;
    scalars.clear();
}

bool Resource::isZero() const
{
    return milliCPU == 0 && memory == 0 && ephemeralStorage == 0 && scalars.empty();
}

void Resource::add(const ResourceList &list)
{
    for (const auto &[name, q] : list) {
        if (name == "cpu")
            milliCPU += q.milliValue();
        else if (name == "memory")
            memory += q.value();
        else if (name == "pods")
            allowedPodNumber += q.value();
        else if (name == "ephemeral-storage")
            ephemeralStorage += q.value();
        else if (isScalarResourceName(name))
            addScalar(scalarResourceId(name), q.value());
    }
}

// --- Pod requests -----------------------------------------------------------------------------

std::int64_t podRequest(const Pod &pod, std::string_view resourceName, bool nonMissingDefaults)
{
    RequestList reqs = aggregatePodRequests(pod, nonMissingDefaults);
    const Quantity *q = reqs.find(resourceName);
    return q ? quantityFor(resourceName, *q) : 0;
}

// PodInfo.CalculateResource: Resource.Add(PodRequests) and the non-zero cpu/memory requests.
PodResources computePodResources(const Pod &pod)
{
    PodResources out;
    const RequestList requests = aggregatePodRequests(pod, false);
    for (const auto &[name, q] : requests.entries()) {
        if (name == "cpu")
            out.requests.milliCPU += q.milliValue();
        else if (name == "memory")
            out.requests.memory += q.value();
        else if (name == "ephemeral-storage")
            out.requests.ephemeralStorage += q.value();
        else if (name != "pods" && isScalarResourceName(name))
            out.requests.addScalar(scalarResourceId(name), q.value());
    }
    RequestList nonZero = aggregatePodRequests(pod, true);
    if (const Quantity *cpu = nonZero.find("cpu"))
        out.nonZeroMilliCPU = cpu->milliValue();
    if (const Quantity *mem = nonZero.find("memory"))
        out.nonZeroMemory = mem->value();
    return out;
}

// podWithAffinity / podWithRequiredAntiAffinity (framework/types.go).
PodInfo makePodInfo(std::shared_ptr<const Pod> pod)
{
    PodInfo info;
    info.resources = computePodResources(*pod);
    const auto &affinity = pod->spec.affinity;
    info.hasAffinity = affinity && (affinity->podAffinity || affinity->podAntiAffinity);
    info.hasRequiredAntiAffinity = affinity && affinity->podAntiAffinity && !affinity->podAntiAffinity->required.empty();
    info.terminating = pod->metadata.deletionTimestamp.has_value();
    info.uidHash = podUidHash(*pod);
    info.pod = std::move(pod);
    return info;
}

std::vector<HostPort> podHostPorts(const Pod &pod)
{
    std::vector<HostPort> out;
    auto collect = [&out](const Container &c) {
        for (const auto &p : c.ports) {
            if (p.hostPort <= 0)
                continue;
            out.push_back({p.hostIP.empty() ? "0.0.0.0" : p.hostIP, p.protocol.empty() ? "TCP" : p.protocol, p.hostPort});
        }
    };
    for (const auto &c : pod.spec.initContainers)
        if (c.isSidecar())
            collect(c);
    for (const auto &c : pod.spec.containers)
        collect(c);
    return out;
}

}  // namespace podscape::sched
