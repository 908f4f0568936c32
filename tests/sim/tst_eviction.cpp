// The Eviction API with PodDisruptionBudgets (pkg/registry/core/pod/storage/eviction.go), the
// drag of a pod onto a node (DESIGN 3.3) and kubectl drain (kubectl/pkg/drain), on the
// simulated cluster.
#include "cluster/pod_status.h"
#include "test_support.h"

#include <QtTest>

using namespace podscape;
using podscape::testing::loadYaml;

namespace {

std::string nodes(std::initializer_list<const char *> names)
{
    std::string out;
    for (const char *n : names)
        out += std::string("apiVersion: v1\nkind: Node\nmetadata:\n  name: ") + n + "\n---\n";
    return out;
}

std::string deployment(const std::string &name, int replicas, const std::string &cpu = "100m")
{
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name +
           "\nspec:\n  replicas: " + std::to_string(replicas) + "\n  selector:\n    matchLabels: {app: " + name +
           "}\n  template:\n    metadata:\n      labels: {app: " + name +
           "}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n"
           "        resources:\n          requests: {cpu: " +
           cpu + "}\n---\n";
}

std::string budget(const std::string &name, const std::string &field, const std::string &value,
                   const std::string &app = "web", const std::string &extra = {})
{
    return "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: " + name + "\nspec:\n  " + field +
           ": " + value + "\n  selector:\n    matchLabels: {app: " + app + "}\n" + extra + "---\n";
}

std::vector<std::shared_ptr<Pod>> podsOf(Simulation &sim, const std::string &app, bool includeTerminating = false)
{
    std::vector<std::shared_ptr<Pod>> out;
    for (const auto &p : sim.store().list<Pod>("default"))
        if (p->metadata.labels.count("app") && p->metadata.labels.at("app") == app &&
            (includeTerminating || !p->metadata.deletionTimestamp))
            out.push_back(p);
    return out;
}

std::shared_ptr<PodDisruptionBudget> pdb(Simulation &sim, const std::string &name)
{
    return sim.store().get<PodDisruptionBudget>("default", name);
}

QStringList kubectlLines(const Simulation &sim)
{
    QStringList out;
    for (const auto &l : sim.kubectlOutput())
        out << QString::fromStdString(l.text);
    return out;
}

} // namespace

