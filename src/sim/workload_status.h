// What `kubectl get deployments,replicasets,statefulsets,daemonsets,hpa` prints for the
// workloads of a simulation, from the controllers' status: one row per object, for the JSON
// output, the text report and the GUI.
#pragma once

#include <string>
#include <vector>

namespace podscape {

class Simulation;

struct WorkloadStatus {
    std::string kind;
    std::string namespace_;
    std::string name;
    int desired = 0; // spec.replicas, or the nodes a DaemonSet should run on
    int current = 0; // pods that exist (status.replicas / currentNumberScheduled)
    int ready = 0;
    int upToDate = 0; // on the current template
    int available = 0;
    bool terminating = false; // being deleted (foreground or orphan deletion)
};

// kubectl get hpa: REFERENCE, TARGETS (`cpu: <unknown>/50%`: Podscape has no metrics server, so
// the autoscaler is shown with its targets and never acts), MINPODS, MAXPODS, REPLICAS.
struct AutoscalerStatus {
    std::string namespace_;
    std::string name;
    std::string reference; // "Deployment/web"
    std::string targets;
    int minPods = 1;
    int maxPods = 0;
    int replicas = 0; // the target's current replicas
};

std::vector<WorkloadStatus> workloadStatuses(const Simulation &sim);
std::vector<AutoscalerStatus> autoscalerStatuses(const Simulation &sim);

} // namespace podscape
