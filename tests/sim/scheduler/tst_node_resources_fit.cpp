// NodeResourcesFit, after noderesources/fit_test.go (TestEnoughRequests) and
// least_allocated_test.go (TestLeastAllocatedScoringStrategy); pod requests as
// component-helpers resource.PodRequests computes them.
#include "scheduler_test_util.h"
#include "sim/scheduler/plugins.h"

#include <QtTest>

using namespace schedtest;
using sched::Code;
using sched::PluginId;

namespace {

// makeAllocatableResources(10 milli-cpu, 20 bytes, 32 pods) and a node already using `used`.
sched::ClusterSnapshot nodeUsing(Requests used)
{
    auto node = NodeBuilder("node1").capacity({{"cpu", "10m"}, {"memory", "20"}, {"pods", "32"}}).obj();
    return snapshotOf({node}, {PodBuilder("existing").node("node1").req(used).obj()});
}

sched::Status fit(const std::shared_ptr<Pod> &pod, const sched::ClusterSnapshot &snapshot)
{
    return sched::runFilterPlugin(PluginId::NodeResourcesFit, *pod, snapshot, "node1");
}

std::vector<std::int64_t> leastAllocated(const std::shared_ptr<Pod> &pod, const std::vector<std::shared_ptr<Node>> &nodes,
                                         const std::vector<std::shared_ptr<Pod>> &existing)
{
    auto snapshot = snapshotOf(nodes, existing);
    return *sched::runScorePlugin(PluginId::NodeResourcesFit, *pod, snapshot, {"node1", "node2"});
}

}  // namespace

class TestNodeResourcesFit : public QObject {
    Q_OBJECT

private slots:
    void podRequests()
    {
        // computePodResourceRequest's example: max(sum of containers, each init container).
        auto pod = PodBuilder("p")
                       .initReq({{"cpu", "2"}, {"memory", "1G"}})
                       .initReq({{"cpu", "2"}, {"memory", "3G"}})
                       .req({{"cpu", "2"}, {"memory", "1G"}})
                       .req({{"cpu", "1"}, {"memory", "1G"}})
                       .obj();
        auto r = sched::computePodResources(*pod);
        QCOMPARE(r.requests.milliCPU, std::int64_t(3000));
        QCOMPARE(r.requests.memory, std::int64_t(3000000000));
    }

    void sidecarsAndOverhead()
    {
        // Sidecars add to the app containers and stay during later init containers.
        auto pod = PodBuilder("p").initReq({{"cpu", "1"}}, true).initReq({{"cpu", "3"}}).req({{"cpu", "2"}}).obj();
        pod->spec.overhead = resources({{"cpu", "250m"}});
        QCOMPARE(sched::computePodResources(*pod).requests.milliCPU, std::int64_t(4250));  // max(1+2, 1+3) + 0.25
    }

    void nonZeroDefaults()
    {
        // schedutil.DefaultMilliCPURequest / DefaultMemoryRequest for containers without requests.
        auto r = sched::computePodResources(*PodBuilder("p").req({}).req({{"cpu", "1"}}).obj());
        QCOMPARE(r.requests.milliCPU, std::int64_t(1000));
        QCOMPARE(r.nonZeroMilliCPU, std::int64_t(1100));
        QCOMPARE(r.nonZeroMemory, std::int64_t(2 * 200 * 1024 * 1024));
    }

    void enoughRequests()
    {
        // "no resources requested always fits"
        QVERIFY(fit(PodBuilder("p").req({}).obj(), nodeUsing({{"cpu", "10m"}, {"memory", "20"}})).isSuccess());
        // "too many resources fails"
        auto s = fit(PodBuilder("p").req({{"cpu", "1m"}, {"memory", "1"}}).obj(), nodeUsing({{"cpu", "10m"}, {"memory", "20"}}));
        QCOMPARE(s.code(), Code::Unschedulable);
        QCOMPARE(s.message(), std::string("Insufficient cpu, Insufficient memory"));
        // "too many resources fails due to init container cpu"
        auto init = PodBuilder("p").req({{"cpu", "1m"}, {"memory", "1"}}).initReq({{"cpu", "3m"}, {"memory", "1"}}).obj();
        QCOMPARE(fit(init, nodeUsing({{"cpu", "8m"}, {"memory", "19"}})).message(), std::string("Insufficient cpu"));
        // "equal edge case"
        QVERIFY(fit(PodBuilder("p").req({{"cpu", "5m"}, {"memory", "4"}}).obj(), nodeUsing({{"cpu", "5m"}, {"memory", "16"}})).isSuccess());
    }

