// The scheduling queue's PodNominator (pkg/scheduler/backend/queue/nominator.go): the pending pods
// nominated to a node (status.nominatedNodeName, set when their preemption made room there), and
// RunFilterPluginsWithNominatedPods (framework/runtime/framework.go), which makes every pod of
// equal or lower priority leave that room to them.
#pragma once

#include "sim/scheduler/cluster_snapshot.h"

#include <span>
#include <string>
#include <string_view>

namespace podscape::sched {

class PodNominator {
public:
    // AddNominatedPod with ModeOverride: nominates the pod to the node, replacing an earlier
    // nomination; an empty node name only removes it.
    void add(const std::shared_ptr<const Pod> &pod, const std::string &nodeName);
    // DeleteNominatedPodIfExists (the pod was bound, deleted, or lost its nomination).
    void remove(const Pod &pod);
    // NominatedPodsForNode.
    std::span<const PodInfo> podsForNode(std::string_view nodeName) const;
    // The node the pod is nominated to; empty when none.
    std::string_view nodeOf(const Pod &pod) const;
    bool empty() const { return nodeOf_.empty(); }

private:
    StringMap<std::vector<PodInfo>> byNode_;
    StringMap<std::string> nodeOf_;  // by pod uid (namespace/name when it has none)
};

// RunFilterPluginsWithNominatedPods: when pods of equal or higher priority than `pod` are nominated
// to the node, the filters run first as if those pods were already there, and, if that passes,
// again without them (a conservative answer either way). Otherwise the plain Filter run.
Status runFilterWithNominatedPods(const CycleState &state, const PodContext &pod, const NodeInfo &node,
                                  const ClusterSnapshot &snapshot, const PodNominator &nominator);

// Whether runFilterWithNominatedPods would add any pod on this node (the cheap check first).
bool hasNominatedPodsToRespect(const PodContext &pod, const NodeInfo &node, const PodNominator &nominator);

}  // namespace podscape::sched
