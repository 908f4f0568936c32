// One simulated cluster: the object store, the API server, the scheduler, a kubelet per node and
// the controllers, driven by one virtual clock. The command line, the GUI and the tests all use it.
#pragma once

#include "cluster/events.h"
#include "cluster/object_store.h"
#include "sim/clock.h"
#include "sim/endpoints_controller.h"
#include "sim/kube_apiserver.h"
#include "sim/kube_scheduler.h"
#include "sim/names.h"
#include "sim/persistent_volume_controller.h"

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace podscape {

class ControllerManager;
class Kubelet;
class KubeScheduler;

struct SimulationOptions {
    std::uint64_t seed = 1;
    std::string defaultNamespace = "default";  // kubectl -n: for objects that name none
};

// An object the API server refused (DESIGN 4, rejected[]).
struct Rejection {
    double time = 0;
    std::string kind;
    std::string namespace_;
    std::string name;
    SourceLocation source;
    std::string message;
};

// One call of the Eviction API (DESIGN 4, evictions[]): a drag, an actions-file step or a drain.
struct EvictionRecord {
    double time = 0;
    std::string pod;                // "ns/name"
    std::optional<std::string> to;  // the node the pod was dropped on
    bool allowed = false;
    std::string reason;   // refused: TooManyRequests, NotFound, NodeDoesNotFit, ...
    std::string message;  // refused: the API server's or the scheduler's words
    std::string cause;    // the API error's cause (a PodDisruptionBudget's numbers)
    std::string controller;  // "ReplicaSet/web-7c5d": it replaces the pod; empty for a bare pod
};

// A line kubectl printed (drain's progress), with its virtual time.
struct KubectlLine {
    double time = 0;
    std::string text;
    bool error = false;  // written to stderr
};

class Simulation {
public:
    explicit Simulation(SimulationOptions options = {});
    ~Simulation();

    // Starts the cluster (the Node objects among `objects`, or the default nodes), then applies
    // every other object as `kubectl apply -f` does: one request after another, in order.
    void start(const std::vector<ObjectPtr> &objects);
    // kubectl apply / kubectl delete at the current virtual time.
    void apply(const std::vector<ObjectPtr> &objects);
    // propagationPolicy: Background (kubectl's default), Foreground or Orphan.
    std::optional<ApiError> remove(const std::string &kind, const std::string &ns, const std::string &name,
                                   const std::string &propagationPolicy = "Background");
    // kubectl scale: a Deployment, ReplicaSet, ReplicationController or StatefulSet to `replicas`.
    std::optional<ApiError> scale(const std::string &kind, const std::string &ns, const std::string &name, int replicas);
    // Kills a running container's main process with SIGKILL (DESIGN 3.3, `kill` action), like
    // `kubectl exec POD -c CONTAINER -- kill -9 1`, with the errors that command meets on its way
    // (an empty container name means kubectl's default container). The kubelet then restarts the
    // container, or not, as the pod's restartPolicy says.
    std::optional<ApiError> killContainer(const std::string &ns, const std::string &pod, const std::string &container);

    // The Eviction API on one pod (DESIGN 3.3). With `to`, the drag onto a node: when the pod
    // could not run there nothing happens and the scheduler's reason is returned; when it could,
    // the pod is evicted and its controller's replacement is placed on that node. Recorded in
    // evictions().
    EvictionRecord evict(const std::string &ns, const std::string &name, const std::optional<std::string> &to = {});
    // Could the pod run on `node`? The scheduler's answer; nothing changes.
    PlacementCheck checkPlacement(const std::string &ns, const std::string &name, const std::string &node) const;
    // kubectl drain --ignore-daemonsets --delete-emptydir-data --force: cordon, then evict every
    // pod but DaemonSet and mirror pods, retrying refused evictions every 5 s until all are gone.
    std::optional<ApiError> drainNode(const std::string &name);
    const std::vector<EvictionRecord> &evictions() const { return evictions_; }
    const std::vector<KubectlLine> &kubectlOutput() const { return kubectlOutput_; }
    void kubectlPrint(const std::string &text, bool error = false) { kubectlOutput_.push_back({now(), text, error}); }

    // Node operations (DESIGN 3.3). Each answers as kubectl would: `nodes "x" not found`.
    // kubectl cordon / uncordon: spec.unschedulable; the node lifecycle controller adds or removes
    // the node.kubernetes.io/unschedulable:NoSchedule taint.
    std::optional<ApiError> cordonNode(const std::string &name);
    std::optional<ApiError> uncordonNode(const std::string &name);
    // The node's kubelet stops (no status, no Lease, no work on its pods) / starts again.
    std::optional<ApiError> failNode(const std::string &name);
    std::optional<ApiError> recoverNode(const std::string &name);
    // A new worker registers, like the default cluster's (labels, zone, 4 CPU / 8Gi / 110 pods, the
    // next free podCIDR); an empty name takes nextWorkerName().
    std::optional<ApiError> addNode(const std::string &name = {});
    std::string nextWorkerName() const;
    // kubectl delete node: the Node object goes, and its kubelet with it; its pods stay until the
    // pod garbage collector removes them.
    std::optional<ApiError> removeNode(const std::string &name);

    void runUntil(double time) { clock_.runUntil(time); }
    bool step() { return clock_.step(); }

    double now() const { return clock_.now(); }
    ObjectStore &store() { return store_; }
    const ObjectStore &store() const { return store_; }
    SimClock &clock() { return clock_; }
    KubeApiServer &apiServer() { return api_; }
    const EventRecorder &events() const { return events_; }
    EventRecorder &events() { return events_; }
    const TraceRecorder &traces() const { return traces_; }
    TraceRecorder &traces() { return traces_; }
    const EndpointsController &endpoints() const { return endpoints_; }
    const std::vector<Rejection> &rejected() const { return rejected_; }
    // kube-controller-manager, for the controllers' status accessors (controllers().find<T>()).
    const ControllerManager &controllers() const { return *controllers_; }
    KubeScheduler &scheduler() { return *scheduler_; }
    const KubeScheduler &scheduler() const { return *scheduler_; }
    Kubelet *kubelet(const std::string &nodeName) const;

private:
    void onWatch(const WatchEvent &event);
    void onPod(WatchEventType type, const std::shared_ptr<Pod> &pod);
    void addKubelet(const std::shared_ptr<Node> &node);
    void submit(const ObjectPtr &obj, double requestStart);
    std::optional<std::pair<std::string, std::string>> refuseDrop(const Pod &pod, const std::string &node,
                                                                  bool checkFit) const;
    std::optional<ApiError> setUnschedulable(const std::string &name, bool unschedulable);

    SimulationOptions options_;
    SimClock clock_;
    ObjectStore store_;
    EventRecorder events_;
    TraceRecorder traces_;
    NameGenerator names_;
    KubeApiServer api_;
    EndpointsController endpoints_;
    PersistentVolumeController volumes_;
    std::unique_ptr<KubeScheduler> scheduler_;
    std::unique_ptr<ControllerManager> controllers_;
    std::unordered_map<std::string, std::unique_ptr<Kubelet>> kubelets_; // by node name
    std::vector<Rejection> rejected_;
    std::vector<EvictionRecord> evictions_;
    std::vector<KubectlLine> kubectlOutput_;
    double kubectlFreeAt_ = 0;  // kubectl sends one request at a time
};

}  // namespace podscape
