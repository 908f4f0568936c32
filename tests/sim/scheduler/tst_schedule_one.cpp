// The scheduling cycle (schedule_one.go), FitError.Error (framework/types.go) and the
// DefaultPreemption PostFilter verdict; messages as kubernetes-behaviour.md section 1 lists them.
#include "scheduler_test_util.h"

#include <QtTest>

#include <set>

using namespace schedtest;
using sched::Code;
using sched::PluginId;

namespace {

NodeBuilder worker(const std::string &name, const char *cpu = "4")
{
    NodeBuilder b(name);
    b.capacity({{"cpu", cpu}, {"memory", "8Gi"}, {"pods", "110"}}).label("kubernetes.io/hostname", name);
    return b;
}

std::vector<std::shared_ptr<Node>> defaultCluster()
{
    return {worker("control-plane").label("node-role.kubernetes.io/control-plane", "")
                .taint("node-role.kubernetes.io/control-plane", "", "NoSchedule")
                .obj(),
            worker("worker-1").obj(), worker("worker-2").obj(), worker("worker-3").obj()};
}

sched::ScheduleResult schedule(const std::shared_ptr<Pod> &pod, sched::ClusterSnapshot &snapshot, std::uint64_t seed = 1)
{
    sched::SchedulerState state(seed);
    return sched::schedulePod(*pod, snapshot, state);
}

}  // namespace

class TestScheduleOne : public QObject {
    Q_OBJECT

private slots:
    void schedulesOntoAWorker()
    {
        auto snapshot = snapshotOf(defaultCluster());
        auto r = schedule(PodBuilder("nginx").req({{"cpu", "100m"}, {"memory", "128Mi"}}).obj(), snapshot);
        QVERIFY(r.scheduled());
        QVERIFY(r.selectedNode != "control-plane");
        QCOMPARE(r.evaluatedNodes, 4);
        QCOMPARE(r.feasibleNodes, 3);
        QVERIFY(r.message.empty());
        QCOMPARE(r.verdicts.size(), std::size_t(4));
        for (const auto &v : r.verdicts) {
            if (!v.feasible) {
                QVERIFY(v.plugin == PluginId::TaintToleration);
                continue;
            }
            QVERIFY(v.scored);
            std::int32_t total = 0;
            for (auto s : v.scores)
                total += s < 0 ? 0 : s;
            QCOMPARE(v.totalScore, total);
            QCOMPARE(v.scores[0], std::int16_t(300));  // TaintToleration: no PreferNoSchedule taint, x3
        }
    }

    void tooBigForEveryNode()
    {
        // The FitError of kubernetes-behaviour.md: every worker is busy, the control plane is tainted.
        std::vector<std::shared_ptr<Pod>> busy;
        for (const char *w : {"worker-1", "worker-2", "worker-3"})
            busy.push_back(PodBuilder(std::string("busy-") + w).node(w).req({{"cpu", "3"}}).obj());
        auto snapshot = snapshotOf(defaultCluster(), busy);
        auto r = schedule(PodBuilder("big").req({{"cpu", "2"}}).obj(), snapshot);
        QVERIFY(!r.scheduled());
        QCOMPARE(r.message, std::string("0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu."));
        QCOMPARE(r.messageWithPreemption,
                 std::string("0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. "
                             "preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, "
                             "3 No preemption victims found for incoming pod."));
        QVERIFY(r.preemptionCandidates.empty());
    }

    void nodeSelectorMismatch()
    {
        auto nodes = defaultCluster();
        nodes.pop_back();
        auto snapshot = snapshotOf(nodes);
        auto r = schedule(PodBuilder("p").nodeSelector("disktype", "ssd").obj(), snapshot);
        QCOMPARE(r.messageWithPreemption,
                 std::string("0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node "
                             "affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."));
    }

    void hostPortConflict()
    {
        auto snapshot = snapshotOf({worker("a").obj(), worker("b").obj()},
                                   {PodBuilder("web-a").node("a").hostPort(80).obj(), PodBuilder("web-b").node("b").hostPort(80).obj()});
        auto r = schedule(PodBuilder("web").hostPort(80).obj(), snapshot);
        QCOMPARE(r.messageWithPreemption,
                 std::string("0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports. "
                             "preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod."));
    }

    void histogramSortsAsStrings()
    {
        // sort.Strings: "10 ..." sorts before "2 ...".
        std::vector<std::shared_ptr<Node>> nodes;
        for (int i = 0; i < 10; ++i)
            nodes.push_back(worker("n" + std::to_string(i), "1").obj());
        nodes.push_back(worker("t0").taint("x", "", "NoSchedule").obj());
        nodes.push_back(worker("t1").taint("x", "", "NoSchedule").obj());
        auto snapshot = snapshotOf(nodes);
        auto r = schedule(PodBuilder("p").req({{"cpu", "2"}}).obj(), snapshot);
        QCOMPARE(r.message, std::string("0/12 nodes are available: 10 Insufficient cpu, 2 node(s) had untolerated taint(s)."));
        QVERIFY(r.messageWithPreemption.ends_with("12 Preemption is not helpful for scheduling."));
    }

