#include "sim/controllers/disruption_controller.h"

#include "cluster/pod_status.h"
#include "manifest/kinds.h"
#include "manifest/label_selector.h"

namespace podscape {

namespace {

// policy/v1: an absent selector selects no pod, an empty one every pod of the namespace.
bool selects(const PodDisruptionBudget &pdb, const Pod &pod)
{
    return matchesOptionalSelector(pdb.spec.selector, pod.metadata.labels);
}

// How Go's %v prints a *metav1.LabelSelector (its generated String()), as the UnmanagedPods
// event shows it.
std::string goSelectorString(const std::optional<LabelSelector> &selector)
{
    if (!selector)
        return "nil";
    std::string out = "&LabelSelector{MatchLabels:map[string]string{";
    for (const auto &[k, v] : selector->matchLabels)
        out += k + ": " + v + ",";
    out += "},MatchExpressions:[]LabelSelectorRequirement{";
    for (const auto &r : selector->matchExpressions) {
        out += "LabelSelectorRequirement{Key:" + r.key + ",Operator:" + std::string(selectorOperatorSpelling(r.op)) +
               ",Values:[";
        for (std::size_t i = 0; i < r.values.size(); ++i)
            out += (i ? " " : "") + r.values[i];
        out += "],},";
    }
    return out + "},}";
}

std::int32_t replicasOf(const std::optional<std::int32_t> &replicas)
{
    return replicas.value_or(1);
}

} // namespace

DisruptionController::DisruptionController(ControllerContext ctx)
    : Controller(ctx), queue_(clock(), [this](const std::string &key) { sync(key); })
{
}

void DisruptionController::onWatch(const WatchEvent &event, const PodDelta &)
{
    const std::string &kind = event.object->kind;
    if (kind == "PodDisruptionBudget")
        budgetChanged(event);
    else if (kind == "Pod")
        podChanged(event);
    else if (event.type == WatchEventType::Modified &&
             (kind == "Deployment" || kind == "ReplicaSet" || kind == "ReplicationController" || kind == "StatefulSet"))
        workloadScaled(*event.object);
}

void DisruptionController::budgetChanged(const WatchEvent &event)
{
    const auto &pdb = static_cast<const PodDisruptionBudget &>(*event.object);
    const std::string key = objectKey(pdb);
    if (event.type == WatchEventType::Deleted) {
        members_.erase(key);
        budgetsIn_[pdb.metadata.namespace_].erase(pdb.metadata.name);
        return;
    }
    // Our own status writes come back as Modified events with an up-to-date observedGeneration.
    if (event.type == WatchEventType::Modified && pdb.status.observedGeneration == pdb.metadata.generation)
        return;
    budgetsIn_[pdb.metadata.namespace_].insert(pdb.metadata.name);
    rebuildMembers(pdb);
    queue_.add(key);
}

void DisruptionController::rebuildMembers(const PodDisruptionBudget &pdb)
{
    auto &members = members_[objectKey(pdb)];
    members.clear();
    for (const auto &pod : store().list<Pod>(pdb.metadata.namespace_))
        if (selects(pdb, *pod))
            members.insert(objectKey(*pod));
}

void DisruptionController::podChanged(const WatchEvent &event)
{
    const auto &pod = static_cast<const Pod &>(*event.object);
    auto in = budgetsIn_.find(pod.metadata.namespace_);
    if (in == budgetsIn_.end())
        return;
    const std::string podKey = objectKey(pod);
    for (const std::string &name : in->second) {
        auto pdb = store().get<PodDisruptionBudget>(pod.metadata.namespace_, name);
        if (!pdb)
            continue;
        const std::string key = objectKey(*pdb);
        auto &members = members_[key];
        bool wasMember = members.count(podKey) > 0;
        bool isMember = event.type != WatchEventType::Deleted && selects(*pdb, pod);
        if (isMember)
            members.insert(podKey);
        else
            members.erase(podKey);
        if (wasMember || isMember)
            queue_.add(key);
    }
}

void DisruptionController::workloadScaled(const Object &workload)
{
    auto in = budgetsIn_.find(workload.metadata.namespace_);
    if (in == budgetsIn_.end())
        return;
    for (const std::string &name : in->second)
        queue_.add(workload.metadata.namespace_ + "/" + name);
}

std::vector<DisruptionController::PodPtr> DisruptionController::podsOf(const std::string &key) const
{
    std::vector<PodPtr> pods;
    auto it = members_.find(key);
    if (it == members_.end())
        return pods;
    for (const std::string &podKey : it->second) {
        auto [ns, name] = splitKey(podKey);
        if (auto pod = store().get<Pod>(ns, name))
            pods.push_back(pod);
    }
    return pods;
}

// trySync.
void DisruptionController::sync(const std::string &key)
{
    auto [ns, name] = splitKey(key);
    auto pdb = store().get<PodDisruptionBudget>(ns, name);
    if (!pdb)
        return;
    std::vector<PodPtr> pods = podsOf(key);
    if (pods.empty())
        eventOnce(*pdb, "Normal", "NoPods", "No matching pods found");
    std::string error;
    std::optional<ExpectedCount> count = expectedPodCount(*pdb, pods, error);
    if (!count) {
        eventOnce(*pdb, "Warning", "CalculateExpectedPodCountFailed",
                  "Failed to calculate the number of expected pods: " + error);
        failSafe(pdb);
        return;
    }
    if (!count->unmanagedPods.empty())
        eventOnce(*pdb, "Warning", "UnmanagedPods",
                  "Pods selected by this PodDisruptionBudget (selector: " + goSelectorString(pdb->spec.selector) +
                      ") were found to be unmanaged. As a result, the status of the PDB cannot be calculated "
                      "correctly, which may result in undefined behavior. To account for these pods please set "
                      "\".spec.minAvailable\" field of the PDB to an integer value.");
    std::optional<double> recheck;
    std::map<std::string, double> disrupted = disruptedPodMap(*pdb, pods, recheck);
    std::int32_t healthy = 0; // countHealthyPods
    for (const auto &pod : pods) {
        if (pod->metadata.deletionTimestamp)
            continue;
        auto d = disrupted.find(pod->metadata.name);
        if (d != disrupted.end() && d->second + kDeletionTimeout > clock().now())
            continue;
        healthy += isPodReady(*pod) ? 1 : 0;
    }
    writeStatus(pdb, healthy, *count, std::move(disrupted));
    if (recheck)
        queue_.addAfter(key, *recheck - clock().now());
}

// getExpectedPodCount: an integer minAvailable counts the matching pods; a percentage or
// maxUnavailable counts the replicas their controllers want.
std::optional<DisruptionController::ExpectedCount>
DisruptionController::expectedPodCount(const PodDisruptionBudget &pdb, const std::vector<PodPtr> &pods,
                                       std::string &error) const
{
    ExpectedCount c;
    if (pdb.spec.maxUnavailable) {
        auto scale = expectedScale(pods, c.unmanagedPods, error);
        if (!scale)
            return std::nullopt;
        c.expected = *scale;
        c.desiredHealthy = std::max(0, c.expected - scaledValue(*pdb.spec.maxUnavailable, c.expected, true));
    } else if (pdb.spec.minAvailable && !pdb.spec.minAvailable->isString) {
        c.desiredHealthy = pdb.spec.minAvailable->intValue;
        c.expected = std::int32_t(pods.size());
    } else if (pdb.spec.minAvailable) {
        auto scale = expectedScale(pods, c.unmanagedPods, error);
        if (!scale)
            return std::nullopt;
        c.expected = *scale;
        c.desiredHealthy = scaledValue(*pdb.spec.minAvailable, c.expected, true);
    }
    return c;
}

// getExpectedScale: the sum of the scales of the pods' controllers, each counted once.
std::optional<std::int32_t> DisruptionController::expectedScale(const std::vector<PodPtr> &pods,
                                                                std::vector<std::string> &unmanaged,
                                                                std::string &error) const
{
    std::map<std::string, std::int32_t> scales; // controller uid → scale
    for (const auto &pod : pods) {
        const OwnerReference *ref = pod->metadata.controllerRef();
        if (!ref) {
            unmanaged.push_back(pod->metadata.name);
            continue;
        }
        if (scales.count(ref->uid))
            continue;
        const std::string kind = ref->kind;
        if (kind == "DaemonSet" || kind == "Job" || kind == "CronJob") {
            // getScaleController: the owner exists but has no scale subresource.
            error = resourceName(kind, preferredApiVersion(kind)) + " does not implement the scale subresource";
            return std::nullopt;
        }
        auto scale = controllerScale(*pod);
        if (!scale) {
            error = "found no controllers for pod \"" + pod->metadata.name + "\"";
            return std::nullopt;
        }
        scales[scale->first] = scale->second;
    }
    std::int32_t total = 0;
    for (const auto &[uid, scale] : scales)
        total += scale;
    return total;
}

// The finders: a ReplicaSet's Deployment (or the ReplicaSet itself when no Deployment controls
// it), a ReplicationController, a StatefulSet. Returns the controller's uid and its replicas.
std::optional<std::pair<std::string, std::int32_t>> DisruptionController::controllerScale(const Pod &pod) const
{
    const OwnerReference *ref = pod.metadata.controllerRef();
    const std::string &ns = pod.metadata.namespace_;
    if (ref->kind == "ReplicaSet") {
        auto rs = store().get<ReplicaSet>(ns, ref->name);
        if (!rs || rs->metadata.uid != ref->uid)
            return std::nullopt;
        if (const OwnerReference *up = rs->metadata.controllerRef(); up && up->kind == "Deployment") {
            auto d = store().get<Deployment>(ns, up->name);
            if (!d || d->metadata.uid != up->uid)
                return std::nullopt;
            return std::pair{d->metadata.uid, replicasOf(d->spec.replicas)};
        }
        return std::pair{rs->metadata.uid, replicasOf(rs->spec.replicas)};
    }
    if (ref->kind == "ReplicationController") {
        auto rc = store().get<ReplicationController>(ns, ref->name);
        if (rc && rc->metadata.uid == ref->uid)
            return std::pair{rc->metadata.uid, replicasOf(rc->spec.replicas)};
    }
    if (ref->kind == "StatefulSet") {
        auto sts = store().get<StatefulSet>(ns, ref->name);
        if (sts && sts->metadata.uid == ref->uid)
            return std::pair{sts->metadata.uid, replicasOf(sts->spec.replicas)};
    }
    return std::nullopt;
}

// buildDisruptedPodMap: drops pods already terminating, and evictions that did not lead to a
// deletion within DeletionTimeout (with the NotDeleted event); `recheck` is when the next entry
// expires.
std::map<std::string, double> DisruptionController::disruptedPodMap(const PodDisruptionBudget &pdb,
                                                                    const std::vector<PodPtr> &pods,
                                                                    std::optional<double> &recheck)
{
    std::map<std::string, double> result;
    for (const auto &pod : pods) {
        if (pod->metadata.deletionTimestamp)
            continue;
        auto it = pdb.status.disruptedPods.find(pod->metadata.name);
        if (it == pdb.status.disruptedPods.end())
            continue;
        double expectedDeletion = it->second + kDeletionTimeout;
        if (expectedDeletion < clock().now()) {
            // Kubernetes prints the budget's namespace twice here (disruption.go passes
            // pdb.Namespace for both verbs).
            event(*pod, "Warning", "NotDeleted",
                  "Pod was expected by PDB " + pdb.metadata.namespace_ + "/" + pdb.metadata.namespace_ +
                      " to be deleted but it wasn't",
                  kComponent);
            continue;
        }
        if (!recheck || expectedDeletion < *recheck)
            recheck = expectedDeletion;
        result[pod->metadata.name] = it->second;
    }
    return result;
}

// updatePdbStatus + pdbhelper.UpdateDisruptionAllowedCondition. disruptionsAllowed stays 0
// while no pod is expected, so a budget whose first pods appear before its sync is safe.
void DisruptionController::writeStatus(const BudgetPtr &budget, std::int32_t healthy, const ExpectedCount &count,
                                       std::map<std::string, double> disrupted)
{
    PodDisruptionBudget &pdb = *budget;
    std::int32_t allowed = healthy - count.desiredHealthy;
    if (count.expected <= 0 || allowed <= 0)
        allowed = 0;
    auto &s = pdb.status;
    const bool sufficient = allowed > 0;
    if (s.currentHealthy == healthy && s.desiredHealthy == count.desiredHealthy && s.expectedPods == count.expected &&
        s.disruptionsAllowed == allowed && s.disruptedPods == disrupted &&
        s.observedGeneration == pdb.metadata.generation &&
        s.disruptionAllowedStatus == (sufficient ? "True" : "False") &&
        s.disruptionAllowedReason == (sufficient ? "SufficientPods" : "InsufficientPods"))
        return;
    s.currentHealthy = healthy;
    s.desiredHealthy = count.desiredHealthy;
    s.expectedPods = count.expected;
    s.disruptionsAllowed = allowed;
    s.disruptedPods = std::move(disrupted);
    s.observedGeneration = pdb.metadata.generation;
    s.disruptionAllowedStatus = sufficient ? "True" : "False";
    s.disruptionAllowedReason = sufficient ? "SufficientPods" : "InsufficientPods";
    api().updateStatus(budget);
}

// failSafe: when the status cannot be computed, no eviction may pass.
void DisruptionController::failSafe(const BudgetPtr &pdb)
{
    auto &s = pdb->status;
    if (s.disruptionsAllowed == 0 && s.disruptionAllowedReason == "SyncFailed")
        return;
    s.disruptionsAllowed = 0;
    s.disruptionAllowedStatus = "False";
    s.disruptionAllowedReason = "SyncFailed";
    api().updateStatus(pdb);
}

void DisruptionController::eventOnce(const Object &obj, const std::string &type, const std::string &reason,
                                     const std::string &message)
{
    std::string &last = lastEvent_[objectKey(obj) + "/" + reason];
    if (last == message)
        return;
    last = message;
    event(obj, type, reason, message, kComponent);
}

} // namespace podscape
