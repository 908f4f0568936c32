// Simulation throughput: events per second of the discrete-event loop in a steady cluster
// (100 nodes, 3,000 running pods whose readiness and liveness probes run every few seconds),
// after the start-up. Prints JSON lines.
#include "bench_support.h"
#include "cluster/api/core.h"
#include "sim/simulation.h"

#include <chrono>
#include <cstdio>

using namespace podscape;

namespace {

std::shared_ptr<Pod> makePod(int i)
{
    auto pod = std::make_shared<Pod>();
    pod->apiVersion = "v1";
    pod->kind = "Pod";
    pod->metadata.name = "app-" + std::to_string(i);
    pod->metadata.labels = {{"app", "bench"}};
    Container c;
    c.name = "app";
    c.image = "registry.k8s.io/pause:3.10";
    c.resources.requests = {{"cpu", *Quantity::parse("100m")}, {"memory", *Quantity::parse("64Mi")}};
    Probe probe;
    probe.handler.type = Handler::Type::TcpSocket;
    probe.handler.port = IntOrString::fromInt(8080);
    probe.periodSeconds = 5;
    c.readinessProbe = probe;
    probe.periodSeconds = 10;
    c.livenessProbe = probe;
    pod->spec.containers.push_back(c);
    return pod;
}

}  // namespace

int main()
{
    std::vector<ObjectPtr> objects;
    for (int i = 0; i < 100; ++i)
        objects.push_back(bench::largeNode(i));
    for (int i = 0; i < 3000; ++i)
        objects.push_back(makePod(i));
    Simulation sim;
    auto t0 = std::chrono::steady_clock::now();
    sim.start(objects);
    sim.runUntil(600);  // every pod scheduled, started and ready
    auto t1 = std::chrono::steady_clock::now();
    std::uint64_t startEvents = sim.clock().eventsRun();
    sim.runUntil(600 + 3600);
    auto t2 = std::chrono::steady_clock::now();
    double startup = std::chrono::duration<double>(t1 - t0).count();
    double steady = std::chrono::duration<double>(t2 - t1).count();
    bench::printFigure("sim_startup_s_3k_pods", startup, "s");
    bench::printFigure("sim_events_per_s", double(sim.clock().eventsRun() - startEvents) / steady, "events/s");
    return 0;
}
