#include "sim/controllers/node_lifecycle_controller.h"

#include "cluster/pod_status.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace podscape {

namespace {

constexpr const char *kSource = "node-controller";
const char *const kUnschedulableKey = "node.kubernetes.io/unschedulable";
const char *const kNotReadyKey = "node.kubernetes.io/not-ready";
const char *const kUnreachableKey = "node.kubernetes.io/unreachable";

const Taint kNotReadyNoExecute{kNotReadyKey, "", "NoExecute", std::nullopt};
const Taint kUnreachableNoExecute{kUnreachableKey, "", "NoExecute", std::nullopt};

// nodeConditionToTaintKeyStatusMap: the NoSchedule taint a condition in a given status calls for.
std::string conditionTaintKey(const std::string &type, const std::string &status)
{
    if (type == "Ready")
        return status == "False" ? kNotReadyKey : status == "Unknown" ? kUnreachableKey : "";
    if (status != "True")
        return {};
    if (type == "MemoryPressure")
        return "node.kubernetes.io/memory-pressure";
    if (type == "DiskPressure")
        return "node.kubernetes.io/disk-pressure";
    if (type == "NetworkUnavailable")
        return "node.kubernetes.io/network-unavailable";
    if (type == "PIDPressure")
        return "node.kubernetes.io/pid-pressure";
    return {};
}

// taintKeyToNodeConditionMap, plus the unschedulable taint: the NoSchedule taints this
// controller owns.
bool isControllerNoScheduleTaint(const Taint &t)
{
    static const std::set<std::string> keys{kUnschedulableKey,
                                            kNotReadyKey,
                                            kUnreachableKey,
                                            "node.kubernetes.io/memory-pressure",
                                            "node.kubernetes.io/disk-pressure",
                                            "node.kubernetes.io/network-unavailable",
                                            "node.kubernetes.io/pid-pressure"};
    return t.effect == "NoSchedule" && keys.count(t.key);
}

// Taint.MatchTaint: the same key and effect.
bool matches(const Taint &a, const Taint &b)
{
    return a.key == b.key && a.effect == b.effect;
}

bool hasTaint(const Node &node, const Taint &taint)
{
    return std::any_of(node.spec.taints.begin(), node.spec.taints.end(),
                       [&](const Taint &t) { return matches(t, taint); });
}

// TaintSetDiff: what `want` has that `have` lacks.
std::vector<Taint> missingFrom(const std::vector<Taint> &want, const std::vector<Taint> &have)
{
    std::vector<Taint> out;
    for (const auto &t : want)
        if (std::none_of(have.begin(), have.end(), [&](const Taint &h) { return matches(t, h); }))
            out.push_back(t);
    return out;
}

std::string label(const Node &node, const char *key)
{
    auto it = node.metadata.labels.find(key);
    return it == node.metadata.labels.end() ? std::string() : it->second;
}

} // namespace

std::string zoneKeyOf(const Node &node)
{
    std::string zone = label(node, "topology.kubernetes.io/zone");
    if (zone.empty())
        zone = label(node, "failure-domain.beta.kubernetes.io/zone");
    std::string region = label(node, "topology.kubernetes.io/region");
    if (region.empty())
        region = label(node, "failure-domain.beta.kubernetes.io/region");
    if (region.empty() && zone.empty())
        return {};
    return region + std::string(":\0:", 3) + zone;
}

std::string nodeReadyStatus(const Node &node)
{
    for (const auto &c : node.status.conditions)
        if (c.type == "Ready")
            return c.status;
    return {};
}

NodeLifecycleController::NodeLifecycleController(ControllerContext ctx) : Controller(ctx)
{
}

void NodeLifecycleController::onWatch(const WatchEvent &event, const PodDelta &delta)
{
    if (delta.node != PodsByNode::Change::None)
        return;
    if (auto node = std::dynamic_pointer_cast<Node>(event.object))
        observeNode(event.type, node);
}

