#include "sim/controllers/statefulset_controller.h"

#include "cluster/pod_status.h"
#include "manifest/label_selector.h"
#include "sim/controllers/deployment_controller.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

namespace podscape {

namespace {

constexpr int kMaxBatchSize = 500; // MaxBatchSize (stateful_set_control.go)

std::int32_t replicasOf(const StatefulSet &set)
{
    return set.spec.replicas.value_or(1);
}

// getStartOrdinal / getEndOrdinal (inclusive).
int startOrdinal(const StatefulSet &set)
{
    return set.spec.ordinalsStart;
}

int endOrdinal(const StatefulSet &set)
{
    return startOrdinal(set) + replicasOf(set) - 1;
}

int ordinalOf(const Pod &pod)
{
    return statefulPodParentAndOrdinal(pod.metadata.name).second;
}

bool podInOrdinalRange(const Pod &pod, const StatefulSet &set)
{
    int ord = ordinalOf(pod);
    return ord >= startOrdinal(set) && ord <= endOrdinal(set);
}

std::string podName(const StatefulSet &set, int ordinal)
{
    return set.metadata.name + "-" + std::to_string(ordinal);
}

// isMemberOf: the pod's name says it belongs to the set.
bool isMemberOf(const StatefulSet &set, const Pod &pod)
{
    return statefulPodParentAndOrdinal(pod.metadata.name).first == set.metadata.name;
}

bool isCreated(const Pod &pod)
{
    return !pod.status.phase.empty();
}

bool isTerminating(const Pod &pod)
{
    return pod.metadata.deletionTimestamp.has_value();
}

bool isRunningAndReady(const Pod &pod)
{
    return pod.status.phase == "Running" && isPodReady(pod);
}

bool isHealthy(const Pod &pod)
{
    return isRunningAndReady(pod) && !isTerminating(pod);
}

std::string podRevision(const Pod &pod)
{
    auto it = pod.metadata.labels.find(kStatefulSetRevisionLabel);
    return it == pod.metadata.labels.end() ? std::string() : it->second;
}

// identityMatches: name, namespace and the pod-name label agree with the set.
bool identityMatches(const StatefulSet &set, const Pod &pod)
{
    auto [parent, ordinal] = statefulPodParentAndOrdinal(pod.metadata.name);
    auto label = pod.metadata.labels.find(kStatefulSetPodNameLabel);
    return ordinal >= 0 && parent == set.metadata.name && pod.metadata.name == podName(set, ordinal) &&
           pod.metadata.namespace_ == set.metadata.namespace_ && label != pod.metadata.labels.end() &&
           label->second == pod.metadata.name;
}

// updateIdentity: the pod-name label, and the pod-index label (PodIndexLabel, on by default).
void updateIdentity(const StatefulSet &set, Pod &pod)
{
    int ordinal = ordinalOf(pod);
    pod.metadata.name = podName(set, ordinal);
    pod.metadata.namespace_ = set.metadata.namespace_;
    pod.metadata.labels[kStatefulSetPodNameLabel] = pod.metadata.name;
    pod.metadata.labels[kPodIndexLabel] = std::to_string(ordinal);
}

// getPersistentVolumeClaims: each template, named for the pod, labelled with the set's matchLabels.
std::vector<std::shared_ptr<PersistentVolumeClaim>> claimsFor(const StatefulSet &set, int ordinal)
{
    std::vector<std::shared_ptr<PersistentVolumeClaim>> out;
    for (const auto &tpl : set.spec.volumeClaimTemplates) {
        auto claim = std::make_shared<PersistentVolumeClaim>(tpl);
        claim->apiVersion = "v1";
        claim->kind = "PersistentVolumeClaim";
        claim->source = {};
        claim->document = nullptr;
        claim->node = nullptr;
        claim->metadata.name = statefulClaimName(tpl.metadata.name, set.metadata.name, ordinal);
        claim->metadata.namespace_ = set.metadata.namespace_;
        if (set.spec.selector)
            for (const auto &[k, v] : set.spec.selector->matchLabels)
                claim->metadata.labels[k] = v;
        out.push_back(std::move(claim));
    }
    return out;
}

// storageMatches: every claim template is mounted from the pod's own claim.
bool storageMatches(const StatefulSet &set, const Pod &pod)
{
    int ordinal = ordinalOf(pod);
    if (ordinal < 0)
        return false;
    for (const auto &tpl : set.spec.volumeClaimTemplates) {
        auto v = std::find_if(pod.spec.volumes.begin(), pod.spec.volumes.end(),
                              [&](const Volume &vol) { return vol.name == tpl.metadata.name; });
        if (v == pod.spec.volumes.end() || v->type != Volume::Type::PersistentVolumeClaim ||
            v->sourceName != statefulClaimName(tpl.metadata.name, set.metadata.name, ordinal))
            return false;
    }
    return true;
}

// updateStorage: a persistentVolumeClaim volume per template (replacing a volume of the same
// name), then the pod's other volumes.
void updateStorage(const StatefulSet &set, Pod &pod)
{
    int ordinal = ordinalOf(pod);
    std::vector<Volume> volumes;
    for (const auto &tpl : set.spec.volumeClaimTemplates) {
        Volume v;
        v.name = tpl.metadata.name;
        v.type = Volume::Type::PersistentVolumeClaim;
        v.sourceName = statefulClaimName(tpl.metadata.name, set.metadata.name, ordinal);
        volumes.push_back(std::move(v));
    }
    for (const auto &v : pod.spec.volumes) {
        bool templated = std::any_of(set.spec.volumeClaimTemplates.begin(), set.spec.volumeClaimTemplates.end(),
                                     [&](const PersistentVolumeClaim &t) { return t.metadata.name == v.name; });
        if (!templated)
            volumes.push_back(v);
    }
    pod.spec.volumes = std::move(volumes);
}

// errorutils.NewAggregate(errs).Error(): one message as it is, several as "[a, b]".
std::optional<std::string> aggregate(const std::vector<std::string> &errs)
{
    if (errs.empty())
        return std::nullopt;
    if (errs.size() == 1)
        return errs.front();
    std::string out = "[";
    for (std::size_t i = 0; i < errs.size(); ++i)
        out += (i ? ", " : "") + errs[i];
    return out + "]";
}

std::string title(const std::string &verb)
{
    std::string out = verb;
    if (!out.empty())
        out[0] = char(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

// --- The PVC retention policy (StatefulSetAutoDeletePVC, GA): owner references on the claims ---

bool isRetain(const std::string &policy)
{
    return policy != "Delete"; // an unknown policy is treated as Retain
}

bool hasOwnerRef(const Object &target, const std::string &ownerUid)
{
    return std::any_of(target.metadata.ownerReferences.begin(), target.metadata.ownerReferences.end(),
                       [&](const OwnerReference &r) { return r.uid == ownerUid; });
}

// matchesRef: the reference names this object (apiVersion, kind, name; not the uid).
bool refersTo(const OwnerReference &ref, const Object &obj, const char *apiVersion, const char *kind)
{
    return ref.apiVersion == apiVersion && ref.kind == kind && ref.name == obj.metadata.name;
}

bool refersToSet(const OwnerReference &ref, const StatefulSet &set)
{
    return refersTo(ref, set, "apps/v1", "StatefulSet");
}

bool refersToPod(const OwnerReference &ref, const Pod &pod)
{
    return refersTo(ref, pod, "v1", "Pod");
}

// hasStaleOwnerRef: a reference to an object of this name whose uid is not this object's.
template <typename Refers> bool hasStaleOwnerRef(const PersistentVolumeClaim &claim, const Object &obj, Refers refers)
{
    for (const auto &ref : claim.metadata.ownerReferences)
        if (refers(ref))
            return ref.uid != obj.metadata.uid;
    return false;
}

bool hasUnexpectedController(const PersistentVolumeClaim &claim, const StatefulSet &set, const Pod &pod)
{
    if (isRetain(set.spec.whenScaled) && isRetain(set.spec.whenDeleted))
        return false;
    for (const auto &ref : claim.metadata.ownerReferences) {
        if (refersToSet(ref, set)) {
            if (ref.uid != set.metadata.uid)
                return true;
            continue;
        }
        if (refersToPod(ref, pod)) {
            if (ref.uid != pod.metadata.uid)
                return true;
            continue;
        }
        if (ref.controller)
            return true;
    }
    return false;
}

bool hasNonControllerOwner(const PersistentVolumeClaim &claim, const StatefulSet &set, const Pod &pod)
{
    for (const auto &ref : claim.metadata.ownerReferences)
        if ((ref.uid == set.metadata.uid || ref.uid == pod.metadata.uid) && !ref.controller)
            return true;
    return false;
}

// isClaimOwnerUpToDate: Retain/Retain no refs; Retain/Delete (whenScaled/whenDeleted) the set;
// Delete/Retain the pod once scaled down; Delete/Delete the set, or the pod once scaled down.
bool isClaimOwnerUpToDate(const PersistentVolumeClaim &claim, const StatefulSet &set, const Pod &pod)
{
    if (hasStaleOwnerRef(claim, set, [&](const OwnerReference &r) { return refersToSet(r, set); }) ||
        hasStaleOwnerRef(claim, pod, [&](const OwnerReference &r) { return refersToPod(r, pod); }))
        return true;
    const bool setRef = hasOwnerRef(claim, set.metadata.uid);
    const bool podRef = hasOwnerRef(claim, pod.metadata.uid);
    if (hasUnexpectedController(claim, set, pod))
        return !(setRef || podRef);
    if (hasNonControllerOwner(claim, set, pod))
        return false;
    const bool scaledDown = !podInOrdinalRange(pod, set);
    const bool retainScaled = isRetain(set.spec.whenScaled), retainDeleted = isRetain(set.spec.whenDeleted);
    if (retainScaled && retainDeleted)
        return !setRef && !podRef;
    if (retainScaled)
        return setRef && !podRef;
    if (retainDeleted)
        return !setRef && scaledDown == podRef;
    return scaledDown != setRef && scaledDown == podRef;
}

void addControllerRef(std::vector<OwnerReference> &refs, const Object &owner)
{
    if (std::none_of(refs.begin(), refs.end(), [&](const OwnerReference &r) { return r.uid == owner.metadata.uid; }))
        refs.push_back(controllerRefTo(owner));
}

// updateClaimOwnerRefForSetAndPod.
void updateClaimOwnerRefs(PersistentVolumeClaim &claim, const StatefulSet &set, const Pod &pod)
{
    const bool unexpected = hasUnexpectedController(claim, set, pod);
    auto &refs = claim.metadata.ownerReferences;
    refs.erase(std::remove_if(refs.begin(), refs.end(),
                              [&](const OwnerReference &r) { return refersToSet(r, set) || refersToPod(r, pod); }),
               refs.end());
    if (unexpected)
        return;
    const bool scaledDown = !podInOrdinalRange(pod, set);
    const bool retainScaled = isRetain(set.spec.whenScaled), retainDeleted = isRetain(set.spec.whenDeleted);
    if (!retainScaled && scaledDown)
        addControllerRef(refs, pod);
    if (!retainDeleted && (retainScaled || !scaledDown))
        addControllerRef(refs, set);
}

} // namespace

std::pair<std::string, int> statefulPodParentAndOrdinal(const std::string &name)
{
    // statefulPodRegex "(.*)-([0-9]+)$", the ordinal parsed as an int32.
    std::size_t digits = 0;
    while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[name.size() - 1 - digits])))
        ++digits;
    if (digits == 0 || digits == name.size() || name[name.size() - 1 - digits] != '-')
        return {"", -1};
    const std::string parent = name.substr(0, name.size() - 1 - digits);
    try {
        long long v = std::stoll(name.substr(name.size() - digits));
        if (v > 2147483647LL)
            return {parent, -1};
        return {parent, int(v)};
    } catch (...) {
        return {parent, -1};
    }
}

