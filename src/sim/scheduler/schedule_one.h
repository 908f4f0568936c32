// One scheduling attempt, as kube-scheduler v1.35 makes it (pkg/scheduler/schedule_one.go:
// schedulePod, findNodesThatFitPod, findNodesThatPassFilters, numFeasibleNodesToFind,
// prioritizeNodes; framework.FitError; the DefaultPreemption PostFilter's verdict).
//
// Usage. The simulation keeps one ClusterSnapshot (cluster_snapshot.h) and one SchedulerState:
//
//     sched::ClusterSnapshot snapshot = sched::ClusterSnapshot::fromStore(store);
//     sched::SchedulerState state(seed);
//     sched::ScheduleResult r = sched::schedulePod(*pod, snapshot, state);
//     if (r.scheduled()) { bind; snapshot.addPod(pod, r.selectedNode); }
//     else { event FailedScheduling: r.messageWithPreemption; r.nominatedNode / r.preemptionCandidates }
//
// The attempt does not change the snapshot: binding, and evicting preemption victims, are the
// caller's steps. Same snapshot + same state (seed, nextStartNodeIndex) => same result.
//
// Differences from kube-scheduler, all invisible in a single-threaded simulation: filters and
// scores run sequentially (Kubernetes runs 16 goroutines; the nodes it visits when it stops
// early at percentageOfNodesToScore vary from run to run, ours are the next ones in name order);
// ties between the best-scored nodes are broken by reservoir sampling with the caller's seeded
// RNG (selectHost) where v1.35's heap leaves them in an order the parallel filtering makes
// random; extenders, Reserve/Permit and PreBind are not modelled. Pods nominated to a node
// (SchedulerState::nominator) are counted there during Filter, as RunFilterPluginsWithNominatedPods
// counts them.
#pragma once

#include "sim/scheduler/cluster_snapshot.h"
#include "sim/scheduler/framework.h"
#include "sim/scheduler/nominator.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podscape::sched {

// A seeded, portable pseudo-random generator (splitmix64).
class SchedulerRng {
public:
    explicit SchedulerRng(std::uint64_t seed = 0) : state_(seed) {}
    std::uint64_t next();
    // Uniform in [0, n); n > 0.
    std::uint64_t below(std::uint64_t n);

private:
    std::uint64_t state_;
};

// Buffers one attempt reuses from the previous one (no allocation per node per pod).
struct SchedulerScratch {
    std::vector<const NodeInfo *> nodes;
    std::vector<const NodeInfo *> feasible;
    std::vector<std::uint32_t> feasibleVerdict;
    std::vector<const Plugin *> activeFilters;
    std::array<std::vector<std::int64_t>, kScorePluginCount> scores;
    std::vector<std::int64_t> totals;
    std::vector<Code> nodeCodes;
};

// What persists between attempts: the RNG, the rotation of the first node to check, the
// percentageOfNodesToScore setting and reusable buffers.
struct SchedulerState {
    explicit SchedulerState(std::uint64_t seed = 0) : rng(seed) {}

    SchedulerRng rng;
    // sched.nextStartNodeIndex: where the next attempt starts checking nodes (in node-name order).
    std::size_t nextStartNodeIndex = 0;
    // KubeSchedulerConfiguration.percentageOfNodesToScore; 0 = adaptive (50 - nodes/125, >= 5).
    std::int32_t percentageOfNodesToScore = 0;

    // The pending pods nominated to nodes by their preemption (the caller keeps it up to date).
    PodNominator nominator;

    CycleState cycle;
    SchedulerScratch scratch;
};

// numFeasibleNodesToFind: how many feasible nodes end the search (all nodes below 100).
std::int32_t numFeasibleNodesToFind(std::int32_t percentageOfNodesToScore, std::int32_t numAllNodes);

