#include "sim/controllers/daemonset_controller.h"

#include "cluster/pod_status.h"
#include "sim/controllers/deployment_controller.h"
#include "sim/scheduler/helpers.h"

#include <algorithm>
#include <set>

namespace podscape {

namespace {

const char *const kComponent = "daemonset-controller";
constexpr int kBurstReplicas = 250;              // DaemonSetsController.burstReplicas
constexpr double kFailedPodBackoffInitial = 1;   // failedPodsBackoff: 1 s doubling…
constexpr double kFailedPodBackoffMax = 15 * 60; // …up to 15 min
const char *const kHashLabel = "controller-revision-hash";
const char *const kGenerationLabel = "pod-template-generation";

Toleration existsToleration(const char *key, const char *effect)
{
    Toleration t;
    t.key = key;
    t.operator_ = "Exists";
    t.effect = effect;
    return t;
}

// v1helper.AddOrUpdateTolerationInPodSpec: a toleration with the same key, operator, value and
// effect is replaced, otherwise appended.
void addOrUpdateToleration(PodSpec &spec, const Toleration &t)
{
    for (auto &existing : spec.tolerations) {
        if (existing.key == t.key && existing.operator_ == t.operator_ && existing.value == t.value &&
            existing.effect == t.effect) {
            existing = t;
            return;
        }
    }
    spec.tolerations.push_back(t);
}

bool hasUntoleratedNoExecuteTaint(const Node &node, const std::vector<Toleration> &tolerations)
{
    return std::any_of(node.spec.taints.begin(), node.spec.taints.end(), [&](const Taint &taint) {
        return taint.effect == "NoExecute" && !sched::tolerationsTolerateTaint(tolerations, taint);
    });
}

// util.GetTargetNodeName: spec.nodeName, or the node the pod's required affinity pins it to.
std::string targetNodeName(const Pod &pod)
{
    if (!pod.spec.nodeName.empty())
        return pod.spec.nodeName;
    if (!pod.spec.affinity || !pod.spec.affinity->nodeAffinity || !pod.spec.affinity->nodeAffinity->required)
        return {};
    for (const auto &term : pod.spec.affinity->nodeAffinity->required->nodeSelectorTerms)
        for (const auto &req : term.matchFields)
            if (req.key == "metadata.name" && req.op == SelectorOperator::In && req.values.size() == 1)
                return req.values.front();
    return {};
}

// util.ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes one term
// selecting the node by name, so the default scheduler places the pod there.
void pinToNode(PodSpec &spec, const std::string &nodeName)
{
    NodeSelectorTerm term;
    term.matchFields.push_back({"metadata.name", SelectorOperator::In, {nodeName}});
    if (!spec.affinity)
        spec.affinity.emplace();
    if (!spec.affinity->nodeAffinity)
        spec.affinity->nodeAffinity.emplace();
    if (!spec.affinity->nodeAffinity->required)
        spec.affinity->nodeAffinity->required.emplace();
    spec.affinity->nodeAffinity->required->nodeSelectorTerms = {term};
}

// podByCreationTimestampAndPhase: scheduled first, then oldest, then by name.
bool olderDaemonPod(const std::shared_ptr<Pod> &a, const std::shared_ptr<Pod> &b)
{
    if (a->spec.nodeName.empty() != b->spec.nodeName.empty())
        return !a->spec.nodeName.empty();
    if (a->metadata.creationTimestamp != b->metadata.creationTimestamp)
        return a->metadata.creationTimestamp < b->metadata.creationTimestamp;
    return a->metadata.name < b->metadata.name;
}

bool isPodUpdated(const Pod &pod, const DaemonSetController::Revision &rev)
{
    auto label = [&](const char *key) {
        auto it = pod.metadata.labels.find(key);
        return it == pod.metadata.labels.end() ? std::string() : it->second;
    };
    return label(kHashLabel) == rev.hash || label(kGenerationLabel) == std::to_string(rev.templateGeneration);
}

bool isTerminal(const Pod &pod)
{
    return pod.status.phase == "Succeeded" || pod.status.phase == "Failed";
}

} // namespace

void addDaemonPodTolerations(PodSpec &spec)
{
    addOrUpdateToleration(spec, existsToleration("node.kubernetes.io/not-ready", "NoExecute"));
    addOrUpdateToleration(spec, existsToleration("node.kubernetes.io/unreachable", "NoExecute"));
    addOrUpdateToleration(spec, existsToleration("node.kubernetes.io/disk-pressure", "NoSchedule"));
    addOrUpdateToleration(spec, existsToleration("node.kubernetes.io/memory-pressure", "NoSchedule"));
    addOrUpdateToleration(spec, existsToleration("node.kubernetes.io/pid-pressure", "NoSchedule"));
    addOrUpdateToleration(spec, existsToleration("node.kubernetes.io/unschedulable", "NoSchedule"));
    if (spec.hostNetwork)
        addOrUpdateToleration(spec, existsToleration("node.kubernetes.io/network-unavailable", "NoSchedule"));
}

DaemonPlacement nodeShouldRunDaemonPod(const Node &node, const DaemonSet &ds)
{
    const PodSpec &tpl = ds.spec.template_.spec;
    if (!tpl.nodeName.empty() && tpl.nodeName != node.metadata.name)
        return {};
    Pod pod; // NewPod: the template with the daemon tolerations, on this node
    pod.metadata.namespace_ = ds.metadata.namespace_;
    pod.spec = tpl;
    pod.spec.nodeName = node.metadata.name;
    addDaemonPodTolerations(pod.spec);
    if (!sched::matchesRequiredNodeAffinity(pod, node))
        return {};
    if (sched::findUntoleratedDoNotScheduleTaint(node.spec.taints, pod.spec.tolerations))
        return {false, !hasUntoleratedNoExecuteTaint(node, pod.spec.tolerations)};
    return {true, true};
}

DaemonSetController::DaemonSetController(ControllerContext ctx)
    : Controller(ctx), queue_(clock(), [this](const std::string &key) { sync(key); })
{
}

const DaemonSetStatus *DaemonSetController::statusOf(const std::string &ns, const std::string &name) const
{
    auto it = statuses_.find(ns + '/' + name);
    return it == statuses_.end() ? nullptr : &it->second;
}

// addNode / updateNode / deleteNode wake every DaemonSet (there are few); pods wake their owner,
// and a new orphan every DaemonSet of its namespace that selects it.
void DaemonSetController::onWatch(const WatchEvent &event, const PodDelta &delta)
{
    const Object &obj = *event.object;
    if (obj.kind == "DaemonSet") {
        if (event.type == WatchEventType::Deleted)
            revisions_.erase(obj.metadata.uid);
        queue_.add(objectKey(obj));
    } else if (obj.kind == "Node") {
        enqueueAll();
    } else if (obj.kind == "Pod") {
        bool ownersChanged = delta.controllerChanged;
        const Pod &pod = static_cast<const Pod &>(obj);
        if (const OwnerReference *ref = pod.metadata.controllerRef()) {
            if (ref->kind == "DaemonSet")
                queue_.add(pod.metadata.namespace_ + '/' + ref->name);
            return;
        }
        if (event.type == WatchEventType::Deleted || !ownersChanged || pod.metadata.deletionTimestamp)
            return;
        for (const auto &ds : store().list<DaemonSet>(pod.metadata.namespace_))
            if (matchesOptionalSelector(ds->spec.selector, pod.metadata.labels))
                queue_.add(objectKey(*ds));
    }
}

void DaemonSetController::enqueueAll()
{
    for (const auto &ds : store().list<DaemonSet>())
        queue_.add(objectKey(*ds));
}

// The revision of the current template. The API server bumps the deprecated template generation
// when an update changes the template; the hash stands for the ControllerRevision's name suffix
// (our own hash of the template, not byte-identical to Kubernetes').
const DaemonSetController::Revision &DaemonSetController::revisionOf(const DaemonSet &ds)
{
    std::string canonical = canonicalTemplate(ds.spec.template_);
    auto [it, inserted] = revisions_.try_emplace(ds.metadata.uid);
    Revision &rev = it->second;
    if (!inserted && rev.canonicalTemplate == canonical)
        return rev;
    if (!inserted)
        ++rev.templateGeneration;
    rev.canonicalTemplate = std::move(canonical);
    rev.hash = computeHash(ds.spec.template_, std::nullopt);
    return rev;
}

// syncDaemonSet.
void DaemonSetController::sync(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    auto ds = store().get<DaemonSet>(ns, name);
    if (!ds) {
        statuses_.erase(key);
        return;
    }
    if (ds->spec.selector && ds->spec.selector->matchLabels.empty() && ds->spec.selector->matchExpressions.empty()) {
        event(*ds, "Warning", "SelectingAll",
              "This daemon set is selecting all pods. A non-empty selector is required.", kComponent);
        return;
    }
    if (ds->metadata.deletionTimestamp)
        return; // its history may be half gone: no status for a DaemonSet being deleted
    const Revision rev = revisionOf(*ds);
    std::vector<std::shared_ptr<Node>> nodes = store().list<Node>();
    claimPods(ds);
    NodePods byNode = podsByNode(*ds);
    manage(ds, nodes, byNode, rev);
    if (ds->spec.updateStrategyType == "RollingUpdate")
        rollingUpdate(ds, nodes, podsByNode(*ds), rev); // regrouped: manage() created and deleted pods
    updateStatus(ds, nodes, podsByNode(*ds), rev);
}

// ClaimPods: adopt matching orphans, release owned pods that stopped matching.
void DaemonSetController::claimPods(const std::shared_ptr<DaemonSet> &ds)
{
    for (const auto &pod : podInformer().byController().dependentsOf<Pod>(ds->metadata.uid)) {
        if (matchesOptionalSelector(ds->spec.selector, pod->metadata.labels))
            continue;
        auto &refs = pod->metadata.ownerReferences; // ReleasePod
        std::erase_if(refs, [&](const OwnerReference &r) { return r.uid == ds->metadata.uid; });
        api().updateStatus(pod);
    }
    for (const auto &pod : podInformer().byController().orphansIn<Pod>(ds->metadata.namespace_)) {
        if (pod->metadata.deletionTimestamp || !matchesOptionalSelector(ds->spec.selector, pod->metadata.labels))
            continue;
        pod->metadata.ownerReferences.push_back(controllerRefTo(*ds)); // AdoptPod
        api().updateStatus(pod);
    }
}

// getNodesToDaemonPods: the DaemonSet's pods by the node they are (or will be) on; finished pods
// that are already being deleted are no longer its business.
DaemonSetController::NodePods DaemonSetController::podsByNode(const DaemonSet &ds) const
{
    NodePods byNode;
    for (const auto &pod : podInformer().byController().dependentsOf<Pod>(ds.metadata.uid)) {
        if (isTerminal(*pod) && pod->metadata.deletionTimestamp)
            continue;
        std::string node = targetNodeName(*pod);
        if (!node.empty())
            byNode[node].push_back(pod);
    }
    for (auto &[node, pods] : byNode)
        std::sort(pods.begin(), pods.end(), olderDaemonPod);
    return byNode;
}

// manage: create the missing daemon pods, delete those that must go (failed, doubled up, or on
// a node that no longer should run them, or waiting for a node that is gone).
void DaemonSetController::manage(const std::shared_ptr<DaemonSet> &ds, const std::vector<std::shared_ptr<Node>> &nodes,
                                 NodePods &byNode, const Revision &rev)
{
    std::vector<std::string> create;
    std::vector<std::shared_ptr<Pod>> remove;
    std::set<std::string> existing;
    for (const auto &node : nodes) {
        existing.insert(node->metadata.name);
        podsShouldBeOnNode(*ds, *node, byNode, rev, create, remove);
    }
    for (const auto &[nodeName, pods] : byNode) // getUnscheduledPodsWithoutNode
        if (!existing.count(nodeName))
            for (const auto &pod : pods)
                if (pod->spec.nodeName.empty())
                    remove.push_back(pod);
    syncNodes(ds, remove, create, rev);
}

void DaemonSetController::podsShouldBeOnNode(const DaemonSet &ds, const Node &node, const NodePods &byNode,
                                             const Revision &rev, std::vector<std::string> &create,
                                             std::vector<std::shared_ptr<Pod>> &remove)
{
    const auto placement = nodeShouldRunDaemonPod(node, ds);
    auto found = byNode.find(node.metadata.name);
    const bool exists = found != byNode.end() && !found->second.empty();
    if (placement.shouldRun && !exists) {
        create.push_back(node.metadata.name);
        return;
    }
    if (!exists)
        return;
    if (!placement.shouldContinueRunning) {
        for (const auto &pod : found->second)
            if (!pod->metadata.deletionTimestamp)
                remove.push_back(pod);
        return;
    }
    std::vector<std::shared_ptr<Pod>> running;
    for (const auto &pod : found->second) {
        if (pod->metadata.deletionTimestamp)
            continue;
        if (pod->status.phase == "Failed") {
            if (inFailedPodBackoff(ds, node.metadata.name))
                continue;
            event(ds, "Warning", "FailedDaemonPod",
                  "Found failed daemon pod " + pod->metadata.namespace_ + "/" + pod->metadata.name + " on node " +
                      node.metadata.name + ", will try to kill it",
                  kComponent);
            remove.push_back(pod);
        } else if (pod->status.phase == "Succeeded") {
            event(ds, "Normal", "SucceededDaemonPod",
                  "Found succeeded daemon pod " + pod->metadata.namespace_ + "/" + pod->metadata.name + " on node " +
                      node.metadata.name + ", will try to delete it",
                  kComponent);
            remove.push_back(pod);
        } else {
            running.push_back(pod);
        }
    }
    const bool surge = ds.spec.updateStrategyType == "RollingUpdate" && ds.spec.maxSurge &&
                       scaledValue(*ds.spec.maxSurge, 1, true) > 0;
    if (!surge) { // more than one: keep the oldest
        for (std::size_t i = 1; i < running.size(); ++i)
            remove.push_back(running[i]);
        return;
    }
    if (running.size() <= 1) {
        if (running.empty() && placement.shouldRun)
            create.push_back(node.metadata.name);
        return;
    }
    // Surging: keep the oldest new pod, and the oldest old pod only while the new one is not
    // yet available and the old one still serves.
    std::shared_ptr<Pod> oldestNew, oldestOld;
    for (const auto &pod : running) {
        auto &slot = isPodUpdated(*pod, rev) ? oldestNew : oldestOld;
        if (!slot)
            slot = pod;
        else
            remove.push_back(pod);
    }
    if (oldestNew && oldestOld &&
        (!isPodReady(*oldestOld) || isPodAvailable(*oldestNew, ds.spec.minReadySeconds, clock().now())))
        remove.push_back(oldestOld);
}

// failedPodsBackoff: deleting the failed daemon pod of one node is rate-limited (1 s doubling,
// at most 15 min), since a kubelet that rejects the pod would otherwise make it a hot loop.
bool DaemonSetController::inFailedPodBackoff(const DaemonSet &ds, const std::string &nodeName)
{
    const double now = clock().now();
    auto &[delay, until] = failedBackoff_[ds.metadata.uid + '/' + nodeName];
    if (until > now) {
        queue_.addAfter(objectKey(ds), until - now);
        return true;
    }
    delay = delay == 0 ? kFailedPodBackoffInitial : std::min(2 * delay, kFailedPodBackoffMax);
    until = now + delay;
    return false;
}

// syncNodes: deletions and creations, at most burstReplicas of each a sync, creations in slow
// start batches (1, 2, 4, ...) that stop at the first failing batch.
void DaemonSetController::syncNodes(const std::shared_ptr<DaemonSet> &ds,
                                    const std::vector<std::shared_ptr<Pod>> &remove,
                                    const std::vector<std::string> &create, const Revision &rev)
{
    const int createCount = std::min<int>(int(create.size()), kBurstReplicas);
    int pos = 0;
    for (int batch = std::min(createCount, 1); batch > 0; batch = std::min(2 * batch, createCount - pos)) {
        bool failed = false;
        for (int i = pos; i < pos + batch; ++i)
            failed |= !createPod(*ds, create[std::size_t(i)], rev);
        pos += batch;
        if (failed) {
            queue_.addRateLimited(objectKey(*ds));
            break;
        }
    }
    const std::size_t removeCount = std::min<std::size_t>(remove.size(), kBurstReplicas);
    for (std::size_t i = 0; i < removeCount; ++i) {
        const Pod &pod = *remove[i];
        ApiResult r = api().remove("Pod", pod.metadata.namespace_, pod.metadata.name);
        if (!r.error)
            event(*ds, "Normal", "SuccessfulDelete", "Deleted pod: " + pod.metadata.name, kComponent);
        else if (r.error->code != 404)
            event(*ds, "Warning", "FailedDelete", "Error deleting: " + r.error->message, kComponent);
    }
    if (int(create.size()) > createCount || remove.size() > removeCount)
        queue_.add(objectKey(*ds));
}

// CreatePodTemplate + ReplaceDaemonSetPodNodeNameNodeAffinity + RealPodControl.CreatePods.
bool DaemonSetController::createPod(const DaemonSet &ds, const std::string &nodeName, const Revision &rev)
{
    auto pod = std::make_shared<Pod>();
    pod->apiVersion = "v1";
    pod->kind = "Pod";
    pod->metadata.namespace_ = ds.metadata.namespace_;
    pod->metadata.generateName = ds.metadata.name + "-";
    pod->metadata.labels = ds.spec.template_.metadata.labels;
    pod->metadata.labels[kGenerationLabel] = std::to_string(rev.templateGeneration);
    pod->metadata.labels[kHashLabel] = rev.hash;
    pod->metadata.annotations = ds.spec.template_.metadata.annotations;
    pod->metadata.finalizers = ds.spec.template_.metadata.finalizers;
    pod->metadata.ownerReferences.push_back(controllerRefTo(ds));
    pod->spec = ds.spec.template_.spec;
    addDaemonPodTolerations(pod->spec);
    pinToNode(pod->spec, nodeName);
    ApiResult r = api().create(pod, kComponent);
    if (r.error) {
        event(ds, "Warning", "FailedCreate", "Error creating: " + r.error->message, kComponent);
        return false;
    }
    event(ds, "Normal", "SuccessfulCreate", "Created pod: " + pod->metadata.name, kComponent);
    return true;
}

// rollingUpdate (update.go): without surge, delete old pods node by node while at most
// maxUnavailable daemon pods are unavailable (manage() then creates the new one once the old
// is gone); with surge, start the new pod next to the old one on at most maxSurge nodes.
void DaemonSetController::rollingUpdate(const std::shared_ptr<DaemonSet> &ds,
                                        const std::vector<std::shared_ptr<Node>> &nodes, const NodePods &byNode,
                                        const Revision &rev)
{
    int desired = 0;
    for (const auto &node : nodes)
        desired += nodeShouldRunDaemonPod(*node, *ds).shouldRun ? 1 : 0;
    int maxSurge = ds->spec.maxSurge ? scaledValue(*ds->spec.maxSurge, desired, true) : 0;
    int maxUnavailable = scaledValue(ds->spec.maxUnavailable.value_or(IntOrString::fromInt(1)), desired, true);
    if (maxSurge == 0 && maxUnavailable == 0)
        maxUnavailable = 1; // updatedDesiredNodeCounts: never stuck
    const double now = clock().now();

    int numUnavailable = 0, numSurge = 0;
    std::vector<std::shared_ptr<Pod>> mustDelete, candidates;
    std::vector<std::string> mustCreate, candidateNodes;
    for (const auto &[nodeName, pods] : byNode) { // sorted by node name: a deterministic order
        std::shared_ptr<Pod> newPod, oldPod;
        bool ok = true; // findUpdatedPodsOnNode: at most one of each
        for (const auto &pod : pods) {
            if (pod->metadata.deletionTimestamp)
                continue;
            auto &slot = isPodUpdated(*pod, rev) ? newPod : oldPod;
            ok &= !slot;
            slot = pod;
        }
        if (!ok) {
            ++numUnavailable;
            continue;
        }
        if (maxSurge == 0) {
            if ((!oldPod && !newPod) || (oldPod && newPod))
                ++numUnavailable;
            else if (newPod)
                numUnavailable += isPodAvailable(*newPod, ds->spec.minReadySeconds, now) ? 0 : 1;
            else if (!isPodAvailable(*oldPod, ds->spec.minReadySeconds, now))
                mustDelete.push_back(oldPod), ++numUnavailable;
            else
                candidates.push_back(oldPod);
            continue;
        }
        if (!oldPod)
            continue; // manage() looks after this node
        if (!newPod) {
            (isPodAvailable(*oldPod, ds->spec.minReadySeconds, now) ? candidateNodes : mustCreate).push_back(nodeName);
        } else if (!isPodAvailable(*newPod, ds->spec.minReadySeconds, now)) {
            ++numSurge;
        } else {
            mustDelete.push_back(oldPod);
        }
    }
    if (maxSurge == 0) {
        int allowed = std::clamp(maxUnavailable - numUnavailable, 0, int(candidates.size()));
        mustDelete.insert(mustDelete.end(), candidates.begin(), candidates.begin() + allowed);
    } else {
        int allowed = std::clamp(maxSurge - numSurge, 0, int(candidateNodes.size()));
        mustCreate.insert(mustCreate.end(), candidateNodes.begin(), candidateNodes.begin() + allowed);
    }
    if (!mustDelete.empty() || !mustCreate.empty())
        syncNodes(ds, mustDelete, mustCreate, rev);
    if (ds->spec.minReadySeconds > 0)
        queue_.addAfter(objectKey(*ds), ds->spec.minReadySeconds);
}

// updateDaemonSetStatus: counted over the nodes, from the oldest daemon pod of each.
void DaemonSetController::updateStatus(const std::shared_ptr<DaemonSet> &ds,
                                       const std::vector<std::shared_ptr<Node>> &nodes, const NodePods &byNode,
                                       const Revision &rev)
{
    DaemonSetStatus s;
    s.uid = ds->metadata.uid;
    s.observedGeneration = ds->metadata.generation;
    const double now = clock().now();
    for (const auto &node : nodes) {
        auto found = byNode.find(node->metadata.name);
        const bool scheduled = found != byNode.end() && !found->second.empty();
        if (!nodeShouldRunDaemonPod(*node, *ds).shouldRun) {
            s.numberMisscheduled += scheduled ? 1 : 0;
            continue;
        }
        ++s.desiredNumberScheduled;
        if (!scheduled)
            continue;
        ++s.currentNumberScheduled;
        const Pod &oldest = *found->second.front();
        if (isPodReady(oldest)) {
            ++s.numberReady;
            s.numberAvailable += isPodAvailable(oldest, ds->spec.minReadySeconds, now) ? 1 : 0;
        }
        s.updatedNumberScheduled += isPodUpdated(oldest, rev) ? 1 : 0;
    }
    s.numberUnavailable = s.desiredNumberScheduled - s.numberAvailable;
    if (ds->spec.minReadySeconds > 0 && s.numberReady != s.numberAvailable)
        queue_.addAfter(objectKey(*ds), ds->spec.minReadySeconds);
    const std::string key = objectKey(*ds);
    auto it = statuses_.find(key);
    if (it != statuses_.end() && it->second == s)
        return;
    statuses_[key] = s;
    api().updateStatus(ds);
}

} // namespace podscape