std::string statefulClaimName(const std::string &templateName, const std::string &setName, int ordinal)
{
    return templateName + "-" + setName + "-" + std::to_string(ordinal);
}

StatefulSetController::StatefulSetController(ControllerContext ctx)
    : Controller(ctx), queue_(clock(), [this](const std::string &key) { sync(key); })
{
}

const StatefulSetStatus *StatefulSetController::statusOf(const std::string &ns, const std::string &name) const
{
    auto it = statuses_.find(ns + '/' + name);
    return it == statuses_.end() ? nullptr : &it->second;
}

std::vector<std::string> StatefulSetController::revisionsOf(const std::string &ns, const std::string &name) const
{
    std::vector<std::string> out;
    auto it = histories_.find(ns + '/' + name);
    if (it != histories_.end())
        for (const auto &r : it->second.revisions)
            out.push_back(r.name);
    return out;
}

// The informers' handlers: add/update/deleteStatefulSet, add/update/deletePod, and the claims
// (a deleted claim may unblock a pod whose stale claim was in the way).
void StatefulSetController::onWatch(const WatchEvent &event, const PodDelta &delta)
{
    const Object &obj = *event.object;
    if (obj.kind == "StatefulSet") {
        queue_.add(objectKey(obj));
    } else if (obj.kind == "Pod") {
        enqueueForPod(event);
    } else if (obj.kind == "PersistentVolumeClaim" && event.type == WatchEventType::Deleted) {
        enqueueForClaim(static_cast<const PersistentVolumeClaim &>(obj));
    }
}

