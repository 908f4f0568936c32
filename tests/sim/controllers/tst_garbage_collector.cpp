// The garbage collector (DESIGN 3.4): deleting an owner deletes its dependents, down the whole
// chain; re-applying an owner (same uid) deletes nothing; a dependent with another live owner
// only loses the dangling reference; foreground deletion keeps the owner, Terminating, until
// its dependents are gone; orphan deletion leaves them without their owner reference.
#include "controller_test_support.h"

#include <QtTest>

using namespace podscape;
using namespace podscape::controllertest;

namespace {

const char *kDeployment =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n"
    "    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n"
    "      containers:\n      - name: app\n        image: nginx:1.27\n";

int podCount(Simulation &sim)
{
    return int(sim.store().list<Pod>("default").size());
}

}  // namespace

class TestGarbageCollector : public QObject {
    Q_OBJECT

private slots:
    void deletingADeploymentDeletesTheWholeChain()
    {
        Simulation sim;
        sim.start(loadYaml(kDeployment));
        sim.runUntil(30);
        QCOMPARE(int(sim.store().list<ReplicaSet>("default").size()), 1);
        QCOMPARE(podCount(sim), 3);
        QVERIFY(!sim.remove("Deployment", "default", "web"));
        sim.runUntil(31);
        QCOMPARE(int(sim.store().list<ReplicaSet>("default").size()), 0);
        for (const auto &p : sim.store().list<Pod>("default"))
            QVERIFY(p->metadata.deletionTimestamp);  // graceful: Terminating first
        sim.runUntil(90);
        QCOMPARE(podCount(sim), 0);
    }

    void reapplyingAnOwnerDeletesNothing()
    {
        Simulation sim;
        sim.start(loadYaml(kDeployment));
        sim.runUntil(30);
        std::set<std::string> before;
        for (const auto &p : sim.store().list<Pod>("default"))
            before.insert(p->metadata.name);
        sim.apply(loadYaml(kDeployment));
        sim.runUntil(60);
        std::set<std::string> after;
        for (const auto &p : sim.store().list<Pod>("default")) {
            QVERIFY(!p->metadata.deletionTimestamp);
            after.insert(p->metadata.name);
        }
        QCOMPARE(after, before);
    }

