// The garbage collector (DESIGN 3.4): deleting an owner deletes its dependents, down the whole
// chain; re-applying an owner (same uid) deletes nothing; a dependent with another live owner
// only loses the dangling reference.
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
};

QTEST_GUILESS_MAIN(TestGarbageCollector)
#include "tst_garbage_collector.moc"
