// kube-scheduler's preemption acting in the simulated cluster (framework/preemption/preemption.go:
// Evaluator.Preempt, prepareCandidate, PreemptPod, pickOneNodeForPreemption;
// plugins/defaultpreemption/default_preemption.go: SelectVictimsOnNode, filterPodsWithPDBViolation;
// schedule_one.go: handleSchedulingFailure; framework/runtime/framework.go:
// RunFilterPluginsWithNominatedPods). Messages as kubernetes-behaviour.md section 1 lists them.
#include "cluster/pod_status.h"
#include "sim/durations.h"
#include "sim/kube_scheduler.h"
#include "sim/simulation.h"

#include "../test_support.h"

#include <QtTest>

#include <cmath>

using namespace podscape;
using namespace podscape::testing;

namespace {

// A node with `cpu` allocatable and nothing else special, named as given.
std::shared_ptr<Node> node(const std::string &name, const char *cpu)
{
    auto n = std::make_shared<Node>();
    n->apiVersion = "v1";
    n->kind = "Node";
    n->metadata.name = name;
    n->status.capacity = {
        {"cpu", *Quantity::parse(cpu)}, {"memory", *Quantity::parse("8Gi")}, {"pods", *Quantity::parse("110")}};
    return n;
}

// A bare pod of `cpu` request; priorityClass and nodeName pin it where a test needs.
std::string podYaml(const std::string &name, const std::string &cpu, const std::string &priorityClass = {},
                    const std::string &onNode = {}, const std::string &app = "idle")
{
    std::string y =
        "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  labels: {app: " + app + "}\nspec:\n";
    if (!priorityClass.empty())
        y += "  priorityClassName: " + priorityClass + "\n";
    if (!onNode.empty())
        y += "  nodeSelector: {kubernetes.io/hostname: " + onNode + "}\n";
    y += "  containers:\n  - name: app\n    image: nginx:1.25\n    resources: {requests: {cpu: '" + cpu + "'}}\n";
    return y;
}

std::string priorityClassYaml(const std::string &name, int value, const std::string &policy = {})
{
    std::string y = "---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: " + name +
                    "}\nvalue: " + std::to_string(value) + "\n";
    if (!policy.empty())
        y += "preemptionPolicy: " + policy + "\n";
    return y;
}

std::vector<ObjectPtr> cluster(std::vector<std::shared_ptr<Node>> nodes, const std::string &yaml)
{
    std::vector<ObjectPtr> objects(nodes.begin(), nodes.end());
    for (auto &obj : loadYaml(yaml))
        objects.push_back(obj);
    return objects;
}

std::vector<Event> eventsWithReason(const Simulation &sim, const std::string &reason, const std::string &object = {})
{
    std::vector<Event> out;
    for (const auto &e : sim.events().events())
        if (e.reason == reason && (object.empty() || e.object.name == object))
            out.push_back(e);
    return out;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-6;
}

// When kubectl apply's request reaches etcd (Simulation::submit).
double applied(double at)
{
    using namespace durations;
    return at + kRequest + kAuthentication + kAuthorization + kAdmission + kEtcdWrite;
}

// The scheduling attempt of a pod that arrives in an idle queue.
double attemptOf(double appliedAt)
{
    return applied(appliedAt) + durations::kSchedulingCycle;
}

// The kubelet stops a pod deleted at `t` (SIGTERM, the app exits, volumes, IP) and the pod leaves etcd.
double goneAfterDelete(double t)
{
    using namespace durations;
    return t + kAppShutdown + kVolumeUnmount + kIpRelease;
}

QStringList victimsOf(const Simulation &sim)
{
    QStringList out;
    for (const Event &e : eventsWithReason(sim, "Preempted"))
        out << QString::fromStdString(e.object.name);
    out.sort();
    return out;
}

// The PodDisruptionBudget as the disruption controller keeps it: `allowed` disruptions left.
void createBudget(Simulation &sim, const std::string &name, const std::string &app, int minAvailable, int healthy)
{
    auto pdb = std::dynamic_pointer_cast<PodDisruptionBudget>(
        loadYaml("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: " + name +
                 ", namespace: default}\n"
                 "spec:\n  minAvailable: " +
                 std::to_string(minAvailable) + "\n  selector: {matchLabels: {app: " + app + "}}\n")[0]);
    pdb->status.currentHealthy = healthy;
    pdb->status.desiredHealthy = minAvailable;
    pdb->status.expectedPods = healthy;
    pdb->status.disruptionsAllowed = std::max(0, healthy - minAvailable);
    pdb->status.observedGeneration = 1;
    QVERIFY(sim.apiServer().create(pdb).ok());
}

}  // namespace

