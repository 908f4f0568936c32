// The DaemonSet controller (DESIGN 3.4): one pod per eligible node, the tolerations daemon pods
// get (pkg/controller/daemon/util/daemonset_util.go), nodes coming and changing, the rolling
// update's unavailability bound, and the status counts.
#include "controller_test_support.h"
#include "sim/cluster_bootstrap.h"
#include "sim/controllers/daemonset_controller.h"

#include <QRegularExpression>
#include <QtTest>

using namespace podscape;
using namespace podscape::controllertest;

namespace {

struct Spec {
    std::string name = "fluentd";
    std::string image = "fluentd:v1.16";
    std::string podSpecExtra{}; // extra YAML under the template's spec (6 spaces)
    std::string specExtra{};    // extra YAML under spec (2 spaces)
};

std::string daemonSetYaml(const Spec &s)
{
    return "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: " + s.name +
           "\n  namespace: kube-system\nspec:\n" + s.specExtra +
           "  selector:\n    matchLabels:\n      name: " + s.name +
           "\n  template:\n    metadata:\n      labels:\n        name: " + s.name + "\n    spec:\n" + s.podSpecExtra +
           "      containers:\n      - name: " + s.name + "\n        image: " + s.image +
           "\n        readinessProbe:\n          exec:\n            command: [cat, /tmp/ready]\n"
           "          initialDelaySeconds: 5\n          periodSeconds: 5\n";
}

std::vector<std::shared_ptr<Pod>> daemonPods(Simulation &sim, const std::string &name = "fluentd")
{
    auto ds = sim.store().get<DaemonSet>("kube-system", name);
    return ds ? ownedBy<Pod>(sim, *ds) : std::vector<std::shared_ptr<Pod>>{};
}

QStringList nodesOf(const std::vector<std::shared_ptr<Pod>> &pods)
{
    QStringList out;
    for (const auto &p : pods)
        if (!p->metadata.deletionTimestamp)
            out << QString::fromStdString(p->spec.nodeName);
    out.sort();
    return out;
}

const DaemonSetStatus *statusOf(const Simulation &sim, const std::string &name = "fluentd")
{
    return sim.controllers().find<DaemonSetController>()->statusOf("kube-system", name);
}

std::string label(const Pod &pod, const std::string &key)
{
    auto it = pod.metadata.labels.find(key);
    return it == pod.metadata.labels.end() ? std::string("<none>") : it->second;
}

std::shared_ptr<Node> extraNode(const std::string &name, int index)
{
    auto node = std::make_shared<Node>();
    node->apiVersion = "v1";
    node->kind = "Node";
    node->metadata.name = name;
    completeNode(*node, index);
    return node;
}

} // namespace

class TestDaemonSetController : public QObject {
    Q_OBJECT

private slots:
    // The control-plane node's NoSchedule taint keeps a plain DaemonSet off it; every worker
    // gets exactly one pod, named from generateName, pinned by node affinity, Running.
    void onePodOnEveryWorker()
    {
        Simulation sim;
        sim.start(loadYaml(daemonSetYaml({})));
        sim.runUntil(30);
        auto pods = daemonPods(sim);
        QCOMPARE(nodesOf(pods), QStringList({"worker-1", "worker-2", "worker-3"}));
        QRegularExpression name("^fluentd-[bcdfghjklmnpqrstvwxz2456789]{5}$");
        for (const auto &p : pods) {
            QVERIFY2(name.match(QString::fromStdString(p->metadata.name)).hasMatch(), p->metadata.name.c_str());
            QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
            const auto &terms = p->spec.affinity->nodeAffinity->required->nodeSelectorTerms;
            QCOMPARE(terms.size(), std::size_t(1));
            QCOMPARE(terms[0].matchFields.front().key, std::string("metadata.name"));
            QCOMPARE(terms[0].matchFields.front().values, std::vector<std::string>{p->spec.nodeName});
            QCOMPARE(label(*p, "pod-template-generation"), std::string("1"));
            QVERIFY(label(*p, "controller-revision-hash") != "<none>");
        }
        QCOMPARE(eventsOf(sim, "fluentd", "daemonset-controller")
                     .filter(QRegularExpression("^SuccessfulCreate: Created pod: fluentd-[a-z0-9]{5}$"))
                     .size(),
                 3);
        const DaemonSetStatus *s = statusOf(sim);
        QVERIFY(s);
        QCOMPARE(s->desiredNumberScheduled, 3);
        QCOMPARE(s->currentNumberScheduled, 3);
        QCOMPARE(s->numberReady, 3);
        QCOMPARE(s->numberAvailable, 3);
        QCOMPARE(s->updatedNumberScheduled, 3);
        QCOMPARE(s->numberMisscheduled, 0);
    }

