// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go) with a
// failing kubelet: the node turns Unknown after the 50 s node-monitor grace period, its pods lose
// Ready, the unreachable taints follow (NoSchedule at once, NoExecute on the next 5 s monitor pass),
// the taint manager evicts after the default 300 s toleration, the ReplicaSet replaces the pods
// elsewhere while the old ones stay Terminating, and a recovered kubelet lets them go.
#include "controller_test_support.h"
#include "sim/controllers/node_lifecycle_controller.h"
#include "sim/kube_scheduler.h"
#include "sim/kubelet.h"

#include <QtTest>

using namespace podscape;
using podscape::testing::timedEvents;
using namespace podscape::controllertest;
using podscape::testing::pod;

namespace {

const char *kWeb = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n"
                   "  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n"
                   "        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.25\n";

const char *kAgent = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\n  namespace: kube-system\n"
                     "spec:\n  selector:\n    matchLabels:\n      app: agent\n  template:\n    metadata:\n"
                     "      labels:\n        app: agent\n    spec:\n      containers:\n      - name: agent\n"
                     "        image: busybox:1.36\n        command: [sh, -c, sleep infinity]\n";

const NodeCondition *condition(const Node &node, const std::string &type)
{
    for (const auto &c : node.status.conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

const Taint *taint(const Node &node, const std::string &key, const std::string &effect)
{
    for (const auto &t : node.spec.taints)
        if (t.key == key && t.effect == effect)
            return &t;
    return nullptr;
}

std::shared_ptr<Node> node(Simulation &sim, const std::string &name)
{
    return sim.store().get<Node>("", name);
}

std::vector<std::shared_ptr<Pod>> podsOf(Simulation &sim, const std::string &app, const std::string &ns = "default")
{
    std::vector<std::shared_ptr<Pod>> out;
    for (const auto &p : sim.store().list<Pod>(ns))
        if (p->metadata.labels.count("app") && p->metadata.labels.at("app") == app)
            out.push_back(p);
    return out;
}

std::shared_ptr<Pod> podOn(Simulation &sim, const std::string &app, const std::string &nodeName,
                           const std::string &ns = "default")
{
    for (const auto &p : podsOf(sim, app, ns))
        if (p->spec.nodeName == nodeName)
            return p;
    return nullptr;
}


} // namespace

class TestNodeLifecycleController : public QObject {
    Q_OBJECT

private slots:
    // The whole story of worker-1 failing at t=100 under a 3-replica Deployment spread over the
    // workers, and coming back.
    void failedNodeIsMarkedTaintedAndEvacuated()
    {
        Simulation sim;
        sim.start(loadYaml(std::string(kWeb) + "---\n" + kAgent));
        sim.runUntil(60);
        QStringList placed;
        for (const auto &p : podsOf(sim, "web"))
            placed << QString::fromStdString(p->spec.nodeName);
        placed.sort();
        QCOMPARE(placed, QStringList({"worker-1", "worker-2", "worker-3"}));
        auto victim = podOn(sim, "web", "worker-1");
        auto agent = podOn(sim, "agent", "worker-1", "kube-system");
        QVERIFY(victim && agent);
        QVERIFY(isPodReady(*victim));
        const std::string victimName = victim->metadata.name;

        sim.runUntil(100);
        QVERIFY(!sim.failNode("worker-1"));
        QVERIFY(sim.kubelet("worker-1")->stopped());

        // Nothing shows before the grace period is over.
        sim.runUntil(149.999);
        QCOMPARE(condition(*node(sim, "worker-1"), "Ready")->status, std::string("True"));
        QVERIFY(isPodReady(*victim));
        QVERIFY(node(sim, "worker-1")->spec.taints.empty());

        // t+50: Unknown, the node and pod events, the unreachable NoSchedule taint.
        sim.runUntil(150);
        auto w1 = node(sim, "worker-1");
        for (const char *type : {"Ready", "MemoryPressure", "DiskPressure", "PIDPressure"}) {
            const NodeCondition *c = condition(*w1, type);
            QCOMPARE(c->status, std::string("Unknown"));
            QCOMPARE(c->reason, std::string("NodeStatusUnknown"));
            QCOMPARE(c->message, std::string("Kubelet stopped posting node status."));
            QCOMPARE(c->lastTransitionTime, 150.0);
        }
        QCOMPARE(timedEvents(sim, "worker-1", "node-controller"),
                 QStringList({"150.0 NodeNotReady: Node worker-1 status is now: NodeNotReady"}));
        QVERIFY(!isPodReady(*victim));
        QCOMPARE(findCondition(*victim, "Ready")->lastTransitionTime, 150.0);
        QCOMPARE(timedEvents(sim, victimName, "node-controller"),
                 QStringList({"150.0 NodeNotReady: Node is not ready"}));
        for (const auto &e : sim.events().events())
            if (e.reason == "NodeNotReady" && e.object.kind == "Pod")
                QCOMPARE(e.type, std::string("Warning"));
        const Taint *noSchedule = taint(*w1, "node.kubernetes.io/unreachable", "NoSchedule");
        QVERIFY(noSchedule);
        QCOMPARE(noSchedule->timeAdded.value_or(-1), 150.0);
        QVERIFY(!taint(*w1, "node.kubernetes.io/unreachable", "NoExecute"));
        // The pods on the other workers are untouched.
        QVERIFY(isPodReady(*podOn(sim, "web", "worker-2")));

        // The NoExecute taint comes with the next monitor pass (5 s), by the tainter (100 ms).
        sim.runUntil(155.05);
        QVERIFY(!taint(*w1, "node.kubernetes.io/unreachable", "NoExecute"));
        sim.runUntil(155.1);
        const Taint *noExecute = taint(*w1, "node.kubernetes.io/unreachable", "NoExecute");
        QVERIFY(noExecute);
        QVERIFY(qAbs(noExecute->timeAdded.value_or(-1) - 155.1) < 1e-9);
        const double taintedAt = *noExecute->timeAdded;

        // The scheduler sees the taint: a pod that can only go to worker-1 stays Pending.
        sim.apply(
            loadYaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: pinned\nspec:\n  nodeSelector:\n"
                     "    kubernetes.io/hostname: worker-1\n  containers:\n  - name: c\n    image: nginx:1.25\n"));
        sim.runUntil(170);
        QCOMPARE(eventsOf(sim, "pinned", "default-scheduler"),
                 QStringList({"FailedScheduling: 0/4 nodes are available: 2 node(s) didn't match Pod's node "
                              "affinity/selector, 2 node(s) had untolerated taint(s). preemption: 0/4 nodes are "
                              "available: 4 Preemption is not helpful for scheduling."}));

        // The default 300 s toleration runs out exactly 300 s after the taint.
        sim.runUntil(taintedAt + 300 - 0.001);
        QVERIFY(!victim->metadata.deletionTimestamp);
        QVERIFY(timedEvents(sim, victimName, "taint-eviction-controller").isEmpty());
        sim.runUntil(taintedAt + 300);
        QVERIFY(victim->metadata.deletionTimestamp);
        QCOMPARE(eventsOf(sim, victimName, "taint-eviction-controller"),
                 QStringList(
                     {QString::fromStdString("TaintManagerEviction: Marking for deletion Pod default/" + victimName)}));
        const PodCondition *target = findCondition(*victim, "DisruptionTarget");
        QVERIFY(target);
        QCOMPARE(target->status, std::string("True"));
        QCOMPARE(target->reason, std::string("DeletionByTaintManager"));
        QCOMPARE(target->message, std::string("Taint manager: deleting due to NoExecute taint"));

        // The kubelet cannot confirm: the pod stays Terminating; the ReplicaSet replaces it on
        // another worker at once; the DaemonSet pod tolerates unreachable forever and stays.
        sim.runUntil(taintedAt + 400);
        QCOMPARE(pod(sim, victimName).get(), victim.get());
        QCOMPARE(kubectlPodStatus(*victim), std::string("Terminating"));
        auto web = podsOf(sim, "web");
        QCOMPARE(web.size(), std::size_t(4));
        int running = 0;
        for (const auto &p : web) {
            if (p == victim)
                continue;
            QVERIFY(p->spec.nodeName == "worker-2" || p->spec.nodeName == "worker-3");
            running += kubectlPodStatus(*p) == "Running" ? 1 : 0;
        }
        QCOMPARE(running, 3);
        QVERIFY(!agent->metadata.deletionTimestamp);
        QCOMPARE(pod(sim, agent->metadata.name, "kube-system").get(), agent.get());

        // Recovery: the kubelet posts Ready and finishes the Terminating pod; the NoSchedule taint
        // goes at once, the NoExecute one with the next monitor pass.
        const double back = 700;
        sim.runUntil(back);
        QVERIFY(!sim.recoverNode("worker-1"));
        QCOMPARE(condition(*w1, "Ready")->status, std::string("True"));
        QCOMPARE(condition(*w1, "Ready")->reason, std::string("KubeletReady"));
        QCOMPARE(timedEvents(sim, "worker-1", "kubelet"),
                 QStringList({"700.0 NodeHasSufficientMemory: Node worker-1 status is now: NodeHasSufficientMemory",
                              "700.0 NodeHasNoDiskPressure: Node worker-1 status is now: NodeHasNoDiskPressure",
                              "700.0 NodeHasSufficientPID: Node worker-1 status is now: NodeHasSufficientPID",
                              "700.0 NodeReady: Node worker-1 status is now: NodeReady"}));
        sim.runUntil(back + 0.001);
        QVERIFY(!taint(*w1, "node.kubernetes.io/unreachable", "NoSchedule"));
        QVERIFY(taint(*w1, "node.kubernetes.io/unreachable", "NoExecute"));
        sim.runUntil(back + 5); // the pass grid: 150 + 5k
        QVERIFY(!taint(*w1, "node.kubernetes.io/unreachable", "NoExecute"));
        QVERIFY(w1->spec.taints.empty());
        QVERIFY(!pod(sim, victimName));
        QCOMPARE(podsOf(sim, "web").size(), std::size_t(3));
        // The DaemonSet pod is reported Ready again.
        QVERIFY(isPodReady(*agent));
        // The pinned pod can now go to worker-1.
        sim.runUntil(back + 30);
        QCOMPARE(pod(sim, "pinned")->spec.nodeName, std::string("worker-1"));
    }

    // A kubelet back within the grace period leaves no trace.
    void shortOutageGoesUnnoticed()
    {
        Simulation sim;
        sim.start(loadYaml(kWeb));
        sim.runUntil(100);
        QVERIFY(!sim.failNode("worker-2"));
        sim.runUntil(140);
        QVERIFY(!sim.recoverNode("worker-2"));
        sim.runUntil(400);
        QCOMPARE(condition(*node(sim, "worker-2"), "Ready")->status, std::string("True"));
        QCOMPARE(condition(*node(sim, "worker-2"), "Ready")->lastTransitionTime, 0.0);
        QVERIFY(node(sim, "worker-2")->spec.taints.empty());
        QVERIFY(timedEvents(sim, "worker-2", "node-controller").isEmpty());
        QVERIFY(timedEvents(sim, "worker-2", "kubelet").isEmpty());
        for (const auto &p : podsOf(sim, "web"))
            QVERIFY(isPodReady(*p) && !p->metadata.deletionTimestamp);
    }

    // Work that falls due while the kubelet is down waits for it: a pod bound just before the
    // failure does not start, and starts once the kubelet is back.
    void stoppedKubeletDoesNotTouchItsPods()
    {
        Simulation sim;
        sim.start({});
        sim.runUntil(10);
        sim.apply(loadYaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: late\nspec:\n  nodeName: worker-3\n"
                           "  containers:\n  - name: c\n    image: nginx:1.25\n"));
        sim.runUntil(10.04); // the pod is stored, bound; its kubelet has not admitted it yet
        QVERIFY(pod(sim, "late"));
        QVERIFY(!sim.failNode("worker-3"));
        const auto version = pod(sim, "late")->metadata.resourceVersion;
        sim.runUntil(45);
        QCOMPARE(pod(sim, "late")->metadata.resourceVersion, version);
        QCOMPARE(pod(sim, "late")->status.phase, std::string("Pending"));
        QVERIFY(!sim.recoverNode("worker-3"));
        sim.runUntil(60);
        QCOMPARE(kubectlPodStatus(*pod(sim, "late")), std::string("Running"));
    }

