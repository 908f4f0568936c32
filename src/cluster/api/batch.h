// The batch group: Job and CronJob.
#pragma once

#include "cluster/api/core.h"

namespace podscape {

// PodFailurePolicy: the first rule matching a failed pod decides (FailJob, Ignore, Count,
// FailIndex); a rule has onExitCodes or onPodConditions.
struct PodFailurePolicyRule {
    std::string action;
    struct OnExitCodes {
        std::optional<std::string> containerName;
        std::string operator_; // In | NotIn
        std::vector<std::int32_t> values;
    };
    std::optional<OnExitCodes> onExitCodes;
    struct OnPodCondition {
        std::string type;
        std::string status = "True";
    };
    std::vector<OnPodCondition> onPodConditions;
};

struct PodFailurePolicy {
    std::vector<PodFailurePolicyRule> rules;
};

struct JobSpec {
    std::optional<std::int32_t> parallelism;   // defaulted to 1
    std::optional<std::int32_t> completions;   // unset: any one success completes the Job
    std::optional<std::int64_t> activeDeadlineSeconds;
    std::optional<std::int32_t> backoffLimit;  // defaulted to 6
    std::optional<std::int32_t> backoffLimitPerIndex;
    std::optional<std::int32_t> maxFailedIndexes;
    std::optional<LabelSelector> selector;
    bool manualSelector = false;
    PodTemplateSpec template_;
    std::optional<std::int32_t> ttlSecondsAfterFinished;
    std::string completionMode = "NonIndexed";  // NonIndexed | Indexed
    bool suspend = false;
    std::string podReplacementPolicy;
    std::optional<PodFailurePolicy> podFailurePolicy;
};

struct Job : ObjectBase<Job> {
    JobSpec spec;
};

struct CronJob : ObjectBase<CronJob> {
    struct Spec {
        std::string schedule;
        std::optional<std::string> timeZone;
        std::optional<std::int64_t> startingDeadlineSeconds;
        std::string concurrencyPolicy = "Allow";  // Allow | Forbid | Replace
        bool suspend = false;
        ObjectMeta jobMetadata;
        JobSpec jobSpec;
        std::int32_t successfulJobsHistoryLimit = 3;
        std::int32_t failedJobsHistoryLimit = 1;
    } spec;
};

}  // namespace podscape