// What the attempt concluded about one node it looked at.
struct NodeVerdict {
    std::string_view node;  // views the Node object's name (valid while the Node object lives)
    std::uint32_t nodeIndex = 0;  // the node's position in the snapshot at the time
    bool feasible = false;
    // A rejected node: the first failing Filter plugin, its code and reasons.
    std::optional<PluginId> plugin;
    Code code = Code::Success;
    std::uint32_t reasonBegin = 0;  // into ScheduleResult::reasons
    std::uint32_t reasonCount = 0;
    // A scored node (when more than one node was feasible): each score plugin's normalized score
    // times its weight, in kScorePlugins order; -1 where the plugin skipped this pod.
    bool scored = false;
    std::array<std::int16_t, kScorePluginCount> scores{};
    std::int32_t totalScore = 0;
};

// A node where evicting `victims` (lower-priority pods) would let the pod fit.
struct PreemptionCandidate {
    std::string node;
    std::vector<std::shared_ptr<const Pod>> victims;  // most important first
    std::int64_t numPDBViolations = 0;
};

struct ScheduleResult {
    std::string selectedNode;  // empty when the pod is unschedulable
    std::uint32_t selectedNodeIndex = 0; // its NodeVerdict::nodeIndex, when selected
    int evaluatedNodes = 0;    // ScheduleResult.EvaluatedNodes
    int feasibleNodes = 0;     // ScheduleResult.FeasibleNodes

    // Every node the attempt looked at, in the order it looked.
    std::vector<NodeVerdict> verdicts;
    std::vector<std::string_view> reasons;  // storage of the verdicts' reasons (static/interned)
    // Set when a PreFilter plugin rejected the pod for every node (no verdicts then).
    std::optional<PluginId> preFilterPlugin;
    Code preFilterCode = Code::Success;

    // FitError.Error(): "0/4 nodes are available: 1 node(s) had untolerated taint(s), 3
    // Insufficient cpu." (empty when scheduled). messageWithPreemption adds the PostFilter text
    // (" preemption: ..."), as the FailedScheduling event and PodScheduled condition carry it.
    std::string message;
    std::string messageWithPreemption;

    // DefaultPreemption's dry run: the best candidate first; nominatedNode is its node.
    std::vector<PreemptionCandidate> preemptionCandidates;
    std::string nominatedNode;
    // PostFilterResult.NominatingInfo: true (ModeOverride) when the pod's status.nominatedNodeName
    // is to become nominatedNode (empty: cleared, e.g. when preemption found no candidate); false
    // (ModeNoop) when it stays as it is (the pod was not eligible to preempt).
    bool overridesNomination = false;

    bool scheduled() const { return !selectedNode.empty(); }
    std::span<const std::string_view> reasonsOf(const NodeVerdict &v) const
    {
        return {reasons.data() + v.reasonBegin, v.reasonCount};
    }
    void clear();
};

// schedulingCycle up to the choice of a node (SchedulePod), plus PostFilter when no node fits.
ScheduleResult schedulePod(const Pod &pod, ClusterSnapshot &snapshot, SchedulerState &state);
// The same, reusing `out`'s buffers.
void schedulePod(const Pod &pod, ClusterSnapshot &snapshot, SchedulerState &state, ScheduleResult &out);

// Whether the pod could run on one node, and if not why (PreFilter + Filter on that node only):
// what the GUI shows while a pod is dragged over a node.
struct NodeCheck {
    bool fits = false;
    Status status;        // the rejection (plugin set), Success when it fits
    std::string message;  // the reasons joined by ", "
};
NodeCheck checkPodOnNode(const Pod &pod, const ClusterSnapshot &snapshot, std::string_view nodeName);

// One plugin on its own (tests, inspection). runFilterPlugin: the plugin's PreFilter, then its
// Filter on the node (PreFilter's rejection if any; Success when the plugin skips).
Status runFilterPlugin(PluginId plugin, const Pod &pod, const ClusterSnapshot &snapshot, std::string_view nodeName);
// runScorePlugin: PreScore, Score on each named node, NormalizeScore; the plugin's unweighted
// scores, or nullopt when the plugin skips this pod.
std::optional<std::vector<std::int64_t>> runScorePlugin(PluginId plugin, const Pod &pod, const ClusterSnapshot &snapshot,
                                                        const std::vector<std::string> &nodeNames);

}  // namespace podscape::sched
