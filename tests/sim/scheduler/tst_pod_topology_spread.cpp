// PodTopologySpread, after podtopologyspread/filtering_test.go (TestSingleConstraint) and
// scoring_test.go (TestPodTopologySpreadScore).
#include "scheduler_test_util.h"

#include <QtTest>

using namespace schedtest;
using sched::Code;
using sched::PluginId;

namespace {

const std::string kHost = "kubernetes.io/hostname";

LabelSelector fooSelector()
{
    LabelSelector s;
    s.matchExpressions.push_back(requirement("foo", SelectorOperator::Exists));
    return s;
}

PodBuilder spreading(std::int32_t maxSkew, const std::string &key, const std::string &when)
{
    PodBuilder b("p");
    b.label("foo", "");
    TopologySpreadConstraint c;
    c.maxSkew = maxSkew;
    c.topologyKey = key;
    c.whenUnsatisfiable = when;
    c.labelSelector = fooSelector();
    b.pod->spec.topologySpreadConstraints.push_back(c);
    return b;
}

std::shared_ptr<Node> hostNode(const std::string &name)
{
    return NodeBuilder(name).label(kHost, name).obj();
}

std::shared_ptr<Node> zoneNode(const std::string &name, const std::string &zone)
{
    return NodeBuilder(name).label("zone", zone).label(kHost, name).obj();
}

// Existing pods labelled foo, `counts[i]` of them on nodes[i].
std::vector<std::shared_ptr<Pod>> spreadAs(const std::vector<std::string> &nodes, const std::vector<int> &counts)
{
    std::vector<std::shared_ptr<Pod>> pods;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        for (int k = 0; k < counts[i]; ++k)
            pods.push_back(PodBuilder("p-" + nodes[i] + std::to_string(k)).node(nodes[i]).label("foo", "").obj());
    return pods;
}

// A Service selecting foo: its selector becomes the system default constraints' selector.
void addFooService(ObjectStore &store)
{
    auto svc = std::make_shared<Service>();
    svc->kind = "Service";
    svc->metadata.name = "svc";
    svc->metadata.namespace_ = "default";
    svc->spec.selector = Labels{{"foo", ""}};
    store.create(svc);
}

} // namespace

class TestPodTopologySpread : public QObject {
    Q_OBJECT

private slots:
    void filterSkew()
    {
        // zone1 holds 2 matching pods, zone2 1: only zone2's nodes keep the skew within 1.
        auto nodes = {zoneNode("node-a", "zone1"), zoneNode("node-b", "zone1"), zoneNode("node-x", "zone2"),
                      zoneNode("node-y", "zone2")};
        auto snapshot = snapshotOf(nodes, spreadAs({"node-a", "node-b", "node-x"}, {1, 1, 1}));
        auto pod = spreading(1, "zone", "DoNotSchedule").obj();
        auto s = sched::runFilterPlugin(PluginId::PodTopologySpread, *pod, snapshot, "node-a");
        QCOMPARE(s.code(), Code::Unschedulable);
        QCOMPARE(s.message(), std::string("node(s) didn't match pod topology spread constraints"));
        QVERIFY(sched::runFilterPlugin(PluginId::PodTopologySpread, *pod, snapshot, "node-y").isSuccess());
    }

    void filterMissingLabel()
    {
        auto snapshot = snapshotOf({zoneNode("node-a", "zone1"), hostNode("node-b")});
        auto s = sched::runFilterPlugin(PluginId::PodTopologySpread, *spreading(1, "zone", "DoNotSchedule").obj(),
                                        snapshot, "node-b");
        QCOMPARE(s.code(), Code::UnschedulableAndUnresolvable);
        QCOMPARE(s.message(),
                 std::string("node(s) didn't match pod topology spread constraints (missing required label)"));
    }

    void filterMinDomains()
    {
        // Fewer eligible domains than minDomains: the global minimum is 0.
        auto nodes = {zoneNode("node-a", "zone1"), zoneNode("node-x", "zone2")};
        auto snapshot = snapshotOf(nodes, spreadAs({"node-a", "node-x"}, {1, 1}));
        auto pod = spreading(1, "zone", "DoNotSchedule").obj();
        QVERIFY(sched::runFilterPlugin(PluginId::PodTopologySpread, *pod, snapshot, "node-x").isSuccess());
        pod->spec.topologySpreadConstraints[0].minDomains = 3;
        QVERIFY(!sched::runFilterPlugin(PluginId::PodTopologySpread, *pod, snapshot, "node-x").isSuccess());
    }

