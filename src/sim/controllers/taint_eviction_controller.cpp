#include "sim/controllers/taint_eviction_controller.h"

#include "cluster/pod_status.h"
#include "sim/controllers/controller_utils.h"
#include "sim/scheduler/helpers.h"

#include <algorithm>
#include <limits>

namespace podscape {

namespace {

constexpr const char *kSource = "taint-eviction-controller";

std::vector<Taint> noExecuteTaints(const Node &node)
{
    std::vector<Taint> out;
    for (const auto &t : node.spec.taints)
        if (t.effect == "NoExecute")
            out.push_back(t);
    return out;
}

bool sameTaints(const std::vector<Taint> &a, const std::vector<Taint> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Taint &x, const Taint &y) {
        return x.key == y.key && x.value == y.value && x.effect == y.effect && x.timeAdded == y.timeAdded;
    });
}

} // namespace

std::pair<bool, std::vector<Toleration>> matchingTolerations(const std::vector<Taint> &taints,
                                                             const std::vector<Toleration> &tolerations)
{
    std::vector<Toleration> used;
    for (const auto &taint : taints) {
        auto t = std::find_if(tolerations.begin(), tolerations.end(),
                              [&](const Toleration &x) { return sched::toleratesTaint(x, taint); });
        if (t == tolerations.end())
            return {false, {}};
        used.push_back(*t);
    }
    return {true, used};
}

double minTolerationTime(const std::vector<Toleration> &used)
{
    if (used.empty())
        return 0;
    double shortest = std::numeric_limits<double>::infinity();
    for (const auto &t : used) {
        if (!t.tolerationSeconds)
            continue;
        if (*t.tolerationSeconds <= 0)
            return 0;
        shortest = std::min(shortest, double(*t.tolerationSeconds));
    }
    return shortest == std::numeric_limits<double>::infinity() ? -1 : shortest;
}

TaintEvictionController::TaintEvictionController(ControllerContext ctx) : Controller(ctx)
{
}

std::optional<double> TaintEvictionController::scheduledDeletion(const std::string &ns, const std::string &name) const
{
    auto it = work_.find(ns + '/' + name);
    if (it == work_.end() || it->second.fired)
        return std::nullopt;
    return it->second.fireAt;
}

// The informers' handlers (PodUpdated, NodeUpdated): a pod matters when it lands on a node or
// leaves, a node when its NoExecute taints change.
void TaintEvictionController::onWatch(const WatchEvent &event, const PodDelta &delta)
{
    switch (delta.node) {
    case PodsByNode::Change::Bound: {
        auto pod = std::static_pointer_cast<Pod>(event.object);
        handlePodUpdate(objectKey(*pod), pod->spec.nodeName);
        return;
    }
    case PodsByNode::Change::Removed:
        handlePodUpdate(objectKey(*event.object), {});
        return;
    case PodsByNode::Change::Updated:
        return;
    case PodsByNode::Change::None:
        break;
    }
    if (auto node = std::dynamic_pointer_cast<Node>(event.object))
        nodeChanged(node, event.type);
}

void TaintEvictionController::nodeChanged(const std::shared_ptr<Node> &node, WatchEventType type)
{
    const std::string &name = node->metadata.name;
    if (type == WatchEventType::Deleted) {
        seenTaints_.erase(name);
        handleNodeUpdate(name);
        return;
    }
    std::vector<Taint> taints = noExecuteTaints(*node);
    auto seen = seenTaints_.find(name);
    if (type == WatchEventType::Modified && seen != seenTaints_.end() && sameTaints(seen->second, taints))
        return;
    seenTaints_[name] = std::move(taints);
    handleNodeUpdate(name);
}

void TaintEvictionController::handleNodeUpdate(const std::string &nodeName)
{
    auto node = store().get<Node>("", nodeName);
    if (!node) {
        // Pending deletions of its pods stay: the pods are still there until the pod GC removes them.
        taintedNodes_.erase(nodeName);
        return;
    }
    std::vector<Taint> taints = noExecuteTaints(*node);
    if (taints.empty())
        taintedNodes_.erase(nodeName);
    else
        taintedNodes_[nodeName] = taints;
    for (const auto &pod : podInformer().byNode().podsOn(nodeName)) {
        if (taints.empty())
            cancelWorkWithEvent(objectKey(*pod)); // all taints gone: every pending deletion is off
        else
            processPodOnNode(*pod, taints);
    }
}

