// The scheduler cache and its Snapshot (pkg/scheduler/backend/cache): NodeInfos by node, image
// states (addNodeImageStates) and the PVC usage set (usedPVCSet).
#include "sim/scheduler/cluster_snapshot.h"

#include <algorithm>

namespace podscape::sched {

std::int32_t DomainIndex::find(std::string_view value) const
{
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] == value)
            return static_cast<std::int32_t>(i);
    return -1;
}

ClusterSnapshot ClusterSnapshot::fromStore(const ObjectStore &store)
{
    ClusterSnapshot snapshot(&store);
    for (const auto &node : store.list<Node>())
        snapshot.setNode(node);
    for (const auto &pod : store.list<Pod>()) {
        if (pod->spec.nodeName.empty() || pod->status.phase == "Succeeded" || pod->status.phase == "Failed")
            continue;
        snapshot.addPod(pod);
    }
    return snapshot;
}

void ClusterSnapshot::changed()
{
    ++generation_;
    domainCache_.clear();
}

void ClusterSnapshot::countPod(const PodInfo &p, const NodeInfo &n, int delta)
{
    if (!p.terminating)
        matching_.podChanged(*p.pod, n.index, delta);
}

NodeInfo *ClusterSnapshot::findMutable(std::string_view name)
{
    auto it = byName_.find(name);
    return it == byName_.end() ? nullptr : &nodes_[it->second];
}

const NodeInfo *ClusterSnapshot::find(std::string_view name) const
{
    auto it = byName_.find(name);
    return it == byName_.end() ? nullptr : &nodes_[it->second];
}