    // Every node not Ready: the controller suspects itself ("master disruption mode") and taints
    // nothing NoExecute, so nothing is evicted.
    void allNodesDownEvictsNothing()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Node\nmetadata:\n  name: node01\n---\n"
                           "apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers:\n"
                           "  - name: c\n    image: nginx:1.25\n"));
        sim.runUntil(30);
        QCOMPARE(kubectlPodStatus(*pod(sim, "solo")), std::string("Running"));
        QVERIFY(!sim.failNode("node01"));
        sim.runUntil(500);
        auto n = node(sim, "node01");
        QCOMPARE(condition(*n, "Ready")->status, std::string("Unknown"));
        QVERIFY(taint(*n, "node.kubernetes.io/unreachable", "NoSchedule"));
        QVERIFY(!taint(*n, "node.kubernetes.io/unreachable", "NoExecute"));
        QVERIFY(!pod(sim, "solo")->metadata.deletionTimestamp);
        QVERIFY(sim.controllers().find<NodeLifecycleController>()->inFullDisruption());
    }

    // The zone's tainter takes one node per 10 s (--node-eviction-rate 0.1): two nodes of one
    // zone failing together get their NoExecute taints 10 s apart.
    void taintingIsRateLimitedPerZone()
    {
        Simulation sim;
        std::string nodes;
        for (const char *name : {"a1", "a2", "a3", "a4"})
            nodes += std::string("apiVersion: v1\nkind: Node\nmetadata:\n  name: ") + name +
                     "\n  labels:\n    topology.kubernetes.io/zone: zone-a\n---\n";
        sim.start(loadYaml(nodes));
        sim.runUntil(10);
        QVERIFY(!sim.failNode("a1"));
        QVERIFY(!sim.failNode("a2"));
        sim.runUntil(100);
        const Taint *first = taint(*node(sim, "a1"), "node.kubernetes.io/unreachable", "NoExecute");
        const Taint *second = taint(*node(sim, "a2"), "node.kubernetes.io/unreachable", "NoExecute");
        QVERIFY(first && second);
        QVERIFY(qAbs(*first->timeAdded - 65.1) < 1e-9);
        QVERIFY(qAbs(*second->timeAdded - 75.1) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestNodeLifecycleController)
#include "tst_node_lifecycle_controller.moc"