class TestEviction : public QObject {
    Q_OBJECT

private slots:
    // disruption.go getExpectedPodCount: an integer minAvailable counts the pods; a percentage
    // or maxUnavailable counts the replicas the controller wants, rounded up.
    void disruptionControllerKeepsBudgetStatus_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("desiredHealthy");
        QTest::addColumn<int>("disruptionsAllowed");
        QTest::newRow("minAvailable 2") << "minAvailable"
                                        << "2" << 2 << 1;
        QTest::newRow("minAvailable 50%") << "minAvailable"
                                          << "\"50%\"" << 2 << 1;
        QTest::newRow("maxUnavailable 1") << "maxUnavailable"
                                          << "1" << 2 << 1;
        QTest::newRow("maxUnavailable 34%") << "maxUnavailable"
                                            << "\"34%\"" << 1 << 2;
        QTest::newRow("minAvailable 3") << "minAvailable"
                                        << "3" << 3 << 0;
    }
    void disruptionControllerKeepsBudgetStatus()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(int, desiredHealthy);
        QFETCH(int, disruptionsAllowed);
        Simulation sim;
        sim.start(loadYaml(deployment("web", 3) + budget("web-pdb", field.toStdString(), value.toStdString())));
        sim.runUntil(60);
        auto b = pdb(sim, "web-pdb");
        QCOMPARE(b->status.expectedPods, 3);
        QCOMPARE(b->status.currentHealthy, 3);
        QCOMPARE(b->status.desiredHealthy, desiredHealthy);
        QCOMPARE(b->status.disruptionsAllowed, disruptionsAllowed);
        QCOMPARE(b->status.disruptionAllowedReason,
                 std::string(disruptionsAllowed > 0 ? "SufficientPods" : "InsufficientPods"));
        QCOMPARE(b->status.observedGeneration, b->metadata.generation);
    }

    void budgetWithoutPodsSaysSo()
    {
        Simulation sim;
        sim.start(loadYaml(budget("lonely", "minAvailable", "1", "nothing")));
        sim.runUntil(5);
        QVERIFY(testing::eventsOf(sim, "lonely").contains("NoPods: No matching pods found"));
        QCOMPARE(pdb(sim, "lonely")->status.disruptionsAllowed, 0);
    }

    // A percentage needs the pods' controllers; a DaemonSet has no scale subresource.
    void percentageOverDaemonSetPodsFailsSafe()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n"
                           "    matchLabels: {app: agent}\n  template:\n    metadata:\n      labels: {app: agent}\n"
                           "    spec:\n      containers:\n      - name: a\n        image: busybox\n"
                           "        command: [sleep, \"3600\"]\n---\n" +
                           budget("agent-pdb", "maxUnavailable", "1", "agent")));
        sim.runUntil(60);
        QVERIFY(testing::eventsOf(sim, "agent-pdb")
                    .contains("CalculateExpectedPodCountFailed: Failed to calculate the number of expected pods: "
                              "daemonsets.apps does not implement the scale subresource"));
        QCOMPARE(pdb(sim, "agent-pdb")->status.disruptionsAllowed, 0);
        QCOMPARE(pdb(sim, "agent-pdb")->status.disruptionAllowedReason, std::string("SyncFailed"));
    }

    // The budget allows one eviction, refuses the next with the API's 429 and its numbers,
    // and allows it again once the first pod's replacement is Ready.
    void budgetBlocksThenAllowsAnEviction()
    {
        Simulation sim;
        sim.start(loadYaml(deployment("web", 3) + budget("web-pdb", "minAvailable", "2")));
        sim.runUntil(60);
        auto pods = podsOf(sim, "web");
        QCOMPARE(pods.size(), std::size_t(3));

        EvictionRecord first = sim.evict("default", pods[0]->metadata.name);
        QVERIFY(first.allowed);
        QCOMPARE(first.controller.substr(0, 11), std::string("ReplicaSet/"));
        QVERIFY(pods[0]->metadata.deletionTimestamp);
        const PodCondition *target = findCondition(*pods[0], "DisruptionTarget");
        QVERIFY(target);
        QCOMPARE(target->reason, std::string("EvictionByEvictionAPI"));
        QCOMPARE(target->message, std::string("Eviction API: evicting"));
        QCOMPARE(pdb(sim, "web-pdb")->status.disruptionsAllowed, 0);
        QVERIFY(pdb(sim, "web-pdb")->status.disruptedPods.count(pods[0]->metadata.name));

        sim.runUntil(sim.now() + 0.1); // the disruption controller has seen the terminating pod
        EvictionRecord second = sim.evict("default", pods[1]->metadata.name);
        QVERIFY(!second.allowed);
        QCOMPARE(second.reason, std::string("TooManyRequests"));
        QCOMPARE(second.message, std::string("Cannot evict pod as it would violate the pod's disruption budget."));
        QCOMPARE(second.cause, std::string("The disruption budget web-pdb needs 2 healthy pods and has 2 currently"));
        QVERIFY(!pods[1]->metadata.deletionTimestamp); // a refused eviction changes nothing

        sim.runUntil(sim.now() + 30); // the ReplicaSet's replacement is Ready
        QCOMPARE(podsOf(sim, "web").size(), std::size_t(3));
        QCOMPARE(pdb(sim, "web-pdb")->status.disruptionsAllowed, 1);
        EvictionRecord third = sim.evict("default", pods[1]->metadata.name);
        QVERIFY(third.allowed);
        QCOMPARE(sim.evictions().size(), std::size_t(3));
    }

    // IfHealthyBudget (the default) lets an unready pod go only when the budget is met without
    // it; AlwaysAllow always lets it go.
    void unhealthyPodEvictionPolicy()
    {
        // Crash-looping: Running, but never Ready.
        const std::string unready = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: stuck\n  labels: {app: web}\n"
                                    "spec:\n  containers:\n  - name: app\n    image: busybox\n"
                                    "    command: [sh, -c, \"exit 1\"]\n---\n";
        for (const char *policy : {"IfHealthyBudget", "AlwaysAllow"}) {
            Simulation sim;
            sim.start(loadYaml(unready + budget("web-pdb", "minAvailable", "1", "web",
                                                std::string("  unhealthyPodEvictionPolicy: ") + policy + "\n")));
            sim.runUntil(60);
            QVERIFY(!isPodReady(*testing::pod(sim, "stuck")));
            QCOMPARE(testing::pod(sim, "stuck")->status.phase, std::string("Running"));
            EvictionRecord r = sim.evict("default", "stuck");
            // currentHealthy 0 < desiredHealthy 1: only AlwaysAllow lets the unready pod go.
            QCOMPARE(r.allowed, std::string(policy) == "AlwaysAllow");
        }
    }

    void podWithTwoBudgetsCannotBeEvicted()
    {
        Simulation sim;
        sim.start(
            loadYaml(deployment("web", 2) + budget("a", "minAvailable", "1") + budget("b", "maxUnavailable", "1")));
        sim.runUntil(60);
        EvictionRecord r = sim.evict("default", podsOf(sim, "web")[0]->metadata.name);
        QVERIFY(!r.allowed);
        QCOMPARE(
            r.message,
            std::string(
                "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."));
    }

    void evictingAMissingPod()
    {
        Simulation sim;
        sim.start({});
        sim.runUntil(1);
        EvictionRecord r = sim.evict("default", "ghost");
        QVERIFY(!r.allowed);
        QCOMPARE(r.reason, std::string("NotFound"));
        QCOMPARE(r.message, std::string("pods \"ghost\" not found"));
    }

    // Pods are not self-healing: an evicted bare pod is gone for good.
    void barePodIsNotReplaced()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: myapp-pod\nspec:\n  containers:\n"
                           "  - name: app\n    image: busybox\n    command: [sh, -c, \"sleep 3600\"]\n"));
        sim.runUntil(30);
        EvictionRecord r = sim.evict("default", "myapp-pod", std::string("worker-3"));
        QVERIFY(r.allowed);
        QVERIFY(r.controller.empty());
        sim.runUntil(120);
        QCOMPARE(sim.store().list<Pod>("default").size(), std::size_t(0));
    }

    // The drag: "could it run there" changes nothing; dropped on a node that fits, the pod is
    // evicted and its replacement lands on that node.
    void dragPlacesTheReplacementOnTheChosenNode()
    {
        Simulation sim;
        sim.start(loadYaml(deployment("web", 2)));
        sim.runUntil(60);
        auto pods = podsOf(sim, "web");
        std::set<std::string> used{pods[0]->spec.nodeName, pods[1]->spec.nodeName};
        std::string target;
        for (const char *n : {"worker-1", "worker-2", "worker-3"})
            if (!used.count(n))
                target = n;
        QVERIFY(!target.empty());
        const auto before = sim.store().resourceVersion();
        PlacementCheck check = sim.checkPlacement("default", pods[0]->metadata.name, target);
        QVERIFY(check.fits);
        QCOMPARE(sim.store().resourceVersion(), before); // asking changes nothing

        PlacementCheck tainted = sim.checkPlacement("default", pods[0]->metadata.name, "control-plane");
        QVERIFY(!tainted.fits);
        QCOMPARE(tainted.plugin, std::string("TaintToleration"));
        QCOMPARE(tainted.message, std::string("node(s) had untolerated taint(s)"));

        EvictionRecord r = sim.evict("default", pods[0]->metadata.name, target);
        QVERIFY(r.allowed);
        sim.runUntil(sim.now() + 30);
        auto now = podsOf(sim, "web");
        QCOMPARE(now.size(), std::size_t(2));
        int onTarget = 0;
        for (const auto &p : now)
            onTarget += p->spec.nodeName == target ? 1 : 0;
        QCOMPARE(onTarget, 1);
    }

    // Dropped on a node that does not fit: nothing happens and the scheduler's reason stays.
    void dragOntoAFullNodeChangesNothing()
    {
        Simulation sim;
        sim.start(loadYaml(nodes({"worker-1", "worker-2"}) + deployment("big", 2, "3")));
        sim.runUntil(60);
        auto pods = podsOf(sim, "big");
        QCOMPARE(pods.size(), std::size_t(2));
        QVERIFY(pods[0]->spec.nodeName != pods[1]->spec.nodeName);
        const std::string other = pods[1]->spec.nodeName;
        EvictionRecord r = sim.evict("default", pods[0]->metadata.name, other);
        QVERIFY(!r.allowed);
        QCOMPARE(r.reason, std::string("NodeDoesNotFit"));
        QCOMPARE(r.message, std::string("Insufficient cpu"));
        QVERIFY(!pods[0]->metadata.deletionTimestamp);
        QCOMPARE(sim.evictions().size(), std::size_t(1));
    }

    // kubectl drain: cordon, the DaemonSet pod stays with a warning, a bare pod goes with one,
    // a refused eviction is retried every 5 s until the budget allows it.
    void drainWaitsOnTheBudget()
    {
        const std::string daemon = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n"
                                   "  selector:\n    matchLabels: {app: agent}\n  template:\n    metadata:\n"
                                   "      labels: {app: agent}\n    spec:\n      containers:\n      - name: a\n"
                                   "        image: busybox\n        command: [sleep, \"3600\"]\n---\n";
        const std::string bare =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  nodeName: worker-1\n"
            "  containers:\n  - name: app\n    image: busybox\n    command: [sleep, \"3600\"]\n---\n";
        Simulation sim;
        sim.start(loadYaml(nodes({"worker-1", "worker-2"}) + daemon + bare + deployment("web", 4) +
                           budget("web-pdb", "minAvailable", "3")));
        sim.runUntil(60);
        std::vector<std::string> onWorker1;
        for (const auto &p : podsOf(sim, "web"))
            if (p->spec.nodeName == "worker-1")
                onWorker1.push_back(p->metadata.name);
        QCOMPARE(onWorker1.size(), std::size_t(2));
        QCOMPARE(pdb(sim, "web-pdb")->status.disruptionsAllowed, 1);

        const double start = sim.now();
        QVERIFY(!sim.drainNode("worker-1"));
        QVERIFY(sim.store().get<Node>("", "worker-1")->spec.unschedulable);
        sim.runUntil(start + 120);

        QStringList lines = kubectlLines(sim);
        QCOMPARE(lines.value(0), QString("node/worker-1 cordoned"));
        QVERIFY2(lines.value(1).startsWith("Warning: ignoring DaemonSet-managed Pods: default/agent-"),
                 qPrintable(lines.value(1)));
        QVERIFY2(lines.value(1).endsWith("; deleting Pods that declare no controller: default/bare"),
                 qPrintable(lines.value(1)));
        const QString retry = QString("error when evicting pods/\"%1\" -n \"default\" (will retry after 5s): "
                                      "Cannot evict pod as it would violate the pod's disruption budget.");
        int retries = 0;
        for (const auto &name : onWorker1)
            retries += lines.count(retry.arg(QString::fromStdString(name)));
        QVERIFY2(retries >= 1, qPrintable(lines.join('\n')));
        QCOMPARE(lines.last(), QString("node/worker-1 drained"));
        for (const auto &name : onWorker1)
            QVERIFY(lines.contains("pod/" + QString::fromStdString(name) + " evicted"));
        QVERIFY(lines.contains("pod/bare evicted"));

        // The retries came 5 s apart; in the end only the DaemonSet's pod is left on worker-1.
        std::vector<double> refused;
        for (const auto &e : sim.evictions())
            if (!e.allowed)
                refused.push_back(e.time);
        for (std::size_t i = 1; i < refused.size(); ++i)
            QCOMPARE(refused[i] - refused[i - 1], 5.0);
        for (const auto &p : sim.store().list<Pod>("default"))
            QVERIFY(p->spec.nodeName != "worker-1" || p->metadata.labels.at("app") == "agent");
        QCOMPARE(podsOf(sim, "web").size(), std::size_t(4));
    }

    void dropOnAMissingNode()
    {
        Simulation sim;
        sim.start(loadYaml(deployment("web", 1)));
        sim.runUntil(30);
        EvictionRecord r = sim.evict("default", podsOf(sim, "web")[0]->metadata.name, std::string("nowhere"));
        QVERIFY(!r.allowed);
        QCOMPARE(r.message, std::string("nodes \"nowhere\" not found"));
        QVERIFY(!podsOf(sim, "web")[0]->metadata.deletionTimestamp);
    }

    // kubectl says so when the node was cordoned already.
    void drainingTwice()
    {
        Simulation sim;
        sim.start(loadYaml(deployment("web", 1)));
        sim.runUntil(30);
        QVERIFY(!sim.drainNode("worker-2"));
        QVERIFY(!sim.drainNode("worker-2"));
        sim.runUntil(60);
        QStringList lines = kubectlLines(sim);
        QCOMPARE(lines.value(0), QString("node/worker-2 cordoned"));
        QVERIFY2(lines.contains("node/worker-2 already cordoned"), qPrintable(lines.join('\n')));
    }

    void drainUnknownNode()
    {
        Simulation sim;
        sim.start({});
        auto err = sim.drainNode("nope");
        QVERIFY(err);
        QCOMPARE(err->message, std::string("nodes \"nope\" not found"));
    }
};

QTEST_GUILESS_MAIN(TestEviction)
#include "tst_eviction.moc"
