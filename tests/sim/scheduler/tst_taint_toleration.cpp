// TaintToleration, after tainttoleration/taint_toleration_test.go (TestTaintTolerationFilter,
// TestTaintTolerationScore); v1.35 reports "node(s) had untolerated taint(s)".
#include "scheduler_test_util.h"

#include <QtTest>

using namespace schedtest;
using sched::Code;
using sched::PluginId;

namespace {

sched::Status filter(const std::shared_ptr<Pod> &pod, const std::shared_ptr<Node> &node)
{
    auto snapshot = snapshotOf({node});
    return sched::runFilterPlugin(PluginId::TaintToleration, *pod, snapshot, node->metadata.name);
}

std::vector<std::int64_t> score(const std::shared_ptr<Pod> &pod, const std::vector<std::shared_ptr<Node>> &nodes)
{
    auto snapshot = snapshotOf(nodes);
    std::vector<std::string> names;
    for (const auto &n : nodes)
        names.push_back(n->metadata.name);
    return *sched::runScorePlugin(PluginId::TaintToleration, *pod, snapshot, names);
}

}  // namespace

class TestTaintToleration : public QObject {
    Q_OBJECT

private slots:
    void podWithoutTolerationsRejected()
    {
        // "A pod having no tolerations can't be scheduled onto a node with nonempty taints"
        auto s = filter(PodBuilder("p").obj(), NodeBuilder("nodeA").taint("dedicated", "user1", "NoSchedule").obj());
        QCOMPARE(s.code(), Code::UnschedulableAndUnresolvable);
        QCOMPARE(s.message(), std::string("node(s) had untolerated taint(s)"));
    }

    void matchingTolerations()
    {
        auto node = NodeBuilder("nodeA").taint("dedicated", "user1", "NoSchedule").obj();
        // "A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule"
        QVERIFY(filter(PodBuilder("p").toleration("dedicated", "", "user1", "NoSchedule").obj(), node).isSuccess());
        // "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule"
        QVERIFY(!filter(PodBuilder("p").toleration("dedicated", "Equal", "user2", "NoSchedule").obj(), node).isSuccess());
        // "... a toleration uses operator Exists that tolerates the taints on the node"
        auto foo = NodeBuilder("nodeA").taint("foo", "bar", "NoSchedule").obj();
        QVERIFY(filter(PodBuilder("p").toleration("foo", "Exists", "", "NoSchedule").obj(), foo).isSuccess());
        // "... keys and values match the taint on the node, but (non-empty) effect doesn't match"
        QVERIFY(!filter(PodBuilder("p").toleration("foo", "Equal", "bar", "PreferNoSchedule").obj(), foo).isSuccess());
        // "... the effect of toleration is empty, and the effect of taint is NoSchedule"
        QVERIFY(filter(PodBuilder("p").toleration("foo", "Equal", "bar", "").obj(), foo).isSuccess());
    }

    void preferNoScheduleDoesNotFilter()
    {
        // "The pod has no toleration, but the effect of taint on node is PreferNoSchedule"
        auto node = NodeBuilder("nodeA").taint("dedicated", "user1", "PreferNoSchedule").obj();
        QVERIFY(filter(PodBuilder("p").obj(), node).isSuccess());
    }

    void scoreToleratedHigher()
    {
        // "node with taints tolerated by the pod, gets a higher score than those node with intolerable taints"
        auto pod = PodBuilder("pod1").toleration("foo", "Equal", "bar", "PreferNoSchedule").obj();
        auto got = score(pod, {NodeBuilder("nodeA").taint("foo", "bar", "PreferNoSchedule").obj(),
                               NodeBuilder("nodeB").taint("foo", "blah", "PreferNoSchedule").obj()});
        QCOMPARE(got, scores({100, 0}));
    }

    void scoreCountsIntolerable()
    {
        // "the more intolerable taints a node has, the lower score it gets."
        auto pod = PodBuilder("pod1").toleration("foo", "Equal", "bar", "PreferNoSchedule").obj();
        auto got = score(pod, {NodeBuilder("nodeA").obj(),
                               NodeBuilder("nodeB").taint("cpu-type", "arm64", "PreferNoSchedule").obj(),
                               NodeBuilder("nodeC")
                                   .taint("cpu-type", "arm64", "PreferNoSchedule")
                                   .taint("disk-type", "ssd", "PreferNoSchedule")
                                   .obj()});
        QCOMPARE(got, scores({100, 50, 0}));
    }

    void scoreOnlyPreferNoSchedule()
    {
        // "only taints and tolerations that have effect PreferNoSchedule are checked by taints-tolerations priority function"
        auto pod = PodBuilder("pod1")
                       .toleration("cpu-type", "Equal", "arm64", "NoSchedule")
                       .toleration("disk-type", "Equal", "ssd", "NoSchedule")
                       .obj();
        auto got = score(pod, {NodeBuilder("nodeA").obj(), NodeBuilder("nodeB").taint("cpu-type", "arm64", "NoSchedule").obj(),
                               NodeBuilder("nodeC")
                                   .taint("cpu-type", "arm64", "PreferNoSchedule")
                                   .taint("disk-type", "ssd", "PreferNoSchedule")
                                   .obj()});
        QCOMPARE(got, scores({100, 100, 0}));
    }
};

QTEST_APPLESS_MAIN(TestTaintToleration)
#include "tst_taint_toleration.moc"
