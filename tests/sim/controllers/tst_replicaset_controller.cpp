// The ReplicaSet controller (DESIGN 3.4, reference section 8): N pods kept, a deleted pod
// replaced, orphans adopted and relabelled pods released, scale-down order, events, quota
// failures retried, status, and ReplicationControllers.
#include "controller_test_support.h"
#include "sim/controllers/replicaset_controller.h"

#include <QRegularExpression>
#include <QtTest>

using namespace podscape;
using namespace podscape::controllertest;

namespace {

std::string replicaSetYaml(const std::string &name, int replicas)
{
    return "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: " + name + "\nspec:\n  replicas: " +
           std::to_string(replicas) +
           "\n  selector:\n    matchLabels:\n      app: " + name +
           "\n  template:\n    metadata:\n      labels:\n        app: " + name +
           "\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n";
}

std::vector<std::shared_ptr<Pod>> podsOf(Simulation &sim, const std::string &kind, const std::string &name)
{
    auto owner = sim.store().get(kind, "default", name);
    return owner ? ownedBy<Pod>(sim, *owner) : std::vector<std::shared_ptr<Pod>>{};
}

std::vector<std::shared_ptr<Pod>> activePodsOf(Simulation &sim, const std::string &kind, const std::string &name)
{
    std::vector<std::shared_ptr<Pod>> out;
    for (const auto &p : podsOf(sim, kind, name))
        if (!p->metadata.deletionTimestamp)
            out.push_back(p);
    return out;
}

// A standalone controller on its own store, to look at its status and drive pod readiness by hand.
struct Bench : BareApiServer {
    ReplicaSetController rsc{context(), "ReplicaSet"};

    Bench()
    {
        store.watch([this](const WatchEvent &e) { deliver(e, rsc); });
    }
};

}  // namespace

class TestReplicaSetController : public QObject {
    Q_OBJECT

private slots:
    void keepsReplicasWithGeneratedNamesAndOwnerReferences()
    {
        Simulation sim;
        sim.start(loadYaml(replicaSetYaml("frontend", 3)));
        sim.runUntil(30);
        auto pods = podsOf(sim, "ReplicaSet", "frontend");
        QCOMPARE(int(pods.size()), 3);
        QRegularExpression name("^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$");
        auto rs = sim.store().get<ReplicaSet>("default", "frontend");
        QStringList created;
        for (const auto &p : pods) {
            QVERIFY2(name.match(QString::fromStdString(p->metadata.name)).hasMatch(), p->metadata.name.c_str());
            QCOMPARE(p->metadata.generateName, std::string("frontend-"));
            QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
            QCOMPARE(p->metadata.ownerReferences.size(), std::size_t(1));
            const auto &ref = p->metadata.ownerReferences.front();
            QCOMPARE(ref.kind, std::string("ReplicaSet"));
            QCOMPARE(ref.apiVersion, std::string("apps/v1"));
            QCOMPARE(ref.name, std::string("frontend"));
            QCOMPARE(ref.uid, rs->metadata.uid);
            QVERIFY(ref.controller);
            QVERIFY(ref.blockOwnerDeletion);
            created << QString::fromStdString("SuccessfulCreate: Created pod: " + p->metadata.name);
        }
        QStringList events = eventsOf(sim, "frontend", "replicaset-controller");
        QCOMPARE(events.size(), 3);
        for (const auto &e : created)
            QVERIFY2(events.contains(e), qPrintable(e));
    }

    void replacesADeletedPod()
    {
        Simulation sim;
        sim.start(loadYaml(replicaSetYaml("frontend", 3)));
        sim.runUntil(30);
        std::string victim = podsOf(sim, "ReplicaSet", "frontend").front()->metadata.name;
        QVERIFY(!sim.remove("Pod", "default", victim));
        sim.runUntil(31);
        // The replacement is created as soon as the old pod is terminating.
        QCOMPARE(int(activePodsOf(sim, "ReplicaSet", "frontend").size()), 3);
        sim.runUntil(90);
        auto pods = podsOf(sim, "ReplicaSet", "frontend");
        QCOMPARE(int(pods.size()), 3);
        for (const auto &p : pods) {
            QVERIFY(p->metadata.name != victim);
            QCOMPARE(kubectlPodStatus(*p), std::string("Running"));
        }
        QCOMPARE(eventsOf(sim, "frontend", "replicaset-controller").size(), 4);
    }