    void aDependentWithAnotherLiveOwnerOnlyLosesTheReference()
    {
        Simulation sim;
        sim.start(loadYaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n"
                           "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n---\n"
                           "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"));
        sim.runUntil(1);
        auto a = sim.store().get<ConfigMap>("default", "a");
        auto b = sim.store().get<ConfigMap>("default", "b");
        auto c = sim.store().get<ConfigMap>("default", "c");
        c->metadata.ownerReferences = {{"v1", "ConfigMap", "a", a->metadata.uid, false, false},
                                       {"v1", "ConfigMap", "b", b->metadata.uid, false, false}};
        sim.store().update(c);
        QVERIFY(!sim.remove("ConfigMap", "default", "a"));
        sim.runUntil(2);
        QVERIFY(sim.store().get<ConfigMap>("default", "c"));
        QCOMPARE(c->metadata.ownerReferences.size(), std::size_t(1));
        QCOMPARE(c->metadata.ownerReferences.front().name, std::string("b"));
        QVERIFY(!sim.remove("ConfigMap", "default", "b"));
        sim.runUntil(3);
        QVERIFY(!sim.store().get<ConfigMap>("default", "c"));
    }

    // kubectl delete --cascade=foreground: the Deployment and its ReplicaSet stay with a
    // deletionTimestamp and the foregroundDeletion finalizer while the pods terminate, and go
    // only after the last pod has left etcd; the ReplicaSet makes no replacement pods meanwhile.
    void foregroundDeletionWaitsForTheDependents()
    {
        Simulation sim;
        sim.start(loadYaml(kDeployment));
        sim.runUntil(30);
        QVERIFY(!sim.remove("Deployment", "default", "web", "Foreground"));
        sim.runUntil(31);
        auto d = sim.store().get<Deployment>("default", "web");
        QVERIFY(d && d->metadata.deletionTimestamp);
        QCOMPARE(d->metadata.finalizers, std::vector<std::string>{"foregroundDeletion"});
        auto sets = sim.store().list<ReplicaSet>("default");
        QCOMPARE(int(sets.size()), 1);
        QVERIFY(sets.front()->metadata.deletionTimestamp);
        QCOMPARE(sets.front()->metadata.finalizers, std::vector<std::string>{"foregroundDeletion"});
        QCOMPARE(podCount(sim), 3);
        for (const auto &p : sim.store().list<Pod>("default"))
            QVERIFY(p->metadata.deletionTimestamp);
        double podsGone = -1, deploymentGone = -1;
        for (double t = 31; t < 120 && deploymentGone < 0; t += 0.1) {
            sim.runUntil(t);
            QVERIFY2(podCount(sim) <= 3, "no replacement pods while the owner is being deleted");
            if (podsGone < 0 && podCount(sim) == 0)
                podsGone = t;
            if (!sim.store().get<Deployment>("default", "web"))
                deploymentGone = t;
            if (deploymentGone < 0 && podCount(sim) > 0)
                QVERIFY(!sim.store().list<ReplicaSet>("default").empty());
        }
        QVERIFY(podsGone > 0);
        QVERIFY2(deploymentGone >= podsGone, qPrintable(QString("%1 < %2").arg(deploymentGone).arg(podsGone)));
        QVERIFY(sim.store().list<ReplicaSet>("default").empty());
    }

    // kubectl delete --cascade=orphan: the Deployment goes at once, its ReplicaSet and pods stay
    // and keep running, the ReplicaSet without an owner reference (its pods still owned by it).
    void orphanDeletionLeavesTheDependents()
    {
        Simulation sim;
        sim.start(loadYaml(kDeployment));
        sim.runUntil(30);
        QVERIFY(!sim.remove("Deployment", "default", "web", "Orphan"));
        sim.runUntil(60);
        QVERIFY(!sim.store().get<Deployment>("default", "web"));
        auto sets = sim.store().list<ReplicaSet>("default");
        QCOMPARE(int(sets.size()), 1);
        QVERIFY(sets.front()->metadata.ownerReferences.empty());
        QVERIFY(!sets.front()->metadata.deletionTimestamp);
        QCOMPARE(podCount(sim), 3);
        for (const auto &p : sim.store().list<Pod>("default")) {
            QVERIFY(!p->metadata.deletionTimestamp);
            QCOMPARE(p->metadata.controllerRef()->uid, sets.front()->metadata.uid);
        }
        // The orphaned ReplicaSet still keeps its replicas.
        QVERIFY(!sim.remove("Pod", "default", sim.store().list<Pod>("default").front()->metadata.name));
        sim.runUntil(120);
        int live = 0;
        for (const auto &p : sim.store().list<Pod>("default"))
            live += p->metadata.deletionTimestamp ? 0 : 1;
        QCOMPARE(live, 3);
    }

    // Orphaned pods of a deleted ReplicaSet are adopted by a new one that selects them.
    void orphansAreAdoptedByANewOwner()
    {
        const char *rs = "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: frontend\nspec:\n  replicas: 2\n"
                         "  selector:\n    matchLabels:\n      tier: frontend\n  template:\n    metadata:\n"
                         "      labels:\n        tier: frontend\n    spec:\n      containers:\n      - name: php\n"
                         "        image: php:8\n";
        Simulation sim;
        sim.start(loadYaml(rs));
        sim.runUntil(30);
        std::set<std::string> before;
        for (const auto &p : sim.store().list<Pod>("default"))
            before.insert(p->metadata.name);
        QVERIFY(!sim.remove("ReplicaSet", "default", "frontend", "Orphan"));
        sim.runUntil(40);
        for (const auto &p : sim.store().list<Pod>("default"))
            QVERIFY(p->metadata.ownerReferences.empty());
        sim.apply(loadYaml(rs));
        sim.runUntil(60);
        auto adopter = sim.store().get<ReplicaSet>("default", "frontend");
        QVERIFY(adopter);
        std::set<std::string> after;
        for (const auto &p : sim.store().list<Pod>("default")) {
            QCOMPARE(p->metadata.controllerRef()->uid, adopter->metadata.uid);
            after.insert(p->metadata.name);
        }
        QCOMPARE(after, before);
    }

    void anUnknownPropagationPolicyIsRefused()
    {
        Simulation sim;
        sim.start(loadYaml(kDeployment));
        sim.runUntil(5);
        auto err = sim.remove("Deployment", "default", "web", "Sideways");
        QVERIFY(err);
        QCOMPARE(err->code, 400);
        QVERIFY(sim.store().get<Deployment>("default", "web"));
    }
};

QTEST_GUILESS_MAIN(TestGarbageCollector)
#include "tst_garbage_collector.moc"