void TaintEvictionController::handlePodUpdate(const std::string &podKey, const std::string &nodeName)
{
    auto [ns, name] = splitKey(podKey);
    auto pod = store().get<Pod>(ns, name);
    if (!pod) {
        cancelWorkWithEvent(podKey);
        return;
    }
    if (pod->spec.nodeName.empty() || pod->spec.nodeName != nodeName)
        return;
    auto tainted = taintedNodes_.find(nodeName);
    if (tainted != taintedNodes_.end())
        processPodOnNode(*pod, tainted->second);
}

void TaintEvictionController::processPodOnNode(const Pod &pod, const std::vector<Taint> &taints)
{
    const std::string key = objectKey(pod);
    const double now = clock().now();
    auto [allTolerated, used] = matchingTolerations(taints, pod.spec.tolerations);
    if (!allTolerated) {
        cancelWorkWithEvent(key);
        addWork(key, now, now);
        return;
    }
    double minToleration = minTolerationTime(used);
    if (minToleration < 0) {
        cancelWorkWithEvent(key);
        return;
    }
    double start = now, trigger = now + minToleration;
    if (auto it = work_.find(key); it != work_.end() && !it->second.fired) {
        start = it->second.createdAt;
        // An earlier deletion stays. (The real check is strict; two updates at the very same
        // instant, which the virtual clock can produce, must not cancel and re-add.)
        if (start + minToleration <= trigger)
            return;
        cancelWorkWithEvent(key);
    }
    addWork(key, start, trigger);
}

// TimedWorkerQueue.AddWork: a key already there (pending or fired) is left alone; a deletion due
// now runs at once and cannot be cancelled.
void TaintEvictionController::addWork(const std::string &podKey, double createdAt, double fireAt)
{
    if (work_.count(podKey))
        return;
    Work &w = work_[podKey];
    w = {createdAt, fireAt, ++nextId_, false};
    double delay = fireAt - createdAt;
    if (delay <= 0) {
        w.fired = true;
        clock().after(0, [this, podKey] { deletePod(podKey); });
        return;
    }
    clock().after(delay, [this, podKey, id = w.id] {
        auto it = work_.find(podKey);
        if (it == work_.end() || it->second.id != id || it->second.fired)
            return;
        it->second.fired = true;
        deletePod(podKey);
    });
}

void TaintEvictionController::cancelWorkWithEvent(const std::string &podKey)
{
    auto it = work_.find(podKey);
    if (it == work_.end())
        return;
    bool pending = !it->second.fired;
    work_.erase(it);
    if (pending)
        podEvent(podKey, "Cancelling deletion of Pod " + podKey);
}

// deletePodHandler / addConditionAndDeletePod: the DisruptionTarget condition first, then an
// ordinary (graceful) delete.
void TaintEvictionController::deletePod(const std::string &podKey)
{
    podEvent(podKey, "Marking for deletion Pod " + podKey);
    auto [ns, name] = splitKey(podKey);
    auto pod = store().get<Pod>(ns, name);
    if (!pod)
        return;
    const PodCondition *before = findCondition(*pod, "DisruptionTarget");
    const char *reason = "DeletionByTaintManager";
    const char *message = "Taint manager: deleting due to NoExecute taint";
    if (!before || before->status != "True" || before->reason != reason || before->message != message) {
        setCondition(*pod, "DisruptionTarget", "True", clock().now(), reason, message);
        api().updateStatus(pod);
    }
    api().remove("Pod", ns, name);
}

void TaintEvictionController::podEvent(const std::string &podKey, const std::string &message)
{
    auto [ns, name] = splitKey(podKey);
    auto pod = store().get<Pod>(ns, name);
    ctx_.events.record({clock().now(),
                        "Normal",
                        "TaintManagerEviction",
                        {"Pod", ns, name, pod ? pod->metadata.uid : "", {}},
                        message,
                        kSource});
}

} // namespace podscape
