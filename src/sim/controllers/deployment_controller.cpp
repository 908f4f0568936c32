#include "sim/controllers/deployment_controller.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace podscape {

namespace {

const char *kComponent = "deployment-controller";

std::int32_t replicasOf(const ReplicaSet &rs)
{
    return rs.spec.replicas.value_or(0);
}

std::int32_t replicasOf(const Deployment &d)
{
    return d.spec.replicas.value_or(1);
}

bool isRollingUpdate(const Deployment &d)
{
    return d.spec.strategyType == "RollingUpdate";
}

// deploymentutil.MaxSurge.
std::int32_t maxSurge(const Deployment &d)
{
    return isRollingUpdate(d) ? resolveFenceposts(d).first : 0;
}

// deploymentutil.MaxUnavailable.
std::int32_t maxUnavailable(const Deployment &d)
{
    if (!isRollingUpdate(d) || replicasOf(d) == 0)
        return 0;
    return std::min(resolveFenceposts(d).second, replicasOf(d));
}

std::int64_t annotationInt(const Object &obj, const char *key, std::int64_t fallback)
{
    auto it = obj.metadata.annotations.find(key);
    if (it == obj.metadata.annotations.end())
        return fallback;
    try {
        return std::stoll(it->second);
    } catch (...) {
        return fallback;
    }
}

// deploymentutil.Revision.
std::int64_t revisionOf(const ReplicaSet &rs)
{
    return annotationInt(rs, kRevisionAnnotation, 0);
}

// controller.ReplicaSetsByCreationTimestamp.
bool createdBefore(const ReplicaSet &a, const ReplicaSet &b)
{
    double ta = a.metadata.creationTimestamp.value_or(0), tb = b.metadata.creationTimestamp.value_or(0);
    return ta != tb ? ta < tb : a.metadata.name < b.metadata.name;
}

// skipCopyAnnotation: what a Deployment does not pass on to its ReplicaSets.
bool skipCopyAnnotation(const std::string &key)
{
    return key == "kubectl.kubernetes.io/last-applied-configuration" || key == kRevisionAnnotation ||
           key == "deployment.kubernetes.io/revision-history" || key == kDesiredReplicasAnnotation ||
           key == kMaxReplicasAnnotation || key == "deprecated.deployment.rollback.to";
}

// copyDeploymentAnnotationsToReplicaSet.
bool copyDeploymentAnnotations(const Deployment &d, ReplicaSet &rs)
{
    bool changed = false;
    for (const auto &[k, v] : d.metadata.annotations) {
        if (skipCopyAnnotation(k))
            continue;
        auto [it, inserted] = rs.metadata.annotations.try_emplace(k, v);
        if (!inserted && it->second == v)
            continue;
        it->second = v;
        changed = true;
    }
    return changed;
}

// SetReplicasAnnotations: desired-replicas and max-replicas; true when they changed.
bool setReplicasAnnotations(ReplicaSet &rs, std::int32_t desired, std::int32_t max)
{
    auto &a = rs.metadata.annotations;
    bool changed = a[kDesiredReplicasAnnotation] != std::to_string(desired) ||
                   a[kMaxReplicasAnnotation] != std::to_string(max);
    a[kDesiredReplicasAnnotation] = std::to_string(desired);
    a[kMaxReplicasAnnotation] = std::to_string(max);
    return changed;
}

// SetNewReplicaSetAnnotations: copy the Deployment's annotations, raise the revision (keeping
// the superseded one in revision-history on a rollback), and on creation the replica annotations.
bool setNewReplicaSetAnnotations(const Deployment &d, ReplicaSet &rs, std::int64_t newRevision, bool exists)
{
    bool changed = copyDeploymentAnnotations(d, rs);
    auto &a = rs.metadata.annotations;
    auto old = a.find(kRevisionAnnotation);
    bool had = old != a.end();
    std::int64_t oldRevision = had ? annotationInt(rs, kRevisionAnnotation, 0) : 0;
    if (oldRevision < newRevision) {
        if (had) {
            std::string &history = a["deployment.kubernetes.io/revision-history"];
            history += (history.empty() ? "" : ",") + old->second;
        }
        a[kRevisionAnnotation] = std::to_string(newRevision);
        changed = true;
    }
    if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d)))
        changed = true;
    return changed;
}