    // AddOrUpdateDaemonPodTolerations, in its order; hostNetwork adds network-unavailable.
    void daemonPodsGetTheirTolerations()
    {
        Simulation sim;
        sim.start(loadYaml(daemonSetYaml({.podSpecExtra = "      hostNetwork: true\n"})));
        sim.runUntil(10);
        auto pods = daemonPods(sim);
        QVERIFY(!pods.empty());
        QStringList tolerations;
        for (const auto &t : pods.front()->spec.tolerations)
            tolerations << QString::fromStdString(t.key + ":" + t.operator_ + ":" + t.effect +
                                                  (t.tolerationSeconds ? "=set" : ""));
        QCOMPARE(tolerations, QStringList({"node.kubernetes.io/not-ready:Exists:NoExecute",
                                           "node.kubernetes.io/unreachable:Exists:NoExecute",
                                           "node.kubernetes.io/disk-pressure:Exists:NoSchedule",
                                           "node.kubernetes.io/memory-pressure:Exists:NoSchedule",
                                           "node.kubernetes.io/pid-pressure:Exists:NoSchedule",
                                           "node.kubernetes.io/unschedulable:Exists:NoSchedule",
                                           "node.kubernetes.io/network-unavailable:Exists:NoSchedule"}));
        // hostNetwork: the pod's IP is its node's.
        sim.runUntil(30);
        for (const auto &p : daemonPods(sim))
            QVERIFY2(QString::fromStdString(p->status.podIP).startsWith("172.18.0."), p->status.podIP.c_str());
    }

    // A toleration of the control-plane taint (as kube-proxy has) puts a pod there too; a
    // nodeSelector narrows the nodes.
    void tolerationsAndNodeSelectorDecideTheNodes()
    {
        Simulation sim;
        std::string everywhere =
            daemonSetYaml({.name = "kube-proxy", .podSpecExtra = "      tolerations:\n      - operator: Exists\n"});
        std::string zoneB = daemonSetYaml({.name = "zonal",
                                           .podSpecExtra = "      nodeSelector:\n"
                                                           "        topology.kubernetes.io/zone: zone-b\n"});
        sim.start(loadYaml(everywhere + "---\n" + zoneB));
        sim.runUntil(30);
        QCOMPARE(nodesOf(daemonPods(sim, "kube-proxy")),
                 QStringList({"control-plane", "worker-1", "worker-2", "worker-3"}));
        QCOMPARE(nodesOf(daemonPods(sim, "zonal")), QStringList({"worker-2"}));
        QCOMPARE(statusOf(sim, "zonal")->desiredNumberScheduled, 1);
    }

    // A node that joins gets its pod; a node relabelled out of the selector loses it (the pod is
    // deleted, not left misscheduled), one relabelled in gains one.
    void followsNodesAsTheyComeAndChange()
    {
        Simulation sim;
        std::string zoneA = daemonSetYaml({.podSpecExtra = "      nodeSelector:\n"
                                                           "        topology.kubernetes.io/zone: zone-a\n"});
        sim.start(loadYaml(zoneA));
        sim.runUntil(20);
        QCOMPARE(nodesOf(daemonPods(sim)), QStringList({"worker-1"}));

        auto node = extraNode("worker-4", 4);
        node->metadata.labels["topology.kubernetes.io/zone"] = "zone-a";
        QVERIFY(sim.apiServer().create(node).ok());
        sim.runUntil(40);
        QCOMPARE(nodesOf(daemonPods(sim)), QStringList({"worker-1", "worker-4"}));
        QCOMPARE(statusOf(sim)->numberReady, 2);

        auto relabelled = std::static_pointer_cast<Node>(sim.store().get<Node>("", "worker-1")->clone());
        relabelled->metadata.labels["topology.kubernetes.io/zone"] = "zone-c";
        QVERIFY(sim.apiServer().apply(relabelled).ok());
        sim.runUntil(80);
        QCOMPARE(nodesOf(daemonPods(sim)), QStringList({"worker-4"}));
        QVERIFY(eventsOf(sim, "fluentd", "daemonset-controller").filter("SuccessfulDelete: Deleted pod: ").size() == 1);
        QCOMPARE(statusOf(sim)->desiredNumberScheduled, 1);
        QCOMPARE(statusOf(sim)->numberMisscheduled, 0);
    }

