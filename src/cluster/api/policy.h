// Scheduling and policy objects: PodDisruptionBudget (policy), PriorityClass (scheduling.k8s.io).
#pragma once

#include "cluster/api/object.h"

#include <map>

namespace podscape {

struct PodDisruptionBudget : ObjectBase<PodDisruptionBudget> {
    struct Spec {
        std::optional<IntOrString> minAvailable;
        std::optional<IntOrString> maxUnavailable;
        std::optional<LabelSelector> selector;
        std::string unhealthyPodEvictionPolicy;  // IfHealthyBudget | AlwaysAllow
    } spec;
    struct Status {
        std::int32_t currentHealthy = 0;
        std::int32_t desiredHealthy = 0;
        std::int32_t expectedPods = 0;
        std::int32_t disruptionsAllowed = 0;
        std::int64_t observedGeneration = 0;
        // Pods the eviction subresource has let go and the disruption controller has not yet
        // seen terminating: name → when the eviction was allowed.
        std::map<std::string, double> disruptedPods;
        // The DisruptionAllowed condition (metav1.Condition): SufficientPods | InsufficientPods.
        std::string disruptionAllowedStatus;  // True | False, empty before the first sync
        std::string disruptionAllowedReason;
    } status;
};

struct PriorityClass : ObjectBase<PriorityClass> {
    std::int32_t value = 0;
    bool globalDefault = false;
    std::string preemptionPolicy = "PreemptLowerPriority";  // | Never
    std::string description;
};

}  // namespace podscape