// cache.addNodeImageStates / removeNodeImageStates: every name of every image; a node counts once.
void ClusterSnapshot::setImages(NodeInfo &n, int sign)
{
    if (sign < 0) {
        for (const auto &img : n.images)
            --imageNodeCounts_[img.id];
        n.images.clear();
        return;
    }
    for (const auto &image : n.node->status.images) {
        for (const auto &name : image.names) {
            auto [it, added] = imageIds_.emplace(name, static_cast<std::uint32_t>(imageNodeCounts_.size()));
            if (added)
                imageNodeCounts_.push_back(0);
            n.images.push_back({it->second, image.sizeBytes});
        }
    }
    std::sort(n.images.begin(), n.images.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    n.images.erase(
        std::unique(n.images.begin(), n.images.end(), [](const auto &a, const auto &b) { return a.id == b.id; }),
        n.images.end());
    for (const auto &img : n.images)
        ++imageNodeCounts_[img.id];
}

void ClusterSnapshot::setNode(std::shared_ptr<const Node> node)
{
    changed();
    if (NodeInfo *existing = findMutable(node->metadata.name)) {
        setImages(*existing, -1);
        existing->setNode(std::move(node)); // same name: the index and the name map stand
        setImages(*existing, 1);
        return;
    }
    NodeInfo info;
    info.setNode(std::move(node));
    setImages(info, 1);
    auto pos = std::lower_bound(nodes_.begin(), nodes_.end(), info.name,
                                [](const NodeInfo &n, std::string_view name) { return n.name < name; });
    pos = nodes_.insert(pos, std::move(info));
    byName_.emplace(std::string(pos->name), 0);
    renumberFrom(static_cast<std::size_t>(pos - nodes_.begin()));
    matching_.nodeInserted(pos->index);
}

// Index fields and name map entries of the nodes from `first` on.
void ClusterSnapshot::renumberFrom(std::size_t first)
{
    for (std::size_t i = first; i < nodes_.size(); ++i) {
        nodes_[i].index = static_cast<std::uint32_t>(i);
        byName_.find(nodes_[i].name)->second = static_cast<std::uint32_t>(i);
    }
}

bool ClusterSnapshot::removeNode(std::string_view name)
{
    NodeInfo *n = findMutable(name);
    if (!n)
        return false;
    changed();
    setImages(*n, -1);
    for (const auto &p : n->pods)
        updatePVCRefs(*p.pod, -1);
    countAffinity(*n, -1);
    const std::size_t at = n->index;
    byName_.erase(byName_.find(name));
    nodes_.erase(nodes_.begin() + static_cast<std::ptrdiff_t>(at));
    renumberFrom(at);
    matching_.nodeRemoved(at);
    return true;
}

void ClusterSnapshot::updatePVCRefs(const Pod &pod, int delta)
{
    for (const auto &v : pod.spec.volumes) {
        if (v.type != Volume::Type::PersistentVolumeClaim)
            continue;
        std::string key = pod.metadata.namespace_ + "/" + v.sourceName;
        if ((pvcRefs_[key] += delta) <= 0)
            pvcRefs_.erase(key);
    }
}

// The node's pods counted in, or out of, the snapshot's affinity totals.
void ClusterSnapshot::countAffinity(const NodeInfo &n, int sign)
{
    podsWithAffinity_ += static_cast<std::size_t>(sign) * n.podsWithAffinity;
    podsWithRequiredAntiAffinity_ += static_cast<std::size_t>(sign) * n.podsWithRequiredAntiAffinity;
}

bool ClusterSnapshot::addPod(std::shared_ptr<const Pod> pod, std::string_view nodeName)
{
    NodeInfo *n = findMutable(nodeName);
    if (!n)
        return false;
    ++generation_;
    updatePVCRefs(*pod, 1);
    countAffinity(*n, -1);
    n->addPod(makePodInfo(std::move(pod)));
    countPod(n->pods.back(), *n, 1);
    countAffinity(*n, 1);
    return true;
}

bool ClusterSnapshot::removePod(const Pod &pod, std::string_view nodeName)
{
    NodeInfo *n = findMutable(nodeName);
    if (!n)
        return false;
    const PodInfo *bound = n->findPod(pod);
    if (!bound)
        return false;
    countPod(*bound, *n, -1);
    countAffinity(*n, -1);
    n->removePod(pod);
    countAffinity(*n, 1);
    ++generation_;
    updatePVCRefs(pod, -1);
    return true;
}

bool ClusterSnapshot::removePod(const Pod &pod)
{
    if (!pod.spec.nodeName.empty() && removePod(pod, pod.spec.nodeName))
        return true;
    for (auto &n : nodes_)
        if (removePod(pod, n.name))
            return true;
    return false;
}

bool ClusterSnapshot::updatePod(std::shared_ptr<const Pod> pod, std::string_view nodeName)
{
    NodeInfo *n = findMutable(nodeName);
    if (!n)
        return false;
    auto it = std::find_if(n->pods.begin(), n->pods.end(), [&](const PodInfo &p) { return p.pod == pod; });
    if (it == n->pods.end())
        return removePod(*pod, nodeName) && addPod(std::move(pod), nodeName); // a new object
    // The same object changed in place: only its terminating state matters to the snapshot.
    const bool terminating = pod->metadata.deletionTimestamp.has_value();
    if (it->terminating != terminating) {
        matching_.podChanged(*pod, n->index, terminating ? -1 : 1);
        it->terminating = terminating;
        ++generation_;
    }
    return true;
}

const DomainIndex &ClusterSnapshot::domains(const std::string &topologyKey) const
{
    if (auto it = domainCache_.find(topologyKey); it != domainCache_.end())
        return it->second;
    DomainIndex index;
    index.nodeDomain.reserve(nodes_.size());
    std::unordered_map<std::string_view, std::int32_t> ids;
    for (const auto &n : nodes_) {
        auto label = n.labels().find(topologyKey);
        if (label == n.labels().end()) {
            index.nodeDomain.push_back(-1);
            continue;
        }
        auto [it, added] = ids.emplace(label->second, static_cast<std::int32_t>(index.values.size()));
        if (added)
            index.values.push_back(label->second);
        index.nodeDomain.push_back(it->second);
    }
    return domainCache_.emplace(topologyKey, std::move(index)).first->second;
}

std::optional<std::uint32_t> ClusterSnapshot::imageId(std::string_view name) const
{
    auto it = imageIds_.find(name);
    return it == imageIds_.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
}

bool ClusterSnapshot::isPVCUsedByPods(std::string_view ns, std::string_view claim) const
{
    std::string key;
    key.reserve(ns.size() + claim.size() + 1);
    key.append(ns).append("/").append(claim);
    return pvcRefs_.count(key) != 0;
}

} // namespace podscape::sched
