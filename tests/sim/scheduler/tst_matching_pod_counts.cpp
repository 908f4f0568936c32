// The snapshot's matching-pod counts per node (MatchingPodCounts), kept pod by pod, against a
// recount of the snapshot after every change.
#include "scheduler_test_util.h"

#include <QtTest>

#include <random>

using namespace schedtest;
using sched::PodSelection;

namespace {

// countPodsMatchSelector over the snapshot as it is now.
std::vector<std::int32_t> recount(const sched::ClusterSnapshot &snapshot, const PodSelection &s)
{
    std::vector<std::int32_t> out;
    for (const auto &node : snapshot.nodes()) {
        std::int32_t n = 0;
        for (const auto &p : node.pods)
            n += !p.pod->metadata.deletionTimestamp && s.matches(*p.pod) ? 1 : 0;
        out.push_back(n);
    }
    return out;
}

std::vector<PodSelection> selections()
{
    PodSelection byLabel{"default", selector({{"app", "web"}}), {}};
    PodSelection byIn{"default", {}, {}};
    byIn.selector.matchExpressions.push_back(requirement("app", SelectorOperator::In, {"db"}));
    PodSelection byExists{"default", {}, {}}; // requires no single label: matched against every pod
    byExists.selector.matchExpressions.push_back(requirement("tier", SelectorOperator::Exists));
    PodSelection withLabels{"default", selector({{"app", "web"}}), {{"tier", "front"}}};
    PodSelection otherNamespace{"prod", selector({{"app", "web"}}), {}};
    return {byLabel, byIn, byExists, withLabels, otherNamespace};
}

} // namespace

class TestMatchingPodCounts : public QObject {
    Q_OBJECT

private slots:
    void countsEqualARecountThroughRandomChanges()
    {
        sched::ClusterSnapshot snapshot;
        std::vector<std::string> nodeNames;
        for (int i = 0; i < 6; ++i) {
            nodeNames.push_back("node-" + std::to_string(i * 2));
            snapshot.setNode(NodeBuilder(nodeNames.back()).obj());
        }
        const auto sels = selections();
        std::mt19937 rng(7);
        auto pick = [&rng](std::size_t n) { return std::size_t(rng() % n); };
        const std::vector<std::string> apps{"web", "db", "cache"}, tiers{"", "front", "back"},
            namespaces{"default", "prod"};
        std::vector<std::pair<std::shared_ptr<Pod>, std::string>> bound;
        int nextPod = 0, nextNode = 1;

        for (int step = 0; step < 3000; ++step) {
            const auto action = pick(100);
            if (action < 45 || bound.empty()) { // bind a new pod
                PodBuilder b("p" + std::to_string(nextPod++), namespaces[pick(2)]);
                b.label("app", apps[pick(3)]);
                if (const auto &tier = tiers[pick(3)]; !tier.empty())
                    b.label("tier", tier);
                const std::string node = nodeNames[pick(nodeNames.size())];
                QVERIFY(snapshot.addPod(b.obj(), node));
                bound.emplace_back(b.obj(), node);
            } else if (action < 75) { // unbind one
                const auto i = pick(bound.size());
                QVERIFY(snapshot.removePod(*bound[i].first, bound[i].second));
                bound.erase(bound.begin() + std::ptrdiff_t(i));
            } else if (action < 90) { // a graceful delete sets deletionTimestamp in place
                auto &[pod, node] = bound[pick(bound.size())];
                pod->metadata.deletionTimestamp = double(step);
                QVERIFY(snapshot.updatePod(pod, node));
            } else if (action < 96) { // the object replaced (kubectl apply): same uid, new labels
                auto &[pod, node] = bound[pick(bound.size())];
                auto replaced = std::make_shared<Pod>(*pod);
                replaced->metadata.labels["app"] = apps[pick(3)];
                QVERIFY(snapshot.updatePod(replaced, node));
                pod = replaced;
            } else if (action < 98) { // a node joins between the others (indexes move)
                nodeNames.push_back("node-" + std::to_string(nextNode));
                nextNode += 2;
                snapshot.setNode(NodeBuilder(nodeNames.back()).obj());
            } else if (nodeNames.size() > 2) { // a node leaves with its pods
                const auto i = pick(nodeNames.size());
                const std::string gone = nodeNames[i];
                QVERIFY(snapshot.removeNode(gone));
                nodeNames.erase(nodeNames.begin() + std::ptrdiff_t(i));
                std::erase_if(bound, [&gone](const auto &b) { return b.second == gone; });
            }
            // Ask for some selections as the scheduler would, at different moments.
            for (std::size_t s = 0; s < sels.size(); ++s) {
                if (step < int(s) * 200)
                    continue; // not asked for yet: counted in full when first asked
                const auto &counts = snapshot.matchingPods(sels[s]);
                if (counts != recount(snapshot, sels[s]))
                    QFAIL(qPrintable(QStringLiteral("selection %1 drifted at step %2").arg(s).arg(step)));
            }
        }
        QVERIFY(nextPod > 1000);
    }

    void aTerminatingPodStopsCountingButStaysBound()
    {
        auto snapshot = snapshotOf({NodeBuilder("node-a").obj()});
        auto pod = PodBuilder("p").label("app", "web").node("node-a").obj();
        QVERIFY(snapshot.addPod(pod));
        const PodSelection web{"default", selector({{"app", "web"}}), {}};
        QCOMPARE(snapshot.matchingPods(web), std::vector<std::int32_t>{1});
        pod->metadata.deletionTimestamp = 30.0;
        QVERIFY(snapshot.updatePod(pod, "node-a"));
        QCOMPARE(snapshot.matchingPods(web), std::vector<std::int32_t>{0});
        QCOMPARE(snapshot.node(0).pods.size(), std::size_t(1)); // its requests still hold the node
        QVERIFY(snapshot.removePod(*pod, "node-a"));
        QCOMPARE(snapshot.matchingPods(web), std::vector<std::int32_t>{0});
    }
};

QTEST_APPLESS_MAIN(TestMatchingPodCounts)
#include "tst_matching_pod_counts.moc"