class TestPreemption : public QObject {
    Q_OBJECT

private slots:
    void victimIsPreemptedAndThePreemptorBindsWhenItIsGone()
    {
        // One node of 1 CPU full of priority-0 pods; `urgent` (priority 1000) fits only if one goes.
        Simulation sim;
        sim.start(cluster({node("small", "1")},
                          priorityClassYaml("high", 1000) + podYaml("idle-1", "500m") + podYaml("idle-2", "500m")));
        sim.runUntil(30);
        QCOMPARE(kubectlPodStatus(*pod(sim, "idle-2")), std::string("Running"));
        sim.apply(loadYaml(podYaml("urgent", "500m", "high")));
        const double attempt = attemptOf(30);
        sim.runUntil(attempt + 0.5);

        // The preemptor: FailedScheduling without a preemption tail (the PostFilter succeeded),
        // nominated to the node, still Pending.
        auto urgent = pod(sim, "urgent");
        QCOMPARE(urgent->spec.priority.value_or(0), 1000);
        QCOMPARE(urgent->status.nominatedNodeName, std::string("small"));
        QVERIFY(urgent->spec.nodeName.empty());
        auto failed = eventsWithReason(sim, "FailedScheduling", "urgent");
        QCOMPARE(failed.size(), std::size_t(1));
        QCOMPARE(failed[0].type, std::string("Warning"));
        QCOMPARE(failed[0].message, std::string("0/1 nodes are available: 1 Insufficient cpu."));
        QVERIFY(near(failed[0].time, attempt));

        // The victim: the later-started of the two (the earlier one is more important and is
        // reprieved), terminating gracefully with the DisruptionTarget condition and the event.
        QCOMPARE(victimsOf(sim), QStringList{"idle-2"});
        auto victim = pod(sim, "idle-2");
        QVERIFY(victim);
        QVERIFY(victim->metadata.deletionTimestamp);
        QVERIFY(near(*victim->metadata.deletionTimestamp, attempt + 30));  // the 30 s grace period
        QCOMPARE(kubectlPodStatus(*victim), std::string("Terminating"));
        const PodCondition *disruption = findCondition(*victim, "DisruptionTarget");
        QVERIFY(disruption);
        QCOMPARE(disruption->status, std::string("True"));
        QCOMPARE(disruption->reason, std::string("PreemptionByScheduler"));
        QCOMPARE(disruption->message,
                 std::string("default-scheduler: preempting to accommodate a higher priority pod"));
        const Event preempted = eventsWithReason(sim, "Preempted", "idle-2").front();
        QCOMPARE(preempted.type, std::string("Normal"));
        QCOMPARE(preempted.source, std::string("default-scheduler"));
        QCOMPARE(preempted.message, "Preempted by pod " + urgent->metadata.uid + " on node small");
        QVERIFY(near(preempted.time, attempt));
        QVERIFY(pod(sim, "idle-1")->metadata.deletionTimestamp == std::nullopt);
        const QStringList victimEvents = eventsOf(sim, "idle-2");
        QVERIFY(victimEvents.indexOf(QRegularExpression("^Preempted: ")) <
                victimEvents.indexOf(QStringLiteral("Killing: Stopping container app")));

        const SchedulingAttempt *last = sim.scheduler().lastAttempt("default/urgent");
        QCOMPARE(last->nominatedNode, std::string("small"));
        QCOMPARE(last->victims, std::vector<std::string>{"default/idle-2"});

        // The victim leaves etcd once its kubelet has stopped it; the removal requeues the
        // preemptor (after its 1 s backoff), which binds to its nominated node.
        const double gone = goneAfterDelete(attempt);
        sim.runUntil(gone - 0.001);
        QVERIFY(pod(sim, "idle-2"));
        sim.runUntil(gone + 0.001);
        QVERIFY(!pod(sim, "idle-2"));
        QVERIFY(pod(sim, "urgent")->spec.nodeName.empty());
        sim.runUntil(60);
        urgent = pod(sim, "urgent");
        QCOMPARE(urgent->spec.nodeName, std::string("small"));
        QVERIFY(urgent->status.nominatedNodeName.empty());  // cleared by the binding
        QCOMPARE(kubectlPodStatus(*urgent), std::string("Running"));
        auto scheduled = eventsWithReason(sim, "Scheduled", "urgent");
        QCOMPARE(scheduled.size(), std::size_t(1));
        QCOMPARE(scheduled[0].message, std::string("Successfully assigned default/urgent to small"));
        QVERIFY2(near(scheduled[0].time, gone + 1 + durations::kSchedulingCycle + durations::kBinding),
                 qPrintable(QString::number(scheduled[0].time, 'f', 6)));
        QCOMPARE(eventsWithReason(sim, "FailedScheduling", "urgent").size(), std::size_t(1));
    }