    void requestAboveAllocatableIsUnresolvable()
    {
        // #131345: a request larger than the node's allocatable cannot be helped by preemption.
        auto s = fit(PodBuilder("p").req({{"cpu", "11m"}}).obj(), nodeUsing({}));
        QCOMPARE(s.code(), Code::UnschedulableAndUnresolvable);
        QCOMPARE(s.message(), std::string("Insufficient cpu"));
    }

    void tooManyPods()
    {
        // "even for equal edge case, predicate fails when there's no space for additional pod"
        auto node = NodeBuilder("node1").capacity({{"cpu", "10m"}, {"memory", "20"}, {"pods", "1"}}).obj();
        auto snapshot = snapshotOf({node}, {PodBuilder("e").node("node1").req({{"cpu", "5m"}, {"memory", "5"}}).obj()});
        auto s = fit(PodBuilder("p").req({{"cpu", "5m"}, {"memory", "5"}}).obj(), snapshot);
        QCOMPARE(s.code(), Code::Unschedulable);
        QCOMPARE(s.message(), std::string("Too many pods"));
    }

    void extendedResource()
    {
        auto node = NodeBuilder("node1").capacity({{"cpu", "1"}, {"memory", "1Gi"}, {"pods", "10"}, {"example.com/foo", "2"}}).obj();
        auto snapshot = snapshotOf({node});
        QVERIFY(fit(PodBuilder("p").req({{"example.com/foo", "2"}}).obj(), snapshot).isSuccess());
        auto s = fit(PodBuilder("p").req({{"example.com/foo", "3"}}).obj(), snapshot);
        QCOMPARE(s.message(), std::string("Insufficient example.com/foo"));
    }

    void leastAllocatedScores()
    {
        // "nothing scheduled, resources requested, differently sized nodes"
        auto pod = PodBuilder("p").req({{"cpu", "1000"}, {"memory", "2000"}}).req({{"cpu", "2000"}, {"memory", "3000"}}).obj();
        QCOMPARE(leastAllocated(pod,
                                {NodeBuilder("node1").capacity({{"cpu", "4000"}, {"memory", "10000"}}).obj(),
                                 NodeBuilder("node2").capacity({{"cpu", "6000"}, {"memory", "10000"}}).obj()},
                                {}),
                 scores({37, 50}));
        // "no resources requested, pods scheduled with resources"
        auto big = {NodeBuilder("node1").capacity({{"cpu", "10000"}, {"memory", "20000"}}).obj(),
                    NodeBuilder("node2").capacity({{"cpu", "10000"}, {"memory", "20000"}}).obj()};
        std::vector<std::shared_ptr<Pod>> existing{
            PodBuilder("a").node("node1").req({{"cpu", "3000"}, {"memory", "0"}}).obj(),
            PodBuilder("b").node("node1").req({{"cpu", "3000"}, {"memory", "0"}}).obj(),
            PodBuilder("c").node("node2").req({{"cpu", "3000"}, {"memory", "0"}}).obj(),
            PodBuilder("d").node("node2").req({{"cpu", "3000"}, {"memory", "5000"}}).obj()};
        QCOMPARE(leastAllocated(PodBuilder("p").obj(), big, existing), scores({70, 57}));
        // "resources requested, pods scheduled with resources"
        QCOMPARE(leastAllocated(pod, big,
                                {PodBuilder("a").node("node1").req({{"cpu", "3000"}, {"memory", "0"}}).obj(),
                                 PodBuilder("b").node("node2").req({{"cpu", "3000"}, {"memory", "5000"}}).obj()}),
                 scores({57, 45}));
    }

    void leastAllocatedEdges()
    {
        // "requested resources exceed node capacity"
        auto nodes = {NodeBuilder("node1").capacity({{"cpu", "4000"}, {"memory", "10000"}}).obj(),
                      NodeBuilder("node2").capacity({{"cpu", "4000"}, {"memory", "10000"}}).obj()};
        auto pod = PodBuilder("p").req({{"cpu", "3000"}, {"memory", "0"}}).obj();
        QCOMPARE(leastAllocated(pod, nodes,
                                {PodBuilder("a").node("node1").req({{"cpu", "3000"}, {"memory", "0"}}).obj(),
                                 PodBuilder("b").node("node2").req({{"cpu", "3000"}, {"memory", "5000"}}).obj()}),
                 scores({50, 25}));
        // "zero node resources, pods scheduled with resources"
        QCOMPARE(leastAllocated(PodBuilder("p").obj(), {NodeBuilder("node1").obj(), NodeBuilder("node2").obj()}, {}),
                 scores({0, 0}));
    }
};

QTEST_APPLESS_MAIN(TestNodeResourcesFit)
#include "tst_node_resources_fit.moc"
