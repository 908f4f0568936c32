// The CronJob controller (pkg/controller/cronjob, ControllerV2): wakes at each scheduled time on
// the virtual clock (kVirtualEpochUnixSeconds gives it a calendar), creates the Job
// `<cronjob>-<scheduled time in minutes since the Unix epoch>`, honours concurrencyPolicy
// (Allow / Forbid / Replace), startingDeadlineSeconds, suspend, spec.timeZone, and prunes finished
// Jobs beyond successfulJobsHistoryLimit / failedJobsHistoryLimit.
#pragma once

#include "sim/controllers/controller.h"
#include "sim/controllers/controller_utils.h"
#include "sim/controllers/cron_schedule.h"
#include "sim/controllers/job_controller.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace podscape {

// CronJobStatus (batch/v1), kept by the controller. Times are virtual seconds.
struct CronJobStatus {
    struct JobRef {
        std::string namespace_;
        std::string name;
        std::string uid;
        friend bool operator==(const JobRef &, const JobRef &) = default;
    };
    std::string uid; // of the CronJob this status belongs to
    std::vector<JobRef> active;
    std::optional<double> lastScheduleTime;
    std::optional<double> lastSuccessfulTime;
    friend bool operator==(const CronJobStatus &, const CronJobStatus &) = default;
};

class CronJobController : public Controller {
public:
    CronJobController(ControllerContext ctx, const JobController &jobs);
    void onWatch(const WatchEvent &event, const PodDelta &delta) override;

    // The last status written for this CronJob, null if none yet.
    const CronJobStatus *statusOf(const std::string &ns, const std::string &name) const;

    static constexpr double kNextScheduleDelta = 0.1; // nextScheduleDelta (100 ms)

private:
    void sync(const std::string &key);
    std::vector<std::shared_ptr<Job>> jobsOf(const CronJob &cj);
    bool cleanupFinishedJobs(const CronJob &cj, CronJobStatus &st, const std::vector<std::shared_ptr<Job>> &jobs);
    bool removeOldestJobs(const CronJob &cj, CronJobStatus &st, std::vector<std::shared_ptr<Job>> jobs, int maxJobs);
    bool deleteJob(const CronJob &cj, CronJobStatus &st, const Job &job);
    std::optional<double> syncCronJob(const std::shared_ptr<CronJob> &cj, CronJobStatus &st,
                                      const std::vector<std::shared_ptr<Job>> &jobs, bool &updateStatus, bool &failed);
    std::optional<CronSchedule> parseSchedule(const CronJob &cj, bool recordWarnings, std::string *error);
    const JobStatus *jobStatus(const Job &job) const;

    const JobController &jobs_;
    WorkQueue queue_;
    std::map<std::string, CronJobStatus> statuses_; // "ns/name" →
};

} // namespace podscape
