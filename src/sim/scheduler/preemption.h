// DefaultPreemption as a PostFilter (plugins/defaultpreemption/default_preemption.go and
// framework/preemption/preemption.go): whether evicting lower-priority pods would let the pod
// fit, on which node and with which victims. Nothing is evicted here: the caller (KubeScheduler,
// Evaluator.prepareCandidate's part) nominates the pod and deletes the victims.
#pragma once

#include "sim/scheduler/schedule_one.h"

#include <span>
#include <string>

namespace podscape::sched {

struct PostFilterOutcome {
    // The PostFilter message ("preemption: ..."), empty when a candidate was found (Kubernetes
    // then reports no PostFilter text).
    std::string message;
    // NominatingMode Override (the pod's nominatedNodeName becomes the chosen node, or is cleared
    // when no candidate was found) rather than Noop (the pod was not eligible to preempt).
    bool overridesNomination = false;
};

// Evaluator.Preempt for an unschedulable pod. nodeCodes holds each snapshot node's status code
// from the failed attempt; the what-if Filter runs count the pods `nominator` holds. Fills the
// candidates (best first) and the node the pod is to be nominated to.
PostFilterOutcome runDefaultPreemption(const PodContext &pod, const CycleState &state, const ClusterSnapshot &snapshot,
                                       std::span<const Code> nodeCodes, const PodNominator &nominator,
                                       SchedulerRng &rng, std::vector<PreemptionCandidate> &candidates,
                                       std::string &nominatedNode);

}  // namespace podscape::sched
