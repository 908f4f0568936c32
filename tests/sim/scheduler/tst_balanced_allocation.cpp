// NodeResourcesBalancedAllocation, after noderesources/balanced_allocation_test.go
// (TestNodeResourcesBalancedAllocation). Nodes as makeNode(name, milliCPU, memory).
#include "scheduler_test_util.h"
#include "sim/scheduler/plugins.h"

#include <QtTest>

using namespace schedtest;
using sched::PluginId;

namespace {

std::shared_ptr<Node> makeNode(const std::string &name, const char *milliCPU, const char *memory)
{
    return NodeBuilder(name).capacity({{"cpu", milliCPU}, {"memory", memory}, {"pods", "110"}}).obj();
}

PodBuilder cpuOnly(const std::string &name)
{
    return std::move(PodBuilder(name).req({{"cpu", "1000m"}, {"memory", "0"}}).req({{"cpu", "2000m"}, {"memory", "0"}}));
}

PodBuilder cpuAndMemory(const std::string &name)
{
    return std::move(PodBuilder(name).req({{"cpu", "1000m"}, {"memory", "2000"}}).req({{"cpu", "2000m"}, {"memory", "3000"}}));
}

std::optional<std::vector<std::int64_t>> score(const std::shared_ptr<Pod> &pod, const std::vector<std::shared_ptr<Node>> &nodes,
                                               const std::vector<std::shared_ptr<Pod>> &existing = {})
{
    auto snapshot = snapshotOf(nodes, existing);
    return sched::runScorePlugin(PluginId::NodeResourcesBalancedAllocation, *pod, snapshot, {"node1", "node2"});
}

}  // namespace

class TestBalancedAllocation : public QObject {
    Q_OBJECT

private slots:
    void bestEffortSkips()
    {
        // "nothing scheduled, nothing requested, skip in PreScore"
        QVERIFY(!score(PodBuilder("p").obj(), {makeNode("node1", "4000m", "10000"), makeNode("node2", "4000m", "10000")}));
    }

    void differentlySizedNodes()
    {
        // "nothing scheduled, resources requested, differently sized nodes": std 0.125 -> 87, 0 -> 100
        auto got = score(cpuAndMemory("p").obj(), {makeNode("node1", "4000m", "10000"), makeNode("node2", "6000m", "10000")});
        QCOMPARE(*got, scores({87, 100}));
    }

    void podsScheduledWithResources()
    {
        // "resources requested, pods scheduled with resources, differently sized nodes": 82, 80
        auto got = score(cpuAndMemory("p").obj(), {makeNode("node1", "10000m", "20000"), makeNode("node2", "10000m", "50000")},
                         {cpuOnly("a").node("node1").obj(), cpuAndMemory("b").node("node2").obj()});
        QCOMPARE(*got, scores({82, 80}));
    }

    void atCapacity()
    {
        // "requested resources at node capacity": fractions capped at 1 -> 50, 75
        auto got = score(cpuOnly("p").obj(), {makeNode("node1", "6000m", "10000"), makeNode("node2", "6000m", "10000")},
                         {cpuOnly("a").node("node1").obj(), cpuAndMemory("b").node("node2").obj()});
        QCOMPARE(*got, scores({50, 75}));
    }

    void threeResources()
    {
        // balancedResourceScorer with more than two fractions uses the standard deviation.
        std::array<std::int64_t, 3> requested{3000, 5000, 4};
        std::array<std::int64_t, 3> allocatable{3500, 40000, 8};
        QCOMPARE(sched::balancedResourceScore(requested, allocatable), std::int64_t(70));
    }
};

QTEST_APPLESS_MAIN(TestBalancedAllocation)
#include "tst_balanced_allocation.moc"