// deploymentutil.GetProportion / getReplicaSetFraction.
std::int32_t proportion(const ReplicaSet &rs, const Deployment &d, std::int32_t toAdd, std::int32_t added,
                        std::int32_t statusReplicas)
{
    if (replicasOf(rs) == 0 || toAdd == 0 || toAdd == added)
        return 0;
    std::int32_t fraction;
    if (replicasOf(d) == 0) {
        fraction = -replicasOf(rs);
    } else {
        std::int32_t maxReplicas = replicasOf(d) + maxSurge(d);
        auto before = std::int32_t(annotationInt(rs, kMaxReplicasAnnotation, 0));
        if (before == 0)
            before = statusReplicas;
        fraction = before == 0 ? 0
                               : std::int32_t(std::lround(double(replicasOf(rs)) * maxReplicas / before)) - replicasOf(rs);
    }
    std::int32_t allowed = toAdd - added;
    return toAdd > 0 ? std::min(fraction, allowed) : std::max(fraction, allowed);
}

bool hasProgressDeadline(const Deployment &d)
{
    return d.spec.progressDeadlineSeconds != std::numeric_limits<std::int32_t>::max();
}

void removeCondition(DeploymentStatus &s, const std::string &type)
{
    std::erase_if(s.conditions, [&](const DeploymentCondition &c) { return c.type == type; });
}

// SetDeploymentCondition: same status and reason → unchanged; same status → keep the transition time.
void setCondition(DeploymentStatus &s, DeploymentCondition c, double now)
{
    const DeploymentCondition *current = s.condition(c.type);
    if (current && current->status == c.status && current->reason == c.reason)
        return;
    c.lastUpdateTime = c.lastTransitionTime = now;
    if (current && current->status == c.status)
        c.lastTransitionTime = current->lastTransitionTime;
    removeCondition(s, c.type);
    s.conditions.push_back(std::move(c));
}

// deploymentutil.DeploymentProgressing: more updated, fewer old, more ready or more available.
bool deploymentProgressing(const DeploymentStatus &old, const DeploymentStatus &s)
{
    return s.updatedReplicas > old.updatedReplicas ||
           s.replicas - s.updatedReplicas < old.replicas - old.updatedReplicas ||
           s.readyReplicas > old.readyReplicas || s.availableReplicas > old.availableReplicas;
}

// deploymentutil.DeploymentTimedOut.
bool timedOut(const Deployment &d, const DeploymentCondition &progressing, double now)
{
    if (progressing.reason == "ProgressDeadlineExceeded")
        return true;
    return progressing.lastUpdateTime + d.spec.progressDeadlineSeconds < now;
}

}  // namespace

