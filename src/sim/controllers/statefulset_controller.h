// The StatefulSet controller (pkg/controller/statefulset): pods with stable ordinal names
// `<set>-<ordinal>`, created in order (OrderedReady) or all at once (Parallel), each with its own
// PersistentVolumeClaims from the volumeClaimTemplates; scale-down in reverse ordinal order;
// RollingUpdate (highest ordinal first, honouring the partition) or OnDelete updates.
#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/controller_utils.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace podscape {

// The labels a StatefulSet puts on its pods (apps/v1 types.go).
inline constexpr const char *kStatefulSetPodNameLabel = "statefulset.kubernetes.io/pod-name";
inline constexpr const char *kPodIndexLabel = "apps.kubernetes.io/pod-index";
inline constexpr const char *kStatefulSetRevisionLabel = "controller-revision-hash";

// StatefulSetStatus (apps/v1), kept by the controller: the typed StatefulSet has no status block.
struct StatefulSetStatus {
    std::string uid; // of the StatefulSet this status belongs to
    std::int64_t observedGeneration = 0;
    std::int32_t replicas = 0;
    std::int32_t readyReplicas = 0;
    std::int32_t currentReplicas = 0;
    std::int32_t updatedReplicas = 0;
    std::int32_t availableReplicas = 0;
    std::string currentRevision;
    std::string updateRevision;
    std::int32_t collisionCount = 0;
    friend bool operator==(const StatefulSetStatus &, const StatefulSetStatus &) = default;
};

class StatefulSetController : public Controller {
public:
    explicit StatefulSetController(ControllerContext ctx);
    void onWatch(const WatchEvent &event, const PodDelta &delta) override;

    // The last status written for this StatefulSet, null if none yet.
    const StatefulSetStatus *statusOf(const std::string &ns, const std::string &name) const;
    // The revisions kept for the set (the ControllerRevisions Kubernetes would store), oldest
    // first: names `<set>-<hash>`.
    std::vector<std::string> revisionsOf(const std::string &ns, const std::string &name) const;

    static constexpr const char *kComponent = "statefulset-controller";

private:
    using PodPtr = std::shared_ptr<Pod>;
    using SetPtr = std::shared_ptr<StatefulSet>;

    // One ControllerRevision: the pod template at a revision number.
    struct Revision {
        std::string name;
        std::int64_t number = 0;
        PodTemplateSpec template_;
    };
    struct History {
        std::string uid;
        std::vector<Revision> revisions; // sorted by number
    };
    // One sync's view (defaultStatefulSetControl.updateStatefulSet's locals).
    struct Round {
        SetPtr set;
        const Revision *current = nullptr;
        const Revision *update = nullptr;
        StatefulSetStatus status;
        bool monotonic = true;
        std::vector<PodPtr> replicas;  // index = ordinal - start; placeholders have an empty phase
        std::vector<PodPtr> condemned; // out of range, highest ordinal first
        PodPtr firstUnhealthy;
    };

    void sync(const std::string &key);
    void enqueueForPod(const WatchEvent &event);
    void enqueueForClaim(const PersistentVolumeClaim &claim);
    std::vector<PodPtr> claimPods(const StatefulSet &set);
    void syncRevisions(Round &r);
    std::optional<std::string> updateStatefulSet(Round &r);
    // Each returns {stop, error}: stop ends this round (monotonic waits, or an error).
    std::pair<bool, std::optional<std::string>> processReplica(Round &r, std::size_t i);
    std::pair<bool, std::optional<std::string>> processCondemned(Round &r, std::size_t i);
    std::optional<std::string> rollingUpdate(Round &r);
    void computeStatus(Round &r);
    void writeStatus(Round &r);
    void truncateHistory(const Round &r, const std::vector<PodPtr> &pods);

    PodPtr newPod(const Round &r, int ordinal) const;
    std::optional<std::string> createPod(const Round &r, const PodPtr &pod);
    std::optional<ApiError> deletePod(const Round &r, const PodPtr &pod);
    std::optional<std::string> updatePod(const Round &r, const PodPtr &pod);
    std::optional<std::string> createClaims(const Round &r, const Pod &pod);
    bool claimsMatchRetentionPolicy(const StatefulSet &set, const Pod &pod);
    void updateClaimsForRetentionPolicy(const StatefulSet &set, const Pod &pod);
    bool podClaimIsStale(const StatefulSet &set, const Pod &pod);
    void podEvent(const StatefulSet &set, const std::string &verb, const Pod &pod,
                  const std::optional<std::string> &err);

    WorkQueue queue_;
    std::map<std::string, StatefulSetStatus> statuses_; // "ns/name" →
    std::map<std::string, History> histories_;          // "ns/name" →
};

// getParentNameAndOrdinal: `<parent>-<ordinal>` split at the last dash; ordinal -1 if the name does
// not end in one.
std::pair<std::string, int> statefulPodParentAndOrdinal(const std::string &podName);
// getPersistentVolumeClaimName: `<template>-<set>-<ordinal>`.
std::string statefulClaimName(const std::string &templateName, const std::string &setName, int ordinal);

} // namespace podscape
