// The question the GUI asks while a pod is dragged over a node: could it run there, and if not,
// why (Simulation::checkPlacement: PreFilter and Filter on that one node). Measured on 1,000 nodes
// carrying 10,000 pods, for a pod of a Deployment, over every node in turn. Prints JSON lines.
#include "bench_support.h"
#include "sim/simulation.h"

#include <algorithm>
#include <chrono>
#include <vector>

using namespace podscape;

int main()
{
    std::vector<ObjectPtr> objects;
    for (int i = 0; i < 1000; ++i)
        objects.push_back(bench::largeNode(i));
    for (int i = 0; i < 100; ++i)
        objects.push_back(bench::makeDeployment(i, 100));
    Simulation sim;
    sim.start(objects);
    sim.runUntil(120);

    std::vector<std::string> nodes;
    for (const auto &n : sim.store().list<Node>())
        nodes.push_back(n->metadata.name);
    auto pods = sim.store().list<Pod>("default");
    const auto &pod = pods.front();

    std::vector<double> perCall;
    int fits = 0;
    for (int round = 0; round < 5; ++round)
        for (const auto &node : nodes) {
            auto t0 = std::chrono::steady_clock::now();
            PlacementCheck c = sim.checkPlacement(pod->metadata.namespace_, pod->metadata.name, node);
            perCall.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
            fits += c.fits ? 1 : 0;
        }
    std::sort(perCall.begin(), perCall.end());
    double mean = 0;
    for (double v : perCall)
        mean += v;
    mean /= double(perCall.size());
    bench::printFigure("eviction_check_us", mean, "us");
    bench::printFigure("eviction_check_us_p99", perCall[perCall.size() * 99 / 100], "us");
    bench::printFigure("eviction_check_pods", double(pods.size()), "pods");
    return fits > 0 ? 0 : 1;
}