// A pod with a controllerRef wakes its StatefulSet; an orphan wakes the set its name points at,
// if that set selects it (getPodStatefulSets, narrowed by isMemberOf as ClaimPods is).
void StatefulSetController::enqueueForPod(const WatchEvent &event)
{
    const Pod &pod = static_cast<const Pod &>(*event.object);
    if (const OwnerReference *ref = pod.metadata.controllerRef()) {
        if (ref->kind == "StatefulSet")
            queue_.add(pod.metadata.namespace_ + '/' + ref->name);
        return;
    }
    if (event.type == WatchEventType::Deleted || pod.metadata.deletionTimestamp)
        return;
    // Any change counts: a relabelled orphan may start to match.
    auto [parent, ordinal] = statefulPodParentAndOrdinal(pod.metadata.name);
    if (ordinal < 0)
        return;
    if (auto set = store().get<StatefulSet>(pod.metadata.namespace_, parent))
        if (matchesOptionalSelector(set->spec.selector, pod.metadata.labels))
            queue_.add(objectKey(*set));
}

void StatefulSetController::enqueueForClaim(const PersistentVolumeClaim &claim)
{
    for (const auto &set : store().list<StatefulSet>(claim.metadata.namespace_))
        if (!set->spec.volumeClaimTemplates.empty())
            queue_.add(objectKey(*set));
}

