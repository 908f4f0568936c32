// Pods by the node they are bound to, kept from the watch: the "spec.nodeName" indexer that the
// node lifecycle, taint eviction and pod GC controllers add to their pod informers, so a node's
// pods are found without scanning every pod.
#pragma once

#include "cluster/api/core.h"
#include "cluster/object_store.h"

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace podscape {

class PodsByNode {
public:
    using Pods = std::map<std::string, std::shared_ptr<Pod>>; // "ns/name" → pod, sorted

    enum class Change {
        None,    // not a pod, or a pod bound to no node
        Bound,   // the pod is new on its node (created bound, or just bound)
        Updated, // a pod already on its node changed
        Removed, // a bound pod left the store
    };
    Change observe(const WatchEvent &event);

    // The pods on `node` (never null).
    const Pods &on(const std::string &node) const;
    // A copy, safe to iterate while writing to the API server (which re-enters observe()).
    std::vector<std::shared_ptr<Pod>> podsOn(const std::string &node) const;
    // Nodes that have pods, with their pod counts.
    const std::map<std::string, Pods> &all() const { return byNode_; }

private:
    std::map<std::string, Pods> byNode_;
    // By the stored object, which a pod keeps for its whole life (the store updates in place):
    // the many status updates of a bound pod cost one hash lookup.
    std::unordered_map<const Object *, std::string> nodeOf_;
};

} // namespace podscape
