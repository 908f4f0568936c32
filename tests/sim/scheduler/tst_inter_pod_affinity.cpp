// InterPodAffinity, after interpodaffinity/filtering_test.go (TestRequiredAffinitySingleNode)
// and scoring_test.go (TestPreferredAffinity).
#include "scheduler_test_util.h"

#include <QtTest>

using namespace schedtest;
using sched::Code;
using sched::PluginId;

namespace {

const Labels kChina{{"region", "China"}};
const Labels kIndia{{"region", "India"}};
const Labels kAz1{{"az", "az1"}};
const Labels kAz2{{"az", "az2"}};

std::shared_ptr<Node> node(const std::string &name, const Labels &labels)
{
    NodeBuilder b(name);
    b.node->metadata.labels = labels;
    return b.obj();
}

LabelSelector securityIn(std::vector<std::string> values)
{
    LabelSelector s;
    s.matchExpressions.push_back(requirement("security", SelectorOperator::In, std::move(values)));
    return s;
}

WeightedPodAffinityTerm weighted(std::int32_t w, LabelSelector s, const std::string &key)
{
    return {w, term(std::move(s), key)};
}

PodBuilder secured(const std::string &name, const std::string &security)
{
    return std::move(PodBuilder(name).label("security", security));
}

std::vector<std::int64_t> score(const std::shared_ptr<Pod> &pod, const std::vector<std::shared_ptr<Node>> &nodes,
                                const std::vector<std::shared_ptr<Pod>> &existing)
{
    auto snapshot = snapshotOf(nodes, existing);
    std::vector<std::string> names;
    for (const auto &n : nodes)
        names.push_back(n->metadata.name);
    auto got = sched::runScorePlugin(PluginId::InterPodAffinity, *pod, snapshot, names);
    return got ? *got : std::vector<std::int64_t>{};
}

}  // namespace

class TestInterPodAffinity : public QObject {
    Q_OBJECT

private slots:
    void requiredAffinity()
    {
        auto nodes = {node("machine1", kChina), node("machine2", kIndia)};
        auto snapshot = snapshotOf(nodes, {secured("e", "S1").node("machine1").obj()});
        auto pod = PodBuilder("p");
        pod.affinity().podAffinity = PodAffinity{{term(securityIn({"S1", "value2"}), "region")}, {}};
        // "satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator ..."
        QVERIFY(sched::runFilterPlugin(PluginId::InterPodAffinity, *pod.obj(), snapshot, "machine1").isSuccess());
        auto s = sched::runFilterPlugin(PluginId::InterPodAffinity, *pod.obj(), snapshot, "machine2");
        QCOMPARE(s.code(), Code::UnschedulableAndUnresolvable);
        QCOMPARE(s.message(), std::string("node(s) didn't match pod affinity rules"));
    }

    void firstPodOfAGroup()
    {
        // No pod matches yet, the pod matches its own terms: it may go anywhere the topology exists.
        auto snapshot = snapshotOf({node("machine1", kChina)});
        auto pod = secured("p", "S1");
        pod.affinity().podAffinity = PodAffinity{{term(securityIn({"S1"}), "region")}, {}};
        QVERIFY(sched::runFilterPlugin(PluginId::InterPodAffinity, *pod.obj(), snapshot, "machine1").isSuccess());
    }

    void requiredAntiAffinity()
    {
        auto snapshot = snapshotOf({node("machine1", kChina), node("machine2", kIndia)}, {secured("e", "S1").node("machine1").obj()});
        auto pod = PodBuilder("p");
        pod.affinity().podAntiAffinity = PodAffinity{{term(securityIn({"S1"}), "region")}, {}};
        auto s = sched::runFilterPlugin(PluginId::InterPodAffinity, *pod.obj(), snapshot, "machine1");
        QCOMPARE(s.code(), Code::Unschedulable);
        QCOMPARE(s.message(), std::string("node(s) didn't match pod anti-affinity rules"));
        QVERIFY(sched::runFilterPlugin(PluginId::InterPodAffinity, *pod.obj(), snapshot, "machine2").isSuccess());
    }

    void existingPodsAntiAffinity()
    {
        // "Does not satisfy the PodAntiAffinity with labelSelector because of the existing pod's anti-affinity"
        auto existing = secured("e", "S2").node("machine1");
        existing.affinity().podAntiAffinity = PodAffinity{{term(securityIn({"S1"}), "region")}, {}};
        auto snapshot = snapshotOf({node("machine1", kChina), node("machine2", kIndia)}, {existing.obj()});
        auto s = sched::runFilterPlugin(PluginId::InterPodAffinity, *secured("p", "S1").obj(), snapshot, "machine1");
        QCOMPARE(s.code(), Code::Unschedulable);
        QCOMPARE(s.message(), std::string("node(s) didn't satisfy existing pods anti-affinity rules"));
    }