    void scoreHostname()
    {
        auto nodes = {hostNode("node-a"), hostNode("node-b"), hostNode("node-c"), hostNode("node-d")};
        auto snapshot = snapshotOf(nodes, spreadAs({"node-a", "node-b", "node-d"}, {2, 1, 3}));
        std::vector<std::string> names{"node-a", "node-b", "node-c", "node-d"};
        // "one constraint on node, all 4 nodes are candidates" (2/1/0/3)
        auto got = sched::runScorePlugin(PluginId::PodTopologySpread, *spreading(1, kHost, "ScheduleAnyway").obj(),
                                         snapshot, names);
        QCOMPARE(*got, scores({20, 60, 100, 0}));
        // "one constraint on node, all 4 nodes are candidates, maxSkew=2"
        got = sched::runScorePlugin(PluginId::PodTopologySpread, *spreading(2, kHost, "ScheduleAnyway").obj(), snapshot,
                                    names);
        QCOMPARE(*got, scores({33, 66, 100, 16}));
    }

    void scoreCandidatesSubset()
    {
        // "one constraint on node, 3 out of 4 nodes are candidates" (4/2/1/~3~)
        auto nodes = {hostNode("node-a"), hostNode("node-b"), hostNode("node-x"), hostNode("node-y")};
        auto snapshot = snapshotOf(nodes, spreadAs({"node-a", "node-b", "node-x", "node-y"}, {4, 2, 1, 3}));
        auto got = sched::runScorePlugin(PluginId::PodTopologySpread, *spreading(1, kHost, "ScheduleAnyway").obj(),
                                         snapshot, {"node-a", "node-b", "node-x"});
        QCOMPARE(*got, scores({33, 83, 100}));
    }

    void scoreZone()
    {
        // "one constraint on zone, 3 out of 4 nodes are candidates"
        auto nodes = {zoneNode("node-a", "zone1"), zoneNode("node-b", "zone1"), zoneNode("node-x", "zone2"),
                      zoneNode("node-y", "zone2")};
        auto snapshot = snapshotOf(nodes, spreadAs({"node-a", "node-b", "node-x", "node-y"}, {4, 2, 1, 3}));
        auto got = sched::runScorePlugin(PluginId::PodTopologySpread, *spreading(1, "zone", "ScheduleAnyway").obj(),
                                         snapshot, {"node-a", "node-b", "node-x"});
        QCOMPARE(*got, scores({75, 75, 100}));
    }

    void systemDefaulting()
    {
        // "system defaulting, nodes don't have zone, pods match service" (4/3/2/1)
        ObjectStore store;
        addFooService(store);
        auto nodes = {hostNode("node-a"), hostNode("node-b"), hostNode("node-c"), hostNode("node-d")};
        auto snapshot = snapshotOf(nodes, spreadAs({"node-a", "node-b", "node-c", "node-d"}, {4, 3, 2, 1}), &store);
        auto pod = PodBuilder("p").label("foo", "").obj();
        auto got = sched::runScorePlugin(PluginId::PodTopologySpread, *pod, snapshot,
                                         {"node-a", "node-b", "node-c", "node-d"});
        QCOMPARE(*got, scores({44, 66, 77, 100}));
        // Without a Service or controller selecting the pod there is nothing to spread.
        auto bare = snapshotOf(nodes, {});
        QVERIFY(!sched::runScorePlugin(PluginId::PodTopologySpread, *pod, bare, {"node-a"}));
    }

