// The DaemonSet controller (pkg/controller/daemon): one pod of each DaemonSet on every node that
// should run it, following nodes as they come, go and change, and replacing pods node by node
// when the template changes (RollingUpdate with maxUnavailable or maxSurge, or OnDelete).
#pragma once

#include "cluster/api/apps.h"
#include "sim/controllers/controller.h"
#include "sim/controllers/controller_utils.h"

#include <map>
#include <string>
#include <vector>

namespace podscape {

// DaemonSetStatus (apps/v1), kept by the controller.
struct DaemonSetStatus {
    std::string uid;
    std::int32_t desiredNumberScheduled = 0;
    std::int32_t currentNumberScheduled = 0;
    std::int32_t numberMisscheduled = 0;
    std::int32_t numberReady = 0;
    std::int32_t updatedNumberScheduled = 0;
    std::int32_t numberAvailable = 0;
    std::int32_t numberUnavailable = 0;
    std::int64_t observedGeneration = 0;
    friend bool operator==(const DaemonSetStatus &, const DaemonSetStatus &) = default;
};

class DaemonSetController : public Controller {
public:
    explicit DaemonSetController(ControllerContext ctx);
    void onWatch(const WatchEvent &event, const PodDelta &delta) override;

    const DaemonSetStatus *statusOf(const std::string &ns, const std::string &name) const;

    // What the controller derives from a DaemonSet's template: the hash label of its current
    // revision and the deprecated template generation.
    struct Revision {
        std::string canonicalTemplate;
        std::string hash;
        std::int64_t templateGeneration = 1;
    };

private:
    using NodePods = std::map<std::string, std::vector<std::shared_ptr<Pod>>>; // node name → pods

    void sync(const std::string &key);
    const Revision &revisionOf(const DaemonSet &ds);
    void claimPods(const std::shared_ptr<DaemonSet> &ds);
    NodePods podsByNode(const DaemonSet &ds) const;
    void manage(const std::shared_ptr<DaemonSet> &ds, const std::vector<std::shared_ptr<Node>> &nodes, NodePods &byNode,
                const Revision &rev);
    void podsShouldBeOnNode(const DaemonSet &ds, const Node &node, const NodePods &byNode, const Revision &rev,
                            std::vector<std::string> &create, std::vector<std::shared_ptr<Pod>> &remove);
    void rollingUpdate(const std::shared_ptr<DaemonSet> &ds, const std::vector<std::shared_ptr<Node>> &nodes,
                       const NodePods &byNode, const Revision &rev);
    void syncNodes(const std::shared_ptr<DaemonSet> &ds, const std::vector<std::shared_ptr<Pod>> &remove,
                   const std::vector<std::string> &create, const Revision &rev);
    bool createPod(const DaemonSet &ds, const std::string &nodeName, const Revision &rev);
    void updateStatus(const std::shared_ptr<DaemonSet> &ds, const std::vector<std::shared_ptr<Node>> &nodes,
                      const NodePods &byNode, const Revision &rev);
    bool inFailedPodBackoff(const DaemonSet &ds, const std::string &nodeName);
    void enqueueAll();

    WorkQueue queue_;
    std::map<std::string, DaemonSetStatus> statuses_;                // "ns/name" →
    std::map<std::string, Revision> revisions_;                      // DaemonSet uid →
    std::map<std::string, std::pair<double, double>> failedBackoff_; // "uid/node" → (delay, until)
};

// NodeShouldRunDaemonPod: whether a new daemon pod belongs on the node (shouldRun) and whether
// one already there may stay (shouldContinueRunning: only untolerated NoExecute taints evict).
struct DaemonPlacement {
    bool shouldRun = false;
    bool shouldContinueRunning = false;
};
DaemonPlacement nodeShouldRunDaemonPod(const Node &node, const DaemonSet &ds);

// util.AddOrUpdateDaemonPodTolerations: what every daemon pod tolerates.
void addDaemonPodTolerations(PodSpec &spec);

} // namespace podscape
