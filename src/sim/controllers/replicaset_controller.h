// The ReplicaSet controller (pkg/controller/replicaset), which also plays the
// ReplicationManager (pkg/controller/replication) for ReplicationControllers: keeps spec.replicas
// active pods matching the selector, adopting orphans and releasing pods that stop matching.
#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/controller_utils.h"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>

namespace podscape {

// ReplicaSetCondition: the only type the controller sets is ReplicaFailure (status True, reason
// FailedCreate or FailedDelete, the API server's message).
struct ReplicaSetCondition {
    std::string type = "ReplicaFailure";
    std::string status = "True";
    std::string reason;
    std::string message;
    double lastTransitionTime = 0;
    friend bool operator==(const ReplicaSetCondition &, const ReplicaSetCondition &) = default;
};

// ReplicaSetStatus (apps/v1), kept by the controller: the typed ReplicaSet has no status block.
struct ReplicaSetStatus {
    std::string uid;  // of the ReplicaSet this status belongs to
    std::int32_t replicas = 0;
    std::int32_t fullyLabeledReplicas = 0;
    std::int32_t readyReplicas = 0;
    std::int32_t availableReplicas = 0;
    std::int32_t terminatingReplicas = 0;
    std::int64_t observedGeneration = 0;
    std::optional<ReplicaSetCondition> replicaFailure;
    friend bool operator==(const ReplicaSetStatus &, const ReplicaSetStatus &) = default;
};

class ReplicaSetController : public Controller {
public:
    // kind: "ReplicaSet" or "ReplicationController".
    ReplicaSetController(ControllerContext ctx, std::string kind);
    void onWatch(const WatchEvent &event, const PodDelta &delta) override;

    // The last status written for this ReplicaSet (ReplicationController), null if none yet.
    const ReplicaSetStatus *statusOf(const std::string &ns, const std::string &name) const;
    // The event source: replicaset-controller or replication-controller.
    const std::string &component() const { return component_; }

    // What both kinds look like to the controller. Not copied: `selector` may point into it.
    struct View {
        ObjectPtr object;
        std::int32_t replicas = 0;
        const std::optional<LabelSelector> *selector = nullptr; // the ReplicaSet's, or rcSelector
        std::optional<LabelSelector> rcSelector;                // a ReplicationController's map, as a selector
        const PodTemplateSpec *template_ = nullptr;
        std::int32_t minReadySeconds = 0;
    };

private:
    // What a sync needs to know of one owned pod, kept until the pod or the set changes. Every
    // sync visits every pod its set owns, a set syncs once or more per pod change, and matching
    // each pod's labels and finding its Ready condition on every visit was a tenth of a
    // 30,000-pod run.
    struct PodFacts {
        std::int64_t podVersion = 0;     // the pod's resourceVersion when they were taken
        bool selected = false;           // the selector matches
        bool fullyLabeled = false;       // carries every label of the template
        bool active = false;             // controller.IsPodActive
        std::optional<double> readyTime; // since when Ready, if it is
    };
    struct SetPodFacts {
        const Object *set = nullptr; // selector and template change only with a new object
        std::unordered_map<const Object *, PodFacts> pods;
    };
    SetPodFacts &podFactsOf(const View &rs);
    static const PodFacts &podFacts(SetPodFacts &set, const View &rs, const Pod &pod);

    void sync(const std::string &key);
    void viewOf(const ObjectPtr &obj, View &v) const;
    void claimPods(const View &rs, SetPodFacts &facts);
    std::vector<std::shared_ptr<Pod>> activePods(const View &rs) const;
    std::size_t countActivePods(const View &rs, SetPodFacts &facts) const;
    // Each returns the failure (reason FailedCreate / FailedDelete and the error), if any.
    std::optional<ReplicaSetCondition> manageReplicas(const View &rs, SetPodFacts &facts);
    std::optional<ReplicaSetCondition> createPods(const View &rs, int count);
    std::optional<std::string> createPod(const View &rs);
    std::optional<ReplicaSetCondition> deletePods(const View &rs, const std::vector<std::shared_ptr<Pod>> &pods);
    std::vector<std::shared_ptr<Pod>> relatedPods(const View &rs) const;
    void updateStatus(const View &rs, SetPodFacts &facts, const std::optional<ReplicaSetCondition> &failure);
    void enqueueForPod(const WatchEvent &event, bool ownersChanged);

    std::string kind_;
    std::string component_;
    OwnerIndex sets_;  // this kind, by controller (a Deployment)
    WorkQueue queue_;
    std::map<std::string, ReplicaSetStatus> statuses_;  // "ns/name" →
    std::unordered_map<std::string, SetPodFacts> podFacts_; // set uid →
};

// ActivePodsWithRanks.Less (pkg/controller/controller_utils.go): true when `a` should be deleted
// before `b`. rankA / rankB: related active pods on the same node.
bool deleteBefore(const Pod &a, int rankA, const Pod &b, int rankB, double now);

}  // namespace podscape
