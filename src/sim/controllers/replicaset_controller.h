// The ReplicaSet controller (pkg/controller/replicaset), which also plays the
// ReplicationManager (pkg/controller/replication) for ReplicationControllers: keeps spec.replicas
// active pods matching the selector, adopting orphans and releasing pods that stop matching.
#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/controller_utils.h"

#include <map>
#include <optional>
#include <string>

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
    void onWatch(const WatchEvent &event) override;

    // The last status written for this ReplicaSet (ReplicationController), null if none yet.
    const ReplicaSetStatus *statusOf(const std::string &ns, const std::string &name) const;
    // The event source: replicaset-controller or replication-controller.
    const std::string &component() const { return component_; }

    // What both kinds look like to the controller.
    struct View {
        ObjectPtr object;
        std::int32_t replicas = 0;
        std::optional<LabelSelector> selector;
        const PodTemplateSpec *template_ = nullptr;
        std::int32_t minReadySeconds = 0;
    };

private:
    void sync(const std::string &key);
    View viewOf(const ObjectPtr &obj) const;
    void claimPods(const View &rs);
    std::vector<std::shared_ptr<Pod>> activePods(const View &rs) const;
    // Each returns the failure (reason FailedCreate / FailedDelete and the error), if any.
    std::optional<ReplicaSetCondition> manageReplicas(const View &rs, std::vector<std::shared_ptr<Pod>> active);
    std::optional<ReplicaSetCondition> createPods(const View &rs, int count);
    std::optional<std::string> createPod(const View &rs);
    std::optional<ReplicaSetCondition> deletePods(const View &rs, const std::vector<std::shared_ptr<Pod>> &pods);
    std::vector<std::shared_ptr<Pod>> relatedPods(const View &rs) const;
    void updateStatus(const View &rs, const std::optional<ReplicaSetCondition> &failure);
    void enqueueForPod(const WatchEvent &event, bool ownersChanged);

    std::string kind_;
    std::string component_;
    OwnerIndex pods_{"Pod", true};
    OwnerIndex sets_;  // this kind, by controller (a Deployment)
    WorkQueue queue_;
    std::map<std::string, ReplicaSetStatus> statuses_;  // "ns/name" →
};

// ActivePodsWithRanks.Less (pkg/controller/controller_utils.go): true when `a` should be deleted
// before `b`. rankA / rankB: related active pods on the same node.
bool deleteBefore(const Pod &a, int rankA, const Pod &b, int rankB, double now);

}  // namespace podscape
