// The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go, the "taint
// manager"): pods on a node with NoExecute taints they do not tolerate are deleted at once; pods
// tolerating them for tolerationSeconds are deleted when the shortest of those runs out (300 s
// for the not-ready / unreachable tolerations DefaultTolerationSeconds gives every pod); a pod
// tolerating them without a limit stays. When the taints go, pending deletions are cancelled.
#pragma once

#include "sim/controllers/controller.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace podscape {

class TaintEvictionController : public Controller {
public:
    explicit TaintEvictionController(ControllerContext ctx);
    void onWatch(const WatchEvent &event, const PodDelta &delta) override;

    // When the pod's scheduled deletion fires (nullopt when none is pending).
    std::optional<double> scheduledDeletion(const std::string &ns, const std::string &name) const;

private:
    // One entry of the TimedWorkerQueue, keyed by "ns/name". A fired entry stays (as the real
    // queue keeps a nil worker) so the pod is not scheduled twice; it goes when the pod does.
    struct Work {
        double createdAt = 0;
        double fireAt = 0;
        std::uint64_t id = 0;
        bool fired = false;
    };

    void nodeChanged(const std::shared_ptr<Node> &node, WatchEventType type);
    void handleNodeUpdate(const std::string &nodeName);
    void handlePodUpdate(const std::string &podKey, const std::string &nodeName);
    void processPodOnNode(const Pod &pod, const std::vector<Taint> &taints);
    void addWork(const std::string &podKey, double createdAt, double fireAt);
    void cancelWorkWithEvent(const std::string &podKey);
    void deletePod(const std::string &podKey);
    void podEvent(const std::string &podKey, const std::string &message);

    std::map<std::string, std::vector<Taint>> seenTaints_;   // the NoExecute taints of each node's last version
    std::map<std::string, std::vector<Taint>> taintedNodes_; // nodes with NoExecute taints, as handled
    std::map<std::string, Work> work_;
    std::uint64_t nextId_ = 0;
};

// v1helper.GetMatchingTolerations: whether every taint is tolerated, and the first toleration
// matching each.
std::pair<bool, std::vector<Toleration>> matchingTolerations(const std::vector<Taint> &taints,
                                                             const std::vector<Toleration> &tolerations);
// getMinTolerationTime: the shortest tolerationSeconds (0 when one is 0 or less), -1 for forever.
double minTolerationTime(const std::vector<Toleration> &used);

} // namespace podscape