// The node informer's handlers: the NoSchedule taints follow every change (nodeUpdateQueue), and
// the zones' health follows the Ready conditions.
void NodeLifecycleController::observeNode(const WatchEventType type, const std::shared_ptr<Node> &node)
{
    const std::string name = node->metadata.name;
    if (type == WatchEventType::Deleted) {
        if (auto it = nodes_.find(name); it != nodes_.end()) {
            zones_[it->second.zone].queue.erase(name);
            nodes_.erase(it);
        }
        health_.erase(name); // a pass still on the clock finds no entry and does nothing
        handleDisruption();
        return;
    }
    NodeState seen{zoneKeyOf(*node), nodeReadyStatus(*node),
                   node->metadata.labels.count("node.kubernetes.io/exclude-disruption") > 0};
    auto [it, added] = nodes_.try_emplace(name, seen);
    bool healthChanged =
        added || it->second.ready != seen.ready || it->second.zone != seen.zone || it->second.excluded != seen.excluded;
    if (!added && it->second.zone != seen.zone) {
        auto &oldQueue = zones_[it->second.zone].queue;
        if (auto queued = oldQueue.find(name); queued != oldQueue.end()) {
            zones_[seen.zone].queue.insert(*queued);
            oldQueue.erase(queued);
        }
    }
    it->second = seen;
    if (noSchedulePending_.insert(name).second)
        clock().after(0, [this, name] {
            noSchedulePending_.erase(name);
            doNoScheduleTaintingPass(name);
        });
    if (healthChanged)
        handleDisruption();
}

// doNoScheduleTaintingPass (TaintNodeByCondition): the node's NoSchedule taints mirror its
// conditions and spec.unschedulable.
void NodeLifecycleController::doNoScheduleTaintingPass(const std::string &name)
{
    auto node = store().get<Node>("", name);
    if (!node)
        return;
    std::vector<Taint> want;
    for (const auto &c : node->status.conditions)
        if (std::string key = conditionTaintKey(c.type, c.status); !key.empty())
            want.push_back({key, "", "NoSchedule", std::nullopt});
    if (node->spec.unschedulable)
        want.push_back({kUnschedulableKey, "", "NoSchedule", std::nullopt});
    std::vector<Taint> have;
    for (const auto &t : node->spec.taints)
        if (isControllerNoScheduleTaint(t))
            have.push_back(t);
    std::vector<Taint> add = missingFrom(want, have), remove = missingFrom(have, want);
    if (!add.empty() || !remove.empty())
        swapTaints(node, add, remove);
}

// controllerutil.SwapNodeControllerTaint: adds (stamped with timeAdded) and removes taints in one
// node update.
bool NodeLifecycleController::swapTaints(const std::shared_ptr<Node> &node, const std::vector<Taint> &add,
                                         const std::vector<Taint> &remove)
{
    auto &taints = node->spec.taints;
    bool changed = false;
    for (Taint t : add) {
        t.timeAdded = clock().now();
        auto same = std::find_if(taints.begin(), taints.end(), [&](const Taint &x) { return matches(x, t); });
        if (same != taints.end())
            *same = t;
        else
            taints.push_back(t);
        changed = true;
    }
    for (const auto &t : remove) {
        auto gone = std::remove_if(taints.begin(), taints.end(), [&](const Taint &x) { return matches(x, t); });
        changed = changed || gone != taints.end();
        taints.erase(gone, taints.end());
    }
    if (changed)
        api().updateStatus(node);
    return changed;
}

void NodeLifecycleController::kubeletStopped(const std::string &name)
{
    if (!store().get<Node>("", name))
        return;
    Health &h = health_[name];
    if (!h.posting)
        return;
    h.posting = false;
    h.probeTimestamp = clock().now();
    // The monitor's grid, seen from this node: the pass that finds the grace period over runs
    // exactly kNodeMonitorGracePeriod after the last heartbeat (the real one lands within a
    // monitor period of it, depending on when the last Lease renewal was seen).
    h.gridOrigin = h.probeTimestamp;
    schedulePass(name, h.probeTimestamp + kNodeMonitorGracePeriod);
}