// StatefulSetController.sync + syncStatefulSet + defaultStatefulSetControl.UpdateStatefulSet.
void StatefulSetController::sync(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    auto set = store().get<StatefulSet>(ns, name);
    if (!set) { // deleted: the garbage collector takes its pods (and claims it owns)
        statuses_.erase(key);
        histories_.erase(key);
        queue_.forget(key);
        return;
    }
    if (!set->spec.selector)
        return; // validation requires one; nothing to select with
    std::vector<PodPtr> pods = claimPods(*set);
    Round r;
    r.set = set;
    syncRevisions(r);
    r.status.uid = set->metadata.uid;
    r.status.observedGeneration = set->metadata.generation;
    r.status.currentRevision = r.current->name;
    r.status.updateRevision = r.update->name;
    // Everything the sync starts from, for the status when nothing is done.
    r.replicas = pods;
    computeStatus(r);
    r.replicas.clear();
    std::optional<std::string> err = updateStatefulSet(r);
    writeStatus(r);
    truncateHistory(r, podInformer().byController().dependentsOf<Pod>(set->metadata.uid));
    if (err) {
        queue_.addRateLimited(key);
        return;
    }
    queue_.forget(key);
    // One more sync once the ready pods have been ready for minReadySeconds.
    const StatefulSetStatus &s = statuses_[key];
    if (set->spec.minReadySeconds > 0 && s.readyReplicas > s.availableReplicas)
        queue_.addAfter(key, set->spec.minReadySeconds);
}

// getPodsForStatefulSet / PodControllerRefManager.ClaimPods with the isMemberOf filter: adopt
// matching orphans whose name is `<set>-<n>`, release owned pods that stopped matching. Both are
// metadata patches, written as status updates (no admission).
std::vector<StatefulSetController::PodPtr> StatefulSetController::claimPods(const StatefulSet &set)
{
    auto matches = [&](const Pod &pod) {
        return matchesOptionalSelector(set.spec.selector, pod.metadata.labels) && isMemberOf(set, pod);
    };
    for (const auto &pod : podInformer().byController().dependentsOf<Pod>(set.metadata.uid)) {
        if (matches(*pod))
            continue;
        auto &refs = pod->metadata.ownerReferences;
        refs.erase(std::remove_if(refs.begin(), refs.end(),
                                  [&](const OwnerReference &r) { return r.uid == set.metadata.uid; }),
                   refs.end());
        api().updateStatus(pod);
    }
    if (!set.metadata.deletionTimestamp)
        for (const auto &pod : podInformer().byController().orphansIn<Pod>(set.metadata.namespace_)) {
            if (pod->metadata.deletionTimestamp || !matches(*pod))
                continue;
            pod->metadata.ownerReferences.push_back(controllerRefTo(set));
            api().updateStatus(pod);
        }
    return podInformer().byController().dependentsOf<Pod>(set.metadata.uid);
}

// getStatefulSetRevisions: the update revision is the set's template now (a new revision, the
// latest one, or an older equal one brought back to the top: a rollback); the current revision
// is the one the status names, or the update revision the first time.
void StatefulSetController::syncRevisions(Round &r)
{
    const StatefulSet &set = *r.set;
    const std::string key = objectKey(set);
    History &h = histories_[key];
    if (h.uid != set.metadata.uid)
        h = History{set.metadata.uid, {}};
    auto st = statuses_.find(key);
    const bool ours = st != statuses_.end() && st->second.uid == set.metadata.uid;
    std::int32_t collisionCount = ours ? st->second.collisionCount : 0;
    const std::int64_t next = h.revisions.empty() ? 1 : h.revisions.back().number + 1;
    const std::string canon = canonicalTemplate(set.spec.template_);
    auto equal = std::find_if(h.revisions.rbegin(), h.revisions.rend(),
                              [&](const Revision &rev) { return canonicalTemplate(rev.template_) == canon; });
    std::string updateName;
    if (equal != h.revisions.rend()) {
        updateName = equal->name;
        if (equal != h.revisions.rbegin()) { // rollback: the equal revision gets the next number
            equal->number = next;
            std::stable_sort(h.revisions.begin(), h.revisions.end(),
                             [](const Revision &a, const Revision &b) { return a.number < b.number; });
        }
    } else {
        // CreateControllerRevision: `<set>-<hash>`, the hash bumped on a name collision.
        for (;;) {
            updateName = set.metadata.name + "-" + computeHash(set.spec.template_, collisionCount);
            bool taken = std::any_of(h.revisions.begin(), h.revisions.end(),
                                     [&](const Revision &rev) { return rev.name == updateName; });
            if (!taken)
                break;
            ++collisionCount;
        }
        h.revisions.push_back(Revision{updateName, next, set.spec.template_});
    }
    r.status.collisionCount = collisionCount;
    auto byName = [&](const std::string &name) -> const Revision * {
        for (const auto &rev : h.revisions)
            if (rev.name == name)
                return &rev;
        return nullptr;
    };
    r.update = byName(updateName);
    r.current = ours ? byName(st->second.currentRevision) : nullptr;
    if (!r.current)
        r.current = r.update;
}