    void lowestPriorityPodsGoFirstEvenIfMore()
    {
        // 2 CPUs: two priority-0 pods of 500m and a priority-100 pod of 1 CPU. Evicting the
        // priority-100 pod alone would do, but reprieve starts with the most important pods,
        // so both priority-0 pods go and it stays.
        Simulation sim;
        sim.start(cluster({node("node", "2")}, priorityClassYaml("high", 1000) + priorityClassYaml("batch", 100) +
                                                   podYaml("idle-1", "500m") + podYaml("idle-2", "500m") +
                                                   podYaml("batch", "1", "batch")));
        sim.runUntil(30);
        sim.apply(loadYaml(podYaml("urgent", "1", "high")));
        sim.runUntil(31);
        QCOMPARE(victimsOf(sim), (QStringList{"idle-1", "idle-2"}));
        QVERIFY(!pod(sim, "batch")->metadata.deletionTimestamp);
        sim.runUntil(60);
        QCOMPARE(pod(sim, "urgent")->spec.nodeName, std::string("node"));
        QCOMPARE(kubectlPodStatus(*pod(sim, "batch")), std::string("Running"));
    }

    void asFewVictimsAsNeeded()
    {
        // Four priority-0 pods of 500m fill 2 CPUs; a 1-CPU pod needs two to go: the two that
        // started last (the earlier ones are more important and are reprieved first).
        Simulation sim;
        sim.start(cluster({node("node", "2")}, priorityClassYaml("high", 1000) + podYaml("idle-1", "500m") +
                                                   podYaml("idle-2", "500m") + podYaml("idle-3", "500m") +
                                                   podYaml("idle-4", "500m")));
        sim.runUntil(30);
        sim.apply(loadYaml(podYaml("urgent", "1", "high")));
        sim.runUntil(40);
        QCOMPARE(victimsOf(sim), (QStringList{"idle-3", "idle-4"}));
        QCOMPARE(kubectlPodStatus(*pod(sim, "idle-1")), std::string("Running"));
        QCOMPARE(kubectlPodStatus(*pod(sim, "idle-2")), std::string("Running"));
        QCOMPARE(pod(sim, "urgent")->spec.nodeName, std::string("node"));
    }

    void nodeWithoutPDBViolationWins_data()
    {
        QTest::addColumn<bool>("withBudget");
        QTest::addColumn<QString>("chosenNode");
        QTest::addColumn<QString>("victim");
        // Otherwise equal, the node whose victim started last wins: node-a's `guarded`.
        QTest::newRow("no budget") << false << "node-a"
                                   << "guarded";
        // minAvailable 1 with its one pod ready: disruptionsAllowed 0, so evicting `guarded`
        // violates the budget, and node-b (no violation) wins.
        QTest::newRow("budget") << true << "node-b"
                                << "plain";
    }

