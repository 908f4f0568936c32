// The Job controller (pkg/controller/job) and the TTL-after-finished controller
// (pkg/controller/ttlafterfinished): pods run to completion `completions` times, at most
// `parallelism` at once, failed pods replaced after an exponential back-off until backoffLimit,
// activeDeadlineSeconds, suspend, Indexed completion mode; a finished Job with
// ttlSecondsAfterFinished is deleted once its time is up (its pods follow through the garbage
// collector).
//
// podFailurePolicy: FailJob, Ignore and Count rules on exit codes or pod conditions (FailIndex needs
// backoffLimitPerIndex). Not simulated: the batch.kubernetes.io/job-tracking finalizer (pods are
// counted once, by uid, as the finalizer's removal does), successPolicy, backoffLimitPerIndex.
#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/controller_utils.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace podscape {

// JobCondition (batch/v1): Complete, Failed, SuccessCriteriaMet, FailureTarget, Suspended.
struct JobCondition {
    std::string type;
    std::string status = "True";
    std::string reason;
    std::string message;
    double lastProbeTime = 0;
    double lastTransitionTime = 0;
    friend bool operator==(const JobCondition &, const JobCondition &) = default;
};

// JobStatus (batch/v1), kept by the controller: the typed Job has no status block.
struct JobStatus {
    std::string uid; // of the Job this status belongs to
    std::optional<double> startTime;
    std::optional<double> completionTime;
    std::int32_t active = 0;
    std::int32_t succeeded = 0;
    std::int32_t failed = 0;
    std::int32_t ready = 0;
    std::int32_t terminating = 0;
    std::string completedIndexes; // Indexed Jobs: "0-2,4"
    std::vector<JobCondition> conditions;

    const JobCondition *condition(const std::string &type) const;
    // util.IsJobFinished: Complete or Failed is True.
    bool finished() const;
    bool complete() const;
    bool failedJob() const;
    friend bool operator==(const JobStatus &, const JobStatus &) = default;
};

class JobController : public Controller {
public:
    explicit JobController(ControllerContext ctx);
    void onWatch(const WatchEvent &event, const PodDelta &delta) override;

    // The last status written for this Job, null if none yet.
    const JobStatus *statusOf(const std::string &ns, const std::string &name) const;

    static constexpr double kSyncBatchPeriod = 1;        // syncJobBatchPeriod
    static constexpr double kPodFailureBackOff = 10;     // DefaultJobPodFailureBackOff
    static constexpr double kMaxPodFailureBackOff = 600; // MaxJobPodFailureBackOff (10 min)

private:
    // backoffRecord: consecutive failures since the last success, and when the last one happened.
    struct BackoffRecord {
        std::int32_t failuresAfterLastSuccess = 0;
        std::optional<double> lastFailureTime;
    };
    struct SyncContext;

    void sync(const std::string &key);
    std::vector<std::shared_ptr<Pod>> claimPods(const std::shared_ptr<Job> &job);
    std::int32_t manageJob(const std::shared_ptr<Job> &job, SyncContext &ctx);
    std::int32_t createPods(const std::shared_ptr<Job> &job, SyncContext &ctx, std::int32_t count);
    // deleteJobPods (keepCounting false: the tracking finalizer goes first, the pod is not counted)
    // and deleteActivePods (keepCounting true: a failed Job counts its deleted pods as failed).
    std::pair<std::int32_t, std::int32_t> deletePods(const Job &job, SyncContext &ctx,
                                                     const std::vector<std::shared_ptr<Pod>> &pods, bool keepCounting);
    BackoffRecord newBackoffRecord(const std::string &key, const SyncContext &ctx) const;

    WorkQueue queue_;
    std::map<std::string, JobStatus> statuses_;            // "ns/name" →
    std::map<std::string, std::set<std::string>> counted_; // "ns/name" → uids of pods already counted
    std::map<std::string, BackoffRecord> backoff_;         // podBackoffStore
    std::map<std::string, int> apiFailures_;               // the queue's rate limiter (1 s doubling, 1 min)
};

// The TTL-after-finished controller: deletes a finished Job ttlSecondsAfterFinished after its
// Complete / Failed condition was set.
class TtlAfterFinishedController : public Controller {
public:
    TtlAfterFinishedController(ControllerContext ctx, const JobController &jobs);
    void onWatch(const WatchEvent &event, const PodDelta &delta) override;

private:
    void sync(const std::string &key);

    const JobController &jobs_;
    WorkQueue queue_;
};

// The completion index of a pod of an Indexed Job (annotation, then label
// batch.kubernetes.io/job-completion-index), -1 if it has none.
int completionIndexOf(const Pod &pod);
// orderedIntervals.String: "0-2,4,6-7".
std::string formatIndexes(const std::set<int> &indexes);
std::set<int> parseIndexes(const std::string &text, int completions);

} // namespace podscape
