// The pod informer the controllers share: each watch event updates its two indexes once, and the
// delta handed to every controller says what the event changed there.
#include "sim/controllers/controller.h"

#include <QtTest>

using namespace podscape;

namespace {

std::shared_ptr<Pod> podOf(const std::string &name, const std::string &ownerUid)
{
    auto pod = std::make_shared<Pod>();
    pod->apiVersion = "v1";
    pod->kind = "Pod";
    pod->metadata.name = name;
    pod->metadata.namespace_ = "default";
    pod->metadata.uid = "uid-" + name;
    if (!ownerUid.empty())
        pod->metadata.ownerReferences.push_back({"apps/v1", "ReplicaSet", "rs", ownerUid, true, true});
    return pod;
}

struct Recorded {
    std::vector<PodDelta> deltas;
    PodInformer informer;
    ObjectStore store;
    Recorded()
    {
        store.watch([this](const WatchEvent &e) { deltas.push_back(informer.observe(e)); });
    }
};

} // namespace

class TestPodInformer : public QObject {
    Q_OBJECT

private slots:
    void aPodsLifeInTheDeltas()
    {
        Recorded r;
        auto pod = podOf("web-1", "rs-a");
        r.store.create(pod); // created unbound: a new member of its set, on no node
        pod->spec.nodeName = "worker-1";
        r.store.update(pod); // the binding
        pod->status.phase = "Running";
        r.store.update(pod); // a status change on its node
        r.store.remove("Pod", "default", "web-1");
        QCOMPARE(int(r.deltas.size()), 4);
        QVERIFY(r.deltas[0].controllerChanged);
        QCOMPARE(r.deltas[0].node, PodsByNode::Change::None);
        QVERIFY(!r.deltas[1].controllerChanged);
        QCOMPARE(r.deltas[1].node, PodsByNode::Change::Bound);
        QVERIFY(!r.deltas[2].controllerChanged);
        QCOMPARE(r.deltas[2].node, PodsByNode::Change::Updated);
        QVERIFY(r.deltas[3].controllerChanged);
        QCOMPARE(r.deltas[3].node, PodsByNode::Change::Removed);
        QVERIFY(r.informer.byController().dependents("rs-a").empty());
        QVERIFY(r.informer.byNode().on("worker-1").empty());
    }

    void indexesFollowOwnersAndNodes()
    {
        Recorded r;
        auto a = podOf("web-1", "rs-a");
        auto b = podOf("web-2", "rs-a");
        auto orphan = podOf("debug", "");
        a->spec.nodeName = "worker-1";
        b->spec.nodeName = "worker-2";
        orphan->spec.nodeName = "worker-1";
        for (const auto &pod : {a, b, orphan})
            r.store.create(pod);
        QCOMPARE(int(r.informer.byController().dependents("rs-a").size()), 2);
        QCOMPARE(int(r.informer.byController().orphans("default").size()), 1);
        QCOMPARE(int(r.informer.byNode().on("worker-1").size()), 2);
        QCOMPARE(int(r.informer.byNode().on("worker-2").size()), 1);
        QCOMPARE(r.deltas[0].node, PodsByNode::Change::Bound); // created already bound
    }

    void otherKindsChangeNothing()
    {
        Recorded r;
        auto node = std::make_shared<Node>();
        node->apiVersion = "v1";
        node->kind = "Node";
        node->metadata.name = "worker-1";
        r.store.create(node);
        QCOMPARE(int(r.deltas.size()), 1);
        QVERIFY(!r.deltas[0].controllerChanged);
        QCOMPARE(r.deltas[0].node, PodsByNode::Change::None);
        QVERIFY(r.informer.byNode().all().empty());
    }
};

QTEST_APPLESS_MAIN(TestPodInformer)
#include "tst_pod_informer.moc"
