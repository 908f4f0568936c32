// The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go): who leaves a
// node tainted NoExecute and when: untolerated at once, tolerationSeconds after the taint, never
// when tolerated without a limit (DaemonSet pods); a taint removed in time cancels the deletion.
#include "controller_test_support.h"
#include "sim/controllers/taint_eviction_controller.h"

#include <QtTest>

using namespace podscape;
using namespace podscape::controllertest;
using podscape::testing::pod;

namespace {

// A pod on worker-1 with extra tolerations (YAML under spec, 2 spaces).
std::string podYaml(const std::string &name, const std::string &tolerations = {})
{
    return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\nspec:\n  nodeName: worker-1\n" + tolerations +
           "  containers:\n  - name: c\n    image: nginx:1.25\n---\n";
}

std::string tolerateUnreachable(const std::string &seconds)
{
    return "  tolerations:\n  - key: node.kubernetes.io/unreachable\n    operator: Exists\n    effect: NoExecute\n" +
           (seconds.empty() ? std::string() : "    tolerationSeconds: " + seconds + "\n");
}

const char *kAgent =
    "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n"
    "    matchLabels:\n      app: agent\n  template:\n    metadata:\n      labels:\n        app: agent\n"
    "    spec:\n      containers:\n      - name: agent\n        image: busybox:1.36\n"
    "        command: [sh, -c, sleep infinity]\n";

double noExecuteTaintTime(Simulation &sim, const std::string &node)
{
    for (const auto &t : sim.store().get<Node>("", node)->spec.taints)
        if (t.effect == "NoExecute")
            return t.timeAdded.value_or(-1);
    return -1;
}

bool terminating(Simulation &sim, const std::string &name)
{
    auto p = pod(sim, name);
    return p && p->metadata.deletionTimestamp.has_value();
}

std::shared_ptr<Pod> agentOn(Simulation &sim, const std::string &node)
{
    for (const auto &p : sim.store().list<Pod>("default"))
        if (p->metadata.labels.count("app") && p->spec.nodeName == node)
            return p;
    return nullptr;
}

std::shared_ptr<Node> taintNode(Simulation &sim, const std::string &name, const std::string &key)
{
    auto node = sim.store().get<Node>("", name);
    node->spec.taints.push_back({key, "", "NoExecute", sim.now()});
    sim.apiServer().updateStatus(node); // kubectl taint
    return node;
}

} // namespace

class TestTaintEvictionController : public QObject {
    Q_OBJECT

private slots:
    // worker-1 fails at t=100: its NoExecute unreachable taint comes at 155.1. tolerationSeconds
    // 10 leaves at 165.1, the default 300 s at 455.1; a toleration without seconds and the
    // DaemonSet pod stay.
    void tolerationSecondsDecideWhenPodsLeave()
    {
        Simulation sim;
        sim.start(loadYaml(podYaml("brief", tolerateUnreachable("10")) + podYaml("default") +
                           podYaml("forever", tolerateUnreachable("")) + kAgent));
        sim.runUntil(100);
        auto agent = agentOn(sim, "worker-1");
        QVERIFY(agent);
        QVERIFY(!sim.failNode("worker-1"));
        sim.runUntil(160);
        const double tainted = noExecuteTaintTime(sim, "worker-1");
        QVERIFY(qAbs(tainted - 155.1) < 1e-9);
        const auto *taints = sim.controllers().find<TaintEvictionController>();
        QCOMPARE(taints->scheduledDeletion("default", "brief").value_or(-1), tainted + 10);
        QCOMPARE(taints->scheduledDeletion("default", "default").value_or(-1), tainted + 300);
        QVERIFY(!taints->scheduledDeletion("default", "forever"));
        QVERIFY(!taints->scheduledDeletion("default", agent->metadata.name));

        sim.runUntil(tainted + 10 - 0.001);
        QVERIFY(!terminating(sim, "brief"));
        sim.runUntil(tainted + 10);
        QVERIFY(terminating(sim, "brief"));
        QCOMPARE(eventsOf(sim, "brief", "taint-eviction-controller"),
                 QStringList({"TaintManagerEviction: Marking for deletion Pod default/brief"}));
        QVERIFY(!terminating(sim, "default"));

        sim.runUntil(tainted + 300);
        QVERIFY(terminating(sim, "default"));
        sim.runUntil(tainted + 1000);
        QVERIFY(!terminating(sim, "forever"));
        QVERIFY(!agent->metadata.deletionTimestamp);
        // Bare pods are not replaced; the evicted ones wait for their kubelet as Terminating.
        QCOMPARE(kubectlPodStatus(*pod(sim, "default")), std::string("Terminating"));
        QCOMPARE(kubectlPodStatus(*pod(sim, "brief")), std::string("Terminating"));
    }

