#include "sim/controllers/cronjob_controller.h"

#include "sim/clock.h"

#include <algorithm>
#include <cmath>

namespace podscape {

namespace {

const std::string kComponent = "cronjob-controller";

double toUnix(double virtualTime)
{
    return double(kVirtualEpochUnixSeconds) + virtualTime;
}

double toVirtual(double unixTime)
{
    return unixTime - double(kVirtualEpochUnixSeconds);
}

std::int64_t floorSeconds(double t)
{
    return std::int64_t(std::floor(t));
}

// Go's %q for plain text.
std::string quoted(const std::string &s)
{
    std::string out = "\"";
    for (char c : s)
        out += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    return out + "\"";
}

enum class Missed { None, Few, Many };

// mostRecentScheduleTime, in Unix seconds.
struct Recent {
    double earliest = 0;
    std::optional<double> mostRecent;
    Missed missed = Missed::None;
    std::optional<std::string> error;
};

Recent mostRecentScheduleTime(const CronJob &cj, const CronJobStatus &st, double now, const CronSchedule &schedule,
                              bool includeStartingDeadlineSeconds)
{
    Recent r;
    r.earliest = toUnix(st.lastScheduleTime ? *st.lastScheduleTime : cj.metadata.creationTimestamp.value_or(0));
    if (includeStartingDeadlineSeconds && cj.spec.startingDeadlineSeconds) {
        double deadline = now - double(*cj.spec.startingDeadlineSeconds); // nothing is scheduled before this
        r.earliest = std::max(r.earliest, deadline);
    }
    const std::string tooClose = "time difference between two schedules is less than 1 second";
    auto t1 = schedule.next(floorSeconds(r.earliest));
    if (!t1) { // robfig/cron's zero time: no activation within five years
        r.error = tooClose;
        return r;
    }
    if (now < double(*t1))
        return r;
    auto t2 = schedule.next(*t1);
    if (t2 && now < double(*t2)) {
        r.mostRecent = double(*t1);
        return r;
    }
    std::int64_t between = t2 ? *t2 - *t1 : 0;
    if (between < 1) {
        r.error = tooClose;
        return r;
    }
    // A rough count of the missed schedules, then the exact most recent one.
    std::int64_t elapsed = std::int64_t(now - double(*t1));
    std::int64_t missed = elapsed / between + 1;
    std::int64_t potentialEarliest = *t1 + (missed - 2) * between;
    for (auto t = schedule.next(potentialEarliest); t && double(*t) <= now; t = schedule.next(*t))
        r.mostRecent = double(*t);
    r.missed = missed > 100 ? Missed::Many : missed > 0 ? Missed::Few : Missed::None;
    return r;
}

// nextScheduleTimeDuration: how long until the next schedule (plus nextScheduleDelta).
std::optional<double> nextScheduleDelay(const CronJob &cj, const CronJobStatus &st, double now,
                                        const CronSchedule &schedule)
{
    Recent r = mostRecentScheduleTime(cj, st, now, schedule, false);
    double base;
    if (r.error)
        base = now;
    else if (!r.mostRecent)
        base = r.missed == Missed::None ? r.earliest : now;
    else
        base = *r.mostRecent;
    auto next = schedule.next(floorSeconds(base));
    if (!next)
        return std::nullopt;
    return std::max(0.0, double(*next) + CronJobController::kNextScheduleDelta - now);
}

bool inActiveList(const CronJobStatus &st, const std::string &uid)
{
    return std::any_of(st.active.begin(), st.active.end(), [&](const auto &r) { return r.uid == uid; });
}

void deleteFromActiveList(CronJobStatus &st, const std::string &uid)
{
    st.active.erase(std::remove_if(st.active.begin(), st.active.end(), [&](const auto &r) { return r.uid == uid; }),
                    st.active.end());
}

} // namespace

CronJobController::CronJobController(ControllerContext ctx, const JobController &jobs)
    : Controller(ctx), jobs_(jobs), queue_(clock(), [this](const std::string &key) { sync(key); })
{
}

const CronJobStatus *CronJobController::statusOf(const std::string &ns, const std::string &name) const
{
    auto it = statuses_.find(ns + '/' + name);
    return it == statuses_.end() ? nullptr : &it->second;
}

// The informers' handlers: a CronJob's changes sync it; a Job wakes the CronJob that controls it.
// (A re-applied CronJob is replaced in the store, so updateCronJob's requeue at the new schedule is
// what the sync computes anyway.)
void CronJobController::onWatch(const WatchEvent &event, const PodDelta &)
{
    const Object &obj = *event.object;
    if (obj.kind == "CronJob") {
        queue_.add(objectKey(obj));
        return;
    }
    if (obj.kind != "Job")
        return;
    const OwnerReference *ref = obj.metadata.controllerRef();
    if (!ref || ref->kind != "CronJob")
        return;
    auto cj = store().get<CronJob>(obj.metadata.namespace_, ref->name); // resolveControllerRef
    if (cj && cj->metadata.uid == ref->uid)
        queue_.add(objectKey(*cj));
}

const JobStatus *CronJobController::jobStatus(const Job &job) const
{
    const JobStatus *st = jobs_.statusOf(job.metadata.namespace_, job.metadata.name);
    return st && st->uid == job.metadata.uid ? st : nullptr;
}

// getJobsToBeReconciled: the Jobs whose controllerRef names this CronJob.
std::vector<std::shared_ptr<Job>> CronJobController::jobsOf(const CronJob &cj)
{
    std::vector<std::shared_ptr<Job>> out;
    for (const auto &job : store().list<Job>(cj.metadata.namespace_)) {
        const OwnerReference *ref = job->metadata.controllerRef();
        if (ref && ref->kind == "CronJob" && ref->name == cj.metadata.name)
            out.push_back(job);
    }
    return out;
}

// sync: prune the history, reconcile, write the status if it changed, requeue for the next schedule.
void CronJobController::sync(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    auto cj = store().get<CronJob>(ns, name);
    if (!cj) {
        statuses_.erase(key);
        return;
    }
    CronJobStatus &stored = statuses_[key];
    if (stored.uid != cj->metadata.uid) {
        stored = CronJobStatus{};
        stored.uid = cj->metadata.uid;
    }
    CronJobStatus st = stored;
    auto jobs = jobsOf(*cj);
    bool updateAfterCleanup = cleanupFinishedJobs(*cj, st, jobs); // syncCronJob still sees the pruned Jobs
    bool updateAfterSync = false, failed = false;
    std::optional<double> requeue = syncCronJob(cj, st, jobs, updateAfterSync, failed);
    if ((updateAfterCleanup || updateAfterSync) && !(st == stored)) {
        stored = st;
        api().updateStatus(cj);
    }
    if (requeue) {
        queue_.forget(key);
        queue_.addAfter(key, *requeue);
    } else if (failed) {
        queue_.addRateLimited(key);
    }
}

// cleanupFinishedJobs / removeOldestJobs: keep the newest successful and failed Jobs, by start time.
bool CronJobController::cleanupFinishedJobs(const CronJob &cj, CronJobStatus &st,
                                            const std::vector<std::shared_ptr<Job>> &jobs)
{
    std::vector<std::shared_ptr<Job>> successful, failedJobs;
    for (const auto &job : jobs) {
        const JobStatus *js = jobStatus(*job);
        if (js && js->complete())
            successful.push_back(job);
        else if (js && js->failedJob())
            failedJobs.push_back(job);
    }
    bool updated = removeOldestJobs(cj, st, successful, cj.spec.successfulJobsHistoryLimit);
    updated = removeOldestJobs(cj, st, failedJobs, cj.spec.failedJobsHistoryLimit) || updated;
    return updated;
}

bool CronJobController::removeOldestJobs(const CronJob &cj, CronJobStatus &st, std::vector<std::shared_ptr<Job>> jobs,
                                         int maxJobs)
{
    int toDelete = int(jobs.size()) - maxJobs;
    if (toDelete <= 0)
        return false;
    auto startOf = [&](const Job &j) {
        const JobStatus *js = jobStatus(j);
        return js ? js->startTime : std::nullopt;
    };
    std::sort(jobs.begin(), jobs.end(), [&](const auto &a, const auto &b) { // byJobStartTime
        auto sa = startOf(*a), sb = startOf(*b);
        if (!sa && sb)
            return false;
        if (sa && !sb)
            return true;
        if (sa == sb)
            return a->metadata.name < b->metadata.name;
        return *sa < *sb;
    });
    bool updated = false;
    for (int i = 0; i < toDelete; ++i)
        updated = deleteJob(cj, st, *jobs[std::size_t(i)]) || updated;
    return updated;
}

// deleteJob: the Job (its pods follow through the garbage collector) and its active reference.
bool CronJobController::deleteJob(const CronJob &cj, CronJobStatus &st, const Job &job)
{
    std::string jobName = job.metadata.name, jobUid = job.metadata.uid;
    ApiResult r = api().remove("Job", job.metadata.namespace_, jobName);
    if (r.error) {
        event(cj, "Warning", "FailedDelete", "Deleted job: " + r.error->message, kComponent);
        return false;
    }
    deleteFromActiveList(st, jobUid);
    event(cj, "Normal", "SuccessfulDelete", "Deleted job " + jobName, kComponent);
    return true;
}

// formatSchedule + cron.ParseStandard: spec.timeZone becomes a TZ= prefix; a TZ in the schedule
// itself is used as written, with a warning.
std::optional<CronSchedule> CronJobController::parseSchedule(const CronJob &cj, bool recordWarnings, std::string *error)
{
    std::string spec = cj.spec.schedule;
    if (spec.find("TZ") != std::string::npos) {
        if (recordWarnings)
            event(cj, "Warning", "UnsupportedSchedule",
                  "CRON_TZ or TZ used in schedule " + quoted(spec) +
                      " is not officially supported, see "
                      "https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details",
                  kComponent);
    } else if (cj.spec.timeZone && TimeZone::load(*cj.spec.timeZone)) {
        spec = "TZ=" + *cj.spec.timeZone + " " + spec;
    }
    return CronSchedule::parse(spec, error);
}

// syncCronJob: returns when to look again (nullopt: not until something changes).
std::optional<double> CronJobController::syncCronJob(const std::shared_ptr<CronJob> &cjPtr, CronJobStatus &st,
                                                     const std::vector<std::shared_ptr<Job>> &jobs, bool &updateStatus,
                                                     bool &failed)
{
    const CronJob &cj = *cjPtr;
    const double now = toUnix(clock().now());
    std::set<std::string> children;
    for (const auto &job : jobs) {
        children.insert(job->metadata.uid);
        const JobStatus *js = jobStatus(*job);
        bool found = inActiveList(st, job->metadata.uid);
        bool finished = js && js->finished();
        if (!found && !finished) {
            event(cj, "Warning", "UnexpectedJob",
                  "Saw a job that the controller did not create or forgot: " + job->metadata.name, kComponent);
        } else if (found && finished) {
            deleteFromActiveList(st, job->metadata.uid);
            event(cj, "Normal", "SawCompletedJob",
                  "Saw completed job: " + job->metadata.name + ", status: " + (js->complete() ? "Complete" : "Failed"),
                  kComponent);
            updateStatus = true;
        } else if (js && js->complete() && js->completionTime) {
            if (!st.lastSuccessfulTime || *js->completionTime > *st.lastSuccessfulTime) {
                st.lastSuccessfulTime = js->completionTime;
                updateStatus = true;
            }
        }
    }
    for (const auto &ref : std::vector<CronJobStatus::JobRef>(st.active)) {
        if (children.count(ref.uid))
            continue;
        if (!store().get("Job", ref.namespace_, ref.name)) {
            event(cj, "Normal", "MissingJob", "Active job went missing: " + ref.name, kComponent);
            deleteFromActiveList(st, ref.uid);
            updateStatus = true;
        }
    }
    if (cj.metadata.deletionTimestamp)
        return std::nullopt;
    std::shared_ptr<const TimeZone> zone = TimeZone::utc();
    if (cj.spec.timeZone) {
        zone = TimeZone::load(*cj.spec.timeZone);
        if (!zone) {
            event(cj, "Warning", "UnknownTimeZone",
                  "invalid timeZone: " + quoted(*cj.spec.timeZone) + ": unknown time zone " + *cj.spec.timeZone,
                  kComponent);
            return std::nullopt;
        }
    }
    if (cj.spec.suspend)
        return std::nullopt;
    std::string parseError;
    auto schedule = parseSchedule(cj, true, &parseError);
    if (!schedule) {
        event(cj, "Warning", "UnparseableSchedule",
              "unparseable schedule: " + quoted(cj.spec.schedule) + " : " + parseError, kComponent);
        return std::nullopt;
    }
    // nextScheduleTime
    Recent recent = mostRecentScheduleTime(cj, st, now, *schedule, true);
    if (recent.error) {
        event(cj, "Warning", "InvalidSchedule", "invalid schedule: " + cj.spec.schedule + " : " + *recent.error,
              kComponent);
        return std::nullopt;
    }
    if (!recent.mostRecent || *recent.mostRecent > now)
        return nextScheduleDelay(cj, st, now, *schedule);
    if (recent.missed == Missed::Many)
        event(cj, "Warning", "TooManyMissedTimes",
              "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew",
              kComponent);
    const double scheduled = *recent.mostRecent;

    if (cj.spec.startingDeadlineSeconds && scheduled + double(*cj.spec.startingDeadlineSeconds) < now) {
        event(cj, "Warning", "MissSchedule",
              "Missed scheduled time to start a job: " + formatRfc1123Z(floorSeconds(scheduled)), kComponent);
        return nextScheduleDelay(cj, st, now, *schedule);
    }
    const std::string jobName = cj.metadata.name + "-" + std::to_string(floorSeconds(scheduled) / 60);
    bool inActiveByName = std::any_of(st.active.begin(), st.active.end(), [&](const auto &r) {
        return r.name == jobName && r.namespace_ == cj.metadata.namespace_;
    });
    if (inActiveByName || (st.lastScheduleTime && toUnix(*st.lastScheduleTime) == scheduled))
        return nextScheduleDelay(cj, st, now, *schedule);
    if (cj.spec.concurrencyPolicy == "Forbid" && !st.active.empty()) {
        event(cj, "Normal", "JobAlreadyActive",
              "Not starting job because prior execution is running and concurrency policy is Forbid", kComponent);
        return nextScheduleDelay(cj, st, now, *schedule);
    }
    if (cj.spec.concurrencyPolicy == "Replace") {
        for (const auto &ref : std::vector<CronJobStatus::JobRef>(st.active)) {
            auto job = store().get<Job>(ref.namespace_, ref.name);
            if (!job) {
                event(cj, "Warning", "FailedGet", "Get job: jobs.batch \"" + ref.name + "\" not found", kComponent);
                failed = true;
                return std::nullopt;
            }
            if (!deleteJob(cj, st, *job)) {
                failed = true;
                return std::nullopt;
            }
            updateStatus = true;
        }
    }

    // getJobFromTemplate2
    auto job = std::make_shared<Job>();
    job->apiVersion = "batch/v1";
    job->kind = "Job";
    job->metadata.name = jobName;
    job->metadata.namespace_ = cj.metadata.namespace_;
    job->metadata.labels = cj.spec.jobMetadata.labels;
    job->metadata.annotations = cj.spec.jobMetadata.annotations;
    job->metadata.annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"] =
        formatRfc3339(floorSeconds(scheduled), *zone);
    job->metadata.ownerReferences.push_back(controllerRefTo(cj));
    job->spec = cj.spec.jobSpec;
    std::string jobUid;
    ApiResult r = api().create(job, kComponent);
    if (r.error && r.error->code == 409) { // created before, perhaps by us
        auto existing = store().get<Job>(cj.metadata.namespace_, jobName);
        if (!existing) {
            failed = true;
            return std::nullopt;
        }
        const OwnerReference *ref = existing->metadata.controllerRef();
        if (!ref || ref->uid != cj.metadata.uid || inActiveList(st, existing->metadata.uid))
            return std::nullopt;
        jobUid = existing->metadata.uid;
    } else if (r.error) {
        event(cj, "Warning", "FailedCreate", "Error creating job: " + r.error->message, kComponent);
        failed = true;
        return std::nullopt;
    } else {
        event(cj, "Normal", "SuccessfulCreate", "Created job " + jobName, kComponent);
        jobUid = job->metadata.uid;
    }
    st.active.push_back({cj.metadata.namespace_, jobName, jobUid});
    st.lastScheduleTime = toVirtual(scheduled);
    updateStatus = true;
    return nextScheduleDelay(cj, st, now, *schedule);
}

} // namespace podscape