    // System default constraints over zones, with a node lacking the zone label and a candidate
    // subset (scoring.go: the "" value is a domain of its own in PreScore; Score skips the
    // constraint on a node without the label). Worked by hand: weights log(3 + 2) for both
    // constraints; zone1 holds 6 matching pods, zone2 4, "" 1. a: 4w+2 + 6w+4 = 22, x: 1w+2 +
    // 4w+4 = 14, n: 1w+2 = 4; normalized 100 * (22 + 4 - s) / 22.
    void systemDefaultingAcrossZones()
    {
        ObjectStore store;
        addFooService(store);
        const std::string zone = "topology.kubernetes.io/zone";
        auto node = [&](const std::string &name, const std::string &z) {
            NodeBuilder b(name);
            b.label(kHost, name).label("pool", "all");
            if (!z.empty())
                b.label(zone, z);
            return b.obj();
        };
        auto nodes = {node("a", "zone1"), node("b", "zone1"), node("x", "zone2"), node("y", "zone2"), node("n", "")};
        auto snapshot = snapshotOf(nodes, spreadAs({"a", "b", "x", "y", "n"}, {4, 2, 1, 3, 1}), &store);
        auto pod = PodBuilder("p").label("foo", "").obj();
        QCOMPARE(*sched::runScorePlugin(PluginId::PodTopologySpread, *pod, snapshot, {"a", "x", "n"}),
                 scores({18, 54, 100}));
        // A node selector every node satisfies changes nothing, though each node is then checked
        // against it rather than all taken at once.
        pod->spec.nodeSelector = {{"pool", "all"}};
        QCOMPARE(*sched::runScorePlugin(PluginId::PodTopologySpread, *pod, snapshot, {"a", "x", "n"}),
                 scores({18, 54, 100}));
        // One that leaves zone2's y out takes its 3 pods out of zone2's count: x: 1w+2 + 1w+4 = 9,
        // normalized 100 * (26 - 9) / 22.
        snapshot = snapshotOf({node("a", "zone1"), node("b", "zone1"), node("x", "zone2"),
                               NodeBuilder("y").label(kHost, "y").label(zone, "zone2").obj(), node("n", "")},
                              spreadAs({"a", "b", "x", "y", "n"}, {4, 2, 1, 3, 1}), &store);
        QCOMPARE(*sched::runScorePlugin(PluginId::PodTopologySpread, *pod, snapshot, {"a", "x", "n"}),
                 scores({18, 77, 100}));
    }

    void countsFollowPodsAfterTheFirstAttempt()
    {
        // The snapshot keeps matching-pod counts between attempts: pods bound, unbound or made
        // terminating in place (a graceful delete) afterwards must score as a fresh snapshot does.
        ObjectStore store;
        addFooService(store);
        auto nodes = {hostNode("node-a"), hostNode("node-b"), hostNode("node-c"), hostNode("node-d")};
        auto pods = spreadAs({"node-a", "node-b", "node-c", "node-d"}, {4, 3, 2, 1});
        auto snapshot = snapshotOf(nodes, pods, &store);
        const std::vector<std::string> names{"node-a", "node-b", "node-c", "node-d"};
        auto pod = PodBuilder("p").label("foo", "").obj();
        QCOMPARE(*sched::runScorePlugin(PluginId::PodTopologySpread, *pod, snapshot, names), scores({44, 66, 77, 100}));

        // node-a: two pods terminating, one gone; node-d: two more pods, one not matching.
        pods[0]->metadata.deletionTimestamp = 10.0;
        pods[1]->metadata.deletionTimestamp = 10.0;
        QVERIFY(snapshot.updatePod(pods[0], "node-a"));
        QVERIFY(snapshot.updatePod(pods[1], "node-a"));
        QVERIFY(snapshot.removePod(*pods[2], "node-a"));
        auto extra = PodBuilder("extra").node("node-d").label("foo", "").obj();
        auto other = PodBuilder("other").node("node-d").label("bar", "").obj();
        QVERIFY(snapshot.addPod(extra));
        QVERIFY(snapshot.addPod(other));

        std::vector<std::shared_ptr<Pod>> now{pods[3], pods[4], pods[5], pods[6], pods[7],
                                              pods[8], pods[9], extra,   other};
        auto fresh = snapshotOf(nodes, now, &store); // node-a 1, node-b 3, node-c 2, node-d 2 matching
        auto expected = sched::runScorePlugin(PluginId::PodTopologySpread, *pod, fresh, names);
        QCOMPARE(*sched::runScorePlugin(PluginId::PodTopologySpread, *pod, snapshot, names), *expected);
        QCOMPARE(*expected, scores({100, 57, 71, 71}));
    }
};

QTEST_APPLESS_MAIN(TestPodTopologySpread)
#include "tst_pod_topology_spread.moc"
