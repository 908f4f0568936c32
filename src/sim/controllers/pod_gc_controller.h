// The pod garbage collector (pkg/controller/podgc/gc_controller.go), the parts a node's fate
// decides:
// - gcOrphaned: pods bound to a node that no longer exists are force-deleted (phase Failed, the
//   DisruptionTarget condition DeletionByPodGC, grace period 0) once the node has stayed missing
//   for the quarantine time;
// - gcTerminating: terminating pods on a not-Ready node tainted node.kubernetes.io/out-of-service
//   are force-deleted (non-graceful node shutdown).
// The real controller lists every pod every gcCheckPeriod. Podscape runs a pass, on the same 20 s
// grid, only while some node is missing or out of service.
// (gcTerminated, the terminated-pod threshold of 12,500, and gcUnscheduledTerminating, which the
// API server here never leaves work for, are not played.)
#pragma once

#include "sim/controllers/controller.h"

#include <map>
#include <set>
#include <string>

namespace podscape {

class PodGCController : public Controller {
public:
    static constexpr double kGcCheckPeriod = 20;  // gcCheckPeriod
    static constexpr double kQuarantineTime = 40; // quarantineTime

    explicit PodGCController(ControllerContext ctx);
    void onWatch(const WatchEvent &event, const PodDelta &delta) override;

private:
    void observeNode(const std::shared_ptr<Node> &node, WatchEventType type);
    void schedulePass();
    void gc();
    void gcTerminating();
    void gcOrphaned();
    bool outOfService(const Node &node) const;
    void markFailedAndDeletePod(const std::shared_ptr<Pod> &pod, const PodCondition *condition);

    std::set<std::string> nodes_;              // the nodes that exist
    std::set<std::string> outOfServiceNodes_;  // not Ready and tainted out-of-service
    std::map<std::string, double> quarantine_; // missing node → when its quarantine ends (nodeQueue)
    bool passScheduled_ = false;
};

} // namespace podscape