void NodeLifecycleController::kubeletResumed(const std::string &name)
{
    auto it = health_.find(name);
    if (it == health_.end() || it->second.posting)
        return;
    it->second.posting = true;
    it->second.probeTimestamp = clock().now();
    schedulePass(name, nextGridTick(it->second));
}

double NodeLifecycleController::nextGridTick(const Health &h) const
{
    double elapsed = ctx_.api.clock().now() - h.gridOrigin;
    double k = std::floor(elapsed / kNodeMonitorPeriod + 1e-9) + 1;
    return h.gridOrigin + k * kNodeMonitorPeriod;
}

void NodeLifecycleController::schedulePass(const std::string &name, double at)
{
    Health &h = health_[name];
    h.passEpoch = ++passEpochs_; // unique across nodes, so a re-created node's entry never matches
    h.passScheduled = true;
    clock().at(at, [this, name, epoch = h.passEpoch] {
        auto it = health_.find(name);
        if (it != health_.end() && it->second.passEpoch == epoch)
            monitorPass(name);
    });
}

// One node's part of monitorNodeHealth: tryUpdateNodeHealth, processTaintBaseEviction, and the
// NodeNotReady transition.
void NodeLifecycleController::monitorPass(const std::string &name)
{
    health_[name].passScheduled = false;
    auto node = store().get<Node>("", name);
    if (!node) {
        health_.erase(name);
        return;
    }
    const Health &h = health_[name];
    const std::string observed = nodeReadyStatus(*node);
    if (!h.posting && clock().now() >= h.probeTimestamp + kNodeMonitorGracePeriod - 1e-9 && markStatusUnknown(*node))
        api().updateStatus(node);
    const std::string current = nodeReadyStatus(*node);
    // The taint decision reads the Ready condition as the pass found it, so the NoExecute taint
    // comes one pass after the status turned Unknown.
    processTaintBasedEviction(node, observed);
    if (current != "True" && observed == "True") {
        recordNodeStatusChange(*node, "NodeNotReady");
        markPodsNotReady(*node);
    }
    scheduleNextPass(name);
}

// Whether the node needs another pass: to turn Unknown, to be queued for its NoExecute taint, or
// to lose it again once Ready. A node with nothing left to do is forgotten.
void NodeLifecycleController::scheduleNextPass(const std::string &name)
{
    auto node = store().get<Node>("", name);
    auto it = health_.find(name);
    if (!node || it == health_.end())
        return;
    Health &h = it->second;
    const std::string ready = nodeReadyStatus(*node);
    if (!h.posting && ready != "Unknown") {
        double due = h.probeTimestamp + kNodeMonitorGracePeriod;
        double tick = nextGridTick(h);
        schedulePass(name, due > tick ? h.gridOrigin + std::ceil((due - h.gridOrigin) / kNodeMonitorPeriod - 1e-9) *
                                                           kNodeMonitorPeriod
                                      : tick);
        return;
    }
    const auto &queue = zones_[zoneKeyOf(*node)].queue;
    bool tainted = hasTaint(*node, kUnreachableNoExecute) || hasTaint(*node, kNotReadyNoExecute);
    bool marked = tainted || queue.count(name);
    if ((ready != "True" && !marked) || (ready == "True" && marked))
        schedulePass(name, nextGridTick(h));
    else if (h.posting)
        health_.erase(it);
}

// tryUpdateNodeHealth, past the grace period: Ready and the pressure conditions become Unknown
// (NetworkUnavailable is the network's to set).
bool NodeLifecycleController::markStatusUnknown(Node &node)
{
    double now = clock().now();
    bool changed = false;
    for (const char *type : {"Ready", "MemoryPressure", "DiskPressure", "PIDPressure"}) {
        auto c = std::find_if(node.status.conditions.begin(), node.status.conditions.end(),
                              [&](const NodeCondition &x) { return x.type == type; });
        if (c == node.status.conditions.end()) {
            node.status.conditions.push_back(
                {type, "Unknown", "NodeStatusNeverUpdated", "Kubelet never posted node status.", now});
            changed = true;
        } else if (c->status != "Unknown") {
            *c = {type, "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.", now};
            changed = true;
        }
    }
    return changed;
}

