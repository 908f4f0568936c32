#include "sim/controllers/replicaset_controller.h"

#include "cluster/pod_status.h"

#include <algorithm>
#include <cmath>

namespace podscape {

namespace {

constexpr int kBurstReplicas = 500;        // ReplicaSetController.burstReplicas
constexpr int kSlowStartInitialBatch = 1;  // controller.SlowStartInitialBatchSize

// podPhaseToOrdinal: Pending < Unknown < Running (others count as Pending).
int phaseOrdinal(const std::string &phase)
{
    return phase == "Unknown" ? 1 : phase == "Running" ? 2 : 0;
}

// controller.kubernetes.io/pod-deletion-cost (helper.GetDeletionCostFromPodAnnotations).
std::int64_t deletionCost(const Pod &pod)
{
    auto it = pod.metadata.annotations.find("controller.kubernetes.io/pod-deletion-cost");
    if (it == pod.metadata.annotations.end())
        return 0;
    try {
        return std::stoll(it->second);
    } catch (...) {
        return 0;
    }
}

// maxContainerRestarts: the highest restart count of regular and of sidecar containers.
std::pair<int, int> maxContainerRestarts(const Pod &pod)
{
    int regular = 0, sidecar = 0;
    for (const auto &s : pod.status.containerStatuses)
        regular = std::max(regular, int(s.restartCount));
    for (const auto &s : pod.status.initContainerStatuses)
        for (const auto &c : pod.spec.initContainers)
            if (c.name == s.name && c.isSidecar())
                sidecar = std::max(sidecar, int(s.restartCount));
    return {regular, sidecar};
}

// logarithmicRankDiff: compares floor(log2(age in ns)) of two timestamps.
std::int64_t logarithmicRankDiff(double t1, double t2, double now)
{
    auto rank = [now](double t) {
        double d = (now - t) * 1e9;
        return d > 0 ? std::int64_t(std::log2(d)) : std::int64_t(-1);
    };
    return rank(t1) - rank(t2);
}

// Newer first, log-scaled (LogarithmicScaleDown, GA); std::nullopt when equal.
std::optional<bool> newerFirst(std::optional<double> ti, std::optional<double> tj, const Pod &a, const Pod &b,
                               double now)
{
    if (ti == tj)
        return std::nullopt;
    if (!ti || !tj)
        return !ti;  // afterOrZero: a zero time sorts first
    std::int64_t diff = logarithmicRankDiff(*ti, *tj, now);
    if (diff == 0)
        return a.metadata.uid < b.metadata.uid;
    return diff < 0;
}

}  // namespace

bool deleteBefore(const Pod &a, int rankA, const Pod &b, int rankB, double now)
{
    // 1. Unassigned < assigned
    if (a.spec.nodeName != b.spec.nodeName && (a.spec.nodeName.empty() || b.spec.nodeName.empty()))
        return a.spec.nodeName.empty();
    // 2. PodPending < PodUnknown < PodRunning
    if (phaseOrdinal(a.status.phase) != phaseOrdinal(b.status.phase))
        return phaseOrdinal(a.status.phase) < phaseOrdinal(b.status.phase);
    // 3. Not ready < ready
    if (isPodReady(a) != isPodReady(b))
        return !isPodReady(a);
    // 4. Lower pod-deletion-cost < higher
    if (deletionCost(a) != deletionCost(b))
        return deletionCost(a) < deletionCost(b);
    // 5. Doubled up < not doubled up
    if (rankA != rankB)
        return rankA > rankB;
    // 6. Been ready for empty time < less time < more time
    if (isPodReady(a) && isPodReady(b))
        if (auto r = newerFirst(podReadyTime(a), podReadyTime(b), a, b, now))
            return *r;
    // 7. Higher restart counts < lower
    auto [ra, sa] = maxContainerRestarts(a);
    auto [rb, sb] = maxContainerRestarts(b);
    if (ra != rb)
        return ra > rb;
    if (sa != sb)
        return sa > sb;
    // 8. Empty creation time < newer < older
    if (auto r = newerFirst(a.metadata.creationTimestamp, b.metadata.creationTimestamp, a, b, now))
        return *r;
    return false;
}

ReplicaSetController::ReplicaSetController(ControllerContext ctx, std::string kind)
    : Controller(ctx), kind_(std::move(kind)),
      component_(kind_ == "ReplicationController" ? "replication-controller" : "replicaset-controller"),
      sets_(kind_, true), queue_(clock(), [this](const std::string &key) { sync(key); })
{
}

const ReplicaSetStatus *ReplicaSetController::statusOf(const std::string &ns, const std::string &name) const
{
    auto it = statuses_.find(ns + '/' + name);
    return it == statuses_.end() ? nullptr : &it->second;
}

// The informers' handlers: addRS/updateRS/deleteRS and addPod/updatePod/deletePod.
void ReplicaSetController::onWatch(const WatchEvent &event, const PodDelta &delta)
{
    const Object &obj = *event.object;
    if (obj.kind == kind_) {
        sets_.observe(event);
        queue_.add(objectKey(obj));
    } else if (obj.kind == "Pod") {
        if (event.type == WatchEventType::Deleted)
            if (const OwnerReference *ref = obj.metadata.controllerRef())
                if (auto it = podFacts_.find(ref->uid); it != podFacts_.end())
                    it->second.pods.erase(&obj);
        bool ownersChanged = delta.controllerChanged;
        enqueueForPod(event, ownersChanged);
    }
}

// A pod with a controllerRef wakes its owner; a new orphan wakes every set that selects it
// (getPodReplicaSets), so one of them can adopt it.
void ReplicaSetController::enqueueForPod(const WatchEvent &event, bool ownersChanged)
{
    const Pod &pod = static_cast<const Pod &>(*event.object);
    if (const OwnerReference *ref = pod.metadata.controllerRef()) {
        if (ref->kind == kind_)
            queue_.add(pod.metadata.namespace_ + '/' + ref->name);
        return;
    }
    if (event.type == WatchEventType::Deleted || !ownersChanged || pod.metadata.deletionTimestamp)
        return;
    for (const auto &set : store().list(kind_, pod.metadata.namespace_)) {
        View v;
        viewOf(set, v);
        if (matchesOptionalSelector(*v.selector, pod.metadata.labels))
            queue_.add(objectKey(*set));
    }
}

void ReplicaSetController::viewOf(const ObjectPtr &obj, View &v) const
{
    v.object = obj;
    v.selector = &v.rcSelector;
    if (auto *rs = dynamic_cast<const ReplicaSet *>(obj.get())) {
        v.replicas = rs->spec.replicas.value_or(1);
        v.selector = &rs->spec.selector;
        v.template_ = &rs->spec.template_;
        v.minReadySeconds = rs->spec.minReadySeconds;
    } else if (auto *rc = dynamic_cast<const ReplicationController *>(obj.get())) {
        v.replicas = rc->spec.replicas.value_or(1);
        v.rcSelector = LabelSelector{rc->spec.selector, {}};
        v.template_ = rc->spec.template_ ? &*rc->spec.template_ : nullptr;
        v.minReadySeconds = rc->spec.minReadySeconds;
    }
}

ReplicaSetController::SetPodFacts &ReplicaSetController::podFactsOf(const View &rs)
{
    SetPodFacts &set = podFacts_[rs.object->metadata.uid];
    if (set.set != rs.object.get()) // a new object (apply): its selector or template may differ
        set = SetPodFacts{rs.object.get(), {}};
    return set;
}

const ReplicaSetController::PodFacts &ReplicaSetController::podFacts(SetPodFacts &set, const View &rs, const Pod &pod)
{
    PodFacts &facts = set.pods[&pod];
    if (facts.podVersion != pod.metadata.resourceVersion) { // a new entry's 0 is no stored version
        facts.podVersion = pod.metadata.resourceVersion;
        facts.selected = matchesOptionalSelector(*rs.selector, pod.metadata.labels);
        facts.active = isPodActive(pod);
        facts.readyTime = podReadyTime(pod);
        // FullyLabeledReplicas: the pod carries every label of the template.
        facts.fullyLabeled = true;
        if (rs.template_)
            for (const auto &[key, value] : rs.template_->metadata.labels) {
                auto it = pod.metadata.labels.find(key);
                if (it == pod.metadata.labels.end() || it->second != value) {
                    facts.fullyLabeled = false;
                    break;
                }
            }
    }
    return facts;
}

// syncReplicaSet.
void ReplicaSetController::sync(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    ObjectPtr obj = store().get(kind_, ns, name);
    if (!obj) {  // deleted: the garbage collector takes its pods
        if (auto it = statuses_.find(key); it != statuses_.end()) {
            podFacts_.erase(it->second.uid);
            statuses_.erase(it);
        }
        queue_.forget(key);
        return;
    }
    View rs;
    viewOf(obj, rs);
    std::optional<ReplicaSetCondition> err;
    SetPodFacts &facts = podFactsOf(rs);
    if (!obj->metadata.deletionTimestamp) {
        claimPods(rs, facts);
        err = manageReplicas(rs, facts);
    }
    updateStatus(rs, facts, err);
    if (err) {
        queue_.addRateLimited(key);
        return;
    }
    queue_.forget(key);
    const ReplicaSetStatus &s = statuses_[key];
    if (rs.minReadySeconds > 0 && s.readyReplicas == rs.replicas && s.availableReplicas != rs.replicas)
        queue_.addAfter(key, rs.minReadySeconds);
}

// PodControllerRefManager.ClaimPods: adopt matching orphans, release owned pods that no longer
// match. Adoption and release are metadata patches, written as status updates (no admission).
// Every sync runs this over all the pods a ReplicaSet owns: the owned pods are only read, and
// copied only when one is released.
void ReplicaSetController::claimPods(const View &rs, SetPodFacts &facts)
{
    const Object &owner = *rs.object;
    std::vector<std::shared_ptr<Pod>> released;
    for (const auto &[key, obj] : podInformer().byController().dependents(owner.metadata.uid))
        if (!podFacts(facts, rs, static_cast<const Pod &>(*obj)).selected)
            released.push_back(std::static_pointer_cast<Pod>(obj));
    for (const auto &pod : released) {
        auto &refs = pod->metadata.ownerReferences;  // ReleasePod
        refs.erase(std::remove_if(refs.begin(), refs.end(),
                                  [&](const OwnerReference &r) { return r.uid == owner.metadata.uid; }),
                   refs.end());
        api().updateStatus(pod);
    }
    for (const auto &pod : podInformer().byController().orphansIn<Pod>(owner.metadata.namespace_)) {
        if (pod->metadata.deletionTimestamp || !matchesOptionalSelector(*rs.selector, pod->metadata.labels))
            continue;
        pod->metadata.ownerReferences.push_back(controllerRefTo(owner));  // AdoptPod
        api().updateStatus(pod);
    }
}

// controller.FilterActivePods over the claimed pods.
std::vector<std::shared_ptr<Pod>> ReplicaSetController::activePods(const View &rs) const
{
    std::vector<std::shared_ptr<Pod>> out;
    for (const auto &[key, obj] : podInformer().byController().dependents(rs.object->metadata.uid))
        if (isPodActive(static_cast<const Pod &>(*obj)))
            out.push_back(std::static_pointer_cast<Pod>(obj));
    return out;
}

std::size_t ReplicaSetController::countActivePods(const View &rs, SetPodFacts &facts) const
{
    std::size_t n = 0;
    for (const auto &[key, obj] : podInformer().byController().dependents(rs.object->metadata.uid))
        n += podFacts(facts, rs, static_cast<const Pod &>(*obj)).active ? 1 : 0;
    return n;
}

// manageReplicas: create the missing pods, or delete the surplus, at most burstReplicas a sync.
// The active pods are listed only when some must go (a count tells the rest).
std::optional<ReplicaSetCondition> ReplicaSetController::manageReplicas(const View &rs, SetPodFacts &facts)
{
    int diff = int(countActivePods(rs, facts)) - rs.replicas;
    if (diff < 0)
        return createPods(rs, std::min(-diff, kBurstReplicas));
    if (diff == 0)
        return std::nullopt;
    std::vector<std::shared_ptr<Pod>> active = activePods(rs);
    diff = std::min(diff, kBurstReplicas);
    if (diff < int(active.size())) {  // getPodsToDelete: rank only when some pods stay
        std::map<std::string, int> onNode;  // getPodsRankedByRelatedPodsOnSameNode
        for (const auto &p : relatedPods(rs))
            if (isPodActive(*p))
                ++onNode[p->spec.nodeName];
        const double now = clock().now();
        std::stable_sort(active.begin(), active.end(), [&](const auto &a, const auto &b) {
            return deleteBefore(*a, onNode[a->spec.nodeName], *b, onNode[b->spec.nodeName], now);
        });
    }
    active.resize(std::size_t(diff));
    return deletePods(rs, active);
}

// slowStartBatch: batches of 1, 2, 4, ... pods; the first failing batch stops the rest.
std::optional<ReplicaSetCondition> ReplicaSetController::createPods(const View &rs, int count)
{
    if (!rs.template_)
        return ReplicaSetCondition{.reason = "FailedCreate", .message = "no pod template"};
    int remaining = count;
    for (int batch = std::min(remaining, kSlowStartInitialBatch); batch > 0; batch = std::min(2 * batch, remaining)) {
        std::optional<std::string> first;
        for (int i = 0; i < batch; ++i)
            if (auto err = createPod(rs); err && !first)
                first = err;
        if (first)
            return ReplicaSetCondition{.reason = "FailedCreate", .message = *first};
        remaining -= batch;
    }
    return std::nullopt;
}

// RealPodControl.CreatePods / GetPodFromTemplate: the template's labels, annotations and spec,
// generateName `<owner>-`, the owner as controller. Events SuccessfulCreate / FailedCreate.
std::optional<std::string> ReplicaSetController::createPod(const View &rs)
{
    const Object &owner = *rs.object;
    auto pod = std::make_shared<Pod>();
    pod->apiVersion = "v1";
    pod->kind = "Pod";
    pod->metadata.namespace_ = owner.metadata.namespace_;
    pod->metadata.generateName = owner.metadata.name + "-";
    pod->metadata.labels = rs.template_->metadata.labels;
    pod->metadata.annotations = rs.template_->metadata.annotations;
    pod->metadata.finalizers = rs.template_->metadata.finalizers;
    pod->metadata.ownerReferences.push_back(controllerRefTo(owner));
    pod->spec = rs.template_->spec;
    if (pod->metadata.labels.empty())
        return "unable to create pods, no labels";
    ApiResult r = api().create(pod, component_);
    if (r.error) {
        event(owner, "Warning", "FailedCreate", "Error creating: " + r.error->message, component_);
        return r.error->message;
    }
    event(owner, "Normal", "SuccessfulCreate", "Created pod: " + pod->metadata.name, component_);
    return std::nullopt;
}

// RealPodControl.DeletePod: events SuccessfulDelete / FailedDelete (NotFound is not a failure).
std::optional<ReplicaSetCondition> ReplicaSetController::deletePods(const View &rs,
                                                                    const std::vector<std::shared_ptr<Pod>> &pods)
{
    std::optional<ReplicaSetCondition> failure;
    for (const auto &pod : pods) {
        ApiResult r = api().remove("Pod", pod->metadata.namespace_, pod->metadata.name);
        if (!r.error) {
            event(*rs.object, "Normal", "SuccessfulDelete", "Deleted pod: " + pod->metadata.name, component_);
        } else if (r.error->code != 404) {
            event(*rs.object, "Warning", "FailedDelete", "Error deleting: " + r.error->message, component_);
            if (!failure)
                failure = ReplicaSetCondition{.reason = "FailedDelete", .message = r.error->message};
        }
    }
    return failure;
}

// getIndirectlyRelatedPods: the pods of every set sharing this one's controller (the other
// ReplicaSets of its Deployment), or just its own.
std::vector<std::shared_ptr<Pod>> ReplicaSetController::relatedPods(const View &rs) const
{
    const OwnerReference *ref = rs.object->metadata.controllerRef();
    if (!ref)
        return podInformer().byController().dependentsOf<Pod>(rs.object->metadata.uid);
    std::vector<std::shared_ptr<Pod>> out;
    for (const auto &[key, sibling] : sets_.dependents(ref->uid))
        for (const auto &[podKey, pod] : podInformer().byController().dependents(sibling->metadata.uid))
            out.push_back(std::static_pointer_cast<Pod>(pod));
    return out;
}

// calculateStatus + updateReplicaSetStatus: written only when it changed; the write wakes the
// set's watchers (its Deployment) as the status update does in Kubernetes.
void ReplicaSetController::updateStatus(const View &rs, SetPodFacts &facts,
                                        const std::optional<ReplicaSetCondition> &failure)
{
    ReplicaSetStatus s;
    s.uid = rs.object->metadata.uid;
    s.observedGeneration = rs.object->metadata.generation;
    const double now = clock().now();
    for (const auto &[key, obj] : podInformer().byController().dependents(s.uid)) {
        const Pod &pod = static_cast<const Pod &>(*obj);
        const PodFacts &pf = podFacts(facts, rs, pod);
        if (!pf.active) {
            s.terminatingReplicas += pod.metadata.deletionTimestamp ? 1 : 0;
            continue;
        }
        ++s.replicas;
        s.fullyLabeledReplicas += pf.fullyLabeled ? 1 : 0;
        if (pf.readyTime) { // podutil.IsPodAvailable: Ready for at least minReadySeconds
            ++s.readyReplicas;
            s.availableReplicas += rs.minReadySeconds == 0 || *pf.readyTime + rs.minReadySeconds <= now ? 1 : 0;
        }
    }
    const std::string key = objectKey(*rs.object);
    auto it = statuses_.find(key);
    const bool hadFailure = it != statuses_.end() && it->second.uid == s.uid && it->second.replicaFailure;
    if (failure && hadFailure)
        s.replicaFailure = it->second.replicaFailure;  // set once, kept while the failures go on
    else if (failure)
        s.replicaFailure = failure, s.replicaFailure->lastTransitionTime = now;
    if (it != statuses_.end() && it->second == s)
        return;
    statuses_[key] = s;
    api().updateStatus(rs.object);
}

}  // namespace podscape