    void nodeWithoutPDBViolationWins()
    {
        QFETCH(bool, withBudget);
        QFETCH(QString, chosenNode);
        QFETCH(QString, victim);
        Simulation sim;
        sim.start(cluster({node("node-a", "1"), node("node-b", "1")},
                          priorityClassYaml("high", 1000) + podYaml("plain", "1", {}, "node-b", "plain")));
        sim.runUntil(10);
        sim.apply(loadYaml(podYaml("guarded", "1", {}, "node-a", "guarded")));
        sim.runUntil(20);
        QCOMPARE(kubectlPodStatus(*pod(sim, "guarded")), std::string("Running"));
        if (withBudget)
            createBudget(sim, "guarded-pdb", "guarded", 1, 1);
        sim.apply(loadYaml(podYaml("urgent", "1", "high")));
        sim.runUntil(21);
        QCOMPARE(victimsOf(sim), QStringList{victim});
        QCOMPARE(QString::fromStdString(pod(sim, "urgent")->status.nominatedNodeName), chosenNode);
        sim.runUntil(40);
        QCOMPARE(QString::fromStdString(pod(sim, "urgent")->spec.nodeName), chosenNode);
    }

    void preemptionPolicyNeverDoesNotPreempt()
    {
        Simulation sim;
        sim.start(
            cluster({node("small", "1")}, priorityClassYaml("high-never", 1000, "Never") + podYaml("idle-1", "1")));
        sim.runUntil(30);
        sim.apply(loadYaml(podYaml("polite", "500m", "high-never")));
        sim.runUntil(90);
        auto polite = pod(sim, "polite");
        QCOMPARE(polite->spec.preemptionPolicy, std::string("Never"));
        QVERIFY(polite->spec.nodeName.empty());
        QVERIFY(polite->status.nominatedNodeName.empty());
        QVERIFY(victimsOf(sim).isEmpty());
        QVERIFY(!pod(sim, "idle-1")->metadata.deletionTimestamp);
        auto failed = eventsWithReason(sim, "FailedScheduling", "polite");
        QCOMPARE(failed.size(), std::size_t(1));
        QCOMPARE(failed[0].message, std::string("0/1 nodes are available: 1 Insufficient cpu. "
                                                 "preemption: not eligible due to preemptionPolicy=Never."));
        QVERIFY(near(failed[0].time, attemptOf(30)));
    }

    void equalOrHigherPriorityPodsAreNeverVictims()
    {
        // `peer` has the preemptor's priority, `senior` a higher one: neither may go.
        Simulation sim;
        sim.start(cluster({node("small", "1")}, priorityClassYaml("high", 1000) + priorityClassYaml("top", 2000) +
                                                    podYaml("peer", "500m", "high") +
                                                    podYaml("senior", "500m", "top")));
        sim.runUntil(30);
        sim.apply(loadYaml(podYaml("urgent", "500m", "high")));
        sim.runUntil(90);
        QVERIFY(victimsOf(sim).isEmpty());
        QVERIFY(pod(sim, "urgent")->spec.nodeName.empty());
        QVERIFY(pod(sim, "urgent")->status.nominatedNodeName.empty());
        auto failed = eventsWithReason(sim, "FailedScheduling", "urgent");
        QCOMPARE(failed.size(), std::size_t(1));
        QCOMPARE(failed[0].message, std::string("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes "
                                                 "are available: 1 No preemption victims found for incoming pod."));
    }

    void onlyLowerPriorityPodsAreVictims()
    {
        // With a lower-priority pod beside the peer, the lower one goes and the peer stays.
        Simulation sim;
        sim.start(cluster({node("small", "1")},
                          priorityClassYaml("high", 1000) + podYaml("peer", "500m", "high") + podYaml("idle", "500m")));
        sim.runUntil(30);
        sim.apply(loadYaml(podYaml("urgent", "500m", "high")));
        sim.runUntil(60);
        QCOMPARE(victimsOf(sim), QStringList{"idle"});
        QCOMPARE(kubectlPodStatus(*pod(sim, "peer")), std::string("Running"));
        QCOMPARE(pod(sim, "urgent")->spec.nodeName, std::string("small"));
    }