    void adoptsAMatchingOrphan()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: stray\n  labels:\n    app: frontend\n"
                           "spec:\n  containers:\n  - name: app\n    image: nginx:1.27\n---\n" +
                           replicaSetYaml("frontend", 2)));
        sim.runUntil(30);
        auto stray = sim.store().get<Pod>("default", "stray");
        QVERIFY(stray);
        const OwnerReference *ref = stray->metadata.controllerRef();
        QVERIFY(ref);
        QCOMPARE(ref->name, std::string("frontend"));
        QCOMPARE(int(podsOf(sim, "ReplicaSet", "frontend").size()), 2);
        QCOMPARE(eventsOf(sim, "frontend", "replicaset-controller").size(), 1);  // one pod created
    }

    void releasesARelabelledPodAndReplacesIt()
    {
        Simulation sim;
        sim.start(loadYaml(replicaSetYaml("frontend", 2)));
        sim.runUntil(30);
        auto pod = podsOf(sim, "ReplicaSet", "frontend").front();
        pod->metadata.labels["app"] = "debug";  // kubectl label pod --overwrite app=debug
        sim.store().update(pod);
        sim.runUntil(60);
        QVERIFY(!pod->metadata.controllerRef());
        QVERIFY(sim.store().get<Pod>("default", pod->metadata.name));
        auto pods = podsOf(sim, "ReplicaSet", "frontend");
        QCOMPARE(int(pods.size()), 2);
        for (const auto &p : pods)
            QVERIFY(p->metadata.name != pod->metadata.name);
    }

    void scalesDownWithEvents()
    {
        Simulation sim;
        sim.start(loadYaml(replicaSetYaml("frontend", 4)));
        sim.runUntil(30);
        sim.apply(loadYaml(replicaSetYaml("frontend", 1)));
        sim.runUntil(31);
        QCOMPARE(int(activePodsOf(sim, "ReplicaSet", "frontend").size()), 1);
        int deleted = 0;
        for (const auto &e : eventsOf(sim, "frontend", "replicaset-controller"))
            deleted += e.startsWith("SuccessfulDelete: Deleted pod: frontend-") ? 1 : 0;
        QCOMPARE(deleted, 3);
        sim.runUntil(90);
        QCOMPARE(int(podsOf(sim, "ReplicaSet", "frontend").size()), 1);
    }

    void ranksPodsForDeletionAsKubernetes()
    {
        auto make = [](const std::string &node, const std::string &phase, bool ready, double created) {
            Pod p;
            p.metadata.name = "p";
            p.spec.nodeName = node;
            p.status.phase = phase;
            p.metadata.creationTimestamp = created;
            if (ready)
                setCondition(p, "Ready", "True", created + 3);
            return p;
        };
        const double now = 10000;
        Pod unscheduled = make("", "Pending", false, 10);
        Pod pending = make("w1", "Pending", false, 10);
        Pod runningNotReady = make("w1", "Running", false, 10);
        Pod readyOld = make("w1", "Running", true, 10);
        Pod readyNew = make("w1", "Running", true, 9000);
        QVERIFY(deleteBefore(unscheduled, 0, pending, 0, now));
        QVERIFY(!deleteBefore(pending, 0, unscheduled, 0, now));
        QVERIFY(deleteBefore(pending, 0, runningNotReady, 0, now));
        QVERIFY(deleteBefore(runningNotReady, 0, readyOld, 0, now));
        QVERIFY(deleteBefore(readyNew, 0, readyOld, 0, now));
        QVERIFY(!deleteBefore(readyOld, 0, readyNew, 0, now));
        // Doubled up on a node goes first, before age counts.
        QVERIFY(deleteBefore(readyOld, 3, readyNew, 1, now));
        // A higher pod-deletion-cost stays longer.
        Pod costly = readyNew;
        costly.metadata.annotations["controller.kubernetes.io/pod-deletion-cost"] = "100";
        QVERIFY(deleteBefore(readyOld, 0, costly, 0, now));
    }

    void scaleDownRemovesUnreadyPodsFirst()
    {
        Simulation sim;
        sim.start(loadYaml(replicaSetYaml("frontend", 2)));
        sim.runUntil(30);
        std::set<std::string> ready;
        for (const auto &p : podsOf(sim, "ReplicaSet", "frontend"))
            ready.insert(p->metadata.name);
        sim.apply(loadYaml(replicaSetYaml("frontend", 4)));
        sim.runUntil(30.5);  // the two new pods are not ready yet
        QCOMPARE(int(podsOf(sim, "ReplicaSet", "frontend").size()), 4);
        sim.apply(loadYaml(replicaSetYaml("frontend", 2)));
        sim.runUntil(31);
        auto active = activePodsOf(sim, "ReplicaSet", "frontend");
        QCOMPARE(int(active.size()), 2);
        for (const auto &p : active)
            QVERIFY(ready.count(p->metadata.name));
    }

    void quotaFailureIsReportedAndRetriedWithBackoff()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: pod-count\nspec:\n  hard:\n"
                           "    pods: \"2\"\n---\n" +
                           replicaSetYaml("frontend", 3)));
        sim.runUntil(30);
        QCOMPARE(int(podsOf(sim, "ReplicaSet", "frontend").size()), 2);
        QStringList failures;
        for (const auto &e : sim.events().events())
            if (e.object.name == "frontend" && e.reason == "FailedCreate") {
                QCOMPARE(e.type, std::string("Warning"));
                QCOMPARE(e.source, std::string("replicaset-controller"));
                failures << QString::fromStdString(e.message);
            }
        QVERIFY(!failures.isEmpty());
        QRegularExpression message("^Error creating: pods \"frontend-[bcdfghjklmnpqrstvwxz2456789]{5}\" is "
                                   "forbidden: exceeded quota: pod-count, requested: pods=1, used: pods=2, "
                                   "limited: pods=2$");
        QVERIFY2(message.match(failures.front()).hasMatch(), qPrintable(failures.front()));
        // Backoff: 5 ms doubling, so a few dozen tries at most in 30 s, not one per reconcile tick.
        QVERIFY2(failures.size() > 3 && failures.size() < 25, qPrintable(QString::number(failures.size())));
    }

    void failureIsAReplicaFailureCondition()
    {
        Bench b;
        auto quota = std::make_shared<ResourceQuota>();
        quota->apiVersion = "v1";
        quota->kind = "ResourceQuota";
        quota->metadata.name = "pod-count";
        quota->metadata.namespace_ = "default";
        quota->hard["pods"] = *Quantity::parse("1");
        QVERIFY(b.api.create(quota).ok());
        auto rs = std::static_pointer_cast<ReplicaSet>(loadYaml(replicaSetYaml("frontend", 2)).front()->clone());
        rs->metadata.namespace_ = "default";
        QVERIFY(b.api.create(rs).ok());
        b.clock.runUntil(5);
        const ReplicaSetStatus *s = b.rsc.statusOf("default", "frontend");
        QVERIFY(s && s->replicaFailure);
        QCOMPARE(s->replicas, 1);
        QCOMPARE(s->replicaFailure->type, std::string("ReplicaFailure"));
        QCOMPARE(s->replicaFailure->reason, std::string("FailedCreate"));
        QVERIFY2(s->replicaFailure->message.find("exceeded quota: pod-count") != std::string::npos,
                 s->replicaFailure->message.c_str());
    }

    void replicationControllerKeepsItsPods()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: legacy\nspec:\n"
                           "  replicas: 2\n  template:\n    metadata:\n      labels:\n        app: legacy\n"
                           "    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n"));
        sim.runUntil(30);
        auto pods = podsOf(sim, "ReplicationController", "legacy");
        QCOMPARE(int(pods.size()), 2);
        QCOMPARE(pods.front()->metadata.ownerReferences.front().apiVersion, std::string("v1"));
        QCOMPARE(eventsOf(sim, "legacy", "replication-controller").size(), 2);
    }

    void statusCountsReadyAndAvailablePods()
    {
        Bench b;
        auto objects = loadYaml(replicaSetYaml("frontend", 3));
        auto rs = std::static_pointer_cast<ReplicaSet>(objects.front()->clone());
        rs->metadata.namespace_ = "default";
        rs->spec.minReadySeconds = 5;
        QVERIFY(b.api.create(rs).ok());
        b.clock.runUntil(1);
        const ReplicaSetStatus *s = b.rsc.statusOf("default", "frontend");
        QVERIFY(s);
        QCOMPARE(s->replicas, 3);
        QCOMPARE(s->readyReplicas, 0);
        QCOMPARE(s->fullyLabeledReplicas, 3);
        QCOMPARE(s->observedGeneration, std::int64_t(1));
        for (const auto &p : b.store.list<Pod>("default")) {
            setCondition(*p, "Ready", "True", b.clock.now());
            b.api.updateStatus(p);
        }
        b.clock.runUntil(2);
        s = b.rsc.statusOf("default", "frontend");
        QCOMPARE(s->readyReplicas, 3);
        QCOMPARE(s->availableReplicas, 0);  // minReadySeconds not yet over
        b.clock.runUntil(7);
        QCOMPARE(b.rsc.statusOf("default", "frontend")->availableReplicas, 3);
    }

    // The controller keeps what it learnt of each pod between syncs: a change to a pod's labels
    // or readiness, or a new template, must still show in the next status.
    void statusFollowsChangesToItsPodsAndTemplate()
    {
        Bench b;
        auto rs = std::static_pointer_cast<ReplicaSet>(loadYaml(replicaSetYaml("frontend", 3)).front()->clone());
        rs->metadata.namespace_ = "default";
        rs->spec.template_.metadata.labels["tier"] = "web";
        QVERIFY(b.api.create(rs).ok());
        b.clock.runUntil(1);
        for (const auto &p : b.store.list<Pod>("default")) {
            setCondition(*p, "Ready", "True", b.clock.now());
            b.api.updateStatus(p);
        }
        b.clock.runUntil(2);
        QCOMPARE(b.rsc.statusOf("default", "frontend")->fullyLabeledReplicas, 3);
        QCOMPARE(b.rsc.statusOf("default", "frontend")->readyReplicas, 3);

        auto pod = b.store.list<Pod>("default").front();
        pod->metadata.labels.erase("tier"); // still selected (app=frontend), no longer fully labelled
        setCondition(*pod, "Ready", "False", b.clock.now());
        b.api.updateStatus(pod);
        b.clock.runUntil(3);
        const ReplicaSetStatus *s = b.rsc.statusOf("default", "frontend");
        QCOMPARE(s->replicas, 3);
        QCOMPARE(s->fullyLabeledReplicas, 2);
        QCOMPARE(s->readyReplicas, 2);

        auto changed = std::static_pointer_cast<ReplicaSet>(rs->clone()); // kubectl apply, tier: api
        changed->spec.template_.metadata.labels["tier"] = "api";
        QVERIFY(b.api.apply(changed).ok());
        b.clock.runUntil(4);
        s = b.rsc.statusOf("default", "frontend");
        QCOMPARE(s->replicas, 3);
        QCOMPARE(s->fullyLabeledReplicas, 0);
        QCOMPARE(s->observedGeneration, std::int64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestReplicaSetController)
#include "tst_replicaset_controller.moc"