// truncateHistory: revisions no pod and neither status revision uses, beyond revisionHistoryLimit,
// oldest first.
void StatefulSetController::truncateHistory(const Round &r, const std::vector<PodPtr> &pods)
{
    auto it = histories_.find(objectKey(*r.set));
    if (it == histories_.end())
        return;
    std::set<std::string> live{r.status.currentRevision, r.status.updateRevision};
    for (const auto &p : pods)
        live.insert(podRevision(*p));
    auto &revs = it->second.revisions;
    std::vector<std::string> old;
    for (const auto &rev : revs)
        if (!live.count(rev.name))
            old.push_back(rev.name);
    const int limit = r.set->spec.revisionHistoryLimit;
    if (limit < 0 || int(old.size()) <= limit)
        return;
    old.resize(old.size() - std::size_t(limit));
    std::set<std::string> drop(old.begin(), old.end());
    revs.erase(std::remove_if(revs.begin(), revs.end(), [&](const Revision &rev) { return drop.count(rev.name) > 0; }),
               revs.end());
}

// computeReplicaStatus over the round's replicas and condemned pods.
void StatefulSetController::computeStatus(Round &r)
{
    StatefulSetStatus &s = r.status;
    s.replicas = s.readyReplicas = s.availableReplicas = s.currentReplicas = s.updatedReplicas = 0;
    const double now = clock().now();
    for (const auto *list : {&r.replicas, &r.condemned})
        for (const auto &pod : *list) {
            if (!pod)
                continue;
            if (isCreated(*pod))
                ++s.replicas;
            if (isRunningAndReady(*pod)) {
                ++s.readyReplicas;
                if (isPodAvailable(*pod, r.set->spec.minReadySeconds, now))
                    ++s.availableReplicas;
            }
            if (isCreated(*pod) && !isTerminating(*pod)) {
                const std::string rev = podRevision(*pod);
                s.currentReplicas += rev == s.currentRevision ? 1 : 0;
                s.updatedReplicas += rev == s.updateRevision ? 1 : 0;
            }
        }
}

namespace {

// runForAll: monotonic, one after another until one says stop; otherwise slowStartBatch (1, 2,
// 4, ... at most MaxBatchSize), stopping after the first batch with an error.
template <typename Fn> std::pair<bool, std::optional<std::string>> runForAll(std::size_t n, Fn fn, bool monotonic)
{
    if (monotonic) {
        for (std::size_t i = 0; i < n; ++i)
            if (auto [stop, err] = fn(i); stop || err)
                return {true, err};
        return {false, std::nullopt};
    }
    std::size_t next = 0, remaining = n;
    for (std::size_t batch = std::min<std::size_t>(remaining, 1); batch > 0;
         batch = std::min({2 * batch, remaining, std::size_t(kMaxBatchSize)})) {
        std::vector<std::string> errs;
        for (std::size_t i = 0; i < batch; ++i, ++next)
            if (auto [stop, err] = fn(next); err)
                errs.push_back(*err);
        if (!errs.empty())
            return {true, aggregate(errs)};
        remaining -= batch;
    }
    return {false, std::nullopt};
}

} // namespace

