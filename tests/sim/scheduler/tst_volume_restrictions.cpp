// VolumeRestrictions, after volumerestrictions/volume_restrictions_test.go
// (TestAccessModeConflicts): a ReadWriteOncePod claim is usable by one pod in the cluster.
#include "scheduler_test_util.h"

#include <QtTest>

using namespace schedtest;
using sched::Code;
using sched::PluginId;

namespace {

std::shared_ptr<PersistentVolumeClaim> claim(const std::string &name, const std::string &mode)
{
    auto pvc = std::make_shared<PersistentVolumeClaim>();
    pvc->kind = "PersistentVolumeClaim";
    pvc->metadata.name = name;
    pvc->metadata.namespace_ = "default";
    pvc->spec.accessModes = {mode};
    pvc->spec.volumeName = "pv-" + name;
    return pvc;
}

}  // namespace

class TestVolumeRestrictions : public QObject {
    Q_OBJECT

private slots:
    void readWriteOncePodConflict()
    {
        // "fits when no pods use the ReadWriteOncePod PVC" / "conflicts when an existing pod uses it"
        ObjectStore store;
        store.create(claim("claim-with-rwop-1", "ReadWriteOncePod"));
        auto node = NodeBuilder("node-1").obj();
        auto incoming = PodBuilder("p").claim("data", "claim-with-rwop-1").obj();
        auto empty = snapshotOf({node}, {}, &store);
        QVERIFY(sched::runFilterPlugin(PluginId::VolumeRestrictions, *incoming, empty, "node-1").isSuccess());
        auto used = snapshotOf({node}, {PodBuilder("e").node("node-1").claim("data", "claim-with-rwop-1").obj()}, &store);
        auto s = sched::runFilterPlugin(PluginId::VolumeRestrictions, *incoming, used, "node-1");
        QCOMPARE(s.code(), Code::Unschedulable);
        QCOMPARE(s.message(),
                 std::string("node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode"));
    }

    void readWriteOnceShares()
    {
        ObjectStore store;
        store.create(claim("rwo", "ReadWriteOnce"));
        auto node = NodeBuilder("node-1").obj();
        auto used = snapshotOf({node}, {PodBuilder("e").node("node-1").claim("data", "rwo").obj()}, &store);
        QVERIFY(sched::runFilterPlugin(PluginId::VolumeRestrictions, *PodBuilder("p").claim("d", "rwo").obj(), used, "node-1")
                    .isSuccess());
    }

    void missingClaim()
    {
        // PreFilter: the claim must exist.
        ObjectStore store;
        auto snapshot = snapshotOf({NodeBuilder("node-1").obj()}, {}, &store);
        auto s = sched::runFilterPlugin(PluginId::VolumeRestrictions, *PodBuilder("p").claim("d", "nope").obj(), snapshot, "node-1");
        QCOMPARE(s.code(), Code::UnschedulableAndUnresolvable);
        QCOMPARE(s.message(), std::string("persistentvolumeclaim \"nope\" not found"));
    }

    void preemptionHelpsRWOP()
    {
        // The conflict is Unschedulable: preemption may evict the lower-priority user.
        ObjectStore store;
        store.create(claim("rwop", "ReadWriteOncePod"));
        auto pv = std::make_shared<PersistentVolume>();
        pv->kind = "PersistentVolume";
        pv->metadata.name = "pv-rwop";
        store.create(pv);
        auto node = NodeBuilder("node-1").capacity({{"cpu", "1"}, {"memory", "1Gi"}, {"pods", "10"}}).obj();
        auto snapshot = snapshotOf({node}, {PodBuilder("low").node("node-1").priority(0).claim("d", "rwop").obj()}, &store);
        sched::SchedulerState state(7);
        auto r = sched::schedulePod(*PodBuilder("high").priority(100).claim("d", "rwop").obj(), snapshot, state);
        QVERIFY(!r.scheduled());
        QCOMPARE(r.nominatedNode, std::string("node-1"));
        QCOMPARE(r.preemptionCandidates.front().victims.front()->metadata.name, std::string("low"));
    }
};

QTEST_APPLESS_MAIN(TestVolumeRestrictions)
#include "tst_volume_restrictions.moc"
