// The owner index the workload controllers and the garbage collector keep from the watch (the
// informers' indexers): a status change in place keeps the object where it is; a new object
// under the same name (re-applied) takes its place, moved when its owners changed; a deletion
// takes it out of every slot.
#include "sim/controllers/controller_utils.h"

#include <QtTest>

using namespace podscape;

namespace {

std::shared_ptr<Pod> podOwnedBy(const std::string &name, const std::string &ownerUid, bool controller = true)
{
    auto pod = std::make_shared<Pod>();
    pod->apiVersion = "v1";
    pod->kind = "Pod";
    pod->metadata.name = name;
    pod->metadata.namespace_ = "default";
    pod->metadata.uid = "uid-" + name;
    if (!ownerUid.empty())
        pod->metadata.ownerReferences.push_back({"apps/v1", "ReplicaSet", "rs", ownerUid, controller, true});
    return pod;
}

QStringList namesIn(const OwnerIndex::Members &members)
{
    QStringList out;
    for (const auto &[key, obj] : members)
        out << QString::fromStdString(obj->metadata.name);
    return out;
}

} // namespace

class TestControllerUtils : public QObject {
    Q_OBJECT

private slots:
    void statusChangesInPlaceKeepTheSlot()
    {
        ObjectStore store;
        OwnerIndex index("Pod", true);
        store.watch([&](const WatchEvent &e) { index.observe(e); });
        auto pod = podOwnedBy("web-1", "rs-a");
        store.create(pod);
        QCOMPARE(namesIn(index.dependents("rs-a")), QStringList{"web-1"});
        pod->status.phase = "Running";
        WatchEvent modified{WatchEventType::Modified, pod};
        QVERIFY(!index.observe(modified)); // same object, same owners: nothing moved
        QCOMPARE(index.dependents("rs-a").begin()->second.get(), pod.get());
    }

    void aReplacedObjectTakesItsPlaceAndFollowsItsOwners()
    {
        ObjectStore store;
        OwnerIndex index("Pod", true);
        std::vector<bool> moved;
        store.watch([&](const WatchEvent &e) { moved.push_back(index.observe(e)); });
        store.create(podOwnedBy("web-1", "rs-a"));

        auto sameOwner = podOwnedBy("web-1", "rs-a"); // re-applied, unchanged owners
        store.replace(sameOwner);
        QCOMPARE(moved.back(), false);
        QCOMPARE(index.dependents("rs-a").begin()->second.get(), sameOwner.get());

        auto otherOwner = podOwnedBy("web-1", "rs-b"); // adopted by another set
        store.replace(otherOwner);
        QCOMPARE(moved.back(), true);
        QVERIFY(index.dependents("rs-a").empty());
        QCOMPARE(index.dependents("rs-b").begin()->second.get(), otherOwner.get());

        auto orphan = podOwnedBy("web-1", ""); // released: an orphan of its namespace
        store.replace(orphan);
        QCOMPARE(moved.back(), true);
        QVERIFY(index.dependents("rs-b").empty());
        QCOMPARE(namesIn(index.orphans("default")), QStringList{"web-1"});

        store.remove("Pod", "default", "web-1");
        QCOMPARE(moved.back(), true);
        QVERIFY(index.orphans("default").empty());
    }

    void everyOwnerCountsWithoutControllerOnly()
    {
        ObjectStore store;
        OwnerIndex index("", false);
        store.watch([&](const WatchEvent &e) { index.observe(e); });
        auto pod = podOwnedBy("web-1", "rs-a", false);
        pod->metadata.ownerReferences.push_back({"v1", "ConfigMap", "cm", "cm-a", false, false});
        store.create(pod);
        QCOMPARE(namesIn(index.dependents("rs-a")), QStringList{"web-1"});
        QCOMPARE(namesIn(index.dependents("cm-a")), QStringList{"web-1"});

        // The owner references dropped in place, then in a re-applied object without them.
        pod->metadata.ownerReferences.pop_back();
        QVERIFY(index.observe(WatchEvent{WatchEventType::Modified, pod}));
        QVERIFY(index.dependents("cm-a").empty());
        QCOMPARE(namesIn(index.dependents("rs-a")), QStringList{"web-1"});
        store.replace(podOwnedBy("web-1", ""));
        QVERIFY(index.dependents("rs-a").empty());
        QVERIFY(index.orphans("default").empty()); // orphans are kept only with controllerOnly
    }
};

QTEST_GUILESS_MAIN(TestControllerUtils)
#include "tst_controller_utils.moc"
