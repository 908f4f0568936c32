#include "sim/controllers/pod_gc_controller.h"

#include "cluster/pod_status.h"

#include <algorithm>
#include <cmath>

namespace podscape {

PodGCController::PodGCController(ControllerContext ctx) : Controller(ctx)
{
}

void PodGCController::onWatch(const WatchEvent &event, const PodDelta &delta)
{
    switch (delta.node) {
    case PodsByNode::Change::Bound: {
        const auto &node = std::static_pointer_cast<Pod>(event.object)->spec.nodeName;
        if (!nodes_.count(node)) // bound to a node that does not exist (or no longer does)
            schedulePass();
        return;
    }
    case PodsByNode::Change::Updated:
        if (event.object->metadata.deletionTimestamp &&
            outOfServiceNodes_.count(std::static_pointer_cast<Pod>(event.object)->spec.nodeName))
            schedulePass();
        return;
    case PodsByNode::Change::Removed:
        return;
    case PodsByNode::Change::None:
        break;
    }
    if (auto node = std::dynamic_pointer_cast<Node>(event.object))
        observeNode(node, event.type);
}

void PodGCController::observeNode(const std::shared_ptr<Node> &node, WatchEventType type)
{
    const std::string &name = node->metadata.name;
    if (type == WatchEventType::Deleted) {
        nodes_.erase(name);
        outOfServiceNodes_.erase(name);
        if (!podInformer().byNode().on(name).empty())
            schedulePass();
        return;
    }
    nodes_.insert(name);
    if (outOfService(*node)) {
        if (outOfServiceNodes_.insert(name).second)
            schedulePass();
    } else {
        outOfServiceNodes_.erase(name);
    }
}

bool PodGCController::outOfService(const Node &node) const
{
    bool ready = std::any_of(node.status.conditions.begin(), node.status.conditions.end(),
                             [](const NodeCondition &c) { return c.type == "Ready" && c.status == "True"; });
    bool tainted = std::any_of(node.spec.taints.begin(), node.spec.taints.end(),
                               [](const Taint &t) { return t.key == "node.kubernetes.io/out-of-service"; });
    return !ready && tainted;
}

// The next pass of the controller's loop (every gcCheckPeriod from its start at time 0).
void PodGCController::schedulePass()
{
    if (passScheduled_)
        return;
    passScheduled_ = true;
    double next = (std::floor(clock().now() / kGcCheckPeriod + 1e-9) + 1) * kGcCheckPeriod;
    clock().at(next, [this] {
        passScheduled_ = false;
        gc();
    });
}

void PodGCController::gc()
{
    gcTerminating();
    gcOrphaned();
    if (!quarantine_.empty())
        schedulePass();
}

void PodGCController::gcTerminating()
{
    std::vector<std::shared_ptr<Pod>> victims;
    for (const auto &node : outOfServiceNodes_)
        for (const auto &[key, pod] : podInformer().byNode().on(node))
            if (pod->metadata.deletionTimestamp)
                victims.push_back(pod);
    // byEvictionAndCreationTimestamp; nothing here is Evicted, so oldest first, then by name.
    std::sort(victims.begin(), victims.end(), [](const auto &a, const auto &b) {
        double ca = a->metadata.creationTimestamp.value_or(0), cb = b->metadata.creationTimestamp.value_or(0);
        return ca != cb ? ca < cb : a->metadata.name < b->metadata.name;
    });
    for (const auto &pod : victims)
        markFailedAndDeletePod(pod, nullptr);
}

// Nodes missing from the informer are quarantined first (nodeQueue.AddAfter), then checked against
// the API server; their pods go when they are still missing.
void PodGCController::gcOrphaned()
{
    const double now = clock().now();
    for (const auto &[node, pods] : podInformer().byNode().all())
        if (!nodes_.count(node))
            quarantine_.try_emplace(node, now + kQuarantineTime);
    std::vector<std::string> deleted;
    for (auto it = quarantine_.begin(); it != quarantine_.end();) {
        if (it->second > now + 1e-9) {
            ++it;
            continue;
        }
        if (!store().get<Node>("", it->first))
            deleted.push_back(it->first);
        it = quarantine_.erase(it);
    }
    const PodCondition condition{"DisruptionTarget", "True", "DeletionByPodGC", "PodGC: node no longer exists", 0};
    for (const auto &node : deleted)
        for (const auto &pod : podInformer().byNode().podsOn(node))
            markFailedAndDeletePod(pod, &condition);
}

// markFailedAndDeletePodWithCondition: a pod not yet finished is marked Failed (no kubelet will
// ever do it), then deleted with grace period 0.
void PodGCController::markFailedAndDeletePod(const std::shared_ptr<Pod> &pod, const PodCondition *condition)
{
    if (pod->status.phase != "Succeeded" && pod->status.phase != "Failed") {
        pod->status.phase = "Failed";
        if (condition)
            setCondition(*pod, condition->type, condition->status, clock().now(), condition->reason,
                         condition->message);
        api().updateStatus(pod);
    }
    api().remove("Pod", pod->metadata.namespace_, pod->metadata.name, 0);
}

} // namespace podscape
