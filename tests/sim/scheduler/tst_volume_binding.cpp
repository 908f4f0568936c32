// VolumeBinding, after volumebinding/volume_binding_test.go and binder_test.go: bound PVs' node
// affinity, WaitForFirstConsumer claims (matching PV or a provisioner), Immediate unbound claims.
#include "scheduler_test_util.h"

#include <QtTest>

using namespace schedtest;
using sched::Code;
using sched::PluginId;

namespace {

std::shared_ptr<StorageClass> storageClass(const std::string &name, const std::string &mode, const std::string &provisioner)
{
    auto sc = std::make_shared<StorageClass>();
    sc->kind = "StorageClass";
    sc->metadata.name = name;
    sc->volumeBindingMode = mode;
    sc->provisioner = provisioner;
    return sc;
}

std::shared_ptr<PersistentVolumeClaim> claim(const std::string &name, const std::string &cls, const std::string &volume = "")
{
    auto pvc = std::make_shared<PersistentVolumeClaim>();
    pvc->kind = "PersistentVolumeClaim";
    pvc->metadata.name = name;
    pvc->metadata.namespace_ = "default";
    pvc->spec.accessModes = {"ReadWriteOnce"};
    pvc->spec.storageClassName = cls;
    pvc->spec.volumeName = volume;
    pvc->spec.resources.requests = resources({{"storage", "1Gi"}});
    return pvc;
}

// A PV with node affinity on kubernetes.io/hostname (a local volume) or a zone.
std::shared_ptr<PersistentVolume> volume(const std::string &name, const std::string &cls, const std::string &key,
                                         const std::string &value)
{
    auto pv = std::make_shared<PersistentVolume>();
    pv->kind = "PersistentVolume";
    pv->metadata.name = name;
    pv->spec.storageClassName = cls;
    pv->spec.accessModes = {"ReadWriteOnce"};
    pv->spec.capacity = resources({{"storage", "5Gi"}});
    NodeSelectorTerm term;
    term.matchExpressions.push_back({key, SelectorOperator::In, {value}});
    pv->spec.nodeAffinity = NodeSelector{{term}};
    return pv;
}

std::vector<std::shared_ptr<Node>> zonedNodes()
{
    return {NodeBuilder("node-a").label("topology.kubernetes.io/zone", "z1").obj(),
            NodeBuilder("node-b").label("topology.kubernetes.io/zone", "z2").obj()};
}

}  // namespace

class TestVolumeBinding : public QObject {
    Q_OBJECT

private slots:
    void noClaimsSkips()
    {
        auto snapshot = snapshotOf(zonedNodes());
        QVERIFY(sched::runFilterPlugin(PluginId::VolumeBinding, *PodBuilder("p").obj(), snapshot, "node-a").isSuccess());
    }

    void boundVolumeAffinity()
    {
        // "PVC bound to a PV with node affinity": only the matching zone fits.
        ObjectStore store;
        store.create(claim("data", "standard", "pv-z1"));
        store.create(volume("pv-z1", "standard", "topology.kubernetes.io/zone", "z1"));
        auto snapshot = snapshotOf(zonedNodes(), {}, &store);
        auto pod = PodBuilder("p").claim("d", "data").obj();
        QVERIFY(sched::runFilterPlugin(PluginId::VolumeBinding, *pod, snapshot, "node-a").isSuccess());
        auto s = sched::runFilterPlugin(PluginId::VolumeBinding, *pod, snapshot, "node-b");
        QCOMPARE(s.code(), Code::UnschedulableAndUnresolvable);
        QCOMPARE(s.message(), std::string("node(s) didn't match PersistentVolume's node affinity"));
    }

    void boundToMissingVolume()
    {
        ObjectStore store;
        store.create(claim("data", "standard", "gone"));
        auto snapshot = snapshotOf(zonedNodes(), {}, &store);
        auto s = sched::runFilterPlugin(PluginId::VolumeBinding, *PodBuilder("p").claim("d", "data").obj(), snapshot, "node-a");
        QCOMPARE(s.code(), Code::UnschedulableAndUnresolvable);
        QCOMPARE(s.message(), std::string("node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)"));
    }

    void immediateUnbound()
    {
        // PreFilter: "pod has unbound immediate PersistentVolumeClaims", then the FitError text.
        ObjectStore store;
        store.create(storageClass("fast", "Immediate", "example.com/csi"));
        store.create(claim("data", "fast"));
        auto snapshot = snapshotOf(zonedNodes(), {}, &store);
        sched::SchedulerState state(1);
        auto r = sched::schedulePod(*PodBuilder("p").claim("d", "data").obj(), snapshot, state);
        QVERIFY(r.preFilterPlugin == PluginId::VolumeBinding);
        QCOMPARE(r.messageWithPreemption,
                 std::string("0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. "
                             "preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."));
    }

    void waitForFirstConsumer()
    {
        // A delayed claim fits where a matching PV's affinity fits, or anywhere the class provisions.
        ObjectStore store;
        store.create(storageClass("local", "WaitForFirstConsumer", "kubernetes.io/no-provisioner"));
        store.create(storageClass("csi", "WaitForFirstConsumer", "example.com/csi"));
        store.create(claim("local-data", "local"));
        store.create(claim("csi-data", "csi"));
        store.create(volume("local-pv", "local", "kubernetes.io/hostname", "node-a"));
        auto nodes = {NodeBuilder("node-a").label("kubernetes.io/hostname", "node-a").obj(),
                      NodeBuilder("node-b").label("kubernetes.io/hostname", "node-b").obj()};
        auto snapshot = snapshotOf(nodes, {}, &store);
        auto local = PodBuilder("p").claim("d", "local-data").obj();
        QVERIFY(sched::runFilterPlugin(PluginId::VolumeBinding, *local, snapshot, "node-a").isSuccess());
        auto s = sched::runFilterPlugin(PluginId::VolumeBinding, *local, snapshot, "node-b");
        QCOMPARE(s.message(), std::string("node(s) didn't find available persistent volumes to bind"));
        auto csi = PodBuilder("q").claim("d", "csi-data").obj();
        QVERIFY(sched::runFilterPlugin(PluginId::VolumeBinding, *csi, snapshot, "node-b").isSuccess());
    }

    void localVolumeNarrowsNodes()
    {
        // GetEligibleNodes: a bound local PV pins the pod to its node (PreFilterResult).
        ObjectStore store;
        store.create(claim("data", "local", "pv-a"));
        store.create(volume("pv-a", "local", "kubernetes.io/hostname", "node-a"));
        auto nodes = {NodeBuilder("node-a").label("kubernetes.io/hostname", "node-a").obj(),
                      NodeBuilder("node-b").label("kubernetes.io/hostname", "node-b").obj(),
                      NodeBuilder("node-c").label("kubernetes.io/hostname", "node-c").obj()};
        auto snapshot = snapshotOf(nodes, {}, &store);
        sched::SchedulerState state(1);
        auto r = sched::schedulePod(*PodBuilder("p").claim("d", "data").nodeSelector("x", "y").obj(), snapshot, state);
        QCOMPARE(r.message, std::string("0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
                                        "2 node(s) didn't satisfy plugin(s) [VolumeBinding]."));
    }
};

QTEST_APPLESS_MAIN(TestVolumeBinding)
#include "tst_volume_binding.moc"
