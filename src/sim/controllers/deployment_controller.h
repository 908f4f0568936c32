// The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template, named
// `<deployment>-<pod-template-hash>`, rolled out by RollingUpdate (maxSurge / maxUnavailable) or
// Recreate, with the revision annotation and revisionHistoryLimit cleanup.
#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/controller_utils.h"
#include "sim/controllers/replicaset_controller.h"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>

namespace podscape {

// DeploymentCondition: Available (MinimumReplicasAvailable / MinimumReplicasUnavailable),
// Progressing (NewReplicaSetCreated, FoundNewReplicaSet, ReplicaSetUpdated, NewReplicaSetAvailable,
// ProgressDeadlineExceeded) and ReplicaFailure (copied from a ReplicaSet).
struct DeploymentCondition {
    std::string type;
    std::string status;
    std::string reason;
    std::string message;
    double lastUpdateTime = 0;
    double lastTransitionTime = 0;
    friend bool operator==(const DeploymentCondition &, const DeploymentCondition &) = default;
};

// DeploymentStatus (apps/v1), kept by the controller: the typed Deployment has no status block.
struct DeploymentStatus {
    std::string uid;
    std::int64_t observedGeneration = 0;
    std::int32_t replicas = 0;
    std::int32_t updatedReplicas = 0;
    std::int32_t readyReplicas = 0;
    std::int32_t availableReplicas = 0;
    std::int32_t unavailableReplicas = 0;
    std::optional<std::int32_t> collisionCount;
    std::vector<DeploymentCondition> conditions;
    friend bool operator==(const DeploymentStatus &, const DeploymentStatus &) = default;

    const DeploymentCondition *condition(const std::string &type) const;
};

inline constexpr const char *kRevisionAnnotation = "deployment.kubernetes.io/revision";
inline constexpr const char *kDesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
inline constexpr const char *kMaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";
inline constexpr const char *kPodTemplateHashLabel = "pod-template-hash";

class DeploymentController : public Controller {
public:
    DeploymentController(ControllerContext ctx, const ReplicaSetController &replicaSets);
    void onWatch(const WatchEvent &event, const PodDelta &delta) override;

    const DeploymentStatus *statusOf(const std::string &ns, const std::string &name) const;

private:
    using RSPtr = std::shared_ptr<ReplicaSet>;
    using RSList = std::vector<RSPtr>;
    struct Rollout {  // one sync's view of a Deployment
        std::shared_ptr<Deployment> d;
        RSPtr newRS;
        RSList oldRSs;
        RSList all() const;
    };

    void sync(const std::string &key);
    void enqueueOwnerOf(const Object &rs);
    RSList claimReplicaSets(const Deployment &d);
    bool getAllReplicaSetsAndSyncRevision(Rollout &r, const RSList &rsList, bool createIfNotExisted);
    bool createNewReplicaSet(Rollout &r, const std::string &newRevision);
    void syncNewReplicaSetRevision(Rollout &r, const std::string &newRevision);
    bool isScalingEvent(Rollout &r, const RSList &rsList);
    void syncScale(Rollout &r, const RSList &rsList);
    void scale(Rollout &r);
    void scaleProportionally(Rollout &r);
    void rolloutRolling(Rollout &r, const RSList &rsList);
    void rolloutRecreate(Rollout &r, const RSList &rsList);
    bool reconcileNewReplicaSet(Rollout &r);
    bool reconcileOldReplicaSets(Rollout &r);
    std::int32_t cleanupUnhealthyReplicas(Rollout &r, std::int32_t maxCleanupCount);
    std::int32_t scaleDownOldReplicaSetsForRollingUpdate(Rollout &r);
    bool oldPodsRunning(const Rollout &r) const;
    bool scaleReplicaSet(const Deployment &d, RSPtr &rs, std::int32_t newScale);
    void cleanupDeployment(const Rollout &r);
    DeploymentStatus calculateStatus(const Rollout &r) const;
    void syncDeploymentStatus(const Rollout &r);
    void syncRolloutStatus(const Rollout &r);
    void writeStatus(const Rollout &r, DeploymentStatus s);
    void requeueStuckDeployment(const Deployment &d, const DeploymentStatus &s);
    double now() const { return ctx_.api.clock().now(); }
    void setProgressing(Deployment &d, const std::string &reason, const std::string &message,
                        const std::string &status = "True");
    bool deploymentComplete(const Deployment &d) const;
    bool deploymentComplete(const Deployment &d, const DeploymentStatus &s) const;
    void setDeploymentRevision(Deployment &d, const std::string &revision);

    ReplicaSetStatus rsStatus(const ReplicaSet &rs) const;
    std::int32_t actualReplicas(const RSList &list) const;
    std::int32_t availableReplicas(const RSList &list) const;

    // canonicalTemplate of a Deployment's or ReplicaSet's template, kept per uid: every sync
    // compares the Deployment's template with each of its sets'. A template changes only in a
    // new object (apply), which the API server gives a new generation.
    const std::string &canonicalOf(const Object &owner, const PodTemplateSpec &tpl);
    struct Canonical {
        const Object *object = nullptr;
        std::int64_t generation = 0;
        std::string text;
    };

    const ReplicaSetController &replicaSets_;
    std::unordered_map<std::string, Canonical> canonical_;
    OwnerIndex sets_{"ReplicaSet", true}; // by controller uid; orphans by namespace
    WorkQueue queue_;
    std::map<std::string, DeploymentStatus> statuses_;
};

// controller.ComputeHash: fnv32a over the pod template (+ collisionCount, 8 little-endian bytes),
// the decimal digits of the sum encoded by rand.SafeEncodeString.
std::string computeHash(const PodTemplateSpec &tpl, std::optional<std::int32_t> collisionCount);
// The template as hashed and compared (EqualIgnoreHash): a deterministic canonical text of the
// typed template, without the pod-template-hash label.
std::string canonicalTemplate(const PodTemplateSpec &tpl);
// deploymentutil.ResolveFenceposts: {maxSurge, maxUnavailable}, surge rounded up, unavailable
// down, unavailable 1 when both are 0.
std::pair<std::int32_t, std::int32_t> resolveFenceposts(const Deployment &d);

}  // namespace podscape
