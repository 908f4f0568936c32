// Simulation's node operations (DESIGN 3.3): kubectl cordon / uncordon, adding a worker, and the
// errors for nodes that do not exist. (Failing, recovering and removing nodes are covered with
// the controllers they set to work: tst_node_lifecycle_controller, tst_taint_eviction_controller,
// tst_pod_gc_controller.)
#include "cluster/pod_status.h"
#include "sim/kubelet.h"
#include "test_support.h"

#include <QtTest>

using namespace podscape;
using podscape::testing::timedEvents;
using namespace podscape::testing;

namespace {

const char *kNode01 = "apiVersion: v1\nkind: Node\nmetadata:\n  name: node01\n---\n";

std::string podYaml(const std::string &name, const std::string &extra = {})
{
    return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\nspec:\n" + extra +
           "  containers:\n  - name: c\n    image: nginx:1.25\n";
}

const Taint *taint(const Node &node, const std::string &key)
{
    for (const auto &t : node.spec.taints)
        if (t.key == key)
            return &t;
    return nullptr;
}


std::string quantity(const Node &node, const std::string &resource)
{
    return node.status.capacity.at(resource).toString();
}

} // namespace

class TestNodeOperations : public QObject {
    Q_OBJECT

private slots:
    // kubectl cordon: spec.unschedulable, then the unschedulable taint (node lifecycle
    // controller) and the kubelet's NodeNotSchedulable on its next 10 s status sync. New pods
    // stay Pending (the NodeUnschedulable filter speaks first), the running one stays.
    void cordonKeepsNewPodsAway()
    {
        Simulation sim;
        sim.start(loadYaml(std::string(kNode01) + podYaml("existing")));
        sim.runUntil(10);
        QCOMPARE(kubectlPodStatus(*pod(sim, "existing")), std::string("Running"));
        QVERIFY(!sim.cordonNode("node01"));
        auto node = sim.store().get<Node>("", "node01");
        QVERIFY(node->spec.unschedulable);
        sim.runUntil(10);
        const Taint *t = taint(*node, "node.kubernetes.io/unschedulable");
        QVERIFY(t);
        QCOMPARE(t->effect, std::string("NoSchedule"));
        QCOMPARE(t->timeAdded.value_or(-1), 10.0);
        QVERIFY(timedEvents(sim, "node01", "kubelet").isEmpty());
        sim.runUntil(20);
        QCOMPARE(timedEvents(sim, "node01", "kubelet"),
                 QStringList({"20.0 NodeNotSchedulable: Node node01 status is now: NodeNotSchedulable"}));
        QVERIFY(!sim.cordonNode("node01")); // "already cordoned": no change, no error

        sim.apply(loadYaml(podYaml("new")));
        sim.runUntil(40);
        QCOMPARE(eventsOf(sim, "new"),
                 QStringList({"FailedScheduling: 0/1 nodes are available: 1 node(s) were unschedulable. preemption: "
                              "0/1 nodes are available: 1 Preemption is not helpful for scheduling."}));
        QCOMPARE(kubectlPodStatus(*pod(sim, "new")), std::string("Pending"));
        QCOMPARE(kubectlPodStatus(*pod(sim, "existing")), std::string("Running"));

        QVERIFY(!sim.uncordonNode("node01"));
        sim.runUntil(40);
        QVERIFY(!node->spec.unschedulable);
        QVERIFY(node->spec.taints.empty());
        sim.runUntil(50);
        QCOMPARE(timedEvents(sim, "node01", "kubelet"),
                 QStringList({"20.0 NodeNotSchedulable: Node node01 status is now: NodeNotSchedulable",
                              "50.0 NodeSchedulable: Node node01 status is now: NodeSchedulable"}));
        sim.runUntil(70);
        QCOMPARE(pod(sim, "new")->spec.nodeName, std::string("node01"));
        QCOMPARE(kubectlPodStatus(*pod(sim, "new")), std::string("Running"));
    }

    // With two of three workers cordoned, a Deployment's pods all go to the third.
    void cordonedWorkersAreSkipped()
    {
        Simulation sim;
        sim.start({});
        QVERIFY(!sim.cordonNode("worker-1"));
        QVERIFY(!sim.cordonNode("worker-3"));
        sim.apply(loadYaml("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n"
                           "  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n"
                           "      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n"
                           "        image: nginx:1.25\n"));
        sim.runUntil(30);
        int onWorker2 = 0;
        for (const auto &p : sim.store().list<Pod>("default"))
            onWorker2 += p->spec.nodeName == "worker-2" ? 1 : 0;
        QCOMPARE(onWorker2, 3);
    }

