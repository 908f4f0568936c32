#include "sim/controllers/job_controller.h"

#include "cluster/pod_status.h"
#include "sim/controllers/replicaset_controller.h" // deleteBefore (controller.ActivePods order)

#include <algorithm>
#include <cmath>

namespace podscape {

namespace {

const std::string kComponent = "job-controller";
const std::string kCompletionIndex = "batch.kubernetes.io/job-completion-index";
constexpr int kMaxPodCreateDeletePerSync = 500;
constexpr int kSlowStartInitialBatch = 1;
constexpr double kDefaultJobApiBackOff = 1, kMaxJobApiBackOff = 60;

JobCondition newCondition(const std::string &type, const std::string &reason, const std::string &message, double now,
                          const std::string &status = "True")
{
    return {type, status, reason, message, now, now};
}

// ensureJobConditionStatus: appends or updates; never appends a False condition.
bool ensureCondition(std::vector<JobCondition> &list, const JobCondition &c)
{
    for (auto &existing : list)
        if (existing.type == c.type) {
            if (existing.status == c.status && existing.reason == c.reason && existing.message == c.message)
                return false;
            existing = c;
            return true;
        }
    if (c.status == "False")
        return false;
    list.push_back(c);
    return true;
}

// Pods are replaced once Failed, not while terminating: podReplacementPolicy Failed, or a
// podFailurePolicy.
bool onlyReplaceFailedPods(const Job &job)
{
    return job.spec.podReplacementPolicy == "Failed" || job.spec.podFailurePolicy;
}

// isPodFailed: Failed, or (unless only failed pods are replaced) deleted before it succeeded.
bool isPodFailed(const Pod &p, const Job &job)
{
    if (p.status.phase == "Failed")
        return true;
    if (onlyReplaceFailedPods(job))
        return false;
    return p.metadata.deletionTimestamp && p.status.phase != "Succeeded";
}

bool isTerminating(const Pod &p) // controller.CountTerminatingPods
{
    return p.metadata.deletionTimestamp && p.status.phase != "Failed" && p.status.phase != "Succeeded";
}

// matchPodFailurePolicy: the FailJob message (if a FailJob rule matched), whether the failure
// counts against backoffLimit (not for Ignore), and the action matched.
struct PolicyMatch {
    std::optional<std::string> failJobMessage;
    bool countFailed = true;
    std::string action;
};

PolicyMatch matchPodFailurePolicy(const Job &job, const Pod &pod)
{
    PolicyMatch m;
    if (!job.spec.podFailurePolicy)
        return m;
    const auto &rules = job.spec.podFailurePolicy->rules;
    for (std::size_t index = 0; index < rules.size(); ++index) {
        const PodFailurePolicyRule &rule = rules[index];
        std::string matchedContainer, matchedCondition;
        std::int32_t exitCode = 0;
        if (rule.onExitCodes) {
            const auto &req = *rule.onExitCodes;
            auto matchIn = [&](const std::vector<ContainerStatus> &list) { // getMatchingContainerFromList
                for (const auto &cs : list) {
                    if (cs.state.kind != ContainerState::Kind::Terminated || cs.state.exitCode == 0)
                        continue;
                    if (req.containerName && *req.containerName != cs.name)
                        continue;
                    bool in = std::find(req.values.begin(), req.values.end(), cs.state.exitCode) != req.values.end();
                    if ((req.operator_ == "In" && in) || (req.operator_ == "NotIn" && !in)) {
                        matchedContainer = cs.name;
                        exitCode = cs.state.exitCode;
                        return true;
                    }
                }
                return false;
            };
            if (!matchIn(pod.status.containerStatuses) && !matchIn(pod.status.initContainerStatuses))
                continue;
        } else if (!rule.onPodConditions.empty()) {
            for (const auto &c : pod.status.conditions) // matchOnPodConditions
                for (const auto &pattern : rule.onPodConditions)
                    if (matchedCondition.empty() && c.type == pattern.type && c.status == pattern.status)
                        matchedCondition = c.type;
            if (matchedCondition.empty())
                continue;
        } else {
            continue;
        }
        if (rule.action == "Ignore") {
            m.countFailed = false;
        } else if (rule.action == "FailIndex") {
            continue; // needs backoffLimitPerIndex, which is not simulated: the next rule decides
        } else if (rule.action == "FailJob") {
            const std::string pod_ = pod.metadata.namespace_ + "/" + pod.metadata.name;
            m.failJobMessage = !matchedContainer.empty()
                                   ? "Container " + matchedContainer + " for pod " + pod_ + " failed with exit code " +
                                         std::to_string(exitCode) + " matching FailJob rule at index " +
                                         std::to_string(index)
                                   : "Pod " + pod_ + " has condition " + matchedCondition +
                                         " matching FailJob rule at index " + std::to_string(index);
        } else if (rule.action != "Count") {
            continue;
        }
        m.action = rule.action;
        return m;
    }
    return m;
}

// getFinishedTime: the last container's finish, else Ready=False's transition, else the deletion
// time less the grace period, else the creation time.
double finishedTime(const Pod &p)
{
    std::optional<double> fromContainers;
    bool allDone = !p.status.containerStatuses.empty();
    for (const auto &cs : p.status.containerStatuses) {
        if (cs.state.kind != ContainerState::Kind::Terminated || cs.state.finishedAt == 0) {
            allDone = false;
            break;
        }
        fromContainers = std::max(fromContainers.value_or(cs.state.finishedAt), cs.state.finishedAt);
    }
    if (allDone && fromContainers)
        return *fromContainers;
    if (const PodCondition *c = findCondition(p, "Ready"); c && c->status == "False" && c->lastTransitionTime > 0)
        return c->lastTransitionTime;
    if (p.metadata.deletionTimestamp)
        return *p.metadata.deletionTimestamp - double(p.metadata.deletionGracePeriodSeconds.value_or(0));
    return p.metadata.creationTimestamp.value_or(0);
}

// getRemainingTimeForFailuresCount: 10 s doubling per consecutive failure, at most 10 min, counted
// from the last failure.
double remainingBackoff(std::int32_t failures, std::optional<double> lastFailure, double now)
{
    if (failures == 0 || !lastFailure)
        return 0;
    double backoff = JobController::kPodFailureBackOff;
    for (int i = 1; i < failures; ++i) {
        backoff *= 2;
        if (backoff >= JobController::kMaxPodFailureBackOff) {
            backoff = JobController::kMaxPodFailureBackOff;
            break;
        }
    }
    double elapsed = now - *lastFailure;
    return backoff < elapsed ? 0 : backoff - elapsed;
}

// pastBackoffLimitOnFailure: with restartPolicy OnFailure, container restarts of running and pending
// pods count against the limit.
bool pastBackoffLimitOnFailure(const Job &job, const std::vector<std::shared_ptr<Pod>> &pods)
{
    if (job.spec.template_.spec.restartPolicy != "OnFailure")
        return false;
    std::int32_t restarts = 0;
    for (const auto &p : pods)
        if (p->status.phase == "Running" || p->status.phase == "Pending") {
            for (const auto &s : p->status.initContainerStatuses)
                restarts += s.restartCount;
            for (const auto &s : p->status.containerStatuses)
                restarts += s.restartCount;
        }
    std::int32_t limit = job.spec.backoffLimit.value_or(6);
    return limit == 0 ? restarts > 0 : restarts >= limit;
}

// podGenerateNameWithIndex: `<job>-<index>-`, the job name cut to fit 58 characters.
std::string generateNameWithIndex(const std::string &jobName, int index)
{
    const std::size_t maxGeneratedNameLength = 58;
    std::string appendix = "-" + std::to_string(index) + "-";
    std::string prefix = jobName + appendix;
    if (prefix.size() > maxGeneratedNameLength)
        prefix = jobName.substr(0, maxGeneratedNameLength - appendix.size()) + appendix;
    return prefix;
}

// addCompletionIndexEnvVariables: JOB_COMPLETION_INDEX from the annotation, in every container.
void addCompletionIndexEnv(PodSpec &spec)
{
    auto add = [](Container &c) {
        for (const auto &e : c.env)
            if (e.name == "JOB_COMPLETION_INDEX")
                return;
        EnvVar v;
        v.name = "JOB_COMPLETION_INDEX";
        v.source = EnvVar::Source::Field;
        v.fieldPath = "metadata.annotations['" + kCompletionIndex + "']";
        c.env.push_back(v);
    };
    for (auto &c : spec.initContainers)
        add(c);
    for (auto &c : spec.containers)
        add(c);
}

} // namespace

// --- JobStatus --------------------------------------------------------------------------------------

const JobCondition *JobStatus::condition(const std::string &type) const
{
    for (const auto &c : conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

bool JobStatus::complete() const
{
    const JobCondition *c = condition("Complete");
    return c && c->status == "True";
}

bool JobStatus::failedJob() const
{
    const JobCondition *c = condition("Failed");
    return c && c->status == "True";
}

bool JobStatus::finished() const
{
    return complete() || failedJob();
}

// --- Indexes ----------------------------------------------------------------------------------------

int completionIndexOf(const Pod &pod)
{
    auto parse = [](const std::string &s) {
        if (s.empty() || s.size() > 9 ||
            !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }))
            return -1;
        return std::stoi(s);
    };
    if (auto it = pod.metadata.annotations.find(kCompletionIndex); it != pod.metadata.annotations.end())
        return parse(it->second);
    if (auto it = pod.metadata.labels.find(kCompletionIndex); it != pod.metadata.labels.end())
        return parse(it->second);
    return -1;
}

std::string formatIndexes(const std::set<int> &indexes)
{
    std::string out;
    for (auto it = indexes.begin(); it != indexes.end();) {
        int first = *it, last = first;
        for (++it; it != indexes.end() && *it == last + 1; ++it)
            last = *it;
        out += (out.empty() ? "" : ",") + std::to_string(first);
        if (last > first)
            out += "-" + std::to_string(last);
    }
    return out;
}

std::set<int> parseIndexes(const std::string &text, int completions)
{
    std::set<int> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t comma = text.find(',', start);
        std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        std::size_t dash = part.find('-');
        try {
            int first = std::stoi(part.substr(0, dash));
            int last = dash == std::string::npos ? first : std::stoi(part.substr(dash + 1));
            for (int i = first; i <= last && i < completions; ++i)
                out.insert(i);
        } catch (...) {
        }
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return out;
}

// --- JobController ----------------------------------------------------------------------------------

struct JobController::SyncContext {
    std::string key;
    std::vector<std::shared_ptr<Pod>> pods;
    std::vector<std::shared_ptr<Pod>> activePods;
    std::vector<std::shared_ptr<Pod>> newSucceeded, newFailed;
    std::int32_t succeeded = 0, failed = 0, ready = 0, terminating = 0;
    std::set<int> succeededIndexes;
    std::set<std::string> uncountedRemoved; // pods deleted with their tracking finalizer removed
    std::optional<std::string> error;
    bool indexed = false;
    std::int32_t completions = 0;
};

JobController::JobController(ControllerContext ctx)
    : Controller(ctx), queue_(clock(), [this](const std::string &key) { sync(key); })
{
}

const JobStatus *JobController::statusOf(const std::string &ns, const std::string &name) const
{
    auto it = statuses_.find(ns + '/' + name);
    return it == statuses_.end() ? nullptr : &it->second;
}

// addJob / updateJob / deleteJob and addPod / updatePod / deletePod: a Job's own changes sync it at
// once; its pods' changes and its status writes are batched (syncJobBatchPeriod).
void JobController::onWatch(const WatchEvent &event, const PodDelta &delta)
{
    const Object &obj = *event.object;
    if (obj.kind == "Job") {
        // A re-applied Job is replaced (removed and created again), so Modified only comes from
        // status writes, which Kubernetes batches as it does pod events.
        queue_.addAfter(objectKey(obj), event.type == WatchEventType::Modified ? kSyncBatchPeriod : WorkQueue::kDelay);
        return;
    }
    if (obj.kind != "Pod")
        return;
    bool ownersChanged = delta.controllerChanged;
    const Pod &pod = static_cast<const Pod &>(obj);
    if (const OwnerReference *ref = pod.metadata.controllerRef()) {
        if (ref->kind == "Job")
            queue_.addAfter(pod.metadata.namespace_ + '/' + ref->name, kSyncBatchPeriod);
        return;
    }
    if (event.type == WatchEventType::Deleted || !ownersChanged || pod.metadata.deletionTimestamp)
        return;
    for (const auto &job : store().list<Job>(pod.metadata.namespace_)) // getPodJobs: adoption
        if (matchesOptionalSelector(job->spec.selector, pod.metadata.labels))
            queue_.addAfter(objectKey(*job), kSyncBatchPeriod);
}

// getPodsForJob / PodControllerRefManager.ClaimPods.
std::vector<std::shared_ptr<Pod>> JobController::claimPods(const std::shared_ptr<Job> &job)
{
    const std::string &uid = job->metadata.uid;
    for (const auto &pod : podInformer().byController().dependentsOf<Pod>(uid)) {
        if (matchesOptionalSelector(job->spec.selector, pod->metadata.labels))
            continue;
        auto &refs = pod->metadata.ownerReferences; // ReleasePod
        refs.erase(std::remove_if(refs.begin(), refs.end(), [&](const OwnerReference &r) { return r.uid == uid; }),
                   refs.end());
        api().updateStatus(pod);
    }
    if (!job->metadata.deletionTimestamp)
        for (const auto &pod : podInformer().byController().orphansIn<Pod>(job->metadata.namespace_)) {
            if (pod->metadata.deletionTimestamp || !matchesOptionalSelector(job->spec.selector, pod->metadata.labels))
                continue;
            pod->metadata.ownerReferences.push_back(controllerRefTo(*job)); // AdoptPod
            api().updateStatus(pod);
        }
    return podInformer().byController().dependentsOf<Pod>(uid);
}

// backoffStore.newBackoffRecord: failures since the newest success, with the newest failure's time.
JobController::BackoffRecord JobController::newBackoffRecord(const std::string &key, const SyncContext &ctx) const
{
    BackoffRecord r;
    if (auto it = backoff_.find(key); it != backoff_.end())
        r = it->second;
    std::vector<double> succeeded, failed;
    for (const auto &p : ctx.newSucceeded)
        succeeded.push_back(finishedTime(*p));
    for (const auto &p : ctx.newFailed)
        failed.push_back(finishedTime(*p));
    std::sort(succeeded.begin(), succeeded.end());
    std::sort(failed.begin(), failed.end());
    if (succeeded.empty()) {
        if (failed.empty())
            return r;
        r.failuresAfterLastSuccess += std::int32_t(failed.size());
        r.lastFailureTime = failed.back();
        return r;
    }
    r.failuresAfterLastSuccess = 0;
    r.lastFailureTime.reset();
    for (auto it = failed.rbegin(); it != failed.rend() && *it > succeeded.back(); ++it) {
        if (!r.lastFailureTime)
            r.lastFailureTime = *it;
        ++r.failuresAfterLastSuccess;
    }
    return r;
}

// syncJob.
void JobController::sync(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    auto job = store().get<Job>(ns, name);
    if (!job) { // deleted: the garbage collector takes its pods
        statuses_.erase(key);
        counted_.erase(key);
        backoff_.erase(key);
        apiFailures_.erase(key);
        return;
    }
    JobStatus &stored = statuses_[key];
    if (stored.uid != job->metadata.uid) { // a new Job under an old name
        stored = JobStatus{};
        stored.uid = job->metadata.uid;
        counted_[key].clear();
        backoff_.erase(key);
    }
    if (stored.finished()) {
        backoff_.erase(key);
        return;
    }
    const JobSpec &spec = job->spec;
    const double now = clock().now();
    JobStatus st = stored;
    std::set<std::string> &counted = counted_[key];

    SyncContext ctx;
    ctx.key = key;
    ctx.indexed = spec.completionMode == "Indexed";
    ctx.completions = spec.completions.value_or(0);
    ctx.pods = claimPods(job);
    auto validIndex = [&](const Pod &p) {
        int ix = completionIndexOf(p);
        return ix >= 0 && ix < ctx.completions;
    };
    for (const auto &p : ctx.pods) {
        if (isPodActive(*p)) {
            ctx.activePods.push_back(p);
            ctx.ready += isPodReady(*p) ? 1 : 0;
        }
        ctx.terminating += isTerminating(*p) ? 1 : 0;
        if (counted.count(p->metadata.uid) || (ctx.indexed && !validIndex(*p)))
            continue;
        if (p->status.phase == "Succeeded")
            ctx.newSucceeded.push_back(p);
        else if (isPodFailed(*p, *job))
            ctx.newFailed.push_back(p);
    }
    std::int32_t active = std::int32_t(ctx.activePods.size());
    ctx.succeeded = st.succeeded + std::int32_t(ctx.newSucceeded.size());
    ctx.failed = st.failed;
    for (const auto &p : ctx.newFailed) // nonIgnoredFailedPodsCount
        ctx.failed += matchPodFailurePolicy(*job, *p).countFailed ? 1 : 0;

    if (!st.startTime && !spec.suspend) // the Job's first start
        st.startTime = now;
    BackoffRecord backoff = newBackoffRecord(key, ctx);

    std::optional<JobCondition> finished;
    if (const JobCondition *c = st.condition("SuccessCriteriaMet"); c && c->status == "True") {
        finished = *c;
    } else if (const JobCondition *t = st.condition("FailureTarget"); t && t->status == "True") {
        finished = newCondition("Failed", t->reason, t->message, now);
    } else {
        for (const auto &p : ctx.pods) // getFailJobMessage: a FailJob rule of the podFailurePolicy
            if (isPodFailed(*p, *job))
                if (auto message = matchPodFailurePolicy(*job, *p).failJobMessage) {
                    finished = newCondition("FailureTarget", "PodFailurePolicy", *message, now);
                    break;
                }
    }
    if (!finished) {
        if (ctx.failed > spec.backoffLimit.value_or(6) || pastBackoffLimitOnFailure(*job, ctx.pods)) {
            finished = newCondition("FailureTarget", "BackoffLimitExceeded",
                                    "Job has reached the specified backoff limit", now);
        } else if (spec.activeDeadlineSeconds && st.startTime && !spec.suspend) {
            double allowed = double(*spec.activeDeadlineSeconds);
            if (now - *st.startTime >= allowed) // pastActiveDeadline
                finished = newCondition("FailureTarget", "DeadlineExceeded",
                                        "Job was active longer than specified deadline", now);
            else
                queue_.addAfter(key, allowed - (now - *st.startTime));
        }
    }

    if (ctx.indexed) { // calculateSucceededIndexes
        ctx.succeededIndexes = parseIndexes(st.completedIndexes, ctx.completions);
        for (const auto &p : ctx.pods)
            if (p->status.phase == "Succeeded" && validIndex(*p))
                ctx.succeededIndexes.insert(completionIndexOf(*p));
        ctx.succeeded = std::int32_t(ctx.succeededIndexes.size());
    }

    if (finished) { // deleteActivePods: a failed Job's pods go, and count as failed
        auto [deletedReady, deleted] = deletePods(*job, ctx, ctx.activePods, true);
        if (deleted != active)
            finished.reset();
        active -= deleted;
        ctx.terminating += deleted;
        ctx.ready -= deletedReady;
    } else {
        bool manageCalled = false;
        if (!job->metadata.deletionTimestamp) {
            active = manageJob(job, ctx);
            manageCalled = true;
        }
        bool complete =
            spec.completions ? ctx.succeeded >= *spec.completions && active == 0 : ctx.succeeded > 0 && active == 0;
        if (complete) {
            finished = newCondition("SuccessCriteriaMet", "CompletionsReached",
                                    "Reached expected number of succeeded pods", now);
        } else if (manageCalled) {
            if (spec.suspend) {
                if (ensureCondition(st.conditions,
                                    newCondition("Suspended", "JobSuspended", "Job suspended", now, "True"))) {
                    event(*job, "Normal", "Suspended", "Job suspended", kComponent);
                }
            } else if (ensureCondition(st.conditions,
                                       newCondition("Suspended", "JobResumed", "Job resumed", now, "False"))) {
                event(*job, "Normal", "Resumed", "Job resumed", kComponent);
                st.startTime = now; // ActiveDeadlineSeconds counts from the resumption
            }
        }
    }
    st.active = active;
    st.ready = ctx.ready;
    st.terminating = ctx.terminating;

    // trackJobStatusAndRemoveFinalizers: count every finished pod once.
    const bool failing = finished && finished->type != "SuccessCriteriaMet";
    for (const auto &p : ctx.pods) {
        const std::string &uid = p->metadata.uid;
        if (counted.count(uid))
            continue;
        if (ctx.uncountedRemoved.count(uid)) {
            counted.insert(uid);
            continue;
        }
        bool considerFailed = isPodFailed(*p, *job);
        if (!finished && p->status.phase != "Succeeded" && !considerFailed)
            continue; // canRemoveFinalizer
        counted.insert(uid);
        if (p->status.phase == "Succeeded") {
            if (!ctx.indexed)
                ++st.succeeded;
        } else if ((considerFailed || failing) && (!ctx.indexed || validIndex(*p))) {
            st.failed += matchPodFailurePolicy(*job, *p).countFailed ? 1 : 0;
        }
    }
    if (ctx.indexed) {
        st.succeeded = std::int32_t(ctx.succeededIndexes.size());
        st.completedIndexes = formatIndexes(ctx.succeededIndexes);
    }
    if (finished && finished->type == "FailureTarget") {
        if (!st.condition("FailureTarget"))
            st.conditions.push_back(*finished);
        finished = newCondition("Failed", finished->reason, finished->message, now);
    }
    if (finished && finished->type == "SuccessCriteriaMet") {
        if (!st.condition("SuccessCriteriaMet"))
            st.conditions.push_back(*finished);
        finished = newCondition("Complete", finished->reason, finished->message, now);
    }
    // enactJobFinished: the terminal condition waits for the terminating pods.
    bool jobFinished = false;
    if (finished && st.terminating == 0) {
        ensureCondition(st.conditions, *finished);
        if (finished->type == "Complete")
            st.completionTime = now;
        jobFinished = true;
    }
    backoff_[key] = backoff;
    if (!(st == stored)) {
        stored = st;
        api().updateStatus(job);
    }
    if (jobFinished) { // recordJobFinished
        if (finished->type == "Complete") {
            if (spec.completions && st.succeeded > *spec.completions)
                event(*job, "Warning", "TooManySucceededPods",
                      "Too many succeeded pods running after completion count reached", kComponent);
            event(*job, "Normal", "Completed", "Job completed", kComponent);
        } else {
            event(*job, "Warning", finished->reason, finished->message, kComponent);
        }
        backoff_.erase(key);
    }
    if (ctx.error) { // the queue's rate limiter: 1 s doubling, at most 1 min
        int n = apiFailures_[key]++;
        queue_.addAfter(key, std::min(kMaxJobApiBackOff, kDefaultJobApiBackOff * std::pow(2.0, std::min(n, 10))));
    } else {
        apiFailures_.erase(key);
    }
}

// manageJob: keep min(parallelism, remaining completions) pods active, after the pod-failure
// back-off; a suspended Job has none.
std::int32_t JobController::manageJob(const std::shared_ptr<Job> &job, SyncContext &ctx)
{
    const JobSpec &spec = job->spec;
    std::int32_t active = std::int32_t(ctx.activePods.size());
    const std::int32_t parallelism = spec.parallelism.value_or(1);
    const double now = clock().now();
    auto sorted = [&](std::vector<std::shared_ptr<Pod>> pods) { // controller.ActivePods: delete first
        std::stable_sort(pods.begin(), pods.end(),
                         [&](const auto &a, const auto &b) { return deleteBefore(*a, 0, *b, 0, now); });
        return pods;
    };
    if (spec.suspend) {
        auto [removedReady, removed] = deletePods(*job, ctx, sorted(ctx.activePods), false);
        ctx.terminating += removed;
        ctx.ready -= removedReady;
        return active - removed;
    }
    std::int32_t wantActive;
    if (!spec.completions)
        wantActive = ctx.succeeded > 0 ? active : parallelism;
    else
        wantActive = std::max(0, std::min(*spec.completions - ctx.succeeded, parallelism));

    // activePodsForRemoval: for Indexed Jobs, pods with an invalid or repeated index first.
    std::int32_t rmAtLeast = std::max(0, active - wantActive);
    std::vector<std::shared_ptr<Pod>> remove, left;
    if (ctx.indexed) {
        std::map<int, std::vector<std::shared_ptr<Pod>>> byIndex;
        for (const auto &p : ctx.activePods) {
            int ix = completionIndexOf(*p);
            if (ix < 0 || ix >= ctx.completions)
                remove.push_back(p);
            else
                byIndex[ix].push_back(p);
        }
        for (auto &[ix, group] : byIndex) {
            group = sorted(group);
            left.push_back(group.back()); // keep the one deleted last
            remove.insert(remove.end(), group.begin(), group.end() - 1);
        }
    } else {
        left = ctx.activePods;
    }
    if (std::int32_t(remove.size()) < rmAtLeast) {
        left = sorted(left);
        remove.insert(remove.end(), left.begin(), left.begin() + (rmAtLeast - std::int32_t(remove.size())));
    }
    if (remove.size() > std::size_t(kMaxPodCreateDeletePerSync))
        remove.resize(kMaxPodCreateDeletePerSync);
    if (!remove.empty()) {
        auto [removedReady, removed] = deletePods(*job, ctx, remove, false);
        ctx.terminating += removed;
        ctx.ready -= removedReady;
        return active - removed;
    }

    std::int32_t terminating = onlyReplaceFailedPods(*job) ? ctx.terminating : 0;
    std::int32_t diff = wantActive - terminating - active;
    if (diff <= 0)
        return active;
    BackoffRecord backoff = newBackoffRecord(ctx.key, ctx);
    double remaining = remainingBackoff(backoff.failuresAfterLastSuccess, backoff.lastFailureTime, now);
    if (remaining > 0) {
        // enqueueSyncJobWithDelay (never sooner than the batch period). Kubernetes reports 0 active
        // pods from this sync.
        queue_.addAfter(ctx.key, std::max(kSyncBatchPeriod, remaining));
        return 0;
    }
    return active + createPods(job, ctx, std::min(diff, std::int32_t(kMaxPodCreateDeletePerSync)));
}

// The pod creations of manageJob, in slow-start batches (1, 2, 4, ...); returns how many were made.
std::int32_t JobController::createPods(const std::shared_ptr<Job> &job, SyncContext &ctx, std::int32_t diff)
{
    std::vector<int> indexes;
    if (ctx.indexed) { // firstPendingIndexes: neither succeeded nor running
        std::set<int> taken = ctx.succeededIndexes;
        for (const auto &p : ctx.activePods)
            taken.insert(completionIndexOf(*p));
        for (int i = 0; i < ctx.completions && std::int32_t(indexes.size()) < diff; ++i)
            if (!taken.count(i))
                indexes.push_back(i);
        diff = std::int32_t(indexes.size());
    }
    PodTemplateSpec tpl = job->spec.template_;
    if (ctx.indexed)
        addCompletionIndexEnv(tpl.spec);
    std::int32_t created = 0;
    std::size_t nextIndex = 0;
    for (std::int32_t batch = std::min(diff, std::int32_t(kSlowStartInitialBatch)); diff > 0;
         batch = std::min(2 * batch, diff)) {
        bool failed = false;
        for (std::int32_t i = 0; i < batch; ++i) {
            auto pod = std::make_shared<Pod>();
            pod->apiVersion = "v1";
            pod->kind = "Pod";
            pod->metadata.namespace_ = job->metadata.namespace_;
            pod->metadata.generateName = job->metadata.name + "-";
            pod->metadata.labels = tpl.metadata.labels;
            pod->metadata.annotations = tpl.metadata.annotations;
            pod->metadata.finalizers = tpl.metadata.finalizers;
            pod->metadata.ownerReferences.push_back(controllerRefTo(*job));
            pod->spec = tpl.spec;
            if (ctx.indexed) {
                int ix = indexes[nextIndex++];
                pod->metadata.annotations[kCompletionIndex] = std::to_string(ix);
                pod->metadata.labels[kCompletionIndex] = std::to_string(ix); // PodIndexLabel
                pod->spec.hostname = job->metadata.name + "-" + std::to_string(ix);
                pod->metadata.generateName = generateNameWithIndex(job->metadata.name, ix);
            }
            std::string error;
            if (pod->metadata.labels.empty()) {
                error = "unable to create pods, no labels";
            } else {
                ApiResult r = api().create(pod, kComponent);
                if (r.error) {
                    event(*job, "Warning", "FailedCreate", "Error creating: " + r.error->message, kComponent);
                    error = r.error->message;
                } else {
                    event(*job, "Normal", "SuccessfulCreate", "Created pod: " + pod->metadata.name, kComponent);
                    ++created;
                }
            }
            if (!error.empty()) {
                failed = true;
                if (!ctx.error)
                    ctx.error = error;
            }
        }
        diff -= batch;
        if (failed)
            break; // the skipped pods are retried by a later sync
    }
    return created;
}

// RealPodControl.DeletePod for each pod (events SuccessfulDelete / FailedDelete); returns how many
// ready pods and how many pods were deleted.
std::pair<std::int32_t, std::int32_t> JobController::deletePods(const Job &job, SyncContext &ctx,
                                                                const std::vector<std::shared_ptr<Pod>> &pods,
                                                                bool keepCounting)
{
    std::int32_t ready = 0, deleted = 0;
    for (const auto &pod : pods) {
        if (!keepCounting)
            ctx.uncountedRemoved.insert(pod->metadata.uid);
        bool wasReady = isPodReady(*pod);
        ApiResult r = api().remove("Pod", pod->metadata.namespace_, pod->metadata.name);
        if (!r.error) {
            event(job, "Normal", "SuccessfulDelete", "Deleted pod: " + pod->metadata.name, kComponent);
        } else if (r.error->code != 404) {
            event(job, "Warning", "FailedDelete", "Error deleting: " + r.error->message, kComponent);
            if (!ctx.error)
                ctx.error = r.error->message;
            continue;
        }
        ++deleted;
        ready += wasReady ? 1 : 0;
    }
    return {ready, deleted};
}

// --- TTL after finished -----------------------------------------------------------------------------

TtlAfterFinishedController::TtlAfterFinishedController(ControllerContext ctx, const JobController &jobs)
    : Controller(ctx), jobs_(jobs), queue_(clock(), [this](const std::string &key) { sync(key); })
{
}

// addJob / updateJob: a Job with a TTL that has finished (and is not being deleted) is looked at.
void TtlAfterFinishedController::onWatch(const WatchEvent &event, const PodDelta &)
{
    if (event.object->kind != "Job" || event.type == WatchEventType::Deleted)
        return;
    const auto &job = static_cast<const Job &>(*event.object);
    if (job.metadata.deletionTimestamp || !job.spec.ttlSecondsAfterFinished)
        return;
    const JobStatus *st = jobs_.statusOf(job.metadata.namespace_, job.metadata.name);
    if (st && st->uid == job.metadata.uid && st->finished())
        queue_.add(objectKey(job));
}

// processJob: delete the Job once its TTL has expired (the garbage collector removes its pods),
// else look again when it does.
void TtlAfterFinishedController::sync(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    auto job = store().get<Job>(ns, name);
    if (!job || job->metadata.deletionTimestamp || !job->spec.ttlSecondsAfterFinished)
        return;
    const JobStatus *st = jobs_.statusOf(ns, name);
    if (!st || st->uid != job->metadata.uid || !st->finished())
        return;
    const JobCondition *c = st->complete() ? st->condition("Complete") : st->condition("Failed");
    double expireAt = c->lastTransitionTime + double(*job->spec.ttlSecondsAfterFinished);
    double now = clock().now();
    if (now < expireAt) {
        queue_.addAfter(key, expireAt - now);
        return;
    }
    // processJob deletes with Foreground propagation: the Job stays until its pods are gone.
    api().remove("Job", ns, name, std::nullopt, "Foreground");
}

} // namespace podscape