// defaultStatefulSetControl.updateStatefulSet: fill the ordinals [start, start+replicas) in order
// (or all at once), then delete the condemned ordinals from the highest down, then roll the pods
// whose revision is not the update revision, highest ordinal first, down to the partition.
std::optional<std::string> StatefulSetController::updateStatefulSet(Round &r)
{
    const StatefulSet &set = *r.set;
    const int start = startOrdinal(set);
    const int count = std::max<std::int32_t>(0, replicasOf(set));
    r.replicas.assign(std::size_t(count), nullptr);
    for (const auto &pod : podInformer().byController().dependentsOf<Pod>(set.metadata.uid)) {
        if (podInOrdinalRange(*pod, set))
            r.replicas[std::size_t(ordinalOf(*pod) - start)] = pod;
        else if (ordinalOf(*pod) >= 0)
            r.condemned.push_back(pod);
    }
    for (int i = 0; i < count; ++i)
        if (!r.replicas[std::size_t(i)])
            r.replicas[std::size_t(i)] = newPod(r, start + i);
    std::sort(r.condemned.begin(), r.condemned.end(),
              [](const PodPtr &a, const PodPtr &b) { return ordinalOf(*a) > ordinalOf(*b); });
    for (const auto &p : r.replicas)
        if (!r.firstUnhealthy && !isHealthy(*p))
            r.firstUnhealthy = p;
    for (auto it = r.condemned.rbegin(); it != r.condemned.rend() && !r.firstUnhealthy; ++it)
        if (!isHealthy(**it))
            r.firstUnhealthy = *it;

    if (set.metadata.deletionTimestamp)
        return std::nullopt;
    r.monotonic = set.spec.podManagementPolicy != "Parallel";

    auto [stop, err] = runForAll(
        r.replicas.size(), [&](std::size_t i) { return processReplica(r, i); }, r.monotonic);
    if (stop || err) {
        computeStatus(r);
        return err;
    }
    // Fix the claims of condemned pods for the retention policy (whenScaled: Delete hands each
    // claim to its pod, so the garbage collector takes it with the pod).
    std::tie(stop, err) = runForAll(
        r.condemned.size(),
        [&](std::size_t i) -> std::pair<bool, std::optional<std::string>> {
            if (!claimsMatchRetentionPolicy(set, *r.condemned[i]))
                updateClaimsForRetentionPolicy(set, *r.condemned[i]);
            return {false, std::nullopt};
        },
        r.monotonic);
    std::tie(stop, err) = runForAll(
        r.condemned.size(), [&](std::size_t i) { return processCondemned(r, i); }, r.monotonic);
    computeStatus(r);
    if (stop || err)
        return err;
    if (set.spec.updateStrategyType == "OnDelete")
        return std::nullopt; // pods are updated when they are deleted by hand
    return rollingUpdate(r);
}

// processReplica: recreate failed pods, create missing ones (monotonic: one, then wait), wait for
// each to be Running, Ready and available before looking at the next, keep identity and claims.
std::pair<bool, std::optional<std::string>> StatefulSetController::processReplica(Round &r, std::size_t i)
{
    const StatefulSet &set = *r.set;
    PodPtr pod = r.replicas[i];
    // Succeeded counts too: an evicted or node-rebooted pod's phase comes from its exit code.
    if (pod->status.phase == "Failed" || pod->status.phase == "Succeeded") {
        if (!pod->metadata.deletionTimestamp)
            if (auto err = deletePod(r, pod))
                return {true, err->message};
        return {true, std::nullopt}; // the new pod comes once the old one has left etcd
    }
    if (!isCreated(*pod)) {
        if (podClaimIsStale(set, *pod))
            return {true, std::nullopt}; // wait for the garbage collector to take the old claim
        if (auto err = createPod(r, pod))
            return {true, err};
        if (r.monotonic)
            return {true, std::nullopt};
    }
    if (pod->status.phase == "Pending") { // createMissingPersistentVolumeClaims
        if (auto err = createClaims(r, *pod))
            return {true, err};
        updateClaimsForRetentionPolicy(set, *pod);
    }
    // Monotonic: wait for the pod to terminate, or to be Running, Ready and available.
    if (r.monotonic && (isTerminating(*pod) || !isRunningAndReady(*pod) ||
                        !isPodAvailable(*pod, set.spec.minReadySeconds, clock().now())))
        return {true, std::nullopt};
    if (identityMatches(set, *pod) && storageMatches(set, *pod) && claimsMatchRetentionPolicy(set, *pod))
        return {false, std::nullopt};
    if (auto err = updatePod(r, pod))
        return {true, err};
    return {false, std::nullopt};
}

// processCondemned: monotonic, wait for a terminating pod to go, and delete an unhealthy pod only
// if it is the first unhealthy one.
std::pair<bool, std::optional<std::string>> StatefulSetController::processCondemned(Round &r, std::size_t i)
{
    const PodPtr &pod = r.condemned[i];
    if (isTerminating(*pod))
        return {r.monotonic, std::nullopt};
    if (r.monotonic && pod != r.firstUnhealthy &&
        (!isRunningAndReady(*pod) || !isPodAvailable(*pod, r.set->spec.minReadySeconds, clock().now())))
        return {true, std::nullopt};
    auto err = deletePod(r, pod);
    return {true, err ? std::optional<std::string>(err->message) : std::nullopt};
}

