// NodeAffinity, after nodeaffinity/node_affinity_test.go (TestNodeAffinity,
// TestNodeAffinityPriority).
#include "scheduler_test_util.h"

#include <QtTest>

using namespace schedtest;
using sched::Code;
using sched::PluginId;

namespace {

NodeSelectorRequirement in(const std::string &key, std::vector<std::string> values)
{
    return {key, SelectorOperator::In, std::move(values)};
}

NodeSelectorTerm expressions(std::vector<NodeSelectorRequirement> r)
{
    NodeSelectorTerm t;
    t.matchExpressions = std::move(r);
    return t;
}

NodeSelectorTerm fields(std::vector<NodeSelectorRequirement> r)
{
    NodeSelectorTerm t;
    t.matchFields = std::move(r);
    return t;
}

PodBuilder requiring(std::vector<NodeSelectorTerm> terms)
{
    PodBuilder b("p");
    b.affinity().nodeAffinity = NodeAffinity{NodeSelector{std::move(terms)}, {}};
    return b;
}

}  // namespace

class TestNodeAffinity : public QObject {
    Q_OBJECT

private slots:
    void nodeSelector()
    {
        auto bare = snapshotOf({NodeBuilder("node1").obj()});
        // "missing labels"
        auto s = sched::runFilterPlugin(PluginId::NodeAffinity, *PodBuilder("p").nodeSelector("foo", "bar").obj(), bare, "node1");
        QCOMPARE(s.code(), Code::UnschedulableAndUnresolvable);
        QCOMPARE(s.message(), std::string("node(s) didn't match Pod's node affinity/selector"));
        // "node labels are superset"
        auto superset = snapshotOf({NodeBuilder("node1").label("foo", "bar").label("baz", "blah").obj()});
        QVERIFY(sched::runFilterPlugin(PluginId::NodeAffinity, *PodBuilder("p").nodeSelector("foo", "bar").obj(), superset,
                                       "node1").isSuccess());
        // "node labels are subset"
        auto subset = snapshotOf({NodeBuilder("node1").label("foo", "bar").obj()});
        auto pod = PodBuilder("p").nodeSelector("foo", "bar").nodeSelector("baz", "blah").obj();
        QVERIFY(!sched::runFilterPlugin(PluginId::NodeAffinity, *pod, subset, "node1").isSuccess());
    }

    void requiredAffinity()
    {
        auto snapshot = snapshotOf({NodeBuilder("node1").label("foo", "bar").obj()});
        // "Pod with matchExpressions using In operator that matches the existing node"
        auto match = requiring({expressions({in("foo", {"value1", "bar"})})}).obj();
        QVERIFY(sched::runFilterPlugin(PluginId::NodeAffinity, *match, snapshot, "node1").isSuccess());
        // "Pod with affinity that don't match node's labels won't schedule onto the node"
        auto miss = requiring({expressions({in("foo", {"value1", "value2"})})}).obj();
        QCOMPARE(sched::runFilterPlugin(PluginId::NodeAffinity, *miss, snapshot, "node1").code(),
                 Code::UnschedulableAndUnresolvable);
        // "Pod with a nil []NodeSelectorTerm in affinity, can't match the node's labels and won't schedule onto the node"
        auto none = requiring({}).obj();
        QVERIFY(!sched::runFilterPlugin(PluginId::NodeAffinity, *none, snapshot, "node1").isSuccess());
    }

    void matchFieldsNarrowNodes()
    {
        // "Pod with matchFields using In operator that matches the existing node": PreFilterResult {node1}
        auto snapshot = snapshotOf({NodeBuilder("node1").capacity({{"pods", "10"}}).obj(),
                                    NodeBuilder("node2").capacity({{"pods", "10"}}).obj()});
        auto pod = requiring({fields({in("metadata.name", {"node1"})})}).obj();
        sched::SchedulerState state(1);
        auto r = sched::schedulePod(*pod, snapshot, state);
        QCOMPARE(r.selectedNode, std::string("node1"));
        QCOMPARE(r.evaluatedNodes, 1);
        auto check = sched::checkPodOnNode(*pod, snapshot, "node2");
        QCOMPARE(check.message, std::string("node(s) didn't satisfy plugin(s) [NodeAffinity]"));
    }

    void conflictingTerms()
    {
        // A term whose node-name fields intersect to nothing: "pod affinity terms conflict" (PreFilter).
        auto snapshot = snapshotOf({NodeBuilder("node1").obj()});
        auto pod = requiring({fields({in("metadata.name", {"node1"}), in("metadata.name", {"node2"})})}).obj();
        auto s = sched::runFilterPlugin(PluginId::NodeAffinity, *pod, snapshot, "node1");
        QCOMPARE(s.code(), Code::UnschedulableAndUnresolvable);
        QCOMPARE(s.message(), std::string("pod affinity terms conflict"));
    }

    void preferredScores()
    {
        // "all nodes matches the preferred scheduling requirements of pod but with different priorities"
        PodBuilder b("p");
        b.affinity().nodeAffinity = NodeAffinity{std::nullopt,
                                                 {{2, expressions({in("foo", {"bar"})})},
                                                  {4, expressions({in("key", {"value"})})},
                                                  {5, expressions({in("foo", {"bar"}), in("key", {"value"}), in("az", {"az1"})})}}};
        auto snapshot = snapshotOf({NodeBuilder("node1").label("foo", "bar").obj(),
                                    NodeBuilder("node5").label("foo", "bar").label("key", "value").label("az", "az1").obj(),
                                    NodeBuilder("node2").label("key", "value").obj()});
        auto got = sched::runScorePlugin(PluginId::NodeAffinity, *b.obj(), snapshot, {"node1", "node5", "node2"});
        QCOMPARE(*got, scores({18, 100, 36}));
        // "all nodes are same priority as NodeAffinity is nil"
        QVERIFY(!sched::runScorePlugin(PluginId::NodeAffinity, *PodBuilder("q").obj(), snapshot, {"node1"}));
    }
};

QTEST_APPLESS_MAIN(TestNodeAffinity)
#include "tst_node_affinity.moc"