    void namespaces()
    {
        // A term without namespaces selects pods of the pod's own namespace only.
        auto snapshot = snapshotOf({node("machine1", kChina)}, {PodBuilder("e", "other").label("security", "S1").node("machine1").obj()});
        auto pod = PodBuilder("p");
        pod.affinity().podAntiAffinity = PodAffinity{{term(securityIn({"S1"}), "region")}, {}};
        QVERIFY(sched::runFilterPlugin(PluginId::InterPodAffinity, *pod.obj(), snapshot, "machine1").isSuccess());
        pod.affinity().podAntiAffinity->required[0].namespaces = {"other"};
        QVERIFY(!sched::runFilterPlugin(PluginId::InterPodAffinity, *pod.obj(), snapshot, "machine1").isSuccess());
    }

    void scoreNilAffinitySkips()
    {
        // "all nodes are same priority as Affinity is nil"
        QVERIFY(score(secured("p", "S1").obj(), {node("node1", kChina), node("node2", kIndia)}, {}).empty());
    }

    void scoreMatchesTopology()
    {
        // "Affinity: pod that matches topology key & pods in nodes will get high score comparing to others ..."
        auto pod = secured("p", "S1");
        pod.affinity().podAffinity = PodAffinity{{}, {weighted(5, securityIn({"S1"}), "region")}};
        auto got = score(pod.obj(), {node("node1", kChina), node("node2", kIndia), node("node3", kAz1)},
                         {secured("a", "S1").node("node1").obj(), secured("b", "S2").node("node2").obj(),
                          secured("c", "S1").node("node3").obj()});
        QCOMPARE(got, scores({100, 0, 0}));
    }

    void scoreOperators()
    {
        // "Affinity: different Label operators and values for pod affinity scheduling preference, including some match failures"
        LabelSelector notS1inS2;
        notS1inS2.matchExpressions = {requirement("security", SelectorOperator::NotIn, {"S1"}),
                                      requirement("security", SelectorOperator::In, {"S2"})};
        LabelSelector exists;
        exists.matchExpressions = {requirement("security", SelectorOperator::Exists),
                                   requirement("wrongkey", SelectorOperator::DoesNotExist)};
        auto pod = secured("p", "S1");
        pod.affinity().podAffinity = PodAffinity{{}, {weighted(8, notS1inS2, "region"), weighted(2, exists, "region")}};
        auto got = score(pod.obj(), {node("node1", kChina), node("node2", kIndia), node("node3", kAz1)},
                         {secured("a", "S1").node("node1").obj(), secured("b", "S2").node("node2").obj(),
                          secured("c", "S1").node("node3").obj()});
        QCOMPARE(got, scores({20, 100, 0}));
    }

    void scoreSymmetry()
    {
        // "Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry"
        LabelSelector exists;
        exists.matchExpressions = {requirement("security", SelectorOperator::Exists),
                                   requirement("wrongkey", SelectorOperator::DoesNotExist)};
        auto withHard = [&](const std::string &name, const std::string &sec, const std::string &on) {
            auto b = secured(name, sec).node(on);
            b.affinity().podAffinity = PodAffinity{{term(securityIn({"S1", "value2"}), "region"), term(exists, "region")}, {}};
            return b.obj();
        };
        auto got = score(secured("p", "S1").obj(), {node("node1", kChina), node("node2", kIndia), node("node3", kAz1)},
                         {withHard("a", "S1", "node1"), withHard("b", "S2", "node2")});
        QCOMPARE(got, scores({100, 100, 0}));
        // "Anti Affinity symmetry: the existing pods in node which has anti affinity match will get high score"
        auto away = [](const std::string &name, const std::string &sec, const std::string &on, const std::string &from) {
            auto b = secured(name, sec).node(on);
            b.affinity().podAntiAffinity = PodAffinity{{}, {weighted(5, securityIn({from}), "az")}};
            return b.obj();
        };
        got = score(secured("p", "S2").obj(), {node("node1", kAz1), node("node2", kAz2)},
                    {away("a", "S1", "node1", "S2"), away("b", "S2", "node2", "S1")});
        QCOMPARE(got, scores({0, 100}));
    }
};

QTEST_APPLESS_MAIN(TestInterPodAffinity)
#include "tst_inter_pod_affinity.moc"