    // RollingUpdate with maxUnavailable 1 (the default): a re-applied template replaces the pods
    // node by node; at no sampled instant are two nodes without an available daemon pod.
    void rollingUpdateReplacesNodeByNode()
    {
        Simulation sim;
        sim.start(loadYaml(daemonSetYaml({})));
        sim.runUntil(30);
        const std::string oldHash = label(*daemonPods(sim).front(), "controller-revision-hash");
        sim.apply(loadYaml(daemonSetYaml({.image = "fluentd:v1.17"})));
        int maxUnavailable = 0;
        bool sawMixed = false;
        for (double t = 30; t < 150; t += 0.5) {
            sim.runUntil(t);
            int available = 0, updated = 0, old = 0;
            for (const auto &p : daemonPods(sim)) {
                if (p->metadata.deletionTimestamp)
                    continue;
                available += isPodAvailable(*p, 0, sim.now()) ? 1 : 0;
                (p->spec.containers.front().image == "fluentd:v1.17" ? updated : old) += 1;
            }
            maxUnavailable = std::max(maxUnavailable, 3 - available);
            sawMixed |= updated > 0 && old > 0;
        }
        QCOMPARE(maxUnavailable, 1);
        QVERIFY(sawMixed);
        auto pods = daemonPods(sim);
        QCOMPARE(nodesOf(pods), QStringList({"worker-1", "worker-2", "worker-3"}));
        for (const auto &p : pods) {
            QCOMPARE(p->spec.containers.front().image, std::string("fluentd:v1.17"));
            QCOMPARE(label(*p, "pod-template-generation"), std::string("2"));
            QVERIFY(label(*p, "controller-revision-hash") != oldHash);
        }
        QCOMPARE(statusOf(sim)->updatedNumberScheduled, 3);
        QCOMPARE(statusOf(sim)->numberAvailable, 3);
    }

    // maxSurge 1, maxUnavailable 0: the new pod starts next to the old one, which goes only
    // once the new one is available, so every node keeps a serving pod.
    void surgeKeepsEveryNodeServing()
    {
        Simulation sim;
        std::string strategy = "  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n"
                               "      maxSurge: 1\n      maxUnavailable: 0\n";
        sim.start(loadYaml(daemonSetYaml({.specExtra = strategy})));
        sim.runUntil(30);
        sim.apply(loadYaml(daemonSetYaml({.image = "fluentd:v1.17", .specExtra = strategy})));
        int most = 0;
        for (double t = 30; t < 150; t += 0.5) {
            sim.runUntil(t);
            std::map<std::string, int> availableOn;
            int live = 0;
            for (const auto &p : daemonPods(sim)) {
                live += p->metadata.deletionTimestamp ? 0 : 1;
                if (!p->metadata.deletionTimestamp && isPodAvailable(*p, 0, sim.now()))
                    ++availableOn[p->spec.nodeName];
            }
            most = std::max(most, live);
            QVERIFY2(availableOn.size() == 3, qPrintable(QString("at %1 s").arg(t)));
        }
        QCOMPARE(most, 4); // one surge pod at a time
        for (const auto &p : daemonPods(sim))
            QCOMPARE(p->spec.containers.front().image, std::string("fluentd:v1.17"));
    }

    // OnDelete: a new template touches nothing until a pod is deleted by hand.
    void onDeleteWaitsForTheUser()
    {
        Simulation sim;
        std::string strategy = "  updateStrategy:\n    type: OnDelete\n";
        sim.start(loadYaml(daemonSetYaml({.specExtra = strategy})));
        sim.runUntil(30);
        sim.apply(loadYaml(daemonSetYaml({.image = "fluentd:v1.17", .specExtra = strategy})));
        sim.runUntil(90);
        auto pods = daemonPods(sim);
        for (const auto &p : pods)
            QCOMPARE(p->spec.containers.front().image, std::string("fluentd:v1.16"));
        QCOMPARE(statusOf(sim)->updatedNumberScheduled, 0);
        std::string victimNode = pods.front()->spec.nodeName;
        QVERIFY(!sim.remove("Pod", "kube-system", pods.front()->metadata.name));
        sim.runUntil(150);
        for (const auto &p : daemonPods(sim))
            QCOMPARE(p->spec.containers.front().image,
                     std::string(p->spec.nodeName == victimNode ? "fluentd:v1.17" : "fluentd:v1.16"));
        QCOMPARE(statusOf(sim)->updatedNumberScheduled, 1);
    }

    // An empty selector would select every pod: the API server refuses it (the controller's
    // SelectingAll guard is for objects stored before that validation existed).
    void emptySelectorIsRefused()
    {
        Simulation sim;
        auto objs = loadYaml(daemonSetYaml({}));
        std::static_pointer_cast<DaemonSet>(objs.front())->spec.selector = LabelSelector{};
        sim.start(objs);
        sim.runUntil(10);
        QVERIFY(!sim.store().get<DaemonSet>("kube-system", "fluentd"));
        QCOMPARE(sim.rejected().size(), std::size_t(1));
        QVERIFY2(sim.rejected().front().message.find("empty selector is invalid for daemonset") != std::string::npos,
                 sim.rejected().front().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestDaemonSetController)
#include "tst_daemonset_controller.moc"
