// framework.NodeInfo (pkg/scheduler/framework/types.go): SetNode, AddPodInfo, RemovePod, update.
#include "sim/scheduler/framework.h"

#include <algorithm>

namespace podscape::sched {

namespace {

void applyResources(NodeInfo &n, const PodResources &r, std::int64_t sign)
{
    n.requested.milliCPU += sign * r.requests.milliCPU;
    n.requested.memory += sign * r.requests.memory;
    n.requested.ephemeralStorage += sign * r.requests.ephemeralStorage;
    for (const auto &s : r.requests.scalars)
        n.requested.addScalar(s.id, sign * s.value);
    n.nonZeroMilliCPU += sign * r.nonZeroMilliCPU;
    n.nonZeroMemory += sign * r.nonZeroMemory;
}

// NodeInfo.updateUsedPorts. Removal drops one matching entry.
void updateUsedPorts(NodeInfo &n, const Pod &pod, bool add)
{
    for (auto &p : podHostPorts(pod)) {
        if (add) {
            n.usedPorts.push_back(std::move(p));
            continue;
        }
        auto it = std::find_if(n.usedPorts.begin(), n.usedPorts.end(), [&p](const HostPort &u) {
            return u.port == p.port && u.ip == p.ip && u.protocol == p.protocol;
        });
        if (it != n.usedPorts.end())
            n.usedPorts.erase(it);
    }
}

void update(NodeInfo &n, const PodInfo &info, std::int64_t sign)
{
    applyResources(n, info.resources, sign);
    n.podsWithAffinity += static_cast<std::uint32_t>(sign * (info.hasAffinity ? 1 : 0));
    n.podsWithRequiredAntiAffinity += static_cast<std::uint32_t>(sign * (info.hasRequiredAntiAffinity ? 1 : 0));
    updateUsedPorts(n, *info.pod, sign > 0);
}

bool samePod(const Pod &a, const Pod &b)
{
    if (!a.metadata.uid.empty() && !b.metadata.uid.empty())
        return a.metadata.uid == b.metadata.uid;
    return a.metadata.name == b.metadata.name && a.metadata.namespace_ == b.metadata.namespace_;
}

} // namespace

void NodeInfo::setNode(std::shared_ptr<const Node> n)
{
    node = std::move(n);
    name = node->metadata.name;
    unschedulable = node->spec.unschedulable;
    hasTaints = !node->spec.taints.empty();
    allocatable.clear();
    allocatable.add(node->status.allocatable.empty() ? node->status.capacity : node->status.allocatable);
}

void NodeInfo::addPod(PodInfo info)
{
    update(*this, info, 1);
    pods.push_back(std::move(info));
}

// RemovePod swaps the last pod into the removed one's place, as removeFromSlice does.
const PodInfo *NodeInfo::findPod(const Pod &pod) const
{
    // Two pods with uids match by uid, so a stored pod whose uid hash differs is passed over
    // without reading it; a pod without a uid, on either side, matches by name.
    static const std::size_t noUid = std::hash<std::string>{}(std::string());
    const std::size_t hash = podUidHash(pod);
    auto it = std::find_if(pods.begin(), pods.end(), [&](const PodInfo &p) {
        return (hash == noUid || p.uidHash == hash || p.uidHash == noUid) && samePod(*p.pod, pod);
    });
    return it == pods.end() ? nullptr : &*it;
}

bool NodeInfo::removePod(const Pod &pod)
{
    const PodInfo *found = findPod(pod);
    if (!found)
        return false;
    auto it = pods.begin() + (found - pods.data());
    update(*this, *it, -1);
    if (it != pods.end() - 1)
        *it = std::move(pods.back());
    pods.pop_back();
    return true;
}

std::int64_t NodeInfo::imageSize(std::uint32_t imageId) const
{
    auto it = std::lower_bound(images.begin(), images.end(), imageId,
                               [](const Image &i, std::uint32_t id) { return i.id < id; });
    return it != images.end() && it->id == imageId ? it->sizeBytes : -1;
}

} // namespace podscape::sched