// controllerutil.MarkPodsNotReady: Ready=False on every pod of the node that was not already, each
// with a NodeNotReady warning.
void NodeLifecycleController::markPodsNotReady(const Node &node)
{
    for (const auto &pod : podInformer().byNode().podsOn(node.metadata.name)) {
        const PodCondition *ready = findCondition(*pod, "Ready");
        if (!ready || ready->status == "False")
            continue;
        setCondition(*pod, "Ready", "False", clock().now(), ready->reason, ready->message);
        api().updateStatus(pod);
        event(*pod, "Warning", "NodeNotReady", "Node is not ready", kSource);
    }
}

void NodeLifecycleController::processTaintBasedEviction(const std::shared_ptr<Node> &node,
                                                        const std::string &observedReady)
{
    if (observedReady == "False") {
        if (hasTaint(*node, kUnreachableNoExecute))
            swapTaints(node, {kNotReadyNoExecute}, {kUnreachableNoExecute});
        else
            markNodeForTainting(*node);
    } else if (observedReady == "Unknown") {
        if (hasTaint(*node, kNotReadyNoExecute))
            swapTaints(node, {kUnreachableNoExecute}, {kNotReadyNoExecute});
        else
            markNodeForTainting(*node);
    } else if (observedReady == "True") {
        markNodeAsReachable(node);
    }
}

// The zone's tainter queue is a set as well: a node once tainted is not queued again until it
// was reachable in between.
void NodeLifecycleController::markNodeForTainting(const Node &node)
{
    Zone &zone = zones_[zoneKeyOf(node)];
    if (zone.queue.try_emplace(node.metadata.name, clock().now()).second)
        scheduleTainter(clock().now() + kNodeEvictionPeriod);
}

void NodeLifecycleController::markNodeAsReachable(const std::shared_ptr<Node> &node)
{
    swapTaints(node, {}, {kUnreachableNoExecute, kNotReadyNoExecute});
    zones_[zoneKeyOf(*node)].queue.erase(node->metadata.name);
}

void NodeLifecycleController::scheduleTainter(double at)
{
    if (tainterScheduled_ && tainterAt_ <= at)
        return;
    tainterScheduled_ = true;
    tainterAt_ = at;
    clock().at(at, [this, at] {
        if (tainterScheduled_ && tainterAt_ == at)
            doNoExecuteTaintingPass();
    });
}

// doNoExecuteTaintingPass: each zone's queue in the order nodes were queued, one node per token of
// the zone's limiter.
void NodeLifecycleController::doNoExecuteTaintingPass()
{
    tainterScheduled_ = false;
    const double now = clock().now();
    double next = std::numeric_limits<double>::infinity();
    for (auto &[key, zone] : zones_) {
        std::vector<std::pair<double, std::string>> waiting;
        for (const auto &[name, queuedAt] : zone.queue)
            if (queuedAt >= 0)
                waiting.emplace_back(queuedAt, name);
        std::sort(waiting.begin(), waiting.end());
        for (const auto &[queuedAt, name] : waiting) {
            if (zone.qps <= 0)
                break;
            if (now < zone.tokenAt - 1e-9) {
                next = std::min(next, zone.tokenAt);
                break;
            }
            zone.tokenAt = now + 1 / zone.qps;
            taintZoneNode(zone, name);
        }
    }
    if (next < std::numeric_limits<double>::infinity())
        scheduleTainter(next);
}