    void preemptionPolicyNever()
    {
        auto snapshot = snapshotOf({worker("a", "1").obj()}, {PodBuilder("low").node("a").priority(0).req({{"cpu", "1"}}).obj()});
        auto pod = PodBuilder("p").priority(100).req({{"cpu", "1"}}).obj();
        pod->spec.preemptionPolicy = "Never";
        auto r = schedule(pod, snapshot);
        QCOMPARE(r.messageWithPreemption, std::string("0/1 nodes are available: 1 Insufficient cpu. "
                                                      "preemption: not eligible due to preemptionPolicy=Never."));
    }

    void preemptionCandidates()
    {
        // node a: victims of priority 1 and 5 (only priority 1 must go); node b: a victim of priority 8.
        auto snapshot = snapshotOf({worker("a").obj(), worker("b").obj()},
                                   {PodBuilder("a-low").node("a").priority(1).req({{"cpu", "2"}}).obj(),
                                    PodBuilder("a-mid").node("a").priority(5).req({{"cpu", "1"}}).obj(),
                                    PodBuilder("a-high").node("a").priority(1000).req({{"cpu", "1"}}).obj(),
                                    PodBuilder("b-mid").node("b").priority(8).req({{"cpu", "4"}}).obj()});
        auto r = schedule(PodBuilder("p").priority(10).req({{"cpu", "2"}}).obj(), snapshot);
        QVERIFY(!r.scheduled());
        QCOMPARE(r.nominatedNode, std::string("a"));
        QCOMPARE(r.preemptionCandidates.size(), std::size_t(2));
        QCOMPARE(r.preemptionCandidates[0].victims.size(), std::size_t(1));
        QCOMPARE(r.preemptionCandidates[0].victims[0]->metadata.name, std::string("a-low"));
        // Kubernetes' PostFilter succeeded: no preemption text after the FitError.
        QCOMPARE(r.messageWithPreemption, r.message);
    }

    void nominatedPodsKeepTheirRoom()
    {
        // RunFilterPluginsWithNominatedPods: node a (4 CPUs, 2 used) has a priority-100 pod of
        // 2 CPUs nominated to it. Pods of equal or lower priority see a full node; a
        // higher-priority pod and the nominated pod itself do not count it.
        auto snapshot = snapshotOf({worker("a").obj()}, {PodBuilder("running").node("a").req({{"cpu", "2"}}).obj()});
        sched::SchedulerState state(1);
        auto nominated = PodBuilder("nominated").priority(100).req({{"cpu", "2"}}).obj();
        nominated->status.nominatedNodeName = "a";
        state.nominator.add(nominated, "a");
        for (int priority : {0, 100}) {
            auto other = PodBuilder("other").priority(priority).req({{"cpu", "1"}}).obj();
            auto r = sched::schedulePod(*other, snapshot, state);
            QVERIFY(!r.scheduled());
            QCOMPARE(r.message, std::string("0/1 nodes are available: 1 Insufficient cpu."));
        }
        auto higher = PodBuilder("higher").priority(101).req({{"cpu", "1"}}).obj();
        QVERIFY(sched::schedulePod(*higher, snapshot, state).scheduled());
        auto self = sched::schedulePod(*nominated, snapshot, state);
        QCOMPARE(self.selectedNode, std::string("a"));
        QCOMPARE(self.evaluatedNodes, 1);  // evaluateNominatedNode
        state.nominator.remove(*nominated);
        QVERIFY(sched::schedulePod(*PodBuilder("other").req({{"cpu", "1"}}).obj(), snapshot, state).scheduled());
    }

    void preemptionNominationModes()
    {
        // NominatingInfo: a candidate overrides the nomination with its node, no candidate
        // clears it (Override with ""), an ineligible pod leaves it as it is (Noop).
        auto peer = PodBuilder("peer").node("a").priority(100).req({{"cpu", "1"}}).obj();
        auto snapshot = snapshotOf({worker("a", "1").obj()}, {peer});
        auto r = schedule(PodBuilder("p").priority(100).req({{"cpu", "1"}}).obj(), snapshot);
        QVERIFY(r.overridesNomination);
        QVERIFY(r.nominatedNode.empty());
        r = schedule(PodBuilder("p").priority(1000).req({{"cpu", "1"}}).obj(), snapshot);
        QVERIFY(r.overridesNomination);
        QCOMPARE(r.nominatedNode, std::string("a"));
        auto never = PodBuilder("p").priority(1000).req({{"cpu", "1"}}).obj();
        never->spec.preemptionPolicy = "Never";
        r = schedule(never, snapshot);
        QVERIFY(!r.overridesNomination);
    }

    void percentageOfNodesToScore()
    {
        // TestNumFeasibleNodesToFind (schedule_one_test.go).
        QCOMPARE(sched::numFeasibleNodesToFind(0, 10), 10);
        QCOMPARE(sched::numFeasibleNodesToFind(40, 10), 10);
        QCOMPARE(sched::numFeasibleNodesToFind(0, 1000), 420);
        QCOMPARE(sched::numFeasibleNodesToFind(40, 1000), 400);
        QCOMPARE(sched::numFeasibleNodesToFind(0, 6000), 300);
        QCOMPARE(sched::numFeasibleNodesToFind(40, 6000), 2400);
        QCOMPARE(sched::numFeasibleNodesToFind(0, 150), 100);  // 49% of 150 = 73, at least 100
    }

