// The scheduler's view of the cluster (what kube-scheduler's cache + Snapshot provide): one
// NodeInfo per node, kept in node-name order, updated incrementally as pods are bound and removed,
// plus read access to the ObjectStore for PVCs, PVs, StorageClasses, Namespaces, Services and
// controllers. Not thread-safe; the simulation owns one and updates it between attempts.
#pragma once

#include "cluster/object_store.h"
#include "sim/scheduler/framework.h"
#include "sim/scheduler/matching_pod_counts.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace podscape::sched {

// The topology domains of one label key: for every node (by snapshot index) the id of its value,
// or -1 when the node lacks the label. Ids are dense, in order of first appearance.
struct DomainIndex {
    std::vector<std::int32_t> nodeDomain;
    std::vector<std::string_view> values; // id → label value (views into the Node objects)
    std::size_t count() const { return values.size(); }
    std::int32_t find(std::string_view value) const; // -1 when no node has the value
};

// std::string keys looked up by string_view without a temporary string.
struct TransparentStringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V> using StringMap = std::unordered_map<std::string, V, TransparentStringHash, std::equal_to<>>;

class ClusterSnapshot {
public:
    explicit ClusterSnapshot(const ObjectStore *store = nullptr) : store_(store) {}
    // All Nodes of the store, and every pod assigned to one of them that is not Succeeded/Failed
    // (the scheduler's pod informer skips terminal pods).
    static ClusterSnapshot fromStore(const ObjectStore &store);

    const ObjectStore *store() const { return store_; }
    void setStore(const ObjectStore *store) { store_ = store; }

    // Adds the node, or replaces its Node object keeping the pods bound to it.
    void setNode(std::shared_ptr<const Node> node);
    // Removes the node and the pods bound to it.
    bool removeNode(std::string_view name);

    // Binds the pod (its spec.nodeName is not consulted). False when the node is unknown.
    bool addPod(std::shared_ptr<const Pod> pod, std::string_view nodeName);
    // Binds the pod to pod->spec.nodeName.
    bool addPod(std::shared_ptr<const Pod> pod) { return addPod(pod, pod->spec.nodeName); }
    // Unbinds the pod (matched by uid, else namespace/name) from the node.
    bool removePod(const Pod &pod, std::string_view nodeName);
    // Unbinds the pod from spec.nodeName, or searches every node when that is empty.
    bool removePod(const Pod &pod);
    // The bound pod's object was replaced, or changed in place (a deletionTimestamp set): the
    // cache's updatePod. False when the pod is not bound to the node.
    bool updatePod(std::shared_ptr<const Pod> pod, std::string_view nodeName);

    std::size_t size() const { return nodes_.size(); }
    bool empty() const { return nodes_.empty(); }
    std::span<const NodeInfo> nodes() const { return nodes_; }
    const NodeInfo &node(std::size_t index) const { return nodes_[index]; }
    const NodeInfo *find(std::string_view name) const;

    // Topology domains of a label key, computed on first use and cached until the nodes change.
    const DomainIndex &domains(const std::string &topologyKey) const;

    // Images named in the nodes' status.images: a dense id per name and how many nodes have it.
    std::optional<std::uint32_t> imageId(std::string_view name) const;
    int imageNodeCount(std::uint32_t id) const { return imageNodeCounts_[id]; }

    // How many bound pods have pod (anti-)affinity / required anti-affinity (HavePodsWith*List).
    std::size_t podsWithAffinity() const { return podsWithAffinity_; }
    std::size_t podsWithRequiredAntiAffinity() const { return podsWithRequiredAntiAffinity_; }

    // StorageInfos.IsPVCUsedByPods: some bound pod mounts the claim namespace/name.
    bool isPVCUsedByPods(std::string_view ns, std::string_view claim) const;

    // Per node index, the non-terminating pods matching the selection (MatchingPodCounts).
    const std::vector<std::int32_t> &matchingPods(const PodSelection &selection) const
    {
        return matching_.counts(selection, nodes_);
    }

    // Increases on every change; lets callers cache per-snapshot data.
    std::uint64_t generation() const { return generation_; }

private:
    NodeInfo *findMutable(std::string_view name);
    void renumberFrom(std::size_t first);
    void setImages(NodeInfo &n, int sign);
    void updatePVCRefs(const Pod &pod, int delta);
    void countAffinity(const NodeInfo &n, int sign);
    void changed();
    void countPod(const PodInfo &p, const NodeInfo &n, int delta);

    const ObjectStore *store_ = nullptr;
    std::vector<NodeInfo> nodes_; // sorted by name
    StringMap<std::uint32_t> byName_;
    mutable StringMap<DomainIndex> domainCache_;
    StringMap<std::uint32_t> imageIds_;
    std::vector<int> imageNodeCounts_;
    StringMap<int> pvcRefs_; // "namespace/claim" → pods using it
    std::uint64_t generation_ = 0;
    mutable MatchingPodCounts matching_;
    std::size_t podsWithAffinity_ = 0;
    std::size_t podsWithRequiredAntiAffinity_ = 0;
};

} // namespace podscape::sched