    void nominatedPodKeepsItsRoomFromLowerPriorityPods()
    {
        // While the victim terminates, a priority-0 pod arrives that would fit in the CPU left
        // free; the preemptor's nomination counts on the node, so it does not.
        Simulation sim;
        sim.start(cluster({node("small", "1")},
                          priorityClassYaml("high", 1000) + podYaml("idle-1", "400m") + podYaml("idle-2", "400m")));
        sim.runUntil(30);
        sim.apply(loadYaml(podYaml("urgent", "600m", "high")));
        sim.runUntil(30.2);
        QCOMPARE(victimsOf(sim), QStringList{"idle-2"});
        sim.apply(loadYaml(podYaml("late", "200m")));
        sim.runUntil(60);
        QCOMPARE(pod(sim, "urgent")->spec.nodeName, std::string("small"));
        QVERIFY(pod(sim, "late"));
        QVERIFY(pod(sim, "late")->spec.nodeName.empty());
        auto failed = eventsWithReason(sim, "FailedScheduling", "late");
        QVERIFY(!failed.empty());
        QVERIFY(near(failed[0].time, attemptOf(30.2)));
        QCOMPARE(failed[0].message, std::string("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes "
                                                 "are available: 1 No preemption victims found for incoming pod."));
    }

    void higherPriorityPreemptorClearsLowerNomination()
    {
        // `mid` (500) preempts idle-2 and is nominated; before idle-2 is gone, `top` (1000)
        // preempts on the same node: mid loses its nomination (prepareCandidate), and idle-2,
        // already terminating, gets no second API call or event.
        Simulation sim;
        sim.start(cluster({node("small", "1")}, priorityClassYaml("mid", 500) + priorityClassYaml("top", 1000) +
                                                    podYaml("idle-1", "500m") + podYaml("idle-2", "500m")));
        sim.runUntil(30);
        sim.apply(loadYaml(podYaml("mid", "500m", "mid")));
        sim.runUntil(30.2);
        QCOMPARE(pod(sim, "mid")->status.nominatedNodeName, std::string("small"));
        QCOMPARE(victimsOf(sim), QStringList{"idle-2"});
        sim.apply(loadYaml(podYaml("top", "500m", "top")));
        sim.runUntil(attemptOf(30.2) + 0.5);
        QCOMPARE(pod(sim, "top")->status.nominatedNodeName, std::string("small"));
        QVERIFY(pod(sim, "mid")->status.nominatedNodeName.empty());
        QCOMPARE(eventsWithReason(sim, "Preempted", "idle-2").size(), std::size_t(1));
        // In the end top runs; mid, retried, preempts idle-1 and runs too.
        sim.runUntil(90);
        QCOMPARE(pod(sim, "top")->spec.nodeName, std::string("small"));
        QCOMPARE(pod(sim, "mid")->spec.nodeName, std::string("small"));
        QCOMPARE(victimsOf(sim), (QStringList{"idle-1", "idle-2"}));
    }

    void controllerReplacesItsPreemptedPod()
    {
        // A ReplicaSet's pod is preempted; the controller creates a replacement, which finds no
        // room (and nothing of lower priority to preempt) and stays Pending.
        Simulation sim;
        sim.start(
            cluster({node("small", "1")},
                    priorityClassYaml("high", 1000) +
                        "---\napiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: web}\nspec:\n  replicas: 2\n"
                        "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
                        "    spec:\n      containers:\n      - name: app\n        image: nginx:1.25\n"
                        "        resources: {requests: {cpu: 500m}}\n"));
        sim.runUntil(30);
        sim.apply(loadYaml(podYaml("urgent", "500m", "high")));
        sim.runUntil(90);
        QCOMPARE(victimsOf(sim).size(), 1);
        QCOMPARE(pod(sim, "urgent")->spec.nodeName, std::string("small"));
        std::vector<std::shared_ptr<Pod>> web;
        for (const auto &p : sim.store().list<Pod>())
            if (p->metadata.labels.count("app") && p->metadata.labels.at("app") == "web")
                web.push_back(p);
        QCOMPARE(web.size(), std::size_t(2));
        int pending = 0;
        for (const auto &p : web) {
            if (!p->spec.nodeName.empty())
                continue;
            ++pending;
            const PodCondition *c = findCondition(*p, "PodScheduled");
            QVERIFY(c);
            QCOMPARE(c->message, std::string("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are "
                                             "available: 1 No preemption victims found for incoming pod."));
        }
        QCOMPARE(pending, 1);
    }
};

QTEST_GUILESS_MAIN(TestPreemption)
#include "tst_preemption.moc"
