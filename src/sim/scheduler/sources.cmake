# The kube-scheduler library (paths relative to src/).
set(PODSCAPE_SCHEDULER_SOURCES
    sim/scheduler/framework.h sim/scheduler/framework.cpp
    sim/scheduler/resources.cpp
    sim/scheduler/node_info.cpp
    sim/scheduler/matching_pod_counts.h sim/scheduler/matching_pod_counts.cpp
    sim/scheduler/cluster_snapshot.h sim/scheduler/cluster_snapshot.cpp
    sim/scheduler/helpers.h sim/scheduler/helpers.cpp
    sim/scheduler/plugins.h
    sim/scheduler/node_unschedulable.cpp
    sim/scheduler/node_name.cpp
    sim/scheduler/taint_toleration.cpp
    sim/scheduler/node_affinity.cpp
    sim/scheduler/node_ports.cpp
    sim/scheduler/node_resources_fit.cpp
    sim/scheduler/balanced_allocation.cpp
    sim/scheduler/volume_restrictions.cpp
    sim/scheduler/volume_binding.cpp
    sim/scheduler/pod_topology_spread.cpp
    sim/scheduler/inter_pod_affinity.cpp
    sim/scheduler/image_locality.cpp
    sim/scheduler/fit_error.h sim/scheduler/fit_error.cpp
    sim/scheduler/nominator.h sim/scheduler/nominator.cpp
    sim/scheduler/preemption.h sim/scheduler/preemption.cpp
    sim/scheduler/schedule_one.h sim/scheduler/schedule_one.cpp
)
