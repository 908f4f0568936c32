// The pod garbage collector (pkg/controller/podgc/gc_controller.go): pods whose node was deleted
// are force-deleted after the 40 s quarantine, on the controller's 20 s loop, marked Failed with
// DisruptionTarget DeletionByPodGC; pods bound to a node that never existed go the same way;
// terminating pods on an out-of-service node are force-deleted.
#include "controller_test_support.h"
#include "sim/kubelet.h"

#include <QtTest>

using namespace podscape;
using namespace podscape::controllertest;
using podscape::testing::pod;

namespace {

const char *kWeb = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n"
                   "  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n"
                   "        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.25\n"
                   "        readinessProbe:\n          httpGet:\n            path: /\n            port: 80\n"
                   "          periodSeconds: 5\n";

const char *kAgent =
    "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n"
    "    matchLabels:\n      app: agent\n  template:\n    metadata:\n      labels:\n        app: agent\n"
    "    spec:\n      containers:\n      - name: agent\n        image: busybox:1.36\n"
    "        command: [sh, -c, sleep infinity]\n";

std::vector<std::shared_ptr<Pod>> podsOn(Simulation &sim, const std::string &node)
{
    std::vector<std::shared_ptr<Pod>> out;
    for (const auto &p : sim.store().list<Pod>("default"))
        if (p->spec.nodeName == node)
            out.push_back(p);
    return out;
}

// The last status each pod had before it left the store.
struct LastWords {
    std::map<std::string, std::pair<std::string, PodCondition>> byPod; // name → phase, DisruptionTarget
    void watch(Simulation &sim)
    {
        sim.store().watch([this](const WatchEvent &e) {
            auto pod = std::dynamic_pointer_cast<Pod>(e.object);
            if (!pod || e.type == WatchEventType::Deleted)
                return;
            const PodCondition *c = findCondition(*pod, "DisruptionTarget");
            byPod[pod->metadata.name] = {pod->status.phase, c ? *c : PodCondition{}};
        });
    }
};

} // namespace

class TestPodGcController : public QObject {
    Q_OBJECT

private slots:
    // kubectl delete node worker-1 at t=100: the GC loop (20 s) first sees the orphans at 120,
    // quarantines the node for 40 s and deletes its pods at 160; the ReplicaSet replaces its pod
    // then; the DaemonSet has nothing left to do there.
    void podsOfADeletedNodeGoAfterTheQuarantine()
    {
        Simulation sim;
        LastWords last;
        last.watch(sim);
        sim.start(loadYaml(std::string(kWeb) + "---\n" + kAgent));
        sim.runUntil(100);
        auto onWorker1 = podsOn(sim, "worker-1");
        QCOMPARE(onWorker1.size(), std::size_t(2)); // one web pod, one agent pod
        QVERIFY(!sim.removeNode("worker-1"));
        QVERIFY(!sim.store().get<Node>("", "worker-1"));
        QVERIFY(!sim.kubelet("worker-1"));

        sim.runUntil(159.999);
        QCOMPARE(podsOn(sim, "worker-1").size(), std::size_t(2));
        for (const auto &p : onWorker1)
            QCOMPARE(kubectlPodStatus(*p), std::string("Running")); // no kubelet to say otherwise
        sim.runUntil(160);
        QVERIFY(podsOn(sim, "worker-1").empty());
        for (const auto &p : onWorker1) {
            const auto &[phase, target] = last.byPod[p->metadata.name];
            QCOMPARE(phase, std::string("Failed"));
            QCOMPARE(target.status, std::string("True"));
            QCOMPARE(target.reason, std::string("DeletionByPodGC"));
            QCOMPARE(target.message, std::string("PodGC: node no longer exists"));
        }

        // The replacement runs on another worker; the kubelet's timers of the gone node (probes,
        // the agent's) fire into nothing.
        sim.runUntil(400);
        int web = 0, agents = 0;
        for (const auto &p : sim.store().list<Pod>("default")) {
            QVERIFY(p->spec.nodeName == "worker-2" || p->spec.nodeName == "worker-3");
            QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
            (p->metadata.labels.at("app") == "web" ? web : agents) += 1;
        }
        QCOMPARE(web, 3);
        QCOMPARE(agents, 2);
    }

    // A pod evicted from a failed node stays Terminating; deleting the node lets the pod GC
    // force-delete it (grace period 0).
    void terminatingPodsOfARemovedNodeGoToo()
    {
        Simulation sim;
        sim.start(loadYaml(kWeb));
        sim.runUntil(100);
        auto victim = podsOn(sim, "worker-2").front();
        QVERIFY(!sim.failNode("worker-2"));
        sim.runUntil(500);
        QCOMPARE(kubectlPodStatus(*victim), std::string("Terminating"));
        QVERIFY(!sim.removeNode("worker-2")); // at 500: GC passes at 520 and 560
        sim.runUntil(559.999);
        QVERIFY(pod(sim, victim->metadata.name));
        sim.runUntil(560);
        QVERIFY(!pod(sim, victim->metadata.name));
    }

    // A pod bound by hand to a node that does not exist is an orphan from the start.
    void podOnAnUnknownNodeIsCollected()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: lost\nspec:\n  nodeName: worker-9\n"
                           "  containers:\n  - name: c\n    image: nginx:1.25\n"));
        sim.runUntil(59.999); // first seen at the 20 s pass, quarantined until 60
        QVERIFY(pod(sim, "lost"));
        QCOMPARE(pod(sim, "lost")->status.phase, std::string("Pending"));
        sim.runUntil(60);
        QVERIFY(!pod(sim, "lost"));
    }

    // Non-graceful node shutdown: a Terminating pod on a not-Ready node tainted
    // node.kubernetes.io/out-of-service is force-deleted on the next GC pass.
    void outOfServiceTaintReleasesTerminatingPods()
    {
        Simulation sim;
        sim.start(loadYaml(kWeb));
        sim.runUntil(100);
        auto victim = podsOn(sim, "worker-3").front();
        QVERIFY(!sim.failNode("worker-3"));
        sim.runUntil(500);
        QCOMPARE(kubectlPodStatus(*victim), std::string("Terminating"));
        auto node = sim.store().get<Node>("", "worker-3");
        node->spec.taints.push_back({"node.kubernetes.io/out-of-service", "nodeshutdown", "NoExecute", sim.now()});
        sim.apiServer().updateStatus(node); // kubectl taint nodes worker-3 node.kubernetes.io/out-of-service=...
        sim.runUntil(519.999);
        QVERIFY(pod(sim, victim->metadata.name));
        sim.runUntil(520);
        QVERIFY(!pod(sim, victim->metadata.name));
    }
};

QTEST_GUILESS_MAIN(TestPodGcController)
#include "tst_pod_gc_controller.moc"