    // A pod that does not tolerate a NoExecute taint goes at once; one tolerating it for a while
    // is spared when the taint goes before its time: "Cancelling deletion".
    void untoleratedGoesAtOnceRemovedTaintCancels()
    {
        Simulation sim;
        sim.start(loadYaml(podYaml("plain") + podYaml("patient",
                                                      "  tolerations:\n  - key: maintenance\n    operator: Exists\n"
                                                      "    effect: NoExecute\n    tolerationSeconds: 60\n")));
        sim.runUntil(30);
        QVERIFY(!terminating(sim, "plain"));
        QVERIFY(!terminating(sim, "patient"));
        auto node = taintNode(sim, "worker-1", "maintenance");
        sim.runUntil(30);
        QVERIFY(terminating(sim, "plain"));
        QCOMPARE(findCondition(*pod(sim, "plain"), "DisruptionTarget")->reason, std::string("DeletionByTaintManager"));
        QVERIFY(!terminating(sim, "patient"));
        // The kubelet is alive: the evicted pod ends after its graceful shutdown.
        sim.runUntil(40);
        QVERIFY(!pod(sim, "plain"));

        sim.runUntil(50);
        node->spec.taints.clear();
        sim.apiServer().updateStatus(node); // kubectl taint ... maintenance-
        sim.runUntil(200);
        QVERIFY(!terminating(sim, "patient"));
        QCOMPARE(eventsOf(sim, "patient", "taint-eviction-controller"),
                 QStringList({"TaintManagerEviction: Cancelling deletion of Pod default/patient"}));
    }

    // A recovered node's NoExecute taint goes with the next monitor pass: the pending deletions
    // of its pods are cancelled.
    void recoveryCancelsPendingEvictions()
    {
        Simulation sim;
        sim.start(loadYaml(podYaml("web")));
        sim.runUntil(100);
        QVERIFY(!sim.failNode("worker-1"));
        sim.runUntil(200);
        QVERIFY(sim.controllers().find<TaintEvictionController>()->scheduledDeletion("default", "web"));
        QVERIFY(!sim.recoverNode("worker-1"));
        sim.runUntil(205); // monitor passes at 150 + 5k
        QCOMPARE(noExecuteTaintTime(sim, "worker-1"), -1.0);
        QVERIFY(!sim.controllers().find<TaintEvictionController>()->scheduledDeletion("default", "web"));
        QCOMPARE(eventsOf(sim, "web", "taint-eviction-controller"),
                 QStringList({"TaintManagerEviction: Cancelling deletion of Pod default/web"}));
        sim.runUntil(1000);
        QVERIFY(!terminating(sim, "web"));
        QVERIFY(isPodReady(*pod(sim, "web")));
    }

    void tolerationHelpers()
    {
        Taint unreachable{"node.kubernetes.io/unreachable", "", "NoExecute", 0.0};
        Taint other{"dedicated", "db", "NoExecute", 0.0};
        Toleration unlimited{"node.kubernetes.io/unreachable", "Exists", "", "NoExecute", std::nullopt};
        Toleration brief{"node.kubernetes.io/unreachable", "Exists", "", "NoExecute", 10};
        auto [all, used] = matchingTolerations({unreachable}, {unlimited, brief});
        QVERIFY(all);
        QCOMPARE(minTolerationTime(used), -1.0); // the first match counts
        std::tie(all, used) = matchingTolerations({unreachable}, {brief, unlimited});
        QCOMPARE(minTolerationTime(used), 10.0);
        std::tie(all, used) = matchingTolerations({unreachable, other}, {brief});
        QVERIFY(!all);
        Toleration zero{"dedicated", "Equal", "db", "NoExecute", -5};
        std::tie(all, used) = matchingTolerations({unreachable, other}, {brief, zero});
        QVERIFY(all);
        QCOMPARE(minTolerationTime(used), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestTaintEvictionController)
#include "tst_taint_eviction_controller.moc"
