// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go):
// - TaintNodeByCondition: the NoSchedule taints that mirror the node's conditions and
//   spec.unschedulable (node.kubernetes.io/unschedulable after kubectl cordon);
// - node health: when a kubelet stops posting its status and renewing its Lease, the node's
//   conditions become Unknown after the node-monitor grace period, its pods lose Ready, and the
//   NoExecute taint node.kubernetes.io/unreachable (not-ready for Ready=False) follows on the next
//   monitor pass, rate-limited per zone; when the kubelet is back the taints go again.
//
// Kubernetes checks every node every nodeMonitorPeriod. Podscape schedules a monitor pass only for
// a node whose kubelet stopped or came back (the simulation tells the controller, as the missing
// and renewed Lease tells the real one), on that node's 5 s grid, so an idle cluster of 1,000
// nodes costs nothing and the timings are those Kubernetes shows.
#pragma once

#include "sim/controllers/controller.h"

#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>

namespace podscape {

class NodeLifecycleController : public Controller {
public:
    // kube-controller-manager defaults (v1.35).
    static constexpr double kNodeMonitorPeriod = 5;              // --node-monitor-period
    static constexpr double kNodeMonitorGracePeriod = 50;        // --node-monitor-grace-period (40 s before v1.32)
    static constexpr double kNodeEvictionPeriod = 0.1;           // how often the NoExecute tainter runs
    static constexpr double kEvictionLimiterQps = 0.1;           // --node-eviction-rate: one node per 10 s per zone
    static constexpr double kSecondaryEvictionLimiterQps = 0.01; // --secondary-node-eviction-rate
    static constexpr int kLargeClusterThreshold = 50;            // --large-cluster-size-threshold
    static constexpr double kUnhealthyZoneThreshold = 0.55;      // --unhealthy-zone-threshold

    explicit NodeLifecycleController(ControllerContext ctx);
    void onWatch(const WatchEvent &event, const PodDelta &delta) override;

    // The kubelet of `node` stopped posting node status and renewing its Lease (its last
    // heartbeat is now) / started again. The node's own status write says Ready again.
    void kubeletStopped(const std::string &node);
    void kubeletResumed(const std::string &node);

    // Whether the zone's NoExecute tainting is stopped because every node is not Ready
    // ("master disruption mode").
    bool inFullDisruption() const { return allZonesFullyDisrupted_; }

private:
    // What the controller knows of a node's heartbeat (nodeHealthData).
    struct Health {
        bool posting = true;
        double probeTimestamp = 0; // when the last heartbeat was seen
        double gridOrigin = 0;     // this node's monitor passes run at gridOrigin + k * kNodeMonitorPeriod
        std::uint64_t passEpoch = 0;
        bool passScheduled = false;
    };
    // A zone's NoExecute tainter: a rate-limited queue (RateLimitedTimedQueue with a token bucket, burst 1).
    struct Zone {
        std::string state = "Initial"; // Initial | Normal | PartialDisruption | FullDisruption
        double qps = kEvictionLimiterQps;
        double tokenAt = -std::numeric_limits<double>::infinity(); // when the bucket next holds a token
        std::map<std::string, double> queue;                       // node → when it was queued
    };
    struct NodeState {
        std::string zone;
        std::string ready; // the Ready condition's status
        bool excluded = false;
    };

    void observeNode(const WatchEventType type, const std::shared_ptr<Node> &node);
    void doNoScheduleTaintingPass(const std::string &name);
    void monitorPass(const std::string &name);
    void schedulePass(const std::string &name, double at);
    void scheduleNextPass(const std::string &name);
    double nextGridTick(const Health &h) const;
    bool markStatusUnknown(Node &node);
    void markPodsNotReady(const Node &node);
    void processTaintBasedEviction(const std::shared_ptr<Node> &node, const std::string &observedReady);
    void markNodeForTainting(const Node &node);
    void markNodeAsReachable(const std::shared_ptr<Node> &node);
    void scheduleTainter(double at);
    void doNoExecuteTaintingPass();
    bool taintZoneNode(Zone &zone, const std::string &name);
    void handleDisruption();
    double zoneQps(const std::string &state, int zoneSize) const;
    bool swapTaints(const std::shared_ptr<Node> &node, const std::vector<Taint> &add, const std::vector<Taint> &remove);
    void recordNodeStatusChange(const Node &node, const std::string &status);

    std::map<std::string, NodeState> nodes_;
    std::map<std::string, Health> health_; // only nodes whose kubelet stopped or came back
    std::map<std::string, Zone> zones_;
    std::set<std::string> noSchedulePending_;
    bool tainterScheduled_ = false;
    double tainterAt_ = 0;
    bool allZonesFullyDisrupted_ = false;
    std::uint64_t passEpochs_ = 0;
};

// nodetopology.GetZoneKey: region and zone labels ("" when the node has neither).
std::string zoneKeyOf(const Node &node);
// The status of the node's Ready condition ("" when it has none).
std::string nodeReadyStatus(const Node &node);

} // namespace podscape
