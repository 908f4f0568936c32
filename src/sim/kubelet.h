// The kubelet of one node: it runs the pods bound to its node (DESIGN 3.1 step 4): sandbox and
// CNI (the pod IP), volumes (CSI and the in-tree plugins), images and containers through the CRI
// (init containers one by one, native sidecars, app containers), probes, and status reports; and
// it stops them again when they are deleted (DESIGN 3.2).
#pragma once

#include "cluster/events.h"
#include "sim/kube_apiserver.h"

#include <bitset>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace podscape {

class Kubelet {
public:
    Kubelet(std::shared_ptr<Node> node, KubeApiServer &api, EventRecorder &events, TraceRecorder &traces);
    ~Kubelet();

    const std::string &nodeName() const { return nodeName_; }
    // The Node object changed (or a new version replaced it in the store).
    void setNode(std::shared_ptr<Node> node);
    const std::set<std::string> &images() const { return images_; }

    // The kubelet process stops (the node failed): no more node status, no more work on its pods;
    // their containers stay as the API last saw them. Work that falls due meanwhile waits.
    void stop();
    // The kubelet runs again: it posts its node status (Ready), finishes the pods deleted
    // meanwhile, starts those bound meanwhile, reports its running pods again and carries on.
    void resume();
    bool stopped() const { return stopped_; }

    // Called for every change to a pod bound to this node (from the store's watch).
    void podChanged(const std::shared_ptr<Pod> &pod);
    void podRemoved(const std::shared_ptr<Pod> &pod);
    // Kills the main process of a running container with SIGKILL, as `kill -9` inside it would:
    // it exits with 137 and the pod's restartPolicy decides what follows. The error is the
    // kubelet's own when the container is not running here (pkg/kubelet/kubelet_pods.go GetExec).
    std::optional<ApiError> killContainer(const Pod &pod, const std::string &container);

private:
    struct ContainerRun;
    struct PodWorker;

    void admit(const std::shared_ptr<PodWorker> &w);
    void startSandbox(const std::shared_ptr<PodWorker> &w);
    void mountVolumes(const std::shared_ptr<PodWorker> &w);
    std::string unboundClaim(const Pod &pod, const Volume &vol) const;
    std::string missingVolumeSource(const Pod &pod, const Volume &vol) const;
    void startNextInitContainer(const std::shared_ptr<PodWorker> &w);
    void startAppContainers(const std::shared_ptr<PodWorker> &w);
    void runContainer(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index, std::function<void()> onStarted);
    void pullImage(const std::shared_ptr<PodWorker> &w, const Container &c, const std::string &fieldPath,
                   std::function<void()> then);
    void containerStarted(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index);
    void containerExited(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index, int exitCode);
    void syncExitedContainer(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index);
    void restartContainer(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index, double finishedAt);
    void scheduleProbes(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index);
    void keepProbing(const std::shared_ptr<PodWorker> &w, bool init, std::size_t index, std::uint64_t runId,
                     double period);
    void refreshPodStatus(const std::shared_ptr<PodWorker> &w);
    void terminate(const std::shared_ptr<PodWorker> &w);
    void finishTermination(const std::shared_ptr<PodWorker> &w);

    ContainerStatus &statusOf(Pod &pod, bool init, std::size_t index);
    const Container &specOf(const Pod &pod, bool init, std::size_t index) const;
    void event(const Pod &pod, const std::string &type, const std::string &reason, const std::string &message,
               const std::string &fieldPath = {});
    void trace(const Pod &pod, const std::string &component, const std::string &stage, const std::string &detail = {});
    // Runs `fn` after `delay` unless the pod worker has moved on (deleted, restarted) meanwhile.
    void later(const std::shared_ptr<PodWorker> &w, double delay, std::function<void()> fn);
    std::string allocateIp();
    void releaseIp(const std::string &ip);
    std::string podRef(const Pod &pod) const;
    // The node status loop (syncNodeStatus every nodeStatusUpdateFrequency), reduced to what
    // shows: the NodeSchedulable / NodeNotSchedulable events, and the conditions after a restart.
    void scheduleNodeStatusSync();
    void syncNodeStatus();
    void postReadyStatus();
    void nodeEvent(const std::string &reason);

    std::shared_ptr<Node> node_;
    std::string nodeName_;
    std::string nodeIp_;
    KubeApiServer &api_;
    EventRecorder &events_;
    TraceRecorder &traces_;
    std::set<std::string> images_;  // the node's image cache
    std::unordered_map<std::string, std::shared_ptr<PodWorker>> workers_; // by pod uid
    std::bitset<256> usedIps_;  // host parts of the podCIDR (a /24) in use
    std::string cidrPrefix_;  // "10.244.1."

    bool stopped_ = false;
    std::vector<std::function<void()>> paused_;          // pod work that fell due while stopped
    std::map<std::string, std::shared_ptr<Pod>> missed_; // pods that changed while stopped, by uid
    double statusLoopStart_ = 0;
    bool statusSyncScheduled_ = false;
    bool lastNodeUnschedulable_ = false;
    std::shared_ptr<char> alive_ = std::make_shared<char>(); // clock callbacks outliving the kubelet check it
};

}  // namespace podscape