// The RollingUpdate strategy: delete the highest ordinal not at the update revision (it comes back
// at the update revision), one at a time, waiting for unhealthy pods; ordinals below the
// partition stay. spec.updateStrategy.rollingUpdate.maxUnavailable is not honoured: its feature
// gate (MaxUnavailableStatefulSet) went back to off in v1.35.
std::optional<std::string> StatefulSetController::rollingUpdate(Round &r)
{
    const int updateMin = r.set->spec.partition;
    for (int target = int(r.replicas.size()) - 1; target >= updateMin; --target) {
        const PodPtr &pod = r.replicas[std::size_t(target)];
        if (podRevision(*pod) != r.update->name && !isTerminating(*pod)) {
            auto err = deletePod(r, pod);
            --r.status.currentReplicas;
            return err && err->code != 404 ? std::optional<std::string>(err->message) : std::nullopt;
        }
        if (!isHealthy(*pod))
            return std::nullopt; // wait for the updated pod
    }
    return std::nullopt;
}

// completeRollingUpdate, then the status write when anything changed (inconsistentStatus); the
// write wakes the set's watchers as the status update does in Kubernetes.
void StatefulSetController::writeStatus(Round &r)
{
    const StatefulSet &set = *r.set;
    StatefulSetStatus &s = r.status;
    const std::int32_t want = replicasOf(set);
    if (set.spec.updateStrategyType == "RollingUpdate" && s.updatedReplicas == want && s.readyReplicas == want &&
        s.replicas == want) {
        s.currentReplicas = s.updatedReplicas;
        s.currentRevision = s.updateRevision;
    }
    const std::string key = objectKey(set);
    auto it = statuses_.find(key);
    if (it != statuses_.end() && it->second == s)
        return;
    statuses_[key] = s;
    api().updateStatus(r.set);
}

// newVersionedStatefulSetPod / newStatefulSetPod: the pod of an ordinal, from the current revision
// below the partition and the update revision otherwise, with its identity (name, labels,
// hostname, subdomain) and its claims as volumes. Not created yet: its phase is empty.
StatefulSetController::PodPtr StatefulSetController::newPod(const Round &r, int ordinal) const
{
    const StatefulSet &set = *r.set;
    const bool current =
        set.spec.updateStrategyType == "RollingUpdate" && ordinal < startOrdinal(set) + set.spec.partition;
    const Revision &rev = current ? *r.current : *r.update;
    auto pod = std::make_shared<Pod>();
    pod->apiVersion = "v1";
    pod->kind = "Pod";
    pod->metadata.namespace_ = set.metadata.namespace_;
    pod->metadata.name = podName(set, ordinal);
    pod->metadata.labels = rev.template_.metadata.labels;
    pod->metadata.annotations = rev.template_.metadata.annotations;
    pod->metadata.finalizers = rev.template_.metadata.finalizers;
    pod->metadata.ownerReferences.push_back(controllerRefTo(set));
    pod->spec = rev.template_.spec;
    updateIdentity(set, *pod); // initIdentity
    pod->spec.hostname = pod->metadata.name;
    pod->spec.subdomain = set.spec.serviceName;
    updateStorage(set, *pod);
    pod->metadata.labels[kStatefulSetRevisionLabel] = rev.name;
    pod->status.phase.clear();
    return pod;
}

void StatefulSetController::podEvent(const StatefulSet &set, const std::string &verb, const Pod &pod,
                                     const std::optional<std::string> &err)
{
    if (!err)
        event(set, "Normal", "Successful" + title(verb),
              verb + " Pod " + pod.metadata.name + " in StatefulSet " + set.metadata.name + " successful", kComponent);
    else
        event(set, "Warning", "Failed" + title(verb),
              verb + " Pod " + pod.metadata.name + " in StatefulSet " + set.metadata.name + " failed error: " + *err,
              kComponent);
}

// StatefulPodControl.CreateStatefulPod: the claims first, then the pod; AlreadyExists is sunk.
std::optional<std::string> StatefulSetController::createPod(const Round &r, const PodPtr &pod)
{
    const StatefulSet &set = *r.set;
    if (auto err = createClaims(r, *pod)) {
        podEvent(set, "create", *pod, err);
        return err;
    }
    ApiResult res = api().create(pod, kComponent);
    if (res.error && res.error->code == 409)
        return res.error->message;
    std::optional<std::string> err;
    if (res.error) {
        err = res.error->message;
        pod->status.phase.clear(); // still not created
    } else {
        updateClaimsForRetentionPolicy(set, *pod);
    }
    podEvent(set, "create", *pod, err);
    return err;
}

