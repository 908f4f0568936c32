#include "sim/controllers/controller.h"

#include "sim/controllers/cronjob_controller.h"
#include "sim/controllers/daemonset_controller.h"
#include "sim/controllers/deployment_controller.h"
#include "sim/controllers/disruption_controller.h"
#include "sim/controllers/garbage_collector.h"
#include "sim/controllers/job_controller.h"
#include "sim/controllers/node_lifecycle_controller.h"
#include "sim/controllers/pod_gc_controller.h"
#include "sim/controllers/replicaset_controller.h"
#include "sim/controllers/statefulset_controller.h"
#include "sim/controllers/taint_eviction_controller.h"

namespace podscape {

// Controllers register here, in the order kube-controller-manager starts them. The ReplicaSet
// controller comes before the Deployment controller, so on the same virtual instant a set's
// reconcile (and its status) runs before its Deployment's.
ControllerManager::ControllerManager(KubeApiServer &api, EventRecorder &events, TraceRecorder &traces)
{
    const ControllerContext ctx{api, events, traces, pods_};
    auto replicaSets = std::make_unique<ReplicaSetController>(ctx, "ReplicaSet");
    auto deployments = std::make_unique<DeploymentController>(ctx, *replicaSets);
    controllers_.push_back(std::move(replicaSets));
    controllers_.push_back(std::make_unique<ReplicaSetController>(ctx, "ReplicationController"));
    controllers_.push_back(std::move(deployments));
    controllers_.push_back(std::make_unique<DaemonSetController>(ctx));
    controllers_.push_back(std::make_unique<StatefulSetController>(ctx));
    // The Job controller comes before the CronJob and TTL-after-finished controllers, which read
    // its statuses.
    auto jobs = std::make_unique<JobController>(ctx);
    auto cronJobs = std::make_unique<CronJobController>(ctx, *jobs);
    auto ttl = std::make_unique<TtlAfterFinishedController>(ctx, *jobs);
    controllers_.push_back(std::move(jobs));
    controllers_.push_back(std::move(cronJobs));
    controllers_.push_back(std::move(ttl));
    controllers_.push_back(std::make_unique<DisruptionController>(ctx));
    controllers_.push_back(std::make_unique<GarbageCollector>(ctx));
    // The node controllers: node health and the taints it implies, the evictions those taints
    // call for, and the pods whose node is gone.
    controllers_.push_back(std::make_unique<NodeLifecycleController>(ctx));
    controllers_.push_back(std::make_unique<TaintEvictionController>(ctx));
    controllers_.push_back(std::make_unique<PodGCController>(ctx));
}

ControllerManager::~ControllerManager() = default;

void ControllerManager::onWatch(const WatchEvent &event)
{
    // Kept on the stack: a controller that writes to the API server from its handler re-enters
    // here with the next event before the others have seen this one.
    const PodDelta delta = pods_.observe(event);
    for (auto &c : controllers_)
        c->onWatch(event, delta);
}

}  // namespace podscape
