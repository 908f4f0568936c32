// The controllers at scale: 100 Deployments of 100 replicas on 1,000 nodes, from `kubectl
// apply` until every pod is Running (Deployment → ReplicaSet → pods → scheduler → kubelets),
// wall time and peak memory. Arguments override the shape: DEPLOYMENTS REPLICAS NODES [NAME],
// NAME the figures' prefix ("controllers" by default; bench/run names the 100,000-pod run
// "simulate", as the table has it). Prints JSON lines.
#include "bench_support.h"
#include "cluster/pod_status.h"
#include "sim/simulation.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/resource.h>
#include <unordered_set>

using namespace podscape;

namespace {

int argOr(int argc, char **argv, int i, int fallback)
{
    return argc > i ? std::atoi(argv[i]) : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    const int deployments = argOr(argc, argv, 1, 100);
    const int replicas = argOr(argc, argv, 2, 100);
    const int nodes = argOr(argc, argv, 3, 1000);
    const std::string prefix = argc > 4 ? argv[4] : "controllers";
    // The scheduler's cost grows with the pods already bound (PodTopologySpread's default
    // constraints count matching pods on every node for every pod): past this many wall
    // seconds the run stops and says how far it got, rather than running for hours.
    const double budget = argc > 5 ? std::atof(argv[5]) : 300;
    const std::size_t wanted = std::size_t(deployments) * std::size_t(replicas);

    std::vector<ObjectPtr> objects;
    for (int i = 0; i < nodes; ++i)
        objects.push_back(bench::largeNode(i));
    for (int i = 0; i < deployments; ++i)
        objects.push_back(bench::makeDeployment(i, replicas));

    auto t0 = std::chrono::steady_clock::now();
    Simulation sim;
    // Pods Running, kept by a watch: listing 100,000 pods every 5 virtual seconds would cost
    // more than some of the work measured.
    std::unordered_set<const Object *> runningPods;
    sim.store().watch([&runningPods](const WatchEvent &e) {
        auto *pod = dynamic_cast<const Pod *>(e.object.get());
        if (!pod)
            return;
        if (e.type != WatchEventType::Deleted && pod->status.phase == "Running")
            runningPods.insert(pod);
        else
            runningPods.erase(pod);
    });
    sim.start(objects);
    std::size_t running = 0;
    double t = 0;
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    bool overBudget = false;
    while (running < wanted && t < 3600 && !overBudget) {
        t += 5;
        // Event by event, so the wall budget is checked within a busy 5 virtual seconds too.
        for (std::uint64_t n = 1; sim.clock().nextEventTime() <= t && sim.step(); ++n)
            if (n % 1000 == 0 && elapsed() > budget) {
                overBudget = true;
                break;
            }
        if (!overBudget)
            sim.runUntil(t);
        running = runningPods.size();
    }
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);

    const std::string shape = std::to_string(wanted / 1000) + "k_pods";
    if (running < wanted)
        std::fprintf(stderr, "only %zu of %zu pods Running after %.0f virtual s, %.0f wall s%s\n", running, wanted, t,
                     wall, overBudget ? " (the wall budget)" : "");
    bench::printFigure(prefix + "_s_" + shape, wall, "s");
    bench::printFigure(prefix + "_virtual_s_" + shape, t, "s");
    bench::printFigure(prefix + "_events_" + shape, double(sim.clock().eventsRun()), "events");
    bench::printFigure((prefix == "controllers" ? "controllers_peak_rss_mb_" : "peak_rss_mb_") + shape,
                       double(usage.ru_maxrss) / 1024.0, "MB");
    bench::printFigure(prefix + "_running_pods_" + shape, double(running), "pods");
    // Over budget is a figure, not a failure: bench/run goes on to the next benchmark.
    return running < wanted && !overBudget ? 1 : 0;
}
