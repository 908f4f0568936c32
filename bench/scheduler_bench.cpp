// Scheduling throughput on a 1,000-node cluster, shaped like kube-scheduler's scheduler_perf
// workloads (test/integration/scheduler_perf/config): nodes as node-default.yaml (4 cpu, 32Gi,
// 110 pods; here also labelled kubernetes.io/hostname), pods as pod-default.yaml (one pause
// container, cpu 100m, memory 500Mi) and pod-with-pod-anti-affinity.yaml (label color=green,
// required anti-affinity to color=green on kubernetes.io/hostname).
//
// Every attempt runs the default plugins with the adaptive percentageOfNodesToScore, and a
// scheduled pod is bound (the snapshot updated) before the next attempt. Prints JSON lines:
//   schedule_pods_per_s           10,000 SchedulingBasic pods
//   schedule_pods_per_s_affinity  10,000 anti-affinity pods (1,000 fit; the rest are attempts
//                                 that end in FailedScheduling, preemption check included)
#include "sim/scheduler/schedule_one.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

using namespace podscape;

namespace {

constexpr int kNodes = 1000;
constexpr int kPods = 10000;

Quantity q(const char *text)
{
    return *Quantity::parse(text);
}

std::shared_ptr<Node> makeNode(int i)
{
    auto node = std::make_shared<Node>();
    char name[32];
    std::snprintf(name, sizeof name, "scheduler-perf-%04d", i);
    node->kind = "Node";
    node->metadata.name = name;
    node->metadata.labels = {{"kubernetes.io/hostname", name}, {"kubernetes.io/os", "linux"}};
    node->status.capacity = {{"cpu", q("4")}, {"memory", q("32Gi")}, {"pods", q("110")}};
    node->status.allocatable = node->status.capacity;
    return node;
}

std::shared_ptr<Pod> makePod(int i, bool antiAffinity)
{
    auto pod = std::make_shared<Pod>();
    pod->kind = "Pod";
    pod->metadata.name = (antiAffinity ? "anti-affinity-pod-" : "pod-") + std::to_string(i);
    pod->metadata.namespace_ = "default";
    pod->metadata.uid = "uid-" + std::to_string(i);
    Container c;
    c.name = "pause";
    c.image = "registry.k8s.io/pause:3.9";
    c.ports.push_back({"", 80, 0, "", "TCP"});
    c.resources.requests = {{"cpu", q("100m")}, {"memory", q("500Mi")}};
    c.resources.limits = c.resources.requests;
    pod->spec.containers.push_back(c);
    pod->spec.priority = 0;
    if (antiAffinity) {
        pod->metadata.labels = {{"color", "green"}};
        PodAffinityTerm term;
        term.labelSelector = LabelSelector{{{"color", "green"}}, {}};
        term.topologyKey = "kubernetes.io/hostname";
        pod->spec.affinity = Affinity{};
        pod->spec.affinity->podAntiAffinity = PodAffinity{{term}, {}};
    }
    return pod;
}

struct Run {
    double seconds = 0;     // wall clock
    double cpuSeconds = 0;  // this thread's CPU time (what a loaded machine does not distort)
    int scheduled = 0;
};

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

Run run(bool antiAffinity)
{
    sched::ClusterSnapshot snapshot;
    for (int i = 0; i < kNodes; ++i)
        snapshot.setNode(makeNode(i));
    std::vector<std::shared_ptr<Pod>> pods;
    for (int i = 0; i < kPods; ++i)
        pods.push_back(makePod(i, antiAffinity));
    sched::SchedulerState state(42);
    sched::ScheduleResult result;
    Run r;
    const double cpuStart = threadCpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    for (const auto &pod : pods) {
        sched::schedulePod(*pod, snapshot, state, result);
        if (result.scheduled()) {
            snapshot.addPod(pod, result.selectedNode);
            ++r.scheduled;
        }
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.cpuSeconds = threadCpuSeconds() - cpuStart;
    return r;
}

void print(const char *name, const Run &r)
{
    std::printf("{\"name\": \"%s\", \"value\": %.0f, \"unit\": \"pods/s\"}\n", name, kPods / r.seconds);
    std::fprintf(stderr, "%s: %d/%d scheduled in %.3f s wall, %.3f s CPU (%.0f pods per CPU second)\n", name,
                 r.scheduled, kPods, r.seconds, r.cpuSeconds, kPods / r.cpuSeconds);
}

}  // namespace

// Optional argument "basic" or "affinity" runs one workload only (for profiling).
int main(int argc, char **argv)
{
    const std::string only = argc > 1 ? argv[1] : "";
    if (only.empty() || only == "basic")
        print("schedule_pods_per_s", run(false));
    if (only.empty() || only == "affinity")
        print("schedule_pods_per_s_affinity", run(true));
    return 0;
}