std::optional<std::string> StatefulSetController::updatePod(const Round &r, const PodPtr &pod)
{
    const StatefulSet &set = *r.set;
    bool consistent = true;
    if (!identityMatches(set, *pod)) {
        updateIdentity(set, *pod);
        consistent = false;
    }
    // A running pod's volumes cannot change (the API server refuses it); only its missing claims
    // are created.
    if (!storageMatches(set, *pod))
        if (auto err = createClaims(r, *pod)) {
            podEvent(set, "update", *pod, err);
            return err;
        }
    if (!claimsMatchRetentionPolicy(set, *pod)) {
        updateClaimsForRetentionPolicy(set, *pod);
        consistent = false;
    }
    if (consistent)
        return std::nullopt;
    api().updateStatus(pod);
    podEvent(set, "update", *pod, std::nullopt);
    return std::nullopt;
}

// DeleteStatefulPod: the event names the pod whether or not the delete worked.
std::optional<ApiError> StatefulSetController::deletePod(const Round &r, const PodPtr &pod)
{
    ApiResult res = api().remove("Pod", pod->metadata.namespace_, pod->metadata.name);
    podEvent(*r.set, "delete", *pod, res.error ? std::optional<std::string>(res.error->message) : std::nullopt);
    return res.error;
}

// createPersistentVolumeClaims: each missing claim created (SuccessfulCreate "create Claim ...
// success" / FailedCreate); a claim being deleted is an error.
std::optional<std::string> StatefulSetController::createClaims(const Round &r, const Pod &pod)
{
    const StatefulSet &set = *r.set;
    std::vector<std::string> errs;
    for (const auto &claim : claimsFor(set, ordinalOf(pod))) {
        auto existing = store().get<PersistentVolumeClaim>(claim->metadata.namespace_, claim->metadata.name);
        if (existing) {
            if (existing->metadata.deletionTimestamp)
                errs.push_back("pvc " + claim->metadata.name + " is being deleted");
            continue;
        }
        ApiResult res = api().create(claim, kComponent);
        if (res.error)
            errs.push_back("failed to create PVC " + claim->metadata.name + ": " + res.error->message);
        if (!res.error)
            event(set, "Normal", "SuccessfulCreate",
                  "create Claim " + claim->metadata.name + " Pod " + pod.metadata.name + " in StatefulSet " +
                      set.metadata.name + " success",
                  kComponent);
        else if (res.error->code != 409)
            event(set, "Warning", "FailedCreate",
                  "create Claim " + claim->metadata.name + " for Pod " + pod.metadata.name + " in StatefulSet " +
                      set.metadata.name + " failed error: " + res.error->message,
                  kComponent);
    }
    return aggregate(errs);
}

bool StatefulSetController::claimsMatchRetentionPolicy(const StatefulSet &set, const Pod &pod)
{
    const auto &st = store();
    for (const auto &tpl : set.spec.volumeClaimTemplates) {
        auto claim = st.get<PersistentVolumeClaim>(
            set.metadata.namespace_, statefulClaimName(tpl.metadata.name, set.metadata.name, ordinalOf(pod)));
        if (claim && !isClaimOwnerUpToDate(*claim, set, pod))
            return false;
    }
    return true;
}

// UpdatePodClaimForRetentionPolicy: owner references as the policy wants them (a metadata patch).
void StatefulSetController::updateClaimsForRetentionPolicy(const StatefulSet &set, const Pod &pod)
{
    for (const auto &tpl : set.spec.volumeClaimTemplates) {
        const std::string name = statefulClaimName(tpl.metadata.name, set.metadata.name, ordinalOf(pod));
        auto claim = store().get<PersistentVolumeClaim>(set.metadata.namespace_, name);
        if (!claim)
            continue;
        if (hasUnexpectedController(*claim, set, pod))
            event(set, "Warning", "ConflictingController",
                  "PersistentVolumeClaim " + name +
                      " has a conflicting OwnerReference that acts as a manging controller, the retention policy is "
                      "ignored for this claim",
                  kComponent);
        if (isClaimOwnerUpToDate(*claim, set, pod))
            continue;
        updateClaimOwnerRefs(*claim, set, pod);
        api().updateStatus(claim);
    }
}

// PodClaimIsStale: with whenScaled Delete, a claim still owned by an earlier pod of this name
// (being garbage collected) blocks the new pod.
bool StatefulSetController::podClaimIsStale(const StatefulSet &set, const Pod &pod)
{
    if (isRetain(set.spec.whenScaled))
        return false;
    for (const auto &claim : claimsFor(set, ordinalOf(pod))) {
        auto existing = store().get<PersistentVolumeClaim>(claim->metadata.namespace_, claim->metadata.name);
        if (existing && hasStaleOwnerRef(*existing, pod, [&](const OwnerReference &r) { return refersToPod(r, pod); }))
            return true;
    }
    return false;
}

} // namespace podscape
