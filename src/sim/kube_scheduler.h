// kube-scheduler as a component of the simulation: it watches for pods without a node, keeps
// them in its scheduling queue (ordered as kube-scheduler's PrioritySort orders it), runs the
// scheduling cycle (sim/scheduler: filter, score, select) and binds, or reports FailedScheduling
// and retries the pod when the cluster changes. When DefaultPreemption finds a node where evicting
// lower-priority pods makes room, it acts: the pod is nominated to that node and the victims are
// deleted gracefully; the pod binds there once they are gone.
#pragma once

#include "cluster/events.h"
#include "sim/kube_apiserver.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace podscape {

// What one node said in a scheduling attempt: the filter verdict and, when it passed, the scores.
// 100,000 pods keep a million of these: the scores are a fixed array, the plugin a static name.
struct NodeVerdictRecord {
    static constexpr std::size_t kScorePlugins = 7;  // the default profile's score plugins

    std::string node;
    std::vector<std::string> reasons;  // the failing filter's reasons
    std::string_view plugin;           // the first filter that failed (its static name)
    bool passed = false;
    // Weighted normalised score of each score plugin in the profile's order; -1: not scored.
    std::array<std::int16_t, kScorePlugins> scoreSlots{-1, -1, -1, -1, -1, -1, -1};
    std::int64_t total = 0;

    // (plugin name, weighted normalised score) of the plugins that scored the node.
    std::vector<std::pair<std::string_view, std::int64_t>> scores() const;
};

// The last scheduling attempt of a pod: "why this node / why pending". On a small cluster every
// evaluated node's verdict is kept; on a large one (more than kKeepAllVerdicts evaluated nodes)
// only the best-scoring feasible nodes and a few infeasible ones per failing filter, so that
// 100,000 pods on 1,000 nodes do not keep 100 million verdicts.
struct SchedulingAttempt {
    static constexpr int kKeepAllVerdicts = 100;
    static constexpr int kKeptFeasible = 10;
    static constexpr int kKeptPerFailingFilter = 3;

    double time = 0;
    std::string selectedNode;  // empty when the pod did not fit
    std::string message;       // the FailedScheduling message, preemption sentence included
    // When the pod's preemption acted: the node it is nominated to and the victims ("ns/name").
    std::string nominatedNode;
    std::vector<std::string> victims;
    int evaluatedNodes = 0;
    int feasibleNodes = 0;
    std::vector<NodeVerdictRecord> nodes;  // the selected node first when there is one
    int omittedNodes = 0;                  // evaluated nodes whose verdict was not kept
};

// Whether a pod could run on one node (PreFilter and Filter on that node only).
struct PlacementCheck {
    bool fits = false;
    std::string plugin;   // the filter that rejected the node
    std::string message;  // its reasons, as FailedScheduling words them ("Insufficient cpu")
};

class KubeScheduler {
public:
    KubeScheduler(KubeApiServer &api, EventRecorder &events, TraceRecorder &traces, std::uint64_t seed);
    ~KubeScheduler();

    void podChanged(const std::shared_ptr<Pod> &pod);
    void podRemoved(const std::shared_ptr<Pod> &pod);
    void nodeChanged(const std::shared_ptr<Node> &node, WatchEventType type);
    void clusterChanged(const ObjectPtr &obj);  // PVCs, PVs, StorageClasses, ... may make a pod fit

    // Runs between choosing a node and binding the pod (VolumeBinding's PreBind).
    void setPreBind(std::function<void(const Pod &, const Node &)> preBind);

    // Could `pod` (bound or not) run on `node` as the cluster stands? Nothing changes: the GUI
    // asks this while a pod is dragged over a node.
    PlacementCheck checkPlacement(const Pod &pod, const std::string &node) const;
    // The user dropped a pod of this controller on `node` (DESIGN 3.3): the controller's next pod
    // to be scheduled goes there, if it still fits then; otherwise the scheduler decides.
    void placeNextPodOf(const std::string &controllerUid, const std::string &node);

    const SchedulingAttempt *lastAttempt(const std::string &podKey) const;
    std::size_t pendingCount() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace podscape