// The tainter's work on one node: the NoExecute taint that matches its Ready condition, the
// opposite one removed. Done, the node stays in the set (queuedAt -1) until it is reachable.
bool NodeLifecycleController::taintZoneNode(Zone &zone, const std::string &name)
{
    auto node = store().get<Node>("", name);
    if (!node) {
        zone.queue.erase(name);
        return false;
    }
    zone.queue[name] = -1;
    const std::string ready = nodeReadyStatus(*node);
    if (ready == "False")
        return swapTaints(node, {kNotReadyNoExecute}, {kUnreachableNoExecute});
    if (ready == "Unknown")
        return swapTaints(node, {kUnreachableNoExecute}, {kNotReadyNoExecute});
    return false; // Ready again: nothing to taint
}

double NodeLifecycleController::zoneQps(const std::string &state, int zoneSize) const
{
    if (state == "PartialDisruption") // ReducedQPSFunc: small clusters stop evicting
        return zoneSize > kLargeClusterThreshold ? kSecondaryEvictionLimiterQps : 0;
    return kEvictionLimiterQps; // Normal, and FullDisruption (HealthyQPSFunc)
}

// handleDisruption with ComputeZoneState: a zone where every node is not Ready is fully
// disrupted, one where more than two and at least 55% are is partially disrupted. When every zone
// is fully disrupted the controller trusts no one: it stops tainting and lifts the NoExecute
// taints it set (the control plane's own connectivity is the likelier culprit).
void NodeLifecycleController::handleDisruption()
{
    std::map<std::string, std::pair<int, int>> counts; // zone → ready, not ready
    for (const auto &[name, st] : nodes_)
        if (!st.excluded)
            ++(st.ready == "True" ? counts[st.zone].first : counts[st.zone].second);
    std::map<std::string, std::string> states;
    bool allAre = !counts.empty(), allWere = !counts.empty();
    for (const auto &[key, c] : counts) {
        auto [ready, notReady] = c;
        std::string state = ready == 0 && notReady > 0 ? "FullDisruption"
                            : notReady > 2 && double(notReady) / (ready + notReady) >= kUnhealthyZoneThreshold
                                ? "PartialDisruption"
                                : "Normal";
        allAre = allAre && state == "FullDisruption";
        allWere = allWere && zones_[key].state == "FullDisruption";
        states[key] = state;
    }
    if (allAre && allWere)
        return;
    const double now = clock().now();
    if (allAre) {
        allZonesFullyDisrupted_ = true;
        for (auto &[key, zone] : zones_) {
            zone.state = "FullDisruption";
            zone.qps = 0;
            for (auto &[name, queuedAt] : zone.queue) // markNodeAsReachable: out of the set, queued again later
                queuedAt = now;
        }
        clock().after(0, [this] {
            for (const auto &node : store().list<Node>())
                swapTaints(node, {}, {kUnreachableNoExecute, kNotReadyNoExecute});
        });
        return;
    }
    const bool leaving = allZonesFullyDisrupted_;
    if (leaving) {
        // Leaving the disruption mode: every node gets a fresh grace period, every zone its limiter.
        allZonesFullyDisrupted_ = false;
        for (auto &[name, h] : health_)
            if (!h.posting && nodes_.count(name) && nodes_[name].ready == "True") {
                h.probeTimestamp = now;
                schedulePass(name, now + kNodeMonitorGracePeriod);
            }
    }
    for (const auto &[key, state] : states) {
        Zone &zone = zones_[key];
        if (zone.state == state && !leaving)
            continue;
        zone.state = state;
        double qps = zoneQps(state, counts[key].first + counts[key].second);
        if (qps != zone.qps) {
            zone.qps = qps;
            zone.tokenAt = -std::numeric_limits<double>::infinity(); // SwapLimiter: a new, full bucket
        }
    }
    for (const auto &[key, zone] : zones_)
        for (const auto &[name, queuedAt] : zone.queue)
            if (queuedAt >= 0 && zone.qps > 0) {
                scheduleTainter(now + kNodeEvictionPeriod);
                return;
            }
}

void NodeLifecycleController::recordNodeStatusChange(const Node &node, const std::string &status)
{
    event(node, "Normal", status, "Node " + node.metadata.name + " status is now: " + status, kSource);
}

} // namespace podscape
