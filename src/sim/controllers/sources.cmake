set(PODSCAPE_CONTROLLER_SOURCES
    sim/controllers/controller_utils.h sim/controllers/controller_utils.cpp
    sim/controllers/replicaset_controller.h sim/controllers/replicaset_controller.cpp
    sim/controllers/deployment_controller.h sim/controllers/deployment_controller.cpp
    sim/controllers/pod_template_hash.cpp
    sim/controllers/daemonset_controller.h sim/controllers/daemonset_controller.cpp
    sim/controllers/statefulset_controller.h sim/controllers/statefulset_controller.cpp
    sim/controllers/garbage_collector.h sim/controllers/garbage_collector.cpp
    sim/controllers/cron_schedule.h sim/controllers/cron_schedule.cpp
    sim/controllers/job_controller.h sim/controllers/job_controller.cpp
    sim/controllers/cronjob_controller.h sim/controllers/cronjob_controller.cpp
    sim/controllers/disruption_controller.h sim/controllers/disruption_controller.cpp
    sim/controllers/pods_by_node.h sim/controllers/pods_by_node.cpp
    sim/controllers/pod_informer.h sim/controllers/pod_informer.cpp
    sim/controllers/node_lifecycle_controller.h sim/controllers/node_lifecycle_controller.cpp
    sim/controllers/taint_eviction_controller.h sim/controllers/taint_eviction_controller.cpp
    sim/controllers/pod_gc_controller.h sim/controllers/pod_gc_controller.cpp
)