    void nextStartNodeIndexRotates()
    {
        std::vector<std::shared_ptr<Node>> nodes;
        for (int i = 0; i < 250; ++i) {
            char name[16];
            std::snprintf(name, sizeof name, "n%03d", i);
            nodes.push_back(worker(name).obj());
        }
        auto snapshot = snapshotOf(nodes);
        sched::SchedulerState state(3);
        auto pod = PodBuilder("p").req({{"cpu", "10m"}}).obj();
        auto r = sched::schedulePod(*pod, snapshot, state);  // 250 nodes: 48% = 120 feasible ends the search
        QCOMPARE(r.evaluatedNodes, 120);
        QCOMPARE(r.feasibleNodes, 120);
        QCOMPARE(state.nextStartNodeIndex, std::size_t(120));
        QCOMPARE(r.verdicts.front().node, std::string_view("n000"));
        r = sched::schedulePod(*pod, snapshot, state);
        QCOMPARE(r.verdicts.front().node, std::string_view("n120"));
        QCOMPARE(state.nextStartNodeIndex, std::size_t(240));
        r = sched::schedulePod(*pod, snapshot, state);
        QCOMPARE(r.verdicts.front().node, std::string_view("n240"));
        QCOMPARE(state.nextStartNodeIndex, std::size_t(110));  // (240 + 120) % 250
    }

    void tiesBrokenBySeed()
    {
        std::vector<std::shared_ptr<Node>> nodes;
        for (int i = 0; i < 8; ++i)
            nodes.push_back(worker("n" + std::to_string(i)).obj());
        auto snapshot = snapshotOf(nodes);
        auto pod = PodBuilder("p").req({{"cpu", "100m"}}).obj();
        std::set<std::string> chosen;
        for (std::uint64_t seed = 0; seed < 40; ++seed) {
            auto a = schedule(pod, snapshot, seed);
            QCOMPARE(schedule(pod, snapshot, seed).selectedNode, a.selectedNode);  // same seed, same node
            chosen.insert(a.selectedNode);
        }
        QVERIFY(chosen.size() >= 4);  // equal nodes: the seed decides
    }

    void bindingUpdatesTheSnapshot()
    {
        auto snapshot = snapshotOf({worker("a", "1").obj()});
        sched::SchedulerState state(1);
        auto first = PodBuilder("first").req({{"cpu", "600m"}}).obj();
        auto r = sched::schedulePod(*first, snapshot, state);
        QVERIFY(snapshot.addPod(first, r.selectedNode));
        r = sched::schedulePod(*PodBuilder("second").req({{"cpu", "600m"}}).obj(), snapshot, state);
        QCOMPARE(r.message, std::string("0/1 nodes are available: 1 Insufficient cpu."));
        QVERIFY(snapshot.removePod(*first));
        r = sched::schedulePod(*PodBuilder("second").req({{"cpu", "600m"}}).obj(), snapshot, state);
        QCOMPARE(r.selectedNode, std::string("a"));
    }

    void noNodes()
    {
        sched::ClusterSnapshot empty;
        auto r = schedule(PodBuilder("p").obj(), empty);
        QCOMPARE(r.messageWithPreemption, std::string("no nodes available to schedule pods"));
    }

    void checkOnNode()
    {
        auto snapshot = snapshotOf(defaultCluster());
        auto pod = PodBuilder("p").obj();
        auto check = sched::checkPodOnNode(*pod, snapshot, "control-plane");
        QVERIFY(!check.fits);
        QCOMPARE(check.message, std::string("node(s) had untolerated taint(s)"));
        QVERIFY(sched::checkPodOnNode(*pod, snapshot, "worker-1").fits);
    }

    void antiAffinitySpreadsReplicas()
    {
        // Required anti-affinity on hostname: one replica per node, the fourth is refused.
        auto nodes = defaultCluster();
        auto snapshot = snapshotOf({nodes[1], nodes[2], nodes[3]});
        sched::SchedulerState state(5);
        std::set<std::string> used;
        for (int i = 0; i < 4; ++i) {
            auto b = PodBuilder("web-" + std::to_string(i)).label("app", "web");
            b.affinity().podAntiAffinity = PodAffinity{{term(selector({{"app", "web"}}), "kubernetes.io/hostname")}, {}};
            auto r = sched::schedulePod(*b.obj(), snapshot, state);
            if (i < 3) {
                QVERIFY(used.insert(r.selectedNode).second);
                snapshot.addPod(b.obj(), r.selectedNode);
                continue;
            }
            QCOMPARE(r.messageWithPreemption,
                     std::string("0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. "
                                 "preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."));
        }
    }
};

QTEST_APPLESS_MAIN(TestScheduleOne)
#include "tst_schedule_one.moc"