    // A new worker like the default ones: worker-4, the next podCIDR and address, zone-a (the
    // zones go round), 4 CPU / 8Gi / 110 pods. It gets its DaemonSet pod and the pod that found
    // no room elsewhere.
    void addedWorkerTakesDaemonAndPendingPods()
    {
        Simulation sim;
        sim.start(loadYaml(
            "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels:\n"
            "      app: agent\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n"
            "      containers:\n      - name: agent\n        image: busybox:1.36\n        command: [sh, -c, sleep "
            "infinity]\n"
            "---\n"
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big\nspec:\n  replicas: 4\n  selector:\n"
            "    matchLabels:\n      app: big\n  template:\n    metadata:\n      labels:\n        app: big\n    spec:\n"
            "      containers:\n      - name: c\n        image: nginx:1.25\n        resources:\n          requests:\n"
            "            cpu: \"3\"\n"));
        sim.runUntil(30);
        auto bigOn = [&](const std::string &node) {
            int n = 0;
            for (const auto &p : sim.store().list<Pod>("default"))
                n += p->metadata.labels.at("app") == "big" && p->spec.nodeName == node ? 1 : 0;
            return n;
        };
        QCOMPARE(bigOn(""), 1);
        QCOMPARE(sim.nextWorkerName(), std::string("worker-4"));

        QVERIFY(!sim.addNode());
        auto node = sim.store().get<Node>("", "worker-4");
        QVERIFY(node);
        QVERIFY(sim.kubelet("worker-4"));
        QCOMPARE(node->metadata.labels.at("kubernetes.io/hostname"), std::string("worker-4"));
        QCOMPARE(node->metadata.labels.at("topology.kubernetes.io/zone"), std::string("zone-a"));
        QCOMPARE(node->metadata.labels.at("kubernetes.io/os"), std::string("linux"));
        QCOMPARE(node->spec.podCIDR, std::string("10.244.4.0/24"));
        QCOMPARE(node->status.addresses.front().address, std::string("172.18.0.6"));
        QCOMPARE(quantity(*node, "cpu"), std::string("4"));
        QCOMPARE(quantity(*node, "memory"), std::string("8Gi"));
        QCOMPARE(quantity(*node, "pods"), std::string("110"));
        QVERIFY(node->spec.taints.empty());

        sim.runUntil(60);
        QCOMPARE(bigOn(""), 0);
        QCOMPARE(bigOn("worker-4"), 1);
        bool agentThere = false;
        for (const auto &p : sim.store().list<Pod>("default")) {
            QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
            agentThere = agentThere || (p->metadata.labels.at("app") == "agent" && p->spec.nodeName == "worker-4");
            if (p->spec.nodeName == "worker-4")
                QVERIFY2(QString::fromStdString(p->status.podIP).startsWith("10.244.4."), p->status.podIP.c_str());
        }
        QVERIFY(agentThere);

        // A named node; the zones keep going round.
        QVERIFY(!sim.addNode("edge-1"));
        auto edge = sim.store().get<Node>("", "edge-1");
        QCOMPARE(edge->metadata.labels.at("topology.kubernetes.io/zone"), std::string("zone-b"));
        QCOMPARE(edge->spec.podCIDR, std::string("10.244.5.0/24"));
        QCOMPARE(sim.nextWorkerName(), std::string("worker-5"));
    }

    // kubectl's answers for names that are not there (or already are).
    void unknownNodesAreNotFound()
    {
        Simulation sim;
        sim.start({});
        using Op = std::optional<ApiError> (Simulation::*)(const std::string &);
        for (Op op : {&Simulation::cordonNode, &Simulation::uncordonNode, &Simulation::failNode,
                      &Simulation::recoverNode, &Simulation::removeNode}) {
            std::optional<ApiError> err = (sim.*op)("nope");
            QVERIFY(err);
            QCOMPARE(err->code, 404);
            QCOMPARE(err->reason, std::string("NotFound"));
            QCOMPARE(err->message, std::string("nodes \"nope\" not found"));
        }
        std::optional<ApiError> taken = sim.addNode("worker-1");
        QVERIFY(taken);
        QCOMPARE(taken->code, 409);
        QCOMPARE(taken->message, std::string("nodes \"worker-1\" already exists"));
        // Recovering a healthy node, failing a failed one: nothing to do, no error.
        QVERIFY(!sim.recoverNode("worker-1"));
        QVERIFY(!sim.failNode("worker-1"));
        QVERIFY(!sim.failNode("worker-1"));
        QVERIFY(sim.kubelet("worker-1")->stopped());
    }
};

QTEST_GUILESS_MAIN(TestNodeOperations)
#include "tst_node_operations.moc"
