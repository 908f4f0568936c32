// Workload controllers of the apps group, and the core group's ReplicationController.
#pragma once

#include "cluster/api/core.h"

namespace podscape {

struct Deployment : ObjectBase<Deployment> {
    struct Spec {
        std::optional<std::int32_t> replicas;  // defaulted to 1
        std::optional<LabelSelector> selector;
        PodTemplateSpec template_;
        std::string strategyType = "RollingUpdate";  // RollingUpdate | Recreate
        std::optional<IntOrString> maxSurge;          // defaulted to 25%
        std::optional<IntOrString> maxUnavailable;    // defaulted to 25%
        std::int32_t minReadySeconds = 0;
        std::int32_t revisionHistoryLimit = 10;
        std::int32_t progressDeadlineSeconds = 600;
        bool paused = false;
    } spec;
};

struct ReplicaSet : ObjectBase<ReplicaSet> {
    struct Spec {
        std::optional<std::int32_t> replicas;
        std::optional<LabelSelector> selector;
        PodTemplateSpec template_;
        std::int32_t minReadySeconds = 0;
    } spec;
};

struct ReplicationController : ObjectBase<ReplicationController> {
    struct Spec {
        std::optional<std::int32_t> replicas;
        Labels selector;  // defaulted to the template's labels when empty
        std::optional<PodTemplateSpec> template_;
        std::int32_t minReadySeconds = 0;
    } spec;
};

struct StatefulSet : ObjectBase<StatefulSet> {
    struct Spec {
        std::optional<std::int32_t> replicas;
        std::optional<LabelSelector> selector;
        PodTemplateSpec template_;
        std::string serviceName;
        std::string podManagementPolicy = "OrderedReady";  // OrderedReady | Parallel
        std::string updateStrategyType = "RollingUpdate";  // RollingUpdate | OnDelete
        std::int32_t partition = 0;
        std::optional<IntOrString> maxUnavailable;
        std::vector<PersistentVolumeClaim> volumeClaimTemplates;
        std::string whenDeleted = "Retain";  // persistentVolumeClaimRetentionPolicy
        std::string whenScaled = "Retain";
        std::int32_t minReadySeconds = 0;
        std::int32_t revisionHistoryLimit = 10;
        std::int32_t ordinalsStart = 0;
    } spec;
};

struct DaemonSet : ObjectBase<DaemonSet> {
    struct Spec {
        std::optional<LabelSelector> selector;
        PodTemplateSpec template_;
        std::string updateStrategyType = "RollingUpdate";  // RollingUpdate | OnDelete
        std::optional<IntOrString> maxUnavailable;          // defaulted to 1
        std::optional<IntOrString> maxSurge;                // defaulted to 0
        std::int32_t minReadySeconds = 0;
        std::int32_t revisionHistoryLimit = 10;
    } spec;
};

}  // namespace podscape
