#include "sim/workload_status.h"

#include "sim/controllers/daemonset_controller.h"
#include "sim/controllers/deployment_controller.h"
#include "sim/controllers/replicaset_controller.h"
#include "sim/controllers/statefulset_controller.h"
#include "sim/simulation.h"

namespace podscape {

namespace {

template <typename T> WorkloadStatus rowOf(const T &obj)
{
    WorkloadStatus row;
    row.kind = obj.kind;
    row.namespace_ = obj.metadata.namespace_;
    row.name = obj.metadata.name;
    row.terminating = obj.metadata.deletionTimestamp.has_value();
    return row;
}

// The ReplicaSet controller of the given kind (ReplicaSet or ReplicationController).
const ReplicaSetController *replicaSetController(const ControllerManager &cm, const std::string &component)
{
    const ReplicaSetController *found = nullptr;
    cm.forEach([&](const Controller &c) {
        if (auto *rs = dynamic_cast<const ReplicaSetController *>(&c); rs && rs->component() == component)
            found = rs;
    });
    return found;
}

void addDeployments(const Simulation &sim, std::vector<WorkloadStatus> &out)
{
    const auto *dc = sim.controllers().find<DeploymentController>();
    for (const auto &d : sim.store().list<Deployment>()) {
        WorkloadStatus row = rowOf(*d);
        row.desired = d->spec.replicas.value_or(1);
        if (const DeploymentStatus *s = dc ? dc->statusOf(d->metadata.namespace_, d->metadata.name) : nullptr)
            row.current = s->replicas, row.ready = s->readyReplicas, row.upToDate = s->updatedReplicas,
            row.available = s->availableReplicas;
        out.push_back(row);
    }
}

template <typename T>
void addReplicaSets(const Simulation &sim, const std::string &component, std::vector<WorkloadStatus> &out)
{
    const auto *rsc = replicaSetController(sim.controllers(), component);
    for (const auto &rs : sim.store().list<T>()) {
        WorkloadStatus row = rowOf(*rs);
        row.desired = rs->spec.replicas.value_or(1);
        if (const ReplicaSetStatus *s = rsc ? rsc->statusOf(rs->metadata.namespace_, rs->metadata.name) : nullptr)
            row.current = s->replicas, row.ready = s->readyReplicas, row.available = s->availableReplicas,
            row.upToDate = s->replicas;
        out.push_back(row);
    }
}

void addStatefulSets(const Simulation &sim, std::vector<WorkloadStatus> &out)
{
    const auto *ssc = sim.controllers().find<StatefulSetController>();
    for (const auto &set : sim.store().list<StatefulSet>()) {
        WorkloadStatus row = rowOf(*set);
        row.desired = set->spec.replicas.value_or(1);
        if (const StatefulSetStatus *s = ssc ? ssc->statusOf(set->metadata.namespace_, set->metadata.name) : nullptr)
            row.current = s->replicas, row.ready = s->readyReplicas, row.upToDate = s->updatedReplicas,
            row.available = s->availableReplicas;
        out.push_back(row);
    }
}

void addDaemonSets(const Simulation &sim, std::vector<WorkloadStatus> &out)
{
    const auto *dsc = sim.controllers().find<DaemonSetController>();
    for (const auto &ds : sim.store().list<DaemonSet>()) {
        WorkloadStatus row = rowOf(*ds);
        if (const DaemonSetStatus *s = dsc ? dsc->statusOf(ds->metadata.namespace_, ds->metadata.name) : nullptr)
            row.desired = s->desiredNumberScheduled, row.current = s->currentNumberScheduled,
            row.ready = s->numberReady, row.upToDate = s->updatedNumberScheduled, row.available = s->numberAvailable;
        out.push_back(row);
    }
}

// printHPA's TARGETS: each metric as `<name>: <current>/<target>`; without a metrics pipeline
// the current value is always <unknown>.
std::string targetsOf(const HorizontalPodAutoscaler &hpa)
{
    std::string out;
    for (const auto &m : hpa.spec.metrics) {
        std::string target = m.target.averageUtilization ? std::to_string(*m.target.averageUtilization) + "%"
                             : m.target.averageValue     ? m.target.averageValue->toString()
                             : m.target.value            ? m.target.value->toString()
                                                         : "<unset>";
        if (!out.empty())
            out += ", ";
        out += (m.name.empty() ? m.type : m.name) + ": <unknown>/" + target;
    }
    return out.empty() ? "<none>" : out;
}

} // namespace

std::vector<WorkloadStatus> workloadStatuses(const Simulation &sim)
{
    std::vector<WorkloadStatus> out;
    addDeployments(sim, out);
    addReplicaSets<ReplicaSet>(sim, "replicaset-controller", out);
    addReplicaSets<ReplicationController>(sim, "replication-controller", out);
    addStatefulSets(sim, out);
    addDaemonSets(sim, out);
    return out;
}

std::vector<AutoscalerStatus> autoscalerStatuses(const Simulation &sim)
{
    std::vector<AutoscalerStatus> out;
    const auto workloads = workloadStatuses(sim);
    for (const auto &hpa : sim.store().list<HorizontalPodAutoscaler>()) {
        AutoscalerStatus row;
        row.namespace_ = hpa->metadata.namespace_;
        row.name = hpa->metadata.name;
        row.reference = hpa->spec.targetKind + "/" + hpa->spec.targetName;
        row.targets = targetsOf(*hpa);
        row.minPods = hpa->spec.minReplicas;
        row.maxPods = hpa->spec.maxReplicas;
        for (const auto &w : workloads)
            if (w.kind == hpa->spec.targetKind && w.name == hpa->spec.targetName && w.namespace_ == row.namespace_)
                row.replicas = w.current;
        out.push_back(row);
    }
    return out;
}

} // namespace podscape