const DeploymentCondition *DeploymentStatus::condition(const std::string &type) const
{
    for (const auto &c : conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

std::pair<std::int32_t, std::int32_t> resolveFenceposts(const Deployment &d)
{
    std::int32_t desired = replicasOf(d);
    std::int32_t surge = d.spec.maxSurge ? scaledValue(*d.spec.maxSurge, desired, true) : 0;
    std::int32_t unavailable = d.spec.maxUnavailable ? scaledValue(*d.spec.maxUnavailable, desired, false) : 0;
    if (surge == 0 && unavailable == 0)
        unavailable = 1;  // validation makes sure both are not 0 at once
    return {surge, unavailable};
}

DeploymentController::RSList DeploymentController::Rollout::all() const
{
    RSList out = oldRSs;
    if (newRS)
        out.push_back(newRS);
    return out;
}

DeploymentController::DeploymentController(ControllerContext ctx, const ReplicaSetController &replicaSets)
    : Controller(ctx), replicaSets_(replicaSets), queue_(clock(), [this](const std::string &key) { sync(key); })
{
}

const DeploymentStatus *DeploymentController::statusOf(const std::string &ns, const std::string &name) const
{
    auto it = statuses_.find(ns + '/' + name);
    return it == statuses_.end() ? nullptr : &it->second;
}

// addDeployment/updateDeployment/deleteDeployment, the ReplicaSet handlers and deletePod.
void DeploymentController::onWatch(const WatchEvent &event, const PodDelta &delta)
{
    const Object &obj = *event.object;
    if (event.type == WatchEventType::Deleted && (obj.kind == "Deployment" || obj.kind == "ReplicaSet"))
        canonical_.erase(obj.metadata.uid);
    if (obj.kind == "Deployment") {
        queue_.add(objectKey(obj));
    } else if (obj.kind == "ReplicaSet") {
        bool ownersChanged = sets_.observe(event);
        if (obj.metadata.controllerRef() || ownersChanged)
            enqueueOwnerOf(obj);
    } else if (obj.kind == "Pod") {
        const OwnerReference *ref = obj.metadata.controllerRef();
        if (event.type != WatchEventType::Deleted || !ref || ref->kind != "ReplicaSet")
            return;
        auto rs = store().get<ReplicaSet>(obj.metadata.namespace_, ref->name);  // a Recreate may wait for it
        const OwnerReference *dref = rs ? rs->metadata.controllerRef() : nullptr;
        auto d = dref ? store().get<Deployment>(obj.metadata.namespace_, dref->name) : nullptr;
        if (d && d->spec.strategyType == "Recreate")
            queue_.add(objectKey(*d));
    }
}

// The owning Deployment, or (getDeploymentsForReplicaSet) every Deployment selecting an orphan.
void DeploymentController::enqueueOwnerOf(const Object &rs)
{
    if (const OwnerReference *ref = rs.metadata.controllerRef()) {
        if (ref->kind == "Deployment")
            queue_.add(rs.metadata.namespace_ + '/' + ref->name);
        return;
    }
    for (const auto &d : store().list<Deployment>(rs.metadata.namespace_))
        if (matchesOptionalSelector(d->spec.selector, rs.metadata.labels))
            queue_.add(objectKey(*d));
}

// syncDeployment.
void DeploymentController::sync(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    auto d = store().get<Deployment>(ns, name);
    if (!d) {
        statuses_.erase(key);
        queue_.forget(key);
        return;
    }
    if (d->spec.selector && d->spec.selector->isEmpty()) {
        event(*d, "Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.",
              kComponent);
        return;
    }
    if (DeploymentStatus &st = statuses_[key]; st.uid != d->metadata.uid) {
        st = DeploymentStatus{};  // a new Deployment of the same name
        st.uid = d->metadata.uid;
    }
    RSList rsList = claimReplicaSets(*d);
    Rollout r{d, nullptr, {}};
    if (d->metadata.deletionTimestamp) {  // syncStatusOnly: a Deployment being deleted only reports
        getAllReplicaSetsAndSyncRevision(r, rsList, false);
        syncDeploymentStatus(r);
        return;
    }
    if (d->spec.paused || isScalingEvent(r, rsList))
        syncScale(r, rsList);
    else if (d->spec.strategyType == "Recreate")
        rolloutRecreate(r, rsList);
    else
        rolloutRolling(r, rsList);
}

// getReplicaSetsForDeployment / ReplicaSetControllerRefManager.ClaimReplicaSets: adopt matching
// orphans, release owned sets that no longer match (metadata patches).
DeploymentController::RSList DeploymentController::claimReplicaSets(const Deployment &d)
{
    for (const auto &rs : sets_.dependentsOf<ReplicaSet>(d.metadata.uid)) {
        if (matchesOptionalSelector(d.spec.selector, rs->metadata.labels))
            continue;
        auto &refs = rs->metadata.ownerReferences;
        refs.erase(std::remove_if(refs.begin(), refs.end(),
                                  [&](const OwnerReference &o) { return o.uid == d.metadata.uid; }),
                   refs.end());
        api().updateStatus(rs);
    }
    for (const auto &rs : sets_.orphansIn<ReplicaSet>(d.metadata.namespace_)) {
        if (d.metadata.deletionTimestamp)
            break;  // canAdopt: an owner being deleted adopts nothing
        if (!matchesOptionalSelector(d.spec.selector, rs->metadata.labels))
            continue;
        rs->metadata.ownerReferences.push_back(controllerRefTo(d));
        api().updateStatus(rs);
    }
    return sets_.dependentsOf<ReplicaSet>(d.metadata.uid);
}

const std::string &DeploymentController::canonicalOf(const Object &owner, const PodTemplateSpec &tpl)
{
    Canonical &c = canonical_[owner.metadata.uid];
    if (c.object != &owner || c.generation != owner.metadata.generation)
        c = {&owner, owner.metadata.generation, canonicalTemplate(tpl)};
    return c.text;
}

// getAllReplicaSetsAndSyncRevision + getNewReplicaSet: the new set is the oldest one whose
// template equals the Deployment's (FindNewReplicaSet, EqualIgnoreHash); false on a failed create.
bool DeploymentController::getAllReplicaSetsAndSyncRevision(Rollout &r, const RSList &rsList, bool createIfNotExisted)
{
    RSList sorted = rsList;
    std::sort(sorted.begin(), sorted.end(), [](const RSPtr &a, const RSPtr &b) { return createdBefore(*a, *b); });
    const std::string &wanted = canonicalOf(*r.d, r.d->spec.template_);
    r.newRS = nullptr;
    r.oldRSs.clear();
    for (const auto &rs : sorted) {
        if (!r.newRS && canonicalOf(*rs, rs->spec.template_) == wanted)
            r.newRS = rs;
        else
            r.oldRSs.push_back(rs);
    }
    std::int64_t maxOldRevision = 0;  // deploymentutil.MaxRevision
    for (const auto &rs : r.oldRSs)
        maxOldRevision = std::max(maxOldRevision, revisionOf(*rs));
    const std::string newRevision = std::to_string(maxOldRevision + 1);
    if (r.newRS) {
        syncNewReplicaSetRevision(r, newRevision);
        return true;
    }
    return !createIfNotExisted || createNewReplicaSet(r, newRevision);
}

// getNewReplicaSet, existing set: bring its annotations and minReadySeconds up to date, and the
// Deployment's revision annotation to the set's.
void DeploymentController::syncNewReplicaSetRevision(Rollout &r, const std::string &newRevision)
{
    const Deployment &d = *r.d;
    auto copy = std::static_pointer_cast<ReplicaSet>(r.newRS->clone());
    bool annotationsUpdated = setNewReplicaSetAnnotations(d, *copy, std::stoll(newRevision), true);
    if (annotationsUpdated || copy->spec.minReadySeconds != d.spec.minReadySeconds) {
        copy->spec.minReadySeconds = d.spec.minReadySeconds;
        ApiResult res = api().apply(copy, kComponent);
        if (res.ok())
            r.newRS = std::static_pointer_cast<ReplicaSet>(res.object);
        return;  // the update wakes this Deployment again
    }
    setDeploymentRevision(*r.d, r.newRS->metadata.annotations[kRevisionAnnotation]);
    setProgressing(*r.d, "FoundNewReplicaSet", "Found new replica set \"" + r.newRS->metadata.name + "\"");
}

// getNewReplicaSet, no set yet: `<name>-<pod-template-hash>`, the hash label on its template and
// selector, sized by NewRSNewReplicas. A name taken by another template is a hash collision.
bool DeploymentController::createNewReplicaSet(Rollout &r, const std::string &newRevision)
{
    const Deployment &d = *r.d;
    DeploymentStatus &status = statuses_[objectKey(d)];
    const std::string hash = computeHash(d.spec.template_, status.collisionCount);
    auto rs = std::make_shared<ReplicaSet>();
    rs->apiVersion = "apps/v1";
    rs->kind = "ReplicaSet";
    rs->metadata.name = d.metadata.name + "-" + hash;
    rs->metadata.namespace_ = d.metadata.namespace_;
    rs->metadata.ownerReferences.push_back(controllerRefTo(d));
    rs->spec.template_ = d.spec.template_;
    rs->spec.template_.metadata.labels[kPodTemplateHashLabel] = hash;
    rs->metadata.labels = rs->spec.template_.metadata.labels;
    rs->spec.selector = d.spec.selector.value_or(LabelSelector{});
    rs->spec.selector->matchLabels[kPodTemplateHashLabel] = hash;
    rs->spec.minReadySeconds = d.spec.minReadySeconds;
    rs->spec.replicas = 0;
    // NewRSNewReplicas
    std::int32_t newReplicas = replicasOf(d);
    if (isRollingUpdate(d)) {
        std::int32_t current = 0;
        for (const auto &old : r.oldRSs)
            current += replicasOf(*old);
        std::int32_t maxTotal = replicasOf(d) + scaledValue(d.spec.maxSurge.value_or(IntOrString{}), replicasOf(d), true);
        newReplicas = current >= maxTotal ? 0 : std::min(maxTotal - current, replicasOf(d));
    }
    rs->spec.replicas = newReplicas;
    setNewReplicaSetAnnotations(d, *rs, std::stoll(newRevision), false);
    ApiResult res = api().create(rs, kComponent);
    if (res.error && res.error->code == 409) {
        auto existing = store().get<ReplicaSet>(d.metadata.namespace_, rs->metadata.name);
        const OwnerReference *ref = existing ? existing->metadata.controllerRef() : nullptr;
        if (ref && ref->uid == d.metadata.uid &&
            canonicalTemplate(existing->spec.template_) == canonicalTemplate(d.spec.template_)) {
            r.newRS = existing;
            return true;
        }
        status.collisionCount = status.collisionCount.value_or(0) + 1;  // try the next hash
        queue_.addRateLimited(objectKey(d));
        return false;
    }
    if (res.error) {  // FailedRSCreateReason
        const std::string msg = "Failed to create new replica set \"" + rs->metadata.name + "\": " + res.error->message;
        setProgressing(*r.d, "ReplicaSetCreateError", msg, "False");
        event(d, "Warning", "ReplicaSetCreateError", msg, kComponent);
        queue_.addRateLimited(objectKey(d));
        return false;
    }
    r.newRS = rs;
    setProgressing(*r.d, "NewReplicaSetCreated", "Created new replica set \"" + rs->metadata.name + "\"");
    if (newReplicas > 0)
        event(d, "Normal", "ScalingReplicaSet",
              "Scaled up replica set " + rs->metadata.name + " from 0 to " + std::to_string(newReplicas), kComponent);
    setDeploymentRevision(*r.d, newRevision);
    return true;
}

// SetDeploymentRevision, written as a metadata patch of the stored Deployment.
void DeploymentController::setDeploymentRevision(Deployment &d, const std::string &revision)
{
    auto &a = d.metadata.annotations;
    auto it = a.find(kRevisionAnnotation);
    if (it != a.end() && it->second == revision)
        return;
    a[kRevisionAnnotation] = revision;
    api().updateStatus(store().get("Deployment", d.metadata.namespace_, d.metadata.name));
}

// isScalingEvent: an active set whose desired-replicas annotation differs from spec.replicas.
bool DeploymentController::isScalingEvent(Rollout &r, const RSList &rsList)
{
    if (!getAllReplicaSetsAndSyncRevision(r, rsList, false))
        return false;
    for (const auto &rs : r.all()) {
        if (replicasOf(*rs) == 0)
            continue;
        auto desired = annotationInt(*rs, kDesiredReplicasAnnotation, -1);
        if (desired >= 0 && desired != replicasOf(*r.d))
            return true;
    }
    return false;
}

// sync: scale (a scaling event, or a paused Deployment) without rolling out.
void DeploymentController::syncScale(Rollout &r, const RSList &rsList)
{
    if (!getAllReplicaSetsAndSyncRevision(r, rsList, false))
        return;
    scale(r);
    if (r.d->spec.paused)
        cleanupDeployment(r);
    syncDeploymentStatus(r);
}

// scale: one active (or the latest) set takes the whole count; a saturated new set retires the
// old ones; otherwise a rolling Deployment scales every active set proportionally.
void DeploymentController::scale(Rollout &r)
{
    const Deployment &d = *r.d;
    RSPtr *only = nullptr;  // FindActiveOrLatest
    int active = 0;
    for (auto &rs : r.oldRSs)
        if (replicasOf(*rs) > 0)
            ++active, only = &rs;
    if (r.newRS && replicasOf(*r.newRS) > 0)
        ++active, only = &r.newRS;
    if (active == 0 && (r.newRS || !r.oldRSs.empty())) {
        only = r.newRS ? &r.newRS
                       : &*std::max_element(r.oldRSs.begin(), r.oldRSs.end(),
                                            [](const RSPtr &a, const RSPtr &b) { return createdBefore(*a, *b); });
        active = 1;
    }
    if (active == 1) {
        if (replicasOf(**only) != replicasOf(d))
            scaleReplicaSet(d, *only, replicasOf(d));
        return;
    }
    bool saturated = r.newRS && replicasOf(*r.newRS) == replicasOf(d) &&  // IsSaturated
                     annotationInt(*r.newRS, kDesiredReplicasAnnotation, -1) == replicasOf(d) &&
                     rsStatus(*r.newRS).availableReplicas == replicasOf(d);
    if (saturated) {
        for (auto &rs : r.oldRSs)
            if (replicasOf(*rs) > 0)
                scaleReplicaSet(d, rs, 0);
        return;
    }
    if (isRollingUpdate(d))
        scaleProportionally(r);
}

// The proportional part of scale(): sets sorted by size (newer first when adding, older first
// when removing), each given its share, leftovers to the first.
void DeploymentController::scaleProportionally(Rollout &r)
{
    const Deployment &d = *r.d;
    std::vector<RSPtr *> sets;  // FilterActiveReplicaSets(append(oldRSs, newRS))
    std::int32_t total = 0;
    auto consider = [&](RSPtr &rs) {
        if (rs && replicasOf(*rs) > 0)
            sets.push_back(&rs), total += replicasOf(*rs);
    };
    for (auto &rs : r.oldRSs)
        consider(rs);
    consider(r.newRS);
    std::int32_t allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
    std::int32_t toAdd = allowed - total;
    bool newerFirst = toAdd > 0;  // ReplicaSetsBySizeNewer / ReplicaSetsBySizeOlder
    std::stable_sort(sets.begin(), sets.end(), [newerFirst](RSPtr *a, RSPtr *b) {
        if (replicasOf(**a) != replicasOf(**b))
            return replicasOf(**a) > replicasOf(**b);
        return newerFirst ? createdBefore(**b, **a) : createdBefore(**a, **b);
    });
    std::int32_t added = 0;
    const DeploymentStatus *status = statusOf(d.metadata.namespace_, d.metadata.name);
    std::int32_t statusReplicas = status ? status->replicas : 0;
    std::vector<std::int32_t> sizes;
    for (auto *rs : sets) {
        std::int32_t p = toAdd != 0 ? proportion(**rs, d, toAdd, added, statusReplicas) : 0;
        sizes.push_back(replicasOf(**rs) + p);
        added += p;
    }
    for (std::size_t i = 0; i < sets.size(); ++i) {
        if (i == 0 && toAdd != 0)
            sizes[0] = std::max(0, sizes[0] + toAdd - added);
        scaleReplicaSet(d, *sets[i], sizes[i]);
    }
}

// rolloutRolling: scale the new set up if we can, else the old ones down, else clean up.
void DeploymentController::rolloutRolling(Rollout &r, const RSList &rsList)
{
    if (!getAllReplicaSetsAndSyncRevision(r, rsList, true))
        return;
    if (reconcileNewReplicaSet(r) || reconcileOldReplicaSets(r)) {
        syncRolloutStatus(r);
        return;
    }
    if (deploymentComplete(*r.d))
        cleanupDeployment(r);
    syncRolloutStatus(r);
}

// reconcileNewReplicaSet + NewRSNewReplicas: grow the new set while the total stays within
// replicas + maxSurge.
bool DeploymentController::reconcileNewReplicaSet(Rollout &r)
{
    const Deployment &d = *r.d;
    const std::int32_t want = replicasOf(d), have = replicasOf(*r.newRS);
    if (have == want)
        return false;
    if (have > want)
        return scaleReplicaSet(d, r.newRS, want);
    std::int32_t current = 0;
    for (const auto &rs : r.all())
        current += replicasOf(*rs);
    std::int32_t maxTotal = want + scaledValue(d.spec.maxSurge.value_or(IntOrString{}), want, true);
    if (current >= maxTotal)
        return false;
    return scaleReplicaSet(d, r.newRS, have + std::min(maxTotal - current, want - have));
}

// reconcileOldReplicaSets: shrink old sets while replicas - maxUnavailable stay available.
bool DeploymentController::reconcileOldReplicaSets(Rollout &r)
{
    const Deployment &d = *r.d;
    std::int32_t oldPods = 0, allPods = 0;
    for (const auto &rs : r.oldRSs)
        oldPods += replicasOf(*rs);
    if (oldPods == 0)
        return false;
    for (const auto &rs : r.all())
        allPods += replicasOf(*rs);
    std::int32_t minAvailable = replicasOf(d) - maxUnavailable(d);
    std::int32_t newUnavailable = replicasOf(*r.newRS) - rsStatus(*r.newRS).availableReplicas;
    std::int32_t maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0)
        return false;
    std::int32_t cleaned = cleanupUnhealthyReplicas(r, maxScaledDown);
    std::int32_t scaledDown = scaleDownOldReplicaSetsForRollingUpdate(r);
    return cleaned + scaledDown > 0;
}

// cleanupUnhealthyReplicas: old sets' unavailable pods go first (oldest set first).
std::int32_t DeploymentController::cleanupUnhealthyReplicas(Rollout &r, std::int32_t maxCleanupCount)
{
    std::int32_t total = 0;
    for (auto &rs : r.oldRSs) {
        if (total >= maxCleanupCount)
            break;
        std::int32_t replicas = replicasOf(*rs), available = rsStatus(*rs).availableReplicas;
        if (replicas == 0 || replicas == available)
            continue;
        std::int32_t count = std::min(maxCleanupCount - total, replicas - available);
        if (count <= 0)
            continue;
        scaleReplicaSet(*r.d, rs, replicas - count);
        total += count;
    }
    return total;
}

// scaleDownOldReplicaSetsForRollingUpdate: take available pods above minAvailable, oldest first.
std::int32_t DeploymentController::scaleDownOldReplicaSetsForRollingUpdate(Rollout &r)
{
    const Deployment &d = *r.d;
    std::int32_t minAvailable = replicasOf(d) - maxUnavailable(d);
    std::int32_t available = availableReplicas(r.all());
    if (available <= minAvailable)
        return 0;
    std::int32_t toScaleDown = available - minAvailable, total = 0;
    for (auto &rs : r.oldRSs) {
        if (total >= toScaleDown)
            break;
        if (replicasOf(*rs) == 0)
            continue;
        std::int32_t count = std::min(replicasOf(*rs), toScaleDown - total);
        scaleReplicaSet(d, rs, replicasOf(*rs) - count);
        total += count;
    }
    return total;
}

// rolloutRecreate: every old set to 0, wait until their pods are gone, then the new set up.
void DeploymentController::rolloutRecreate(Rollout &r, const RSList &rsList)
{
    if (!getAllReplicaSetsAndSyncRevision(r, rsList, false))
        return;
    bool scaledDown = false;
    for (auto &rs : r.oldRSs)  // scaleDownOldReplicaSetsForRecreate
        if (replicasOf(*rs) > 0)
            scaledDown = scaleReplicaSet(*r.d, rs, 0) || scaledDown;
    if (scaledDown || oldPodsRunning(r)) {
        syncRolloutStatus(r);
        return;
    }
    if (!r.newRS && !getAllReplicaSetsAndSyncRevision(r, rsList, true))
        return;
    scaleReplicaSet(*r.d, r.newRS, replicasOf(*r.d));  // scaleUpNewReplicaSetForRecreate
    if (deploymentComplete(*r.d))
        cleanupDeployment(r);
    syncRolloutStatus(r);
}

// oldPodsRunning: old sets still report pods, or any old pod (terminating too) is not finished.
bool DeploymentController::oldPodsRunning(const Rollout &r) const
{
    if (actualReplicas(r.oldRSs) > 0)
        return true;
    for (const auto &rs : r.oldRSs)
        for (const auto &[key, obj] : podInformer().byController().dependents(rs->metadata.uid)) {
            const auto &phase = static_cast<const Pod &>(*obj).status.phase;
            if (phase != "Failed" && phase != "Succeeded")
                return true;
        }
    return false;
}

// scaleReplicaSetAndRecordEvent / scaleReplicaSet: the new size and the replica annotations,
// then ScalingReplicaSet `Scaled up|down replica set %s from %d to %d`. True when the size changed.
bool DeploymentController::scaleReplicaSet(const Deployment &d, RSPtr &rs, std::int32_t newScale)
{
    const std::int32_t oldScale = replicasOf(*rs);
    auto copy = std::static_pointer_cast<ReplicaSet>(rs->clone());
    copy->spec.replicas = newScale;
    bool annotationsChanged = setReplicasAnnotations(*copy, replicasOf(d), replicasOf(d) + maxSurge(d));
    if (oldScale == newScale && !annotationsChanged)
        return false;
    ApiResult res = api().apply(copy, kComponent);
    if (!res.ok())
        return false;
    rs = std::static_pointer_cast<ReplicaSet>(res.object);
    if (oldScale == newScale)
        return false;
    event(d, "Normal", "ScalingReplicaSet",
          std::string("Scaled ") + (oldScale < newScale ? "up" : "down") + " replica set " + rs->metadata.name +
              " from " + std::to_string(oldScale) + " to " + std::to_string(newScale),
          kComponent);
    return true;
}

// cleanupDeployment: delete the oldest empty old sets beyond revisionHistoryLimit.
void DeploymentController::cleanupDeployment(const Rollout &r)
{
    RSList cleanable = r.oldRSs;
    std::int32_t diff = std::int32_t(cleanable.size()) - r.d->spec.revisionHistoryLimit;
    if (diff <= 0)
        return;
    std::sort(cleanable.begin(), cleanable.end(), [](const RSPtr &a, const RSPtr &b) {  // ReplicaSetsByRevision
        return revisionOf(*a) != revisionOf(*b) ? revisionOf(*a) < revisionOf(*b) : createdBefore(*a, *b);
    });
    for (std::int32_t i = 0; i < diff; ++i) {
        const ReplicaSet &rs = *cleanable[std::size_t(i)];
        ReplicaSetStatus s = rsStatus(rs);
        if (s.replicas != 0 || replicasOf(rs) != 0 || rs.metadata.generation > s.observedGeneration)
            continue;
        api().remove("ReplicaSet", rs.metadata.namespace_, rs.metadata.name);
    }
}

// calculateStatus: counts from the sets, the old conditions, and Available.
DeploymentStatus DeploymentController::calculateStatus(const Rollout &r) const
{
    const Deployment &d = *r.d;
    const DeploymentStatus *old = statusOf(d.metadata.namespace_, d.metadata.name);
    DeploymentStatus s;
    s.uid = d.metadata.uid;
    if (old) {
        s.collisionCount = old->collisionCount;
        s.conditions = old->conditions;
    }
    s.observedGeneration = d.metadata.generation;
    std::int32_t total = 0;
    for (const auto &rs : r.all()) {
        ReplicaSetStatus rss = rsStatus(*rs);
        total += replicasOf(*rs);
        s.replicas += rss.replicas;
        s.readyReplicas += rss.readyReplicas;
        s.availableReplicas += rss.availableReplicas;
    }
    s.updatedReplicas = r.newRS ? rsStatus(*r.newRS).replicas : 0;
    s.unavailableReplicas = std::max(0, total - s.availableReplicas);
    if (s.availableReplicas >= replicasOf(d) - maxUnavailable(d))
        setCondition(s, {"Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."}, now());
    else
        setCondition(s, {"Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."},
                     now());
    return s;
}

// syncDeploymentStatus: the status of a scaling or paused sync.
void DeploymentController::syncDeploymentStatus(const Rollout &r)
{
    writeStatus(r, calculateStatus(r));
}

// syncRolloutStatus: the status plus the Progressing condition (complete, progressing or timed
// out against progressDeadlineSeconds) and the sets' ReplicaFailure.
void DeploymentController::syncRolloutStatus(const Rollout &r)
{
    const Deployment &d = *r.d;
    DeploymentStatus s = calculateStatus(r);
    const DeploymentStatus *old = statusOf(d.metadata.namespace_, d.metadata.name);
    const DeploymentCondition *current = old ? old->condition("Progressing") : nullptr;
    bool complete = s.replicas == s.updatedReplicas && current && current->reason == "NewReplicaSetAvailable";
    const std::string subject = r.newRS ? "ReplicaSet \"" + r.newRS->metadata.name + "\""
                                        : "Deployment \"" + d.metadata.name + "\"";
    if (hasProgressDeadline(d) && !complete) {
        if (deploymentComplete(d, s)) {
            setCondition(s, {"Progressing", "True", "NewReplicaSetAvailable", subject + " has successfully progressed."},
                         now());
        } else if (old && deploymentProgressing(*old, s)) {
            DeploymentCondition c{"Progressing", "True", "ReplicaSetUpdated", subject + " is progressing.", now(), now()};
            if (current && current->status == "True")
                c.lastTransitionTime = current->lastTransitionTime;
            removeCondition(s, "Progressing");
            s.conditions.push_back(c);
        } else if (current && timedOut(d, *current, now())) {
            setCondition(s, {"Progressing", "False", "ProgressDeadlineExceeded", subject + " has timed out progressing."},
                         now());
        }
    }
    std::optional<ReplicaSetCondition> failure;  // getReplicaFailures: the new set first
    for (const auto &rs : r.all())
        if (auto f = rsStatus(*rs).replicaFailure; f && (!failure || rs == r.newRS))
            failure = f;
    if (failure)
        setCondition(s, {"ReplicaFailure", "True", failure->reason, failure->message}, now());
    else
        removeCondition(s, "ReplicaFailure");
    requeueStuckDeployment(d, s);
    writeStatus(r, std::move(s));
}

// requeueStuckDeployment: look again when the progress deadline passes.
void DeploymentController::requeueStuckDeployment(const Deployment &d, const DeploymentStatus &s)
{
    const DeploymentCondition *c = s.condition("Progressing");
    if (!hasProgressDeadline(d) || !c || c->reason == "NewReplicaSetAvailable" || c->reason == "ProgressDeadlineExceeded")
        return;
    double after = c->lastUpdateTime + d.spec.progressDeadlineSeconds - now();
    queue_.addAfter(objectKey(d), after < 1 ? WorkQueue::kDelay : after + 1);
}

// The status update: written when it changed, which wakes the Deployment's watchers.
void DeploymentController::writeStatus(const Rollout &r, DeploymentStatus s)
{
    DeploymentStatus &stored = statuses_[objectKey(*r.d)];
    if (stored == s)
        return;
    stored = std::move(s);
    api().updateStatus(r.d);
}

// The Progressing condition getNewReplicaSet sets when it creates or first finds the new set.
void DeploymentController::setProgressing(Deployment &d, const std::string &reason, const std::string &message,
                                          const std::string &status)
{
    if (!hasProgressDeadline(d))
        return;
    DeploymentStatus &stored = statuses_[objectKey(d)];
    if (reason == "FoundNewReplicaSet" && stored.condition("Progressing"))
        return;
    DeploymentStatus before = stored;
    setCondition(stored, {"Progressing", status, reason, message}, now());
    if (!(before == stored))
        api().updateStatus(store().get("Deployment", d.metadata.namespace_, d.metadata.name));
}

// deploymentutil.DeploymentComplete, on the last written status.
bool DeploymentController::deploymentComplete(const Deployment &d) const
{
    const DeploymentStatus *s = statusOf(d.metadata.namespace_, d.metadata.name);
    return s && deploymentComplete(d, *s);
}

bool DeploymentController::deploymentComplete(const Deployment &d, const DeploymentStatus &s) const
{
    std::int32_t want = replicasOf(d);
    return s.updatedReplicas == want && s.replicas == want && s.availableReplicas == want &&
           s.observedGeneration >= d.metadata.generation;
}

ReplicaSetStatus DeploymentController::rsStatus(const ReplicaSet &rs) const
{
    const ReplicaSetStatus *s = replicaSets_.statusOf(rs.metadata.namespace_, rs.metadata.name);
    return s && s->uid == rs.metadata.uid ? *s : ReplicaSetStatus{};
}

// GetActualReplicaCountForReplicaSets: the pods the sets report.
std::int32_t DeploymentController::actualReplicas(const RSList &list) const
{
    std::int32_t n = 0;
    for (const auto &rs : list)
        n += rsStatus(*rs).replicas;
    return n;
}

std::int32_t DeploymentController::availableReplicas(const RSList &list) const
{
    std::int32_t n = 0;
    for (const auto &rs : list)
        n += rsStatus(*rs).availableReplicas;
    return n;
}

}  // namespace podscape
