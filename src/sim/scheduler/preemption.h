// DefaultPreemption as a PostFilter (plugins/defaultpreemption/default_preemption.go and
// framework/preemption/preemption.go): whether evicting lower-priority pods would let the pod
// fit, on which node and with which victims. Nothing is evicted here.
#pragma once

#include "sim/scheduler/schedule_one.h"

#include <span>
#include <string>

namespace podscape::sched {

// Evaluator.Preempt for an unschedulable pod. nodeCodes holds each snapshot node's status code
// from the failed attempt. Returns the PostFilter message ("preemption: ..."), empty when a
// candidate was found (Kubernetes then reports no PostFilter text); fills the candidates (best
// first) and the node the pod would be nominated to.
std::string runDefaultPreemption(const PodContext &pod, const CycleState &state, const ClusterSnapshot &snapshot,
                                 std::span<const Code> nodeCodes, SchedulerRng &rng,
                                 std::vector<PreemptionCandidate> &candidates, std::string &nominatedNode);

}  // namespace podscape::sched
